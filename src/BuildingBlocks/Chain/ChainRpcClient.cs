using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using NftMarketplace.BuildingBlocks.Ethereum;
using Newtonsoft.Json.Linq;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>
/// JSON-RPC to one chain over its active endpoints: lower priority first, weighted among equals; per endpoint a rate
/// limit, a circuit breaker and an attempt time-out; failover within one budget per call. It is also a Nethereum
/// <see cref="IClient"/>, so <c>new Web3(account, client)</c> and the contract handlers run over it.
/// </summary>
/// <remarks>
/// One per chain, from <see cref="IChainRpcClientFactory"/>. A failed attempt moves on to the next endpoint when the
/// request is safe to repeat (reads, <c>eth_call</c>, <c>eth_sendRawTransaction</c>) or provably was not processed
/// (no connection, HTTP 429, a limit error); a deterministic JSON-RPC error (a revert, invalid parameters) is the
/// answer, returned at once. Through the typed methods it is a <see cref="ChainRpcErrorException"/>; through
/// <see cref="IClient"/> it is Nethereum's <see cref="RpcResponseException"/>, which its revert decoding expects. When
/// no endpoint answers within <see cref="ChainRpcOptions.Budget"/>, both throw <see cref="ChainUnavailableException"/>.
/// </remarks>
public sealed partial class ChainRpcClient : ClientBase
{
    private static readonly ResiliencePropertyKey<RpcCall> CallKey = new("NftMarketplace.Chain.Call");

    // An attempt ends this long before the budget by its own time-out. Cut short by the budget instead, it would end
    // as a cancellation, which Polly's breaker counts as a success (and which would close a half-open circuit).
    internal static readonly TimeSpan BudgetMargin = TimeSpan.FromMilliseconds(20);

    // Polly's shortest time-out; an attempt with less time left is not started.
    private static readonly TimeSpan ShortestAttempt = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan EmptyRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly IChainEndpointSource _source;
    private readonly ChainRpcOptions _options;
    private readonly HttpMessageInvoker _http;
    private readonly TimeProvider _time;
    private readonly ChainRpcMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Random _random;
    private readonly Lock _randomGate = new();
    private readonly ResiliencePipeline<AttemptResult> _pipeline;
    private readonly Lock _refreshGate = new();
    private Task<EndpointSnapshot>? _refreshing;
    private EndpointSnapshot? _snapshot;
    private long _generation;
    private long _nextId;

