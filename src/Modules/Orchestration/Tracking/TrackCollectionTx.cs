using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Domain;
using NftMarketplace.Modules.Orchestration.Intents;

namespace NftMarketplace.Modules.Orchestration.Tracking;

/// <summary>
/// The creator sent a CREATE_COLLECTION intent's transaction: checked (<see cref="TxTracking"/>), then PENDING. A
/// <see cref="PreviewAddress"/>, when given, must be the intent's.
/// </summary>
internal sealed record TrackCollectionTx(Guid UserId, Guid IntentId, ChainId ChainId, Hex TxHash, Address? PreviewAddress) : IRequest<IntentView>;

internal sealed class TrackCollectionTxHandler(TxTracking tracking, IntentStatusCache intents) : IRequestHandler<TrackCollectionTx, IntentView>
{
    public async Task<IntentView> Handle(TrackCollectionTx request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PreviewAddress is { } preview
            && await intents.GetAsync(request.IntentId, cancellationToken) is { } intent && intent.CreatedBy == request.UserId
            && intent.PreviewAddress != preview.Value)
        {
            throw new BadInputException($"The intent's collection address is {Address.Parse(intent.PreviewAddress).ToChecksumString()}, not {preview.ToChecksumString()}.", "input.previewAddress");
        }

        return await tracking.TrackAsync(request.UserId, request.IntentId, IntentKind.CreateCollection, request.ChainId, request.TxHash, cancellationToken);
    }
}
