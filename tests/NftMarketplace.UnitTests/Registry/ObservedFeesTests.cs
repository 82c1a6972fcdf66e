using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.Modules.Registry.GasPolicy;

namespace NftMarketplace.UnitTests.Registry;

public sealed class ObservedFeesTests
{
    private static HexBigInteger Gwei(decimal gwei) => new(new System.Numerics.BigInteger(gwei * 1_000_000_000m));

    [Fact]
    public void The_next_base_fee_and_the_median_tip_make_the_suggestion()
    {
        var history = new FeeHistoryResult
        {
            // One more base fee than blocks: the last is the next block's.
            BaseFeePerGas = [Gwei(1), Gwei(2), Gwei(2.5m), Gwei(3)],
            Reward = [[Gwei(1)], [Gwei(3)], [Gwei(2)]],
        };

        var fees = ObservedFees.From(history);

        Assert.Equal(3m, fees.BaseFeeGwei);
        Assert.Equal(2m, fees.PriorityFeeGwei);
        Assert.Equal(8m, fees.MaxFeeGwei(multiplier: 2m));
    }

    [Fact]
    public void A_history_without_tips_suggests_no_tip()
    {
        var history = new FeeHistoryResult { BaseFeePerGas = [Gwei(0.875m)], Reward = [] };

        var fees = ObservedFees.From(history);

        Assert.Equal((0.875m, 0m, 1.3125m), (fees.BaseFeeGwei, fees.PriorityFeeGwei, fees.MaxFeeGwei(multiplier: 1.5m)));
    }
}
