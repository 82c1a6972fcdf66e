using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.IntegrationTests.GraphQL.Relay.Library;

/// <summary><c>Query.books</c> and <c>Query.shelves</c>: connections served by the module's query handlers.</summary>
internal sealed class LibraryGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        roots.Query.Field<NonNullGraphType<ConnectionGraphType<BookType>>>("books")
            .PageArguments()
            .ResolveSend(context => new ListBooks(PageRequest.From(context)));

        roots.Query.Field<NonNullGraphType<ConnectionGraphType<ShelfType>>>("shelves")
            .PageArguments()
            .ResolveSend(context => new ListShelves(PageRequest.From(context)));
    }
}

public sealed record ListBooks(PageRequest Page) : IQuery<Connection<Book>>;

public sealed record ListShelves(PageRequest Page) : IQuery<Connection<Shelf>>;

internal sealed class ListBooksHandler(LibraryDbContext db) : IRequestHandler<ListBooks, Connection<Book>>
{
    public Task<Connection<Book>> Handle(ListBooks request, CancellationToken cancellationToken) =>
        db.Books.AsNoTracking().ToConnectionAsync(b => b.Id, request.Page, cancellationToken);
}

internal sealed class ListShelvesHandler(LibraryDbContext db) : IRequestHandler<ListShelves, Connection<Shelf>>
{
    public Task<Connection<Shelf>> Handle(ListShelves request, CancellationToken cancellationToken) =>
        db.Shelves.AsNoTracking().ToConnectionAsync(s => s.Id, request.Page, cancellationToken);
}

public sealed class BookType : ObjectGraphType<Book>
{
    public BookType()
    {
        Name = "Book";
        this.IsNode(b => b.Id);
        Field(b => b.Title);
        Field<NonNullGraphType<AuthorType>>("author").Resolve(context => context.Loader<AuthorsById>().Load(context.Source.AuthorId));
        Field<NonNullGraphType<ShelfType>>("shelf").Resolve(context => context.Loader<ShelvesById>().Load(context.Source.ShelfId));
    }
}

public sealed class AuthorType : ObjectGraphType<Author>
{
    public AuthorType()
    {
        Name = "Author";
        this.IsNode(a => a.Id);
        Field(a => a.Name);
    }
}

public sealed class ShelfType : ObjectGraphType<Shelf>
{
    public ShelfType()
    {
        Name = "Shelf";
        this.IsNode(s => s.Id);
        Field(s => s.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookType>>>>("books")
            .Resolve(context => context.Loader<BooksByShelf>().Load(context.Source.Id));
    }
}

public sealed class BooksById(LibraryDbContext db) : BatchLoader<Guid, Book>
{
    protected override async Task<IEnumerable<Book>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Books.AsNoTracking().Where(b => keys.Contains(b.Id)).ToListAsync(cancellationToken);

    protected override Guid KeyOf(Book value) => value.Id;
}

public sealed class AuthorsById(LibraryDbContext db) : BatchLoader<Guid, Author>
{
    protected override async Task<IEnumerable<Author>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Authors.AsNoTracking().Where(a => keys.Contains(a.Id)).ToListAsync(cancellationToken);

    protected override Guid KeyOf(Author value) => value.Id;
}

public sealed class ShelvesById(LibraryDbContext db) : BatchLoader<Guid, Shelf>
{
    protected override async Task<IEnumerable<Shelf>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Shelves.AsNoTracking().Where(s => keys.Contains(s.Id)).ToListAsync(cancellationToken);

    protected override Guid KeyOf(Shelf value) => value.Id;
}

public sealed class BooksByShelf(LibraryDbContext db) : GroupedBatchLoader<Guid, Book>
{
    protected override async Task<IEnumerable<Book>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Books.AsNoTracking().Where(b => keys.Contains(b.ShelfId)).OrderBy(b => b.Id).ToListAsync(cancellationToken);

    protected override Guid KeyOf(Book value) => value.ShelfId;
}
