using BenchmarkDotNet.Attributes;
using NBitcoin.Secp256k1;
using Nethereum.Signer;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Auth.Signatures;
using NftMarketplace.Modules.Auth.Siwe;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// The CPU work of checking one SIWE proof, piece by piece, against raw NBitcoin.Secp256k1 recovery (the baseline:
/// what any implementation must at least do), and Nethereum's recovery as the common .NET alternative.
/// </summary>
/// <remarks>Public and unsealed: BenchmarkDotNet generates its runner around the type.</remarks>
[MemoryDiagnoser]
public class RecoveryBenchmarks
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly EthereumMessageSigner _nethereum = new();
    private SignedSiweMessage _signed = null!;
    private RawRecovery _raw = null!;
    private byte[] _hash = null!;
    private byte[] _signature = null!;
    private SiweExpectations _expectations = null!;

    [GlobalSetup]
    public void Setup()
    {
        var key = EthECKey.GenerateKey();
        _signed = SignedSiweMessage.Create(key, "bench0nce12345678", IssuedAt);
        _raw = RawRecovery.Of(_signed);
        _hash = Eip191.Hash(_signed.Message);
        _signature = _signed.Signature;
        _expectations = new SiweExpectations { Domain = SignedSiweMessage.Domain, Now = IssuedAt.AddMinutes(1) };

        // Timing a path that fails early would flatter it: every contender must reach the right answer first.
        var expected = Address.Parse(key.GetPublicAddress());
        if (RawRecover() is null || RecoverFromHash() != expected || RecoverFromMessage() != expected || !ParseAndCheck()
            || !string.Equals(NethereumRecover(), key.GetPublicAddress(), StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("A contender does not recover the signer or accept the message.");
        }
    }

    [Benchmark(Baseline = true, Description = "NBitcoin ECPubKey.TryRecover (digest given)")]
    public ECPubKey? RawRecover() => _raw.Recover();

    [Benchmark(Description = "Eip191.TryRecover(digest, signature)")]
    public Address RecoverFromHash() => Eip191.TryRecover(_hash, _signature, out var signer) ? signer : Address.Zero;

    [Benchmark(Description = "Eip191.TryRecover(message, signature)")]
    public Address RecoverFromMessage() => Eip191.TryRecover(_signed.Message, _signature, out var signer) ? signer : Address.Zero;

    [Benchmark(Description = "SiweMessage.Parse + SiweRules.Check")]
    public bool ParseAndCheck() => SiweRules.Check(SiweMessage.Parse(_signed.Message), _expectations) is null;

    [Benchmark(Description = "Nethereum EncodeUTF8AndEcRecover")]
    public string NethereumRecover() => _nethereum.EncodeUTF8AndEcRecover(_signed.Message, _signed.SignatureHex);
}
