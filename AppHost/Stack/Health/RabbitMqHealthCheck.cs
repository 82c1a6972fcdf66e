using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace NftMarketplace.AppHost.Stack.Health;

/// <summary>
/// Opens an AMQP connection and calls the management API: tests create a virtual host per test through it, so
/// the broker counts as ready only when both answer.
/// </summary>
public sealed class RabbitMqHealthCheck(Uri amqpUri, Uri managementUri, IHttpClientFactory httpClientFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = amqpUri, RequestedConnectionTimeout = TimeSpan.FromSeconds(5) };
            var connection = await factory.CreateConnectionAsync("health-check", cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await connection.CloseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"AMQP connection to {amqpUri.Host}:{amqpUri.Port} failed: {ex.Message}");
        }

        try
        {
            using var client = httpClientFactory.CreateClient(nameof(RabbitMqHealthCheck));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(managementUri, "api/whoami"));
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqpUri.UserInfo))));
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"management API {managementUri} answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"management API {managementUri} failed: {ex.Message}");
        }
    }
}
