using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NftMarketplace.Modules.Auth.Configuration;

namespace NftMarketplace.Modules.Auth.SignIn;

/// <summary>
/// The domains a SIWE message may name: <see cref="SiweOptions.AllowedDomains"/>, and in Development also
/// <c>localhost:3000</c> (the frontend's default) and the authorities the Host itself listens on.
/// </summary>
internal sealed class AllowedDomains(IOptions<SiweOptions> options, IHostEnvironment environment, IServiceProvider services)
{
    public const string DevelopmentFrontend = "localhost:3000";

    private HashSet<string>? _developmentExtras;

    public bool Contains(string domain) =>
        options.Value.AllowedDomains.Any(d => DomainAuthority.Same(d, domain))
        || (environment.IsDevelopment() && DevelopmentExtras().Contains(domain));

    /// <summary>Read once the server listens: its addresses are known only then.</summary>
    private HashSet<string> DevelopmentExtras()
    {
        if (_developmentExtras is { } known)
        {
            return known;
        }

        var extras = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { DevelopmentFrontend };
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
            {
                extras.Add(uri.Authority);
                if (uri.IsLoopback)
                {
                    extras.Add("localhost:" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    extras.Add("127.0.0.1:" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return addresses.Count > 0 ? _developmentExtras = extras : extras;
    }
}

/// <summary>Who is calling, for rate limits and the audit: IP, its network (IPv6 /64) and user agent.</summary>
internal sealed record CallerInfo
{
    /// <summary>The longest user agent kept: the width of the <c>ua</c> columns.</summary>
    public const int MaxUserAgentLength = 512;

    public static readonly CallerInfo Unknown = new(null, "unknown", null);

    public CallerInfo(string? ip, string network, string? userAgent)
    {
        Ip = ip;
        Network = network;
        UserAgent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent;
    }

    public string? Ip { get; }

    public string Network { get; }

    public string? UserAgent { get; }
}
