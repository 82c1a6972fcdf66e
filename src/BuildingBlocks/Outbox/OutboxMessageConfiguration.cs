using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NftMarketplace.BuildingBlocks.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Exchange).HasMaxLength(200);
        builder.Property(m => m.RoutingKey).HasMaxLength(255);
        builder.Property(m => m.Schema).HasMaxLength(200);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasMaxLength(128);
        builder.Property(m => m.TraceState).HasMaxLength(512);
        builder.Property(m => m.LastError).HasMaxLength(2000);

        // The relay only ever looks for what is still due; keep that index small.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("published_at IS NULL");
    }
}
