namespace NftMarketplace.Modules.Orchestration.Domain;

/// <summary>
/// What the catalog showed for a transaction no intent tracked yet (table <c>orchestration.readiness_facts</c>): the
/// domain event may arrive before the client tracks its hash. Kept only while a PREPARED intent could still track
/// it (one of that kind on that collection, or at that preview address), applied and deleted when one does, and
/// deleted once every such intent must have expired.
/// </summary>
internal sealed class ReadinessFact
{
    public required string ChainId { get; init; }

    /// <summary>Lowercase <c>0x</c> hash.</summary>
    public required string TxHash { get; init; }

    public IntentKind Kind { get; init; }

    /// <summary>The collection (created or minted on), lowercase.</summary>
    public required string Contract { get; set; }

    /// <summary>MINT: the minted ids (decimal).</summary>
    public string[]? TokenIds { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
