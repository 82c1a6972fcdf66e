using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Indexing.Persistence;

public sealed class IndexingDbContext(DbContextOptions<IndexingDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => IndexingModule.Schema;
}

internal sealed class IndexingDesignTimeFactory : ModuleDesignTimeFactory<IndexingDbContext>
{
    protected override string Schema => IndexingModule.Schema;
}
