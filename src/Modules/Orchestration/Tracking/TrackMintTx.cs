using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;

namespace NftMarketplace.Modules.Orchestration.Tracking;

/// <summary>The creator sent a MINT intent's transaction: checked (<see cref="TxTracking"/>), then PENDING. <see cref="Contract"/> must be the intent's collection.</summary>
internal sealed record TrackMintTx(Guid UserId, Guid IntentId, ChainId ChainId, Hex TxHash, Address Contract) : IRequest<IntentView>;

internal sealed class TrackMintTxHandler(TxTracking tracking, IntentStatusCache intents) : IRequestHandler<TrackMintTx, IntentView>
{
    public async Task<IntentView> Handle(TrackMintTx request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await intents.GetAsync(request.IntentId, cancellationToken) is { } intent && intent.CreatedBy == request.UserId
            && intent.Kind == IntentKind.Mint && intent.Contract != request.Contract.Value)
        {
            throw new BadInputException($"The intent mints on {Address.Parse(intent.Contract).ToChecksumString()}, not {request.Contract.ToChecksumString()}.", "input.contract");
        }

        return await tracking.TrackAsync(request.UserId, request.IntentId, IntentKind.Mint, request.ChainId, request.TxHash, cancellationToken);
    }
}
