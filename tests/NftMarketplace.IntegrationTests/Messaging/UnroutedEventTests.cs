using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Outbox;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Messaging.Probe;
using NftMarketplace.IntegrationTests.Support;
using RabbitMQ.Client;

namespace NftMarketplace.IntegrationTests.Messaging;

/// <summary>
/// Events no queue subscribes to (yet): the outbox must not retry them for ever, and they must
/// not vanish either, so they land in <c>events.unrouted</c> with where they were going.
/// </summary>
public sealed class UnroutedEventTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    /// <summary>Well above one relay round (100 ms poll), well below the first backoff after a failure (1 s, then 2 s …).</summary>
    private static readonly TimeSpan PublishedWithin = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_nobody_subscribes_to_is_published_once_and_kept_in_the_unrouted_queue()
    {
        await using var host = await StartAsync();
        var @event = new ThingIgnored(Guid.CreateVersion7());

        await RaiseAsync(host, @event);

        var row = await Eventually.Until(() => OutboxRowAsync(host, @event.EventId), r => r.PublishedAt is not null, "the outbox row to be published", PublishedWithin);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LastError);

        Assert.Equal(1u, await QueueDepthAsync(QueueNames.Unrouted));
        var kept = await GetOneAsync(QueueNames.Unrouted);
        Assert.Equal(@event.EventId.ToString(), kept.BasicProperties.MessageId);
        Assert.Equal(ThingIgnored.Schema, kept.BasicProperties.Type);
        Assert.Equal(DeliveryModes.Persistent, kept.BasicProperties.DeliveryMode);
        Assert.Equal(row.Payload, Encoding.UTF8.GetString(kept.Body.Span));
        Assert.Equal(ThingIgnored.Exchange, HeaderText(kept, RabbitMqPublisher.OriginalExchangeHeader));
        Assert.Equal(ThingIgnored.Key, HeaderText(kept, RabbitMqPublisher.OriginalRoutingKeyHeader));
    }

    [Fact]
    public async Task A_routed_event_is_not_copied_to_the_unrouted_queue()
    {
        await using var host = await StartAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordThing("routed"), Ct);
        }

        await Eventually.Until(() => PendingOutboxAsync(host), n => n == 0, "the outbox to be drained", PublishedWithin);

        // The row is marked published only after any copy was confirmed, so an empty queue now is final.
        Assert.Equal(0u, await QueueDepthAsync(QueueNames.Unrouted));
        Assert.Equal(1, await Eventually.Until(() => EffectCountAsync(host), n => n > 0, "the consumer's effect"));
    }

    [Fact]
    public async Task An_unrouted_event_whose_copy_cannot_be_kept_is_not_marked_published()
    {
        await using var host = await StartAsync();
        await DeleteQueueAsync(QueueNames.Unrouted);
        var @event = new ThingIgnored(Guid.CreateVersion7());

        await RaiseAsync(host, @event);

        var row = await Eventually.Until(() => OutboxRowAsync(host, @event.EventId), r => r.Attempts > 0, "a failed publish attempt", PublishedWithin);
        Assert.Null(row.PublishedAt);
        Assert.Contains("PublishReturnException", row.LastError, StringComparison.Ordinal);
    }

    private Task<RunningHost> StartAsync() =>
        RunningHost.StartAsync(ProbeHost.Build(Infrastructure, Environment, new HandlerCalls()));

    private static async Task RaiseAsync(RunningHost host, ThingIgnored @event)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        db.AddIntegrationEvent(@event);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<OutboxMessage> OutboxRowAsync(RunningHost host, Guid eventId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == eventId, Ct);
    }

    private static async Task<int> PendingOutboxAsync(RunningHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().OutboxMessages.CountAsync(m => m.PublishedAt == null, Ct);
    }

    private static async Task<int> EffectCountAsync(RunningHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Effects.CountAsync(Ct);
    }

    private async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = Environment.RabbitMqUri }.CreateConnectionAsync(Ct);

    private async Task<uint> QueueDepthAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        return (await channel.QueueDeclarePassiveAsync(queue, Ct)).MessageCount;
    }

    private async Task DeleteQueueAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        await channel.QueueDeleteAsync(queue, cancellationToken: Ct);
    }

    private async Task<BasicGetResult> GetOneAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        return await channel.BasicGetAsync(queue, autoAck: false, Ct) ?? throw new InvalidOperationException($"{queue} is empty.");
    }

    private static string? HeaderText(BasicGetResult message, string header) =>
        message.BasicProperties.Headers?.TryGetValue(header, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), _ => value?.ToString() }
            : null;
}

/// <summary>An event on the probe's exchange under a key no queue binds, as <c>user.created</c> was before anyone consumed it.</summary>
public sealed record ThingIgnored(Guid ThingId) : IntegrationEvent, IIntegrationEvent
{
    public const string Key = "thing.ignored";

    public static string Exchange => ThingRecorded.ExchangeName;

    public static string Schema => "probe.thing_ignored";

    public static int Version => 1;

    public string RoutingKey => Key;
}
