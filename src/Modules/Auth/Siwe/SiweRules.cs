using NftMarketplace.BuildingBlocks.Errors;
using System.Globalization;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// The checks a relying party makes on a parsed SIWE message before trusting it (EIP-4361, "Verifying a signed
/// Message"): it is for us, carries our nonce and is valid now. Pure: no clock, no storage, no signature; the
/// signature is checked over <see cref="SiweMessage.ToString"/> with <c>Eip191</c>, and nonce consumption is the caller's.
/// </summary>
internal static class SiweRules
{
    /// <returns>Null when the message meets every expectation, else the first one it fails.</returns>
    /// <exception cref="ArgumentException"><paramref name="expected"/> has an invalid domain or a negative skew.</exception>
    public static SiweFailure? Check(SiweMessage message, SiweExpectations expected)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(expected);
        if (!Rfc3986.IsAuthority(expected.Domain, requireHost: true, out _))
        {
            throw new ArgumentException($"'{expected.Domain}' is not an RFC 3986 authority such as example.com", nameof(expected));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(expected.ClockSkew, TimeSpan.Zero, nameof(expected));

        return CheckOrigin(message, expected)
            ?? CheckNonce(message, expected)
            ?? CheckTimes(message, expected);
    }

    /// <summary>
    /// Same authority: host case-insensitive (DNS names are), user info and port exactly.
    /// Both sides must be valid authorities.
    /// </summary>
    internal static bool SameAuthority(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (!Rfc3986.IsAuthority(left, requireHost: false, out var leftHost)
            || !Rfc3986.IsAuthority(right, requireHost: false, out var rightHost))
        {
            return false;
        }

        return left[..leftHost.Start].SequenceEqual(right[..rightHost.Start])
            && left[leftHost].Equals(right[rightHost], StringComparison.OrdinalIgnoreCase)
            && left[leftHost.End..].SequenceEqual(right[rightHost.End..]);
    }

    private static SiweFailure? CheckOrigin(SiweMessage message, SiweExpectations expected)
    {
        if (!SameAuthority(message.Domain, expected.Domain))
        {
            return new SiweFailure(
                SiweFailureReason.DomainMismatch,
                $"The message is for {InputEcho.Quote(message.Domain)}, not {InputEcho.Quote(expected.Domain)}");
        }

        if (message.Scheme is { } scheme && expected.Scheme is { } expectedScheme
            && !string.Equals(scheme, expectedScheme, StringComparison.OrdinalIgnoreCase))
        {
            return new SiweFailure(
                SiweFailureReason.SchemeMismatch,
                $"The message is for scheme {InputEcho.Quote(scheme)}, not {InputEcho.Quote(expectedScheme)}");
        }

        if (expected.RequireUriOfDomain
            && (!Rfc3986.IsUri(message.Uri, out var authority)
                || authority is not { } range
                || !SameAuthority(message.Uri.AsSpan()[range], expected.Domain)))
        {
            return new SiweFailure(
                SiweFailureReason.UriNotOfDomain,
                $"The message's URI {InputEcho.Quote(message.Uri)} is not on {InputEcho.Quote(expected.Domain)}");
        }

        return null;
    }

    private static SiweFailure? CheckNonce(SiweMessage message, SiweExpectations expected) =>
        expected.Nonce is { } nonce && !string.Equals(message.Nonce, nonce, StringComparison.Ordinal)
            ? new SiweFailure(SiweFailureReason.NonceMismatch, "The message's nonce is not the one issued for this sign-in")
            : null;

    private static SiweFailure? CheckTimes(SiweMessage message, SiweExpectations expected)
    {
        var now = expected.Now;
        var skew = expected.ClockSkew.Ticks;
        if (expected.RejectIssuedInFuture && TicksAfter(message.IssuedAt.Value, now) > skew)
        {
            return new SiweFailure(
                SiweFailureReason.IssuedInFuture,
                $"The message was issued at {message.IssuedAt.Text}, later than now ({Format(now)}) by more than the allowed clock skew");
        }

        // Expiration time is exclusive, as in the reference implementations: at that instant the message is dead.
        if (message.ExpirationTime is { } expiration && TicksAfter(now, expiration.Value) >= skew)
        {
            return new SiweFailure(SiweFailureReason.Expired, $"The message expired at {expiration.Text}");
        }

        if (message.NotBefore is { } notBefore && TicksAfter(notBefore.Value, now) > skew)
        {
            return new SiweFailure(SiweFailureReason.NotYetValid, $"The message is not valid before {notBefore.Text}");
        }

        return null;
    }

    // Compared as tick differences: adding the skew to a date from the message could overflow near year 1 or 9999.
    private static long TicksAfter(DateTimeOffset later, DateTimeOffset earlier) => later.UtcTicks - earlier.UtcTicks;

    private static string Format(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
