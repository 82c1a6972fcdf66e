using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Inbox;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>
/// Runs every registered consumer. A delivery is acknowledged only after its effect has
/// committed (or it was a duplicate); a failure goes through the retry queue, and after the
/// last attempt the message is parked (published to its parking queue with confirms, then
/// acknowledged). Nothing is ever acknowledged without having been handled or parked. A queue is applied one message
/// at a time, in order, unless its registration gives ordering keys: then each message is applied after the previous one
/// of its key only, and the next delivery is taken at once (the prefetch bounds how many are in flight).
/// </summary>
internal sealed partial class RabbitMqConsumerHost(
    IConnection connection,
    IEnumerable<IConsumerRegistration> consumers,
    IServiceScopeFactory scopes,
    IMessagePublisher publisher,
    IOptions<MessagingOptions> options,
    ILogger<RabbitMqConsumerHost> logger) : IAsyncDisposable
{
    public const string ParkedReasonHeader = "x-parked-reason";
    public const string ParkedFromHeader = "x-parked-from";

    private readonly List<IChannel> _channels = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Per queue and ordering key, the last delivery started: the next of that key runs after it.</summary>
    private readonly Dictionary<(string Queue, string Key), Task> _tails = [];
    private readonly Lock _tailsGate = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in consumers)
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _channels.Add(channel);
            await channel.BasicQosAsync(0, options.Value.Prefetch, global: false, cancellationToken).ConfigureAwait(false);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => registration.OrderingKey(delivery.Body) is { } key
                ? StartAfterSameKey(channel, registration, key, delivery)
                : OnReceivedAsync(channel, registration, delivery);
            await channel.BasicConsumeAsync(registration.Queue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_tailsGate)
        {
            running = [.. _tails.Values];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        foreach (var channel in _channels)
        {
            // Unacknowledged deliveries return to their queues when the channel closes.
            await channel.CloseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Chains the delivery after the last one of its key and returns at once, so the channel hands out the next. Called
    /// for one delivery at a time (the channel's dispatch is sequential), so a key's chain follows the queue's order.
    /// </summary>
    private Task StartAfterSameKey(IChannel channel, IConsumerRegistration registration, string key, BasicDeliverEventArgs delivery)
    {
        // The client reuses the body's memory once this handler returns.
        var copy = new BasicDeliverEventArgs(
            delivery.ConsumerTag, delivery.DeliveryTag, delivery.Redelivered, delivery.Exchange, delivery.RoutingKey,
            delivery.BasicProperties, delivery.Body.ToArray(), CancellationToken.None);
        var slot = (registration.Queue, key);
        lock (_tailsGate)
        {
            var previous = _tails.GetValueOrDefault(slot) ?? Task.CompletedTask;
            var next = RunAfterAsync(previous, channel, registration, copy);
            _tails[slot] = next;
            _ = next.ContinueWith(
                done =>
                {
                    lock (_tailsGate)
                    {
                        if (_tails.TryGetValue(slot, out var last) && last == done)
                        {
                            _tails.Remove(slot);
                        }
                    }
                },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    private async Task RunAfterAsync(Task previous, IChannel channel, IConsumerRegistration registration, BasicDeliverEventArgs delivery)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // Off the channel's dispatch: the next delivery is handed out while this one is applied.
        await Task.Yield();
        try
        {
            await OnReceivedAsync(channel, registration, delivery).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The channel closed under it (shutting down, broker gone): the delivery stays unacknowledged and comes again.
            LogUnsettled(ex, registration.Queue, delivery.BasicProperties.MessageId);
        }
    }

    private async Task OnReceivedAsync(IChannel channel, IConsumerRegistration registration, BasicDeliverEventArgs delivery)
    {
        var headers = delivery.BasicProperties.Headers;
        using var activity = MessagingTelemetry.Source.StartActivity(
            $"{registration.Queue} process", ActivityKind.Consumer, MessagingTelemetry.ParentFrom(headers));
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", registration.Queue);
        activity?.SetTag("messaging.message.id", delivery.BasicProperties.MessageId);

        var attempt = PreviousRejections(headers, registration.Queue) + 1;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await registration.DeliverAsync(scope.ServiceProvider, delivery.Body, _stopping.Token).ConfigureAwait(false);
            activity?.SetTag("nftmarketplace.delivery.outcome", outcome.ToString());
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: leave the delivery unacknowledged so the broker hands it out again.
        }
        catch (MalformedMessageException ex)
        {
            LogMalformed(ex, registration.Queue, delivery.BasicProperties.MessageId);
            await ParkOrRetryAsync(channel, registration, delivery, ex).ConfigureAwait(false);
        }
        catch (Exception ex) when (attempt >= options.Value.MaxDeliveryAttempts)
        {
            LogExhausted(ex, registration.Queue, delivery.BasicProperties.MessageId, attempt);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await ParkOrRetryAsync(channel, registration, delivery, ex).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogWillRetry(ex, registration.Queue, delivery.BasicProperties.MessageId, attempt, options.Value.MaxDeliveryAttempts);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ParkOrRetryAsync(IChannel channel, IConsumerRegistration registration, BasicDeliverEventArgs delivery, Exception reason)
    {
        try
        {
            var headers = delivery.BasicProperties.Headers?.ToDictionary(h => h.Key, h => h.Value) ?? [];
            headers[ParkedReasonHeader] = Truncate($"{reason.GetType().Name}: {reason.Message}", 1000);
            headers[ParkedFromHeader] = registration.Queue;
            _ = Guid.TryParse(delivery.BasicProperties.MessageId, out var messageId);
            await publisher.PublishAsync(
                new OutgoingMessage(
                    Exchanges.DeadLetter,
                    QueueNames.ParkingRoutingKey(registration.Queue),
                    messageId,
                    delivery.BasicProperties.Type ?? "",
                    delivery.Body.ToArray(),
                    headers),
                CancellationToken.None).ConfigureAwait(false);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Parking failed (broker trouble): send it round the retry path and try again later.
            LogParkingFailed(ex, registration.Queue);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>How many times the broker has dead-lettered this message out of <paramref name="queue"/> after a rejection.</summary>
    internal static int PreviousRejections(IDictionary<string, object?>? headers, string queue)
    {
        if (headers is null || !headers.TryGetValue("x-death", out var raw) || raw is not IEnumerable<object> deaths)
        {
            return 0;
        }

        foreach (var death in deaths.OfType<IDictionary<string, object?>>())
        {
            if (MessagingTelemetry.HeaderString(death, "queue") == queue
                && MessagingTelemetry.HeaderString(death, "reason") == "rejected"
                && death.TryGetValue("count", out var count))
            {
                return Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    [LoggerMessage(LogLevel.Error, "Message {MessageId} on {Queue} is malformed and is parked")]
    private partial void LogMalformed(Exception exception, string queue, string? messageId);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} on {Queue} failed its last attempt ({Attempt}) and is parked")]
    private partial void LogExhausted(Exception exception, string queue, string? messageId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} on {Queue} failed attempt {Attempt} of {MaxAttempts}; it will be retried")]
    private partial void LogWillRetry(Exception exception, string queue, string? messageId, int attempt, int maxAttempts);

    [LoggerMessage(LogLevel.Warning, "Message {MessageId} on {Queue} could not be settled; the broker delivers it again")]
    private partial void LogUnsettled(Exception exception, string queue, string? messageId);

    [LoggerMessage(LogLevel.Error, "Could not park a message from {Queue}; it goes round the retry path again")]
    private partial void LogParkingFailed(Exception exception, string queue);
}
