using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.Modules.Catalog.Domain;

namespace NftMarketplace.Modules.Catalog.Persistence;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => CatalogModule.Schema;

    internal DbSet<Collection> Collections => Set<Collection>();

    internal DbSet<CollectionSettingFact> CollectionSettingFacts => Set<CollectionSettingFact>();

    internal DbSet<CollectionRole> CollectionRoles => Set<CollectionRole>();

    internal DbSet<OwnershipTransfer> OwnershipTransfers => Set<OwnershipTransfer>();

    internal DbSet<Token> Tokens => Set<Token>();

    internal DbSet<TokenBalance> TokenBalances => Set<TokenBalance>();

    internal DbSet<TokenActivity> Activities => Set<TokenActivity>();

    internal DbSet<RetractedBlock> RetractedBlocks => Set<RetractedBlock>();

    internal DbSet<CollectionStats> CollectionStats => Set<CollectionStats>();

    internal DbSet<CollectionDirty> CollectionDirty => Set<CollectionDirty>();

    internal DbSet<MetadataDoc> MetadataDocs => Set<MetadataDoc>();

    internal DbSet<Trait> Traits => Set<Trait>();

    internal DbSet<TraitValue> TraitValues => Set<TraitValue>();

    internal DbSet<TokenTrait> TokenTraits => Set<TokenTrait>();

    internal DbSet<TokenRarity> TokenRarity => Set<TokenRarity>();

    internal DbSet<NftFlag> NftFlags => Set<NftFlag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
    }
}

internal sealed class CatalogDesignTimeFactory : ModuleDesignTimeFactory<CatalogDbContext>
{
    protected override string Schema => CatalogModule.Schema;
}
