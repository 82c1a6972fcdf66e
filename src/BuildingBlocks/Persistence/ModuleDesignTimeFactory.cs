using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NftMarketplace.BuildingBlocks.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a module's context without starting the Host.
/// Each module derives one (a single line) next to its DbContext.
/// </summary>
public abstract class ModuleDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : ModuleDbContext
{
    protected abstract string Schema { get; }

    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>()
            .UseModuleDatabase("Host=localhost;Database=nftmarketplace", Schema)
            .Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
