using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.AppHost.Stack.Health;

namespace NftMarketplace.AppHost.Stack.Process;

/// <summary>
/// Anvil (npm <c>@foundry-rs/anvil</c>) on 127.0.0.1, chain id 31337, state in <c>&lt;data&gt;/anvil/state.json</c>
/// loaded at start, dumped on exit and every few seconds (so even a killed node loses little).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class AnvilProcess(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    private const string NpmPackage = "the npm package @foundry-rs/anvil (npm ci at the repository root)";

    /// <summary>The HTTP JSON-RPC URL.</summary>
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;

    public static IResourceBuilder<AnvilProcess> Add(ProcessStack stack, string name)
    {
        ArgumentNullException.ThrowIfNull(stack);

        var anvil = ProcessStack.RequireFile(FindBinary(stack.Options.RepoRoot), NpmPackage);
        var dir = stack.DataDirFor("anvil");
        var port = stack.Ports.Chain.ToString(CultureInfo.InvariantCulture);
        var url = $"http://{ProcessStack.Loopback}:{port}";

        var healthCheckKey = $"{name}_check";
        stack.Builder.Services.AddHealthChecks().Add(new(
            healthCheckKey,
            services => new ChainHealthCheck(new Uri(url), StackInfrastructure.ChainId, services.GetRequiredService<IHttpClientFactory>()),
            failureStatus: null,
            tags: null));

        var resource = new AnvilProcess(name, anvil, dir, ReferenceExpression.Create($"{url}"));
        return stack.Builder.AddResource(resource)
            .WithArgs(
                "--host", ProcessStack.Loopback,
                "--port", port,
                "--chain-id", StackInfrastructure.ChainId.ToString(CultureInfo.InvariantCulture),
                "--state", Path.Combine(dir, "state.json"),
                "--state-interval", "5")
            .WithHttpEndpoint(port: stack.Ports.Chain, targetPort: stack.Ports.Chain, name: "http", isProxied: false)
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// The native binary from the platform package. <c>node_modules/.bin/anvil</c> is a node wrapper that spawns
    /// it: if the wrapper were killed hard, the node itself would be orphaned, so the wrapper is skipped.
    /// </summary>
    private static string FindBinary(string repoRoot)
    {
        var arch = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        var platform = OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var native = Path.Combine(repoRoot, "node_modules", "@foundry-rs", $"anvil-{platform}-{arch}", "bin", "anvil");
        return File.Exists(native) ? native : Path.Combine(repoRoot, "node_modules", ".bin", "anvil");
    }
}
