using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Catalog.Persistence;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => CatalogModule.Schema;
}

internal sealed class CatalogDesignTimeFactory : ModuleDesignTimeFactory<CatalogDbContext>
{
    protected override string Schema => CatalogModule.Schema;
}
