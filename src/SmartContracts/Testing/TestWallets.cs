using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Testing;

// Test-only contracts (contracts/testing/): contract wallets for signature-verification tests. Nothing in the
// product deploys them.

/// <summary>Test only: deploys an <c>OwnedWallet</c>, valid for ERC-1271 signatures by <see cref="Owner"/>.</summary>
public sealed class OwnedWalletDeployment() : ContractDeploymentMessage(ContractArtifact.OwnedWallet.Bytecode)
{
    [Parameter("address", "owner_", 1)]
    public string Owner { get; set; } = "";
}

/// <summary>Test only: deploys an <c>OwnedWalletFactory</c>.</summary>
public sealed class OwnedWalletFactoryDeployment() : ContractDeploymentMessage(ContractArtifact.OwnedWalletFactory.Bytecode);

/// <summary>Test only: <c>OwnedWalletFactory.deploy</c>, which CREATE2-deploys the owner's wallet for the salt.</summary>
[Function("deploy", "address")]
public sealed class DeployOwnedWalletFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = "";

    [Parameter("bytes32", "salt", 2)]
    public byte[] Salt { get; set; } = new byte[32];
}

/// <summary>Test only: <c>OwnedWalletFactory.predict</c>, the address <see cref="DeployOwnedWalletFunction"/> deploys to.</summary>
[Function("predict", "address")]
public sealed class PredictOwnedWalletFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = "";

    [Parameter("bytes32", "salt", 2)]
    public byte[] Salt { get; set; } = new byte[32];
}

/// <summary>Test only: deploys a <c>WrongMagicWallet</c> (answers 0x1626ba7e followed by a non-zero tail).</summary>
public sealed class WrongMagicWalletDeployment() : ContractDeploymentMessage(ContractArtifact.WrongMagicWallet.Bytecode);

/// <summary>Test only: deploys a <c>RevertingWallet</c> (its <c>isValidSignature</c> always reverts).</summary>
public sealed class RevertingWalletDeployment() : ContractDeploymentMessage(ContractArtifact.RevertingWallet.Bytecode);
