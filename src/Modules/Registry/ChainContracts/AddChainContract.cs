using FluentValidation;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Chains;
using NftMarketplace.Modules.Registry.Domain;

namespace NftMarketplace.Modules.Registry.ChainContracts;

/// <summary>Registers a contract on a chain; a name registered already is a <c>CONFLICT</c>.</summary>
internal sealed record AddChainContract(ChainId ChainId, string Name, Address Address, long StartBlock, DateTimeOffset? VerifiedAt) : ICommand<ChainSnapshot>;

internal sealed class AddChainContractValidator : AbstractValidator<AddChainContract>
{
    public AddChainContractValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Address).Must(a => a != Address.Zero).WithMessage("Address must not be the zero address.");
        RuleFor(x => x.StartBlock).GreaterThanOrEqualTo(0);
    }
}

internal sealed class AddChainContractHandler(ChainStore store) : IRequestHandler<AddChainContract, ChainSnapshot>
{
    public async Task<ChainSnapshot> Handle(AddChainContract request, CancellationToken cancellationToken)
    {
        var chain = await store.RequireAsync(request.ChainId, cancellationToken);
        if (chain.Contracts.Any(c => c.Name == request.Name))
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{chain.Caip2}' already has a contract named '{request.Name}'.");
        }

        chain.Contracts.Add(new ChainContract
        {
            Name = request.Name,
            Address = request.Address.ToChecksumString(),
            StartBlock = request.StartBlock,
            VerifiedAt = request.VerifiedAt,
        });
        return await store.SaveAsync(chain, cancellationToken);
    }
}
