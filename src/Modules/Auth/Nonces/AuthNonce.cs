namespace NftMarketplace.Modules.Auth.Nonces;

/// <summary>
/// A one-time sign-in nonce (table <c>auth_nonces</c>), issued for one account, chain and domain. Postgres is the
/// authority on whether it was used; Redis only holds a copy while it may be (<c>siwe:nonce:{nonce}</c>).
/// </summary>
internal sealed class AuthNonce
{
    public required string Nonce { get; init; }

    /// <summary>CAIP-10, lowercase address.</summary>
    public required string AccountId { get; init; }

    public required string Domain { get; init; }

    /// <summary>CAIP-2.</summary>
    public required string ChainId { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public bool Used { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>What the nonce was consumed for: <see cref="NoncePurposes"/>.</summary>
    public string? UsedFor { get; set; }
}

internal static class NoncePurposes
{
    public const string SignIn = "sign_in";
    public const string LinkWallet = "link_wallet";
}
