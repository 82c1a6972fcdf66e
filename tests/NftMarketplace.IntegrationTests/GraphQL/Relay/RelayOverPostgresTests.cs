using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.IntegrationTests.GraphQL.Relay.Library;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL.Relay;

/// <summary>
/// Nodes, keyset connections and batch loading against Postgres through the real gateway over HTTP, with every SQL
/// command counted: a page costs the same number of queries whatever its size.
/// </summary>
public sealed class RelayOverPostgresTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const string BooksPage = """
        query($first: Int) {
          books(first: $first) { totalCount edges { cursor node { id title author { id name } shelf { id name } } } }
        }
        """;

    private const string ShelvesPage = """
        query($first: Int) { shelves(first: $first) { edges { node { name books { title author { name } } } } } }
        """;

    private readonly SqlCommandCounter _sql = new();
    private GatewayServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _server = await GatewayServer.StartAsync(Infrastructure, Environment, builder =>
        {
            builder.AddLibraryModule();
            builder.Services.ConfigureDbContext<LibraryDbContext>(options => options.AddInterceptors(_sql));
        });
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
        await SeedAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_page_of_books_with_author_and_shelf_costs_the_same_queries_for_5_and_50_books()
    {
        var (five, fiveQueries) = await QueryCountingAsync(BooksPage, new { first = 5 });
        var (fifty, fiftyQueries) = await QueryCountingAsync(BooksPage, new { first = 50 });

        var edges = fifty.GetProperty("books").GetProperty("edges");
        Assert.Equal(50, edges.GetArrayLength());
        Assert.All(edges.EnumerateArray(), edge => Assert.StartsWith("Shelf ", edge.GetProperty("node").GetProperty("shelf").GetProperty("name").GetString(), StringComparison.Ordinal));
        Assert.Equal(5, five.GetProperty("books").GetProperty("edges").GetArrayLength());
        Assert.Equal(60, fifty.GetProperty("books").GetProperty("totalCount").GetInt32());
        // The page, its count, the authors and the shelves.
        Assert.Equal(4, fiveQueries.Count);
        Assert.Equal(fiveQueries.Count, fiftyQueries.Count);
    }

    [Fact]
    public async Task A_page_of_shelves_with_their_books_and_authors_costs_the_same_queries_for_2_and_6_shelves()
    {
        var (two, twoQueries) = await QueryCountingAsync(ShelvesPage, new { first = 2 });
        var (six, sixQueries) = await QueryCountingAsync(ShelvesPage, new { first = 6 });

        Assert.Equal(10, two.GetProperty("shelves").GetProperty("edges")[0].GetProperty("node").GetProperty("books").GetArrayLength());
        Assert.Equal(60, six.GetProperty("shelves").GetProperty("edges").EnumerateArray().Sum(e => e.GetProperty("node").GetProperty("books").GetArrayLength()));
        // The page, the books of its shelves, their authors.
        Assert.Equal(3, twoQueries.Count);
        Assert.Equal(twoQueries.Count, sixQueries.Count);
    }

    [Fact]
    public async Task The_total_is_counted_only_when_selected()
    {
        var (_, without) = await QueryCountingAsync("{ books(first: 5) { edges { node { title } } } }");
        var (_, with) = await QueryCountingAsync("{ books(first: 5) { totalCount edges { node { title } } } }");

        Assert.Single(without);
        Assert.Equal(2, with.Count);
        Assert.Contains(with, sql => sql.Contains("count(*)", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Pages_of_UUIDv7_keys_walk_the_whole_table_in_key_order_both_ways()
    {
        var expected = await WithDbAsync(db => db.Books.OrderBy(b => b.Id).Select(b => b.Title).ToListAsync(Ct));

        var forward = new List<string>();
        string? after = null;
        JsonElement page;
        do
        {
            page = (await QueryAsync("query($after: String) { books(first: 7, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }", new { after }))
                .GetProperty("books");
            forward.AddRange(Titles(page));
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var backward = new List<string>();
        string? before = null;
        do
        {
            page = (await QueryAsync("query($before: String) { books(last: 9, before: $before) { edges { node { title } } pageInfo { hasPreviousPage startCursor } } }", new { before }))
                .GetProperty("books");
            backward.InsertRange(0, Titles(page));
            before = page.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        Assert.Equal(expected, forward);
        Assert.Equal(expected, backward);
    }

    [Fact]
    public async Task Nodes_of_three_types_cost_one_query_per_type()
    {
        var books = await WithDbAsync(db => db.Books.OrderBy(b => b.Id).Take(10).ToListAsync(Ct));
        var author = await WithDbAsync(db => db.Authors.FirstAsync(Ct));
        var shelf = await WithDbAsync(db => db.Shelves.FirstAsync(Ct));
        string[] ids = [.. books.Select(b => GlobalId.Encode("Book", b.Id)), GlobalId.Encode("Author", author.Id), GlobalId.Encode("Shelf", shelf.Id)];

        var (data, queries) = await QueryCountingAsync(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Book { title } ... on Author { name } ... on Shelf { name } } }", new { ids });

        var nodes = data.GetProperty("nodes");
        Assert.Equal(ids, nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(books[3].Title, nodes[3].GetProperty("title").GetString());
        Assert.Equal("Author", nodes[10].GetProperty("__typename").GetString());
        Assert.Equal(3, queries.Count);
    }

    private async Task<(JsonElement Data, IReadOnlyList<string> Queries)> QueryCountingAsync(string query, object? variables = null)
    {
        _sql.Reset();
        var data = await QueryAsync(query, variables);
        return (data, _sql.Commands);
    }

    private async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        using var response = await _http.PostAsJsonAsync("graphql", new { query, variables }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }

    private async Task<T> WithDbAsync<T>(Func<LibraryDbContext, Task<T>> query)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LibraryDbContext>());
    }

    /// <summary>6 shelves of 10 books, by 7 authors.</summary>
    private async Task SeedAsync() => await WithDbAsync(async db =>
    {
        var shelves = Enumerable.Range(1, 6).Select(i => new Shelf { Name = $"Shelf {i}" }).ToList();
        var authors = Enumerable.Range(1, 7).Select(i => new Author { Name = $"Author {i}" }).ToList();
        db.Shelves.AddRange(shelves);
        db.Authors.AddRange(authors);
        db.Books.AddRange(Enumerable.Range(0, 60).Select(i => new Book
        {
            Title = $"Book {i:00}",
            ShelfId = shelves[i % shelves.Count].Id,
            AuthorId = authors[i % authors.Count].Id,
        }));
        return await db.SaveChangesAsync(Ct);
    });

    private static IEnumerable<string> Titles(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("title").GetString()!);
}
