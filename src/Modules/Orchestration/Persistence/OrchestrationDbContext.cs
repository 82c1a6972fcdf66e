using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.Modules.Orchestration.Persistence;

public sealed class OrchestrationDbContext(DbContextOptions<OrchestrationDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => OrchestrationModule.Schema;

    internal DbSet<TxIntent> Intents => Set<TxIntent>();

    internal DbSet<ReadinessFact> ReadinessFacts => Set<ReadinessFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrchestrationDbContext).Assembly);
    }
}

internal sealed class OrchestrationDesignTimeFactory : ModuleDesignTimeFactory<OrchestrationDbContext>
{
    protected override string Schema => OrchestrationModule.Schema;
}
