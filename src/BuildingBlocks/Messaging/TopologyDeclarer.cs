using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Inbox;
using RabbitMQ.Client;

namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>
/// Declares exchanges and consumer queues. Every declaration is idempotent, so any number of
/// Host replicas may run it at every start.
/// </summary>
/// <remarks>
/// Each consumer queue <c>Q</c> is a quorum queue that dead-letters rejected messages to
/// <c>dlx.events</c> with key <c>retry.Q</c>; <c>Q.retry</c> holds them for the retry delay and
/// dead-letters them back to <c>Q</c> through the default exchange. After the last attempt the
/// consumer moves the message to <c>Q.parking</c> (key <c>parking.Q</c>) where it waits for a person.
/// Events no queue subscribes to go to <c>events.unrouted</c> (key <c>unrouted</c>), which keeps only
/// the newest ones.
/// </remarks>
internal sealed class TopologyDeclarer(
    IConnection connection,
    IEnumerable<PublishedExchange> published,
    IEnumerable<IConsumerRegistration> consumers,
    IOptions<MessagingOptions> options)
{
    /// <summary>Newest unrouted events kept; older ones are dropped so a chatty event without subscribers cannot fill the broker.</summary>
    internal const long UnroutedMaxLength = 10_000;

    public async Task DeclareAsync(CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // The modules' exchanges are what they registered: the ones they publish to here, the ones they consume from below.
        foreach (var exchange in published.Select(p => p.Name).Append(Exchanges.DeadLetter).Distinct(StringComparer.Ordinal))
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }

        await DeclareUnroutedQueueAsync(channel, cancellationToken).ConfigureAwait(false);
        foreach (var consumer in consumers)
        {
            await DeclareConsumerQueuesAsync(channel, consumer, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeclareConsumerQueuesAsync(IChannel channel, IConsumerRegistration consumer, CancellationToken cancellationToken)
    {
        var queue = consumer.Queue;
        await channel.ExchangeDeclareAsync(consumer.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken)
            .ConfigureAwait(false);

        await DeclareQuorumQueueAsync(channel, queue, new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = Exchanges.DeadLetter,
            ["x-dead-letter-routing-key"] = QueueNames.RetryRoutingKey(queue),
        }, cancellationToken).ConfigureAwait(false);
        foreach (var key in consumer.BindingKeys)
        {
            await channel.QueueBindAsync(queue, consumer.Exchange, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var retry = QueueNames.Retry(queue);
        await DeclareQuorumQueueAsync(channel, retry, new Dictionary<string, object?>
        {
            ["x-message-ttl"] = (long)options.Value.RetryDelay.TotalMilliseconds,
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = queue,
        }, cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(retry, Exchanges.DeadLetter, QueueNames.RetryRoutingKey(queue), cancellationToken: cancellationToken)
            .ConfigureAwait(false);

        var parking = QueueNames.Parking(queue);
        await DeclareQuorumQueueAsync(channel, parking, [], cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(parking, Exchanges.DeadLetter, QueueNames.ParkingRoutingKey(queue), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task DeclareUnroutedQueueAsync(IChannel channel, CancellationToken cancellationToken)
    {
        // Quorum queues support a length limit with drop-head (not reject-publish-dlx); no dead-letter
        // exchange is set, so dropped events are gone: they had no subscriber anyway.
        await DeclareQuorumQueueAsync(channel, QueueNames.Unrouted, new Dictionary<string, object?>
        {
            ["x-max-length"] = UnroutedMaxLength,
            ["x-overflow"] = "drop-head",
        }, cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(QueueNames.Unrouted, Exchanges.DeadLetter, QueueNames.UnroutedRoutingKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
    }

    private static Task<QueueDeclareOk> DeclareQuorumQueueAsync(IChannel channel, string name, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        arguments["x-queue-type"] = "quorum";
        return channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
    }
}
