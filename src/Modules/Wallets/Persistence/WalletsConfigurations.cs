using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Wallets.Domain;

namespace NftMarketplace.Modules.Wallets.Persistence;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> builder)
    {
        builder.ToTable("wallets");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.AccountId).HasMaxLength(200);
        builder.HasIndex(w => w.AccountId).IsUnique();
        builder.Property(w => w.Address).HasMaxLength(42);
        builder.HasIndex(w => w.Address);
        builder.Property(w => w.ChainId).HasMaxLength(64);
        builder.Property(w => w.Type).HasMaxLength(16);
        builder.Property(w => w.Connector).HasMaxLength(64);
        builder.Property(w => w.Label).HasMaxLength(64);
        builder.HasIndex(w => w.UserId);

        // The invariant the link commands keep under their lock; the database refuses a second primary whatever happens.
        builder.HasIndex(w => w.UserId, "PrimaryPerUser").IsUnique().HasFilter("is_primary").HasDatabaseName("ix_wallets_one_primary_per_user");
    }
}

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> builder)
    {
        builder.ToTable("approvals");
        builder.HasKey(a => new { a.WalletId, a.ChainId, a.Contract, a.Operator });
        builder.Property(a => a.ChainId).HasMaxLength(64);
        builder.Property(a => a.Contract).HasMaxLength(42);
        builder.Property(a => a.Operator).HasMaxLength(42);
        builder.Property(a => a.Standard).HasMaxLength(16);
        builder.Property(a => a.TxHash).HasMaxLength(66);
        builder.HasOne<Wallet>().WithMany().HasForeignKey(a => a.WalletId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApprovalChangeConfiguration : IEntityTypeConfiguration<ApprovalChange>
{
    public void Configure(EntityTypeBuilder<ApprovalChange> builder)
    {
        builder.ToTable("approvals_history");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ChainId).HasMaxLength(64);
        builder.Property(a => a.Contract).HasMaxLength(42);
        builder.Property(a => a.Operator).HasMaxLength(42);
        builder.Property(a => a.Standard).HasMaxLength(16);
        builder.Property(a => a.TxHash).HasMaxLength(66);
        builder.Property(a => a.BlockHash).HasMaxLength(66);

        // One row per wallet and log in a block: the indexer may deliver a block range again (replays, restarts) without a
        // second row, while the same log mined again in another block after a reorg is another fact.
        builder.HasIndex(a => new { a.WalletId, a.ChainId, a.TxHash, a.LogIndex, a.BlockHash }).IsUnique().HasDatabaseName("ix_approvals_history_change");
        builder.HasIndex(a => new { a.ChainId, a.BlockHash }).HasDatabaseName("ix_approvals_history_block");
        builder.HasOne<Wallet>().WithMany().HasForeignKey(a => a.WalletId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RetractedBlockConfiguration : IEntityTypeConfiguration<RetractedBlock>
{
    public void Configure(EntityTypeBuilder<RetractedBlock> builder)
    {
        builder.ToTable("retracted_blocks");
        builder.HasKey(b => new { b.ChainId, b.BlockHash });
        builder.Property(b => b.ChainId).HasMaxLength(64);
        builder.Property(b => b.BlockHash).HasMaxLength(66);
    }
}
