using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.GraphQL;

internal sealed class IntentKindType : EnumerationGraphType
{
    public IntentKindType()
    {
        Name = "IntentKind";
        foreach (var kind in Enum.GetValues<IntentKind>())
        {
            Add(kind.Name(), kind);
        }
    }
}

internal sealed class IntentStatusType : EnumerationGraphType
{
    public IntentStatusType()
    {
        Name = "IntentStatus";
        Description = "PREPARED: calldata handed out, no tx yet. PENDING: tx hash tracked, not yet mined. CONFIRMED: mined and succeeded, "
            + "waiting for the catalog. READY: the catalog shows the result. FAILED: reverted or replaced (see error). EXPIRED: no "
            + "transaction before the deadline.";
        foreach (var status in Enum.GetValues<IntentStatus>())
        {
            Add(status.Name(), status);
        }
    }
}

internal sealed class TxRequestType : ObjectGraphType<PreparedTx>
{
    public TxRequestType()
    {
        Name = "TxRequest";
        Description = "The transaction to send with the caller's wallet (eth_sendTransaction), then to track.";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => ChainId.Parse(c.Source.ChainId));
        Field<NonNullGraphType<AddressGraphType>>("from").Description("The caller's address the transaction must be sent from.")
            .Resolve(c => Address.Parse(c.Source.From));
        Field<NonNullGraphType<AddressGraphType>>("to").Resolve(c => Address.Parse(c.Source.To));
        Field<NonNullGraphType<HexGraphType>>("data").Resolve(c => Hex.Parse(c.Source.Data));
        Field<NonNullGraphType<BigIntegerGraphType>>("value").Resolve(c => Wei(c.Source.Value));
        Field<BigIntegerGraphType>("gas").Description("The node's estimate for this sender and call, plus a fifth.").Resolve(c => Wei(c.Source.Gas));
        Field<BigIntegerGraphType>("maxFeePerGas").Description("Wei, from the chain's gas policy; null lets the wallet choose.")
            .Resolve(c => Wei(c.Source.MaxFeePerGas));
        Field<BigIntegerGraphType>("maxPriorityFeePerGas").Description("Wei, from the chain's gas policy; null lets the wallet choose.")
            .Resolve(c => Wei(c.Source.MaxPriorityFeePerGas));
    }

    private static BigInteger? Wei(string? text) => text is null ? null : BigInteger.Parse(text, CultureInfo.InvariantCulture);
}

internal sealed class TxIntentType : ObjectGraphType<IntentView>
{
    public const string TypeName = "TxIntent";

    public TxIntentType()
    {
        Name = TypeName;
        Description = "A transaction the platform prepared for you, and what became of it.";
        this.IsNode(i => i.IntentId);
        Field<NonNullGraphType<IntentKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<IntentStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => ChainId.Parse(c.Source.ChainId));
        Field<HexGraphType>("txHash").Resolve(c => c.Source.TxHash is { } hash ? Hex.Parse(hash) : (Hex?)null);
        Field<AddressGraphType>("previewAddress").Description("CREATE_COLLECTION: the CREATE2 address the collection will have.")
            .Resolve(c => IntentFields.Address(c.Source.PreviewAddress));
        Field<AddressGraphType>("contract").Description("MINT: the collection; CREATE_COLLECTION: the deployed collection once known.")
            .Resolve(c => IntentFields.Address(c.Source.Contract));
        Field<ListGraphType<NonNullGraphType<BigIntegerGraphType>>>("tokenIds").Description("MINT: the minted token ids once known.")
            .Resolve(c => IntentFields.TokenIds(c.Source.TokenIds));
        Field<StringGraphType>("error").Description("FAILED / EXPIRED: why, e.g. the decoded revert (MaxSupplyExceeded, NotMinter).")
            .Resolve(c => c.Source.Error);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("deadlineAt").Resolve(c => c.Source.DeadlineAt);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

internal sealed class PrepareCreateCollectionPayloadType : ObjectGraphType<PreparedIntent>
{
    public PrepareCreateCollectionPayloadType()
    {
        Name = "PrepareCreateCollectionPayload";
        Field<NonNullGraphType<TxIntentType>>("intent").Resolve(c => c.Source.Intent);
        Field<NonNullGraphType<TxRequestType>>("txRequest").Resolve(c => c.Source.TxRequest);
        Field<NonNullGraphType<AddressGraphType>>("previewAddress").Description("The CREATE2 address the collection will have.")
            .Resolve(c => IntentFields.Address(c.Source.Intent.PreviewAddress));
    }
}

internal sealed class PrepareMintPayloadType : ObjectGraphType<PreparedIntent>
{
    public PrepareMintPayloadType()
    {
        Name = "PrepareMintPayload";
        Field<NonNullGraphType<TxIntentType>>("intent").Resolve(c => c.Source.Intent);
        Field<NonNullGraphType<TxRequestType>>("txRequest").Resolve(c => c.Source.TxRequest);
    }
}

internal sealed class CollectionStatusUpdateType : ObjectGraphType<IntentView>
{
    public CollectionStatusUpdateType()
    {
        Name = "CollectionStatusUpdate";
        Field<NonNullGraphType<IdGraphType>>("intentId").Resolve(c => GlobalId.Encode(TxIntentType.TypeName, c.Source.IntentId));
        Field<NonNullGraphType<IntentStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => ChainId.Parse(c.Source.ChainId));
        Field<HexGraphType>("txHash").Resolve(c => c.Source.TxHash is { } hash ? Hex.Parse(hash) : (Hex?)null);
        Field<AddressGraphType>("address").Description("The collection's address: the CREATE2 preview, the deployed address once confirmed.")
            .Resolve(c => IntentFields.Address(c.Source.Contract ?? c.Source.PreviewAddress));
        Field<StringGraphType>("error").Resolve(c => c.Source.Error);
    }
}

internal sealed class MintStatusUpdateType : ObjectGraphType<IntentView>
{
    public MintStatusUpdateType()
    {
        Name = "MintStatusUpdate";
        Field<NonNullGraphType<IdGraphType>>("intentId").Resolve(c => GlobalId.Encode(TxIntentType.TypeName, c.Source.IntentId));
        Field<NonNullGraphType<IntentStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => ChainId.Parse(c.Source.ChainId));
        Field<HexGraphType>("txHash").Resolve(c => c.Source.TxHash is { } hash ? Hex.Parse(hash) : (Hex?)null);
        Field<AddressGraphType>("contract").Resolve(c => IntentFields.Address(c.Source.Contract));
        Field<ListGraphType<NonNullGraphType<BigIntegerGraphType>>>("tokenIds").Resolve(c => IntentFields.TokenIds(c.Source.TokenIds));
        Field<StringGraphType>("error").Resolve(c => c.Source.Error);
    }
}

internal static class IntentFields
{
    public static Address? Address(string? address) => address is null ? null : BuildingBlocks.Ethereum.Address.Parse(address);

    public static IReadOnlyList<BigInteger>? TokenIds(IReadOnlyList<string>? ids) =>
        ids is null ? null : [.. ids.Select(id => BigInteger.Parse(id, CultureInfo.InvariantCulture))];
}
