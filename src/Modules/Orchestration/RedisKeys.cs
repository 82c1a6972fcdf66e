namespace NftMarketplace.Modules.Orchestration;

/// <summary>The Redis keys Orchestration owns. Redis only holds copies; Postgres stays the source of truth.</summary>
internal static class RedisKeys
{
    /// <summary>How long a fast copy lives after its last change.</summary>
    public static readonly TimeSpan IntentStatusTtl = TimeSpan.FromHours(6);

    /// <summary><c>intent:status:{intentId}</c> — an intent's current state (<c>IntentView</c> as JSON), EX 21600.</summary>
    public static string IntentStatus(Guid intentId) => $"intent:status:{intentId:D}";
}
