using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>
/// Meter <c>NftMarketplace.Chain</c>: per endpoint, what was asked, how it went and how long it took, plus each
/// circuit's state. Endpoints are tagged by display name, never by URL.
/// </summary>
internal sealed class ChainRpcMetrics
{
    public const string MeterName = "NftMarketplace.Chain";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _unavailable;
    private readonly ConcurrentDictionary<ChainRpcClient, byte> _clients = new();

    public ChainRpcMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>(
            "nftmarketplace.chain.rpc.requests", "{request}", "Attempts sent to an endpoint, by outcome (success, rpc_error, failure).");
        _failures = meter.CreateCounter<long>(
            "nftmarketplace.chain.rpc.failures", "{request}", "Failed attempts, by kind (connection, timeout, http_status, rate_limited, node_error, not_served_here, invalid_response).");
        _duration = meter.CreateHistogram<double>(
            "nftmarketplace.chain.rpc.duration", "s", "Duration of one attempt on one endpoint.");
        _skipped = meter.CreateCounter<long>(
            "nftmarketplace.chain.rpc.skipped", "{request}", "Times an endpoint was passed over, by reason (circuit_open, rate_limited).");
        _unavailable = meter.CreateCounter<long>(
            "nftmarketplace.chain.rpc.unavailable", "{call}", "Calls no endpoint answered within the budget.");
        meter.CreateObservableGauge(
            "nftmarketplace.chain.rpc.circuit_state", ObserveCircuits, "{state}", "Circuit of each endpoint: 0 closed, 1 open, 2 half-open.");
    }

    public void Track(ChainRpcClient client) => _clients.TryAdd(client, 0);

    public void Untrack(ChainRpcClient client) => _clients.TryRemove(client, out _);

    public void Attempted(string chain, string endpoint, string method, ChainRpcFailureKind? failure, bool rpcError, TimeSpan duration)
    {
        var outcome = failure is not null ? "failure" : rpcError ? "rpc_error" : "success";
        var tags = new TagList
        {
            { "chain", chain },
            { "endpoint", endpoint },
            { "method", method },
            { "outcome", outcome },
        };
        _requests.Add(1, tags);
        _duration.Record(duration.TotalSeconds, tags);
        if (failure is { } kind)
        {
            _failures.Add(1, new TagList { { "chain", chain }, { "endpoint", endpoint }, { "method", method }, { "kind", KindName(kind) } });
        }
    }

    public void Skipped(string chain, string endpoint, string reason) =>
        _skipped.Add(1, new TagList { { "chain", chain }, { "endpoint", endpoint }, { "reason", reason } });

    public void Unavailable(string chain, string method) =>
        _unavailable.Add(1, new TagList { { "chain", chain }, { "method", method } });

    internal static string KindName(ChainRpcFailureKind kind) => kind switch
    {
        ChainRpcFailureKind.Connection => "connection",
        ChainRpcFailureKind.Timeout => "timeout",
        ChainRpcFailureKind.HttpStatus => "http_status",
        ChainRpcFailureKind.RateLimited => "rate_limited",
        ChainRpcFailureKind.NodeError => "node_error",
        ChainRpcFailureKind.NotServedHere => "not_served_here",
        _ => "invalid_response",
    };

    private IEnumerable<Measurement<int>> ObserveCircuits() =>
        _clients.Keys.SelectMany(client => client.EndpointStatuses.Select(status => new Measurement<int>(
            (int)status.Circuit,
            new KeyValuePair<string, object?>("chain", client.Chain.Value),
            new KeyValuePair<string, object?>("endpoint", status.Endpoint))));
}
