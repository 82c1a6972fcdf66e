using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// Subscribes to <c>newHeads</c> over a WebSocket to the chain's preferred endpoint (the http(s) URL with the scheme
/// ws(s): nodes such as Anvil, Geth and most providers serve both on one address) and wakes the follower at every
/// notification. The follower's poll stays the fallback: an endpoint without WebSocket or without subscriptions, or a
/// dropped socket, only costs the poll interval while the watcher reconnects with back-off. Runs while its follower holds
/// the chain's lease.
/// </summary>
internal sealed partial class HeadWatcher(
    ChainId chain,
    IChainEndpointSource endpoints,
    HeadSignal signal,
    FollowerOptions options,
    TimeProvider time,
    ILogger logger)
{
    private const int MaxMessageBytes = 1 << 20;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly byte[] Subscribe = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]}""");

    /// <summary>Subscribes, reconnecting after failures, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            string? shown = null;
            try
            {
                var url = await UrlAsync(cancellationToken).ConfigureAwait(false);
                if (url is not null)
                {
                    shown = EndpointUrls.Redact(url);
                    await FollowAsync(url, () =>
                    {
                        // Heads mined while no socket was open are not notified: the follower looks once now.
                        signal.Notify();
                        failing = false;
                        backoff = FirstBackoff;
                    }, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever went wrong (refused, no WebSocket, dropped, a bad answer), the poll covers it meanwhile.
                // Logged once per outage: an endpoint without WebSocket would otherwise fill the log every back-off.
                if (!failing)
                {
                    LogUnavailable(chain.Value, shown ?? "(no endpoint)", ex.Message, options.PollInterval);
                }
                else
                {
                    LogStillUnavailable(chain.Value, ex.Message);
                }

                failing = true;
            }

            try
            {
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.NewHeadsMaxBackoff.Ticks));
        }
    }

    /// <summary>The WebSocket address of the chain's preferred active endpoint; null when it has none.</summary>
    internal async Task<Uri?> UrlAsync(CancellationToken cancellationToken)
    {
        var preferred = (await endpoints.GetEndpointsAsync(chain, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Active)
            .OrderBy(e => e.Priority)
            .ThenByDescending(e => e.Weight)
            .FirstOrDefault();
        return preferred is null ? null : WebSocketUrl(preferred.Url);
    }

    /// <summary><c>http://host:port/path</c> → <c>ws://host:port/path</c>, <c>https</c> → <c>wss</c>; the rest unchanged.</summary>
    internal static Uri WebSocketUrl(Uri http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var builder = new UriBuilder(http)
        {
            Scheme = http.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs,
            Port = http.IsDefaultPort ? -1 : http.Port,
        };
        return builder.Uri;
    }

    /// <summary>One connection: subscribes, then signals every notification until the socket ends (which throws).</summary>
    private async Task FollowAsync(Uri url, Action subscribed, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo)));
            socket.Options.SetRequestHeader("Authorization", "Basic " + credentials);
        }

        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connecting.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(url, connecting.Token).ConfigureAwait(false);
            await socket.SendAsync(Subscribe, WebSocketMessageType.Text, endOfMessage: true, connecting.Token).ConfigureAwait(false);
            using var answer = await ReceiveAsync(socket, connecting.Token).ConfigureAwait(false);
            if (answer.RootElement.TryGetProperty("error", out var error))
            {
                throw new HeadSubscriptionException($"the endpoint refused eth_subscribe: {error}");
            }

            if (!answer.RootElement.TryGetProperty("result", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw new HeadSubscriptionException("the endpoint answered eth_subscribe without a subscription id");
            }
        }

        LogSubscribed(chain.Value, EndpointUrls.Redact(url));
        subscribed();
        while (true)
        {
            using var message = await ReceiveAsync(socket, cancellationToken).ConfigureAwait(false);
            if (message.RootElement.TryGetProperty("method", out var method) && method.ValueEquals("eth_subscription"))
            {
                signal.Notify();
            }
        }
    }

    private static async Task<JsonDocument> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new HeadSubscriptionException($"the endpoint closed the socket ({received.CloseStatus} {received.CloseStatusDescription})");
            }

            message.Write(buffer, 0, received.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new HeadSubscriptionException($"a message of more than {MaxMessageBytes} bytes");
            }

            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(message.ToArray());
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "{Chain}: new heads arrive through a newHeads subscription at {Endpoint}")]
    private partial void LogSubscribed(string chain, string endpoint);

    [LoggerMessage(LogLevel.Information,
        "{Chain}: no newHeads subscription at {Endpoint} ({Reason}); the follower polls the head every {PollInterval} and the subscription is tried again with back-off")]
    private partial void LogUnavailable(string chain, string endpoint, string reason, TimeSpan pollInterval);

    [LoggerMessage(LogLevel.Debug, "{Chain}: the newHeads subscription is still unavailable ({Reason})")]
    private partial void LogStillUnavailable(string chain, string reason);
}

/// <summary>The endpoint speaks WebSocket but does not deliver <c>newHeads</c> (refused, closed, or an unexpected answer).</summary>
internal sealed class HeadSubscriptionException(string message) : Exception(message);
