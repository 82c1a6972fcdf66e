using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Domain;
using NftMarketplace.Modules.Catalog.Persistence;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// What the Catalog would do for a Host's intents, done by hand on that Host's database: its domain events written
/// to the catalog's outbox (the Host's relay publishes them, as it would the Catalog's own), and rows of its tables.
/// </summary>
internal sealed class CatalogSide(string connectionString)
{
    public const string MinterRole = "0x9f2df0fed2c77648de5860a4cc508cd0818c85b8b8a1ab4ceeef8d981c8956a6";

    public static CatalogSide Of(SignInHostFixture host) => new(host.Environment.DatabaseConnectionString);

    public async Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent
    {
        await using var db = Catalog();
        db.AddIntegrationEvent(@event);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public Task CollectionCreatedAsync(string contract, string standard, string txHash, string owner, bool retracted = false) =>
        PublishAsync(new CollectionUpserted(Creator.ChainId, contract.ToLowerInvariant(), standard, "factory", txHash, owner.ToLowerInvariant(), owner.ToLowerInvariant(), "Shown", 1, retracted));

    public Task MintedAsync(string contract, string standard, string txHash, IReadOnlyList<string> tokenIds, bool retracted = false) =>
        PublishAsync(new MintsUpserted(Creator.ChainId, contract.ToLowerInvariant(), standard, txHash, 1, tokenIds, retracted));

    /// <summary>
    /// Makes the catalog show a collection the chain created with other settings. The Host's own ingestion writes the
    /// collection and its creation's role facts first (waited for here), so nothing it derives later undoes the change.
    /// </summary>
    public async Task ShowCollectionAsync(string contract, string standard, string owner, BigInteger? maxSupply = null, BigInteger? totalMinted = null, params string[] minters)
    {
        var address = contract.ToLowerInvariant();
        await Eventually.Until(
            async () =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = new NpgsqlCommand(
                    "SELECT (SELECT count(*) FROM catalog.collections WHERE chain_id = @chain AND address = @address) "
                    + "+ (SELECT least(count(*), 1) FROM catalog.collection_setting_facts WHERE chain_id = @chain AND contract = @address)",
                    connection);
                command.Parameters.AddWithValue("chain", Creator.ChainId);
                command.Parameters.AddWithValue("address", address);
                return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            },
            shown => shown == 2,
            $"the catalog's own row and role facts of {address}");

        await using var db = Catalog();
        var row = await db.Collections.SingleAsync(c => c.ChainId == Creator.ChainId && c.Address == address, TestContext.Current.CancellationToken);
        row.Standard = standard;
        row.Owner = owner.ToLowerInvariant();
        row.MaxSupply = maxSupply;
        row.TotalMinted = totalMinted ?? 0;
        db.CollectionRoles.RemoveRange(db.CollectionRoles.Where(r => r.ChainId == Creator.ChainId && r.Address == address));
        foreach (var minter in minters)
        {
            db.CollectionRoles.Add(new CollectionRole { ChainId = Creator.ChainId, Address = address, Role = MinterRole, Account = minter.ToLowerInvariant() });
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Whether Orchestration keeps a readiness fact of the transaction (the event came before its track).</summary>
    public async Task<bool> HoldsFactAsync(string txHash)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orchestration.readiness_facts WHERE tx_hash = @hash", connection);
        command.Parameters.AddWithValue("hash", txHash.ToLowerInvariant());
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }

    private CatalogDbContext Catalog()
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>();
        options.UseModuleDatabase(connectionString, "catalog");
        return new CatalogDbContext(options.Options);
    }
}
