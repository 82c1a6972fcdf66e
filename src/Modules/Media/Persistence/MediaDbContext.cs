using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Media.Persistence;

public sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => MediaModule.Schema;
}

internal sealed class MediaDesignTimeFactory : ModuleDesignTimeFactory<MediaDbContext>
{
    protected override string Schema => MediaModule.Schema;
}
