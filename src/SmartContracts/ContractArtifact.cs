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

    public static IReadOnlyList<ContractArtifact> All { get; } = [NftFactory, Collection721, Collection1155];

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
