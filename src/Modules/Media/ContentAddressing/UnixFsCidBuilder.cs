using System.Security.Cryptography;

namespace NftMarketplace.Modules.Media.ContentAddressing;

/// <summary>
/// Computes, while the content streams through, the CID that kubo's <c>ipfs add --cid-version=1</c> prints with its
/// classic defaults: 256 KiB fixed-size chunks, raw leaves, a balanced DAG of at most 174 links per node, sha2-256.
/// Content of at most one chunk is one raw block; longer content is a tree of dag-pb UnixFS <c>File</c> nodes over raw
/// leaves. Only the current chunk and, per tree level, up to 174 links are held, so memory does not grow with the
/// content. The sha256 of the whole content is computed on the way.
/// </summary>
/// <remarks>
/// The balanced layout groups the leaves 174 at a time into nodes, then those nodes 174 at a time, until one node is
/// left; a group may hold a single child (kubo and the npm importer both make such a node). The only block that stands
/// for itself is a single leaf: the content of one chunk.
/// </remarks>
internal sealed class UnixFsCidBuilder : IDisposable
{
    public const int ChunkBytes = 256 * 1024;
    public const int MaxLinksPerNode = 174;

    private readonly byte[] _chunk = new byte[ChunkBytes];
    private readonly IncrementalHash _content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<List<DagLink>> _levels = [[]];
    private int _chunkLength;
    private long _length;
    private bool _finished;

    public long Length => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _content.AppendData(data);
        _length += data.Length;
        while (!data.IsEmpty)
        {
            // A full chunk is only cut when more content follows: the last chunk decides whether there is a tree.
            if (_chunkLength == ChunkBytes)
            {
                CutChunk();
            }

            var take = Math.Min(data.Length, ChunkBytes - _chunkLength);
            data[..take].CopyTo(_chunk.AsSpan(_chunkLength));
            _chunkLength += take;
            data = data[take..];
        }
    }

    public async Task AppendAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer.AsSpan(0, read));
        }
    }

    /// <summary>The CID (text) and the sha256 of everything appended; the builder cannot be used after.</summary>
    public ContentDigest Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        var sha256 = _content.GetHashAndReset();
        if (_levels.Count == 1 && _levels[0].Count == 0)
        {
            // One chunk (possibly empty): the raw block is the whole content.
            return new ContentDigest(ContentId.Text(ContentId.Binary(ContentId.Raw, SHA256.HashData(_chunk.AsSpan(0, _chunkLength)))), sha256, _length);
        }

        CutChunk();
        for (var level = 0; ; level++)
        {
            var links = _levels[level];
            if (level == _levels.Count - 1 && links.Count == 1 && level > 0)
            {
                return new ContentDigest(ContentId.Text(links[0].Cid), sha256, _length);
            }

            if (links.Count > 0)
            {
                Push(level + 1, DagNode.Encode(links));
                links.Clear();
            }
        }
    }

    public void Dispose()
    {
        _finished = true;
        _content.Dispose();
    }

    private void CutChunk()
    {
        var leaf = new DagLink(ContentId.Binary(ContentId.Raw, SHA256.HashData(_chunk.AsSpan(0, _chunkLength))), _chunkLength, _chunkLength);
        _chunkLength = 0;
        Push(0, leaf);
    }

    private void Push(int level, DagLink link)
    {
        if (level == _levels.Count)
        {
            _levels.Add(new List<DagLink>(MaxLinksPerNode));
        }

        var links = _levels[level];
        if (links.Count == MaxLinksPerNode)
        {
            Push(level + 1, DagNode.Encode(links));
            links.Clear();
        }

        links.Add(link);
    }
}
