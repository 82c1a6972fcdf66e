namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>What a trait's value is: text, a number (<c>number</c>, <c>boost_number</c>, <c>boost_percentage</c>) or a
/// date (<c>date</c>, seconds since the epoch).</summary>
internal enum TraitValueKind
{
    String,
    Number,
    Date,
}
