using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Catalog.Domain;

namespace NftMarketplace.Modules.Catalog.Persistence;

/// <summary>Column types every catalog table shares.</summary>
internal static class CatalogColumns
{
    /// <summary>CAIP-2 chain ids (<c>eip155:31337</c>).</summary>
    public const int ChainId = 64;

    /// <summary>0x-prefixed lowercase addresses.</summary>
    public const int Address = 42;

    /// <summary>0x-prefixed lowercase 32-byte hashes and role ids.</summary>
    public const int Hash = 66;

    /// <summary>uint256 token ids and amounts: 78 decimal digits hold every one.</summary>
    public const string Uint256 = "numeric(78,0)";

    public static PropertyBuilder<TProperty> IsUint256<TProperty>(this PropertyBuilder<TProperty> property) =>
        property.HasColumnType(Uint256);
}

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> builder)
    {
        builder.ToTable("collections");
        builder.HasKey(c => new { c.ChainId, c.Address });
        builder.Property(c => c.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(c => c.Address).HasMaxLength(CatalogColumns.Address);
        builder.Property(c => c.Standard).HasMaxLength(16);
        builder.Property(c => c.Source).HasMaxLength(16);
        builder.Property(c => c.Factory).HasMaxLength(CatalogColumns.Address);
        builder.Property(c => c.Creator).HasMaxLength(CatalogColumns.Address);
        builder.Property(c => c.Owner).HasMaxLength(CatalogColumns.Address);
        builder.Property(c => c.Slug).HasMaxLength(200);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.ContractMetadata).HasColumnType("jsonb");
        builder.Property(c => c.RoyaltyReceiver).HasMaxLength(CatalogColumns.Address);
        builder.Property(c => c.RoyaltyBps).HasDefaultValue(0);
        builder.Property(c => c.MaxSupply).IsUint256();
        builder.Property(c => c.Salt).HasMaxLength(CatalogColumns.Hash);
        builder.Property(c => c.DeployedTxHash).HasMaxLength(CatalogColumns.Hash);
        builder.Property(c => c.DeployedBlockHash).HasMaxLength(CatalogColumns.Hash);
        builder.Property(c => c.TotalMinted).IsUint256().HasDefaultValueSql("0");
        builder.HasIndex(c => c.Creator);
        // The newest collections of a chain, keyset-paged.
        builder.HasIndex(c => new { c.ChainId, c.CreatedAt, c.Address }).IsDescending(false, true, false);
    }
}

