namespace NftMarketplace.Modules.Media.Contracts;

/// <summary>An asset's stored bytes; <paramref name="Bytes"/> is null when it is longer than the caller's cap.</summary>
public sealed record MediaContentDto(string Cid, string Mime, long Length, byte[]? Bytes);
