namespace NftMarketplace.Modules.Catalog.Rarity;

/// <summary>A token's OpenRarity result: its score, its rank (1 = rarest; equal scores share one) and how many of its
/// values no other token has (which ranks before the score does).</summary>
internal readonly record struct TokenRarityScore(double Score, int Rank, int UniqueValues);
