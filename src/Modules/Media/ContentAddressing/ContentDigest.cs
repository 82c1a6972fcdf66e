namespace NftMarketplace.Modules.Media.ContentAddressing;

/// <summary>What <see cref="UnixFsCidBuilder"/> computed over some content: its CID (text), sha256 and length.</summary>
internal sealed record ContentDigest(string Cid, byte[] Sha256, long Length);
