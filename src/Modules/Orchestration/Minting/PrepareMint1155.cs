using System.Globalization;
using System.Numerics;
using FluentValidation;
using Nethereum.Contracts;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.SmartContracts.Collections1155;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>
/// Prepares an ERC-1155 mint to <see cref="To"/> (default: the caller's wallet): new ids (each with its URI and
/// cap; <c>mint</c> for one, <c>mintBatch</c> for up to 100), or more of one existing id (<c>mintExisting</c>).
/// The collection has no call that does both, or several existing ids, in one transaction, so such a request is
/// bad input rather than a transaction that could not be sent as one.
/// </summary>
internal sealed record PrepareMint1155(
    Guid UserId,
    ChainId ChainId,
    Address Contract,
    Address? To,
    IReadOnlyList<Mint1155Item> Items,
    string? IdempotencyKey,
    int? DeadlineSeconds) : IRequest<PreparedIntent>;

/// <param name="TokenId">An existing id to mint more of; null creates a new id.</param>
/// <param name="MaxSupply">New ids only: the id's cap, 0 = unlimited.</param>
/// <param name="Uri">New ids only: the id's metadata URI.</param>
internal sealed record Mint1155Item(BigInteger? TokenId, BigInteger Amount, BigInteger? MaxSupply, string? Uri);

internal sealed class PrepareMint1155Validator : AbstractValidator<PrepareMint1155>
{
    public PrepareMint1155Validator()
    {
        RuleFor(x => x.Contract).Must(c => c != Address.Zero).WithMessage("'contract' must not be the zero address.");
        RuleFor(x => x.To).Must(t => t != Address.Zero).WithMessage("'to' must not be the zero address.");
        RuleFor(x => x.Items).NotEmpty().WithMessage("'items' must name at least one token.")
            .Must(i => i.Count <= MintLimits.MaxItems).WithMessage($"'items' may name at most {MintLimits.MaxItems} tokens.");
        RuleForEach(x => x.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Amount).Must(a => a > 0 && Uint256.Fits(a)).WithMessage("'amount' must be between 1 and 2^256-1.");
            item.RuleFor(i => i.TokenId).Must(id => id is not { } value || (value >= 1 && Uint256.Fits(value)))
                .WithMessage("'tokenId' must be an id of the collection (1 or more).");
            item.RuleFor(i => i.Uri).MintableUri().When(i => i.TokenId is null).WithMessage("A new id needs its 'uri'.");
            item.RuleFor(i => i.Uri).Null().When(i => i.TokenId is not null).WithMessage("'uri' is for new ids; an existing id keeps its own.");
            item.RuleFor(i => i.MaxSupply).Null().When(i => i.TokenId is not null).WithMessage("'maxSupply' is for new ids; an existing id keeps its cap.");
            item.RuleFor(i => i.MaxSupply).Must(m => m is not { } max || (Uint256.Fits(max)))
                .WithMessage("'maxSupply' must be between 0 (unlimited) and 2^256-1.");
            item.RuleFor(i => i.Amount).Must((i, amount) => i.MaxSupply is not { } max || max == 0 || amount <= max)
                .WithMessage("'amount' must not exceed the new id's 'maxSupply'.");
        });
        RuleFor(x => x.Items)
            .Must(items => items.All(i => i.TokenId is null) || items.Count == 1)
            .WithMessage("One transaction mints either new ids or more of one existing id; send the others in another prepareMint1155.");
        RuleFor(x => x.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(x => x.DeadlineSeconds).ValidDeadline();
    }
}

internal sealed class PrepareMint1155Handler(MintPreparation preparation) : IRequestHandler<PrepareMint1155, PreparedIntent>
{
    public Task<PreparedIntent> Handle(PrepareMint1155 request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = request.Items;
        return preparation.PrepareAsync(
            new MintPreparation.Mint(
                request.UserId, request.ChainId, request.Contract, request.To, TokenStandard.Erc1155, request.IdempotencyKey, request.DeadlineSeconds,
                new
                {
                    items = items.Select(i => new
                    {
                        tokenId = i.TokenId?.ToString(CultureInfo.InvariantCulture),
                        amount = i.Amount.ToString(CultureInfo.InvariantCulture),
                        maxSupply = i.MaxSupply?.ToString(CultureInfo.InvariantCulture),
                        uri = i.Uri,
                    }),
                }),
            to => Hex.FromBytes(Calldata(to, items)),
            cancellationToken);
    }

    private static byte[] Calldata(Address to, IReadOnlyList<Mint1155Item> items)
    {
        if (items[0].TokenId is { } existing)
        {
            return new MintExisting1155Function { To = to.Value, Id = existing, Amount = items[0].Amount }.GetCallData();
        }

        if (items.Count == 1)
        {
            return new Mint1155Function { To = to.Value, Amount = items[0].Amount, MaxSupply = items[0].MaxSupply ?? 0, Uri = items[0].Uri! }.GetCallData();
        }

        return new MintBatch1155Function
        {
            To = to.Value,
            Amounts = [.. items.Select(i => i.Amount)],
            MaxSupplies = [.. items.Select(i => i.MaxSupply ?? BigInteger.Zero)],
            Uris = [.. items.Select(i => i.Uri!)],
        }.GetCallData();
    }
}
