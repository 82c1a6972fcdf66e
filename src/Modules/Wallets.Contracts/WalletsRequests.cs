using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Wallets.Contracts;

/// <summary>
/// Links an account to a user (<c>INSERT … ON CONFLICT DO NOTHING</c>): linking an account already linked to the same
/// user changes nothing; one linked to another user is a <c>CONFLICT</c>. A user has exactly one primary wallet: the
/// first one linked is primary whatever <see cref="IsPrimary"/> says, and <see cref="IsPrimary"/> on a later link moves
/// the primary flag to it. A new link publishes <c>wallet.linked</c>.
/// </summary>
/// <param name="Type">How the account proved itself: <see cref="WalletTypes"/>.</param>
public sealed record UpsertLink(Guid UserId, AccountId AccountId, bool IsPrimary, string Type, string? Connector = null)
    : ICommand<UpsertLinkResult>;

/// <param name="Linked">True when this call created the link.</param>
public sealed record UpsertLinkResult(Guid WalletId, bool Linked, bool IsPrimary);

/// <summary>
/// The user an account signs in as, decided through its live links only, one sign-in of an address at a time: the
/// user it is linked to (an EOA linked on another chain is linked here too), else <see cref="NewUserId"/>, to which the
/// account is linked as its first, primary wallet. A key that was unlinked therefore never finds its old user again,
/// and parallel first sign-ins of one account agree on one new user. The caller then creates that user (Users'
/// <c>EnsureUser</c>) when <see cref="SignInLink.NewUser"/> says so or it may not exist yet.
/// </summary>
public sealed record LinkSignInAccount(AccountId AccountId, string Type, Guid NewUserId) : ICommand<SignInLink>;

/// <param name="UserId">The user the account signs in as.</param>
/// <param name="WalletId">The account's link.</param>
/// <param name="NewUser">True when the account was linked to <see cref="LinkSignInAccount.NewUserId"/>.</param>
public sealed record SignInLink(Guid UserId, Guid WalletId, bool NewUser);

/// <summary>
/// The user an account is linked to, or null: the exact CAIP-10 account first, then (for externally owned accounts,
/// whose key is the same on every chain) the same address on any chain.
/// </summary>
public sealed record FindWalletOwner(AccountId AccountId) : IQuery<Guid?>;

/// <summary>A user's wallets, primary first, then by link time.</summary>
public sealed record GetUserWallets(Guid UserId) : IQuery<IReadOnlyList<WalletDto>>;

/// <summary>The values of <see cref="UpsertLink.Type"/> and <see cref="WalletDto.Type"/>.</summary>
public static class WalletTypes
{
    /// <summary>An externally owned account: EIP-191 signature recovery.</summary>
    public const string Eoa = "eoa";

    /// <summary>A deployed contract wallet: EIP-1271 <c>isValidSignature</c>.</summary>
    public const string Contract = "contract";

    /// <summary>A contract wallet not deployed yet when it signed (EIP-6492).</summary>
    public const string Counterfactual = "counterfactual";
}

/// <summary>
/// A wallet's current operator approvals on a chain (revoked ones included, with <see cref="WalletApprovalDto.Approved"/>
/// false), by contract and operator, as the indexer's approval events set them. Served from Redis (<c>wallet:approvals:cache:{walletId}:{chainId}</c>), invalidated by every
/// change; read from Postgres when Redis is down.
/// </summary>
public sealed record GetWalletApprovals(Guid WalletId, ChainId ChainId) : IQuery<IReadOnlyList<WalletApprovalDto>>;

/// <summary>The values of <see cref="WalletApprovalDto.Standard"/>.</summary>
public static class ApprovalStandards
{
    public const string Erc721 = "erc721";

    public const string Erc1155 = "erc1155";
}
