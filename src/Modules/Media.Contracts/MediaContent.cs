namespace NftMarketplace.Modules.Media.Contracts;

/// <summary>
/// What <see cref="GetMediaContent"/> found under a CID: the bytes (<see cref="MediaContentFound"/>), only their length
/// when they are longer than the caller's cap (<see cref="MediaContentTooLarge"/>), or nothing this platform serves
/// (<see cref="MediaContentNotFound"/>: unknown, pending or rejected).
/// </summary>
public abstract record MediaContent(string Cid);

/// <summary>An approved asset's stored bytes.</summary>
public sealed record MediaContentFound(string Cid, string Mime, long Length, byte[] Bytes) : MediaContent(Cid);

/// <summary>An approved asset longer than the cap: not read.</summary>
public sealed record MediaContentTooLarge(string Cid, string Mime, long Length) : MediaContent(Cid);

/// <summary>No asset served under <see cref="MediaContent.Cid"/>: none has it, or it is pending or rejected.</summary>
public sealed record MediaContentNotFound(string Cid) : MediaContent(Cid);
