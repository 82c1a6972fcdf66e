using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NftMarketplace.BuildingBlocks.Inbox;

internal sealed class ProcessedEventConfiguration : IEntityTypeConfiguration<ProcessedEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedEvent> builder)
    {
        builder.ToTable("processed_events");
        builder.HasKey(e => new { e.EventId, e.Consumer });
        builder.Property(e => e.Consumer).HasMaxLength(200);
        builder.Property(e => e.Schema).HasMaxLength(200);
    }
}
