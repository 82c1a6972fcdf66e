using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NftMarketplace.AppHost.Stack.Health;

/// <summary>Healthy once something accepts TCP connections on the port (for servers without a protocol worth speaking, like epmd).</summary>
public sealed class TcpPortHealthCheck(string host, int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException ex)
        {
            return HealthCheckResult.Unhealthy($"{host}:{port} does not accept connections: {ex.SocketErrorCode}");
        }
    }
}
