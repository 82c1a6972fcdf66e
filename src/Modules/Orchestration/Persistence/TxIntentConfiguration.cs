using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.Modules.Orchestration.Persistence;

internal sealed class TxIntentConfiguration : IEntityTypeConfiguration<TxIntent>
{
    public void Configure(EntityTypeBuilder<TxIntent> builder)
    {
        builder.ToTable("tx_intents");
        builder.HasKey(i => i.IntentId);
        builder.Property(i => i.IntentId).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasMaxLength(32).HasConversion(k => k.Name(), s => IntentStatusNames.ParseKind(s));
        builder.Property(i => i.Status).HasMaxLength(16).HasConversion(s => s.Name(), s => IntentStatusNames.ParseStatus(s));
        builder.Property(i => i.ChainId).HasMaxLength(64);
        builder.Property(i => i.PreviewAddress).HasMaxLength(42);
        builder.Property(i => i.TxHash).HasMaxLength(66);
        builder.Property(i => i.Contract).HasMaxLength(42);
        builder.Property(i => i.Error).HasMaxLength(2000);
        builder.Property(i => i.IdempotencyKey).HasMaxLength(200);
        builder.Property(i => i.ReqPayloadJson).HasColumnType("jsonb");
        builder.Property(i => i.TxRequestJson).HasColumnName("tx_request").HasColumnType("jsonb");

        // Same key, same intent: a retried prepare finds the first one, also when two race (the loser reads the winner's).
        builder.HasIndex(i => new { i.CreatedBy, i.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL")
            .HasDatabaseName("ix_tx_intents_idempotency");
        // The caller's intents, newest first (keyset on created_at, intent_id).
        builder.HasIndex(i => new { i.CreatedBy, i.CreatedAt, i.IntentId }).HasDatabaseName("ix_tx_intents_created_by");
        // What the receipt watcher and the deadline sweep look at.
        builder.HasIndex(i => new { i.Status, i.DeadlineAt }).HasFilter("status IN ('PREPARED', 'PENDING')")
            .HasDatabaseName("ix_tx_intents_open");
        // The catalog's domain events name a chain and a transaction.
        builder.HasIndex(i => new { i.ChainId, i.TxHash }).HasFilter("tx_hash IS NOT NULL").HasDatabaseName("ix_tx_intents_tx");
    }
}
