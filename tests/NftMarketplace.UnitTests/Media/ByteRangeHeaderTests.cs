using NftMarketplace.Modules.Media.Serving;

namespace NftMarketplace.UnitTests.Media;

/// <summary>
/// The <c>Range</c> header of <c>GET /media/{cid}</c> against a 1,000-byte object: what is served, written as the
/// response would be (200 whole, 206 with the inclusive range, 416).
/// </summary>
public sealed class ByteRangeHeaderTests
{
    private const long Length = 1000;

    [Theory]
    [InlineData("bytes=0-0", "206 0-0")]
    [InlineData("bytes=0-999", "206 0-999")]
    [InlineData("bytes=10-29", "206 10-29")]
    [InlineData("bytes=500-", "206 500-999")]
    [InlineData("bytes=999-", "206 999-999")]
    [InlineData("bytes=-500", "206 500-999")]
    [InlineData("bytes=-1", "206 999-999")]
    [InlineData("bytes=-5000", "206 0-999")] // a suffix longer than the object is all of it
    [InlineData("bytes=990-5000", "206 990-999")] // the last position is clamped to the end
    [InlineData("BYTES=0-1", "206 0-1")] // the unit is case-insensitive
    [InlineData("bytes= 3 - 4 ", "206 3-4")]
    public void One_satisfiable_range_is_206_with_its_inclusive_bounds(string header, string expected) =>
        Assert.Equal(expected, Serve(header, Length));

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=1000-1000")]
    [InlineData("bytes=5000-6000")]
    [InlineData("bytes=-0")] // a suffix of no bytes
    public void A_range_past_the_end_or_of_nothing_is_416(string header) =>
        Assert.Equal("416", Serve(header, Length));

    [Theory]
    [InlineData("bytes=0-")]
    [InlineData("bytes=-5")]
    [InlineData("bytes=0-0")]
    public void Any_range_of_an_empty_object_is_416(string header) =>
        Assert.Equal("416", Serve(header, 0));

    [Theory]
    [InlineData("bytes=0-0,5-9")] // several ranges: served whole rather than as multipart/byteranges
    [InlineData("bytes=0-0, -1")]
    [InlineData("bytes=2000-3000,0-1")]
    public void Several_ranges_are_ignored_and_the_whole_object_served(string header) =>
        Assert.Equal("200", Serve(header, Length));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("items=0-5")] // another unit
    [InlineData("bytes")]
    [InlineData("bytes=")]
    [InlineData("bytes=-")]
    [InlineData("bytes=abc")]
    [InlineData("bytes=a-5")]
    [InlineData("bytes=5-b")]
    [InlineData("bytes=5-2")] // last before first
    [InlineData("bytes=+1-2")]
    [InlineData("bytes=-+5")]
    [InlineData("bytes=0x10-20")]
    [InlineData("bytes=1-2-3")]
    [InlineData("bytes=99999999999999999999999-")] // past long: not a number we can serve from
    public void A_malformed_header_is_ignored_and_the_whole_object_served(string? header) =>
        Assert.Equal("200", Serve(header, Length));

    private static string Serve(string? header, long length) => ByteRangeHeader.Parse(header, length) switch
    {
        null => "200",
        ByteRangeHeader.Unsatisfiable => "416",
        ByteRangeHeader.Satisfiable(var from, var to) => $"206 {from}-{to}",
        _ => throw new InvalidOperationException("another kind of range"),
    };
}
