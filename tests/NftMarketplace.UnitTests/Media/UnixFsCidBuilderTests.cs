using System.Security.Cryptography;
using System.Text;
using NftMarketplace.Modules.Media.ContentAddressing;

namespace NftMarketplace.UnitTests.Media;

public sealed class UnixFsCidBuilderTests
{
    [Fact]
    public void Hello_world_is_the_raw_block_kubo_prints()
    {
        Assert.Equal("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", Cid(Encoding.ASCII.GetBytes("hello world")));
    }

    [Fact]
    public void The_empty_file_is_the_raw_block_of_no_bytes()
    {
        Assert.Equal("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", Cid([]));
    }

    [Theory]
    [MemberData(nameof(CidVectors.Names), MemberType = typeof(CidVectors))]
    public void Equals_the_reference_importer(string name)
    {
        var (length, expected) = CidVectors.Vectors[name];
        using var builder = new UnixFsCidBuilder();
        CidVectors.Generate(length, builder.Append);

        var digest = builder.Finish();

        Assert.Equal(expected, digest.Cid);
        Assert.Equal(length, digest.Length);
    }

    [Fact]
    public void The_sha256_is_of_the_whole_content()
    {
        var content = new byte[UnixFsCidBuilder.ChunkBytes * 2 + 7];
        new Random(7).NextBytes(content);
        using var builder = new UnixFsCidBuilder();
        builder.Append(content);

        Assert.Equal(SHA256.HashData(content), builder.Finish().Sha256);
    }

    [Fact]
    public void How_the_content_is_cut_into_appends_does_not_matter()
    {
        var content = new byte[UnixFsCidBuilder.ChunkBytes * 3 + 11];
        new Random(3).NextBytes(content);
        using var whole = new UnixFsCidBuilder();
        whole.Append(content);
        using var pieces = new UnixFsCidBuilder();
        for (var offset = 0; offset < content.Length; offset += 4099)
        {
            pieces.Append(content.AsSpan(offset, Math.Min(4099, content.Length - offset)));
        }

        Assert.Equal(whole.Finish().Cid, pieces.Finish().Cid);
    }

    [Fact]
    public void More_than_one_chunk_makes_a_dag_pb_root()
    {
        Assert.StartsWith("bafybei", Cid(new byte[UnixFsCidBuilder.ChunkBytes + 1]), StringComparison.Ordinal);
        Assert.StartsWith("bafkrei", Cid(new byte[UnixFsCidBuilder.ChunkBytes]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e", true)]
    [InlineData("bafybeiaahhwwqclrcggz27zrtzpfqxv3hx7zcqvapi3ncr5epzkzrjrrwy", true)]
    [InlineData("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5E", false)]
    [InlineData("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5", false)]
    [InlineData("QmWATWQ7fVPP2EFGu71UkfnqhYXDYH566qy47CnJDgvs8u", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData(null, false)]
    public void Only_ids_of_this_shape_are_well_formed(string? text, bool wellFormed)
    {
        Assert.Equal(wellFormed, ContentId.IsWellFormed(text));
    }

    private static string Cid(byte[] content)
    {
        using var builder = new UnixFsCidBuilder();
        builder.Append(content);
        return builder.Finish().Cid;
    }
}
