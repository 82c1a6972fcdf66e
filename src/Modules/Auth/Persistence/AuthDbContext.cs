using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Auth.Audit;
using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Auth.Sessions;

namespace NftMarketplace.Modules.Auth.Persistence;

public sealed class AuthDbContext(DbContextOptions<AuthDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => AuthModule.Schema;

    internal DbSet<AuthNonce> Nonces => Set<AuthNonce>();

    internal DbSet<Session> Sessions => Set<Session>();

    internal DbSet<RotatedRefreshToken> RotatedRefreshTokens => Set<RotatedRefreshToken>();

    internal DbSet<LoginEvent> LoginEvents => Set<LoginEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuthDbContext).Assembly);
    }
}

internal sealed class AuthDesignTimeFactory : ModuleDesignTimeFactory<AuthDbContext>
{
    protected override string Schema => AuthModule.Schema;
}
