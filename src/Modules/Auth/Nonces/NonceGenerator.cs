using System.Security.Cryptography;

namespace NftMarketplace.Modules.Auth.Nonces;

/// <summary>Sign-in nonces: 22 alphanumeric characters from a CSPRNG, ≈131 bits (EIP-4361 asks for at least 64).</summary>
internal static class NonceGenerator
{
    public const int Length = 22;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Next() => RandomNumberGenerator.GetString(Alphabet, Length);
}
