using System.Buffers.Binary;
using Nethereum.ABI;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Auth.Signatures;

namespace NftMarketplace.UnitTests.Auth.Signatures;

/// <summary>Recognising and decoding ERC-6492 wrappers; the integration tests run them through the validator on Anvil.</summary>
public sealed class Eip6492Tests
{
    private static readonly Address Factory = Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    private static readonly byte[] Calldata = [.. Enumerable.Range(1, 68).Select(i => (byte)i)];
    private static readonly byte[] Inner = [.. Enumerable.Range(100, 65).Select(i => (byte)i)];

    [Fact]
    public void The_suffix_is_0x6492_sixteen_times()
    {
        Assert.Equal("0x" + string.Concat(Enumerable.Repeat("6492", 16)), Hex.FromBytes(Eip6492.Suffix).Value);
    }

    [Fact]
    public void A_signature_is_wrapped_only_when_it_ends_with_the_whole_suffix()
    {
        byte[] suffix = [.. Eip6492.Suffix];

        Assert.True(Eip6492.IsWrapped(Eip6492.Wrap(Factory, Calldata, Inner)));
        Assert.True(Eip6492.IsWrapped(suffix));
        Assert.False(Eip6492.IsWrapped(suffix.AsSpan(1)));
        Assert.False(Eip6492.IsWrapped([.. suffix[..31], 0x93]));
        Assert.False(Eip6492.IsWrapped([.. suffix, 0x00]));
        Assert.False(Eip6492.IsWrapped(Inner));
        Assert.False(Eip6492.IsWrapped([]));
    }

    [Fact]
    public void Wrap_is_the_abi_encoding_of_factory_calldata_and_signature_followed_by_the_suffix()
    {
        var encoded = new ABIEncode().GetABIEncoded(
            new ABIValue("address", Factory.Value), new ABIValue("bytes", Calldata), new ABIValue("bytes", Inner));

        Assert.Equal([.. encoded, .. Eip6492.Suffix], Eip6492.Wrap(Factory, Calldata, Inner));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 65)]
    [InlineData(32, 31)]
    [InlineData(68, 64)]
    [InlineData(33, 1000)]
    public void Unwrapping_gives_back_what_was_wrapped(int calldataLength, int signatureLength)
    {
        var calldata = Bytes(calldataLength, 7);
        var signature = Bytes(signatureLength, 11);

        Assert.True(Eip6492.TryUnwrap(Eip6492.Wrap(Factory, calldata, signature), out var wrapper));

        Assert.Equal(Factory, wrapper.Factory);
        Assert.Equal(calldata, wrapper.FactoryCalldata.ToArray());
        Assert.Equal(signature, wrapper.Signature.ToArray());
    }

    [Fact]
    public void A_valid_but_unusual_layout_is_read_as_solidity_reads_it()
    {
        // The signature's bytes placed before the calldata's: abi.decode follows the offsets wherever they point.
        var canonical = Eip6492.Wrap(Factory, Calldata, Inner);
        var head = canonical[..96];
        var calldataTail = canonical[96..(96 + 32 + 96)];
        var signatureTail = canonical[(96 + 32 + 96)..^32];
        var swapped = new List<byte>(head[..32]);
        swapped.AddRange(Word(96 + signatureTail.Length));
        swapped.AddRange(Word(96));
        swapped.AddRange(signatureTail);
        swapped.AddRange(calldataTail);
        swapped.AddRange(Eip6492.Suffix.ToArray());

        Assert.True(Eip6492.TryUnwrap([.. swapped], out var wrapper));

        Assert.Equal(Calldata, wrapper.FactoryCalldata.ToArray());
        Assert.Equal(Inner, wrapper.Signature.ToArray());
    }

    public static TheoryData<string, byte[]> Malformed
    {
        get
        {
            var valid = Eip6492.Wrap(Factory, Calldata, Inner);
            return new TheoryData<string, byte[]>
            {
                { "no suffix", valid[..^32] },
                { "the suffix alone", [.. Eip6492.Suffix] },
                { "shorter than the three head words", [.. valid[..95], .. Eip6492.Suffix] },
                { "an address word with a non-zero upper part", With(valid, 0, 1) },
                { "an offset past the end", WithWord(valid, 32, valid.Length) },
                { "an offset above 2^64", With(valid, 32 + 23, 1) },
                { "a length past the end", WithWord(valid, 96, 10_000) },
                { "a length above 2^64", With(valid, 96 + 23, 1) },
                { "the signature's last bytes cut off", [.. valid[..^72], .. Eip6492.Suffix] },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_wrapper_is_refused(string why, byte[] signature)
    {
        Assert.False(Eip6492.TryUnwrap(signature, out _), why);
    }

    private static byte[] Bytes(int length, int seed) => [.. Enumerable.Range(seed, length).Select(i => (byte)i)];

    private static byte[] Word(int value)
    {
        var word = new byte[32];
        BinaryPrimitives.WriteInt32BigEndian(word.AsSpan(28), value);
        return word;
    }

    private static byte[] With(byte[] data, int index, byte value)
    {
        var copy = data.ToArray();
        copy[index] = value;
        return copy;
    }

    private static byte[] WithWord(byte[] data, int offset, int value)
    {
        var copy = data.ToArray();
        Word(value).CopyTo(copy, offset);
        return copy;
    }
}
