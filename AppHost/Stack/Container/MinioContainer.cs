using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.AppHost.Stack.Health;

namespace NftMarketplace.AppHost.Stack.Container;

/// <summary>MinIO with its data in a named volume; the <c>media</c> bucket is created by the health check on first start.</summary>
public sealed class MinioContainer(string name, ParameterResource user, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    public const string ImageTag = "RELEASE.2025-09-07T16-13-09Z";

    private const int ApiPort = 9000;

    public EndpointReference Http => new(this, "http");

    /// <summary><c>Endpoint=...;AccessKey=...;SecretKey=...;Bucket=media</c>, the same shape as in process mode.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint={Http.Property(EndpointProperty.Url)};AccessKey={user};SecretKey={password};Bucket={StackInfrastructure.StorageBucket}");

    public static IResourceBuilder<MinioContainer> Add(IDistributedApplicationBuilder builder, string name, int? hostPort)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var user = builder.AddParameter($"{name}-user", "nftmarketplace");
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);

        var resource = new MinioContainer(name, user.Resource, password);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new(
            healthCheckKey,
            _ => new S3BucketHealthCheck(
                async cancellationToken => new S3BucketHealthCheck.Settings(
                    new Uri(resource.Http.Url),
                    await user.Resource.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "",
                    await password.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? "",
                    StackInfrastructure.StorageBucket),
                createIfMissing: true),
            failureStatus: null,
            tags: null));

        var storage = builder.AddResource(resource)
            .WithImage("minio/minio", ImageTag)
            .WithImageRegistry("docker.io")
            .WithArgs("server", "/data", "--address", $":{ApiPort}")
            .WithEnvironment("MINIO_ROOT_USER", user)
            .WithEnvironment("MINIO_ROOT_PASSWORD", password)
            .WithHttpEndpoint(port: hostPort, targetPort: ApiPort, name: "http")
            .WithHealthCheck(healthCheckKey);
        return storage.WithVolume(VolumeNameGenerator.Generate(storage, "data"), "/data");
    }
}
