using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Indexing.Domain;

namespace NftMarketplace.Modules.Indexing.Persistence;

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> builder)
    {
        builder.ToTable("checkpoints");
        builder.HasKey(c => c.ChainId);
        builder.Property(c => c.ChainId).HasMaxLength(64);
        builder.Property(c => c.LastBlockHash).HasMaxLength(66);
    }
}

internal sealed class RawEventConfiguration : IEntityTypeConfiguration<RawEvent>
{
    public void Configure(EntityTypeBuilder<RawEvent> builder)
    {
        builder.ToTable("raw_events");
        // The log's identity on its chain: a range read twice (a crash before the checkpoint moved) stores nothing twice.
        builder.HasKey(e => new { e.ChainId, e.TxHash, e.LogIndex });
        builder.Property(e => e.ChainId).HasMaxLength(64);
        builder.Property(e => e.TxHash).HasMaxLength(66);
        builder.Property(e => e.BlockHash).HasMaxLength(66);
        builder.Property(e => e.Address).HasMaxLength(42);
        builder.Property(e => e.Topic0).HasMaxLength(66);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        // A reorg deletes by block; reads by contract go in chain order.
        builder.HasIndex(e => new { e.ChainId, e.BlockNumber, e.LogIndex });
        builder.HasIndex(e => new { e.ChainId, e.Address, e.BlockNumber });
    }
}

internal sealed class PublishedBlockConfiguration : IEntityTypeConfiguration<PublishedBlock>
{
    public void Configure(EntityTypeBuilder<PublishedBlock> builder)
    {
        builder.ToTable("block_hashes");
        builder.HasKey(b => new { b.ChainId, b.BlockNumber });
        builder.Property(b => b.ChainId).HasMaxLength(64);
        builder.Property(b => b.BlockHash).HasMaxLength(66);
        builder.Property(b => b.ParentHash).HasMaxLength(66);
    }
}

internal sealed class FollowedContractConfiguration : IEntityTypeConfiguration<FollowedContract>
{
    public void Configure(EntityTypeBuilder<FollowedContract> builder)
    {
        builder.ToTable("followed_contracts");
        builder.HasKey(f => new { f.ChainId, f.Address });
        builder.Property(f => f.ChainId).HasMaxLength(64);
        builder.Property(f => f.Address).HasMaxLength(42);
        builder.Property(f => f.Standard).HasMaxLength(16);
        builder.Property(f => f.Source).HasMaxLength(16);
        builder.Property(f => f.Factory).HasMaxLength(42);
        builder.Property(f => f.BackfillStatus).HasMaxLength(16);
    }
}

internal sealed class ChainStatsConfiguration : IEntityTypeConfiguration<ChainStats>
{
    public void Configure(EntityTypeBuilder<ChainStats> builder)
    {
        builder.ToTable("chain_stats");
        builder.HasKey(s => s.ChainId);
        builder.Property(s => s.ChainId).HasMaxLength(64);
        builder.Property(s => s.HaltedReason).HasMaxLength(2000);
    }
}
