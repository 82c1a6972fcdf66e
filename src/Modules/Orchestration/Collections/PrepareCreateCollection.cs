using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Options;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.Contracts;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Collections;

/// <summary>
/// Prepares a collection's creation through the chain's factory: pins the collection metadata (its contractURI),
/// builds <c>createCollection(standard, config, salt)</c> from the caller's wallet with a fresh salt, and predicts the
/// CREATE2 address. Everything that reaches the network happens here, before the intent is stored
/// (<see cref="SavePreparedIntent"/>). A retried idempotency key answers the first intent, unchanged.
/// </summary>
internal sealed record PrepareCreateCollection(
    Guid UserId,
    ChainId ChainId,
    TokenStandard Standard,
    string Name,
    string Symbol,
    string? Description,
    string? ImageCid,
    string? BannerCid,
    Address? RoyaltyReceiver,
    int RoyaltyBps,
    BigInteger? MaxSupply,
    string? IdempotencyKey,
    int? DeadlineSeconds) : IRequest<PreparedIntent>;

internal sealed class PrepareCreateCollectionValidator : AbstractValidator<PrepareCreateCollection>
{
    public const int MaxDescriptionLength = 5000;

    public PrepareCreateCollectionValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Symbol).NotEmpty().MaximumLength(32);
        RuleFor(x => x.Description).MaximumLength(MaxDescriptionLength);
        RuleFor(x => x.ImageCid).MaximumLength(200);
        RuleFor(x => x.BannerCid).MaximumLength(200);
        RuleFor(x => x.RoyaltyBps).InclusiveBetween(0, 10000);
        RuleFor(x => x.RoyaltyReceiver)
            .Must(r => r is { } receiver && receiver != Address.Zero)
            .When(x => x.RoyaltyBps > 0)
            .WithMessage("'royaltyReceiver' is required (and not the zero address) when 'royaltyBps' is above 0.");
        RuleFor(x => x.MaxSupply)
            .Must(m => m is not { } max || (Uint256.Fits(max)))
            .WithMessage("'maxSupply' must be between 0 (unlimited) and 2^256-1.");
        RuleFor(x => x.MaxSupply)
            .Null()
            .When(x => x.Standard == TokenStandard.Erc1155)
            .WithMessage("'maxSupply' is for ERC721 collections; an ERC1155 collection caps each id when it is minted.");
        RuleFor(x => x.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(x => x.DeadlineSeconds).ValidDeadline();
    }
}

internal sealed class PrepareCreateCollectionHandler(
    ISender sender,
    OrchestrationDbContext db,
    IntentChains intentChains,
    TxRequestBuilder builder,
    IChainRpcClientFactory chains,
    IOptions<IntentOptions> options,
    TimeProvider time) : IRequestHandler<PrepareCreateCollection, PreparedIntent>
{
    public async Task<PreparedIntent> Handle(PrepareCreateCollection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.IdempotencyKey is { } key && await IdempotentIntents.FindAsync(db, request.UserId, key, cancellationToken) is { } existing)
        {
            return PreparedIntent.Of(existing);
        }

        await intentChains.RequireEnabledAsync(request.ChainId, "input.chainId", cancellationToken);
        var factory = await intentChains.ContractAsync(request.ChainId, ContractNames.NftFactory, cancellationToken);
        var from = await intentChains.SenderAsync(request.UserId, request.ChainId, "input.chainId", cancellationToken);
        var image = await KnownAssetAsync(request.ImageCid, "input.imageCid", cancellationToken);
        var banner = await KnownAssetAsync(request.BannerCid, "input.bannerCid", cancellationToken);

        var receiver = request.RoyaltyReceiver ?? Address.Zero;
        var metadata = CollectionMetadata.Json(request.Name, request.Description, image, banner, request.RoyaltyBps, request.RoyaltyReceiver);
        var contractUri = (await sender.Send(new PinMetadata(request.UserId, metadata), cancellationToken)).Uri;

        var salt = RandomNumberGenerator.GetBytes(32);
        var create = new CreateCollectionFunction
        {
            Standard = (byte)request.Standard,
            Config = new CollectionConfig
            {
                Name = request.Name,
                Symbol = request.Symbol,
                ContractUri = contractUri,
                RoyaltyReceiver = receiver.Value,
                RoyaltyBps = request.RoyaltyBps,
                MaxSupply = request.MaxSupply ?? BigInteger.Zero,
            },
            Salt = salt,
        };
        var preview = await PredictAsync(request.ChainId, factory, request.Standard, from, salt, cancellationToken);
        var tx = await builder.BuildAsync(request.ChainId, from, factory, Hex.FromBytes(create.GetCallData()), "input", cancellationToken);

        var now = time.GetUtcNow();
        var intent = new TxIntent
        {
            IntentId = Guid.CreateVersion7(),
            Kind = IntentKind.CreateCollection,
            ChainId = request.ChainId.Value,
            PreviewAddress = preview.Value,
            Status = IntentStatus.Prepared,
            CreatedBy = request.UserId,
            IdempotencyKey = request.IdempotencyKey,
            ReqPayloadJson = JsonSerializer.Serialize(new
            {
                chainId = request.ChainId.Value,
                standard = request.Standard.ToString().ToUpperInvariant(),
                name = request.Name,
                symbol = request.Symbol,
                description = request.Description,
                imageCid = image,
                bannerCid = banner,
                royaltyReceiver = request.RoyaltyReceiver?.Value,
                royaltyBps = request.RoyaltyBps,
                maxSupply = request.MaxSupply?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                contractUri,
                salt = Hex.FromBytes(salt).Value,
            }),
            TxRequestJson = tx.ToJson(),
            DeadlineAt = IntentRules.DeadlineAt(now, request.DeadlineSeconds, options.Value),
            CreatedAt = now,
            UpdatedAt = now,
        };
        return PreparedIntent.Of(await sender.Send(new SavePreparedIntent(intent), cancellationToken));
    }

    /// <summary>The CID of a Media asset (given bare or as <c>ipfs://</c>), or null; an unknown one is bad input.</summary>
    private async Task<string?> KnownAssetAsync(string? cid, string field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cid))
        {
            return null;
        }

        // MaxBytes 0: only whether it exists; the bytes are not read.
        return await sender.Send(new GetMediaContent(cid, 0), cancellationToken) switch
        {
            MediaContentFound found => found.Cid,
            MediaContentTooLarge large => large.Cid,
            _ => throw new BadInputException($"'{cid}' is not an approved media asset; upload it with uploadMedia first.", field),
        };
    }

    /// <summary>The factory's own answer (<c>predictCollectionAddress</c>), so the preview is what its CREATE2 will give.</summary>
    private async Task<Address> PredictAsync(ChainId chainId, Address factory, TokenStandard standard, Address creator, byte[] salt, CancellationToken cancellationToken)
    {
        var predict = new PredictCollectionAddressFunction { Standard = (byte)standard, Creator = creator.Value, Salt = salt };
        try
        {
            var answer = await chains.GetClient(chainId).CallAsync(
                new CallInput(Hex.FromBytes(predict.GetCallData()).Value, factory.Value), cancellationToken: cancellationToken);
            var word = answer.ToBytes();
            return word.Length == 32 ? Address.FromBytes(word.AsSpan(12)) : throw new AppException(ErrorCode.Internal, "The factory's prediction is malformed.");
        }
        catch (ChainUnavailableException ex)
        {
            throw new AppException(ErrorCode.Internal, $"Chain '{chainId}' does not answer; try again shortly.", inner: ex);
        }
    }
}
