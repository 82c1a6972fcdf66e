namespace NftMarketplace.Modules.Wallets.Contracts;

/// <summary>
/// A linked wallet; <see cref="AccountId"/> is CAIP-10, <see cref="Address"/> lowercase, <see cref="ChainId"/> CAIP-2.
/// Also the source object of the GraphQL <c>Wallet</c> type, which other modules' fields may return by name
/// (<see cref="GraphQLTypeName"/>).
/// </summary>
public sealed record WalletDto(
    Guid Id,
    Guid UserId,
    string AccountId,
    string Address,
    string ChainId,
    string Type,
    string? Connector,
    bool IsPrimary,
    string? Label,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSeenAt)
{
    /// <summary>The name of the GraphQL object type whose source this is, for a <c>GraphQLTypeReference</c>.</summary>
    public const string GraphQLTypeName = "Wallet";
}

/// <summary>
/// An operator's approval over a wallet's tokens of one contract on a chain: <see cref="Contract"/> and
/// <see cref="Operator"/> lowercase, <see cref="ApprovedAt"/> when last granted, <see cref="RevokedAt"/> when revoked
/// since, <see cref="TxHash"/> and <see cref="UpdatedAt"/> (block time) of the transaction that set the current state.
/// </summary>
public sealed record WalletApprovalDto(
    Guid WalletId,
    string ChainId,
    string Contract,
    string Operator,
    string Standard,
    bool Approved,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? RevokedAt,
    string TxHash,
    DateTimeOffset UpdatedAt);
