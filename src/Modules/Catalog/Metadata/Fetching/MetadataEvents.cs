using System.Globalization;
using System.Numerics;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Messaging;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>The checks the metadata consumers make of the indexer's facts: a message they can never apply is parked, not retried.</summary>
internal static class MetadataEvents
{
    public static string Chain(string chainId) =>
        ChainId.TryParse(chainId, out var chain) && chain.IsEip155
            ? chain.Value
            : throw new MalformedMessageException($"Metadata of '{chainId}': only eip155 chains have it.");

    public static string Address(string text) =>
        BuildingBlocks.Ethereum.Address.TryParse(text, out var address)
            ? address.Value
            : throw new MalformedMessageException($"'{text}' is not an address.");

    /// <summary>A uint256 token id in its canonical decimal form.</summary>
    public static string TokenId(string? text) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Uint256.Fits(id)
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new MalformedMessageException($"'{text}' is not a uint256 token id.");
}
