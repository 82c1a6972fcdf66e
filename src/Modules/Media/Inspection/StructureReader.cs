using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Media.Inspection;

/// <summary>
/// Reads pieces of a seekable upload at given offsets for <see cref="MediaInspector"/>; a piece past the end means the
/// file is truncated, which is bad input.
/// </summary>
internal sealed class StructureReader(Stream content, string field)
{
    public long Length { get; } = content.Length;

    public int ReadAtMost(long offset, Span<byte> buffer)
    {
        content.Position = offset;
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = content.Read(buffer[filled..])) > 0)
        {
            filled += read;
        }

        return filled;
    }

    public void ReadExactly(long offset, Span<byte> buffer)
    {
        if (offset < 0 || offset + buffer.Length > Length || ReadAtMost(offset, buffer) < buffer.Length)
        {
            throw Truncated();
        }
    }

    public byte ReadByte(long offset)
    {
        Span<byte> one = stackalloc byte[1];
        ReadExactly(offset, one);
        return one[0];
    }

    public void EnsureWithin(long offset)
    {
        if (offset > Length)
        {
            throw Truncated();
        }
    }

    /// <summary>Skips GIF-style sub-blocks (a size byte, that many bytes, … a zero size) from <paramref name="offset"/>.</summary>
    /// <returns>The offset after the terminating zero.</returns>
    public long SkipSubBlocks(long offset)
    {
        while (true)
        {
            var size = ReadByte(offset);
            offset += 1 + size;
            if (size == 0)
            {
                return offset;
            }
        }
    }

    /// <summary>Whether the last <paramref name="window"/> bytes contain <paramref name="pattern"/>.</summary>
    public bool TailContains(ReadOnlySpan<byte> pattern, int window)
    {
        var start = Math.Max(0, Length - window);
        var tail = new byte[Length - start];
        ReadExactly(start, tail);
        return tail.AsSpan().IndexOf(pattern) >= 0;
    }

    private BadInputException Truncated() => new("The file is truncated or its structure is broken.", field);
}
