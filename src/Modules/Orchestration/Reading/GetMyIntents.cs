using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Reading;

/// <summary>A page of the user's intents, oldest first (ids are UUIDv7, so the key orders by creation).</summary>
internal sealed record GetMyIntents(Guid UserId, PageRequest Page) : IQuery<Connection<IntentView>>;

internal sealed class GetMyIntentsHandler(OrchestrationDbContext db) : IRequestHandler<GetMyIntents, Connection<IntentView>>
{
    public async Task<Connection<IntentView>> Handle(GetMyIntents request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await db.Intents.AsNoTracking().Where(i => i.CreatedBy == request.UserId)
            .ToConnectionAsync(i => i.IntentId, request.Page, cancellationToken);
        return new Connection<IntentView>(
            [.. page.Edges.Select(e => new Edge<IntentView>(e.Cursor, IntentView.Of(e.Node)))], page.PageInfo, page.CountTotalAsync);
    }
}
