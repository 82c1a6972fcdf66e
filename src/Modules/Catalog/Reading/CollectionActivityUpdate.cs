using NftMarketplace.Modules.Catalog.Contracts;

namespace NftMarketplace.Modules.Catalog.Reading;

/// <summary>What <c>onCollectionActivity</c> pushes: one activity, recorded or retracted.</summary>
internal sealed record CollectionActivityUpdate(ActivityDto Activity, bool Retracted)
{
    /// <summary>The subscription topic of a collection's activity.</summary>
    public static string Topic(string chainId, string address) => "catalog:activity:" + chainId + ":" + address;
}
