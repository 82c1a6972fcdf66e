using System.Globalization;
using System.Text;
using NBitcoin.Secp256k1;
using Nethereum.Util;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.Modules.Auth.Signatures;

/// <summary>
/// EIP-191 version 0x45, what wallets sign for <c>personal_sign</c>: keccak256 of
/// <c>"\x19Ethereum Signed Message:\n" + byte length + message</c>, and recovery of the signer from a 65-byte signature.
/// </summary>
internal static class Eip191
{
    public const int SignatureLength = 65;

    private const string Prefix = "\u0019Ethereum Signed Message:\n";

    /// <summary>The digest a wallet signs for <paramref name="message"/> (UTF-8).</summary>
    public static byte[] Hash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Encoding.UTF8.GetBytes(message);
        var prefix = Encoding.ASCII.GetBytes(Prefix + body.Length.ToString(CultureInfo.InvariantCulture));
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data, prefix.Length);
        return Sha3Keccack.Current.CalculateHash(data);
    }

    /// <summary>
    /// The address whose key produced <paramref name="signature"/> (<c>r ‖ s ‖ v</c>, v 27/28 or 0/1) over
    /// <paramref name="hash"/>. False for a signature of the wrong length, an invalid point, or a high <c>s</c>:
    /// wallets produce low-s signatures (EIP-2), and refusing the other half keeps one signature per message.
    /// </summary>
    public static bool TryRecover(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature, out Address signer)
    {
        signer = Address.Zero;
        if (hash.Length != 32 || signature.Length != SignatureLength)
        {
            return false;
        }

        var v = signature[64];
        var recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId is < 0 or > 1
            || !SecpRecoverableECDSASignature.TryCreateFromCompact(signature[..64], recoveryId, out var recoverable)
            || recoverable is null)
        {
            return false;
        }

        var (_, s, _) = recoverable;
        if (s.IsHigh || !ECPubKey.TryRecover(Context.Instance, recoverable, hash, out var publicKey) || publicKey is null)
        {
            return false;
        }

        Span<byte> uncompressed = stackalloc byte[65];
        publicKey.WriteToSpan(compressed: false, uncompressed, out _);
        // The address is the last 20 bytes of keccak256 of the 64-byte point (without the 0x04 tag).
        var digest = Sha3Keccack.Current.CalculateHash(uncompressed[1..].ToArray());
        signer = Address.FromBytes(digest.AsSpan(12));
        return true;
    }

    /// <summary>Recovers the signer of <paramref name="message"/> (see <see cref="TryRecover"/>).</summary>
    public static bool TryRecover(string message, ReadOnlySpan<byte> signature, out Address signer) =>
        TryRecover(Hash(message), signature, out signer);
}
