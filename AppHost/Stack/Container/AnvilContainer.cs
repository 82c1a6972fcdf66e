using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.AppHost.Stack.Health;

namespace NftMarketplace.AppHost.Stack.Container;

/// <summary>Anvil from the Foundry image, chain id 31337, state kept in a named volume.</summary>
public sealed class AnvilContainer(string name) : ContainerResource(name), IResourceWithConnectionString
{
    /// <summary>Same Foundry release as the npm package used in process mode (package.json).</summary>
    public const string ImageTag = "v1.7.1";

    private const int RpcPort = 8545;

    public EndpointReference Http => new(this, "http");

    /// <summary>The HTTP JSON-RPC URL.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Http.Property(EndpointProperty.Url)}");

    public static IResourceBuilder<AnvilContainer> Add(IDistributedApplicationBuilder builder, string name, int? hostPort)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var resource = new AnvilContainer(name);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new(
            healthCheckKey,
            // Created when the check runs, after the endpoint got its host port.
            services => new ChainHealthCheck(new Uri(resource.Http.Url), StackInfrastructure.ChainId, services.GetRequiredService<IHttpClientFactory>()),
            failureStatus: null,
            tags: null));

        var chain = builder.AddResource(resource)
            .WithImage("foundry-rs/foundry", ImageTag)
            .WithImageRegistry("ghcr.io")
            .WithEntrypoint("anvil")
            .WithArgs(
                "--host", "0.0.0.0",
                "--port", RpcPort.ToString(CultureInfo.InvariantCulture),
                "--chain-id", StackInfrastructure.ChainId.ToString(CultureInfo.InvariantCulture),
                "--state", "/data/state.json",
                "--state-interval", "5")
            // The image runs as an unprivileged user that cannot write to a fresh volume's root-owned mount point.
            .WithContainerRuntimeArgs("--user", "0:0")
            .WithHttpEndpoint(port: hostPort, targetPort: RpcPort, name: "http")
            .WithHealthCheck(healthCheckKey);
        return chain.WithVolume(VolumeNameGenerator.Generate(chain, "data"), "/data");
    }
}
