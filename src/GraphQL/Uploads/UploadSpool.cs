using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.GraphQL.Uploads;

/// <summary>
/// Receives a file part while it streams in: up to <see cref="InMemoryBytes"/> it stays in memory, beyond that it goes
/// to a temporary file (readable only by this process's user, deleted on dispose). Memory per request is so bounded
/// by the number of files, whatever their size.
/// </summary>
internal static class UploadSpool
{
    public const int InMemoryBytes = 64 * 1024;

    private const int ChunkBytes = 64 * 1024;

    /// <exception cref="RequestRefusedException">413 once the part is larger than <paramref name="maxBytes"/>.</exception>
    public static async Task<FileUpload> ReceiveAsync(
        Stream part, string partName, string fileName, string contentType, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkBytes, InMemoryBytes + 1));
        FileStream? spool = null;
        try
        {
            // One byte more than fits in memory tells a small file from one that has to go to disk.
            var buffered = await FillAsync(part, buffer.AsMemory(0, InMemoryBytes + 1), cancellationToken).ConfigureAwait(false);
            EnsureWithin(buffered, maxBytes, partName);
            if (buffered <= InMemoryBytes)
            {
                var content = new MemoryStream(buffer.AsSpan(0, buffered).ToArray(), writable: false);
                return new FileUpload(fileName, contentType, buffered, content);
            }

            spool = CreateSpoolFile();
            await spool.WriteAsync(buffer.AsMemory(0, buffered), cancellationToken).ConfigureAwait(false);
            long length = buffered;
            int read;
            while ((read = await part.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                EnsureWithin(length, maxBytes, partName);
                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await spool.FlushAsync(cancellationToken).ConfigureAwait(false);
            spool.Position = 0;
            var upload = new FileUpload(fileName, contentType, length, spool);
            spool = null;
            return upload;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (spool is not null)
            {
                await spool.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> FillAsync(Stream part, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < buffer.Length
            && (read = await part.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private static void EnsureWithin(long length, long maxBytes, string partName)
    {
        if (length > maxBytes)
        {
            throw new RequestRefusedException(
                StatusCodes.Status413PayloadTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"File part '{partName}' is larger than {maxBytes} bytes, the most one file may have."));
        }
    }

    private static FileStream CreateSpoolFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nftmarketplace-upload-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
