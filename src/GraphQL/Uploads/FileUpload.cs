namespace NftMarketplace.GraphQL.Uploads;

/// <summary>
/// A file of a multipart request, as resolvers receive an <c>Upload</c> argument or input field. Its content was
/// received before the operation started: small files are held in memory, larger ones in a temporary file that is
/// deleted when the request ends.
/// </summary>
public sealed class FileUpload : IAsyncDisposable
{
    private readonly Stream _content;
    private int _taken;

    internal FileUpload(string fileName, string contentType, long length, Stream content)
    {
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        _content = content;
        IsInMemory = content is MemoryStream;
    }

    /// <summary>The client's name for the file, without any directory part; may be empty.</summary>
    public string FileName { get; }

    /// <summary>The part's <c>Content-Type</c>, as the client declared it (not checked against the content).</summary>
    public string ContentType { get; }

    public long Length { get; }

    internal bool IsInMemory { get; }

    /// <summary>
    /// The content, from its start. It can be read once: the first call hands the stream over. Disposing it early frees
    /// its temporary file early; otherwise that happens when the request ends.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stream was already taken.</exception>
    public Stream OpenReadStream() =>
        Interlocked.Exchange(ref _taken, 1) == 0
            ? _content
            : throw new InvalidOperationException($"The upload '{FileName}' has already been read; an upload can be read once.");

    public ValueTask DisposeAsync() => _content.DisposeAsync();
}
