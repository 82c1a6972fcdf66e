using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Registry.Chains;

namespace NftMarketplace.Modules.Registry.Endpoints;

/// <summary>Activates or deactivates one endpoint of a chain; an unknown URL is bad input naming <c>url</c>.</summary>
internal static class EndpointSwitch
{
    public static async Task<ChainSnapshot> SetAsync(ChainStore store, ChainId chainId, string url, bool active, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(chainId, cancellationToken);
        var endpoint = chain.Endpoints.FirstOrDefault(e => e.Url == url)
            ?? throw new BadInputException($"Chain '{chain.Caip2}' has no endpoint '{url}'.", "input.url");
        endpoint.Active = active;
        return await store.SaveAsync(chain, cancellationToken);
    }
}