    internal ChainRpcClient(
        ChainId chain,
        IChainEndpointSource source,
        ChainRpcOptions options,
        HttpMessageInvoker http,
        TimeProvider time,
        ChainRpcMetrics metrics,
        ILogger logger,
        Random random)
    {
        Chain = chain;
        _source = source;
        _options = options;
        _http = http;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _random = random;
        _pipeline = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time }
            .AddTimeout(options.Budget)
            .AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                // The call's rounds bound the attempts, not a count.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Result is { } result && CallOf(args.Context).ShouldTryAgain(result)),
                DelayGenerator = static args => ValueTask.FromResult<TimeSpan?>(CallOf(args.Context).NextDelay()),
            })
            .Build();
    }

    public ChainId Chain { get; }

    /// <summary>The endpoints in use and their circuits; empty until the first call loads them.</summary>
    public IReadOnlyList<ChainEndpointStatus> EndpointStatuses =>
        Volatile.Read(ref _snapshot) is { } snapshot
            ? [.. snapshot.Channels.Select(c => new ChainEndpointStatus(c.Name, c.Endpoint.Priority, c.Endpoint.Weight, c.Circuit))]
            : [];

    /// <summary>Sends a request and decodes its result (Nethereum's JSON conventions; null when the node answers null).</summary>
    /// <exception cref="ChainRpcErrorException">The node answered with a deterministic error.</exception>
    /// <exception cref="ChainUnavailableException">No endpoint answered within the budget.</exception>
    public async Task<T?> SendAsync<T>(RpcRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new RpcRequestMessage(request.Id ?? NextId(), request.Method, request.RawParameters);
        var (response, attempts) = await ExchangeAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            throw new ChainRpcErrorException(Chain, request.Method, attempts, error.Code, error.Message ?? "", DataText(error.Data));
        }

        return DecodeResult<T>(response);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the whole JSON-RPC response (its <c>result</c> read by the caller
    /// with <c>System.Text.Json</c>), for answers too large to go through Nethereum's types; the caller disposes it.
    /// Errors and retries as <see cref="SendAsync{T}(RpcRequest, CancellationToken)"/>.
    /// </summary>
    public async Task<JsonDocument> SendForDocumentAsync(RpcRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new RpcRequestMessage(request.Id ?? NextId(), request.Method, request.RawParameters);
        var exchange = await ExecuteAsync(new DocumentRpcPayload(message), cancellationToken).ConfigureAwait(false);
        if (exchange.Answer is RpcResponseMessage { Error: { } error })
        {
            throw new ChainRpcErrorException(Chain, request.Method, exchange.Attempts, error.Code, error.Message ?? "", DataText(error.Data));
        }

        return (JsonDocument)exchange.Answer;
    }

    /// <inheritdoc cref="SendAsync{T}(RpcRequest, CancellationToken)"/>
    public Task<T?> SendAsync<T>(string method, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parameters);
        return SendAsync<T>(new RpcRequest(NextId(), method, [.. parameters]), cancellationToken);
    }

    /// <summary>Nethereum's entry point. <paramref name="route"/> has no meaning for HTTP endpoints and is ignored.</summary>
    public override async Task<RpcResponseMessage> SendAsync(RpcRequestMessage rpcRequestMessage, string? route = null)
    {
        ArgumentNullException.ThrowIfNull(rpcRequestMessage);
        return (await ExchangeAsync(rpcRequestMessage, CancellationToken.None).ConfigureAwait(false)).Response;
    }

    /// <summary>A batch goes to one endpoint as a whole and is repeated elsewhere only when every request in it may be.</summary>
    protected override async Task<RpcResponseMessage[]> SendAsync(RpcRequestMessage[] requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var exchange = await ExecuteAsync(new BatchRpcPayload(requests), CancellationToken.None).ConfigureAwait(false);
        return (RpcResponseMessage[])exchange.Answer;
    }

    /// <summary>
    /// The chain's endpoints changed (or the chain was enabled or disabled): the next call reads them again instead of
    /// waiting for <see cref="ChainRpcOptions.EndpointRefreshInterval"/>. A refresh already under way when this is called
    /// may have read the old list, so its result counts as stale too.
    /// </summary>
    public void InvalidateEndpoints() => Interlocked.Increment(ref _generation);

    internal void Release()
    {
        foreach (var channel in Volatile.Read(ref _snapshot)?.Channels ?? [])
        {
            channel.Dispose();
        }
    }

    private static RpcCall CallOf(ResilienceContext context) =>
        context.Properties.GetValue(CallKey, null!) ?? throw new InvalidOperationException("The call state is missing.");

    private static string? DataText(object? data) => data switch
    {
        null => null,
        JValue { Type: JTokenType.String } text => (string?)text,
        JToken json => json.ToString(Newtonsoft.Json.Formatting.None),
        _ => data.ToString(),
    };

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(RpcResponseMessage Response, IReadOnlyList<ChainRpcAttempt> Attempts)> ExchangeAsync(
        RpcRequestMessage request, CancellationToken cancellationToken)
    {
        var payload = new SingleRpcPayload(request);
        var exchange = await ExecuteAsync(payload, cancellationToken).ConfigureAwait(false);
        var response = (RpcResponseMessage)exchange.Answer;
        // "Nonce too low" for a resent transaction usually means its first sending was mined: the hash is the answer then.
        if (payload.TransactionHash is { } hash
            && response.Error?.Message?.Contains("nonce too low", StringComparison.OrdinalIgnoreCase) == true
            && await IsKnownAsync(hash, cancellationToken).ConfigureAwait(false))
        {
            response = new RpcResponseMessage(response.Id, new JValue(hash.Value));
        }

        return (response, exchange.Attempts);
    }

    private async Task<bool> IsKnownAsync(TxHash hash, CancellationToken cancellationToken)
    {
        var lookup = new SingleRpcPayload(new RpcRequestMessage(NextId(), RpcMethods.GetTransactionByHash, hash.Value));
        try
        {
            var exchange = await ExecuteAsync(lookup, cancellationToken).ConfigureAwait(false);
            return exchange.Answer is RpcResponseMessage { Error: null, Result: not null } found
                && found.Result is not JValue { Type: JTokenType.Null };
        }
        catch (ChainUnavailableException)
        {
            return false;
        }
    }

    private async Task<RpcExchange> ExecuteAsync(RpcPayload payload, CancellationToken cancellationToken)
    {
        IReadOnlyList<EndpointChannel> channels;
        try
        {
            channels = await ChannelsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Unavailable(new RpcCall(payload, [], _options, _time), "its endpoints could not be loaded", ex);
        }

        var call = new RpcCall(payload, channels, _options, _time);
        if (channels.Count == 0)
        {
            throw Unavailable(call, "it has no active endpoint", inner: null);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        Outcome<AttemptResult> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static (context, state) => state.Client.AttemptAsync(context, state.Call), context, (Client: this, Call: call))
                .ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Result is { Failure: null } answered)
        {
            return new RpcExchange(answered.Answer!, call.Attempts);
        }

        if (outcome.Result is not null && call.EveryAttemptNotServed && call.NotServedAnswer is { } notServed)
        {
            // Every endpoint answered that it cannot serve this: that answer is the truth about the request.
            return new RpcExchange(notServed, call.Attempts);
        }

        throw outcome.Exception switch
        {
            TimeoutRejectedException timeout => Unavailable(call, $"the budget of {_options.Budget} ran out", timeout),
            NoUsableEndpointException => Unavailable(
                call, call.Attempts.Count == 0 ? "every endpoint's circuit is open" : "every endpoint failed or is unusable", inner: null),
            null => Unavailable(
                call, call.MayHaveReachedNode && !payload.Repeatable
                    ? "the request may have been processed and is not safe to repeat"
                    : "every endpoint failed",
                inner: null),
            _ => Rethrow(outcome.Exception),
        };
    }

    private async ValueTask<Outcome<AttemptResult>> AttemptAsync(ResilienceContext context, RpcCall call)
    {
        while (true)
        {
            var channel = await SelectAsync(call, context.CancellationToken).ConfigureAwait(false);
            if (channel is null)
            {
                return Outcome.FromException<AttemptResult>(new NoUsableEndpointException());
            }

            var timeout = call.RemainingBudget - BudgetMargin;
            if (timeout < ShortestAttempt)
            {
                return Outcome.FromException<AttemptResult>(new TimeoutRejectedException("The budget is spent.", timeout));
            }

            call.Trying(channel);
            var started = _time.GetTimestamp();
            AttemptResult result;
            try
            {
                result = await channel.SendAsync(
                    call.Payload, timeout < _options.AttemptTimeout ? timeout : _options.AttemptTimeout, context.CancellationToken)
                    .ConfigureAwait(false);
            }
            catch (BrokenCircuitException)
            {
                // Another call took the probe of this endpoint's half-open circuit.
                _metrics.Skipped(Chain.Value, channel.Name, "circuit_open");
                continue;
            }
            catch (TimeoutRejectedException)
            {
                result = AttemptResult.TimedOut;
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                // The budget ran out (or the caller gave up) while this endpoint was still working on it.
                Recorded(call, channel, AttemptResult.TimedOut, started);
                throw;
            }

            Recorded(call, channel, result, started);
            return Outcome.FromResult(result);
        }
    }

    private void Recorded(RpcCall call, EndpointChannel channel, AttemptResult result, long started)
    {
        var attempt = call.Record(channel, result, _time.GetElapsedTime(started));
        _metrics.Attempted(Chain.Value, channel.Name, call.Payload.Method, result.Failure, result.IsRpcError, attempt.Duration);
        if (result.Failure is { } failure)
        {
            ChainRpcLog.AttemptFailed(
                _logger, call.Payload.Method, Chain.Value, channel.Name, failure, result.Detail, (long)attempt.Duration.TotalMilliseconds);
        }
    }

    /// <summary>
    /// The first endpoint of this round's order that is usable and has a permit free. A saturated endpoint is passed
    /// over rather than waited on; only when every usable one is saturated does the call wait, for the preferred one.
    /// </summary>
    private async ValueTask<EndpointChannel?> SelectAsync(RpcCall call, CancellationToken cancellationToken)
    {
        List<EndpointChannel> order;
        // The injected Random may be a seeded one, which is not thread-safe.
        lock (_randomGate)
        {
            order = EndpointSelector.Order(call.Untried, c => c.Endpoint.Priority, c => c.Endpoint.Weight, _random);
        }

        var now = _time.GetUtcNow();
        EndpointChannel? saturated = null;
        foreach (var channel in order)
        {
            if (!channel.IsUsable(now))
            {
                _metrics.Skipped(Chain.Value, channel.Name, "circuit_open");
            }
            else if (channel.TryTakePermit())
            {
                return channel;
            }
            else
            {
                _metrics.Skipped(Chain.Value, channel.Name, "rate_limited");
                saturated ??= channel;
            }
        }

        return saturated is not null && await saturated.WaitForPermitAsync(cancellationToken).ConfigureAwait(false) ? saturated : null;
    }

    private ChainUnavailableException Unavailable(RpcCall call, string reason, Exception? inner)
    {
        _metrics.Unavailable(Chain.Value, call.Payload.Method);
        return new ChainUnavailableException(Chain, call.Payload.Method, call.Attempts, reason, call.MayHaveReachedNode, inner);
    }

    private static ChainUnavailableException Rethrow(Exception exception)
    {
        ExceptionDispatchInfo.Capture(exception).Throw();
        throw exception;
    }

    private async ValueTask<IReadOnlyList<EndpointChannel>> ChannelsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _snapshot) is { } current && !IsStale(current))
        {
            return current.Channels;
        }

        // One refresh at a time, shared by every caller waiting for it; a caller that gives up does not cancel it.
        Task<EndpointSnapshot> refreshing;
        lock (_refreshGate)
        {
            if (_refreshing is null || _refreshing.IsCompleted)
            {
                _refreshing = RefreshAsync();
            }

            refreshing = _refreshing;
        }

        return (await refreshing.WaitAsync(cancellationToken).ConfigureAwait(false)).Channels;
    }

    private async Task<EndpointSnapshot> RefreshAsync()
    {
        var current = Volatile.Read(ref _snapshot);
        if (current is not null && !IsStale(current))
        {
            return current;
        }

        var generation = Interlocked.Read(ref _generation);
        EndpointSnapshot next;
        try
        {
            var endpoints = await _source.GetEndpointsAsync(Chain).ConfigureAwait(false);
            next = new EndpointSnapshot(Rebuild(current?.Channels ?? [], endpoints), _time.GetTimestamp(), generation);
        }
        catch (Exception ex) when (current is not null)
        {
            ChainRpcLog.RefreshFailed(_logger, ex, Chain.Value);
            next = current with { LoadedAt = _time.GetTimestamp(), Generation = generation };
        }

        Volatile.Write(ref _snapshot, next);
        return next;
    }

    /// <summary>
    /// Older than the refresh interval, or invalidated since it was read. A chain without endpoints is asked again after
    /// <see cref="EmptyRefreshInterval"/>: it is typically one being set up (its endpoint added on another replica, which
    /// cannot invalidate this one), and until it has one every call fails anyway.
    /// </summary>
    private bool IsStale(EndpointSnapshot snapshot) =>
        snapshot.Generation != Interlocked.Read(ref _generation)
        || _time.GetElapsedTime(snapshot.LoadedAt) >= (snapshot.Channels.Count == 0 && EmptyRefreshInterval < _options.EndpointRefreshInterval
            ? EmptyRefreshInterval
            : _options.EndpointRefreshInterval);

    /// <summary>
    /// Channels for the active, valid endpoints, reusing the current channel of an endpoint still listed so its
    /// circuit keeps its history. Dropped channels are not disposed: a call in flight may still hold them.
    /// </summary>
    private List<EndpointChannel> Rebuild(IReadOnlyList<EndpointChannel> current, IReadOnlyList<ChainEndpoint> endpoints)
    {
        var channels = new List<EndpointChannel>();
        for (var index = 0; index < endpoints.Count; index++)
        {
            var endpoint = endpoints[index];
            if (!endpoint.Active)
            {
                continue;
            }

            if (endpoint.Validate($"endpoint {index} ({endpoint.DisplayName})").FirstOrDefault() is { } problem)
            {
                ChainRpcLog.EndpointIgnored(_logger, Chain.Value, problem);
                continue;
            }

            var existing = current.FirstOrDefault(channel => channel.Serves(endpoint) && !channels.Contains(channel));
            if (existing is not null)
            {
                existing.Endpoint = endpoint;
            }

            channels.Add(existing ?? new EndpointChannel(endpoint, _options, _http, _time, _logger, Chain.Value));
        }

        return channels;
    }

    private sealed record EndpointSnapshot(IReadOnlyList<EndpointChannel> Channels, long LoadedAt, long Generation);

    private sealed record RpcExchange(object Answer, IReadOnlyList<ChainRpcAttempt> Attempts);

    private sealed class NoUsableEndpointException : Exception;
}
