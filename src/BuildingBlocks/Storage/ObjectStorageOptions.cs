using System.Data.Common;
using NftMarketplace.BuildingBlocks.Hosting;

namespace NftMarketplace.BuildingBlocks.Storage;

/// <summary>
/// Where objects live: an S3-compatible endpoint (MinIO in containers, a local S3 server in
/// process mode), read from the <c>storage</c> connection string:
/// <c>Endpoint=http://127.0.0.1:9000;AccessKey=…;SecretKey=…;Bucket=media</c>.
/// </summary>
public sealed record ObjectStorageOptions(Uri Endpoint, string AccessKey, string SecretKey, string Bucket)
{
    public const string ConnectionName = "storage";

    public static ObjectStorageOptions Parse(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string Required(string key) =>
            builder.TryGetValue(key, out var value) && value is string text && text.Length > 0
                ? text
                : throw new InvalidConfigurationException($"ConnectionStrings:{ConnectionName}", $"is missing '{key}='.");

        var endpoint = Required("Endpoint");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidConfigurationException($"ConnectionStrings:{ConnectionName}", $"has Endpoint '{endpoint}', which is not an http(s) URL.");
        }

        return new ObjectStorageOptions(uri, Required("AccessKey"), Required("SecretKey"), Required("Bucket"));
    }
}
