using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Wallets.Domain;

namespace NftMarketplace.Modules.Wallets.Persistence;

public sealed class WalletsDbContext(DbContextOptions<WalletsDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => WalletsModule.Schema;

    internal DbSet<Wallet> Wallets => Set<Wallet>();

    internal DbSet<Approval> Approvals => Set<Approval>();

    internal DbSet<ApprovalChange> ApprovalHistory => Set<ApprovalChange>();

    internal DbSet<RetractedBlock> RetractedBlocks => Set<RetractedBlock>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WalletsDbContext).Assembly);
    }
}

internal sealed class WalletsDesignTimeFactory : ModuleDesignTimeFactory<WalletsDbContext>
{
    protected override string Schema => WalletsModule.Schema;
}
