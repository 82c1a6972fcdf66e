using Microsoft.EntityFrameworkCore;
using Npgsql;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Registry.Domain;
using NftMarketplace.Modules.Registry.Persistence;

namespace NftMarketplace.Modules.Registry.Chains;

/// <summary>Loads and saves chains for the commands; maps database clashes to <c>CONFLICT</c>.</summary>
internal sealed class ChainStore(RegistryDbContext db, BuildingBlocks.Chain.IChainEndpointsInvalidation endpoints, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public Task<Chain?> FindAsync(ChainId chainId, CancellationToken cancellationToken) =>
        db.Chains.AsSplitQuery()
            .Include(c => c.Endpoints)
            .Include(c => c.Contracts)
            .Include(c => c.GasPolicy)
            .FirstOrDefaultAsync(c => c.Caip2 == chainId.Value, cancellationToken);

    /// <summary>The chain a mutation refers to; an unknown one is bad input naming <c>chainId</c>.</summary>
    public async Task<Chain> RequireAsync(ChainId chainId, CancellationToken cancellationToken) =>
        await FindAsync(chainId, cancellationToken)
            ?? throw new BadInputException($"Chain '{chainId}' is not registered.", "input.chainId");

    public void Add(Chain chain) => db.Chains.Add(chain);

    /// <summary>
    /// Bumps the chain's version and saves, when anything changed: a command that changes nothing (enabling an enabled
    /// chain, an unchanged gas observation) must not invalidate every cached copy of the chain.
    /// </summary>
    public async Task<ChainSnapshot> SaveAsync(Chain chain, CancellationToken cancellationToken)
    {
        if (!db.ChangeTracker.HasChanges())
        {
            return ChainReader.ToSnapshot(chain);
        }

        var endpointsChanged = db.Entry(chain).State == EntityState.Added
            || db.Entry(chain).Property(c => c.Enabled).IsModified
            || db.ChangeTracker.Entries<ChainEndpoint>().Any(e => e.State != EntityState.Unchanged);
        chain.Touch(Now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new AppException(ErrorCode.Conflict, $"Chain '{chain.Caip2}' was changed at the same time; try again.", inner: ex);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new AppException(ErrorCode.Conflict, ConflictMessage(chain, unique.ConstraintName), inner: ex);
        }

        if (endpointsChanged && ChainId.TryParse(chain.Caip2, out var id) && id.IsEip155)
        {
            // The chain client of this process reads its endpoints again at its next call rather than after its refresh
            // interval, so a chain added or repaired at run time is reachable (and followed) at once.
            db.AfterCommit(_ =>
            {
                endpoints.Invalidate(id);
                return Task.CompletedTask;
            });
        }

        return ChainReader.ToSnapshot(chain);
    }

    private static string ConflictMessage(Chain chain, string? constraint) => constraint switch
    {
        { } c when c.Contains("endpoints", StringComparison.Ordinal) => $"Chain '{chain.Caip2}' already has this endpoint.",
        { } c when c.Contains("contracts", StringComparison.Ordinal) => $"Chain '{chain.Caip2}' already has a contract of this name.",
        _ => $"Chain '{chain.Caip2}' is already registered.",
    };
}
