using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>
/// The gateway as the Host registers it plus <see cref="SubscriptionTestFields"/>, serving graphql-transport-ws
/// connections over in-memory sockets, on one replica (no backplane).
/// </summary>
internal sealed class WsTestHost : IAsyncDisposable
{
    private readonly GraphQLTestHost _host;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(GraphQLWsConnection Connection, Task Run, IDisposable Registration)> _connections = [];

    private WsTestHost(GraphQLTestHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public SubscriptionBroker Broker => _host.Services.GetRequiredService<SubscriptionBroker>();

    public IConnectionRegistry Registry => _host.Services.GetRequiredService<IConnectionRegistry>();

    public GraphQLWsConnection LastConnection => _connections[^1].Connection;

    /// <param name="time">The gateway's clock (e.g. a <c>FakeTimeProvider</c> a test moves); the system clock by default.</param>
    public static async Task<WsTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, bool withTokenValidator = true, TimeProvider? time = null)
    {
        var merged = new Dictionary<string, string?>
        {
            // Server pings would interleave with the frames each test checks; the one test of them turns them on.
            ["GraphQL:WebSockets:KeepAliveInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var host = await GraphQLTestHost.StartAsync(merged, configure: builder =>
        {
            builder.AddGraphQLContributor<SubscriptionTestFields>();
            builder.Services.RemoveAll<IAccessTokenValidator>();
            if (withTokenValidator)
            {
                builder.Services.AddSingleton<IAccessTokenValidator, TestAccessTokens>();
            }

            if (time is not null)
            {
                builder.Services.Replace(ServiceDescriptor.Singleton(time));
            }
        });
        return new WsTestHost(host);
    }

    /// <summary>
    /// Opens a socket served by a new connection; <paramref name="pauseWriterThreshold"/> is the socket's buffer,
    /// <paramref name="remoteAddress"/> the client's address (loopback unless given).
    /// </summary>
    public WsTestClient Connect(long pauseWriterThreshold = 64 * 1024, IPAddress? remoteAddress = null)
    {
        var (server, client) = InMemoryWebSockets.CreatePair(pauseWriterThreshold);
        var connection = _host.Services.GetRequiredService<GraphQLWsConnectionFactory>().Create(server, remoteAddress ?? IPAddress.Loopback);
        var registration = _host.Services.GetRequiredService<ConnectionRegistry>().Add(connection);
        _connections.Add((connection, connection.RunAsync(_stopping.Token), registration));
        return new WsTestClient(client);
    }

    /// <summary>What the Host does when it stops: every socket closes with 1001.</summary>
    public Task StopAsync() => _stopping.CancelAsync();

    /// <summary>Waits for <paramref name="condition"/> to hold, polling; fails after <see cref="WsTestClient.Patience"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(WsTestClient.Patience);
        while (!condition())
        {
            try
            {
                await Task.Delay(10, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var (connection, run, registration) in _connections)
        {
            await run.WaitAsync(WsTestClient.Patience);
            registration.Dispose();
            connection.Dispose();
        }

        _stopping.Dispose();
        await _host.DisposeAsync();
    }
}
