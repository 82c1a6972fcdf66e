using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Signatures;

/// <summary>
/// ERC-1271 <c>isValidSignature(bytes32 hash, bytes signature) returns (bytes4)</c>: a contract wallet's answer to
/// "is this your signature?". Valid only when the call returns exactly <see cref="MagicWord"/>.
/// </summary>
[Function("isValidSignature", "bytes4")]
public sealed class IsValidSignatureFunction : FunctionMessage
{
    /// <summary>The function's selector, which a wallet returns for a valid signature.</summary>
    public const uint MagicValue = 0x1626ba7e;

    [Parameter("bytes32", "hash", 1)]
    public byte[] Hash { get; set; } = new byte[32];

    [Parameter("bytes", "signature", 2)]
    public byte[] Signature { get; set; } = [];

    /// <summary>
    /// <see cref="MagicValue"/> as the ABI returns a <c>bytes4</c>: left-aligned in a 32-byte word, then 28 zero bytes.
    /// </summary>
    public static ReadOnlySpan<byte> MagicWord =>
    [
        0x16, 0x26, 0xba, 0x7e, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
