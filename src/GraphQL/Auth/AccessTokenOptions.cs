using System.Globalization;
using System.Security.Cryptography;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// How access tokens are checked (configuration section <c>Auth:AccessTokens</c>). The Auth module signs them with
/// the private half of one of <see cref="SigningKeys"/>; listing several lets a new key be rolled out before the old
/// one stops being accepted.
/// </summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Auth:AccessTokens";

    /// <summary>The only clock skew tolerated: tokens live 15 minutes, so more would stretch them noticeably.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The <c>iss</c> every token must carry.</summary>
    public string Issuer { get; set; } = "nftmarketplace";

    /// <summary>The <c>aud</c> every token must carry.</summary>
    public string Audience { get; set; } = "nftmarketplace";

    /// <summary>
    /// PEM <c>PUBLIC KEY</c>s of EC P-256 keys (ES256). None configured means every token is refused: the Host runs,
    /// but nobody can sign in until the Auth module's key is configured.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Tolerated difference between the issuer's clock and ours, at most <see cref="MaxClockSkew"/>.</summary>
    public TimeSpan ClockSkew { get; set; } = MaxClockSkew;

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return $"{Section}:{nameof(Issuer)} must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{Section}:{nameof(Audience)} must not be empty.";
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > MaxClockSkew)
        {
            yield return $"{Section}:{nameof(ClockSkew)} must be between 00:00:00 and {MaxClockSkew:c} (got {ClockSkew:c}).";
        }

        for (var i = 0; i < SigningKeys.Count; i++)
        {
            if (SigningKeyPem.Problem(SigningKeys[i]) is { } problem)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{Section}:{nameof(SigningKeys)}:{i} {problem}");
            }
        }
    }
}

/// <summary>Reads the verification keys of <see cref="AccessTokenOptions.SigningKeys"/>.</summary>
internal static class SigningKeyPem
{
    private const string PublicKeyLabel = "PUBLIC KEY";

    // secp256r1 / prime256v1, the curve of ES256.
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Why <paramref name="pem"/> is not a usable ES256 verification key, or null when it is.</summary>
    public static string? Problem(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return "is empty; give a PEM 'PUBLIC KEY'.";
        }

        if (!PemEncoding.TryFind(pem, out var fields))
        {
            return "is not PEM; give a '-----BEGIN PUBLIC KEY-----' block.";
        }

        var label = pem.AsSpan()[fields.Label];
        if (!label.SequenceEqual(PublicKeyLabel))
        {
            // A private key here would spread the signing secret to every Host that only needs to verify.
            return $"is a PEM '{label}'; give the PEM 'PUBLIC KEY' (never the private key).";
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportFromPem(pem);
            return key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value == P256Oid
                ? null
                : "is not an EC P-256 key (ES256).";
        }
        catch (CryptographicException)
        {
            return "is not an EC P-256 key (ES256).";
        }
        catch (ArgumentException)
        {
            return "is not an EC P-256 key (ES256).";
        }
    }

    /// <summary>The key of an already validated PEM.</summary>
    public static ECDsa Read(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }
}
