using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Catalog.Reading;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Catalog.GraphQL;

/// <summary><c>User.tokens</c> (so <c>me { tokens }</c> for the signed-in user): what the user's wallets hold, as <c>tokensOf</c> lists it.</summary>
internal sealed class UserTokensExtension() : GraphTypeExtension<UserDto>(UserDto.GraphQLTypeName)
{
    protected override void Extend(ObjectGraphType<UserDto> type) =>
        type.Field<NonNullGraphType<ConnectionGraphType<TokenType>>>("tokens")
            .Description("Tokens any of the user's wallets holds, by chain, contract and id.")
            .Argument<ChainIdGraphType>("chainId")
            .Argument<IntGraphType>(PageRequest.FirstArgument, "At most this many tokens (100 at most).")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the token the page starts after.")
            .Argument<BooleanGraphType>("includeFlagged", a =>
            {
                a.Description = "Also list tokens flagged as spam or NSFW (hidden by default).";
                a.DefaultValue = false;
            })
            .ResolveAsync(async context =>
            {
                var page = CatalogPages.From(context);
                var wallets = await context.SendAsync(new GetUserWallets(context.Source.Id));
                return (object)await context.RequestServices!.GetRequiredService<TokenQueries>().TokensOfAsync(
                    [.. wallets.Select(w => w.Address).Distinct(StringComparer.Ordinal)], context.GetArgument<NftMarketplace.BuildingBlocks.Ethereum.ChainId?>("chainId")?.Value,
                    context.GetArgument("includeFlagged", false), page, context.CancellationToken);
            });
}
