using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Wallets.GraphQL;

/// <summary>
/// <c>Wallet</c>. Anyone may see a user's wallets (addresses are public on chain anyway); how the owner uses them
/// (<c>connector</c>, <c>label</c>, <c>lastSeenAt</c>) only the owner sees, others get null.
/// </summary>
internal sealed class WalletType : ObjectGraphType<WalletDto>
{
    public const string TypeName = WalletDto.GraphQLTypeName;

    public WalletType()
    {
        Name = TypeName;
        Description = "An account linked to a user.";
        this.IsNode(w => w.Id);
        Field<NonNullGraphType<StringGraphType>>("accountId").Description("CAIP-10 account id, e.g. eip155:1:0xab….").Resolve(c => c.Source.AccountId);
        Field<NonNullGraphType<AddressGraphType>>("address").Resolve(c => Address.Parse(c.Source.Address));
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Description("CAIP-2 id of the chain it was linked on.").Resolve(c => ChainId.Parse(c.Source.ChainId));
        Field<NonNullGraphType<StringGraphType>>("type")
            .Description("How it proves itself: 'eoa' (a key), 'contract' (EIP-1271) or 'counterfactual' (EIP-6492).")
            .Resolve(c => c.Source.Type);
        Field<StringGraphType>("connector").Description("The wallet software it connected with (owner only).").Resolve(c => OwnerOnly(c, c.Source.Connector));
        Field<NonNullGraphType<BooleanGraphType>>("isPrimary").Description("The user's main wallet; exactly one is.").Resolve(c => c.Source.IsPrimary);
        Field<StringGraphType>("label").Description("The owner's name for it (owner only).").Resolve(c => OwnerOnly(c, c.Source.Label));
        Field<UtcDateTimeGraphType>("verifiedAt").Description("When it last proved itself by signing.").Resolve(c => c.Source.VerifiedAt);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When it was linked.").Resolve(c => c.Source.CreatedAt);
        Field<UtcDateTimeGraphType>("lastSeenAt").Description("The last sign-in with it (owner only).").Resolve(c => OwnerOnly(c, c.Source.LastSeenAt));
    }

    private static T? OwnerOnly<T>(IResolveFieldContext<WalletDto> context, T? value) =>
        context.CurrentUserId() == context.Source.UserId ? value : default;
}

/// <summary><c>User.wallets</c>, batched: the wallets of every user in one response cost one query.</summary>
internal sealed class UserWalletsExtension() : GraphTypeExtension<UserDto>(UserDto.GraphQLTypeName)
{
    protected override void Extend(ObjectGraphType<UserDto> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WalletType>>>>("wallets")
            .Description("The user's wallets, the primary one first, then by link time.")
            .Resolve(context => context.Loader<WalletsByUser>().Load(context.Source.Id));
}

internal sealed class SetPrimaryWalletInputType : InputObjectGraphType<SetPrimaryWalletInput>
{
    public SetPrimaryWalletInputType()
    {
        Name = "SetPrimaryWalletInput";
        Field<NonNullGraphType<IdGraphType>>("walletId").Description("The id of one of your wallets.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new SetPrimaryWalletInput(Convert.ToString(value["walletId"], System.Globalization.CultureInfo.InvariantCulture)!);
    }
}

internal sealed class UnlinkWalletInputType : InputObjectGraphType<UnlinkWalletInput>
{
    public UnlinkWalletInputType()
    {
        Name = "UnlinkWalletInput";
        Field<NonNullGraphType<IdGraphType>>("walletId").Description("The id of one of your wallets, not your only one.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new UnlinkWalletInput(Convert.ToString(value["walletId"], System.Globalization.CultureInfo.InvariantCulture)!);
    }
}

internal sealed record SetPrimaryWalletInput(string WalletId);

internal sealed record UnlinkWalletInput(string WalletId);
