using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Orchestration.Intents;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.GraphQL;

/// <summary>Intents by id, in one query per response.</summary>
internal sealed class IntentsById(OrchestrationDbContext db) : BatchLoader<Guid, IntentView>
{
    protected override async Task<IEnumerable<IntentView>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        (await db.Intents.AsNoTracking().Where(i => keys.Contains(i.IntentId)).ToListAsync(cancellationToken)).Select(IntentView.Of);

    protected override Guid KeyOf(IntentView value) => value.IntentId;
}

/// <summary><c>node(id)</c> for <c>TxIntent</c>: the caller's own intents only; anyone else's reads as one that does not exist.</summary>
internal sealed class IntentNodeResolver : INodeResolver
{
    public string TypeName => TxIntentType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IResolveFieldContext context, string localId)
    {
        if (!Guid.TryParse(localId, out var intentId))
        {
            return null;
        }

        var caller = context.CurrentUserId();
        return context.Loader<IntentsById>().Load(intentId).Then(intent => intent is not null && intent.CreatedBy == caller ? (object?)intent : null);
    }
}
