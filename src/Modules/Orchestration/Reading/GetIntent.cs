using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Orchestration.Intents;

namespace NftMarketplace.Modules.Orchestration.Reading;

/// <summary>An intent of <see cref="UserId"/>, or null: another user's intent is as unknown as one that does not exist.</summary>
internal sealed record GetIntent(Guid UserId, Guid IntentId) : IQuery<IntentView?>;

internal sealed class GetIntentHandler(IntentStatusCache intents) : IRequestHandler<GetIntent, IntentView?>
{
    public async Task<IntentView?> Handle(GetIntent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await intents.GetAsync(request.IntentId, cancellationToken) is { } intent && intent.CreatedBy == request.UserId ? intent : null;
    }
}
