using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.IntegrationTests.Chain;

/// <summary>A client of the test chain over the endpoints a test lists, built the way the Host builds it.</summary>
public sealed class ChainClients : IDisposable
{
    public static readonly ChainId Chain = ChainId.Eip155(31337);

    private readonly ServiceProvider _services;
    private readonly ChainRpcClientFactory _factory;

    public ChainClients(ChainRpcOptions options, params ChainEndpoint[] endpoints)
        : this(options, TimeProvider.System, endpoints)
    {
    }

    /// <param name="time">The client's clock: circuit breaks, time-outs and budgets run on it.</param>
    public ChainClients(ChainRpcOptions options, TimeProvider time, params ChainEndpoint[] endpoints)
    {
        Options = options;
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _factory = new ChainRpcClientFactory(
            new ListedEndpoints(endpoints),
            Microsoft.Extensions.Options.Options.Create(options),
            time,
            _services.GetRequiredService<IMeterFactory>(),
            NullLoggerFactory.Instance);
        Client = _factory.GetClient(Chain);
    }

    public ChainRpcClient Client { get; }

    public ChainRpcOptions Options { get; }

    /// <summary>A port nothing listens on (for now: it was free a moment ago).</summary>
    public static Uri DeadPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public ChainEndpointCircuit CircuitOf(Uri url) =>
        Client.EndpointStatuses.Single(status => status.Endpoint == EndpointUrls.Redact(url)).Circuit;

    public void Dispose()
    {
        _factory.Dispose();
        _services.Dispose();
    }

    private sealed class ListedEndpoints(IReadOnlyList<ChainEndpoint> endpoints) : IChainEndpointSource
    {
        public ValueTask<IReadOnlyList<ChainEndpoint>> GetEndpointsAsync(ChainId chain, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(chain == Chain ? endpoints : []);
    }
}
