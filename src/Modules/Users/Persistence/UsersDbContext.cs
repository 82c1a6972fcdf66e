using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.Modules.Users.Persistence;

public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => UsersModule.Schema;
}

internal sealed class UsersDesignTimeFactory : ModuleDesignTimeFactory<UsersDbContext>
{
    protected override string Schema => UsersModule.Schema;
}
