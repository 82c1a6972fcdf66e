using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NftMarketplace.BuildingBlocks.Storage;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace NftMarketplace.BuildingBlocks.Hosting;

/// <summary>Readiness checks that each really talk to one dependency.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }
}

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var latency = await redis.GetDatabase().PingAsync().ConfigureAwait(false);
        return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
    }
}

internal sealed class RabbitMqHealthCheck(IConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!connection.IsOpen)
        {
            return HealthCheckResult.Unhealthy("The broker connection is closed.");
        }

        // An open connection can still refuse channels (e.g. resource alarms); open one to be sure.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }
}

internal sealed class ChainRpcHealthCheck(HttpClient http) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("", new { jsonrpc = "2.0", id = 1, method = "eth_chainId", @params = Array.Empty<object>() }, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return body.RootElement.TryGetProperty("result", out var result)
            ? HealthCheckResult.Healthy($"chain id {result.GetString()}")
            : HealthCheckResult.Unhealthy("eth_chainId returned no result.");
    }
}

internal sealed class ObjectStorageHealthCheck(IAmazonS3 s3, ObjectStorageOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The location call touches only the bucket: a listing depends on what the bucket holds (s3rver answers a
        // truncated one with a 500 on OpenSSL 3), and costs more on a full bucket in real S3 too.
        await s3.GetBucketLocationAsync(new GetBucketLocationRequest { BucketName = options.Bucket }, cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy($"bucket '{options.Bucket}' reachable");
    }
}
