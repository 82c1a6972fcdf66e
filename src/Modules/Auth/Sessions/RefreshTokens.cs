using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>
/// Opaque refresh tokens: 256 random bits, handed out once and stored only as their SHA-256. A fast hash is enough:
/// unlike a password the token has full entropy, so there is nothing to guess from a leaked hash.
/// </summary>
internal static class RefreshTokens
{
    private const int TokenBytes = 32;

    /// <summary>The longest text worth hashing: a token is 43 characters, anything much longer is not one.</summary>
    private const int MaxTokenLength = 128;

    public static string Create() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>The stored form of <paramref name="token"/>: lowercase hex SHA-256, or null for text that is no token.</summary>
    public static string? Hash(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > MaxTokenLength
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
