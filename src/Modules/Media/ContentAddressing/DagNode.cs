using System.Security.Cryptography;

namespace NftMarketplace.Modules.Media.ContentAddressing;

/// <summary>
/// Encodes a UnixFS <c>File</c> node over child links as a dag-pb block, byte for byte as kubo and the npm importer
/// do. dag-pb's canonical form writes the links (field 2) before the data (field 1); a link is
/// <c>Hash</c> (1), <c>Name</c> (2, present and empty) and <c>Tsize</c> (3). The UnixFS <c>Data</c> message is
/// <c>Type</c> (1) = File (2), <c>filesize</c> (3) and one unpacked <c>blocksizes</c> (4) entry per child; it carries
/// no content of its own (raw leaves hold all of it).
/// </summary>
internal static class DagNode
{
    private const int UnixFsFile = 2;

    /// <summary>The node's link for its parent.</summary>
    public static DagLink Encode(IReadOnlyList<DagLink> children)
    {
        long fileSize = 0;
        long childrenSize = 0;
        foreach (var child in children)
        {
            fileSize += child.FileSize;
            childrenSize += child.TotalSize;
        }

        var unixFs = new ProtobufWriter();
        unixFs.Varint(1, UnixFsFile);
        unixFs.Varint(3, (ulong)fileSize);
        foreach (var child in children)
        {
            unixFs.Varint(4, (ulong)child.FileSize);
        }

        var node = new ProtobufWriter();
        foreach (var child in children)
        {
            var link = new ProtobufWriter();
            link.Bytes(1, child.Cid);
            link.Bytes(2, []);
            link.Varint(3, (ulong)child.TotalSize);
            node.Bytes(2, link.ToArray());
        }

        node.Bytes(1, unixFs.ToArray());
        var block = node.ToArray();
        return new DagLink(ContentId.Binary(ContentId.DagPb, SHA256.HashData(block)), block.Length + childrenSize, fileSize);
    }
}
