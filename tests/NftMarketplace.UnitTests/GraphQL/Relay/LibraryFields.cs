using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.UnitTests.GraphQL.Relay;

/// <summary>A module with nodes, a connection and loaders over in-memory data that records every batch fetched.</summary>
public sealed class LibraryFields : IGraphQLContributor
{
    public static void Register(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LibraryData>();
        builder.AddGraphQLContributor<LibraryFields>();
        builder.AddNode<BooksById>("Book");
        builder.AddNode<AuthorsById>("Author");
        builder.AddDataLoader<BooksByAuthor>();
    }

    public void Contribute(GraphQLRoots roots) =>
        roots.Query.Field<NonNullGraphType<ConnectionGraphType<BookType>>>("books")
            .PageArguments()
            .ResolveAsync(async context =>
            {
                var data = context.RequestServices!.GetRequiredService<LibraryData>();
                return await data.Books.AsQueryable().ToConnectionAsync(b => b.Id, PageRequest.From(context, maxPageSize: 50), context.CancellationToken);
            });
}

public sealed record Book(int Id, string Title, int AuthorId);

public sealed record Author(int Id, string Name);

public sealed class LibraryData
{
    public IReadOnlyList<Author> Authors { get; } = [.. Enumerable.Range(1, 5).Select(i => new Author(i, $"Author {i}"))];

    public IReadOnlyList<Book> Books { get; } = [.. Enumerable.Range(1, 60).Select(i => new Book(i, $"Book {i}", (i % 5) + 1))];

    public ConcurrentQueue<(string Loader, int[] Keys)> Fetches { get; } = new();

    internal IEnumerable<T> Fetch<T>(string loader, IReadOnlyList<int> keys, IEnumerable<T> matching)
    {
        Fetches.Enqueue((loader, [.. keys]));
        return [.. matching];
    }
}

public sealed class BooksById(LibraryData data) : BatchLoader<int, Book>
{
    protected override Task<IEnumerable<Book>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        Task.FromResult(data.Fetch(nameof(BooksById), keys, data.Books.Where(b => keys.Contains(b.Id))));

    protected override int KeyOf(Book value) => value.Id;
}

public sealed class AuthorsById(LibraryData data) : BatchLoader<int, Author>
{
    protected override Task<IEnumerable<Author>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        Task.FromResult(data.Fetch(nameof(AuthorsById), keys, data.Authors.Where(a => keys.Contains(a.Id))));

    protected override int KeyOf(Author value) => value.Id;
}

public sealed class BooksByAuthor(LibraryData data) : GroupedBatchLoader<int, Book>
{
    protected override Task<IEnumerable<Book>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        Task.FromResult(data.Fetch(nameof(BooksByAuthor), keys, data.Books.Where(b => keys.Contains(b.AuthorId))));

    protected override int KeyOf(Book value) => value.AuthorId;
}

public sealed class BookType : ObjectGraphType<Book>
{
    public BookType()
    {
        Name = "Book";
        this.IsNode(b => b.Id);
        Field(b => b.Title);
        Field<NonNullGraphType<AuthorType>>("author").Resolve(context => context.Loader<AuthorsById>().Load(context.Source.AuthorId));
    }
}

public sealed class AuthorType : ObjectGraphType<Author>
{
    public AuthorType()
    {
        Name = "Author";
        this.IsNode(a => a.Id);
        Field(a => a.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books")
            .Resolve(context => context.Loader<BooksByAuthor>().Load(context.Source.Id));
    }
}
