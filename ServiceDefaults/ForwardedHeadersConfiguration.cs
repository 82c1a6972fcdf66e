using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which peers may say who the client is (configuration section <c>ForwardedHeaders</c>). Behind a reverse proxy
/// every request comes from the proxy's address; the proxy names the client in <c>X-Forwarded-For</c>. That header
/// is taken only from the proxies and networks listed here (empty by default) and from no one else, because anyone
/// can send it: a client that could choose its own address would get a fresh rate-limit budget per request and
/// write what it likes into the sign-in audit. ASP.NET Core's own defaults trust loopback; they are cleared, so a
/// proxy on the same machine must be listed like any other.
/// </summary>
public static class ForwardedHeadersConfiguration
{
    public const string Section = "ForwardedHeaders";

    public static void AddConfiguredForwardedHeaders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(Section);
        List<string> problems = [];
        List<IPAddress> proxies = [];
        foreach (var entry in section.GetSection("KnownProxies").GetChildren())
        {
            if (IPAddress.TryParse(entry.Value?.Trim(), out var proxy))
            {
                proxies.Add(proxy);
            }
            else
            {
                problems.Add($"{Section}:KnownProxies:{entry.Key} is not an IP address (got '{entry.Value}').");
            }
        }

        List<IPNetwork> networks = [];
        foreach (var entry in section.GetSection("KnownNetworks").GetChildren())
        {
            if (IPNetwork.TryParse(entry.Value?.Trim(), out var network))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add($"{Section}:KnownNetworks:{entry.Key} is not an IP network in CIDR notation, e.g. 10.0.0.0/8 (got '{entry.Value}').");
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Section, typeof(ForwardedHeadersOptions), problems);
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With both lists empty the middleware would believe every peer, not none: then it reads no header at all.
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // A chain of listed proxies is followed back to the first address that is not one of them: the client.
            options.ForwardLimit = null;
        });
    }
}
