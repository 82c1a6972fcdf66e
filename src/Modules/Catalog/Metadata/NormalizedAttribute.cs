namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>
/// One attribute in the common metadata standard. <see cref="Value"/> is the text shown (as the metadata spelled it;
/// a number in its shortest round-trip form); <see cref="Number"/> is set for number and date traits (a date in
/// seconds since the epoch). <see cref="DisplayType"/> is lower-cased.
/// </summary>
internal sealed record NormalizedAttribute(
    string TraitType,
    string Value,
    TraitValueKind Kind,
    string? DisplayType = null,
    double? Number = null,
    double? MaxValue = null);
