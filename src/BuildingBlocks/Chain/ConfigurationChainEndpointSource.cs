using Microsoft.Extensions.Configuration;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Hosting;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>
/// Endpoints from configuration, until the chain registry provides them:
/// <c>Chains:&lt;chain id with ':' as '_'&gt;:Endpoints:&lt;n&gt;:{Url, Priority, Weight, RequestsPerSecond, Active, Name}</c>,
/// e.g. <c>Chains__eip155_1__Endpoints__0__Url=https://…</c>. A chain with no endpoints configured there has none,
/// except <see cref="ConnectionStringChain"/>: it falls back to the <c>chain</c> connection string as its only endpoint.
/// </summary>
/// <remarks>Read on every call, so a configuration reload reaches clients at their next refresh.</remarks>
public sealed class ConfigurationChainEndpointSource(IConfiguration configuration) : IChainEndpointSource
{
    public const string Section = "Chains";

    /// <summary>The chain the <c>chain</c> connection string serves: the local Anvil in both infrastructure modes.</summary>
    public static readonly ChainId ConnectionStringChain = ChainId.Eip155(31337);

    public ValueTask<IReadOnlyList<ChainEndpoint>> GetEndpointsAsync(ChainId chain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return ValueTask.FromResult(Read(configuration, chain));
    }

    /// <summary>The configuration key of a chain's section, e.g. <c>Chains:eip155_1</c> (':' separates keys).</summary>
    public static string SectionOf(ChainId chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return $"{Section}:{chain.Value.Replace(':', '_')}";
    }

    /// <exception cref="InvalidConfigurationException">An endpoint is malformed; the message names its key.</exception>
    internal static IReadOnlyList<ChainEndpoint> Read(IConfiguration configuration, ChainId chain)
    {
        var endpoints = ReadSection(configuration.GetSection(SectionOf(chain)));
        if (endpoints.Count == 0
            && chain == ConnectionStringChain
            && configuration.GetConnectionString(PlatformExtensions.ChainConnectionName) is { Length: > 0 } connectionString)
        {
            return Uri.TryCreate(connectionString, UriKind.Absolute, out var url) && EndpointUrls.IsHttp(url)
                ? [new ChainEndpoint(url)]
                : throw new InvalidConfigurationException(
                    $"ConnectionStrings:{PlatformExtensions.ChainConnectionName}", "is not an http(s) URL.");
        }

        return endpoints;
    }

    /// <summary>Reads every configured chain, so a malformed endpoint stops start-up rather than a later call.</summary>
    internal static void ValidateAll(IConfiguration configuration)
    {
        foreach (var chain in configuration.GetSection(Section).GetChildren())
        {
            ReadSection(chain);
        }
    }

    private static List<ChainEndpoint> ReadSection(IConfigurationSection chain)
    {
        var endpoints = new List<ChainEndpoint>();
        foreach (var item in chain.GetSection("Endpoints").GetChildren())
        {
            var endpoint = Bind(item);
            if (endpoint.Validate(item.Path).FirstOrDefault() is { } problem)
            {
                throw new InvalidConfigurationException(item.Path, $"is invalid: {problem}");
            }

            endpoints.Add(endpoint);
        }

        return endpoints;
    }

    private static ChainEndpoint Bind(IConfigurationSection item)
    {
        EndpointSettings settings;
        try
        {
            settings = item.Get<EndpointSettings>() ?? new EndpointSettings();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidConfigurationException(item.Path, $"cannot be read: {ex.Message}");
        }

        var url = Uri.TryCreate(settings.Url, UriKind.Absolute, out var parsed) && EndpointUrls.IsHttp(parsed)
            ? parsed
            : throw new InvalidConfigurationException(
                $"{item.Path}:Url",
                settings.Url is { Length: > 0 } ? "is not an absolute http(s) URL." : "is missing.");
        return new ChainEndpoint(url, settings.Priority, settings.Weight, settings.RequestsPerSecond, settings.Active, settings.Name);
    }

    private sealed class EndpointSettings
    {
        public string? Url { get; set; }

        public int Priority { get; set; }

        public int Weight { get; set; } = 1;

        public int RequestsPerSecond { get; set; }

        public bool Active { get; set; } = true;

        public string? Name { get; set; }
    }
}
