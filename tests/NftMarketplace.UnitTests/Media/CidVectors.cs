using System.Text.Json;

namespace NftMarketplace.UnitTests.Media;

/// <summary>
/// tests/media-cid/vectors.json (the npm UnixFS importer's ids of deterministic contents) and the same contents made
/// here: xorshift32 (13, 17, 5) from seed 2463534242, one step per byte, the byte being the low 8 bits of the state.
/// </summary>
public static class CidVectors
{
    private static readonly Lazy<IReadOnlyDictionary<string, (long Length, string Cid)>> All = new(Load);

    public static IReadOnlyDictionary<string, (long Length, string Cid)> Vectors => All.Value;

    public static TheoryData<string> Names() => [.. All.Value.Keys];

    /// <summary>Writes <paramref name="length"/> bytes of the deterministic content to <paramref name="sink"/> in pieces.</summary>
    public static void Generate(long length, Action<ReadOnlySpan<byte>> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var buffer = new byte[100_003]; // odd-sized pieces, so chunk edges fall inside Append calls
        var state = 2463534242u;
        long written = 0;
        while (written < length)
        {
            var count = (int)Math.Min(buffer.Length, length - written);
            for (var i = 0; i < count; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                buffer[i] = (byte)state;
            }

            sink(buffer.AsSpan(0, count));
            written += count;
        }
    }

    private static Dictionary<string, (long, string)> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("NftMarketplace.sln not found."), "tests", "media-cid", "vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("vectors").EnumerateObject().ToDictionary(
            v => v.Name,
            v => (v.Value.GetProperty("length").GetInt64(), v.Value.GetProperty("cid").GetString()!));
    }
}
