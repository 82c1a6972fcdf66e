namespace NftMarketplace.Modules.Users.Domain;

/// <summary>A user of the marketplace (table <c>users.users</c>).</summary>
internal sealed class User
{
    public Guid Id { get; set; }

    /// <summary>One of <c>UserStatuses</c>.</summary>
    public required string Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The CAIP-10 account of the first sign-in, which created the user; a record only, never a way to find the user: the
    /// account may be unlinked later, and then signs up again as a new user (the same account on several users).
    /// </summary>
    public required string SignupAccountId { get; set; }

    /// <summary>Lowercase address of the primary wallet, copied from Wallets' events.</summary>
    public string? PrimaryAddress { get; set; }

    /// <summary>When the event that set <see cref="PrimaryAddress"/> happened: an older event arriving late loses.</summary>
    public DateTimeOffset? PrimaryAddressChangedAt { get; set; }

    public Profile? Profile { get; set; }
}
