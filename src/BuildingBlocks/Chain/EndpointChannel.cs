using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>
/// One endpoint as a client uses it: its circuit breaker and attempt time-out (a Polly pipeline), its rate limiter
/// and the HTTP exchange itself.
/// </summary>
internal sealed class EndpointChannel : IDisposable
{
    private static readonly ResiliencePropertyKey<TimeSpan> AttemptTimeoutKey = new("NftMarketplace.Chain.AttemptTimeout");

    private readonly HttpMessageInvoker _http;
    private readonly Uri _requestUri;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly TokenBucketRateLimiter? _limiter;
    private readonly ResiliencePipeline<AttemptResult> _pipeline;
    private long _openUntilUtcTicks;

    public EndpointChannel(
        ChainEndpoint endpoint, ChainRpcOptions options, HttpMessageInvoker http, TimeProvider time, ILogger logger, string chain)
    {
        Endpoint = endpoint;
        Name = endpoint.DisplayName;
        _http = http;
        (_requestUri, _authorization) = SplitCredentials(endpoint.Url);
        _limiter = endpoint.RequestsPerSecond > 0 ? CreateLimiter(endpoint.RequestsPerSecond) : null;
        _pipeline = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptResult>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = _circuit,
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is TimeoutRejectedException || args.Outcome.Result is { CountsAgainstEndpoint: true }),
                OnOpened = args =>
                {
                    // Polly reports an open circuit until a call arrives after the break; selection must know when that is.
                    Volatile.Write(ref _openUntilUtcTicks, (time.GetUtcNow() + args.BreakDuration).UtcTicks);
                    ChainRpcLog.CircuitOpened(logger, Name, chain, args.BreakDuration);
                    return default;
                },
                OnHalfOpened = _ =>
                {
                    ChainRpcLog.CircuitHalfOpened(logger, Name, chain);
                    return default;
                },
                OnClosed = _ =>
                {
                    ChainRpcLog.CircuitClosed(logger, Name, chain);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = static args => ValueTask.FromResult(args.Context.Properties.GetValue(AttemptTimeoutKey, TimeSpan.Zero)),
            })
            .Build();
    }

    /// <summary>The endpoint's latest listing: priority and weight may change between refreshes, the URL and limit do not.</summary>
    public ChainEndpoint Endpoint { get; set; }

    public string Name { get; }

    public ChainEndpointCircuit Circuit => _circuit.CircuitState switch
    {
        CircuitState.Closed => ChainEndpointCircuit.Closed,
        CircuitState.HalfOpen => ChainEndpointCircuit.HalfOpen,
        _ => ChainEndpointCircuit.Open,
    };

    /// <summary>Whether the same URL and limit are listed, so this channel (and its circuit's history) carries over.</summary>
    public bool Serves(ChainEndpoint endpoint) =>
        string.Equals(endpoint.Url.OriginalString, Endpoint.Url.OriginalString, StringComparison.Ordinal)
        && endpoint.RequestsPerSecond == Endpoint.RequestsPerSecond;

    /// <summary>Closed, or open with its break over (the next call probes it); not while a probe is under way.</summary>
    public bool IsUsable(DateTimeOffset now) => _circuit.CircuitState switch
    {
        CircuitState.Closed => true,
        CircuitState.Open => now.UtcTicks >= Volatile.Read(ref _openUntilUtcTicks),
        _ => false,
    };

    /// <summary>Takes a request permit if one is free now; never waits.</summary>
    public bool TryTakePermit()
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    public async ValueTask<bool> WaitForPermitAsync(CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired;
    }

    /// <exception cref="TimeoutRejectedException">No answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="BrokenCircuitException">The circuit is open (or another call is probing it).</exception>
    public async ValueTask<AttemptResult> SendAsync(RpcPayload payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AttemptTimeoutKey, timeout);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (context, state) => state.Channel.ExchangeAsync(state.Payload, context.CancellationToken),
                context,
                (Channel: this, Payload: payload)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    public void Dispose() => _limiter?.Dispose();

    private async ValueTask<AttemptResult> ExchangeAsync(RpcPayload payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _requestUri);
        request.Content = new ByteArrayContent(payload.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            // Buffered with the token: a server that sends headers and then stalls is timed out like one that never answers.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return payload.Read((int)response.StatusCode, body);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Failed(
                ChainRpcFailureKind.Connection, Describe(ex), countsAgainstEndpoint: true, mayHaveReachedNode: !WasNotSent(ex));
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Failed(
                ChainRpcFailureKind.Connection, ex.GetType().Name, countsAgainstEndpoint: true, mayHaveReachedNode: true);
        }
    }

    /// <summary>No connection was made, so nothing was sent: safe to send elsewhere whatever the method.</summary>
    private static bool WasNotSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;

    // The error kinds only: an exception message may quote the address.
    private static string Describe(HttpRequestException exception) =>
        exception.InnerException is SocketException socket
            ? $"{exception.HttpRequestError}/{socket.SocketErrorCode}"
            : exception.HttpRequestError.ToString();

    /// <summary>HttpClient ignores user info in a URL, so credentials there become a Basic authorization header.</summary>
    private static (Uri RequestUri, AuthenticationHeaderValue? Authorization) SplitCredentials(Uri url)
    {
        if (url.UserInfo.Length == 0)
        {
            return (url, null);
        }

        var credentials = Uri.UnescapeDataString(url.UserInfo);
        var withoutUserInfo = new UriBuilder(url) { UserName = "", Password = "" }.Uri;
        return (withoutUserInfo, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));
    }

    private static TokenBucketRateLimiter CreateLimiter(int perSecond)
    {
        // Refilled in small steps (10/s is one every 100 ms, not ten at the top of each second); a second's worth may burst.
        var tokensPerPeriod = Math.Max(1, perSecond / 10);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokensPerPeriod / perSecond),
            AutoReplenishment = true,
            // A wait happens only when every usable endpoint is saturated, and the call's budget bounds it.
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }
}
