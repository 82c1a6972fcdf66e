using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.GraphQL.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Registry.Contracts;
using StackExchange.Redis;

namespace NftMarketplace.IntegrationTests.Registry;

/// <summary>The chain registry over real HTTP, Postgres and Redis: public requests, their cache, queries and admin mutations.</summary>
public sealed class RegistryGraphQLTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const string AddChain = """
        mutation($input: AddChainInput!) { addChain(input: $input) { id chainId chainNumber name nativeSymbol decimals enabled features confirmationsRequired version } }
        """;

    private const string AddEndpoint = """
        mutation($input: AddChainEndpointInput!) { addChainEndpoint(input: $input) { chainId endpoints { url priority weight rateLimit active } } }
        """;

    private const string AddContract = """
        mutation($input: AddChainContractInput!) { addChainContract(input: $input) { chainId contracts { name address startBlock } } }
        """;

    private readonly TestTokens _tokens = new();
    private GatewayServer _server = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Admin => _tokens.Mint("admin-1", roles: ["admin"]);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _server = await GatewayServer.StartAsync(Infrastructure, Environment, builder => builder.AddRegistryModule(), _tokens.Settings());
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public override async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _tokens.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_adds_a_chain_an_endpoint_and_a_contract_and_everybody_reads_them()
    {
        var chainId = NewChainId();
        var added = await PostAsync(AddChain, new { input = new { chainId, name = "Test chain", nativeSymbol = "TST", features = new[] { "eip1559" } } }, Admin);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        var chain = added.Body.GetProperty("data").GetProperty("addChain");
        Assert.Equal(chainId, chain.GetProperty("chainId").GetString());
        Assert.Equal(chainId.Split(':')[1], chain.GetProperty("chainNumber").GetString());
        Assert.Equal(18, chain.GetProperty("decimals").GetInt32());
        Assert.Equal(1, chain.GetProperty("confirmationsRequired").GetInt32());
        Assert.True(chain.GetProperty("enabled").GetBoolean());

        var endpoint = await PostAsync(AddEndpoint, new { input = new { chainId, url = "http://127.0.0.1:8545", priority = 2, weight = 3, rateLimit = 25 } }, Admin);
        Assert.Equal(HttpStatusCode.OK, endpoint.Status);
        var endpoints = endpoint.Body.GetProperty("data").GetProperty("addChainEndpoint").GetProperty("endpoints");
        Assert.Equal("http://127.0.0.1:8545", endpoints[0].GetProperty("url").GetString());
        Assert.Equal(25, endpoints[0].GetProperty("rateLimit").GetInt32());

        const string factory = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
        var contract = await PostAsync(AddContract, new { input = new { chainId, name = "NftFactory", address = factory.ToLowerInvariant(), startBlock = "7" } }, Admin);
        Assert.Equal(HttpStatusCode.OK, contract.Status);
        var contracts = contract.Body.GetProperty("data").GetProperty("addChainContract").GetProperty("contracts");
        Assert.Equal(factory, contracts[0].GetProperty("address").GetString());
        Assert.Equal("7", contracts[0].GetProperty("startBlock").GetString());

        var anonymous = await PostAsync(
            "query($id: ChainId!) { chain(id: $id) { name enabled contracts { name address } } chains { chainId } }", new { id = chainId }, token: null);
        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        var read = anonymous.Body.GetProperty("data");
        Assert.Equal("Test chain", read.GetProperty("chain").GetProperty("name").GetString());
        Assert.Equal(factory, read.GetProperty("chain").GetProperty("contracts")[0].GetProperty("address").GetString());
        Assert.Contains(read.GetProperty("chains").EnumerateArray(), c => c.GetProperty("chainId").GetString() == chainId);

        var node = await PostAsync(
            "query($id: ID!) { node(id: $id) { ... on Chain { chainId name } } }", new { id = chain.GetProperty("id").GetString() }, token: null);
        Assert.Equal(chainId, node.Body.GetProperty("data").GetProperty("node").GetProperty("chainId").GetString());

        var disabled = await PostAsync(
            "mutation($input: DisableChainInput!) { disableChain(input: $input) { enabled } }", new { input = new { chainId } }, Admin);
        Assert.False(disabled.Body.GetProperty("data").GetProperty("disableChain").GetProperty("enabled").GetBoolean());
        var inactive = await PostAsync(
            "mutation($input: DisableChainEndpointInput!) { disableChainEndpoint(input: $input) { endpoints { active } } }",
            new { input = new { chainId, url = "http://127.0.0.1:8545" } }, Admin);
        Assert.False(inactive.Body.GetProperty("data").GetProperty("disableChainEndpoint").GetProperty("endpoints")[0].GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Mutations_need_a_session_and_the_admin_role()
    {
        var input = new { input = new { chainId = NewChainId(), name = "X", nativeSymbol = "X" } };

        var anonymous = await PostAsync(AddChain, input, token: null);
        var user = await PostAsync(AddChain, input, _tokens.Mint("user-2", roles: ["curator"]));

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.Status, Code(anonymous.Body)));
        Assert.Equal((HttpStatusCode.Forbidden, "FORBIDDEN"), (user.Status, Code(user.Body)));
    }

    [Fact]
    public async Task Endpoints_are_shown_to_admins_only()
    {
        var chainId = NewChainId();
        await AddChainAsync(chainId);

        var anonymous = await PostAsync("query($id: ChainId!) { chain(id: $id) { endpoints { url } } }", new { id = chainId }, token: null);

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.Status, Code(anonymous.Body)));
    }

    [Fact]
    public async Task Endpoints_reached_through_the_chains_list_are_named_Chain_endpoints()
    {
        await AddChainAsync(NewChainId());

        var anonymous = await PostAsync("{ chains { endpoints { url } } }", new { }, token: null);

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.Status, Code(anonymous.Body)));
        Assert.StartsWith("'Chain.endpoints' ", anonymous.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_BAD_USER_INPUT_naming_the_field()
    {
        var chainId = NewChainId();
        await AddChainAsync(chainId);

        var badUrl = await PostAsync(AddEndpoint, new { input = new { chainId, url = "not a url" } }, Admin);
        var negativePriority = await PostAsync(AddEndpoint, new { input = new { chainId, url = "https://rpc.example", priority = -1 } }, Admin);
        var unknownChain = await PostAsync(AddEndpoint, new { input = new { chainId = NewChainId(), url = "https://rpc.example" } }, Admin);
        var badAddress = await PostAsync(AddContract, new { input = new { chainId, name = "F", address = "0x1234", startBlock = "0" } }, Admin);
        var badChainId = await PostAsync(AddChain, new { input = new { chainId = "not-a-chain", name = "X", nativeSymbol = "X" } }, Admin);

        Assert.Equal(("BAD_USER_INPUT", "input.url"), (Code(badUrl.Body), Field(badUrl.Body)));
        Assert.Equal(("BAD_USER_INPUT", "input.priority"), (Code(negativePriority.Body), Field(negativePriority.Body)));
        Assert.Equal(("BAD_USER_INPUT", "input.chainId"), (Code(unknownChain.Body), Field(unknownChain.Body)));
        Assert.Equal("BAD_USER_INPUT", Code(badAddress.Body));
        Assert.Equal("BAD_USER_INPUT", Code(badChainId.Body));
    }

    [Fact]
    public async Task A_chain_added_twice_is_a_CONFLICT_and_an_unknown_chain_is_NOT_FOUND()
    {
        var chainId = NewChainId();
        await AddChainAsync(chainId);

        var again = await PostAsync(AddChain, new { input = new { chainId, name = "Again", nativeSymbol = "X" } }, Admin);
        var unknown = await PostAsync("query($id: ChainId!) { chain(id: $id) { name } }", new { id = NewChainId() }, token: null);

        Assert.Equal("CONFLICT", Code(again.Body));
        Assert.Equal("NOT_FOUND", Code(unknown.Body));
        Assert.Equal(JsonValueKind.Null, unknown.Body.GetProperty("data").GetProperty("chain").ValueKind);
    }

    [Fact]
    public async Task Requests_are_cached_at_the_chains_version_and_a_change_is_visible_at_once()
    {
        var chainId = NewChainId();
        await AddChainAsync(chainId);
        var id = ChainId.Parse(chainId);

        ChainDto first;
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            first = (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetChain(id), Ct))!;
        }

        var redis = _server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = Modules.Registry.RedisKeys.ChainRegistry(chainId, first.Version);
        Assert.True(await redis.KeyExistsAsync(key));
        var ttl = await redis.KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));

        await PostAsync(
            "mutation($input: SetChainGasPolicyInput!) { setChainGasPolicy(input: $input) { chainId } }",
            new { input = new { chainId, maxFeeGwei = 30.5, priorityFeeGwei = 1.5, multiplier = 1.25 } }, Admin);

        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var second = (await sender.Send(new GetChain(id), Ct))!;
            var policy = await sender.Send(new GetGasPolicy(id), Ct);
            var contracts = await sender.Send(new GetContracts(id), Ct);
            Assert.True(second.Version > first.Version);
            Assert.Equal((30.5m, 1.5m, 1.25m), (policy!.MaxFeeGwei, policy.PriorityFeeGwei, policy.Multiplier));
            Assert.Empty(contracts);
            Assert.Null(await sender.Send(new GetChain(ChainId.Parse(NewChainId())), Ct));
        }

        Assert.True(await redis.KeyExistsAsync(Modules.Registry.RedisKeys.ChainRegistry(chainId, (await ReadVersionAsync(id)))));
    }

    private async Task<long> ReadVersionAsync(ChainId id)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetChain(id), Ct))!.Version;
    }

    private async Task AddChainAsync(string chainId)
    {
        var added = await PostAsync(AddChain, new { input = new { chainId, name = "Chain " + chainId, nativeSymbol = "TST" } }, Admin);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.False(added.Body.TryGetProperty("errors", out _), added.Body.ToString());
    }

    /// <summary>A chain id no other test uses (the Redis cache is shared by every test database).</summary>
    private static string NewChainId() => "eip155:" + Random.Shared.NextInt64(1_000_000, 1_000_000_000_000);

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, object variables, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    private static string? Field(JsonElement body) =>
        body.GetProperty("errors")[0].GetProperty("extensions").TryGetProperty("field", out var field) ? field.GetString() : null;
}
