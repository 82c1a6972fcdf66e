using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using NftMarketplace.IntegrationTests.Support;
using Npgsql;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace NftMarketplace.IntegrationTests.Infrastructure;

/// <summary>Each of the five servers answers for real, with the permissions the Host and the tests rely on.</summary>
public sealed class InfrastructureSmokeTests(InfrastructureFixture infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_answers_and_the_user_may_create_databases()
    {
        var name = "smoke_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(infrastructure.PostgresConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }

        await using (var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\"", connection))
        {
            await drop.ExecuteNonQueryAsync(Ct);
        }

        await using var version = new NpgsqlCommand("SHOW server_version_num", connection);
        Assert.True(int.Parse((string)(await version.ExecuteScalarAsync(Ct))!, System.Globalization.CultureInfo.InvariantCulture) >= 150000);
    }

    [Fact]
    public async Task Redis_stores_and_returns_a_value()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(infrastructure.RedisConnectionString);
        var database = redis.GetDatabase();
        var key = "smoke:" + Guid.NewGuid().ToString("N");

        await database.StringSetAsync(key, "value", TimeSpan.FromMinutes(1));

        Assert.Equal("value", (string?)await database.StringGetAsync(key));
    }

    [Fact]
    public async Task RabbitMq_routes_a_message_and_its_management_api_creates_virtual_hosts()
    {
        var factory = new ConnectionFactory { Uri = infrastructure.RabbitMqUri };
        await using (var connection = await factory.CreateConnectionAsync(Ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Ct))
        {
            var queue = await channel.QueueDeclareAsync(exclusive: true, cancellationToken: Ct);
            await channel.BasicPublishAsync("", queue.QueueName, Encoding.UTF8.GetBytes("ping"), Ct);

            var message = await Eventually.Until(
                () => channel.BasicGetAsync(queue.QueueName, autoAck: true, Ct), result => result is not null, "the message");
            Assert.Equal("ping", Encoding.UTF8.GetString(message!.Body.Span));
        }

        using var management = new HttpClient { BaseAddress = infrastructure.RabbitMqManagementUri };
        var credentials = infrastructure.RabbitMqCredentials;
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}")));
        var vhost = "smoke-" + Guid.NewGuid().ToString("N")[..12];
        (await management.PutAsync(new Uri($"api/vhosts/{vhost}", UriKind.Relative), null, Ct)).EnsureSuccessStatusCode();
        (await management.DeleteAsync(new Uri($"api/vhosts/{vhost}", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_chain_is_31337()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(
            infrastructure.ChainRpcUri, new { jsonrpc = "2.0", id = 1, method = "eth_chainId", @params = Array.Empty<object>() }, Ct);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("0x7a69", body.RootElement.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Storage_keeps_an_object_in_the_media_bucket()
    {
        using var s3 = infrastructure.CreateStorageClient();
        var bucket = infrastructure.StorageBucket;
        var key = $"smoke/{Guid.NewGuid():N}.txt";

        // s3rver stores an aws-chunked body as is (chunk signatures included), so uploads must not use chunk encoding.
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "hello", UseChunkEncoding = false }, Ct);
        using var read = await s3.GetObjectAsync(bucket, key, Ct);
        using var reader = new StreamReader(read.ResponseStream);

        Assert.Equal("hello", await reader.ReadToEndAsync(Ct));
        await s3.DeleteObjectAsync(bucket, key, Ct);
    }
}
