namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>The GraphQL <c>ActivityType</c> names the consumers record (the marketplace adds its own later).</summary>
internal static class ActivityTypes
{
    public const string Mint = "MINT";

    public const string Transfer = "TRANSFER";

    public const string Burn = "BURN";
}
