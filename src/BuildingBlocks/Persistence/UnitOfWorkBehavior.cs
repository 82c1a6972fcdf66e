using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.BuildingBlocks.Persistence;

/// <summary>
/// Runs a module's command in one transaction: the state change and the integration events it
/// raised (outbox rows) commit together or not at all; what the handlers queued with
/// <see cref="ModuleDbContext.AfterCommit"/> runs once it committed. Registered only for the
/// commands of the module that owns <typeparamref name="TContext"/>.
/// </summary>
internal sealed class UnitOfWorkBehavior<TRequest, TResponse, TContext>(TContext db, AfterCommitRunner afterCommit)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand<TResponse>
    where TContext : ModuleDbContext
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // A command sent from inside another of the same module joins its unit of work (and its after-commit actions).
            return await next().ConfigureAwait(false);
        }

        TResponse response;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            response = await next().ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            db.DiscardAfterCommitActions();
            throw;
        }

        await afterCommit.RunAsync(db).ConfigureAwait(false);
        return response;
    }
}
