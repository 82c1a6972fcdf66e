using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Wallets.Persistence;

public sealed class WalletsDbContext(DbContextOptions<WalletsDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => WalletsModule.Schema;
}

internal sealed class WalletsDesignTimeFactory : ModuleDesignTimeFactory<WalletsDbContext>
{
    protected override string Schema => WalletsModule.Schema;
}
