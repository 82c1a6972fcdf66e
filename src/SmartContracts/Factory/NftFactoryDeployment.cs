using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Factory;

/// <summary>Deploys <c>NftFactory</c> over already deployed implementations (<c>Collection721Deployment</c>, <c>Collection1155Deployment</c>).</summary>
public sealed class NftFactoryDeployment() : ContractDeploymentMessage(ContractArtifact.NftFactory.Bytecode)
{
    [Parameter("address", "implementation721_", 1)]
    public string Implementation721 { get; set; } = "";

    [Parameter("address", "implementation1155_", 2)]
    public string Implementation1155 { get; set; } = "";
}
