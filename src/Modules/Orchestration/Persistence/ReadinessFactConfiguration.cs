using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.Modules.Orchestration.Persistence;

internal sealed class ReadinessFactConfiguration : IEntityTypeConfiguration<ReadinessFact>
{
    public void Configure(EntityTypeBuilder<ReadinessFact> builder)
    {
        builder.ToTable("readiness_facts");
        // How a tracked intent finds its fact, as the catalog's events name a transaction.
        builder.HasKey(f => new { f.ChainId, f.TxHash, f.Kind });
        builder.Property(f => f.ChainId).HasMaxLength(64);
        builder.Property(f => f.TxHash).HasMaxLength(66);
        builder.Property(f => f.Kind).HasMaxLength(32).HasConversion(k => k.Name(), s => IntentStatusNames.ParseKind(s));
        builder.Property(f => f.Contract).HasMaxLength(42);
        // The sweep of facts no intent can track any more.
        builder.HasIndex(f => f.ReceivedAt);
    }
}
