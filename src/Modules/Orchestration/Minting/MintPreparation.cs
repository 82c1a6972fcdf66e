using System.Text.Json;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;
using NftMarketplace.SmartContracts.Factory;

namespace NftMarketplace.Modules.Orchestration.Minting;

/// <summary>What both mint prepares do around their calldata: chain, sender, the minter check, the transaction, the intent.</summary>
internal sealed class MintPreparation(
    ISender sender,
    OrchestrationDbContext db,
    IntentChains intentChains,
    ICollectionMinters minters,
    TxRequestBuilder builder,
    IOptions<IntentOptions> options,
    TimeProvider time)
{
    /// <param name="NewTokens">ERC-721: the tokens the mint creates, checked against the collection's cap up front.</param>
    public sealed record Mint(
        Guid UserId, ChainId ChainId, Address Contract, Address? To, TokenStandard Standard, string? IdempotencyKey, int? DeadlineSeconds, object Payload,
        int NewTokens = 0);

    public async Task<PreparedIntent> PrepareAsync(Mint mint, Func<Address, Hex> calldata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mint);
        ArgumentNullException.ThrowIfNull(calldata);
        if (mint.IdempotencyKey is { } key && await IdempotentIntents.FindAsync(db, mint.UserId, key, cancellationToken) is { } existing)
        {
            return PreparedIntent.Of(existing);
        }

        await intentChains.RequireEnabledAsync(mint.ChainId, "input.chainId", cancellationToken);
        var from = await intentChains.SenderAsync(mint.UserId, mint.ChainId, "input.chainId", cancellationToken);
        var access = await minters.CheckAsync(mint.ChainId, mint.Contract, from, cancellationToken);
        if (access is null || access.Standard != mint.Standard)
        {
            throw new BadInputException(
                $"'{mint.Contract.ToChecksumString()}' is no {(mint.Standard == TokenStandard.Erc721 ? "ERC721" : "ERC1155")} collection on '{mint.ChainId}'.",
                "input.contract");
        }

        if (!access.CanMint)
        {
            throw new AppException(
                ErrorCode.Forbidden, $"Your wallet {from.ToChecksumString()} is neither the owner nor a minter of this collection.", "input.contract");
        }

        if (access.Exceeds(mint.NewTokens))
        {
            throw new BadInputException(
                $"Minting {mint.NewTokens} more would exceed the collection's max supply of {access.MaxSupply} ({access.TotalMinted} minted so far).",
                "input.items");
        }

        var to = mint.To ?? from;
        var tx = await builder.BuildAsync(mint.ChainId, from, mint.Contract, calldata(to), "input.items", cancellationToken);
        var now = time.GetUtcNow();
        var intent = new TxIntent
        {
            IntentId = Guid.CreateVersion7(),
            Kind = IntentKind.Mint,
            ChainId = mint.ChainId.Value,
            Contract = mint.Contract.Value,
            Status = IntentStatus.Prepared,
            CreatedBy = mint.UserId,
            IdempotencyKey = mint.IdempotencyKey,
            ReqPayloadJson = JsonSerializer.Serialize(new { chainId = mint.ChainId.Value, contract = mint.Contract.Value, to = to.Value, request = mint.Payload }),
            TxRequestJson = tx.ToJson(),
            DeadlineAt = IntentRules.DeadlineAt(now, mint.DeadlineSeconds, options.Value),
            CreatedAt = now,
            UpdatedAt = now,
        };
        return PreparedIntent.Of(await sender.Send(new SavePreparedIntent(intent), cancellationToken));
    }
}
