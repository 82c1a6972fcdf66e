using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Auth.Persistence;

public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => AuthModule.Schema;
}

internal sealed class AuthDesignTimeFactory : ModuleDesignTimeFactory<AuthDbContext>
{
    protected override string Schema => AuthModule.Schema;
}
