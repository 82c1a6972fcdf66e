using System.Buffers.Binary;
using NftMarketplace.BuildingBlocks.Ethereum;

namespace NftMarketplace.Modules.Auth.Signatures;

/// <summary>
/// ERC-6492's wrapper for a signature of a contract wallet that is not deployed yet:
/// <c>abi.encode(address factory, bytes factoryCalldata, bytes signature) ‖ magicBytes</c>, where calling the factory
/// with the calldata deploys the wallet whose <c>isValidSignature</c> then accepts the inner signature.
/// </summary>
internal static class Eip6492
{
    public const int SuffixLength = 32;

    private const int Word = 32;

    /// <summary><c>magicBytes</c>: <c>0x6492</c> sixteen times. It ends in 0x92, never a valid <c>v</c>, so it cannot be mistaken for a 65-byte ECDSA signature.</summary>
    public static ReadOnlySpan<byte> Suffix =>
    [
        0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92,
        0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92, 0x64, 0x92,
    ];

    /// <summary>Whether <paramref name="signature"/> ends with <see cref="Suffix"/>, i.e. claims to be a wrapper.</summary>
    public static bool IsWrapped(ReadOnlySpan<byte> signature) =>
        signature.Length >= SuffixLength && signature[^SuffixLength..].SequenceEqual(Suffix);

    /// <summary>
    /// Decodes a wrapper the way Solidity's <c>abi.decode</c> does: the address word must have a zero upper part, and
    /// each <c>bytes</c> offset and length must stay within the data. False when it is not a wrapper or not valid ABI.
    /// </summary>
    public static bool TryUnwrap(ReadOnlySpan<byte> signature, out Eip6492Wrapper wrapper)
    {
        wrapper = default;
        if (!IsWrapped(signature))
        {
            return false;
        }

        var data = signature[..^SuffixLength];
        if (data.Length < 3 * Word || data[..12].ContainsAnyExcept((byte)0)
            || !TryReadBytes(data, 1, out var factoryCalldata)
            || !TryReadBytes(data, 2, out var innerSignature))
        {
            return false;
        }

        wrapper = new Eip6492Wrapper(Address.FromBytes(data[12..Word]), factoryCalldata.ToArray(), innerSignature.ToArray());
        return true;
    }

    /// <summary>Wraps <paramref name="signature"/> with the call that deploys the wallet (what a counterfactual wallet signs with).</summary>
    public static byte[] Wrap(Address factory, ReadOnlySpan<byte> factoryCalldata, ReadOnlySpan<byte> signature)
    {
        var calldataTail = Word + Padded(factoryCalldata.Length);
        var signatureTail = Word + Padded(signature.Length);
        var wrapped = new byte[(3 * Word) + calldataTail + signatureTail + SuffixLength];
        var span = wrapped.AsSpan();

        factory.ToBytes().CopyTo(span[12..Word]);
        WriteWord(span[Word..], 3 * Word);
        WriteWord(span[(2 * Word)..], (3 * Word) + calldataTail);
        WriteBytes(span[(3 * Word)..], factoryCalldata);
        WriteBytes(span[((3 * Word) + calldataTail)..], signature);
        Suffix.CopyTo(span[^SuffixLength..]);
        return wrapped;
    }

    /// <summary>Reads the <c>bytes</c> whose offset is in head word <paramref name="headIndex"/>.</summary>
    private static bool TryReadBytes(ReadOnlySpan<byte> data, int headIndex, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryReadSize(data.Slice(headIndex * Word, Word), out var offset)
            || offset > (ulong)data.Length - Word
            || !TryReadSize(data.Slice((int)offset, Word), out var length)
            || length > (ulong)data.Length - Word - offset)
        {
            return false;
        }

        value = data.Slice((int)offset + Word, (int)length);
        return true;
    }

    /// <summary>
    /// A uint256 offset or length. Solidity's decoder refuses those above 2^64 - 1, so this does too: keeping to its
    /// bounds means accepting exactly the wrappers the validator contract accepts.
    /// </summary>
    private static bool TryReadSize(ReadOnlySpan<byte> word, out ulong size)
    {
        size = BinaryPrimitives.ReadUInt64BigEndian(word[(Word - sizeof(ulong))..]);
        return !word[..(Word - sizeof(ulong))].ContainsAnyExcept((byte)0);
    }

    private static void WriteBytes(Span<byte> destination, ReadOnlySpan<byte> value)
    {
        WriteWord(destination, value.Length);
        value.CopyTo(destination[Word..]);
    }

    private static void WriteWord(Span<byte> destination, int value) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination[(Word - sizeof(ulong))..Word], (ulong)value);

    private static int Padded(int length) => (length + Word - 1) / Word * Word;
}

/// <summary>What an ERC-6492 wrapper carries.</summary>
/// <param name="Factory">The contract to call to deploy (or ready) the wallet.</param>
/// <param name="FactoryCalldata">The call to make to it.</param>
/// <param name="Signature">The wallet's own ERC-1271 signature.</param>
internal readonly record struct Eip6492Wrapper(Address Factory, ReadOnlyMemory<byte> FactoryCalldata, ReadOnlyMemory<byte> Signature);
