using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Messaging.Probe;
using NftMarketplace.IntegrationTests.Support;
using RabbitMQ.Client;

namespace NftMarketplace.IntegrationTests.Messaging;

/// <summary>Outbox → RabbitMQ → inbox against real Postgres and RabbitMQ.</summary>
public sealed class MessagingTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private readonly HandlerCalls _calls = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    [Fact]
    public async Task An_event_raised_by_a_command_is_applied_once_by_its_consumer()
    {
        await using var host = await StartAsync();

        var thingId = await SendAsync(host, new RecordThing("first"));

        var effects = await Eventually.Until(() => EffectsAsync(host), e => e.Count > 0, "the consumer's effect");
        var effect = Assert.Single(effects);
        Assert.Equal("first", effect.ThingName);
        Assert.Equal(1, _calls.For(effect.EventId));
        Assert.Equal(thingId, await ThingIdOfEventAsync(host, effect.EventId));
        await AssertOutboxDrainedAsync(host);
    }

    [Fact]
    public async Task The_consumer_continues_the_trace_of_the_request_that_raised_the_event()
    {
        var recorded = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MessagingTelemetry.SourceName or "NftMarketplace.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var testSource = new ActivitySource("NftMarketplace.Tests");
        await using var host = await StartAsync();

        ActivityTraceId traceId;
        using (var request = testSource.StartActivity("POST /graphql", ActivityKind.Server))
        {
            traceId = request!.TraceId;
            await SendAsync(host, new RecordThing("traced"));
        }

        await Eventually.Until(() => EffectsAsync(host), e => e.Count > 0, "the effect");
        var inTrace = await Eventually.Until(
            () => Task.FromResult(recorded.Where(a => a.TraceId == traceId).ToList()),
            // The publish span ends at the broker's confirm, which may come after the consumer has already run.
            list => list.Any(a => a.Kind == ActivityKind.Consumer) && list.Any(a => a.Kind == ActivityKind.Producer),
            "the publish and consumer spans");
        Assert.Contains(inTrace, a => a.Kind == ActivityKind.Producer && a.DisplayName == $"{ThingRecorded.ExchangeName} publish");
        Assert.Contains(inTrace, a => a.Kind == ActivityKind.Consumer && a.DisplayName == $"{ThingRecorded.Queue} process");
    }

    [Fact]
    public async Task A_redelivered_event_has_no_second_effect()
    {
        await using var host = await StartAsync();
        await SendAsync(host, new RecordThing("once"));
        var effect = Assert.Single(await Eventually.Until(() => EffectsAsync(host), e => e.Count > 0, "the first effect"));

        // Deliver the very same message again, as the broker does after a lost acknowledgement.
        var payload = await OutboxPayloadAsync(host, effect.EventId);
        await PublishRawAsync(ThingRecorded.ExchangeName, "thing.recorded", effect.EventId, payload);
        await PublishRawAsync(ThingRecorded.ExchangeName, "thing.recorded", effect.EventId, payload);

        await Eventually.Until(() => QueueDepthAsync(ThingRecorded.Queue), depth => depth == 0, "the duplicates to be consumed");
        await Eventually.Until(() => Task.FromResult(_calls.For(effect.EventId)), n => n >= 1, "handler calls");
        Assert.Single(await EffectsAsync(host));
        Assert.Equal(1, _calls.For(effect.EventId));
        Assert.Equal(1, await InboxRowsAsync(host, effect.EventId));
    }

    [Fact]
    public async Task Events_committed_before_a_crash_are_published_after_restart()
    {
        // The first Host commits the state change and its outbox row, then dies before its relay runs.
        await using (var crashed = await StartAsync(withOutboxRelay: false))
        {
            await SendAsync(crashed, new RecordThing("survivor"));
            Assert.Equal(1, await PendingOutboxAsync(crashed));
        }

        await using var restarted = await StartAsync();
        var effects = await Eventually.Until(() => EffectsAsync(restarted), e => e.Count > 0, "the effect after restart");
        Assert.Equal("survivor", Assert.Single(effects).ThingName);
        await AssertOutboxDrainedAsync(restarted);
    }

    [Fact]
    public async Task A_command_that_fails_publishes_nothing()
    {
        await using var host = await StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(host, new RecordThing("ghost", FailAfterRaising: true)));
        await SendAsync(host, new RecordThing("real"));

        var effect = Assert.Single(await Eventually.Until(() => EffectsAsync(host), e => e.Count > 0, "the real effect"));
        Assert.Equal("real", effect.ThingName);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        Assert.Equal(1, await db.OutboxMessages.CountAsync(Ct));
        Assert.False(await db.Things.AnyAsync(t => t.Name == "ghost", Ct));
    }

    [Fact]
    public async Task A_commands_side_effects_run_after_its_commit_and_never_when_it_rolls_back()
    {
        await using var host = await StartAsync();

        await SendAsync(host, new RecordThing("kept"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(host, new RecordThing("undone", FailAfterRaising: true)));

        // The unit of work runs them before the command returns, so their absence is final here.
        Assert.True(_calls.AfterCommit.TryGetValue("thing kept", out var committed), "the committed command's side effect ran");
        Assert.True(committed, "the side effect saw the committed row");
        Assert.False(_calls.AfterCommit.ContainsKey("thing undone"), "the rolled-back command's side effect ran");
    }

    [Fact]
    public async Task A_consumers_side_effects_run_after_its_commit_and_never_when_it_fails()
    {
        await using var host = await StartAsync();
        await SendAsync(host, new RecordThing("applied"));
        await SendAsync(host, new RecordThing("refused", Poison: true));

        var ran = await Eventually.Until(
            () => Task.FromResult(_calls.AfterCommit.TryGetValue("effect applied", out var seen) ? (bool?)seen : null),
            seen => seen is not null,
            "the consumer's side effect");
        Assert.True(ran, "the side effect saw the committed effect");
        await Eventually.Until(() => QueueDepthAsync(QueueNames.Parking(ThingRecorded.Queue)), depth => depth == 1, "the refused event parked");
        Assert.False(_calls.AfterCommit.ContainsKey("effect refused"), "a failed delivery's side effect ran");
    }

    [Fact]
    public async Task A_poison_message_goes_through_its_retries_into_the_parking_queue()
    {
        await using var host = await StartAsync();
        await SendAsync(host, new RecordThing("poison", Poison: true));

        var parked = await Eventually.Until(() => QueueDepthAsync(QueueNames.Parking(ThingRecorded.Queue)), depth => depth == 1, "the parked message");
        Assert.Equal(1u, parked);

        var message = await GetOneAsync(QueueNames.Parking(ThingRecorded.Queue));
        var eventId = Guid.Parse(message.BasicProperties.MessageId!);
        Assert.Equal(3, _calls.For(eventId)); // MaxDeliveryAttempts
        Assert.Contains("never be applied", HeaderText(message, RabbitMqConsumerHost.ParkedReasonHeader), StringComparison.Ordinal);
        Assert.Equal(ThingRecorded.Queue, HeaderText(message, RabbitMqConsumerHost.ParkedFromHeader));
        Assert.Equal(0u, await QueueDepthAsync(ThingRecorded.Queue));
        Assert.Equal(0u, await QueueDepthAsync(QueueNames.Retry(ThingRecorded.Queue)));
        Assert.Empty(await EffectsAsync(host));
        Assert.Equal(0, await InboxRowsAsync(host, eventId));
    }

    [Fact]
    public async Task A_malformed_message_is_parked_without_retries()
    {
        await using var host = await StartAsync();
        await PublishRawAsync(ThingRecorded.ExchangeName, "thing.recorded", Guid.NewGuid(), """{"schema":"probe.thing_recorded","version":1,"eventId":""");
        await PublishRawAsync(ThingRecorded.ExchangeName, "thing.recorded", Guid.NewGuid(), """{"schema":"something.else","version":1}""");

        await Eventually.Until(() => QueueDepthAsync(QueueNames.Parking(ThingRecorded.Queue)), depth => depth == 2, "both malformed messages parked");
        Assert.Empty(await EffectsAsync(host));
    }

    [Fact]
    public async Task Topology_and_migrations_are_idempotent_across_restarts()
    {
        await using (var first = await StartAsync())
        {
            await SendAsync(first, new RecordThing("before"));
            await Eventually.Until(() => EffectsAsync(first), e => e.Count == 1, "the first effect");
        }

        await using var second = await StartAsync();
        await SendAsync(second, new RecordThing("after"));
        await Eventually.Until(() => EffectsAsync(second), e => e.Count == 2, "the second effect");

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Single(await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    private Task<RunningHost> StartAsync(bool withOutboxRelay = true) =>
        RunningHost.StartAsync(ProbeHost.Build(Infrastructure, Environment, _calls, withOutboxRelay));

    private static async Task<Guid> SendAsync(RunningHost host, RecordThing command)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private static async Task<List<Effect>> EffectsAsync(RunningHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Effects.AsNoTracking().ToListAsync();
    }

    private static async Task<Guid> ThingIdOfEventAsync(RunningHost host, Guid eventId)
    {
        var payload = await OutboxPayloadAsync(host, eventId);
        var envelope = EventEnvelope.Deserialize<ThingRecorded>(Encoding.UTF8.GetBytes(payload));
        return envelope.ThingId;
    }

    private static async Task<string> OutboxPayloadAsync(RunningHost host, Guid eventId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        return (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == eventId)).Payload;
    }

    private static async Task<int> PendingOutboxAsync(RunningHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().OutboxMessages.CountAsync(m => m.PublishedAt == null);
    }

    private static async Task AssertOutboxDrainedAsync(RunningHost host) =>
        await Eventually.Until(() => PendingOutboxAsync(host), n => n == 0, "the outbox to be drained");

    private static async Task<int> InboxRowsAsync(RunningHost host, Guid eventId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().ProcessedEvents.CountAsync(e => e.EventId == eventId);
    }

    private async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = Environment.RabbitMqUri }.CreateConnectionAsync();

    private async Task PublishRawAsync(string exchange, string routingKey, Guid messageId, string body)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { MessageId = messageId.ToString(), DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(exchange, routingKey, true, properties, Encoding.UTF8.GetBytes(body));
    }

    private async Task<uint> QueueDepthAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    private async Task<BasicGetResult> GetOneAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: false) ?? throw new InvalidOperationException($"{queue} is empty.");
    }

    private static string? HeaderText(BasicGetResult message, string header) =>
        message.BasicProperties.Headers?.TryGetValue(header, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), _ => value?.ToString() }
            : null;
}
