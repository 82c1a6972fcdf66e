using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NftMarketplace.AppHost.Stack.Health;

/// <summary>Asks the node for <c>eth_chainId</c> over JSON-RPC and checks it is the expected chain.</summary>
public sealed class ChainHealthCheck(Uri rpcUrl, long expectedChainId, IHttpClientFactory httpClientFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = httpClientFactory.CreateClient(nameof(ChainHealthCheck));
            using var response = await client.PostAsJsonAsync(
                rpcUrl, new { jsonrpc = "2.0", id = 1, method = "eth_chainId", @params = Array.Empty<object>() }, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var body = await JsonDocument.ParseAsync(
                await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            var hex = body.RootElement.GetProperty("result").GetString() ?? "";
            var chainId = long.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return chainId == expectedChainId
                ? HealthCheckResult.Healthy($"chain {chainId}")
                : HealthCheckResult.Unhealthy($"{rpcUrl} serves chain {chainId}, expected {expectedChainId}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or FormatException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"eth_chainId on {rpcUrl} failed: {ex.Message}");
        }
    }
}
