using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;

namespace NftMarketplace.AppHost.Stack.Process;

/// <summary>
/// Passwords of the process-mode servers. They are generated once per data directory and kept beside the data
/// (<c>&lt;data&gt;/credentials.json</c>, mode 0600) because PostgreSQL and RabbitMQ bake them in at their first
/// start: storing them anywhere else (user secrets) would let the two drift apart. Wiping the data dir
/// (<c>./nft reset</c>) forgets both together.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed record ProcessCredentials(
    string PostgresUser,
    string PostgresPassword,
    string RedisPassword,
    string RabbitMqUser,
    string RabbitMqPassword)
{
    /// <summary>s3rver accepts exactly this key pair (its built-in default account).</summary>
    public const string StorageAccessKey = "S3RVER";

    /// <summary>The secret of s3rver's built-in account.</summary>
    public const string StorageSecretKey = "S3RVER";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static ProcessCredentials LoadOrCreate(string dataDir)
    {
        var path = Path.Combine(dataDir, "credentials.json");
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<ProcessCredentials>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty; delete it together with the data dir (./nft reset).");
        }

        var credentials = new ProcessCredentials(
            PostgresUser: "postgres",
            PostgresPassword: NewSecret(),
            RedisPassword: NewSecret(),
            RabbitMqUser: "nftmarketplace",
            RabbitMqPassword: NewSecret());

        Directory.CreateDirectory(dataDir);
        ProcessStack.WritePrivateFile(path, JsonSerializer.Serialize(credentials, JsonOptions));
        return credentials;
    }

    // Letters and digits only: the secrets go into URIs and key=value connection strings unescaped.
    private static string NewSecret() =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24);
}
