using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>Creates and keeps one client per chain; they share one HTTP connection pool.</summary>
/// <remarks>
/// The pool is its own rather than an <c>IHttpClientFactory</c> client: the service defaults give those a standard
/// resilience handler (its own retries and time-outs), which would run inside every attempt and break the budget.
/// </remarks>
public sealed class ChainRpcClientFactory : IChainRpcClientFactory, IChainEndpointsInvalidation, IDisposable
{
    private readonly IChainEndpointSource _source;
    private readonly ChainRpcOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly HttpMessageInvoker _http;
    private readonly ChainRpcMetrics _metrics;
    private readonly Dictionary<ChainId, ChainRpcClient> _clients = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    public ChainRpcClientFactory(
        IChainEndpointSource source, IOptions<ChainRpcOptions> options, TimeProvider time, IMeterFactory meterFactory, ILoggerFactory loggerFactory)
        : this(source, (options ?? throw new ArgumentNullException(nameof(options))).Value, time, meterFactory, loggerFactory, handler: null, random: null)
    {
    }

    /// <param name="handler">The HTTP transport; a pooled <see cref="SocketsHttpHandler"/> when null.</param>
    /// <param name="random">Draws the weighted order of endpoints; <see cref="Random.Shared"/> when null.</param>
    internal ChainRpcClientFactory(
        IChainEndpointSource source,
        ChainRpcOptions options,
        TimeProvider time,
        IMeterFactory meterFactory,
        ILoggerFactory loggerFactory,
        HttpMessageHandler? handler,
        Random? random)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (options.Validate().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _source = source;
        _options = options;
        _time = time;
        _logger = loggerFactory.CreateLogger<ChainRpcClient>();
        _random = random ?? Random.Shared;
        _http = new HttpMessageInvoker(handler ?? CreateHandler(options), disposeHandler: true);
        _metrics = new ChainRpcMetrics(meterFactory);
    }

    public ChainRpcClient GetClient(ChainId chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (!chain.IsEip155)
        {
            throw new ArgumentException($"{chain} is not an EVM (eip155) chain, so it has no Ethereum JSON-RPC.", nameof(chain));
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_clients.TryGetValue(chain, out var client))
            {
                client = new ChainRpcClient(chain, _source, _options, _http, _time, _metrics, _logger, _random);
                _clients.Add(chain, client);
                _metrics.Track(client);
            }

            return client;
        }
    }

    /// <summary>A client not created yet reads its endpoints when it is; one that exists reads them at its next call.</summary>
    public void Invalidate(ChainId chainId)
    {
        ChainRpcClient? client;
        lock (_lock)
        {
            _clients.TryGetValue(chainId, out client);
        }

        client?.InvalidateEndpoints();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var client in _clients.Values)
            {
                _metrics.Untrack(client);
                client.Release();
            }

            _clients.Clear();
        }

        _http.Dispose();
    }

    private static SocketsHttpHandler CreateHandler(ChainRpcOptions options) => new()
    {
        // Provider addresses move: connections are renewed now and then so DNS changes are followed.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        // A cancelled request's connection attempt carries on for the pool; this bounds it like an attempt.
        ConnectTimeout = options.AttemptTimeout,
        AutomaticDecompression = DecompressionMethods.All,
    };
}
