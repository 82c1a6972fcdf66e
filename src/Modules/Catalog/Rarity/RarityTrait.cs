using NftMarketplace.Modules.Catalog.Metadata;

namespace NftMarketplace.Modules.Catalog.Rarity;

/// <summary>
/// One attribute of a token as the ranker reads it: the name and value as the metadata carries them, and the kind of
/// value. Only <see cref="TraitValueKind.String"/> traits count; numbers and dates are left out entirely.
/// </summary>
internal readonly record struct RarityTrait(string TraitType, string Value, TraitValueKind Kind = TraitValueKind.String)
{
    /// <summary>A normalized metadata attribute as the ranker reads it.</summary>
    public static RarityTrait Of(NormalizedAttribute attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return new RarityTrait(attribute.TraitType, attribute.Value, attribute.Kind);
    }
}
