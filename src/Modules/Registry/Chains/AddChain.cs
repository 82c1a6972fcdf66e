using FluentValidation;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.Chains;

/// <summary>Adds a chain (EIP-155 only for now). A chain that exists already is a <c>CONFLICT</c>.</summary>
internal sealed record AddChain(
    ChainId ChainId,
    string Name,
    string NativeSymbol,
    int Decimals,
    string? ExplorerUrl,
    IReadOnlyList<string>? Features,
    int ConfirmationsRequired,
    bool Enabled) : ICommand<ChainSnapshot>;

internal sealed class AddChainValidator : AbstractValidator<AddChain>
{
    public AddChainValidator()
    {
        RuleFor(x => x.ChainId).Must(id => id.IsEip155).WithMessage("Only eip155 chains are supported.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.NativeSymbol).NotEmpty().MaximumLength(16);
        RuleFor(x => x.Decimals).InclusiveBetween(0, 36);
        RuleFor(x => x.ConfirmationsRequired).GreaterThanOrEqualTo(0);
        RuleFor(x => x.ExplorerUrl).Must(RegistryRules.IsHttpUrl).When(x => x.ExplorerUrl is not null)
            .WithMessage("Explorer URL must be an absolute http(s) URL.").MaximumLength(500);
        RuleForEach(x => x.Features).NotEmpty().MaximumLength(64);
    }
}

internal sealed class AddChainHandler(ChainStore store) : IRequestHandler<AddChain, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(AddChain request, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(request.ChainId, cancellationToken) is not null)
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{request.ChainId}' is already registered.");
        }

        var chain = new Chain
        {
            Caip2 = request.ChainId.Value,
            ChainNumber = request.ChainId.ToEip155Number(),
            Name = request.Name,
            NativeSymbol = request.NativeSymbol,
            Decimals = request.Decimals,
            ExplorerUrl = request.ExplorerUrl,
            Features = [.. (request.Features ?? []).Distinct(StringComparer.Ordinal)],
            ConfirmationsRequired = request.ConfirmationsRequired,
            Enabled = request.Enabled,
        };
        store.Add(chain);
        return await store.SaveAsync(chain, cancellationToken);
    }
}
