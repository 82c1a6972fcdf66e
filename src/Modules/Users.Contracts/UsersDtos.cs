namespace NftMarketplace.Modules.Users.Contracts;

/// <summary>
/// A user as other modules see it; also the source object of the GraphQL <c>User</c> type, so modules that add fields
/// to it (wallets, sessions) read <see cref="Id"/> from here.
/// </summary>
public sealed record UserDto(Guid Id, string Status, DateTimeOffset CreatedAt)
{
    /// <summary>
    /// The name of the GraphQL object type whose source this is; other modules extend that type by this name
    /// (<c>GraphTypeExtension&lt;UserDto&gt;</c>).
    /// </summary>
    public const string GraphQLTypeName = "User";

    /// <summary>
    /// The lowercase address of the user's primary wallet as Wallets last announced it, or null until it has; eventually
    /// consistent with Wallets (which owns the primary flag).
    /// </summary>
    public string? PrimaryAddress { get; init; }
}

/// <summary>The values of <see cref="UserDto.Status"/>.</summary>
public static class UserStatuses
{
    /// <summary>A user who may sign in; every user starts here.</summary>
    public const string Active = "active";
}
