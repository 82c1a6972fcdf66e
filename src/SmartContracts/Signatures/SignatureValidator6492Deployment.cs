using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Signatures;

/// <summary>
/// <c>SignatureValidator6492</c>'s creation code and arguments: the data of an <c>eth_call</c> without <c>to</c>, which
/// returns <see cref="SignatureValidator6492.Valid"/> or <see cref="SignatureValidator6492.Invalid"/>. Never sent as
/// a transaction.
/// </summary>
public sealed class SignatureValidator6492Deployment() : ContractDeploymentMessage(ContractArtifact.SignatureValidator6492.Bytecode)
{
    [Parameter("address", "signer", 1)]
    public string Signer { get; set; } = "";

    /// <summary>The 32-byte digest that was signed.</summary>
    [Parameter("bytes32", "hash", 2)]
    public byte[] Hash { get; set; } = new byte[32];

    /// <summary>An ERC-6492 wrapper, an ERC-1271 signature or a 65-byte <c>r ‖ s ‖ v</c>.</summary>
    [Parameter("bytes", "signature", 3)]
    public byte[] Signature { get; set; } = [];
}
