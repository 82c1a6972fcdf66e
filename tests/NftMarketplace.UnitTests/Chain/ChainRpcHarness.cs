using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.UnitTests.Chain;

/// <summary>A client over scripted endpoints, with options short enough for tests and its measurements captured.</summary>
public sealed class ChainRpcHarness : IDisposable
{
    public static readonly ChainId Chain = ChainId.Eip155(31337);

    private readonly ServiceProvider _services;
    private readonly ChainRpcClientFactory _factory;
    private readonly MeterListener _listener = new();

    public ChainRpcHarness(ScriptedEndpoints transport, IEnumerable<ChainEndpoint> endpoints, ChainRpcOptions? options = null, int seed = 7, TimeProvider? time = null)
    {
        Source = new ListedEndpoints(endpoints);
        Options = options ?? FastOptions();
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            Measurements.Enqueue(new Measurement(instrument.Name, value, TagsOf(tags))));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
            Measurements.Enqueue(new Measurement(instrument.Name, value, TagsOf(tags))));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            Measurements.Enqueue(new Measurement(instrument.Name, value, TagsOf(tags))));
        _listener.Start();
        _factory = new ChainRpcClientFactory(
            Source, Options, time ?? TimeProvider.System, meterFactory, NullLoggerFactory.Instance, transport, new Random(seed));
        Client = _factory.GetClient(Chain);
    }

    public ChainRpcClient Client { get; }

    public ListedEndpoints Source { get; }

    public ChainRpcOptions Options { get; }

    public System.Collections.Concurrent.ConcurrentQueue<Measurement> Measurements { get; } = new();

    public static ChainRpcOptions FastOptions() => new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        Budget = TimeSpan.FromSeconds(5),
        RoundDelay = TimeSpan.FromMilliseconds(10),
        BreakerMinimumThroughput = 2,
        BreakDuration = TimeSpan.FromMinutes(1),
    };

    public static ChainEndpoint Endpoint(
        string host, int priority = 0, int weight = 1, int requestsPerSecond = 0, string path = "", bool active = true) =>
        new(new Uri($"http://{host}/{path}"), priority, weight, requestsPerSecond, active);

    public void ObserveGauges() => _listener.RecordObservableInstruments();

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
        _services.Dispose();
    }

    private static Dictionary<string, string?> TagsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value?.ToString();
        }

        return result;
    }
}

public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

/// <summary>A fixed list of endpoints that a test may change between calls.</summary>
public sealed class ListedEndpoints(IEnumerable<ChainEndpoint> endpoints) : IChainEndpointSource
{
    public IReadOnlyList<ChainEndpoint> Endpoints { get; set; } = [.. endpoints];

    public int Reads { get; private set; }

    public ValueTask<IReadOnlyList<ChainEndpoint>> GetEndpointsAsync(ChainId chain, CancellationToken cancellationToken = default)
    {
        Reads++;
        return ValueTask.FromResult(Endpoints);
    }
}
