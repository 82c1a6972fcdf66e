using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Caching;
using NftMarketplace.Modules.Orchestration.Persistence;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>
/// The fast copy of each intent's state, <c>intent:status:{id}</c> (EX 21600), written once a change has committed
/// and rebuilt from Postgres when it is missing (expired, evicted, or lost while Redis was away). Postgres holds the
/// truth: a copy that could not be written is only a slower read.
/// </summary>
internal sealed class IntentStatusCache(RedisFastPath redis, IServiceScopeFactory scopes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task WriteAsync(IntentView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var json = JsonSerializer.Serialize(view, Json);
        return redis.TryRunAsync(db => db.StringSetAsync(RedisKeys.IntentStatus(view.IntentId), json, RedisKeys.IntentStatusTtl), cancellationToken);
    }

    /// <summary>The intent's state from the fast copy, else from Postgres (and the copy written again); null when unknown.</summary>
    public async Task<IntentView?> GetAsync(Guid intentId, CancellationToken cancellationToken)
    {
        var (answered, value) = await redis.TryAsync(db => db.StringGetAsync(RedisKeys.IntentStatus(intentId)), cancellationToken).ConfigureAwait(false);
        if (answered && value.HasValue && JsonSerializer.Deserialize<IntentView>(value.ToString(), Json) is { } cached)
        {
            return cached;
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<OrchestrationDbContext>();
            var intent = await db.Intents.AsNoTracking().FirstOrDefaultAsync(i => i.IntentId == intentId, cancellationToken).ConfigureAwait(false);
            if (intent is null)
            {
                return null;
            }

            var view = IntentView.Of(intent);
            if (answered)
            {
                await WriteAsync(view, cancellationToken).ConfigureAwait(false);
            }

            return view;
        }
    }
}
