using FluentValidation;
using Nethereum.Contracts;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.SmartContracts.Collections721;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>
/// Prepares an ERC-721 mint of 1 to 100 tokens, one per URI (<c>mint</c> for one, <c>mintBatch</c> for more) to
/// <see cref="To"/> (default: the caller's wallet). The caller's wallet must own the collection or hold its minter role.
/// </summary>
internal sealed record PrepareMint721(
    Guid UserId,
    ChainId ChainId,
    Address Contract,
    Address? To,
    IReadOnlyList<Mint721Item> Items,
    string? IdempotencyKey,
    int? DeadlineSeconds) : IRequest<PreparedIntent>;

internal sealed record Mint721Item(string Uri);

internal sealed class PrepareMint721Validator : AbstractValidator<PrepareMint721>
{
    public PrepareMint721Validator()
    {
        RuleFor(x => x.Contract).Must(c => c != Address.Zero).WithMessage("'contract' must not be the zero address.");
        RuleFor(x => x.To).Must(t => t != Address.Zero).WithMessage("'to' must not be the zero address.");
        RuleFor(x => x.Items).NotEmpty().WithMessage("'items' must name at least one token.")
            .Must(i => i.Count <= MintLimits.MaxItems).WithMessage($"'items' may name at most {MintLimits.MaxItems} tokens.");
        RuleForEach(x => x.Items).ChildRules(item => item.RuleFor(i => i.Uri).MintableUri());
        RuleFor(x => x.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(x => x.DeadlineSeconds).ValidDeadline();
    }
}

internal sealed class PrepareMint721Handler(MintPreparation preparation) : IRequestHandler<PrepareMint721, PreparedIntent>
{
    public Task<PreparedIntent> Handle(PrepareMint721 request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uris = request.Items.Select(i => i.Uri).ToList();
        return preparation.PrepareAsync(
            new MintPreparation.Mint(
                request.UserId, request.ChainId, request.Contract, request.To, TokenStandard.Erc721, request.IdempotencyKey, request.DeadlineSeconds,
                new { items = uris }, NewTokens: uris.Count),
            to => Hex.FromBytes(uris.Count == 1
                ? new Mint721Function { To = to.Value, Uri = uris[0] }.GetCallData()
                : new MintBatch721Function { To = to.Value, Uris = uris }.GetCallData()),
            cancellationToken);
    }
}
