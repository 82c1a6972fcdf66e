using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.Persistence;

public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => RegistryModule.Schema;

    internal DbSet<Chain> Chains => Set<Chain>();

    internal DbSet<ChainEndpoint> ChainEndpoints => Set<ChainEndpoint>();

    internal DbSet<ChainContract> ChainContracts => Set<ChainContract>();

    internal DbSet<ChainGasPolicy> ChainGasPolicies => Set<ChainGasPolicy>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }
}

internal sealed class RegistryDesignTimeFactory : ModuleDesignTimeFactory<RegistryDbContext>
{
    protected override string Schema => RegistryModule.Schema;
}
