using System.Globalization;
using System.Numerics;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Ingestion;

/// <summary>
/// What the consumers accept of the indexer's messages. A message the catalog can never apply (a field out of its
/// form) is parked for a person, not retried; the SQL then trusts every value it gets.
/// </summary>
internal static class IngestionMessages
{
    private static readonly string[] Standards = [TokenStandards.Erc721, TokenStandards.Erc1155];

    private static readonly string[] TransferKindNames = [TransferKinds.Mint, TransferKinds.Transfer, TransferKinds.Burn];

    private static readonly string[] SettingKindNames =
        [SettingChangeKinds.Royalty, SettingChangeKinds.Ownership, SettingChangeKinds.RoleGranted, SettingChangeKinds.RoleRevoked];

    /// <summary>The message's chain, CAIP-2 as it came.</summary>
    public static string Chain(string chainId)
    {
        if (!ChainId.TryParse(chainId, out var chain) || !chain.IsEip155 || chain.Value != chainId)
        {
            throw new MalformedMessageException($"Chain facts of '{chainId}': only eip155 chains have them.");
        }

        return chain.Value;
    }

    public static void Transfers(IEnumerable<TokenTransfer> transfers)
    {
        foreach (var t in transfers)
        {
            if (!IsAddress(t.Contract) || !IsAddress(t.From) || !IsAddress(t.To) || (t.Operator is not null && !IsAddress(t.Operator))
                || !Standards.Contains(t.Standard) || !TransferKindNames.Contains(t.Kind) || !IsUint256(t.TokenId) || !IsUint256(t.Amount)
                || t.BatchIndex < 0 || !IsPosition(t.Position))
            {
                throw Malformed("A transfer", t.Position);
            }
        }
    }

    public static void Collections(IEnumerable<CreatedCollection> collections)
    {
        foreach (var c in collections)
        {
            if (!IsAddress(c.Address) || !Standards.Contains(c.Standard)
                || c.Source is not (CollectionSources.Factory or CollectionSources.Tracked)
                || !IsOptionalAddress(c.Factory) || !IsOptionalAddress(c.Creator) || !IsOptionalAddress(c.Owner) || !IsOptionalAddress(c.RoyaltyReceiver)
                || c.RoyaltyBps is < 0 or > 10_000 || (c.MaxSupply is not null && !IsUint256(c.MaxSupply)) || !IsPosition(c.Position))
            {
                throw Malformed("A collection announcement", c.Position);
            }
        }
    }

    public static void Settings(IEnumerable<SettingChange> changes)
    {
        foreach (var s in changes)
        {
            if (!IsAddress(s.Contract) || !SettingKindNames.Contains(s.Kind) || !IsOptionalAddress(s.RoyaltyReceiver)
                || !IsOptionalAddress(s.Account) || !IsOptionalAddress(s.PreviousAccount) || !IsOptionalAddress(s.Sender)
                || (s.Role is not null && !IsHash(s.Role)) || s.RoyaltyBps is < 0 or > 10_000 || !IsPosition(s.Position))
            {
                throw Malformed("A setting change", s.Position);
            }
        }
    }

    public static void Retraction(EventsRetracted retraction)
    {
        if (!retraction.RetractedBlocks.All(IsHash) || retraction.Facts.Any(f => !IsAddress(f.Contract) || !IsPosition(f.Position)))
        {
            throw new MalformedMessageException($"The retraction after block {retraction.ForkBlock} is malformed.");
        }
    }

    private static MalformedMessageException Malformed(string what, ChainPosition position) =>
        new($"{what} at block {position.BlockNumber}, log {position.LogIndex} is malformed.");

    private static bool IsPosition(ChainPosition position) =>
        position.BlockNumber >= 0 && IsHash(position.BlockHash) && IsHash(position.TxHash);

    private static bool IsAddress(string text) => Address.TryParse(text, out var address) && address.Value == text;

    private static bool IsOptionalAddress(string? text) => text is null || IsAddress(text);

    private static bool IsHash(string text) => TxHash.TryParse(text, out var hash) && hash.Value == text;

    private static bool IsUint256(string text) =>
        text.Length is > 0 and <= 78 && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && Uint256.Fits(value) && value.ToString(CultureInfo.InvariantCulture) == text;
}
