using System.Numerics;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Orchestration.Collections;
using NftMarketplace.Modules.Orchestration.Minting;
using NftMarketplace.Modules.Orchestration.Tracking;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.GraphQL;

// Each input parses into its request with an empty user id; the resolver puts the caller's in.

internal sealed class PrepareCreateCollectionInputType : InputObjectGraphType<PrepareCreateCollection>
{
    public PrepareCreateCollectionInputType()
    {
        Name = "PrepareCreateCollectionInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<TokenStandardGraphType>>("standard");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<StringGraphType>>("symbol");
        Field<StringGraphType>("description");
        Field<StringGraphType>("imageCid").Description("Media CIDs from uploadMedia.");
        Field<StringGraphType>("bannerCid");
        Field<AddressGraphType>("royaltyReceiver");
        Field<NonNullGraphType<IntGraphType>>("royaltyBps").DefaultValue(0);
        Field<BigIntegerGraphType>("maxSupply").Description("ERC721 only: cap on tokens ever minted; null = unlimited.");
        Field<StringGraphType>("idempotencyKey").Description("Retrying with the same key returns the same intent instead of a second one.");
        Field<IntGraphType>("deadlineSeconds").Description("Seconds until the intent EXPIREs without a transaction; 30..86400, default from configuration.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new PrepareCreateCollection(
            Guid.Empty,
            (ChainId)value["chainId"]!,
            (string)value["standard"]! == TokenStandardGraphType.Erc1155 ? TokenStandard.Erc1155 : TokenStandard.Erc721,
            (string)value["name"]!,
            (string)value["symbol"]!,
            Inputs.Get<string>(value, "description"),
            Inputs.Get<string>(value, "imageCid"),
            Inputs.Get<string>(value, "bannerCid"),
            Inputs.GetValue<Address>(value, "royaltyReceiver"),
            Inputs.GetValue<int>(value, "royaltyBps") ?? 0,
            Inputs.GetValue<BigInteger>(value, "maxSupply"),
            Inputs.Get<string>(value, "idempotencyKey"),
            Inputs.GetValue<int>(value, "deadlineSeconds"));
    }
}

internal sealed class TrackCollectionTxInputType : InputObjectGraphType<TrackCollectionTx>
{
    public TrackCollectionTxInputType()
    {
        Name = "TrackCollectionTxInput";
        Field<NonNullGraphType<IdGraphType>>("intentId");
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<HexGraphType>>("txHash");
        Field<AddressGraphType>("previewAddress");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new TrackCollectionTx(
            Guid.Empty, IntentIds.Parse(value["intentId"]), (ChainId)value["chainId"]!, (Hex)value["txHash"]!,
            Inputs.GetValue<Address>(value, "previewAddress"));
    }
}

internal sealed class Mint721ItemType : InputObjectGraphType<Mint721Item>
{
    public Mint721ItemType()
    {
        Name = "Mint721Item";
        Field<NonNullGraphType<StringGraphType>>("uri").Description("Token metadata URI, e.g. ipfs://<cid> from pinMetadata.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Mint721Item((string)value["uri"]!);
    }
}

internal sealed class PrepareMint721InputType : InputObjectGraphType<PrepareMint721>
{
    public PrepareMint721InputType()
    {
        Name = "PrepareMint721Input";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<AddressGraphType>>("contract");
        Field<AddressGraphType>("to").Description("Defaults to the caller's primary wallet.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Mint721ItemType>>>>("items");
        Field<StringGraphType>("idempotencyKey");
        Field<IntGraphType>("deadlineSeconds");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new PrepareMint721(
            Guid.Empty, (ChainId)value["chainId"]!, (Address)value["contract"]!, Inputs.GetValue<Address>(value, "to"),
            Inputs.List<Mint721Item>(value, "items"), Inputs.Get<string>(value, "idempotencyKey"), Inputs.GetValue<int>(value, "deadlineSeconds"));
    }
}

internal sealed class Mint1155ItemType : InputObjectGraphType<Mint1155Item>
{
    public Mint1155ItemType()
    {
        Name = "Mint1155Item";
        Field<BigIntegerGraphType>("tokenId").Description("Mint more of an existing id; leave null to create a new id.");
        Field<NonNullGraphType<BigIntegerGraphType>>("amount");
        Field<BigIntegerGraphType>("maxSupply").Description("New ids only: cap on this id's supply, 0 = unlimited.");
        Field<StringGraphType>("uri").Description("New ids only.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Mint1155Item(
            Inputs.GetValue<BigInteger>(value, "tokenId"), (BigInteger)value["amount"]!, Inputs.GetValue<BigInteger>(value, "maxSupply"),
            Inputs.Get<string>(value, "uri"));
    }
}

internal sealed class PrepareMint1155InputType : InputObjectGraphType<PrepareMint1155>
{
    public PrepareMint1155InputType()
    {
        Name = "PrepareMint1155Input";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<AddressGraphType>>("contract");
        Field<AddressGraphType>("to").Description("Defaults to the caller's primary wallet.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Mint1155ItemType>>>>("items");
        Field<StringGraphType>("idempotencyKey");
        Field<IntGraphType>("deadlineSeconds");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new PrepareMint1155(
            Guid.Empty, (ChainId)value["chainId"]!, (Address)value["contract"]!, Inputs.GetValue<Address>(value, "to"),
            Inputs.List<Mint1155Item>(value, "items"), Inputs.Get<string>(value, "idempotencyKey"), Inputs.GetValue<int>(value, "deadlineSeconds"));
    }
}

internal sealed class TrackMintTxInputType : InputObjectGraphType<TrackMintTx>
{
    public TrackMintTxInputType()
    {
        Name = "TrackMintTxInput";
        Field<NonNullGraphType<IdGraphType>>("intentId");
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<HexGraphType>>("txHash");
        Field<NonNullGraphType<AddressGraphType>>("contract");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new TrackMintTx(
            Guid.Empty, IntentIds.Parse(value["intentId"]), (ChainId)value["chainId"]!, (Hex)value["txHash"]!, (Address)value["contract"]!);
    }
}

internal static class Inputs
{
    public static T? Get<T>(IDictionary<string, object?> value, string name)
        where T : class => value.TryGetValue(name, out var field) ? field as T : null;

    public static T? GetValue<T>(IDictionary<string, object?> value, string name)
        where T : struct => value.TryGetValue(name, out var field) && field is T typed ? typed : null;

    public static IReadOnlyList<T> List<T>(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var field) && field is System.Collections.IEnumerable items ? [.. items.Cast<T>()] : [];
}
