using System.Globalization;
using Nethereum.Signer;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// An EIP-4361 message as a frontend writes it (the integration tests' <c>SiweClient</c> does the same), signed with
/// <c>personal_sign</c> by a wallet's key: the input of <c>verifySiwe</c>.
/// </summary>
internal sealed record SignedSiweMessage(string AccountId, string Message, string SignatureHex)
{
    /// <summary>Open for sign-in in Development (the frontend's default origin).</summary>
    public const string Domain = "localhost:3000";

    /// <summary>Anvil's chain, registered by the dev chain bootstrap.</summary>
    public const long ChainNumber = 31337;

    public static string ChainId { get; } = string.Create(CultureInfo.InvariantCulture, $"eip155:{ChainNumber}");

    /// <summary>The 65-byte signature <c>r ‖ s ‖ v</c>.</summary>
    public byte[] Signature => Convert.FromHexString(SignatureHex.AsSpan(2));

    public static string AccountIdOf(EthECKey key) =>
        string.Create(CultureInfo.InvariantCulture, $"{ChainId}:{key.GetPublicAddress().ToLowerInvariant()}");

    /// <summary>
    /// How long a message is valid. Frontends pick minutes; the bench signs its messages well before it sends them,
    /// and on a busy machine that can take a while. The server's work does not depend on it.
    /// </summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(30);

    /// <summary>A message carrying <paramref name="nonce"/>, valid for <see cref="ValidFor"/> from <paramref name="issuedAt"/>, signed by <paramref name="key"/>.</summary>
    public static SignedSiweMessage Create(EthECKey key, string nonce, DateTimeOffset issuedAt)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"""
            {Domain} wants you to sign in with your Ethereum account:
            {key.GetPublicAddress()}

            Sign in to the NFT marketplace.

            URI: https://{Domain}/login
            Version: 1
            Chain ID: {ChainNumber}
            Nonce: {nonce}
            Issued At: {issuedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}
            Expiration Time: {(issuedAt + ValidFor).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}
            """).ReplaceLineEndings("\n");
        return new SignedSiweMessage(AccountIdOf(key), message, new EthereumMessageSigner().EncodeUTF8AndSign(message, key));
    }
}
