using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.UnitTests.GraphQL.Relay;

public sealed class RelayUnitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Book", "42")]
    [InlineData("Collection", "eip155:1/0xabc:7")]
    [InlineData("Ü", "ünïcode")]
    public void A_global_id_decodes_to_its_type_and_local_id(string typeName, string localId)
    {
        Assert.True(GlobalId.TryDecode(GlobalId.Encode(typeName, localId), out var type, out var local));
        Assert.Equal((typeName, localId), (type, local));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("Qm9vaw")] // "Book": no separator
    [InlineData("OjQy")] // ":42": no type
    [InlineData("Qm9vazo")] // "Book:": no local id
    [InlineData("__w")] // not UTF-8
    public void Text_that_is_not_an_issued_id_does_not_decode(string? id) =>
        Assert.False(GlobalId.TryDecode(id, out _, out _));

    [Fact]
    public void A_global_id_is_url_safe_base64_without_padding() =>
        Assert.Matches("^[A-Za-z0-9_-]+$", GlobalId.Encode("Book", Guid.CreateVersion7()));

    [Theory]
    [InlineData(null, null, 20, false)]
    [InlineData(10, null, 10, false)]
    [InlineData(null, 7, 7, true)]
    [InlineData(0, null, 0, false)]
    public void A_page_request_takes_its_size_and_direction_from_first_or_last(int? first, int? last, int size, bool backward)
    {
        var page = PageRequest.Create(first, last: last);

        Assert.Equal((size, backward), (page.Size, page.IsBackward));
    }

    [Theory]
    [InlineData(-1, null, "first")]
    [InlineData(null, -1, "last")]
    [InlineData(101, null, "first")]
    [InlineData(1, 1, "last")]
    public void A_bad_page_request_names_the_argument_at_fault(int? first, int? last, string argument)
    {
        var error = Assert.Throws<BadInputException>(() => PageRequest.Create(first, last: last));

        Assert.Equal(argument, error.Field);
    }

    [Fact]
    public async Task The_total_count_is_counted_once_and_only_when_asked_for()
    {
        var counts = 0;
        var connection = new Connection<int>([], new PageInfo(false, false, null, null), _ => Task.FromResult(++counts));

        Assert.Equal(0, counts);
        Assert.Equal(1, await connection.CountTotalAsync(Ct));
        Assert.Equal(1, await connection.CountTotalAsync(Ct));
        Assert.Equal(1, counts);
    }

    [Fact]
    public async Task Keyset_pages_of_strings_order_ordinally_by_key()
    {
        var items = new[] { "b", "a", "d", "c" }.AsQueryable();

        var first = await items.ToConnectionAsync(x => x, PageRequest.Create(first: 2), Ct);
        var next = await items.ToConnectionAsync(x => x, PageRequest.Create(first: 2, after: first.PageInfo.EndCursor), Ct);

        Assert.Equal(["a", "b"], first.Edges.Select(e => e.Node));
        Assert.Equal(["c", "d"], next.Edges.Select(e => e.Node));
        Assert.False(next.PageInfo.HasNextPage);
    }

    [Fact]
    public async Task A_loader_batches_the_keys_queued_before_the_first_await_and_caches_them()
    {
        var loader = new CountingLoader();

        var one = loader.Load(1);
        var two = loader.Load(2);
        var oneAgain = loader.Load(1);
        Assert.Equal("1", await one.GetResultAsync(Ct));
        Assert.Equal("2", await two.GetResultAsync(Ct));
        Assert.Equal("1", await oneAgain.GetResultAsync(Ct));
        Assert.Equal("1", await loader.Load(1).GetResultAsync(Ct));
        Assert.Null(await loader.Load(404).GetResultAsync(Ct));

        Assert.Equal([[1, 2], [404]], loader.Batches);
    }

    [Fact]
    public async Task A_failed_batch_fails_every_load_waiting_on_it()
    {
        var loader = new CountingLoader { Fail = true };
        var one = loader.Load(1);
        var two = loader.Load(2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => one.GetResultAsync(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => two.GetResultAsync(Ct));
        Assert.Single(loader.Batches);
    }

    private sealed class CountingLoader : BatchLoader<int, string>
    {
        public List<int[]> Batches { get; } = [];

        public bool Fail { get; init; }

        protected override Task<IEnumerable<string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            Batches.Add([.. keys]);
            return Fail
                ? throw new InvalidOperationException("The store is down.")
                : Task.FromResult(keys.Where(k => k < 100).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        protected override int KeyOf(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
