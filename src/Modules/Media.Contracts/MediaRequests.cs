using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Media.Contracts;

/// <summary>
/// The stored bytes of an approved asset — what <c>ipfs://{cid}</c> means on this platform (e.g. token metadata or
/// images the Catalog resolves) — or null when no approved asset has that CID. Content longer than
/// <paramref name="MaxBytes"/> is not read: the answer says its length with no bytes.
/// </summary>
public sealed record GetMediaContent(string Cid, long MaxBytes) : IQuery<MediaContentDto?>;
