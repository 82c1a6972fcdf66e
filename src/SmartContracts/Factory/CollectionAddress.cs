using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace NftMarketplace.SmartContracts.Factory;

/// <summary>
/// The address <c>NftFactory.createCollection</c> deploys to, computed offline: what
/// <c>predictCollectionAddress</c> answers, without a call to the chain.
/// </summary>
public static class CollectionAddress
{
    // EIP-1167 creation code as OpenZeppelin's Clones emits it, around the implementation's address.
    private const string CloneCodePrefix = "3d602d80600a3d3981f3363d3d373d3d3d363d73";
    private const string CloneCodeSuffix = "5af43d82803e903d91602b57fd5bf3";

    /// <param name="factory">The factory's address.</param>
    /// <param name="implementation">The implementation the standard clones (<c>implementationOf(standard)</c>).</param>
    /// <param name="creator">Who sends <c>createCollection</c>.</param>
    /// <param name="salt">The creator's 32-byte salt.</param>
    /// <returns>The EIP-55 address.</returns>
    public static string Predict(string factory, string implementation, string creator, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        if (salt.Length != 32)
        {
            throw new ArgumentException($"A salt is 32 bytes, not {salt.Length}.", nameof(salt));
        }

        var code = CloneCodePrefix + implementation.RemoveHexPrefix().ToLowerInvariant() + CloneCodeSuffix;
        return ContractUtils.CalculateCreate2Address(factory, CreatorSalt(creator, salt).ToHex(), code);
    }

    /// <summary><c>keccak256(abi.encode(creator, salt))</c>: the salt the factory hands to CREATE2.</summary>
    public static byte[] CreatorSalt(string creator, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(salt);
        var encoded = new byte[64];
        var address = creator.HexToByteArray();
        address.CopyTo(encoded, 32 - address.Length);
        salt.CopyTo(encoded, 32);
        return Sha3Keccack.Current.CalculateHash(encoded);
    }
}
