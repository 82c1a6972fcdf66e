using System.Text.Json;
using System.Text.RegularExpressions;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Media.ContentAddressing;

namespace NftMarketplace.IntegrationTests.Media;

/// <summary>
/// The C# content ids against the independent reference, live: tests/media-cid runs the npm UnixFS importer (kubo's
/// classic settings) over the same deterministic contents and compares, and checks the committed vectors.json too.
/// </summary>
public sealed partial class ContentIdReferenceTests
{
    private static readonly Dictionary<string, long> Lengths = new()
    {
        ["empty"] = 0,
        ["oneByte"] = 1,
        ["oneChunk"] = 256 * 1024,
        ["oneChunkPlusOne"] = 256 * 1024 + 1,
        ["oneMiB"] = 1024 * 1024,
        ["fortyFiveMiB"] = 45 * 1024 * 1024,
    };

    [Fact]
    public async Task Our_ids_equal_the_npm_unixfs_importers()
    {
        var ours = Lengths.ToDictionary(v => v.Key, v => Cid(v.Value));

        var (exitCode, output) = await NodeTests.RunAsync("media-cid", file: "cid.test.js", environment: new Dictionary<string, string>
        {
            ["MEDIA_CIDS"] = JsonSerializer.Serialize(ours),
        });

        Assert.True(exitCode == 0, output);
        Assert.Equal((Lengths.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Passed().Match(output).Groups["count"].Value);
    }

    /// <summary>xorshift32 (13, 17, 5) from seed 2463534242, the low byte of the state per step (tests/media-cid/reference.js).</summary>
    private static string Cid(long length)
    {
        using var builder = new UnixFsCidBuilder();
        var buffer = new byte[65536];
        var state = 2463534242u;
        for (long written = 0; written < length;)
        {
            var count = (int)Math.Min(buffer.Length, length - written);
            for (var i = 0; i < count; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                buffer[i] = (byte)state;
            }

            builder.Append(buffer.AsSpan(0, count));
            written += count;
        }

        return builder.Finish().Cid;
    }

    [GeneratedRegex(@"^# pass (?<count>\d+)$", RegexOptions.Multiline)]
    private static partial Regex Passed();
}
