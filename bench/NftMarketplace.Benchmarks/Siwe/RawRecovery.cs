using NBitcoin.Secp256k1;
using NftMarketplace.Modules.Auth.Signatures;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// The floor of any EIP-191 verification: secp256k1 public key recovery with NBitcoin.Secp256k1 from a digest that is
/// already known and a compact signature. No message hashing, no s-range check, no address derivation.
/// </summary>
internal sealed class RawRecovery
{
    private readonly byte[] _hash;
    private readonly byte[] _compact;
    private readonly int _recoveryId;

    private RawRecovery(byte[] hash, byte[] signature)
    {
        _hash = hash;
        _compact = signature[..64];
        _recoveryId = signature[64] - 27;
    }

    /// <summary>Precomputes the digest of <paramref name="signed"/>, so recovery alone is left to time.</summary>
    public static RawRecovery Of(SignedSiweMessage signed) => new(Eip191.Hash(signed.Message), signed.Signature);

    /// <returns>The signer's public key, or null for a signature that recovers none.</returns>
    public ECPubKey? Recover() =>
        SecpRecoverableECDSASignature.TryCreateFromCompact(_compact, _recoveryId, out var signature)
        && signature is not null
        && ECPubKey.TryRecover(Context.Instance, signature, _hash, out var key)
            ? key
            : null;

    /// <exception cref="InvalidOperationException">The signature recovers no key: the bench's own input is broken.</exception>
    public ECPubKey RecoverOrThrow() =>
        Recover() ?? throw new InvalidOperationException("A benchmark signature recovers no public key.");
}
