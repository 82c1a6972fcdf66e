namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>What the relying party expects of a SIWE message, checked by <see cref="SiweRules.Check"/>.</summary>
internal sealed record SiweExpectations
{
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The authority the sign-in must be for, e.g. <c>app.example.com</c> or <c>localhost:3000</c>: the origin
    /// the wallet saw, so a message signed for a phishing site is refused. Host compared case-insensitively,
    /// user info and port exactly (a missing port is not the scheme's default port).
    /// </summary>
    public required string Domain { get; init; }

    /// <summary>When set, a message that names a scheme (<c>https://example.com wants you…</c>) must name this one.</summary>
    public string? Scheme { get; init; }

    /// <summary>The nonce this server issued for the sign-in, when known; compared exactly.</summary>
    public string? Nonce { get; init; }

    /// <summary>The time to judge the message at.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>
    /// Tolerated disagreement between the wallet's clock and ours, applied in the message's favour to
    /// issued-at, expiration-time and not-before.
    /// </summary>
    public TimeSpan ClockSkew { get; init; } = DefaultClockSkew;

    /// <summary>
    /// Refuse a message whose <c>Issued At</c> is later than <see cref="Now"/> plus <see cref="ClockSkew"/>.
    /// EIP-4361 does not demand it, but such a message was pre-dated by a client, not created for this sign-in.
    /// </summary>
    public bool RejectIssuedInFuture { get; init; } = true;

    /// <summary>
    /// Require the authority of the message's <c>URI</c> to be <see cref="Domain"/> too. EIP-4361 leaves the URI
    /// free (its vectors sign <c>https://tally.xyz</c> for <c>www.tally.xyz</c>); this product's own messages
    /// always point at its own origin, so anything else was not made for it.
    /// </summary>
    public bool RequireUriOfDomain { get; init; } = true;
}
