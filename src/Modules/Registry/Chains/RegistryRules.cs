
namespace NftMarketplace.Modules.Registry.Chains;

internal static class RegistryRules
{
    public static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static bool IsRpcUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeWs || uri.Scheme == Uri.UriSchemeWss)
        && !string.IsNullOrEmpty(uri.Host);
}
