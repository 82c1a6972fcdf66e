using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Persistence;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.GraphQL.Auth;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Wallets;

namespace NftMarketplace.IntegrationTests.Users;

/// <summary>
/// The Users and Wallets modules behind the real GraphQL endpoint, on this test's own database and virtual host, with
/// helpers to send their requests, sign in as a user, and publish events as another module would.
/// </summary>
public abstract class UsersWalletsTest(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private readonly TestTokens _tokens = new();
    private HttpClient _http = null!;

    protected GatewayServer Server { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = _tokens.Settings();
        settings["Messaging:RetryDelay"] = "00:00:00.200";
        settings["Outbox:PollInterval"] = "00:00:00.100";
        Server = await GatewayServer.StartAsync(Infrastructure, Environment, builder => builder.AddUsersModule().AddWalletsModule(), settings);
        _http = new HttpClient { BaseAddress = Server.BaseAddress };
    }

    public override async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
        _tokens.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sends a request in a scope of its own, as a separate caller would.</summary>
    protected async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, Ct);
    }

    protected async Task<T> QueryAsync<TContext, T>(Func<TContext, Task<T>> query)
        where TContext : ModuleDbContext
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    /// <summary>Outbox rows of <paramref name="schema"/> whose payload mentions <paramref name="text"/>.</summary>
    protected async Task<int> OutboxCountAsync<TContext>(string schema, string text)
        where TContext : ModuleDbContext
    {
        var payloads = await QueryAsync<TContext, List<string>>(db => db.OutboxMessages.Where(m => m.Schema == schema).Select(m => m.Payload).ToListAsync(Ct));
        return payloads.Count(p => p.Contains(text, StringComparison.Ordinal));
    }

    protected Task<bool> ProcessedAsync<TContext>(Guid eventId)
        where TContext : ModuleDbContext =>
        QueryAsync<TContext, bool>(db => db.ProcessedEvents.AnyAsync(e => e.EventId == eventId, Ct));

    /// <summary>Publishes <paramref name="event"/> as its module's outbox relay would (same envelope, same message id).</summary>
    protected async Task PublishAsync<TEvent>(TEvent @event)
        where TEvent : IIntegrationEvent
    {
        var body = Encoding.UTF8.GetBytes(EventEnvelope.Serialize(@event));
        await Server.Services.GetRequiredService<IMessagePublisher>().PublishAsync(
            new OutgoingMessage(TEvent.Exchange, @event.RoutingKey, @event.EventId, TEvent.Schema, body), Ct);
    }

    protected static AccountId NewAccount(long chain = 31337) =>
        AccountId.Create(ChainId.Eip155(chain), Address.FromBytes(RandomNumberGenerator.GetBytes(Address.ByteLength)));

    /// <summary>A user created by a first sign-in with a fresh account.</summary>
    protected async Task<Guid> NewUserAsync() => (await SendAsync(new EnsureUser(Guid.CreateVersion7(), NewAccount()))).UserId;

    /// <summary>POSTs a GraphQL operation, signed in as <paramref name="user"/> when given.</summary>
    protected async Task<GraphQLResult> GraphQLAsync(string query, object? variables = null, Guid? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (user is { } id)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Mint(id.ToString()));
        }

        using var response = await _http.SendAsync(request, Ct);
        return new GraphQLResult(response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }
}

public sealed record GraphQLResult(HttpStatusCode Status, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public bool HasErrors => Body.TryGetProperty("errors", out _);

    public string? Code => HasErrors ? Extensions.GetProperty("code").GetString() : null;

    public string? Field => HasErrors && Extensions.TryGetProperty("field", out var path) ? path.GetString() : null;

    private JsonElement Extensions => Body.GetProperty("errors")[0].GetProperty("extensions");

    /// <summary>The data of a request that must have succeeded.</summary>
    public JsonElement Ok(string field)
    {
        Assert.False(HasErrors, Body.ToString());
        return Data.GetProperty(field);
    }

    public override string ToString() => Body.ToString();
}
