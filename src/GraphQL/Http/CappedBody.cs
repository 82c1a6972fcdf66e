using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace NftMarketplace.GraphQL.Http;

/// <summary>Reads a JSON request body of at most a given size, refusing a larger one as soon as it shows.</summary>
public static class CappedBody
{
    /// <summary>
    /// Buffers the body in the request pipe until it is complete, then hands the parsed JSON to
    /// <paramref name="read"/>. The document points into memory that is released when this returns, so
    /// <paramref name="read"/> must copy out everything it keeps.
    /// </summary>
    /// <exception cref="RequestRefusedException">413 past <paramref name="maxBytes"/>; 400 when empty, not UTF-8 or not JSON.</exception>
    public static async Task<T> ReadJsonAsync<T>(
        PipeReader body, long? contentLength, int maxBytes, Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(read);
        if (contentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        while (true)
        {
            var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                throw TooLarge(maxBytes);
            }

            if (result.IsCanceled)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                throw new OperationCanceledException("Reading the request body was cancelled.");
            }

            if (result.IsCompleted)
            {
                try
                {
                    return Read(buffer, read);
                }
                finally
                {
                    body.AdvanceTo(buffer.End);
                }
            }

            // Nothing consumed yet: keep the whole body in the pipe until it is complete or too large.
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Parses a complete body; <paramref name="read"/> must copy out what it keeps.</summary>
    public static T Read<T>(ReadOnlySequence<byte> buffer, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (buffer.IsEmpty)
        {
            throw RequestRefusedException.BadRequest("The request body is empty; send a JSON object with a 'query' string.");
        }

        // One contiguous span, so the JSON can be checked in one pass (see RequestJson).
        var rented = buffer.IsSingleSegment ? null : ArrayPool<byte>.Shared.Rent((int)buffer.Length);
        try
        {
            ReadOnlyMemory<byte> bytes = rented is null ? buffer.First : rented.AsMemory(0, (int)buffer.Length);
            if (rented is not null)
            {
                buffer.CopyTo(rented);
            }

            using var document = RequestJson.TryParse(bytes, out var problem)
                ?? throw RequestRefusedException.BadRequest($"The request body is {problem}.");
            return read(document.RootElement);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }


    private static RequestRefusedException TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.");
}
