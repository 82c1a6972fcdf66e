using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>
/// Redis pub/sub between replicas: one channel per topic (<c>graphql:sub:{topic}</c>), subscribed by a replica only
/// while it has subscribers of that topic, so Redis sends each event only to replicas that want it.
/// </summary>
internal sealed partial class RedisSubscriptionBackplane(IConnectionMultiplexer redis, ILogger<RedisSubscriptionBackplane> logger)
    : ISubscriptionBackplane
{
    public const string ChannelPrefix = "graphql:sub:";

    private readonly IConnectionMultiplexer _redis = redis;
    private readonly ILogger _logger = logger;

    /// <summary>This replica, as named in the envelopes it publishes.</summary>
    private readonly Guid _origin = Guid.NewGuid();

    public static RedisChannel ChannelFor(string topic) => RedisChannel.Literal(ChannelPrefix + topic);

    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        try
        {
            // Fire-and-forget: the publisher waits for no Redis round trip, and an outage costs the other replicas
            // a notification rather than the publisher a time-out. This replica's subscribers already have it.
            await _redis.GetSubscriber()
                .PublishAsync(ChannelFor(topic), BackplaneEnvelope.Wrap(_origin, payload.Span), CommandFlags.FireAndForget)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogPublishFailed(_logger, ex, topic);
        }
    }

    public IDisposable Listen(string topic, Action<ReadOnlyMemory<byte>> deliver)
    {
        var listener = new Listener(this, topic, deliver);
        listener.Start();
        return listener;
    }

    [LoggerMessage(LogLevel.Warning, "Publishing a subscription event on {Topic} to other replicas failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(LogLevel.Error, "Listening for other replicas' subscription events on {Topic} failed")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(LogLevel.Warning, "Ignored a subscription event on {Topic} in an unknown envelope format")]
    private static partial void LogUnknownEnvelope(ILogger logger, string topic);

    private sealed class Listener(RedisSubscriptionBackplane backplane, string topic, Action<ReadOnlyMemory<byte>> deliver) : IDisposable
    {
        private Task<ChannelMessageQueue?> _queue = Task.FromResult<ChannelMessageQueue?>(null);

        public void Start() => _queue = SubscribeAsync();

        public void Dispose() => _ = UnsubscribeAsync();

        private async Task<ChannelMessageQueue?> SubscribeAsync()
        {
            try
            {
                // Fire-and-forget, so this never fails once the queue is registered: StackExchange.Redis registers it
                // before sending SUBSCRIBE and sends SUBSCRIBE again after every reconnect. Awaiting the reply
                // instead, a failure during an outage would leave a queue registered that nothing reads.
                var queue = await backplane._redis.GetSubscriber()
                    .SubscribeAsync(ChannelFor(topic), CommandFlags.FireAndForget)
                    .ConfigureAwait(false);
                // A message queue, unlike a handler, is processed one message at a time: events stay in order.
                queue.OnMessage(Receive);
                return queue;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                LogListenFailed(backplane._logger, ex, topic);
                return null;
            }
        }

        private void Receive(ChannelMessage message)
        {
            byte[]? envelope = message.Message;
            if (envelope is null || !BackplaneEnvelope.TryUnwrap(envelope, out var origin, out var payload))
            {
                LogUnknownEnvelope(backplane._logger, topic);
                return;
            }

            if (origin != backplane._origin)
            {
                deliver(payload);
            }
        }

        private async Task UnsubscribeAsync()
        {
            try
            {
                if (await _queue.ConfigureAwait(false) is { } queue)
                {
                    await queue.UnsubscribeAsync(CommandFlags.FireAndForget).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                // The connection is gone, and the subscription with it.
            }
        }
    }
}
