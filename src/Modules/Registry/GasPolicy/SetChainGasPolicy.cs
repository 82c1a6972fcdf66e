using FluentValidation;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.GasPolicy;

/// <summary>Sets a chain's gas policy (gwei), creating it when there is none.</summary>
internal sealed record SetChainGasPolicy(
    ChainId ChainId,
    double? MaxFeeGwei,
    double? PriorityFeeGwei,
    double Multiplier,
    double? LastObservedBaseFeeGwei) : ICommand<ChainSnapshot>;

internal sealed class SetChainGasPolicyValidator : AbstractValidator<SetChainGasPolicy>
{
    public SetChainGasPolicyValidator()
    {
        RuleFor(x => x.MaxFeeGwei).GreaterThanOrEqualTo(0).When(x => x.MaxFeeGwei is not null);
        RuleFor(x => x.PriorityFeeGwei).GreaterThanOrEqualTo(0).When(x => x.PriorityFeeGwei is not null);
        RuleFor(x => x.Multiplier).GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(x => x.LastObservedBaseFeeGwei).GreaterThanOrEqualTo(0).When(x => x.LastObservedBaseFeeGwei is not null);
    }
}

internal sealed class SetChainGasPolicyHandler(ChainStore store) : IRequestHandler<SetChainGasPolicy, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(SetChainGasPolicy request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        chain.GasPolicy ??= new ChainGasPolicy { ChainId = chain.Id };
        chain.GasPolicy.MaxFeeGwei = ToDecimal(request.MaxFeeGwei);
        chain.GasPolicy.PriorityFeeGwei = ToDecimal(request.PriorityFeeGwei);
        chain.GasPolicy.Multiplier = (decimal)request.Multiplier;
        chain.GasPolicy.LastObservedBaseFeeGwei = ToDecimal(request.LastObservedBaseFeeGwei);
        chain.GasPolicy.UpdatedAt = store.Now;
        return await store.SaveAsync(chain, cancellationToken);
    }

    private static decimal? ToDecimal(double? value) => value is { } v ? Math.Round((decimal)v, 9) : null;
}
