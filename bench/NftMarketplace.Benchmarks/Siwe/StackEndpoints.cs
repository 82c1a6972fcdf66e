using System.Text.Json;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// Where the running stack's servers are: <c>.stack/endpoints.json</c>, written by <c>./nft up</c> (its
/// <c>write_endpoints</c>) and removed by <c>./nft down</c>.
/// </summary>
internal sealed record StackEndpoints(string StateDirectory, IReadOnlyDictionary<string, string> ConnectionStrings)
{
    /// <summary>What the Host's platform requires (<c>AddPlatform</c>).</summary>
    public static readonly string[] Required = ["nftmarketplace", "redis", "rabbitmq", "chain", "storage"];

    /// <summary>The state directory <c>./nft</c> exports, else <c>.stack</c> at the repository root.</summary>
    public static string DefaultStateDirectory =>
        Environment.GetEnvironmentVariable("Stack__StateDir") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), ".stack");

    /// <summary>The nearest directory up from the current one that holds the solution (<c>dotnet run</c> starts in the project's).</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NftMarketplace.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <exception cref="InvalidOperationException">The stack is not up, or its endpoints file lacks a server.</exception>
    public static StackEndpoints Read(string stateDirectory)
    {
        var file = Path.Combine(stateDirectory, "endpoints.json");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"the stack is not up ({file} does not exist). Run the bench as `./nft bench siwe`, which starts it with `./nft up`.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Required)
        {
            connectionStrings[name] =
                document.RootElement.TryGetProperty("connectionStrings", out var all)
                && all.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
                    ? text
                    : throw new InvalidOperationException($"{file} has no connection string '{name}'; `./nft down && ./nft up` rewrites it.");
        }

        return new StackEndpoints(stateDirectory, connectionStrings);
    }
}
