using System.Numerics;
using Nethereum.RPC.Eth.DTOs;

namespace NftMarketplace.Modules.Registry.GasPolicy;

/// <summary>
/// What a fee history says, in gwei: the next block's base fee and the median priority fee paid over recent blocks.
/// </summary>
internal sealed record ObservedFees(decimal BaseFeeGwei, decimal PriorityFeeGwei)
{
    private const decimal WeiPerGwei = 1_000_000_000m;

    public static ObservedFees From(FeeHistoryResult history)
    {
        ArgumentNullException.ThrowIfNull(history);

        // The last entry is the base fee of the block after the newest one: what the next transaction pays.
        var baseFee = history.BaseFeePerGas is { Length: > 0 } fees ? Gwei(fees[^1].Value) : 0m;
        var rewards = (history.Reward ?? [])
            .Where(block => block is { Length: > 0 })
            .Select(block => Gwei(block[0].Value))
            .Order()
            .ToArray();
        var priorityFee = rewards.Length == 0 ? 0m : rewards[rewards.Length / 2];
        return new ObservedFees(baseFee, priorityFee);
    }

    /// <summary>The suggested max fee: <c>base fee × multiplier + priority fee</c>.</summary>
    public decimal MaxFeeGwei(decimal multiplier) => Math.Round(BaseFeeGwei * multiplier + PriorityFeeGwei, 9);

    private static decimal Gwei(BigInteger wei) => Math.Round((decimal)wei / WeiPerGwei, 9);
}
