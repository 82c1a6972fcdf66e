using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Users.Contracts;

/// <summary>
/// The user an account signs in as, created with an empty profile the first time (publishing <see cref="UserCreated"/>).
/// Idempotent under concurrency: any number of parallel first sign-ins of one account yield one user.
/// The caller resolves accounts already linked to a user (Wallets' <c>FindWalletOwner</c>) before asking.
/// </summary>
public sealed record EnsureUser(AccountId AccountId) : ICommand<EnsureUserResult>;

/// <param name="UserId">The user of the account.</param>
/// <param name="Created">True only for the call that created the user.</param>
public sealed record EnsureUserResult(Guid UserId, bool Created);

/// <summary>A user by id, or null.</summary>
public sealed record GetUser(Guid UserId) : IQuery<UserDto?>;
