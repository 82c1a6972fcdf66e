using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Wallets.Links;

namespace NftMarketplace.Modules.Wallets.GraphQL;

/// <summary>
/// The signed-in caller's wallet mutations, <c>setPrimaryWallet</c> and <c>unlinkWallet</c>. Linking a wallet needs a
/// signature, so <c>linkWallet</c> belongs to Auth (which calls <c>UpsertLink</c>).
/// </summary>
internal sealed class WalletsGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WalletType>>>>("setPrimaryWallet")
            .Description("Makes one of your wallets the primary one; returns your wallets after the change, primary first.")
            .Argument<NonNullGraphType<SetPrimaryWalletInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<SetPrimaryWalletInput>();
                return await context.SendAsync(new SetPrimaryWallet(context.RequireUserId(), WalletIds.Parse(input.WalletId)));
            });

        roots.Mutation.Field<NonNullGraphType<BooleanGraphType>>("unlinkWallet")
            .Description("Unlinks one of your wallets (never your only one); if it was primary, your oldest remaining wallet becomes primary.")
            .Argument<NonNullGraphType<UnlinkWalletInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<UnlinkWalletInput>();
                await context.SendAsync(new UnlinkWallet(context.RequireUserId(), WalletIds.Parse(input.WalletId)));
                return true;
            });
    }
}

/// <summary>Wallet ids as clients send them: the global ids of <c>Wallet</c> nodes.</summary>
internal static class WalletIds
{
    public const string Field = "input.walletId";

    /// <summary>
    /// The wallet's local id. Text this server never issued is bad input; the id of something that is no wallet reads as
    /// a wallet that does not exist (<see cref="Guid.Empty"/>, which no wallet has), so the handler answers NOT_FOUND.
    /// </summary>
    public static Guid Parse(string id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var localId))
        {
            throw new BadInputException("'walletId' is not an id this server issued.", Field);
        }

        return typeName == WalletType.TypeName && Guid.TryParse(localId, out var walletId) ? walletId : Guid.Empty;
    }
}
