using System.Collections.Concurrent;
using RabbitMQ.Client;

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
    /// <summary>Publishes and returns only once the broker has confirmed the message.</summary>
    /// <exception cref="RabbitMQ.Client.Exceptions.PublishException">The broker refused the message or could not route it.</exception>
    Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes with publisher confirms and the mandatory flag, so a message counts as published
/// only when the broker has taken responsibility for it and routed it to at least one queue.
/// Channels are not thread-safe, so each publish borrows one from a small pool.
/// </summary>
internal sealed class RabbitMqPublisher(IConnection connection) : IMessagePublisher, IAsyncDisposable
{
    private readonly ConcurrentBag<IChannel> _channels = [];

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = await RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var properties = new BasicProperties
            {
                MessageId = message.MessageId.ToString(),
                Type = message.Schema,
                ContentType = EventEnvelope.ContentType,
                DeliveryMode = DeliveryModes.Persistent,
                Timestamp = new AmqpTimestamp(DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
                Headers = message.Headers?.ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync(message.Exchange, message.RoutingKey, mandatory: true, properties, message.Body, cancellationToken)
                .ConfigureAwait(false);
            _channels.Add(channel);
        }
        catch
        {
            // A channel that failed a publish may be closed or in an unknown state: never reuse it.
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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
}
