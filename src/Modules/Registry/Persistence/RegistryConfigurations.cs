using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.Persistence;

internal sealed class ChainConfiguration : IEntityTypeConfiguration<Chain>
{
    public void Configure(EntityTypeBuilder<Chain> builder)
    {
        builder.ToTable("chains", t =>
        {
            t.HasCheckConstraint("ck_chains_decimals", "decimals BETWEEN 0 AND 36");
            t.HasCheckConstraint("ck_chains_confirmations_required", "confirmations_required >= 0");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Caip2).HasMaxLength(64);
        builder.HasIndex(c => c.Caip2).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.NativeSymbol).HasMaxLength(16);
        builder.Property(c => c.ExplorerUrl).HasMaxLength(500);
        builder.Property(c => c.Features).HasColumnType("text[]");
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Endpoints).WithOne().HasForeignKey(e => e.ChainId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Contracts).WithOne().HasForeignKey(e => e.ChainId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.GasPolicy).WithOne().HasForeignKey<ChainGasPolicy>(p => p.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChainEndpointConfiguration : IEntityTypeConfiguration<ChainEndpoint>
{
    public void Configure(EntityTypeBuilder<ChainEndpoint> builder)
    {
        builder.ToTable("chain_endpoints", t =>
        {
            t.HasCheckConstraint("ck_chain_endpoints_priority", "priority >= 0");
            t.HasCheckConstraint("ck_chain_endpoints_weight", "weight > 0");
            t.HasCheckConstraint("ck_chain_endpoints_rate_limit", "rate_limit IS NULL OR rate_limit > 0");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Url).HasMaxLength(500);
        builder.HasIndex(e => new { e.ChainId, e.Url }).IsUnique();
    }
}

internal sealed class ChainContractConfiguration : IEntityTypeConfiguration<ChainContract>
{
    public void Configure(EntityTypeBuilder<ChainContract> builder)
    {
        builder.ToTable("chain_contracts", t => t.HasCheckConstraint("ck_chain_contracts_start_block", "start_block >= 0"));
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Address).HasMaxLength(42).IsFixedLength(false);
        builder.HasIndex(c => new { c.ChainId, c.Name }).IsUnique();
    }
}

internal sealed class ChainGasPolicyConfiguration : IEntityTypeConfiguration<ChainGasPolicy>
{
    public void Configure(EntityTypeBuilder<ChainGasPolicy> builder)
    {
        builder.ToTable("chain_gas_policy", t => t.HasCheckConstraint("ck_chain_gas_policy_multiplier", "multiplier > 0"));
        builder.HasKey(p => p.ChainId);
        builder.Property(p => p.ChainId).ValueGeneratedNever();
        builder.Property(p => p.MaxFeeGwei).HasPrecision(38, 9);
        builder.Property(p => p.PriorityFeeGwei).HasPrecision(38, 9);
        builder.Property(p => p.Multiplier).HasPrecision(10, 4);
        builder.Property(p => p.LastObservedBaseFeeGwei).HasPrecision(38, 9);
    }
}
