using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.IntegrationTests.SmartContracts;

/// <summary>
/// Accounts and deployments on the run's shared Anvil. Every account is new and funded through
/// <c>anvil_setBalance</c>, so tests running in parallel never share a nonce sequence and none depends on another's
/// deployments.
/// </summary>
public sealed class TestChain(Uri rpc)
{
    public const int ChainId = 31337;

    private static readonly BigInteger HundredEther = BigInteger.Pow(10, 20);

    /// <summary>A fresh account holding 100 ETH, with a Web3 that signs as it.</summary>
    public async Task<Web3> NewAccountAsync()
    {
        var web3 = new Web3(new Account(EthECKey.GenerateKey(), ChainId), rpc.ToString());
        await web3.Client.SendRequestAsync<object>("anvil_setBalance", null, web3.TransactionManager.Account.Address, new HexBigInteger(HundredEther).HexValue);
        return web3;
    }

    /// <summary>Both implementations and a factory over them, deployed by <paramref name="deployer"/>.</summary>
    public static async Task<DeployedFactory> DeployFactoryAsync(Web3 deployer)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        var implementation721 = await DeployAsync(deployer, new Collection721Deployment());
        var implementation1155 = await DeployAsync(deployer, new Collection1155Deployment());
        var factory = await DeployAsync(deployer, new NftFactoryDeployment
        {
            Implementation721 = implementation721,
            Implementation1155 = implementation1155,
        });
        return new DeployedFactory(factory, implementation721, implementation1155);
    }

    public static async Task<string> DeployAsync<TDeployment>(Web3 deployer, TDeployment deployment)
        where TDeployment : Nethereum.Contracts.ContractDeploymentMessage, new()
    {
        ArgumentNullException.ThrowIfNull(deployer);
        var receipt = await deployer.Eth.GetContractDeploymentHandler<TDeployment>()
            .SendRequestAndWaitForReceiptAsync(deployment, TestContext.Current.CancellationToken);
        Assert.True(receipt.Succeeded(), $"deploying {typeof(TDeployment).Name} failed");
        return receipt.ContractAddress;
    }

    /// <summary>A random salt: the factory binds it to the creator, so no two tests collide even with one factory.</summary>
    public static byte[] NewSalt() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
}

public sealed record DeployedFactory(string Address, string Implementation721, string Implementation1155);

/// <summary>A collection created through the factory, with the receipt of its creation.</summary>
public sealed record CreatedCollection(string Address, TransactionReceipt Receipt);
