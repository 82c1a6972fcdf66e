using System.Text.Json;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.Model;

namespace NftMarketplace.SmartContracts;

/// <summary>
/// One contract of <c>artifacts/</c> as compiled by <c>scripts/compile.mjs</c> (embedded, so the bytecode that runs
/// is exactly the committed one).
/// </summary>
public sealed class ContractArtifact
{
    private readonly Lazy<ContractABI> _abi;

    private ContractArtifact(string name, string abiJson, string bytecode, string deployedBytecode, string compilerVersion)
    {
        Name = name;
        AbiJson = abiJson;
        Bytecode = bytecode;
        DeployedBytecode = deployedBytecode;
        CompilerVersion = compilerVersion;
        _abi = new Lazy<ContractABI>(() => new ABIJsonDeserialiser().DeserialiseContract(abiJson));
    }

    public static ContractArtifact NftFactory { get; } = Load("NftFactory");

    public static ContractArtifact Collection721 { get; } = Load("Collection721");

    public static ContractArtifact Collection1155 { get; } = Load("Collection1155");

    /// <summary>
    /// The ERC-6492 validator, run only as the creation code of an <c>eth_call</c> without <c>to</c>; it has no
    /// functions, so it is not in <see cref="All"/>.
    /// </summary>
    public static ContractArtifact SignatureValidator6492 { get; } = Load("SignatureValidator6492");

    /// <summary>Test only: an ERC-1271 wallet with one EOA owner.</summary>
    public static ContractArtifact OwnedWallet { get; } = Load("OwnedWallet");

    /// <summary>Test only: deploys <see cref="OwnedWallet"/>s with CREATE2.</summary>
    public static ContractArtifact OwnedWalletFactory { get; } = Load("OwnedWalletFactory");

    /// <summary>Test only: returns ERC-1271's magic value with a non-zero tail.</summary>
    public static ContractArtifact WrongMagicWallet { get; } = Load("WrongMagicWallet");

    /// <summary>Test only: its <c>isValidSignature</c> always reverts.</summary>
    public static ContractArtifact RevertingWallet { get; } = Load("RevertingWallet");

    /// <summary>Every contract with functions to call (all but <see cref="SignatureValidator6492"/>).</summary>
    public static IReadOnlyList<ContractArtifact> All { get; } =
        [NftFactory, Collection721, Collection1155, OwnedWallet, OwnedWalletFactory, WrongMagicWallet, RevertingWallet];

    public string Name { get; }

    /// <summary>The ABI as a JSON array.</summary>
    public string AbiJson { get; }

    /// <summary>Creation code, <c>0x</c>-prefixed.</summary>
    public string Bytecode { get; }

    /// <summary>Runtime code (what <c>eth_getCode</c> returns after deployment), <c>0x</c>-prefixed.</summary>
    public string DeployedBytecode { get; }

    /// <summary>e.g. <c>0.8.34+commit.80d5c536</c>.</summary>
    public string CompilerVersion { get; }

    public ContractABI Abi => _abi.Value;

    private static ContractArtifact Load(string name)
    {
        var resource = $"NftMarketplace.SmartContracts.artifacts.{name}.json";
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The artifact {resource} is not embedded in {typeof(ContractArtifact).Assembly.GetName().Name}.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new ContractArtifact(
            name,
            root.GetProperty("abi").GetRawText(),
            root.GetProperty("bytecode").GetString()!,
            root.GetProperty("deployedBytecode").GetString()!,
            root.GetProperty("compiler").GetProperty("version").GetString()!);
    }
}
