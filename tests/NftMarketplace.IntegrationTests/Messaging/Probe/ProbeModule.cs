using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Inbox;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.BuildingBlocks.Persistence;

namespace NftMarketplace.IntegrationTests.Messaging.Probe;

/// <summary>
/// A minimal module that exercises the building blocks exactly as a real module does:
/// a command that changes state and raises an event through the outbox, and a consumer
/// that applies the event through the inbox.
/// </summary>
public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : ModuleDbContext(options)
{
    public const string SchemaName = "probe";

    public override string Schema => SchemaName;

    public DbSet<Thing> Things => Set<Thing>();

    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Thing>().ToTable("things");
        modelBuilder.Entity<Effect>().ToTable("effects").HasKey(e => e.Id);
    }
}

internal sealed class ProbeDesignTimeFactory : ModuleDesignTimeFactory<ProbeDbContext>
{
    protected override string Schema => ProbeDbContext.SchemaName;
}

public sealed class Thing
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>One row per time the consumer applied an event: the test counts them.</summary>
public sealed class Effect
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EventId { get; set; }

    public string ThingName { get; set; } = "";
}

public sealed record ThingRecorded(Guid ThingId, string Name, bool Poison = false) : IntegrationEvent, IIntegrationEvent
{
    public const string ExchangeName = "probe.events";
    public const string Queue = "probe.thing_recorded";

    public static string Exchange => ExchangeName;

    public static string Schema => "probe.thing_recorded";

    public static int Version => 1;

    public string RoutingKey => "thing.recorded";
}

/// <summary>An event of the queue applied concurrently across <see cref="Key"/>s (in order within one).</summary>
public sealed record KeyedThingRecorded(string Key, int Sequence) : IntegrationEvent, IIntegrationEvent
{
    public const string Queue = "probe.keyed_recorded";

    public static string Exchange => ThingRecorded.ExchangeName;

    public static string Schema => "probe.keyed_recorded";

    public static int Version => 1;

    public string RoutingKey => "keyed.recorded";
}

public sealed record RecordKeyedThing(string Key, int Sequence) : ICommand<bool>;

internal sealed class RecordKeyedThingHandler(ProbeDbContext db) : IRequestHandler<RecordKeyedThing, bool>
{
    public Task<bool> Handle(RecordKeyedThing request, CancellationToken cancellationToken)
    {
        db.AddIntegrationEvent(new KeyedThingRecorded(request.Key, request.Sequence));
        return Task.FromResult(true);
    }
}

/// <summary>A slow handler: each application takes a while, so applications of different keys overlap if they may.</summary>
internal sealed class KeyedThingRecordedHandler(HandlerCalls calls) : IIntegrationEventHandler<KeyedThingRecorded>
{
    public static readonly TimeSpan Work = TimeSpan.FromMilliseconds(200);

    public async Task Handle(KeyedThingRecorded @event, CancellationToken cancellationToken)
    {
        calls.EnterKeyed(@event.Key, @event.Sequence);
        try
        {
            await Task.Delay(Work, cancellationToken);
        }
        finally
        {
            calls.LeaveKeyed(@event.Key);
        }
    }
}

public sealed record RecordThing(string Name, bool Poison = false, bool FailAfterRaising = false) : ICommand<Guid>;

internal sealed class RecordThingHandler(ProbeDbContext db, HandlerCalls calls, IServiceScopeFactory scopes) : IRequestHandler<RecordThing, Guid>
{
    public Task<Guid> Handle(RecordThing request, CancellationToken cancellationToken)
    {
        var thing = new Thing { Id = Guid.CreateVersion7(), Name = request.Name };
        db.Things.Add(thing);
        db.AddIntegrationEvent(new ThingRecorded(thing.Id, thing.Name, request.Poison));
        db.AfterCommit(async ct => calls.RecordAfterCommit(
            "thing " + request.Name, await HandlerCalls.VisibleAsync(scopes, other => other.Things.AnyAsync(t => t.Id == thing.Id, ct))));
        if (request.FailAfterRaising)
        {
            throw new InvalidOperationException("The command fails after raising its event.");
        }

        return Task.FromResult(thing.Id);
    }
}

/// <summary>Counts calls per event so tests can see retries, and fails on purpose for poison events.</summary>
public sealed class HandlerCalls
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();

    public int For(Guid eventId) => _calls.GetValueOrDefault(eventId);

    internal void Record(Guid eventId) => _calls.AddOrUpdate(eventId, 1, (_, n) => n + 1);

    private readonly ConcurrentQueue<(string Key, int Sequence)> _keyed = new();
    private readonly ConcurrentDictionary<string, int> _keyedInFlight = new();
    private int _inFlight;
    private int _mostInFlight;
    private int _sameKeyOverlaps;

    /// <summary>Keyed events in the order their application started.</summary>
    public IReadOnlyList<(string Key, int Sequence)> Keyed => [.. _keyed];

    /// <summary>Most keyed events applied at the same moment.</summary>
    public int MostKeyedInFlight => Volatile.Read(ref _mostInFlight);

    /// <summary>Times an event started while another of its key was still being applied.</summary>
    public int SameKeyOverlaps => Volatile.Read(ref _sameKeyOverlaps);

    internal void EnterKeyed(string key, int sequence)
    {
        _keyed.Enqueue((key, sequence));
        if (_keyedInFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _sameKeyOverlaps);
        }

        var now = Interlocked.Increment(ref _inFlight);
        for (var most = Volatile.Read(ref _mostInFlight); now > most; most = Volatile.Read(ref _mostInFlight))
        {
            Interlocked.CompareExchange(ref _mostInFlight, now, most);
        }
    }

    internal void LeaveKeyed(string key)
    {
        Interlocked.Decrement(ref _inFlight);
        _keyedInFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
    }

    /// <summary>Side effects run after a commit, each with whether its change was visible to another connection then.</summary>
    public IReadOnlyDictionary<string, bool> AfterCommit => _afterCommit;

    private readonly ConcurrentDictionary<string, bool> _afterCommit = new();

    internal void RecordAfterCommit(string what, bool committed) => _afterCommit[what] = committed;

    /// <summary>Asks on a connection of its own, which sees only committed rows.</summary>
    internal static async Task<bool> VisibleAsync(IServiceScopeFactory scopes, Func<ProbeDbContext, Task<bool>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProbeDbContext>());
    }
}

internal sealed class ThingRecordedHandler(ProbeDbContext db, HandlerCalls calls, IServiceScopeFactory scopes) : IIntegrationEventHandler<ThingRecorded>
{
    public Task Handle(ThingRecorded @event, CancellationToken cancellationToken)
    {
        calls.Record(@event.EventId);
        db.AfterCommit(async ct => calls.RecordAfterCommit(
            "effect " + @event.Name, await HandlerCalls.VisibleAsync(scopes, other => other.Effects.AnyAsync(e => e.EventId == @event.EventId, ct))));
        if (@event.Poison)
        {
            throw new InvalidOperationException("This event can never be applied.");
        }

        db.Effects.Add(new Effect { EventId = @event.EventId, ThingName = @event.Name });
        return Task.CompletedTask;
    }
}
