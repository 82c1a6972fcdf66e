namespace NftMarketplace.Modules.Wallets.Domain;

/// <summary>An account linked to a user (table <c>wallets.wallets</c>).</summary>
internal sealed class Wallet
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>CAIP-10, canonical (lowercase address); unique: an account belongs to one user.</summary>
    public required string AccountId { get; set; }

    /// <summary>Lowercase <c>0x</c> form.</summary>
    public required string Address { get; set; }

    /// <summary>CAIP-2.</summary>
    public required string ChainId { get; set; }

    /// <summary>One of <c>WalletTypes</c>.</summary>
    public required string Type { get; set; }

    /// <summary>The client's wallet software (e.g. <c>metamask</c>), if it said.</summary>
    public string? Connector { get; set; }

    /// <summary>Exactly one wallet of each user is primary (a partial unique index guards it).</summary>
    public bool IsPrimary { get; set; }

    public string? Label { get; set; }

    /// <summary>When the account last proved itself by signing.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The last sign-in with this account; only moves forward.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}
