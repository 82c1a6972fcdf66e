namespace NftMarketplace.Modules.Orchestration.Domain;

/// <summary>Where an intent stands; stored and shown by its upper-case name (<see cref="IntentStatusNames"/>).</summary>
internal enum IntentStatus
{
    /// <summary>Calldata handed out, no transaction yet.</summary>
    Prepared,

    /// <summary>A transaction hash tracked, not yet mined.</summary>
    Pending,

    /// <summary>Mined and succeeded; waiting for the catalog.</summary>
    Confirmed,

    /// <summary>The catalog shows the result.</summary>
    Ready,

    /// <summary>Reverted, replaced or dropped.</summary>
    Failed,

    /// <summary>No transaction before the deadline.</summary>
    Expired,
}

/// <summary>What an intent asks the chain to do.</summary>
internal enum IntentKind
{
    CreateCollection,
    Mint,
}

/// <summary>The wire and column names of <see cref="IntentStatus"/> and <see cref="IntentKind"/>.</summary>
internal static class IntentStatusNames
{
    public static string Name(this IntentStatus status) => status switch
    {
        IntentStatus.Prepared => "PREPARED",
        IntentStatus.Pending => "PENDING",
        IntentStatus.Confirmed => "CONFIRMED",
        IntentStatus.Ready => "READY",
        IntentStatus.Failed => "FAILED",
        IntentStatus.Expired => "EXPIRED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static IntentStatus ParseStatus(string name)
    {
        foreach (var status in Enum.GetValues<IntentStatus>())
        {
            if (status.Name() == name)
            {
                return status;
            }
        }

        throw new ArgumentException($"'{name}' is no intent status.", nameof(name));
    }

    public static string Name(this IntentKind kind) => kind switch
    {
        IntentKind.CreateCollection => "CREATE_COLLECTION",
        IntentKind.Mint => "MINT",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IntentKind ParseKind(string name) => name switch
    {
        "CREATE_COLLECTION" => IntentKind.CreateCollection,
        "MINT" => IntentKind.Mint,
        _ => throw new ArgumentException($"'{name}' is no intent kind.", nameof(name)),
    };
}
