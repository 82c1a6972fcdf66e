using Microsoft.Extensions.Logging;

namespace NftMarketplace.BuildingBlocks.Persistence;

/// <summary>
/// Runs what a unit of work queued with <see cref="ModuleDbContext.AfterCommit"/>, once it committed. Each action runs
/// even when one before it failed: the data is committed, so a lost side effect is logged, not turned into an error the
/// caller would answer by repeating a change that happened.
/// </summary>
internal sealed partial class AfterCommitRunner(ILogger<AfterCommitRunner> logger)
{
    public async Task RunAsync(ModuleDbContext db)
    {
        foreach (var action in db.TakeAfterCommitActions())
        {
            try
            {
                // Not the caller's token: a caller that goes away after the commit must not cancel the commit's effects.
                await action(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogFailed(ex, db.Schema);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A side effect after a commit of module {Schema} failed; the committed change stands")]
    private partial void LogFailed(Exception exception, string schema);
}
