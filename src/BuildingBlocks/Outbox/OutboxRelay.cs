using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.BuildingBlocks.Outbox;

/// <summary>
/// Publishes a module's outbox. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so any
/// number of Host replicas can relay the same outbox without publishing a row twice at once;
/// a row is marked published only after the broker confirmed it. A crash between commit and
/// publish leaves the row due, and it is published after restart (at-least-once; consumers
/// deduplicate through their inbox).
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IMessagePublisher publisher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : ModuleDbContext
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);
    private long _lastCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                fullBatch = await RelayBatchAsync(stoppingToken).ConfigureAwait(false);
                await CleanupIfDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Database unreachable or similar: keep the relay alive and try again next round.
                LogRelayFailed(ex, typeof(TContext).Name);
            }

            if (!fullBatch)
            {
                try
                {
                    await signal.WaitAsync(typeof(TContext), options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes one batch of due messages; true when the batch was full (more may be waiting).</summary>
    internal async Task<bool> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var batchSize = options.Value.BatchSize;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
#pragma warning disable EF1002 // The schema is a module constant; the batch size an int.
        var due = await db.OutboxMessages
            .FromSqlRaw(
                $"""
                SELECT * FROM "{db.Schema}".outbox_messages
                WHERE published_at IS NULL AND next_attempt_at <= now()
                ORDER BY occurred_at
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002

        // The batch goes out in order without a confirm round trip per message: a block's worth of events is published
        // in about one round trip, not one after another.
        var outcomes = await PublishAllAsync(due, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < due.Count; i++)
        {
            var message = due[i];
            if (outcomes[i] is not { } ex)
            {
                message.MarkPublished(clock.GetUtcNow());
                continue;
            }

            LogPublishFailed(ex, message.Id, message.Exchange, message.RoutingKey, message.Attempts + 1);
            message.MarkFailed($"{ex.GetType().Name}: {ex.Message}", clock.GetUtcNow(), options.Value.MaxBackoff);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return due.Count == batchSize;
    }

    /// <summary>Publishes every message of the batch; per message null (confirmed) or why it failed.</summary>
    private async Task<IReadOnlyList<Exception?>> PublishAllAsync(List<OutboxMessage> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return [];
        }

        var batch = await publisher.BeginBatchAsync(cancellationToken).ConfigureAwait(false);
        await using (batch.ConfigureAwait(false))
        {
            // Started one after another (each runs up to its wait for the confirm), so they leave in this order.
            var publishes = due.Select(message => PublishAsync(batch, message, cancellationToken)).ToList();
            var outcomes = new Exception?[due.Count];
            for (var i = 0; i < publishes.Count; i++)
            {
                try
                {
                    await publishes[i].ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    outcomes[i] = ex;
                }
            }

            return outcomes;
        }
    }

    private static async Task PublishAsync(IPublishBatch batch, OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = MessagingTelemetry.Source.StartActivity(
            $"{message.Exchange} publish",
            ActivityKind.Producer,
            MessagingTelemetry.ParentFrom(message.TraceParent, message.TraceState));
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", message.Exchange);
        activity?.SetTag("messaging.rabbitmq.destination.routing_key", message.RoutingKey);
        activity?.SetTag("messaging.message.id", message.Id.ToString());

        // The consumer's span continues this publish span, which continues the span that raised the event.
        var headers = new Dictionary<string, object?>();
        var context = activity?.Id ?? message.TraceParent;
        if (context is not null)
        {
            headers[MessagingTelemetry.TraceParentHeader] = context;
            var state = activity?.TraceStateString ?? message.TraceState;
            if (state is not null)
            {
                headers[MessagingTelemetry.TraceStateHeader] = state;
            }
        }

        try
        {
            await batch.PublishAsync(
                new OutgoingMessage(message.Exchange, message.RoutingKey, message.Id, message.Schema, Encoding.UTF8.GetBytes(message.Payload), headers),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_lastCleanup != 0 && clock.GetElapsedTime(_lastCleanup, now) < CleanupInterval)
        {
            return;
        }

        _lastCleanup = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        await db.OutboxMessages
            .Where(m => m.PublishedAt != null && m.PublishedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(LogLevel.Error, "Outbox relay of {Context} failed a round; it will try again")]
    private partial void LogRelayFailed(Exception exception, string context);

    [LoggerMessage(LogLevel.Warning, "Could not publish outbox message {MessageId} to {Exchange}/{RoutingKey} (attempt {Attempt}); it will be retried")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string exchange, string routingKey, int attempt);
}
