using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.GraphQL.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.IntegrationTests.Users;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

namespace NftMarketplace.IntegrationTests.Catalog.Reading;

/// <summary>
/// The Catalog (with the modules its reads ask: Indexing for index statuses, Users and Wallets for <c>User.tokens</c>)
/// behind the real GraphQL endpoint on this test's own database; the catalog's tables are seeded with SQL, as its
/// consumers would have written them.
/// </summary>
public abstract class CatalogReadTest(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    public const string Chain = "eip155:31337";

    private readonly TestTokens _tokens = new();

    protected GatewayServer Server { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string AdminToken => _tokens.Mint(Guid.NewGuid().ToString(), roles: ["admin"]);

    protected string UserToken => _tokens.Mint(Guid.NewGuid().ToString());

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = _tokens.Settings();
        settings["Outbox:PollInterval"] = "00:00:00.100";
        settings["Messaging:RetryDelay"] = "00:00:00.200";
        settings["Registry:GasPolicy:Interval"] = "00:00:00";
        // The catalog's background workers poll the database; their statements must not count as the reads' (the
        // tests seed documents and ranks themselves).
        settings["Catalog:Metadata:Worker:PollInterval"] = "01:00:00";
        settings["Catalog:Rarity:PollInterval"] = "01:00:00";
        Server = await GatewayServer.StartAsync(
            Infrastructure, Environment,
            builder => builder.AddUsersModule().AddWalletsModule().AddRegistryModule().AddIndexingModule().AddCatalogModule(),
            settings);
    }

    public override async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _tokens.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var command = Server.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await command.ExecuteNonQueryAsync(Ct);
    }

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

    /// <summary>The token ids of a connection's edges, in order.</summary>
    protected static List<string> TokenIds(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("tokenId").GetString()!)];
}
