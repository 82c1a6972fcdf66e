using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.GraphQL.Subscriptions;
using NftMarketplace.Modules.Catalog.Metadata.Refreshing;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.GraphQL;

/// <summary>
/// The catalog's reads (<c>collection</c>, <c>collections</c>, <c>token</c>, <c>tokensOf</c>), the admins' flags,
/// <c>refreshTokenMetadata</c> and <c>onCollectionActivity</c>. An unknown collection or token is <c>NOT_FOUND</c>, as <c>chain(id)</c> answers an
/// unknown chain; <c>first</c> above 100 and a cursor of another list are <c>BAD_USER_INPUT</c>.
/// </summary>
internal sealed class CatalogGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Query.Field<CollectionType>("collection")
            .Description("A collection by chain and address; NOT_FOUND when the catalog does not show it.")
            .Argument<NonNullGraphType<ChainIdGraphType>>("chainId")
            .Argument<NonNullGraphType<AddressGraphType>>("address")
            .Resolve(context =>
            {
                var (chainId, address) = (context.GetArgument<ChainId>("chainId"), context.GetArgument<Address>("address"));
                return context.Loader<CollectionsByKey>().Load(CatalogKeys.Collection(chainId.Value, address.Value))
                    .Then(row => (object?)row ?? throw new AppException(
                        ErrorCode.NotFound, $"Collection {address.ToChecksumString()} on '{chainId}' is not in the catalog.", "address"));
            });

        roots.Query.Field<NonNullGraphType<ConnectionGraphType<CollectionType>>>("collections")
            .Description("Collections, newest first; of one chain or one creator when asked.")
            .Argument<IntGraphType>(PageRequest.FirstArgument, "At most this many collections (100 at most).")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the collection the page starts after.")
            .Argument<ChainIdGraphType>("chainId")
            .Argument<AddressGraphType>("creator")
            .ResolveAsync(async context =>
            {
                var page = CatalogPages.From(context);
                var connection = await Service<CollectionQueries>(context).ListAsync(
                    context.GetArgument<ChainId?>("chainId")?.Value, context.GetArgument<Address?>("creator")?.Value, page, context.CancellationToken);
                return (object)connection;
            });

        roots.Query.Field<TokenType>("token")
            .Description("A token by chain, contract and id; NOT_FOUND when the catalog does not show it.")
            .Argument<NonNullGraphType<ChainIdGraphType>>("chainId")
            .Argument<NonNullGraphType<AddressGraphType>>("contract")
            .Argument<NonNullGraphType<BigIntegerGraphType>>("tokenId")
            .Resolve(context =>
            {
                var (chainId, contract) = (context.GetArgument<ChainId>("chainId"), context.GetArgument<Address>("contract"));
                var tokenId = context.GetArgument<System.Numerics.BigInteger>("tokenId").ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!CatalogKeys.IsTokenId(tokenId))
                {
                    throw new BadInputException("tokenId must be a uint256 (0 to 2^256 - 1).", "tokenId");
                }

                return context.Loader<TokensByKey>().Load(CatalogKeys.Token(chainId.Value, contract.Value, tokenId))
                    .Then(token => token ?? throw new AppException(
                        ErrorCode.NotFound, $"Token {tokenId} of {contract.ToChecksumString()} on '{chainId}' is not in the catalog.", "tokenId"));
            });

        roots.Query.Field<NonNullGraphType<ConnectionGraphType<TokenType>>>("tokensOf")
            .Description("Tokens an address holds (ERC721 owned, ERC1155 balance > 0).")
            .Argument<NonNullGraphType<AddressGraphType>>("owner")
            .Argument<ChainIdGraphType>("chainId")
            .Argument<IntGraphType>(PageRequest.FirstArgument, "At most this many tokens (100 at most).")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the token the page starts after.")
            .Argument<BooleanGraphType>("includeFlagged", a =>
            {
                a.Description = "Also list tokens flagged as spam or NSFW (hidden by default).";
                a.DefaultValue = false;
            })
            .ResolveAsync(async context => (object)await Service<TokenQueries>(context).TokensOfAsync(
                [context.GetArgument<Address>("owner").Value], context.GetArgument<ChainId?>("chainId")?.Value, context.GetArgument("includeFlagged", false),
                CatalogPages.From(context), context.CancellationToken));

        roots.Mutation.Field<NonNullGraphType<TokenType>>("setTokenFlags")
            .Description("Admin: marks a token as spam, NSFW or frozen, with a reason. Spam and NSFW tokens leave lists at once.")
            .Argument<NonNullGraphType<SetTokenFlagsInputType>>(GraphQLConventions.InputArgument)
            .RequireRole(Roles.Admin)
            .ResolveAsync(async context =>
            {
                var key = await context.SendAsync(context.GetInput<SetTokenFlags>() with { UpdatedBy = context.RequireUserId() });
                return await context.Loader<TokensByKey>().Load(key).GetResultAsync(context.CancellationToken);
            });

        roots.Mutation.Field<NonNullGraphType<TokenType>>("refreshTokenMetadata")
            .Description("Signed-in users: fetch the token's metadata again now. The first call succeeds; another for the same token within the cooldown (from the last accepted call) is RATE_LIMITED.")
            .Argument<NonNullGraphType<RefreshTokenMetadataInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<RefreshTokenMetadata>() with { UserId = context.RequireUserId() };
                await context.SendAsync(input);
                // The answer is the token as it is now; the fetch itself runs in the metadata worker.
                var key = CatalogKeys.Token(input.ChainId.Value, input.Contract.Value, input.TokenId.ToString(CultureInfo.InvariantCulture));
                return await context.Loader<TokensByKey>().Load(key).GetResultAsync(context.CancellationToken);
            });

        roots.Subscription.Field<NonNullGraphType<CollectionActivityUpdateType>, CollectionActivityUpdate>("onCollectionActivity")
            .Description("Every activity of a collection as it is indexed, and RETRACTED ones when a reorg removes them.")
            .Argument<NonNullGraphType<ChainIdGraphType>>("chainId")
            .Argument<NonNullGraphType<AddressGraphType>>("address")
            .ResolveStreamAsync(async context =>
            {
                var (chainId, address) = (context.GetArgument<ChainId>("chainId"), context.GetArgument<Address>("address"));
                // Listening starts before the check: nothing recorded in between is lost.
                var stream = Service<ISubscriptionBroker>(context).Subscribe<CollectionActivityUpdate>(CollectionActivityUpdate.Topic(chainId.Value, address.Value));
                return await Service<CollectionQueries>(context).ExistsAsync(chainId.Value, address.Value, context.CancellationToken)
                    ? stream!
                    : throw new AppException(ErrorCode.NotFound, $"Collection {address.ToChecksumString()} on '{chainId}' is not in the catalog.", "address");
            });
    }

    private static T Service<T>(IResolveFieldContext context)
        where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("The GraphQL request has no service provider.")).GetRequiredService<T>();
}
