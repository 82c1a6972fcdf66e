using FluentValidation;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.Endpoints;

/// <summary>Adds an RPC endpoint to a chain; the same URL twice on one chain is a <c>CONFLICT</c>.</summary>
internal sealed record AddChainEndpoint(ChainId ChainId, string Url, int Priority, int Weight, int? RateLimit, bool Active) : ICommand<ChainSnapshot>;

internal sealed class AddChainEndpointValidator : AbstractValidator<AddChainEndpoint>
{
    public AddChainEndpointValidator()
    {
        RuleFor(x => x.Url).NotEmpty().MaximumLength(500).Must(RegistryRules.IsRpcUrl)
            .WithMessage("URL must be an absolute http, https, ws or wss URL.");
        RuleFor(x => x.Priority).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Weight).GreaterThan(0);
        RuleFor(x => x.RateLimit).GreaterThan(0).When(x => x.RateLimit is not null);
    }
}

internal sealed class AddChainEndpointHandler(ChainStore store) : IRequestHandler<AddChainEndpoint, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(AddChainEndpoint request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        if (chain.Endpoints.Any(e => e.Url == request.Url))
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{chain.Caip2}' already has this endpoint.");
        }

        chain.Endpoints.Add(new ChainEndpoint
        {
            Url = request.Url,
            Priority = request.Priority,
            Weight = request.Weight,
            RateLimit = request.RateLimit,
            Active = request.Active,
        });
        return await store.SaveAsync(chain, cancellationToken);
    }
}
