using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Registry.Persistence;

public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => RegistryModule.Schema;
}

internal sealed class RegistryDesignTimeFactory : ModuleDesignTimeFactory<RegistryDbContext>
{
    protected override string Schema => RegistryModule.Schema;
}
