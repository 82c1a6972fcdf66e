using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>A message ready for the wire.</summary>
public sealed record OutgoingMessage(
    string Exchange,
    string RoutingKey,
    Guid MessageId,
    string Schema,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, object?>? Headers = null);

public interface IMessagePublisher
{
    /// <summary>
    /// Publishes and returns only once the broker has confirmed the message. An event no queue
    /// subscribes to counts as published once its copy in <see cref="QueueNames.Unrouted"/> is confirmed.
    /// </summary>
    /// <exception cref="PublishException">The broker refused the message, or could route neither it nor its unrouted copy.</exception>
    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// A batch: messages published through it go out in the order <see cref="IPublishBatch.PublishAsync"/> is called,
    /// each completing at its own confirm, without one confirm round trip per message. Dispose it when all completed.
    /// </summary>
    Task<IPublishBatch> BeginBatchAsync(CancellationToken cancellationToken) => Task.FromResult<IPublishBatch>(new SequentialBatch(this));
}

/// <summary>Publishes of one batch (see <see cref="IMessagePublisher.BeginBatchAsync"/>).</summary>
public interface IPublishBatch : IAsyncDisposable
{
    /// <inheritdoc cref="IMessagePublisher.PublishAsync"/>
    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A batch of a publisher without one: each message on its own, one after another.</summary>
internal sealed class SequentialBatch(IMessagePublisher publisher) : IPublishBatch
{
    private Task _last = Task.CompletedTask;

    public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var previous = _last;
        _last = After(previous, message, cancellationToken);
        return _last;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task After(Task previous, OutgoingMessage message, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await publisher.PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Publishes with publisher confirms and the mandatory flag, so a message counts as published
/// only when the broker has taken responsibility for it and routed it to at least one queue.
/// An event the broker returns as unroutable (no queue subscribes to it yet) is published again
/// to <see cref="QueueNames.Unrouted"/>, and that confirmed copy completes the publish: otherwise
/// the outbox would retry it for ever. Channels are not thread-safe, so each publish borrows one
/// from a small pool.
/// </summary>
internal sealed partial class RabbitMqPublisher(IConnection connection, ILogger<RabbitMqPublisher> logger) : IMessagePublisher, IAsyncDisposable
{
    public const string OriginalExchangeHeader = "x-original-exchange";
    public const string OriginalRoutingKeyHeader = "x-original-routing-key";

    private readonly ConcurrentBag<IChannel> _channels = [];
    private readonly ConcurrentDictionary<(string Exchange, string RoutingKey), bool> _reportedUnrouted = new();

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                await PublishConfirmedAsync(channel, message.Exchange, message.RoutingKey, message, extraHeaders: null, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (PublishReturnException returned) when (CanDivert(returned, message))
            {
                // A return is not a channel error: the same channel carries the copy.
                await DivertUnroutedAsync(channel, message, cancellationToken).ConfigureAwait(false);
            }

            _channels.Add(channel);
        }
        catch
        {
            // A channel that failed a publish may be closed or in an unknown state: never reuse it.
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// One channel carries the whole batch: the client sends a channel's publishes in the order they are started (its
    /// confirm lock is taken in turn), so the broker receives them in order, and the confirms come back while later
    /// messages are on their way instead of one round trip per message.
    /// </summary>
    public async Task<IPublishBatch> BeginBatchAsync(CancellationToken cancellationToken) =>
        new ChannelBatch(this, await RentAsync(cancellationToken).ConfigureAwait(false));

    private sealed class ChannelBatch(RabbitMqPublisher publisher, IChannel channel) : IPublishBatch
    {
        private readonly List<Task> _publishes = [];

        public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            var publish = publisher.PublishOnAsync(channel, message, cancellationToken);
            _publishes.Add(publish);
            return publish;
        }

        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(_publishes).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (channel.IsOpen && _publishes.All(p => p.IsCompletedSuccessfully))
            {
                publisher._channels.Add(channel);
            }
            else
            {
                // A channel that failed a publish may be closed or in an unknown state: never reuse it.
                await channel.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task PublishOnAsync(IChannel channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await PublishConfirmedAsync(channel, message.Exchange, message.RoutingKey, message, extraHeaders: null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (PublishReturnException returned) when (CanDivert(returned, message))
        {
            await DivertUnroutedAsync(channel, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Only "no queue is bound" is diverted. Messages already on the dead-letter exchange (retries,
    /// parking) must reach their own queue, and a copy that cannot be routed must fail, not loop.
    /// </summary>
    private static bool CanDivert(PublishReturnException returned, OutgoingMessage message) =>
        returned.ReplyCode == Constants.NoRoute && message.Exchange != Exchanges.DeadLetter;

    private async Task DivertUnroutedAsync(IChannel channel, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (_reportedUnrouted.TryAdd((message.Exchange, message.RoutingKey), true))
        {
            LogNoSubscriber(message.Exchange, message.RoutingKey, QueueNames.Unrouted);
        }

        Activity.Current?.SetTag("nftmarketplace.publish.unrouted", true);
        var origin = new Dictionary<string, object?>
        {
            [OriginalExchangeHeader] = message.Exchange,
            [OriginalRoutingKeyHeader] = message.RoutingKey,
        };
        await PublishConfirmedAsync(channel, Exchanges.DeadLetter, QueueNames.UnroutedRoutingKey, message, origin, cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task PublishConfirmedAsync(
        IChannel channel,
        string exchange,
        string routingKey,
        OutgoingMessage message,
        Dictionary<string, object?>? extraHeaders,
        CancellationToken cancellationToken)
    {
        // Fresh properties per publish: the client writes its own bookkeeping headers into them.
        var headers = message.Headers?.ToDictionary(h => h.Key, h => h.Value);
        if (extraHeaders is not null)
        {
            headers ??= [];
            foreach (var (key, value) in extraHeaders)
            {
                headers[key] = value;
            }
        }

        var properties = new BasicProperties
        {
            MessageId = message.MessageId.ToString(),
            Type = message.Schema,
            ContentType = EventEnvelope.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
            Headers = headers,
        };
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, message.Body, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IChannel> RentAsync(CancellationToken cancellationToken)
    {
        while (_channels.TryTake(out var pooled))
        {
            if (pooled.IsOpen)
            {
                return pooled;
            }

            await pooled.DisposeAsync().ConfigureAwait(false);
        }

        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        return await connection.CreateChannelAsync(options, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        while (_channels.TryTake(out var channel))
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(LogLevel.Information, "No queue subscribes to {RoutingKey} on {Exchange} yet; such events are kept in {Queue}")]
    private partial void LogNoSubscriber(string exchange, string routingKey, string queue);
}
