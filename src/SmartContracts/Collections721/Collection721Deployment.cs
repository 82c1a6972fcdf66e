using Nethereum.Contracts;

namespace NftMarketplace.SmartContracts.Collections721;

/// <summary>
/// Deploys the ERC-721 implementation the factory clones. It cannot be initialized itself: collections exist only
/// as clones.
/// </summary>
public sealed class Collection721Deployment() : ContractDeploymentMessage(ContractArtifact.Collection721.Bytecode);
