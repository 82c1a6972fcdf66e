using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Auth.Signatures;

namespace NftMarketplace.UnitTests.Auth.Signatures;

/// <summary>
/// What the verifier settles without the chain. Everything that asks the chain is covered against Anvil in the
/// integration tests (SignatureVerifierTests there).
/// </summary>
public sealed class SignatureVerifierTests
{
    private const string Message = "example.com wants you to sign in with your Ethereum account";

    private static readonly ChainId Chain = ChainId.Eip155(1);

    private readonly NoChain _chains = new();
    private readonly SignatureVerifier _verifier;

    public SignatureVerifierTests() => _verifier = new SignatureVerifier(_chains, NullLogger<SignatureVerifier>.Instance);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_eoa_signature_of_the_address_is_valid_without_the_chain()
    {
        var key = EthECKey.GenerateKey();
        var signature = new EthereumMessageSigner().EncodeUTF8AndSign(Message, key).HexToByteArray();

        var result = await _verifier.VerifyAsync(Chain, Address.Parse(key.GetPublicAddress()), Message, signature, Cancel);

        Assert.Equal(new SignatureVerification(true, SignatureMethod.Eip191, null), result);
        Assert.Equal(0, _chains.Asked);
    }

    [Theory]
    [InlineData(SignatureVerifier.MaxSignatureLength + 1, false)]
    [InlineData(SignatureVerifier.MaxSignatureLength + 1, true)]
    [InlineData(1_000_000, true)]
    public async Task An_oversized_signature_is_invalid_without_the_chain(int length, bool wrapped)
    {
        var signature = new byte[length];
        if (wrapped)
        {
            Eip6492.Suffix.CopyTo(signature.AsSpan(length - Eip6492.SuffixLength));
        }

        var result = await _verifier.VerifyAsync(Chain, Address.Zero, Message, signature, Cancel);

        Assert.False(result.IsValid);
        Assert.Equal(wrapped ? SignatureMethod.Eip6492 : SignatureMethod.Eip1271, result.Method);
        Assert.Contains("longer than 8192 bytes", result.Failure, StringComparison.Ordinal);
        Assert.Equal(0, _chains.Asked);
    }

    [Fact]
    public async Task A_malformed_wrapper_is_invalid_without_the_chain()
    {
        byte[] signature = [.. new byte[96], .. Eip6492.Suffix];
        signature[0] = 1;

        var result = await _verifier.VerifyAsync(Chain, Address.Zero, Message, signature, Cancel);

        Assert.Equal(new SignatureVerification(false, SignatureMethod.Eip6492, "the EIP-6492 signature is malformed"), result);
        Assert.Equal(0, _chains.Asked);
    }

    [Fact]
    public async Task A_non_evm_chain_is_refused()
    {
        var chain = ChainId.Parse("cosmos:cosmoshub-4");

        await Assert.ThrowsAsync<ArgumentException>(() => _verifier.VerifyAsync(chain, Address.Zero, Message, new byte[65], Cancel));
    }

    /// <summary>A chain no test may reach: counts the attempts and fails them.</summary>
    private sealed class NoChain : IChainRpcClientFactory
    {
        public int Asked { get; private set; }

        public ChainRpcClient GetClient(ChainId chain)
        {
            Asked++;
            throw new InvalidOperationException("This test must not ask the chain.");
        }
    }
}
