using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Tracking;

/// <summary>
/// Trusts nothing the client says about its transaction: the intent must be the caller's (anyone else gets the answer
/// an unknown id gets), and the transaction must exist (a wallet may still be broadcasting it: it gets
/// <c>Orchestration:Intents:TrackGracePeriod</c> to appear), come from the wallet the intent was prepared for and carry
/// the prepared <c>to</c> and calldata. Anything else is <c>BAD_USER_INPUT</c> and leaves the intent as it was.
/// </summary>
internal sealed class TxTracking(
    OrchestrationDbContext db, ISender sender, IChainRpcClientFactory chains, IOptions<IntentOptions> options, TimeProvider time)
{
    private static readonly TimeSpan LookAgain = TimeSpan.FromMilliseconds(250);

    public async Task<IntentView> TrackAsync(Guid userId, Guid intentId, IntentKind kind, ChainId chainId, Hex txHash, CancellationToken cancellationToken)
    {
        var intent = await db.Intents.AsNoTracking().FirstOrDefaultAsync(i => i.IntentId == intentId, cancellationToken);
        if (intent is null || intent.CreatedBy != userId || intent.Kind != kind)
        {
            throw IntentErrors.NotFound("input.intentId");
        }

        if (intent.ChainId != chainId.Value)
        {
            throw new BadInputException($"The intent is on '{intent.ChainId}', not '{chainId}'.", "input.chainId");
        }

        if (!TxHash.TryParse(txHash.Value, out var hash))
        {
            throw new BadInputException("'txHash' must be a 32-byte transaction hash.", "input.txHash");
        }

        if (intent.TxHash == hash.Value)
        {
            // The same hash again: nothing to check or change.
            return IntentView.Of(intent);
        }

        if (intent.Status != IntentStatus.Prepared)
        {
            throw new AppException(ErrorCode.Conflict, $"The intent is {intent.Status.Name()}; it tracks no further transaction.", "input.txHash");
        }

        var prepared = PreparedTx.FromJson(intent.TxRequestJson);
        var tx = await FindAsync(chainId, hash, cancellationToken)
            ?? throw new BadInputException($"Transaction {hash} is not known to '{chainId}'; send the prepared transaction, then track its hash.", "input.txHash");
        if (!Same(tx.From, prepared.From))
        {
            throw new BadInputException($"Transaction {hash} was sent from {tx.From}, not from your wallet {prepared.From} the intent was prepared for.", "input.txHash");
        }

        if (!Same(tx.To, prepared.To) || !Same(tx.Input, prepared.Data))
        {
            throw new BadInputException($"Transaction {hash} is not the prepared one: its recipient or calldata differ.", "input.txHash");
        }

        return await sender.Send(new RecordTrackedTx(intentId, hash.Value, (long)tx.Nonce.Value), cancellationToken);
    }

    private async Task<Transaction?> FindAsync(ChainId chainId, TxHash hash, CancellationToken cancellationToken)
    {
        var client = chains.GetClient(chainId);
        var giveUpAt = time.GetUtcNow() + options.Value.TrackGracePeriod;
        while (true)
        {
            try
            {
                var tx = await client.SendAsync<Transaction>(new EthGetTransactionByHash(client).BuildRequest(hash.Value), cancellationToken);
                if (tx is not null || time.GetUtcNow() >= giveUpAt)
                {
                    return tx;
                }
            }
            catch (ChainUnavailableException ex)
            {
                throw new AppException(ErrorCode.Internal, $"Chain '{chainId}' does not answer; try again shortly.", inner: ex);
            }

            await Task.Delay(LookAgain, time, cancellationToken);
        }
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
