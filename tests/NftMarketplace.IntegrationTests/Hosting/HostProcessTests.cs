using System.Text.Json;
using Amazon.S3.Model;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Hosting;

/// <summary>The deployable Host as a real process: start-up, readiness, idempotent start, bad configuration.</summary>
public sealed class HostProcessTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private static readonly string[] Schemas = ["auth", "users", "wallets", "registry", "orchestration", "indexing", "catalog", "media"];
    private static readonly string[] Dependencies = ["postgres", "redis", "rabbitmq", "chain", "storage"];

    private Dictionary<string, string?> Configuration() => Environment.HostEnvironment(Infrastructure);

    [Fact]
    public async Task The_host_runs_on_its_own_and_reports_every_dependency_healthy()
    {
        // A bucket holding more than one object: a listing health check would be answered with a continuation token.
        using (var s3 = Infrastructure.CreateStorageClient())
        {
            for (var i = 0; i < 2; i++)
            {
                await s3.PutObjectAsync(
                    new PutObjectRequest { BucketName = Infrastructure.StorageBucket, Key = $"health/{Guid.NewGuid():N}", ContentBody = "x", UseChunkEncoding = false },
                    TestContext.Current.CancellationToken);
            }
        }

        await using var host = HostProcess.Start(Configuration());

        using var report = await host.WaitUntilHealthyAsync();

        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var components = report.RootElement.GetProperty("components");
        foreach (var dependency in Dependencies)
        {
            Assert.Equal("Healthy", components.GetProperty(dependency).GetProperty("status").GetString());
        }

        Assert.Equal(0, await host.StopAsync());
    }

    [Fact]
    public async Task Replicas_starting_together_migrate_and_declare_the_topology_once()
    {
        // Two replicas on one database and broker, started at the same moment, then a third later.
        await using (var first = HostProcess.Start(Configuration()))
        await using (var second = HostProcess.Start(Configuration()))
        {
            (await first.WaitUntilHealthyAsync()).Dispose();
            (await second.WaitUntilHealthyAsync()).Dispose();
            Assert.Equal(0, await first.StopAsync());
            Assert.Equal(0, await second.StopAsync());
        }

        await using (var third = HostProcess.Start(Configuration()))
        {
            (await third.WaitUntilHealthyAsync()).Dispose();
            Assert.Equal(0, await third.StopAsync());
        }

        await using var connection = new NpgsqlConnection(Environment.DatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var schema in Schemas)
        {
            // Every migration applied, none twice, however the replicas raced.
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) >= 1 AND count(*) = count(DISTINCT migration_id) FROM \"{schema}\".__ef_migrations_history", connection);
            Assert.Equal(true, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            await using var tables = new NpgsqlCommand(
                $"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name IN ('outbox_messages', 'processed_events')",
                connection);
            Assert.Equal(2L, await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
    }

    [Theory]
    [InlineData("ConnectionStrings__redis", null, "ConnectionStrings:redis")]
    [InlineData("ConnectionStrings__chain", "not a url", "ConnectionStrings:chain")]
    [InlineData("ConnectionStrings__storage", "Endpoint=http://127.0.0.1:1;Bucket=media", "ConnectionStrings:storage")]
    [InlineData("Messaging__MaxDeliveryAttempts", "0", "Messaging:MaxDeliveryAttempts")]
    [InlineData("Outbox__BatchSize", "-5", "Outbox:BatchSize")]
    [InlineData("Messaging__RetryDelay", "soon", "Messaging:RetryDelay")]
    [InlineData("Catalog__Metadata__AllowedPrivateNetworks__0", "localhost", "Catalog:Metadata:AllowedPrivateNetworks:0")]
    public async Task Bad_configuration_stops_start_up_with_a_message_naming_the_key(string variable, string? value, string namedKey)
    {
        var configuration = Configuration();
        configuration[variable] = value;

        await using var host = HostProcess.Start(configuration);

        Assert.Equal(78, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(namedKey, host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }
}
