namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>
/// A signed-in session (table <c>sessions</c>). Only the SHA-256 of the current refresh token is stored; the
/// hashes it replaced are kept in <see cref="RotatedRefreshToken"/> so a replayed one is recognised.
/// </summary>
internal sealed class Session
{
    public Guid SessionId { get; init; }

    public Guid UserId { get; init; }

    public Guid? DeviceId { get; init; }

    /// <summary>The CAIP-10 account that signed in; unlinking its wallet ends the session (<see cref="SessionsEndOnWalletUnlinked"/>).</summary>
    public required string AccountId { get; init; }

    public required string RefreshHash { get; set; }

    /// <summary>Roles granted at sign-in (e.g. <c>admin</c>), carried by every access token of the session.</summary>
    public List<string> Roles { get; init; } = [];

    public string? Ip { get; init; }

    public string? Ua { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it ended: <see cref="RevocationReasons"/>.</summary>
    public string? RevokedReason { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

/// <summary>A refresh token that was rotated away; presenting it again means it leaked.</summary>
internal sealed class RotatedRefreshToken
{
    public required string RefreshHash { get; init; }

    public Guid SessionId { get; init; }

    public DateTimeOffset RotatedAt { get; init; }
}

internal static class RevocationReasons
{
    public const string SignedOut = "signed_out";
    public const string SignedOutEverywhere = "signed_out_everywhere";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string WalletUnlinked = "wallet_unlinked";
}
