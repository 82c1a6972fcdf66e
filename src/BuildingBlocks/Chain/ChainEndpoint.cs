namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>One JSON-RPC endpoint of a chain, as the registry lists it: where it is, how preferred, how hard it may be used.</summary>
/// <param name="Url">
/// The http(s) URL. It may carry an API key in its path, query or user info, so it is never logged or measured:
/// <see cref="DisplayName"/> is.
/// </param>
/// <param name="Priority">Lower is preferred: an endpoint is used only while every endpoint of a lower priority is unusable.</param>
/// <param name="Weight">
/// Share of the traffic among the usable endpoints of one priority. 0 makes it a standby, used only when the others of
/// its priority are unusable.
/// </param>
/// <param name="RequestsPerSecond">Most requests per second this process sends to it; 0 means no limit.</param>
/// <param name="Active">An inactive endpoint is ignored.</param>
/// <param name="Name">What logs and metrics call it (e.g. the registry's id); by default the URL with its secrets removed.</param>
public sealed record ChainEndpoint(
    Uri Url,
    int Priority = 0,
    int Weight = 1,
    int RequestsPerSecond = 0,
    bool Active = true,
    string? Name = null)
{
    public string DisplayName => Name is { Length: > 0 } name ? name : EndpointUrls.Redact(Url);

    /// <summary>The display name only: the generated record text would print the URL and its secrets.</summary>
    public override string ToString() => DisplayName;

    /// <summary>What is wrong with this endpoint, each problem prefixed with <paramref name="key"/>.</summary>
    internal IEnumerable<string> Validate(string key)
    {
        if (Url is null || !EndpointUrls.IsHttp(Url))
        {
            yield return $"{key}:Url must be an absolute http(s) URL.";
        }

        if (Priority < 0)
        {
            yield return $"{key}:Priority must be 0 or more (got {Priority}).";
        }

        if (Weight < 0)
        {
            yield return $"{key}:Weight must be 0 or more (got {Weight}).";
        }

        if (RequestsPerSecond < 0)
        {
            yield return $"{key}:RequestsPerSecond must be 0 (no limit) or more (got {RequestsPerSecond}).";
        }
    }
}
