using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using NftMarketplace.GraphQL.Subscriptions;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>The GraphQL WebSockets open on every replica, as far as other modules need to act on them.</summary>
public interface IConnectionRegistry
{
    /// <summary>
    /// Closes, with 4403, every socket whose access token belongs to <paramref name="sessionId"/> (its <c>sid</c>
    /// claim), on every Host replica: for the Auth module when it revokes a session, so no socket outlives it.
    /// </summary>
    Task CloseSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}

/// <summary>This replica's sockets; revocations reach the other replicas as subscription events.</summary>
internal sealed class ConnectionRegistry(ISubscriptionPublisher publisher) : IConnectionRegistry
{
    /// <summary>Not a module's topic: the <c>$</c> keeps it apart from theirs.</summary>
    internal const string SessionRevokedTopic = "$graphql:session-revoked";

    private readonly ConcurrentDictionary<GraphQLWsConnection, byte> _connections = new();

    public int Count => _connections.Count;

    public Task CloseSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        // The publisher delivers to this replica at once and to the others through the backplane.
        return publisher.PublishAsync(SessionRevokedTopic, sessionId, cancellationToken);
    }

    public IDisposable Add(GraphQLWsConnection connection)
    {
        _connections.TryAdd(connection, 0);
        return new Removal(this, connection);
    }

    /// <returns>How many of this replica's sockets were closed.</returns>
    internal int CloseLocalSession(string sessionId)
    {
        var closed = 0;
        foreach (var connection in _connections.Keys)
        {
            if (connection.SessionId == sessionId && connection.Close(CloseReason.SessionRevoked))
            {
                closed++;
            }
        }

        return closed;
    }

    private sealed class Removal(ConnectionRegistry registry, GraphQLWsConnection connection) : IDisposable
    {
        public void Dispose() => registry._connections.TryRemove(connection, out _);
    }
}

/// <summary>Closes this replica's sockets of every session revoked on any replica.</summary>
internal sealed class SessionRevocationListener(ISubscriptionBroker broker, ConnectionRegistry registry) : IHostedService, IObserver<string>
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = broker.Subscribe<string>(ConnectionRegistry.SessionRevokedTopic).Subscribe(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void OnNext(string value) => registry.CloseLocalSession(value);

    public void OnError(Exception error)
    {
        // Only an overflow ends this stream; listen again so later revocations are not missed.
        _subscription?.Dispose();
        _subscription = broker.Subscribe<string>(ConnectionRegistry.SessionRevokedTopic).Subscribe(this);
    }

    public void OnCompleted()
    {
    }
}
