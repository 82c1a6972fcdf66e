namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>A role an account holds on a collection (table <c>catalog.collection_roles</c>): its latest fact is a grant.</summary>
internal sealed class CollectionRole
{
    public required string ChainId { get; init; }

    public required string Address { get; init; }

    /// <summary>bytes32 role id, 0x-prefixed.</summary>
    public required string Role { get; init; }

    public required string Account { get; init; }

    public long GrantedBlock { get; set; }

    public DateTimeOffset GrantedAt { get; set; }
}
