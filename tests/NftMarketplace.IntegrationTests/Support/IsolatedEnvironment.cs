using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>
/// A private corner of the shared infrastructure for one test: its own database, its own
/// RabbitMQ virtual host and its own Redis key prefix. Tests never see each other's data,
/// and each can run on a clean slate without restarting servers.
/// </summary>
public sealed class IsolatedEnvironment : IAsyncDisposable
{
    private readonly HttpClient _management;

    private IsolatedEnvironment(string name, string databaseConnectionString, Uri rabbitMqUri, HttpClient management, string adminConnectionString)
    {
        Name = name;
        DatabaseConnectionString = databaseConnectionString;
        RabbitMqUri = rabbitMqUri;
        _management = management;
        AdminConnectionString = adminConnectionString;
    }

    public string Name { get; }

    public string DatabaseConnectionString { get; }

    public Uri RabbitMqUri { get; }

    private string AdminConnectionString { get; }

    /// <summary>What the Host needs to run in this environment, as environment variables.</summary>
    public Dictionary<string, string?> HostEnvironment(Infrastructure.InfrastructureFixture infrastructure)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        return new()
        {
            ["ConnectionStrings__nftmarketplace"] = DatabaseConnectionString,
            ["ConnectionStrings__rabbitmq"] = RabbitMqUri.ToString(),
            ["ConnectionStrings__redis"] = infrastructure.RedisConnectionString,
            ["ConnectionStrings__chain"] = infrastructure.ChainRpcUri.ToString(),
            ["ConnectionStrings__storage"] = infrastructure.StorageConnectionString,
            // Every test client is 127.0.0.1 on one Redis: shared per-IP budgets would throttle unrelated tests.
            ["GraphQL__RateLimit__PerIpPermits"] = "100000",
            ["Auth__Siwe__NoncesPerIpPerMinute"] = "100000",
        };
    }

    public static async Task<IsolatedEnvironment> CreateAsync(string postgresConnectionString, Uri rabbitMqUri, Uri rabbitMqManagementUri)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];

        var admin = new NpgsqlConnectionStringBuilder(postgresConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(postgresConnectionString) { Database = name };

        var (user, password) = Credentials(rabbitMqUri);
        var management = new HttpClient { BaseAddress = rabbitMqManagementUri };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await management.PutAsJsonAsync($"api/permissions/{name}/{Uri.EscapeDataString(user)}", new { configure = ".*", write = ".*", read = ".*" }))
            .EnsureSuccessStatusCode();

        var vhostUri = new UriBuilder(rabbitMqUri) { Path = "/" + name }.Uri;
        return new IsolatedEnvironment(name, database.ConnectionString, vhostUri, management, admin.ConnectionString);
    }

    private static (string User, string Password) Credentials(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _management.DeleteAsync($"api/vhosts/{Name}");
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        finally
        {
            _management.Dispose();
        }
    }
}
