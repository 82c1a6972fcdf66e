using System.Buffers.Binary;
using System.Numerics;

namespace NftMarketplace.BuildingBlocks.Ethereum;

/// <summary>
/// Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256's), for the EIP-55 checksum. Small
/// enough to own, so the primitives need no Ethereum library.
/// </summary>
internal static class Keccak256
{
    public const int HashLength = 32;

    private const int Rate = 136;

    private static readonly ulong[] RoundConstants =
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    private static readonly int[] Rotations = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];

    private static readonly int[] PiLanes = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (data.Length >= Rate)
        {
            Absorb(state, data[..Rate]);
            data = data[Rate..];
        }

        Span<byte> last = stackalloc byte[Rate];
        last.Clear();
        data.CopyTo(last);
        last[data.Length] ^= 0x01;
        last[Rate - 1] ^= 0x80;
        Absorb(state, last);

        for (var i = 0; i < HashLength / 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], state[i]);
        }
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < Rate / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }

        Permute(state);
    }

    private static void Permute(Span<ulong> state)
    {
        Span<ulong> c = stackalloc ulong[5];
        for (var round = 0; round < 24; round++)
        {
            // θ
            for (var i = 0; i < 5; i++)
            {
                c[i] = state[i] ^ state[i + 5] ^ state[i + 10] ^ state[i + 15] ^ state[i + 20];
            }

            for (var i = 0; i < 5; i++)
            {
                var t = c[(i + 4) % 5] ^ BitOperations.RotateLeft(c[(i + 1) % 5], 1);
                for (var j = 0; j < 25; j += 5)
                {
                    state[j + i] ^= t;
                }
            }

            // ρ and π
            var carried = state[1];
            for (var i = 0; i < 24; i++)
            {
                var lane = PiLanes[i];
                var next = state[lane];
                state[lane] = BitOperations.RotateLeft(carried, Rotations[i]);
                carried = next;
            }

            // χ
            for (var j = 0; j < 25; j += 5)
            {
                for (var i = 0; i < 5; i++)
                {
                    c[i] = state[j + i];
                }

                for (var i = 0; i < 5; i++)
                {
                    state[j + i] ^= ~c[(i + 1) % 5] & c[(i + 2) % 5];
                }
            }

            // ι
            state[0] ^= RoundConstants[round];
        }
    }
}
