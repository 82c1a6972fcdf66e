using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Collections1155;

/// <summary>
/// Deploys the ERC-1155 implementation the factory clones. It cannot be initialized itself: collections exist only
/// as clones.
/// </summary>
public sealed class Collection1155Deployment() : ContractDeploymentMessage(ContractArtifact.Collection1155.Bytecode);
