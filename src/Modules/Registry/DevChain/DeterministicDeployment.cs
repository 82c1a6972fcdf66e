using System.Globalization;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.SmartContracts;

namespace NftMarketplace.Modules.Registry.DevChain;

/// <summary>
/// The factory and its two implementations deployed with CREATE2 through the deterministic deployment proxy
/// (<see cref="Proxy"/>, preinstalled on Anvil): their addresses depend only on the proxy, the salt and the init code,
/// so every start (and every replica) computes the same addresses and finds code there once deployed.
/// </summary>
internal static class DeterministicDeployment
{
    /// <summary>Arachnid's deterministic deployment proxy: calldata = salt (32 bytes) ++ init code.</summary>
    public const string Proxy = "0x4e59b44847b379578588920cA78FbF26c0B4956C";

    /// <summary>The proxy's runtime code, installed with <c>anvil_setCode</c> on a node that lacks it.</summary>
    public const string ProxyRuntimeCode =
        "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe03601600081602082378035828234f58015156039578182fd5b8082525050506014600cf3";

    /// <summary>keccak256("nftmarketplace.dev-chain.v1"): one salt for all three contracts.</summary>
    public static byte[] Salt { get; } = Sha3Keccack.Current.CalculateHash("nftmarketplace.dev-chain.v1"u8.ToArray());

    public static DeploymentPlan Plan()
    {
        var collection721 = new PlannedContract(Contracts.ContractNames.Collection721Implementation, ContractArtifact.Collection721.Bytecode.HexToByteArray());
        var collection1155 = new PlannedContract(Contracts.ContractNames.Collection1155Implementation, ContractArtifact.Collection1155.Bytecode.HexToByteArray());
        var factoryInit = ContractArtifact.NftFactory.Bytecode.HexToByteArray()
            .Concat(AbiAddress(collection721.Address))
            .Concat(AbiAddress(collection1155.Address))
            .ToArray();
        var factory = new PlannedContract(Contracts.ContractNames.NftFactory, factoryInit);
        return new DeploymentPlan(collection721, collection1155, factory);
    }

    /// <summary>CREATE2: keccak256(0xff ++ proxy ++ salt ++ keccak256(initCode))[12..].</summary>
    public static Address Create2Address(byte[] initCode)
    {
        var preimage = new byte[1 + 20 + 32 + 32];
        preimage[0] = 0xff;
        Proxy.HexToByteArray().CopyTo(preimage, 1);
        Salt.CopyTo(preimage, 21);
        Sha3Keccack.Current.CalculateHash(initCode).CopyTo(preimage, 53);
        return Address.FromBytes(Sha3Keccack.Current.CalculateHash(preimage).AsSpan(12));
    }

    private static byte[] AbiAddress(Address address)
    {
        var word = new byte[32];
        address.ToBytes().CopyTo(word, 12);
        return word;
    }

    internal static string ToHex(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}

internal sealed record PlannedContract(string Name, byte[] InitCode)
{
    public Address Address { get; } = DeterministicDeployment.Create2Address(InitCode);

    /// <summary>The proxy's calldata: salt ++ init code.</summary>
    public string CallData => "0x" + Convert.ToHexStringLower([.. DeterministicDeployment.Salt, .. InitCode]);
}

internal sealed record DeploymentPlan(PlannedContract Collection721, PlannedContract Collection1155, PlannedContract Factory)
{
    /// <summary>In deployment order: the factory's constructor needs both implementations.</summary>
    public IReadOnlyList<PlannedContract> All => [Collection721, Collection1155, Factory];
}
