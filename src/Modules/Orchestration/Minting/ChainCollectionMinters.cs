using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.SmartContracts.Collections;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>
/// <see cref="ICollectionMinters"/> by <c>eth_call</c>: ERC-165 says which standard the contract is, <c>owner()</c>
/// and <c>hasRole(MINTER_ROLE, account)</c> who may mint, and for ERC-721 <c>maxSupply()</c> and <c>totalMinted()</c>
/// the cap. A contract that answers none of it (or an address without code) is no collection. What
/// <see cref="CatalogCollectionMinters"/> falls back to while the catalog does not show a collection yet.
/// </summary>
internal sealed class ChainCollectionMinters(IChainRpcClientFactory chains) : ICollectionMinters
{
    public async Task<CollectionAccess?> CheckAsync(ChainId chainId, Address collection, Address account, CancellationToken cancellationToken)
    {
        var client = chains.GetClient(chainId);
        try
        {
            TokenStandard standard;
            if (await SupportsAsync(client, collection, InterfaceIds.Erc721, cancellationToken))
            {
                standard = TokenStandard.Erc721;
            }
            else if (await SupportsAsync(client, collection, InterfaceIds.Erc1155, cancellationToken))
            {
                standard = TokenStandard.Erc1155;
            }
            else
            {
                return null;
            }

            var owner = Word(await CallAsync(client, collection, new OwnerFunction(), cancellationToken));
            var canMint = owner is not null && Address.FromBytes(owner.AsSpan(12)) == account;
            if (!canMint)
            {
                var minter = Word(await CallAsync(client, collection, new HasRoleFunction { Role = CollectionRoles.Minter, Account = account.Value }, cancellationToken));
                canMint = minter is not null && minter[31] == 1;
            }

            return standard == TokenStandard.Erc721
                ? new CollectionAccess(
                    standard,
                    canMint,
                    await UintAsync(client, collection, new MaxSupply721Function(), cancellationToken) is { } max && !max.IsZero ? max : null,
                    await UintAsync(client, collection, new TotalMinted721Function(), cancellationToken))
                : new CollectionAccess(standard, canMint);
        }
        catch (ChainRpcErrorException)
        {
            // A revert (or a node refusing the call) for these views: not one of our collections.
            return null;
        }
        catch (ChainUnavailableException ex)
        {
            throw new AppException(ErrorCode.Internal, $"Chain '{chainId}' does not answer; try again shortly.", inner: ex);
        }
    }

    private static async Task<bool> SupportsAsync(ChainRpcClient client, Address collection, string interfaceId, CancellationToken cancellationToken) =>
        Word(await CallAsync(client, collection, new SupportsInterfaceFunction { InterfaceId = Hex.Parse(interfaceId).ToBytes() }, cancellationToken)) is { } word
        && word[31] == 1;

    /// <summary>A uint256 view, or null when the contract does not have it (a tracked collection of another make).</summary>
    private static async Task<System.Numerics.BigInteger?> UintAsync<TFunction>(ChainRpcClient client, Address to, TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
    {
        try
        {
            return Word(await CallAsync(client, to, function, cancellationToken)) is { } word
                ? new System.Numerics.BigInteger(word, isUnsigned: true, isBigEndian: true)
                : null;
        }
        catch (ChainRpcErrorException)
        {
            return null;
        }
    }

    private static async Task<Hex> CallAsync<TFunction>(ChainRpcClient client, Address to, TFunction function, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        await client.CallAsync(new CallInput(Hex.FromBytes(function.GetCallData()).Value, to.Value), cancellationToken: cancellationToken);

    /// <summary>The first 32-byte word of a return value, or null when there is none (no code at the address).</summary>
    private static byte[]? Word(Hex returned)
    {
        var bytes = returned.ToBytes();
        return bytes.Length >= 32 ? bytes[..32] : null;
    }
}
