using System.Numerics;
using GraphQL.Types;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.GraphQL;

/// <summary>The GraphQL enum <c>ActivityType</c>; its values are the names the catalog stores.</summary>
internal sealed class ActivityTypeEnum : EnumerationGraphType
{
    public static readonly string[] Names = ["MINT", "TRANSFER", "BURN", "LISTING", "SALE", "OFFER", "CANCEL"];

    public ActivityTypeEnum()
    {
        Name = "ActivityType";
        foreach (var name in Names)
        {
            Add(name, name);
        }
    }
}

/// <summary><c>Activity</c>, from the catalog's rows or from the event that recorded (or retracted) it: the same fields either way.</summary>
internal sealed class ActivityType : ObjectGraphType<ActivityDto>
{
    public ActivityType()
    {
        Name = "Activity";
        Description = "One activity per (chain, txHash, logIndex, tokenId): an ERC-1155 batch transfer gives one per id. `id` is stable, so a "
            + "retraction carries the same id and fields as the activity it retracts.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ActivityTypeEnum>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => c.Source.ChainId);
        Field<NonNullGraphType<AddressGraphType>>("contract").Resolve(c => c.Source.Contract);
        Field<BigIntegerGraphType>("tokenId").Resolve(c => CollectionType.Big(c.Source.TokenId));
        Field<AddressGraphType>("from").Resolve(c => c.Source.From);
        Field<AddressGraphType>("to").Resolve(c => c.Source.To);
        Field<BigIntegerGraphType>("quantity").Resolve(c => CollectionType.Big(c.Source.Quantity));
        Field<BigIntegerGraphType>("price").Resolve(c => CollectionType.Big(c.Source.Price));
        Field<NonNullGraphType<HexGraphType>>("txHash").Resolve(c => c.Source.TxHash);
        Field<NonNullGraphType<BigIntegerGraphType>>("blockNumber").Resolve(c => new BigInteger(c.Source.BlockNumber));
        Field<NonNullGraphType<IntGraphType>>("logIndex").Resolve(c => c.Source.LogIndex);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("timestamp").Resolve(c => c.Source.Timestamp);
    }
}

internal sealed class CollectionActivityUpdateType : ObjectGraphType<CollectionActivityUpdate>
{
    public CollectionActivityUpdateType()
    {
        Name = "CollectionActivityUpdate";
        Description = "An activity as the catalog records it, or retracted (same id and fields) when a reorg removed it.";
        Field<NonNullGraphType<ActivityType>>("activity").Resolve(c => c.Source.Activity);
        Field<NonNullGraphType<BooleanGraphType>>("retracted").Resolve(c => c.Source.Retracted);
    }
}
