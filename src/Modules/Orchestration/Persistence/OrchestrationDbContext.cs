using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Orchestration.Persistence;

public sealed class OrchestrationDbContext(DbContextOptions<OrchestrationDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => OrchestrationModule.Schema;
}

internal sealed class OrchestrationDesignTimeFactory : ModuleDesignTimeFactory<OrchestrationDbContext>
{
    protected override string Schema => OrchestrationModule.Schema;
}
