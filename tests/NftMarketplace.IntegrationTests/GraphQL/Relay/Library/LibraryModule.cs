using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.BuildingBlocks.Outbox;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.IntegrationTests.GraphQL.Relay.Library;

/// <summary>
/// A module as a real one is built, to exercise the Relay conventions against Postgres: shelves hold books, each book
/// has one author. Its own schema, DbContext and migration; nodes, connections and a loader for every hop.
/// </summary>
public static class LibraryModule
{
    public static void AddLibraryModule(this IHostApplicationBuilder builder)
    {
        builder.AddModule<LibraryDbContext>(LibraryDbContext.SchemaName);
        // The module publishes nothing; a polling relay would only add queries to the ones the tests count.
        builder.Services.Remove(builder.Services.Single(d => d.ImplementationType == typeof(OutboxRelay<LibraryDbContext>)));

        builder.AddGraphQLContributor<LibraryGraphQL>();
        builder.AddNode<BooksById>("Book");
        builder.AddNode<AuthorsById>("Author");
        builder.AddNode<ShelvesById>("Shelf");
        builder.AddDataLoader<BooksByShelf>();
    }
}

public sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "library";

    public override string Schema => SchemaName;

    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Shelf>().ToTable("shelves");
        modelBuilder.Entity<Author>().ToTable("authors");
        modelBuilder.Entity<Book>(book =>
        {
            book.ToTable("books");
            book.HasOne<Shelf>().WithMany().HasForeignKey(b => b.ShelfId);
            book.HasOne<Author>().WithMany().HasForeignKey(b => b.AuthorId);
        });
    }
}

internal sealed class LibraryDesignTimeFactory : ModuleDesignTimeFactory<LibraryDbContext>
{
    protected override string Schema => LibraryDbContext.SchemaName;
}

public sealed class Shelf
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";
}

public sealed class Author
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Name { get; set; } = "";
}

public sealed class Book
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string Title { get; set; } = "";

    public Guid ShelfId { get; set; }

    public Guid AuthorId { get; set; }
}
