using System.Numerics;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Indexing.Status;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Tracking;

namespace NftMarketplace.Modules.Indexing.GraphQL;

/// <summary><c>indexerStatus(chainId)</c> and the admin mutation <c>trackCollection</c> (whose <c>Collection</c> the Catalog resolves).</summary>
internal sealed class IndexingGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Query.Field<IndexerStatusType>("indexerStatus")
            .Description("How far the indexer has come on a chain; null when the chain is registered but has never been followed, NOT_FOUND when it is unknown.")
            .Argument<NonNullGraphType<ChainIdGraphType>>("chainId")
            .ResolveAsync(async context => await context.SendAsync(new GetIndexerStatus(context.GetArgument<ChainId>("chainId"))));

        // The Catalog owns the Collection type; it shows the indexer's answer until its own row exists.
        roots.Mutation.Field("trackCollection", new NonNullGraphType(new GraphQLTypeReference(TrackedCollection.GraphQLTypeName)))
            .Description(
                "Admin: index an existing ERC-721 / ERC-1155 contract that the factory did not create. Returns the collection at once "
                + "(indexStatus BACKFILLING); tracking a contract already known returns it unchanged.")
            .Argument<NonNullGraphType<TrackCollectionInputType>>(GraphQLConventions.InputArgument)
            .RequireRole(Roles.Admin)
            .ResolveAsync(async context => await context.SendAsync(context.GetInput<TrackCollection>()));
    }
}

internal sealed class IndexerStatusType : ObjectGraphType<IndexerStatus>
{
    public IndexerStatusType()
    {
        Name = "IndexerStatus";
        Description =
            "confirmations of block b = head - b + 1 (the block itself counts): a block is published once it has the chain's "
            + "confirmationsRequired, so 1 means as soon as it is mined. indexedBlock/indexedBlockHash: the highest published block. "
            + "lagBlocks = headBlock - indexedBlock. reorgsDetected: reorgs this chain's follower has handled, kept across restarts.";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => ChainId.Parse(c.Source.ChainId));
        Field<NonNullGraphType<BigIntegerGraphType>>("headBlock").Resolve(c => new BigInteger(c.Source.HeadBlock));
        Field<NonNullGraphType<BigIntegerGraphType>>("indexedBlock").Resolve(c => new BigInteger(c.Source.IndexedBlock));
        Field<NonNullGraphType<HexGraphType>>("indexedBlockHash").Resolve(c => Hex.Parse(c.Source.IndexedBlockHash));
        Field<NonNullGraphType<IntGraphType>>("confirmationsRequired").Resolve(c => c.Source.ConfirmationsRequired);
        Field<NonNullGraphType<IntGraphType>>("lagBlocks").Resolve(c => (int)Math.Min(int.MaxValue, c.Source.LagBlocks));
        Field<NonNullGraphType<IntGraphType>>("reorgsDetected").Resolve(c => (int)Math.Min(int.MaxValue, c.Source.ReorgsDetected));
        Field<NonNullGraphType<BooleanGraphType>>("backfilling")
            .Description("A contract's history is still being read, or the follower is far behind the chain.")
            .Resolve(c => c.Source.Backfilling);
        Field<StringGraphType>("haltedReason")
            .Description("Why the chain's follower stopped (a reorg deeper than its hash window); null while it runs.")
            .Resolve(c => c.Source.Halted);
    }
}

internal sealed class TrackCollectionInputType : InputObjectGraphType<TrackCollection>
{
    public TrackCollectionInputType()
    {
        Name = "TrackCollectionInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<AddressGraphType>>("address");
        Field<BigIntegerGraphType>("fromBlock").Description("First block to index; default: the contract's deployment block.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new TrackCollection(
            (ChainId)value["chainId"]!,
            (Address)value["address"]!,
            value.TryGetValue("fromBlock", out var from) ? from as BigInteger? : null);
    }
}