internal sealed class CollectionSettingFactConfiguration : IEntityTypeConfiguration<CollectionSettingFact>
{
    public void Configure(EntityTypeBuilder<CollectionSettingFact> builder)
    {
        builder.ToTable("collection_setting_facts");
        builder.HasKey(f => new { f.ChainId, f.TxHash, f.LogIndex });
        builder.Property(f => f.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(f => f.TxHash).HasMaxLength(CatalogColumns.Hash);
        builder.Property(f => f.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(f => f.Kind).HasMaxLength(32);
        builder.Property(f => f.RoyaltyReceiver).HasMaxLength(CatalogColumns.Address);
        builder.Property(f => f.Account).HasMaxLength(CatalogColumns.Address);
        builder.Property(f => f.PreviousAccount).HasMaxLength(CatalogColumns.Address);
        builder.Property(f => f.Role).HasMaxLength(CatalogColumns.Hash);
        builder.Property(f => f.Sender).HasMaxLength(CatalogColumns.Address);
        builder.Property(f => f.BlockHash).HasMaxLength(CatalogColumns.Hash);
        builder.HasIndex(f => new { f.ChainId, f.Contract });
    }
}

internal sealed class CollectionRoleConfiguration : IEntityTypeConfiguration<CollectionRole>
{
    public void Configure(EntityTypeBuilder<CollectionRole> builder)
    {
        builder.ToTable("collection_roles");
        builder.HasKey(r => new { r.ChainId, r.Address, r.Role, r.Account });
        builder.Property(r => r.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(r => r.Address).HasMaxLength(CatalogColumns.Address);
        builder.Property(r => r.Role).HasMaxLength(CatalogColumns.Hash);
        builder.Property(r => r.Account).HasMaxLength(CatalogColumns.Address);
    }
}

internal sealed class OwnershipTransferConfiguration : IEntityTypeConfiguration<OwnershipTransfer>
{
    public void Configure(EntityTypeBuilder<OwnershipTransfer> builder)
    {
        builder.ToTable("ownership_transfers");
        // The fact's identity as the indexer names it: a redelivered or replayed batch stores nothing twice.
        builder.HasKey(t => new { t.ChainId, t.TxHash, t.LogIndex, t.BatchIndex });
        builder.Property(t => t.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(t => t.TxHash).HasMaxLength(CatalogColumns.Hash);
        builder.Property(t => t.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.TokenId).IsUint256();
        builder.Property(t => t.Standard).HasMaxLength(16);
        builder.Property(t => t.Kind).HasMaxLength(16);
        builder.Property(t => t.Operator).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.FromAddress).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.ToAddress).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.Amount).IsUint256();
        builder.Property(t => t.BlockHash).HasMaxLength(CatalogColumns.Hash);
        // A token's facts in chain order: what owner, balances and supply are recomputed from.
        builder.HasIndex(t => new { t.ChainId, t.Contract, t.TokenId, t.BlockNumber, t.LogIndex });
    }
}

internal sealed class TokenConfiguration : IEntityTypeConfiguration<Token>
{
    public void Configure(EntityTypeBuilder<Token> builder)
    {
        builder.ToTable("tokens");
        builder.HasKey(t => new { t.ChainId, t.Contract, t.TokenId });
        builder.Property(t => t.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(t => t.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.TokenId).IsUint256();
        builder.Property(t => t.Standard).HasMaxLength(16);
        builder.Property(t => t.Owner).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.Supply).IsUint256();
        builder.Property(t => t.MintedTxHash).HasMaxLength(CatalogColumns.Hash);
        // MINTED_AT_DESC pages.
        builder.HasIndex(t => new { t.ChainId, t.Contract, t.MintedBlock, t.TokenId }).IsDescending(false, false, true, false);
        builder.HasIndex(t => t.Owner).HasFilter("owner IS NOT NULL");
    }
}

internal sealed class TokenBalanceConfiguration : IEntityTypeConfiguration<TokenBalance>
{
    public void Configure(EntityTypeBuilder<TokenBalance> builder)
    {
        builder.ToTable("token_balances");
        builder.HasKey(b => new { b.ChainId, b.Contract, b.TokenId, b.Owner });
        builder.Property(b => b.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(b => b.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(b => b.TokenId).IsUint256();
        builder.Property(b => b.Owner).HasMaxLength(CatalogColumns.Address);
        builder.Property(b => b.Quantity).IsUint256();
        // A holder's tokens (tokensOf, Wallet.tokens).
        builder.HasIndex(b => new { b.Owner, b.ChainId });
    }
}

internal sealed class TokenActivityConfiguration : IEntityTypeConfiguration<TokenActivity>
{
    public void Configure(EntityTypeBuilder<TokenActivity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => new { a.ChainId, a.TxHash, a.LogIndex, a.BatchIndex });
        builder.Property(a => a.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(a => a.TxHash).HasMaxLength(CatalogColumns.Hash);
        builder.Property(a => a.Type).HasMaxLength(16);
        builder.Property(a => a.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(a => a.TokenId).IsUint256();
        builder.Property(a => a.FromAddress).HasMaxLength(CatalogColumns.Address);
        builder.Property(a => a.ToAddress).HasMaxLength(CatalogColumns.Address);
        builder.Property(a => a.Quantity).IsUint256();
        builder.Property(a => a.Price).IsUint256();
        builder.Property(a => a.BlockHash).HasMaxLength(CatalogColumns.Hash);
        // Collection.activity and Token.activity, newest first.
        builder.HasIndex(a => new { a.ChainId, a.Contract, a.BlockNumber, a.LogIndex, a.BatchIndex })
            .IsDescending(false, false, true, true, true);
        builder.HasIndex(a => new { a.ChainId, a.Contract, a.TokenId, a.BlockNumber, a.LogIndex, a.BatchIndex })
            .IsDescending(false, false, false, true, true, true);
    }
}

internal sealed class RetractedBlockConfiguration : IEntityTypeConfiguration<RetractedBlock>
{
    public void Configure(EntityTypeBuilder<RetractedBlock> builder)
    {
        builder.ToTable("retracted_blocks");
        builder.HasKey(b => new { b.ChainId, b.BlockHash });
        builder.Property(b => b.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(b => b.BlockHash).HasMaxLength(CatalogColumns.Hash);
    }
}

internal sealed class CollectionStatsConfiguration : IEntityTypeConfiguration<CollectionStats>
{
    public void Configure(EntityTypeBuilder<CollectionStats> builder)
    {
        builder.ToTable("collection_stats");
        builder.HasKey(s => new { s.ChainId, s.Address });
        builder.Property(s => s.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(s => s.Address).HasMaxLength(CatalogColumns.Address);
        builder.Property(s => s.FloorPrice).IsUint256();
        builder.Property(s => s.Volume).IsUint256().HasDefaultValueSql("0");
        builder.Property(s => s.SalesCount).HasDefaultValue(0);
    }
}

internal sealed class CollectionDirtyConfiguration : IEntityTypeConfiguration<CollectionDirty>
{
    public void Configure(EntityTypeBuilder<CollectionDirty> builder)
    {
        builder.ToTable("collection_dirty");
        builder.HasKey(d => new { d.ChainId, d.Address });
        builder.Property(d => d.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(d => d.Address).HasMaxLength(CatalogColumns.Address);
    }
}

internal sealed class MetadataDocConfiguration : IEntityTypeConfiguration<MetadataDoc>
{
    public void Configure(EntityTypeBuilder<MetadataDoc> builder)
    {
        builder.ToTable("metadata_docs");
        builder.HasKey(d => new { d.ChainId, d.Contract, d.TokenId });
        builder.Property(d => d.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(d => d.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(d => d.TokenId).IsUint256();
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.Property(d => d.ErrorCode).HasMaxLength(32);
        builder.Property(d => d.Original).HasColumnType("jsonb");
        builder.Property(d => d.Normalized).HasColumnType("jsonb");
        builder.Property(d => d.Attributes).HasColumnType("jsonb").HasDefaultValueSql("'[]'::jsonb");
        // The worker's queue of documents to fetch (again).
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status <> 'OK'");
    }
}

internal sealed class TraitConfiguration : IEntityTypeConfiguration<Trait>
{
    public void Configure(EntityTypeBuilder<Trait> builder)
    {
        builder.ToTable("traits");
        builder.HasKey(t => new { t.ChainId, t.Contract, t.NormalizedName });
        builder.Property(t => t.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(t => t.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.ValueType).HasMaxLength(16);
        builder.Property(t => t.DisplayType).HasMaxLength(64);
    }
}

internal sealed class TraitValueConfiguration : IEntityTypeConfiguration<TraitValue>
{
    public void Configure(EntityTypeBuilder<TraitValue> builder)
    {
        builder.ToTable("trait_values");
        builder.HasKey(v => new { v.ChainId, v.Contract, v.NormalizedName, v.NormalizedValue });
        builder.Property(v => v.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(v => v.Contract).HasMaxLength(CatalogColumns.Address);
    }
}

internal sealed class TokenTraitConfiguration : IEntityTypeConfiguration<TokenTrait>
{
    public void Configure(EntityTypeBuilder<TokenTrait> builder)
    {
        builder.ToTable("token_traits");
        builder.HasKey(t => new { t.ChainId, t.Contract, t.TokenId, t.NormalizedName, t.NormalizedValue });
        builder.Property(t => t.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(t => t.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(t => t.TokenId).IsUint256();
        // Trait filters: the tokens with a value, and numeric ranges.
        builder.HasIndex(t => new { t.ChainId, t.Contract, t.NormalizedName, t.NormalizedValue, t.TokenId });
        builder.HasIndex(t => new { t.ChainId, t.Contract, t.NormalizedName, t.ValueNumber });
    }
}

internal sealed class TokenRarityConfiguration : IEntityTypeConfiguration<TokenRarity>
{
    public void Configure(EntityTypeBuilder<TokenRarity> builder)
    {
        builder.ToTable("token_rarity");
        builder.HasKey(r => new { r.ChainId, r.Contract, r.TokenId });
        builder.Property(r => r.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(r => r.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(r => r.TokenId).IsUint256();
        builder.Property(r => r.Method).HasMaxLength(32);
        // RARITY_RANK_ASC pages.
        builder.HasIndex(r => new { r.ChainId, r.Contract, r.Rank, r.TokenId });
    }
}

internal sealed class NftFlagConfiguration : IEntityTypeConfiguration<NftFlag>
{
    public void Configure(EntityTypeBuilder<NftFlag> builder)
    {
        builder.ToTable("nft_flags");
        builder.HasKey(f => new { f.ChainId, f.Contract, f.TokenId });
        builder.Property(f => f.ChainId).HasMaxLength(CatalogColumns.ChainId);
        builder.Property(f => f.Contract).HasMaxLength(CatalogColumns.Address);
        builder.Property(f => f.TokenId).IsUint256();
    }
}
