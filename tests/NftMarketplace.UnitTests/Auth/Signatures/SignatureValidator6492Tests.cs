using System.Text;
using Nethereum.Util;
using NftMarketplace.SmartContracts;
using NftMarketplace.SmartContracts.Signatures;

namespace NftMarketplace.UnitTests.Auth.Signatures;

/// <summary>The bindings the verifier relies on agree with the compiled validator and with ERC-1271.</summary>
public sealed class SignatureValidator6492Tests
{
    [Fact]
    public void The_deployment_message_carries_the_validators_creation_code()
    {
        Assert.Equal(ContractArtifact.SignatureValidator6492.Bytecode, new SignatureValidator6492Deployment().ByteCode);
    }

    [Theory]
    [InlineData("FactoryCallFailed(address,bytes)", SignatureValidator6492.FactoryCallFailedError)]
    [InlineData("SignerNotDeployed(address)", SignatureValidator6492.SignerNotDeployedError)]
    public void The_validators_errors_are_recognised_by_their_selector(string signature, string name)
    {
        byte[] revertData = [.. Selector(signature), .. new byte[64]];

        Assert.Equal(name, SignatureValidator6492.ErrorName(revertData));
    }

    [Fact]
    public void Other_reverts_are_not_the_validators_errors()
    {
        Assert.Null(SignatureValidator6492.ErrorName([]));
        Assert.Null(SignatureValidator6492.ErrorName(Selector("FactoryCallFailed(address,bytes)").AsSpan(0, 3)));
        Assert.Null(SignatureValidator6492.ErrorName(Selector("Error(string)")));
    }

    [Fact]
    public void The_magic_word_is_the_isValidSignature_selector_left_aligned_in_a_zero_word()
    {
        byte[] expected = [.. Selector("isValidSignature(bytes32,bytes)"), .. new byte[28]];

        Assert.Equal(expected, IsValidSignatureFunction.MagicWord.ToArray());
        Assert.Equal(0x1626ba7eu, IsValidSignatureFunction.MagicValue);
    }

    private static byte[] Selector(string signature) => Sha3Keccack.Current.CalculateHash(Encoding.ASCII.GetBytes(signature))[..4];
}
