using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Decoding;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Persistence;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// Follows one chain while it holds the chain's lease: publishes every block once it has the chain's
/// confirmations, detects reorgs by parent hash and rewinds, and backfills contracts that joined late. Each step reads
/// the chain first and then writes in one transaction (no network inside it).
/// </summary>
internal sealed partial class ChainFollower(
    ChainId chain,
    Func<int> confirmations,
    ChainLease lease,
    ChainData data,
    IServiceScopeFactory scopes,
    FollowerOptions options,
    FollowerStatusBoard board,
    HeadSignal heads,
    TimeProvider time,
    ILogger logger)
{
    private const string ZeroHash = "0x0000000000000000000000000000000000000000000000000000000000000000";

    private bool _backfillTurn;

    /// <summary>Factories already stored as followed: a step at the head does not write them again.</summary>
    private readonly HashSet<(string Address, long StartBlock)> _factoriesAdded = [];

    // Logs per block of the last backfill range, which sizes the next one; null before the first.
    private double? _logsPerBlock;

    // The next backfill range, being read while the current one is stored.
    private PendingRead? _ahead;

    private string ChainKey => chain.Value;

    /// <summary>Follows until cancelled, the lease is lost (returns) or the chain halts (<see cref="FollowerHaltedException"/>).</summary>
    public async Task RunAsync(Func<IReadOnlyList<(string Address, long StartBlock)>> factories, CancellationToken cancellationToken)
    {
        await StartAsync(factories(), cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await lease.IsHeldAsync(cancellationToken).ConfigureAwait(false))
            {
                LogLeaseLost(ChainKey);
                return;
            }

            bool progressed;
            try
            {
                await AddFactoriesAsync(factories(), cancellationToken).ConfigureAwait(false);
                progressed = await StepAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (LeaseLostException ex)
            {
                LogFenced(ChainKey, ex.Message);
                return;
            }
            catch (Exception ex) when (ex is not FollowerHaltedException && !cancellationToken.IsCancellationRequested)
            {
                // An endpoint down, the database restarting: keep the lease and try again after a pause.
                LogStepFailed(ex, ChainKey);
                progressed = false;
            }

            if (!progressed)
            {
                // A new head (newHeads) ends the wait at once; the poll interval bounds it when no notification comes.
                await heads.WaitAsync(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One step: a reorg rewind, a live range, or a backfill range. False when there was nothing to do.</summary>
    internal async Task<bool> StepAsync(CancellationToken cancellationToken)
    {
        var head = await data.HeadAsync(cancellationToken).ConfigureAwait(false);
        board.Update(ChainKey, s => s with { Head = head, HoldsLease = true });
        var safe = head - Math.Max(1, confirmations()) + 1;

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<FollowerStore>();
        var checkpoint = await store.CheckpointAsync(ChainKey, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{ChainKey} has no checkpoint.");

        if (safe <= checkpoint.LastBlock)
        {
            // Nothing new to publish; make sure the last published block is still on the chain (a reorg that does not
            // make the chain longer shows here). Only a different hash counts: a node that is behind (a failover to a
            // lagging endpoint) has no such block yet, which says nothing about it.
            if (checkpoint.LastBlock >= 0 && head >= checkpoint.LastBlock)
            {
                var current = (await data.HeadersAsync([checkpoint.LastBlock], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(checkpoint.LastBlock);
                if (current is not null && current.Hash != checkpoint.LastBlockHash)
                {
                    return await RewindAsync(store, checkpoint, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (head >= 0 && head < checkpoint.LastBlock
                && await store.PublishedHashAsync(ChainKey, head, cancellationToken).ConfigureAwait(false) is { } published)
            {
                // Shorter than what was published: a lagging node still agrees on its own head; a chain rolled back (and
                // perhaps grown again by fewer blocks) does not, and waiting for it to outgrow the checkpoint would leave the
                // dropped blocks published meanwhile.
                var current = (await data.HeadersAsync([head], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(head);
                if (current is not null && current.Hash != published)
                {
                    return await RewindAsync(store, checkpoint, cancellationToken).ConfigureAwait(false);
                }
            }

            return await BackfillAsync(store, checkpoint, cancellationToken).ConfigureAwait(false);
        }

        // Live ranges and backfill ranges take turns, so a chain that always has a new block cannot starve a backfill.
        if (_backfillTurn)
        {
            _backfillTurn = false;
            if (await BackfillAsync(store, checkpoint, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        var from = checkpoint.LastBlock + 1;
        var to = Math.Min(safe, checkpoint.LastBlock + options.MaxBlocksPerCommit);
        var followed = await store.FollowedAsync(ChainKey, cancellationToken).ConfigureAwait(false);
        var live = followed.Where(f => f.BackfillStatus == BackfillStatuses.Live && f.FromBlock <= to).ToList();

        var logs = await data.LogsAsync(from, to, [.. live.Select(f => f.Address)], cancellationToken).ConfigureAwait(false);
        var windowStart = Math.Max(from, to - options.HashWindow + 1);
        var created = CreatedIn(logs, live);
        if (created.Count > 0)
        {
            // Collections created in this range: their logs of the same range, from their creation block, commit with it.
            logs = Merge(logs, await data.LogsAsync(created.Min(c => c.FromBlock), to, [.. created.Select(c => c.Address)], cancellationToken).ConfigureAwait(false));
        }

        var numbers = logs.Select(l => l.BlockNumber).Append(from).Append(to);
        numbers = numbers.Concat(Enumerable.Range(0, (int)(to - windowStart + 1)).Select(i => windowStart + i));
        var headers = await data.HeadersAsync(numbers, cancellationToken).ConfigureAwait(false);

        var first = headers.GetValueOrDefault(from);
        var end = headers.GetValueOrDefault(to);
        if (first is null || end is null)
        {
            // The node is behind its own head answer, or blocks vanished (a rollback): look again next step.
            return false;
        }

        if (checkpoint.LastBlock >= 0 && first.ParentHash != checkpoint.LastBlockHash)
        {
            return await RewindAsync(store, checkpoint, cancellationToken).ConfigureAwait(false);
        }

        var window = headers.Values.OfType<BlockHeader>().Where(h => h.Number >= windowStart).OrderBy(h => h.Number).ToList();
        if (window.Count != to - windowStart + 1 || !ForkFinder.Links(window, windowStart == from ? checkpoint.LastBlockHash : null)
            || logs.Any(l => headers.GetValueOrDefault(l.BlockNumber)?.Hash != l.BlockHash))
        {
            // The chain changed while the range was read: read it again.
            LogRangeMoved(ChainKey, from, to);
            return true;
        }

        var standards = live.Concat(created.Select(c => new FollowedContract
        {
            ChainId = ChainKey, Address = c.Address, Standard = c.Standard, FromBlock = c.FromBlock, Source = FollowedSources.Created,
            BackfillStatus = BackfillStatuses.Live,
        })).GroupBy(f => f.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var range = Decode(from, to, logs, standards, headers);
        var stored = await store.CommitLiveAsync(
            lease, ChainKey, checkpoint, range, window, end, options.HashWindow, options.MaxFactsPerMessage, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogPublished(ChainKey, from, to, stored);
        _backfillTurn = true;
        return true;
    }

    private async Task StartAsync(IReadOnlyList<(string Address, long StartBlock)> factories, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<FollowerStore>();
        if (await store.StatsAsync(ChainKey, cancellationToken).ConfigureAwait(false) is { HaltedReason: { } halted })
        {
            throw new FollowerHaltedException(halted);
        }

        if (await store.CheckpointAsync(ChainKey, cancellationToken).ConfigureAwait(false) is null)
        {
            // A new chain starts just below its oldest factory (or at the current safe head when it has none yet).
            long start;
            if (factories.Count > 0)
            {
                start = factories.Min(f => f.StartBlock) - 1;
            }
            else
            {
                start = await data.HeadAsync(cancellationToken).ConfigureAwait(false) - Math.Max(1, confirmations()) + 1;
            }

            start = Math.Max(-1, start);
            // The blocks below the start go into the hash window too, so a reorg of the very first blocks finds its fork.
            var below = (await data.HeadersAsync(
                Enumerable.Range(0, options.HashWindow).Select(i => start - i), cancellationToken).ConfigureAwait(false)).Values.OfType<BlockHeader>().ToList();
            var hash = start < 0 ? ZeroHash : below.FirstOrDefault(h => h.Number == start)?.Hash
                ?? throw new InvalidOperationException($"{ChainKey} has no block {start}.");
            await store.EnsureCheckpointAsync(ChainKey, start, hash, below, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        await AddFactoriesAsync(factories, cancellationToken).ConfigureAwait(false);
    }

    private async Task AddFactoriesAsync(IReadOnlyList<(string Address, long StartBlock)> factories, CancellationToken cancellationToken)
    {
        if (factories.All(_factoriesAdded.Contains))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<FollowerStore>();
        var checkpoint = await store.CheckpointAsync(ChainKey, cancellationToken).ConfigureAwait(false);
        await store.AddFactoriesAsync(ChainKey, factories, checkpoint?.LastBlock ?? -1, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _factoriesAdded.UnionWith(factories);
    }

    /// <summary>
    /// Backfills contracts that joined behind the checkpoint, oldest first, one range per step, up to the checkpoint;
    /// they go LIVE once they reach it. A range holds about <see cref="FollowerOptions.MaxLogsPerCommit"/> logs at the
    /// density seen so far, and the next range is read while this one is stored, so the consumers start on the first
    /// part of a long history while the rest is still being read.
    /// </summary>
    private async Task<bool> BackfillAsync(FollowerStore store, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var behind = (await store.FollowedAsync(ChainKey, cancellationToken).ConfigureAwait(false))
            .Where(f => f.BackfillStatus == BackfillStatuses.Backfilling).ToList();
        if (behind.Count == 0)
        {
            _ahead = null;
            return false;
        }

        var plan = PlanBackfill(behind, checkpoint.LastBlock);
        var (logs, created, headers) = await ReadAsync(plan, cancellationToken).ConfigureAwait(false);
        var window = (await store.WindowDescendingAsync(ChainKey, options.HashWindow, cancellationToken).ConfigureAwait(false))
            .ToDictionary(w => w.Number, w => w.Hash);
        if (logs.Any(l => headers.GetValueOrDefault(l.BlockNumber)?.Hash != l.BlockHash
            || (window.TryGetValue(l.BlockNumber, out var published) && published != l.BlockHash)))
        {
            // A block the live follower published has changed: its reorg check comes first.
            _ahead = null;
            return false;
        }

        var (from, to, reading) = plan;
        var joined = created.Select(c => new FollowedContract
        {
            ChainId = ChainKey, Address = c.Address, Standard = c.Standard, FromBlock = c.FromBlock, Source = FollowedSources.Created,
            BackfillStatus = BackfillStatuses.Backfilling, BackfilledTo = to,
        }).ToList();
        var standards = reading.Concat(joined).GroupBy(f => f.Address, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var range = Decode(from, Math.Max(from, to), logs, standards, headers);

        if (to >= from)
        {
            _logsPerBlock = logs.Count / (double)(to - from + 1);
        }

        ReadAhead(behind, plan, joined, checkpoint.LastBlock, cancellationToken);
        var stored = await store.CommitBackfillAsync(
            lease, ChainKey, checkpoint, range with { To = to }, [.. reading.Select(f => f.Address)], options.MaxFactsPerMessage, time.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        LogBackfilled(ChainKey, reading.Count, from, to, stored);
        return true;
    }

    /// <summary>The next backfill range: from the oldest block a contract still needs, as many blocks as the density allows.</summary>
    private BackfillPlan PlanBackfill(IReadOnlyList<FollowedContract> behind, long checkpoint)
    {
        var from = behind.Min(f => Math.Max(f.BackfilledTo + 1, f.FromBlock));
        // Unknown density: one request's worth of blocks; then as many as hold about MaxLogsPerCommit logs.
        var span = _logsPerBlock switch
        {
            null => options.InitialLogRange,
            0 => options.MaxBlocksPerCommit,
            var density => options.MaxLogsPerCommit / density.Value,
        };
        var to = Math.Min(checkpoint, from + (long)Math.Clamp(span, 1, options.MaxBlocksPerCommit) - 1);
        var reading = behind.Where(f => Math.Max(f.BackfilledTo + 1, f.FromBlock) <= to).OrderBy(f => f.Address, StringComparer.Ordinal).ToList();
        return new BackfillPlan(from, to, reading);
    }

    /// <summary>The logs (with those of collections created in the range) and headers of <paramref name="plan"/>: read ahead, or now.</summary>
    private async Task<BackfillRead> ReadAsync(BackfillPlan plan, CancellationToken cancellationToken)
    {
        var ahead = _ahead;
        _ahead = null;
        if (ahead is { } read && read.Key == plan.Key)
        {
            try
            {
                return await read.Task.ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Read again below: an endpoint that failed then may answer now.
                LogReadAheadFailed(ex, ChainKey, plan.From, plan.To);
            }
        }

        return await ReadRangeAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts reading the range that follows <paramref name="plan"/> once it is stored, unless that reaches the checkpoint.</summary>
    private void ReadAhead(IReadOnlyList<FollowedContract> behind, BackfillPlan plan, IReadOnlyList<FollowedContract> joined, long checkpoint, CancellationToken cancellationToken)
    {
        var reading = plan.Reading.Select(f => f.Address).ToHashSet(StringComparer.Ordinal);
        // As the store will leave them: the contracts read advanced to the range's end; those that reach the checkpoint go LIVE.
        var next = behind.Select(f => reading.Contains(f.Address) ? Advanced(f, plan.To) : f).Concat(joined)
            .Where(f => f.BackfilledTo < checkpoint).ToList();
        if (next.Count == 0)
        {
            return;
        }

        var following = PlanBackfill(next, checkpoint);
        if (following.To < following.From)
        {
            return;
        }

        _ahead = new PendingRead(following.Key, Task.Run(() => ReadRangeAsync(following, cancellationToken), cancellationToken));

        static FollowedContract Advanced(FollowedContract f, long to) => new()
        {
            ChainId = f.ChainId, Address = f.Address, Standard = f.Standard, FromBlock = f.FromBlock, Source = f.Source, Factory = f.Factory,
            BackfillStatus = f.BackfillStatus, BackfilledTo = Math.Max(f.BackfilledTo, to), CreatedAt = f.CreatedAt,
        };
    }

    private async Task<BackfillRead> ReadRangeAsync(BackfillPlan plan, CancellationToken cancellationToken)
    {
        var (from, to, reading) = plan;
        var logs = to < from ? [] : await data.LogsAsync(from, to, [.. reading.Select(f => f.Address)], cancellationToken).ConfigureAwait(false);
        // A contract further along than this range's start keeps only what it has not stored yet.
        var byAddress = reading.ToDictionary(f => f.Address, StringComparer.Ordinal);
        logs = [.. logs.Where(l => l.BlockNumber > byAddress[l.Address].BackfilledTo && l.BlockNumber >= byAddress[l.Address].FromBlock)];
        var created = CreatedIn(logs, reading);
        if (created.Count > 0)
        {
            logs = Merge(logs, await data.LogsAsync(created.Min(c => c.FromBlock), to, [.. created.Select(c => c.Address)], cancellationToken).ConfigureAwait(false));
        }

        var headers = await data.HeadersAsync(logs.Select(l => l.BlockNumber), cancellationToken).ConfigureAwait(false);
        return new BackfillRead(logs, created, headers);
    }

    /// <summary>
    /// The published chain and the node disagree: finds the fork point in the stored hash window (walking down from the
    /// newest) and rewinds to it, retracting everything published above it. Deeper than the window: halts the chain.
    /// </summary>
    private async Task<bool> RewindAsync(FollowerStore store, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var stored = await store.WindowDescendingAsync(ChainKey, options.HashWindow, cancellationToken).ConfigureAwait(false);
        long? fork = null;
        string? forkHash = null;
        foreach (var page in stored.Chunk(32))
        {
            var onChain = (await data.HeadersAsync(page.Select(p => p.Number), cancellationToken).ConfigureAwait(false))
                .ToDictionary(h => h.Key, h => h.Value?.Hash);
            if (ForkFinder.FindFork(page, onChain) is { } found)
            {
                fork = found;
                forkHash = page.First(p => p.Number == found).Hash;
                break;
            }
        }

        if (fork is null || forkHash is null)
        {
            var reason = stored.Count == 0
                ? $"The chain no longer has block {checkpoint.LastBlock} ({checkpoint.LastBlockHash}) as published, and no earlier block hash is stored."
                : $"Reorg deeper than the hash window: none of the {stored.Count} stored blocks ({stored[^1].Number}..{stored[0].Number}) is on the chain any more.";
            await store.HaltAsync(ChainKey, reason, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            throw new FollowerHaltedException(reason);
        }

        if (fork.Value >= checkpoint.LastBlock)
        {
            return false;
        }

        var retracted = await store.CommitReorgAsync(
            lease, ChainKey, checkpoint, fork.Value, forkHash, options.MaxFactsPerMessage, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogReorg(ChainKey, checkpoint.LastBlock - fork.Value, fork.Value, retracted.Count);
        return true;
    }

    /// <summary>The collections the factories among <paramref name="followed"/> created in <paramref name="logs"/>.</summary>
    private static List<CreatedCollection> CreatedIn(List<ChainLog> logs, IEnumerable<FollowedContract> followed)
    {
        var factories = followed.Where(f => f.Standard == FollowedStandards.Factory).Select(f => f.Address).ToHashSet(StringComparer.Ordinal);
        var facts = new DecodedFacts();
        foreach (var log in logs.Where(l => factories.Contains(l.Address)))
        {
            LogDecoder.Decode(log, FollowedStandards.Factory, new ChainPosition(log.BlockNumber, log.BlockHash, log.LogIndex, log.TxHash, default), facts);
        }

        return [.. facts.Created.Where(c => !followed.Any(f => f.Address == c.Address))];
    }

    private static List<ChainLog> Merge(List<ChainLog> logs, List<ChainLog> more) =>
        [.. logs.Concat(more).DistinctBy(l => (l.TxHash, l.LogIndex)).OrderBy(l => l.BlockNumber).ThenBy(l => l.LogIndex)];

    private static RangeData Decode(long from, long to, List<ChainLog> logs, Dictionary<string, FollowedContract> followed, Dictionary<long, BlockHeader?> headers)
    {
        var scratch = new DecodedFacts();
        var positioned = new List<PositionedLog>(logs.Count);
        foreach (var log in logs)
        {
            if (!followed.TryGetValue(log.Address, out var contract) || log.BlockNumber < contract.FromBlock)
            {
                continue;
            }

            var position = new ChainPosition(log.BlockNumber, log.BlockHash, log.LogIndex, log.TxHash, headers[log.BlockNumber]!.Timestamp);
            positioned.Add(new PositionedLog(log, position, contract.Standard, LogDecoder.Decode(log, contract.Standard, position, scratch)));
        }

        return new RangeData(from, to, positioned, scratch.Created);
    }

    [LoggerMessage(LogLevel.Debug, "{Chain}: published blocks {From}..{To} ({Stored} new logs)")]
    private partial void LogPublished(string chain, long from, long to, int stored);

    [LoggerMessage(LogLevel.Information, "{Chain}: backfilled {Contracts} contracts over blocks {From}..{To} ({Stored} new logs)")]
    private partial void LogBackfilled(string chain, int contracts, long from, long to, int stored);

    [LoggerMessage(LogLevel.Debug, "{Chain}: reading blocks {From}..{To} ahead failed; reading them again")]
    private partial void LogReadAheadFailed(Exception exception, string chain, long from, long to);

    [LoggerMessage(LogLevel.Warning, "{Chain}: reorg of {Depth} blocks; rewound to block {Fork} and retracted {Facts} published logs")]
    private partial void LogReorg(string chain, long depth, long fork, int facts);

    [LoggerMessage(LogLevel.Debug, "{Chain}: blocks {From}..{To} changed while they were read; reading them again")]
    private partial void LogRangeMoved(string chain, long from, long to);

    [LoggerMessage(LogLevel.Warning, "{Chain}: the follower's lease connection is gone; it stops and tries to take the chain again")]
    private partial void LogLeaseLost(string chain);

    [LoggerMessage(LogLevel.Warning, "{Chain}: a follower step failed; trying again")]
    private partial void LogStepFailed(Exception exception, string chain);

    [LoggerMessage(LogLevel.Warning, "{Chain}: the follower stops: {Reason}")]
    private partial void LogFenced(string chain, string reason);
}

/// <summary>A backfill range: blocks [From, To] of the contracts that still need them.</summary>
internal sealed record BackfillPlan(long From, long To, IReadOnlyList<FollowedContract> Reading)
{
    /// <summary>What makes two plans read the same logs: the range and where each contract's own range starts.</summary>
    public string Key { get; } = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{From}-{To}:{string.Join(',', Reading.Select(f => $"{f.Address}@{Math.Max(f.BackfilledTo + 1, f.FromBlock)}"))}");
}

/// <summary>What a backfill range read from the chain: its logs in chain order, the collections created in it, the headers of its blocks with logs.</summary>
internal sealed record BackfillRead(List<ChainLog> Logs, List<CreatedCollection> Created, Dictionary<long, BlockHeader?> Headers);

/// <summary>A backfill range being read ahead, for the plan with <paramref name="Key"/>.</summary>
internal sealed record PendingRead(string Key, Task<BackfillRead> Task);

/// <summary>The chain's follower stopped for good (a reorg deeper than the hash window); an operator must step in.</summary>
internal sealed class FollowerHaltedException(string reason) : Exception(reason);
