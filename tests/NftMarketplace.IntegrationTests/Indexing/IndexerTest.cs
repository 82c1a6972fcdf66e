using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.GraphQL.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.SmartContracts;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.IntegrationTests.Users;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Persistence;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Registry.ChainContracts;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Registry.Endpoints;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

namespace NftMarketplace.IntegrationTests.Indexing;

/// <summary>
/// The Registry and Indexing modules behind the real GraphQL endpoint on this test's own database, following a private
/// Anvil; helpers read what the indexer stored and published (its outbox, as the relay sends it).
/// </summary>
public abstract class IndexerTest(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    protected static readonly ChainId Chain = ChainId.Eip155(PrivateAnvil.ChainNumber);

    private readonly TestTokens _tokens = new();
    private readonly List<GatewayServer> _servers = [];

    protected PrivateAnvil Anvil { get; private set; } = null!;

    protected TestChain TestChain { get; private set; } = null!;

    protected GatewayServer Server { get; set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string AdminToken => _tokens.Mint("admin-1", roles: ["admin"]);

    protected string UserToken => _tokens.Mint("user-1");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Anvil = await PrivateAnvil.StartAsync();
        TestChain = new TestChain(Anvil.Rpc);
        Server = await StartServerAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await Anvil.DisposeAsync();
        _tokens.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another Host on the same database (a replica), or the same one again after a restart.</summary>
    protected async Task<GatewayServer> StartServerAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = _tokens.Settings();
        settings["Outbox:PollInterval"] = "00:00:00.100";
        settings["Registry:GasPolicy:Interval"] = "00:00:00";
        settings["Indexing:PollInterval"] = "00:00:00.050";
        settings["Indexing:ChainRefreshInterval"] = "00:00:00.200";
        settings["Indexing:LeaseRetryInterval"] = "00:00:00.200";
        Configure(settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var server = await GatewayServer.StartAsync(Infrastructure, Environment, AddModules, settings);
        _servers.Add(server);
        return server;
    }

    /// <summary>The modules of every Host the test starts: the indexer's, and what a derived test consumes of it.</summary>
    // The Catalog owns the Collection type trackCollection answers with (its reads ask Users and Wallets for User.tokens).
    protected virtual void AddModules(IHostApplicationBuilder builder) =>
        builder.AddUsersModule().AddWalletsModule().AddRegistryModule().AddIndexingModule().AddCatalogModule();

    /// <summary>Settings of a test class beyond the indexer's (configuration keys, <c>Section:Key</c>).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    protected async Task StopServerAsync(GatewayServer server)
    {
        _servers.Remove(server);
        await server.DisposeAsync();
    }

    protected async Task<T> SendAsync<T>(IRequest<T> request, GatewayServer? server = null)
    {
        await using var scope = (server ?? Server).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, Ct);
    }

    private protected async Task<T> QueryAsync<T>(Func<IndexingDbContext, Task<T>> query)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IndexingDbContext>());
    }

    /// <summary>
    /// Registers the private chain (1 confirmation) with its endpoint (the node's, or <paramref name="endpoint"/> in front
    /// of it) and the factory when given, then enables it.
    /// </summary>
    protected async Task RegisterChainAsync(string? factory = null, long startBlock = 0, Uri? endpoint = null)
    {
        await SendAsync(new AddChain(Chain, "Private test chain", "ETH", 18, null, null, 1, false));
        await SendAsync(new AddChainEndpoint(Chain, (endpoint ?? Anvil.Rpc).ToString().TrimEnd('/'), 0, 1, null, true));
        if (factory is not null)
        {
            await SendAsync(new AddChainContract(Chain, ContractNames.NftFactory, Address.Parse(factory), startBlock, null));
        }

        await SendAsync(new EnableChain(Chain));
    }

    /// <summary>A factory and its implementations on the private chain, and the first block after them.</summary>
    protected async Task<(DeployedFactory Factory, long StartBlock)> DeployFactoryAsync(Nethereum.Web3.Web3 deployer)
    {
        var factory = await TestChain.DeployFactoryAsync(deployer);
        return (factory, await Anvil.HeadAsync());
    }

    private protected async Task<Checkpoint?> CheckpointAsync() =>
        await QueryAsync(db => db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.ChainId == Chain.Value, Ct));

    /// <summary>Waits until the indexer has published <paramref name="block"/> and no followed contract is still backfilling.</summary>
    private protected async Task<Checkpoint> WaitIndexedAsync(long block, TimeSpan? timeout = null)
    {
        var (checkpoint, _) = await Eventually.Until(
            async () => (await CheckpointAsync(), await QueryAsync(db => db.FollowedContracts.CountAsync(f => f.ChainId == Chain.Value && f.BackfillStatus == BackfillStatuses.Backfilling, Ct))),
            state => state.Item1 is not null && state.Item1.LastBlock >= block && state.Item2 == 0,
            $"block {block} indexed",
            timeout ?? TimeSpan.FromSeconds(60));
        return checkpoint!;
    }

    private protected async Task<List<RawEvent>> RawEventsAsync() =>
        await QueryAsync(db => db.RawEvents.AsNoTracking().Where(e => e.ChainId == Chain.Value).OrderBy(e => e.BlockNumber).ThenBy(e => e.LogIndex).ToListAsync(Ct));

    /// <summary>Every event of <typeparamref name="TEvent"/> in the indexer's outbox, in the order written.</summary>
    protected async Task<List<TEvent>> PublishedAsync<TEvent>()
        where TEvent : IIntegrationEvent
    {
        var schema = TEvent.Schema;
        var payloads = await QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Schema == schema)
            .OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync(Ct));
        return [.. payloads.Select(p => EventEnvelope.Deserialize<TEvent>(Encoding.UTF8.GetBytes(p)))];
    }

    /// <summary>What <c>eth_getLogs</c> says the followed contracts logged in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    protected async Task<List<(string TxHash, int LogIndex, long Block, string BlockHash)>> ChainLogsAsync(IEnumerable<string> addresses, long from, long to)
    {
        var logs = await Anvil.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [.. addresses],
            FromBlock = new BlockParameter(new HexBigInteger(from)),
            ToBlock = new BlockParameter(new HexBigInteger(to)),
        });
        return [.. logs.Select(l => (l.TransactionHash.ToLowerInvariant(), (int)l.LogIndex.Value, (long)l.BlockNumber.Value, l.BlockHash.ToLowerInvariant()))
            .OrderBy(l => l.Item3).ThenBy(l => l.Item2)];
    }

    private protected static List<(string, int, long, string)> Keys(IEnumerable<RawEvent> events) =>
        [.. events.Select(e => (e.TxHash, e.LogIndex, e.BlockNumber, e.BlockHash))];

    /// <summary>Every fact position published in transfers and mints, with the batch entry: each must appear once.</summary>
    protected async Task<List<(string TxHash, int LogIndex, int BatchIndex)>> TransferFactKeysAsync() =>
        [.. (await PublishedAsync<TokensMinted>()).SelectMany(e => e.Mints)
            .Concat((await PublishedAsync<TokensTransferred>()).SelectMany(e => e.Transfers))
            .Select(t => (t.Position.TxHash, t.Position.LogIndex, t.BatchIndex))];

    protected async Task<GraphQLResult> GraphQLAsync(string query, object? variables = null, string? token = null)
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, Ct);
        return new GraphQLResult(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }
}
