using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// <c>subs.catalog.collections</c>: the collections the indexer follows from now on become catalog collections, with
/// what the announcement says; owner and royalty come from their setting facts when any arrived (possibly before the
/// announcement), and the counts from token facts that did. Each collection the catalog newly shows or changed is
/// published as <c>CollectionUpserted</c>, with the deploying transaction of a factory collection. An announcement
/// from a retracted block is ignored; an unchanged one again publishes nothing.
/// </summary>
internal sealed class CollectionsOnCollectionsCreated(CatalogDbContext db, DerivedState state, TimeProvider clock)
    : IIntegrationEventHandler<CollectionsCreated>
{
    public const string Queue = "subs.catalog.collections";

    private const string Schema = CatalogModule.Schema;

    private const string UpsertSql =
        "INSERT INTO " + Schema + ".collections AS c (chain_id, address, standard, source, factory, creator, owner, name, symbol, slug, contract_uri, "
        + "  royalty_receiver, royalty_bps, max_supply, salt, deployed_block, deployed_tx_hash, deployed_block_hash, deployed_log_index, total_minted, "
        + "  created_at, updated_at) "
        + "SELECT @chain, address, standard, source, factory, creator, owner, name, symbol, slug, nullif(contract_uri, ''), royalty_receiver, "
        + "  coalesce(royalty_bps, 0), max_supply::numeric, salt, deployed_block, deployed_tx_hash, deployed_block_hash, deployed_log_index, 0, block_time, @now "
        + "FROM unnest(@a::text[], @std::text[], @src::text[], @fac::text[], @cre::text[], @own::text[], @name::text[], @sym::text[], @slug::text[], "
        + "  @uri::text[], @rr::text[], @rb::integer[], @max::text[], @salt::text[], @bn::bigint[], @tx::text[], @bh::text[], @li::integer[], @bt::timestamptz[]) "
        + "  AS x(address, standard, source, factory, creator, owner, name, symbol, slug, contract_uri, royalty_receiver, royalty_bps, max_supply, salt, "
        + "  deployed_block, deployed_tx_hash, deployed_block_hash, deployed_log_index, block_time) "
        + "WHERE NOT EXISTS (SELECT 1 FROM " + Schema + ".retracted_blocks r WHERE r.chain_id = @chain AND r.block_hash = x.deployed_block_hash) "
        + "ON CONFLICT (chain_id, address) DO UPDATE SET standard = excluded.standard, source = excluded.source, factory = excluded.factory, "
        + "  creator = excluded.creator, owner = excluded.owner, name = excluded.name, symbol = excluded.symbol, contract_uri = excluded.contract_uri, "
        + "  royalty_receiver = excluded.royalty_receiver, royalty_bps = excluded.royalty_bps, max_supply = excluded.max_supply, salt = excluded.salt, "
        + "  deployed_block = excluded.deployed_block, deployed_tx_hash = excluded.deployed_tx_hash, deployed_block_hash = excluded.deployed_block_hash, "
        + "  deployed_log_index = excluded.deployed_log_index, updated_at = excluded.updated_at "
        + "WHERE (c.standard, c.source, c.factory, c.creator, c.name, c.symbol, c.contract_uri, c.max_supply, c.salt, c.deployed_block, "
        + "  c.deployed_tx_hash, c.deployed_block_hash, c.deployed_log_index) "
        + "  IS DISTINCT FROM (excluded.standard, excluded.source, excluded.factory, excluded.creator, excluded.name, excluded.symbol, "
        + "  excluded.contract_uri, excluded.max_supply, excluded.salt, excluded.deployed_block, excluded.deployed_tx_hash, excluded.deployed_block_hash, "
        + "  excluded.deployed_log_index) "
        + "RETURNING c.address";

    public async Task Handle(CollectionsCreated @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var chain = IngestionMessages.Chain(@event.ChainId);
        IngestionMessages.Collections(@event.Collections);
        // A collection announced twice in one message (it cannot be, but a statement may not update a row twice): the later.
        var announced = @event.Collections
            .GroupBy(c => c.Address, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.Position)!)
            .ToList();
        if (announced.Count == 0)
        {
            return;
        }

        var addresses = announced.Select(c => c.Address).ToList();
        await state.LockCollectionsAsync(chain, addresses, cancellationToken);

        var upserted = await UpsertAsync(chain, announced, cancellationToken);
        if (upserted.Count == 0)
        {
            return;
        }

        await state.DeriveSettingsAsync(chain, upserted, cancellationToken);
        await state.RecomputeCollectionsAsync(chain, upserted, cancellationToken);
        var rows = await db.Collections.AsNoTracking()
            .Where(c => c.ChainId == chain && upserted.Contains(c.Address))
            .OrderBy(c => c.Address)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            db.AddIntegrationEvent(CatalogEvents.Collection(row, retracted: false));
        }
    }

    private async Task<List<string>> UpsertAsync(string chain, List<CreatedCollection> announced, CancellationToken cancellationToken)
    {
        await using var command = IngestionSql.Command(db, UpsertSql);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        command.Parameters.AddWithValue("a", announced.Select(c => c.Address).ToArray());
        command.Parameters.AddWithValue("std", announced.Select(c => c.Standard).ToArray());
        command.Parameters.AddWithValue("src", announced.Select(c => c.Source).ToArray());
        command.Parameters.AddTexts("fac", announced.Select(c => c.Factory));
        command.Parameters.AddTexts("cre", announced.Select(c => c.Creator));
        command.Parameters.AddTexts("own", announced.Select(c => c.Owner));
        command.Parameters.AddTexts("name", announced.Select(c => c.Name));
        command.Parameters.AddTexts("sym", announced.Select(c => c.Symbol));
        command.Parameters.AddWithValue("slug", announced.Select(c => CollectionSlug.For(chain, c.Address, c.Name)).ToArray());
        command.Parameters.AddTexts("uri", announced.Select(c => c.ContractUri));
        command.Parameters.AddTexts("rr", announced.Select(c => c.RoyaltyReceiver));
        command.Parameters.AddIntegers("rb", announced.Select(c => c.RoyaltyBps));
        command.Parameters.AddTexts("max", announced.Select(c => c.MaxSupply));
        command.Parameters.AddTexts("salt", announced.Select(c => c.Salt));
        command.Parameters.AddWithValue("bn", announced.Select(c => c.Position.BlockNumber).ToArray());
        command.Parameters.AddWithValue("tx", announced.Select(c => c.Position.TxHash).ToArray());
        command.Parameters.AddWithValue("bh", announced.Select(c => c.Position.BlockHash).ToArray());
        command.Parameters.AddWithValue("li", announced.Select(c => c.Position.LogIndex).ToArray());
        command.Parameters.AddWithValue("bt", announced.Select(c => c.Position.BlockTime.ToUniversalTime()).ToArray());

        var upserted = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            upserted.Add(reader.GetString(0));
        }

        return upserted;
    }
}
