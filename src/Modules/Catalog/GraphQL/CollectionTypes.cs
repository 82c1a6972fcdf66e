using System.Numerics;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Catalog.Reading;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.GraphQL;

/// <summary>
/// <c>Collection</c>, owned by the Catalog. Its source is the catalog's row (<see cref="CollectionView"/>) or, from
/// <c>trackCollection</c>, the indexer's answer (<see cref="TrackedCollection"/>): an admin sees the collection at
/// once, before the catalog has read the announcement. For that source every field asks the catalog for its row
/// and shows the indexer's fields only while there is none — so no request to the Catalog has to run inside the
/// indexer's transaction, and a collection tracked twice shows the catalog's full row the second time.
/// </summary>
internal sealed class CollectionType : ObjectGraphType<object>
{
    public const string TypeName = TrackedCollection.GraphQLTypeName;

    public CollectionType()
    {
        Name = TypeName;
        Description = "An NFT collection (ERC-721 or ERC-1155) on a chain.";
        this.IsNode(Key);
        IsTypeOf = value => value is CollectionView or TrackedCollection;
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => Parts(Key(c.Source)).ChainId);
        Field<NonNullGraphType<AddressGraphType>>("address").Resolve(c => View(c).Then(v => v.Address));
        Field<NonNullGraphType<TokenStandardGraphType>>("standard").Resolve(c => View(c).Then(v => v.Standard));
        Field<StringGraphType>("name").Resolve(c => View(c).Then(v => v.Name));
        Field<StringGraphType>("symbol").Resolve(c => View(c).Then(v => v.Symbol));
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Unique across the catalog; usable in URLs.").Resolve(c => View(c).Then(v => v.Slug));
        Field<StringGraphType>("description").Resolve(c => View(c).Then(v => v.Description));
        Field<StringGraphType>("imageUrl").Resolve(c => View(c).Then(v => v.ImageUrl));
        Field<StringGraphType>("bannerUrl").Resolve(c => View(c).Then(v => v.BannerUrl));
        Field<AddressGraphType>("creator").Resolve(c => View(c).Then(v => v.Creator));
        Field<AddressGraphType>("royaltyReceiver").Resolve(c => View(c).Then(v => v.RoyaltyReceiver));
        Field<NonNullGraphType<IntGraphType>>("royaltyBps").Resolve(c => View(c).Then(v => v.RoyaltyBps));
        Field<BigIntegerGraphType>("maxSupply").Resolve(c => View(c).Then(v => Big(v.MaxSupply)));
        Field<NonNullGraphType<BigIntegerGraphType>>("totalMinted")
            .Description("ERC721: tokens ever minted; ERC1155: token ids ever created.")
            .Resolve(c => View(c).Then(v => Big(v.TotalMinted)));
        Field<BigIntegerGraphType>("deployedBlock").Resolve(c => View(c).Then(v => v.DeployedBlock is { } block ? new BigInteger(block) : (BigInteger?)null));
        Field<NonNullGraphType<StringGraphType>>("indexStatus")
            .Description("BACKFILLING until the indexer has caught up with the chain for this contract, then LIVE.")
            .Resolve(c => c.Source is TrackedCollection tracked
                ? DataLoaderResult.FromValue(tracked.IndexStatus)
                : c.Loader<IndexStatusByCollection>().Load(Key(c.Source)).Then(s => s?.Status ?? IndexStatuses.Live));
        Field<NonNullGraphType<CollectionStatsType>>("stats")
            .Resolve(c => c.Loader<StatsByCollection>().Load(Key(c.Source)).Then(s => s ?? EmptyStats(Key(c.Source))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TraitType>>>>("traits")
            .Description("Every trait with its values and counts, for filter UIs.")
            .Resolve(c => c.Loader<TraitsByCollection>().Load(Key(c.Source)).Then(TraitsByCollection.Group));
        Field<NonNullGraphType<ConnectionGraphType<TokenType>>>("tokens")
            .Argument<IntGraphType>(PageRequest.FirstArgument, "At most this many tokens (100 at most).")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the token the page starts after.")
            .Argument<TokenFilterInputType>("filter")
            .Argument<TokenOrderType>("orderBy", a => a.DefaultValue = TokenOrder.TokenIdAsc)
            .Argument<BooleanGraphType>("includeFlagged", a =>
            {
                a.Description = "Also list tokens flagged as spam or NSFW (hidden by default).";
                a.DefaultValue = false;
            })
            .ResolveAsync(async c =>
            {
                var (chainId, address) = Parts(Key(c.Source));
                return await c.RequestServices!.GetRequiredService<TokenQueries>().CollectionTokensAsync(
                    chainId, address, c.GetArgument<TokenFilterInput?>("filter") ?? TokenFilterInput.None, c.GetArgument("orderBy", TokenOrder.TokenIdAsc),
                    c.GetArgument("includeFlagged", false), CatalogPages.From(c), c.CancellationToken);
            });
        Field<NonNullGraphType<ConnectionGraphType<ActivityType>>>("activity")
            .Description("Newest first.")
            .Argument<IntGraphType>(PageRequest.FirstArgument, "At most this many activities (100 at most).")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the activity the page starts after.")
            .Argument<ListGraphType<NonNullGraphType<ActivityTypeEnum>>>("types", "Only these kinds; all when omitted.")
            .Resolve(c => CatalogPages.Activity(c, Key(c.Source)));
    }

    /// <summary>The collection key of either source.</summary>
    public static string Key(object source) => source switch
    {
        CollectionView view => view.Key,
        TrackedCollection tracked => CatalogKeys.Collection(tracked.ChainId, tracked.Address),
        _ => throw new InvalidOperationException($"A Collection cannot be read from a {source.GetType().Name}."),
    };

    private static IDataLoaderResult<CollectionView> View(IResolveFieldContext<object> context) => context.Source switch
    {
        CollectionView view => DataLoaderResult.FromValue(view),
        TrackedCollection tracked => context.Loader<CollectionsByKey>().Load(Key(tracked)).Then(row => row ?? FromIndexer(tracked)),
        _ => throw new InvalidOperationException($"A Collection cannot be read from a {context.Source.GetType().Name}."),
    };

    /// <summary>What the indexer knows, until the catalog has its row.</summary>
    private static CollectionView FromIndexer(TrackedCollection tracked) => new(
        tracked.ChainId, tracked.Address, tracked.Standard, tracked.Name, tracked.Symbol, tracked.Address, null, null, null, tracked.Creator,
        null, 0, null, "0", tracked.DeployedBlock, DateTimeOffset.MinValue, tracked.IndexStatus);

    private static CollectionStatsView EmptyStats(string key)
    {
        var (chainId, address) = Parts(key);
        return CollectionStatsView.Empty(chainId, address);
    }

    private static (string ChainId, string Address) Parts(string key) =>
        CatalogKeys.TryParseCollection(key, out var chainId, out var address) ? (chainId, address) : throw new InvalidOperationException($"'{key}' is no collection key.");

    internal static BigInteger? Big(string? text) => text is null ? null : BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class CollectionStatsType : ObjectGraphType<CollectionStatsView>
{
    public CollectionStatsType()
    {
        Name = "CollectionStats";
        Description = "itemsCount: tokens (ERC721) or ids (ERC1155) with supply > 0. ownersCount: distinct addresses holding any of them.";
        Field<NonNullGraphType<IntGraphType>>("itemsCount").Resolve(c => c.Source.ItemsCount);
        Field<NonNullGraphType<IntGraphType>>("ownersCount").Resolve(c => c.Source.OwnersCount);
        Field<BigIntegerGraphType>("floorPrice").Resolve(c => CollectionType.Big(c.Source.FloorPrice));
        Field<NonNullGraphType<BigIntegerGraphType>>("volume").Resolve(c => CollectionType.Big(c.Source.Volume));
        Field<NonNullGraphType<IntGraphType>>("salesCount").Resolve(c => c.Source.SalesCount);
    }
}

internal sealed class TraitType : ObjectGraphType<TraitView>
{
    public TraitType()
    {
        Name = "Trait";
        Description = "Traits group names and string values case- and space-insensitively (trimmed, lower-cased), as OpenRarity does; `name` "
            + "and `value` show the first form seen. Missing-trait buckets are not listed. valueType: \"string\", \"number\" or \"date\".";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("valueType").Resolve(c => c.Source.ValueType);
        Field<StringGraphType>("displayType").Resolve(c => c.Source.DisplayType);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TraitValueType>>>>("values").Description("Most common first.").Resolve(c => c.Source.Values);
    }
}

internal sealed class TraitValueType : ObjectGraphType<TraitValueView>
{
    public TraitValueType()
    {
        Name = "TraitValue";
        Description = "frequency = count / the collection's token count, a fraction in 0..1.";
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<FloatGraphType>>("frequency").Resolve(c => c.Source.Frequency);
    }
}
