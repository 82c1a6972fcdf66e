namespace NftMarketplace.Modules.Media.ContentAddressing;

/// <summary>
/// A child of a UnixFS node: its binary CID, <paramref name="TotalSize"/> (the dag-pb <c>Tsize</c>: bytes of every
/// block under it, its own included) and <paramref name="FileSize"/> (content bytes under it, the UnixFS
/// <c>blocksizes</c> entry).
/// </summary>
internal sealed record DagLink(byte[] Cid, long TotalSize, long FileSize);
