using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.Modules.Orchestration.Collections;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Minting;
using NftMarketplace.Modules.Orchestration.Reading;
using NftMarketplace.Modules.Orchestration.Tracking;

namespace NftMarketplace.Modules.Orchestration.GraphQL;

/// <summary>
/// Transaction intents: the prepares and tracks (signed-in users), <c>intent(id)</c> and <c>myIntents</c>, and the
/// status subscriptions. An intent is its creator's alone: to anyone else every field answers as for an id that does
/// not exist (<c>NOT_FOUND</c>).
/// </summary>
internal sealed class OrchestrationGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Query.Field<TxIntentType>("intent")
            .Description("One of your intents. For anyone but the intent's creator, the same answer as for an id that does not exist.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .RequireAuthenticated()
            .ResolveAsync(async context =>
                await context.SendAsync(new GetIntent(context.RequireUserId(), IntentIds.Parse(context.GetArgument<string>("id"), "id")))
                ?? throw IntentErrors.NotFound("id"));

        roots.Query.Field<NonNullGraphType<ConnectionGraphType<TxIntentType>>>("myIntents")
            .Description("Your intents, oldest first.")
            .PageArguments()
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(new GetMyIntents(context.RequireUserId(), PageRequest.From(context))));

        roots.Mutation.Field<NonNullGraphType<PrepareCreateCollectionPayloadType>>("prepareCreateCollection")
            .Description("Prepares a collection's creation through the chain's factory: the transaction to send and the address it will create.")
            .Argument<NonNullGraphType<PrepareCreateCollectionInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context =>
                await context.SendAsync(context.GetInput<PrepareCreateCollection>() with { UserId = context.RequireUserId() }));

        roots.Mutation.Field<NonNullGraphType<TxIntentType>>("trackCollectionTx")
            .Description("Hands in the hash of a prepared collection's transaction: PENDING until the receipt says more.")
            .Argument<NonNullGraphType<TrackCollectionTxInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(context.GetInput<TrackCollectionTx>() with { UserId = context.RequireUserId() }));

        roots.Mutation.Field<NonNullGraphType<PrepareMintPayloadType>>("prepareMint721")
            .Description("Prepares an ERC-721 mint of 1 to 100 tokens on a collection you own or may mint on.")
            .Argument<NonNullGraphType<PrepareMint721InputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(context.GetInput<PrepareMint721>() with { UserId = context.RequireUserId() }));

        roots.Mutation.Field<NonNullGraphType<PrepareMintPayloadType>>("prepareMint1155")
            .Description("Prepares an ERC-1155 mint: new ids (1 to 100), or more of one existing id.")
            .Argument<NonNullGraphType<PrepareMint1155InputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(context.GetInput<PrepareMint1155>() with { UserId = context.RequireUserId() }));

        roots.Mutation.Field<NonNullGraphType<TxIntentType>>("trackMintTx")
            .Description("Hands in the hash of a prepared mint's transaction: PENDING until the receipt says more.")
            .Argument<NonNullGraphType<TrackMintTxInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(context.GetInput<TrackMintTx>() with { UserId = context.RequireUserId() }));

        roots.Subscription.Field<NonNullGraphType<CollectionStatusUpdateType>, IntentView>("onCollectionStatus")
            .Description("A CREATE_COLLECTION intent of yours: its current state, then every change.")
            .Argument<NonNullGraphType<IdGraphType>>("intentId")
            .RequireAuthenticated()
            .ResolveStreamAsync(async context => await StreamAsync(context, IntentKind.CreateCollection));

        roots.Subscription.Field<NonNullGraphType<MintStatusUpdateType>, IntentView>("onMintStatus")
            .Description("A MINT intent of yours: its current state, then every change.")
            .Argument<NonNullGraphType<IdGraphType>>("intentId")
            .RequireAuthenticated()
            .ResolveStreamAsync(async context => await StreamAsync(context, IntentKind.Mint));
    }

    private static async Task<IObservable<IntentView?>> StreamAsync(IResolveFieldContext context, IntentKind kind)
    {
        var userId = context.RequireUserId();
        var intentId = IntentIds.Parse(context.GetArgument<string>("intentId"), "intentId");
        var services = context.RequestServices ?? throw new InvalidOperationException("The GraphQL request has no service provider.");
        var stream = IntentUpdateStream.Listen(services.GetRequiredService<ISubscriptionBroker>(), intentId);
        try
        {
            var current = await services.GetRequiredService<ISender>().Send(new GetIntent(userId, intentId), context.CancellationToken);
            return current is not null && current.Kind == kind ? stream.Begin(current) : throw IntentErrors.NotFound("intentId");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
