using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using NftMarketplace.SmartContracts;

namespace NftMarketplace.UnitTests.SmartContracts;

/// <summary>
/// Every typed binding names a function, event or error the compiled contracts really have, with the same
/// parameter types: a binding that drifted from the Solidity would encode calls the contract rejects.
/// </summary>
public sealed class BindingsMatchArtifactsTests
{
    private static readonly Type[] Bindings = typeof(ContractArtifact).Assembly.GetExportedTypes();

    public static TheoryData<string> Functions => [.. Bindings.Where(t => t.IsSubclassOf(typeof(FunctionMessage))).Select(t => t.FullName!)];

    public static TheoryData<string> Events => [.. Bindings.Where(typeof(IEventDTO).IsAssignableFrom).Select(t => t.FullName!)];

    public static TheoryData<string> Errors => [.. Bindings.Where(typeof(IErrorDTO).IsAssignableFrom).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_function_binding_is_a_function_of_an_artifact(string binding)
    {
        var signature = ABITypedRegistry.GetFunctionABI(Binding(binding)).Sha3Signature;

        Assert.Contains(ContractArtifact.All, a => a.Abi.Functions.Any(f => f.Sha3Signature == signature));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void An_event_binding_is_an_event_of_an_artifact(string binding)
    {
        var abi = ABITypedRegistry.GetEvent(Binding(binding));

        var matching = ContractArtifact.All.SelectMany(a => a.Abi.Events).Where(e => e.Sha3Signature == abi.Sha3Signature).ToList();
        Assert.NotEmpty(matching);
        // Which parameters are indexed decides where a decoder looks for each value.
        Assert.Contains(matching, e => e.InputParameters.Select(p => p.Indexed).SequenceEqual(abi.InputParameters.Select(p => p.Indexed)));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void An_error_binding_is_an_error_of_an_artifact(string binding)
    {
        var signature = ABITypedRegistry.GetError(Binding(binding)).Sha3Signature;

        Assert.Contains(ContractArtifact.All, a => a.Abi.Errors.Any(e => e.Sha3Signature == signature));
    }

    [Fact]
    public void Every_deployment_message_carries_its_artifacts_bytecode()
    {
        Assert.Equal(ContractArtifact.NftFactory.Bytecode, new NftMarketplace.SmartContracts.Factory.NftFactoryDeployment().ByteCode);
        Assert.Equal(ContractArtifact.Collection721.Bytecode, new NftMarketplace.SmartContracts.Collections721.Collection721Deployment().ByteCode);
        Assert.Equal(ContractArtifact.Collection1155.Bytecode, new NftMarketplace.SmartContracts.Collections1155.Collection1155Deployment().ByteCode);
    }

    [Fact]
    public void The_artifacts_come_from_the_pinned_compiler()
    {
        Assert.All(ContractArtifact.All, a =>
        {
            Assert.StartsWith("0.8.34+", a.CompilerVersion, StringComparison.Ordinal);
            Assert.StartsWith("0x60", a.Bytecode, StringComparison.Ordinal);
            Assert.NotEmpty(a.Abi.Functions);
        });
    }

    private static Type Binding(string fullName) => Bindings.Single(t => t.FullName == fullName);
}
