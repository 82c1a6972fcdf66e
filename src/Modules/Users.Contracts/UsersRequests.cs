using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.Modules.Users.Contracts;

/// <summary>
/// Creates user <see cref="UserId"/> with an empty profile (publishing <see cref="UserCreated"/>) unless it exists:
/// idempotent under concurrency, so the parallel first sign-ins that Wallets' <c>LinkSignInAccount</c> gave one new
/// user id create one user. Which user an account signs in as is Wallets' to decide, from live links only;
/// <see cref="AccountId"/> is recorded as the account that signed up, never used to find the user again.
/// </summary>
public sealed record EnsureUser(Guid UserId, AccountId AccountId) : ICommand<EnsureUserResult>;

/// <param name="UserId">The user of the account.</param>
/// <param name="Created">True only for the call that created the user.</param>
public sealed record EnsureUserResult(Guid UserId, bool Created);

/// <summary>A user by id, or null.</summary>
public sealed record GetUser(Guid UserId) : IQuery<UserDto?>;
