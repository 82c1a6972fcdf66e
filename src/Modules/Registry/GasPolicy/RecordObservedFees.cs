using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.GasPolicy;

/// <summary>
/// Refreshes a chain's fee suggestions from fees observed by <see cref="GasPolicyObservation"/>: the next block's base
/// fee, the median priority fee, and a max fee of <c>base fee × multiplier + priority fee</c>. The multiplier is the
/// administrators' choice (headroom for base-fee rises) and is kept.
/// </summary>
internal sealed record RecordObservedFees(ChainId ChainId, ObservedFees Fees) : ICommand<ChainSnapshot>;

internal sealed class RecordObservedFeesHandler(ChainStore store) : IRequestHandler<RecordObservedFees, ChainSnapshot>
{
    /// <summary>Headroom for a base fee that may double over a few full blocks, as wallets commonly assume.</summary>
    public const decimal DefaultMultiplier = 2m;

    public async Task<ChainSnapshot> Handle(RecordObservedFees request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        chain.GasPolicy ??= new ChainGasPolicy { ChainId = chain.Id, Multiplier = DefaultMultiplier };
        var policy = chain.GasPolicy;
        var fees = request.Fees;
        var maxFee = fees.MaxFeeGwei(policy.Multiplier);
        // UpdatedAt says when the suggestion last changed; an unchanged one saves nothing (see ChainStore.SaveAsync).
        if (policy.LastObservedBaseFeeGwei != fees.BaseFeeGwei
            || policy.PriorityFeeGwei != fees.PriorityFeeGwei
            || policy.MaxFeeGwei != maxFee)
        {
            policy.LastObservedBaseFeeGwei = fees.BaseFeeGwei;
            policy.PriorityFeeGwei = fees.PriorityFeeGwei;
            policy.MaxFeeGwei = maxFee;
            policy.UpdatedAt = store.Now;
        }

        return await store.SaveAsync(chain, cancellationToken);
    }
}
