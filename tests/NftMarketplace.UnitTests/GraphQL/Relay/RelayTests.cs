using System.Text.Json;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.UnitTests.GraphQL.Relay;

/// <summary>Nodes, cursor connections and batch loading through the gateway.</summary>
public sealed class RelayTests : IAsyncLifetime
{
    private GraphQLTestHost _host = null!;

    private LibraryData Data => (LibraryData)_host.Services.GetService(typeof(LibraryData))!;

    public async ValueTask InitializeAsync() => _host = await GraphQLTestHost.StartAsync(configure: LibraryFields.Register);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public async Task A_page_of_books_with_their_authors_fetches_the_authors_in_one_batch(int pageSize)
    {
        var response = await QueryAsync($"{{ books(first: {pageSize}) {{ edges {{ node {{ title author {{ name books {{ id }} }} }} }} }} }}");

        Assert.Equal(pageSize, response.GetProperty("books").GetProperty("edges").GetArrayLength());
        Assert.Equal(["AuthorsById", "BooksByAuthor"], Data.Fetches.Select(f => f.Loader));
        Assert.Equal(Math.Min(pageSize, 5), Data.Fetches.First().Keys.Length);
    }

    [Fact]
    public async Task Pages_forward_and_backward_meet_every_item_once()
    {
        var forward = new List<string>();
        string? after = null;
        JsonElement page;
        do
        {
            page = (await QueryAsync("query($after: String) { books(first: 25, after: $after) { edges { node { title } } pageInfo { hasNextPage hasPreviousPage endCursor } } }", new { after }))
                .GetProperty("books");
            forward.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("title").GetString()!));
            Assert.Equal(after is not null, page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var last = (await QueryAsync("{ books(last: 3) { edges { cursor node { title } } pageInfo { hasPreviousPage hasNextPage startCursor } } }")).GetProperty("books");
        var before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var earlier = (await QueryAsync("query($before: String) { books(last: 2, before: $before) { edges { node { title } } pageInfo { hasNextPage } } }", new { before }))
            .GetProperty("books");

        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"Book {i}"), forward);
        Assert.Equal(["Book 58", "Book 59", "Book 60"], Titles(last));
        Assert.True(last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(last.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["Book 56", "Book 57"], Titles(earlier));
        Assert.True(earlier.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Total_count_is_the_whole_list_and_an_empty_page_has_no_cursors()
    {
        var books = (await QueryAsync("{ books(first: 0) { totalCount edges { cursor } pageInfo { startCursor endCursor hasNextPage } } }")).GetProperty("books");

        Assert.Equal(60, books.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, books.GetProperty("edges").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, books.GetProperty("pageInfo").GetProperty("startCursor").ValueKind);
        Assert.True(books.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [Theory]
    [InlineData("first: -1", "first", "cannot be negative")]
    [InlineData("last: 51", "last", "at most 50")]
    [InlineData("first: 2, last: 2", "last", "not both")]
    [InlineData("after: \"bm90LWEtbnVtYmVy\"", "after", "not a cursor of this list")]
    [InlineData("before: \"%%%\"", "before", "not a cursor of this list")]
    public async Task Bad_page_arguments_are_BAD_USER_INPUT_naming_the_argument(string arguments, string argument, string reason)
    {
        var response = await _host.PostQueryAsAsync(null, $"{{ books({arguments}) {{ totalCount }} }}");

        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Equal(argument, response.FirstError.GetProperty("extensions").GetProperty("field").GetString());
        Assert.Contains(reason, response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_fetches_an_object_again_by_its_global_id()
    {
        var book = (await QueryAsync("{ books(first: 1, after: null) { edges { node { id author { id } } } } }"))
            .GetProperty("books").GetProperty("edges")[0].GetProperty("node");
        var (bookId, authorId) = (book.GetProperty("id").GetString(), book.GetProperty("author").GetProperty("id").GetString());

        var found = await QueryAsync(
            "query($book: ID!, $author: ID!) { book: node(id: $book) { __typename id ... on Book { title } } author: node(id: $author) { ... on Author { name } } }",
            new { book = bookId, author = authorId });

        Assert.Equal("Book", found.GetProperty("book").GetProperty("__typename").GetString());
        Assert.Equal(bookId, found.GetProperty("book").GetProperty("id").GetString());
        Assert.Equal("Book 1", found.GetProperty("book").GetProperty("title").GetString());
        Assert.Equal("Author 2", found.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(GlobalId.Encode("Book", 1), bookId);
    }

    [Fact]
    public async Task Nodes_fetches_many_ids_with_one_batch_per_type_and_null_for_unknown_ones()
    {
        string[] ids = [GlobalId.Encode("Book", 3), GlobalId.Encode("Author", 1), GlobalId.Encode("Book", 4), GlobalId.Encode("Book", 999), GlobalId.Encode("Shelf", 1)];

        var nodes = (await QueryAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids })).GetProperty("nodes");

        Assert.Equal([ids[0], ids[1], ids[2], null, null], nodes.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.Null ? null : n.GetProperty("id").GetString()));
        Assert.Equal(2, Data.Fetches.Count);
        Assert.Equal([3, 4, 999], Data.Fetches.Single(f => f.Loader == "BooksById").Keys);
    }

    [Theory]
    [InlineData("not an id")]
    [InlineData("Qm9vaw")]
    public async Task An_id_this_server_did_not_issue_is_BAD_USER_INPUT(string id)
    {
        var response = await _host.PostQueryAsAsync(null, "query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.Equal("id", response.FirstError.GetProperty("extensions").GetProperty("field").GetString());
    }

    private async Task<JsonElement> QueryAsync(string query, object? variables = null)
    {
        var response = await _host.PostQueryAsAsync(null, query, variables);
        Assert.True(response.Status == 200 && !response.Body.TryGetProperty("errors", out _), response.Body.ToString());
        return response.Data;
    }

    private static IEnumerable<string?> Titles(JsonElement connection) =>
        connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("title").GetString());
}
