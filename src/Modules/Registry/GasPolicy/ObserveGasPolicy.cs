using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Application;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.GasPolicy;

/// <summary>
/// Refreshes a chain's fee suggestions from <c>eth_feeHistory</c>: the next block's base fee, the median priority fee
/// paid over recent blocks, and a max fee of <c>base fee × multiplier + priority fee</c>. The multiplier is the
/// administrators' choice (headroom for base-fee rises) and is kept.
/// </summary>
internal sealed record ObserveGasPolicy(ChainId ChainId) : ICommand<ChainSnapshot>;

internal sealed class ObserveGasPolicyHandler(ChainStore store, IChainRpcClientFactory clients) : IRequestHandler<ObserveGasPolicy, ChainSnapshot>
{
    /// <summary>Headroom for a base fee that may double over a few full blocks, as wallets commonly assume.</summary>
    public const decimal DefaultMultiplier = 2m;

    private const int Blocks = 20;
    private const decimal MedianPercentile = 50m;

    public async Task<ChainSnapshot> Handle(ObserveGasPolicy request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        var history = await clients.GetClient(request.ChainId)
            .GetFeeHistoryAsync(Blocks, BlockParameter.CreateLatest(), [MedianPercentile], cancellationToken);

        var suggestion = FeeSuggestion.From(history, chain.GasPolicy?.Multiplier ?? DefaultMultiplier);
        chain.GasPolicy ??= new ChainGasPolicy { ChainId = chain.Id, Multiplier = DefaultMultiplier };
        var policy = chain.GasPolicy;
        // UpdatedAt says when the suggestion last changed; an unchanged one saves nothing (see ChainStore.SaveAsync).
        if (policy.LastObservedBaseFeeGwei != suggestion.BaseFeeGwei
            || policy.PriorityFeeGwei != suggestion.PriorityFeeGwei
            || policy.MaxFeeGwei != suggestion.MaxFeeGwei)
        {
            policy.LastObservedBaseFeeGwei = suggestion.BaseFeeGwei;
            policy.PriorityFeeGwei = suggestion.PriorityFeeGwei;
            policy.MaxFeeGwei = suggestion.MaxFeeGwei;
            policy.UpdatedAt = store.Now;
        }

        return await store.SaveAsync(chain, cancellationToken);
    }
}

/// <summary>Fee suggestions in gwei, computed from a fee history.</summary>
internal sealed record FeeSuggestion(decimal BaseFeeGwei, decimal PriorityFeeGwei, decimal MaxFeeGwei)
{
    private const decimal WeiPerGwei = 1_000_000_000m;

    public static FeeSuggestion From(FeeHistoryResult history, decimal multiplier)
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
        return new FeeSuggestion(baseFee, priorityFee, Math.Round(baseFee * multiplier + priorityFee, 9));
    }

    private static decimal Gwei(BigInteger wei) => Math.Round((decimal)wei / WeiPerGwei, 9);
}
