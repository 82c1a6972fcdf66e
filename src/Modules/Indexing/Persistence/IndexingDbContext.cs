using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Indexing.Domain;

namespace NftMarketplace.Modules.Indexing.Persistence;

public sealed class IndexingDbContext(DbContextOptions<IndexingDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => IndexingModule.Schema;

    internal DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();

    internal DbSet<RawEvent> RawEvents => Set<RawEvent>();

    internal DbSet<PublishedBlock> PublishedBlocks => Set<PublishedBlock>();

    internal DbSet<FollowedContract> FollowedContracts => Set<FollowedContract>();

    internal DbSet<ChainStats> ChainStats => Set<ChainStats>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IndexingDbContext).Assembly);
    }
}

internal sealed class IndexingDesignTimeFactory : ModuleDesignTimeFactory<IndexingDbContext>
{
    protected override string Schema => IndexingModule.Schema;
}
