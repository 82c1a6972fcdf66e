using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Users.Domain;

namespace NftMarketplace.Modules.Users.Persistence;

public sealed class UsersDbContext(DbContextOptions<UsersDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => UsersModule.Schema;

    internal DbSet<User> Users => Set<User>();

    internal DbSet<Profile> Profiles => Set<Profile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UsersDbContext).Assembly);
    }
}

internal sealed class UsersDesignTimeFactory : ModuleDesignTimeFactory<UsersDbContext>
{
    protected override string Schema => UsersModule.Schema;
}
