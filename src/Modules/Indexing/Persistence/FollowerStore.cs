using System.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NftMarketplace.BuildingBlocks.Messaging;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Decoding;
using NftMarketplace.Modules.Indexing.Domain;
using NftMarketplace.Modules.Indexing.Following;
using Npgsql;
using NpgsqlTypes;

namespace NftMarketplace.Modules.Indexing.Persistence;

/// <summary>
/// The follower's reads and its set-based writes: one statement per table and range (arrays through <c>unnest</c>),
/// never a round trip per log. Every write method is one transaction with the outbox: raw events, checkpoint, hash
/// window and the integration events commit together or not at all, after checking the lease still holds and the
/// checkpoint is still the one the range was read after (so a second follower could never publish a range twice).
/// </summary>
internal sealed class FollowerStore(IndexingDbContext db)
{
    private const string Schema = IndexingModule.Schema;

    public Task<Checkpoint?> CheckpointAsync(string chainId, CancellationToken cancellationToken) =>
        db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.ChainId == chainId, cancellationToken);

    public Task<ChainStats?> StatsAsync(string chainId, CancellationToken cancellationToken) =>
        db.ChainStats.AsNoTracking().SingleOrDefaultAsync(s => s.ChainId == chainId, cancellationToken);

    public Task<List<FollowedContract>> FollowedAsync(string chainId, CancellationToken cancellationToken) =>
        db.FollowedContracts.AsNoTracking().Where(f => f.ChainId == chainId).ToListAsync(cancellationToken);

    /// <summary>The stored hashes from the newest block down, at most <paramref name="limit"/>.</summary>
    public async Task<List<(long Number, string Hash)>> WindowDescendingAsync(string chainId, int limit, CancellationToken cancellationToken) =>
        [.. (await db.PublishedBlocks.AsNoTracking().Where(b => b.ChainId == chainId)
            .OrderByDescending(b => b.BlockNumber).Take(limit)
            .Select(b => new { b.BlockNumber, b.BlockHash }).ToListAsync(cancellationToken))
            .Select(b => (b.BlockNumber, b.BlockHash))];

    /// <summary>The hash published for block <paramref name="number"/>, while it is in the hash window.</summary>
    public Task<string?> PublishedHashAsync(string chainId, long number, CancellationToken cancellationToken) =>
        db.PublishedBlocks.AsNoTracking().Where(b => b.ChainId == chainId && b.BlockNumber == number)
            .Select(b => b.BlockHash).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Creates the chain's checkpoint unless it exists (the first follower to start decides where it begins), with the
    /// hashes of the blocks up to it as the start of the hash window.
    /// </summary>
    public async Task EnsureCheckpointAsync(
        string chainId, long block, string hash, IReadOnlyList<BlockHeader> window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var created = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO indexing.checkpoints (chain_id, last_block, last_block_hash, updated_at) VALUES ({chainId}, {block}, {hash}, {now}) ON CONFLICT DO NOTHING",
            cancellationToken).ConfigureAwait(false);
        if (created == 1 && window.Count > 0)
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO indexing.block_hashes (chain_id, block_number, block_hash, parent_hash, block_time)
                SELECT {chainId}, n, h, p, t FROM unnest({window.Select(w => w.Number).ToArray()}::bigint[], {window.Select(w => w.Hash).ToArray()}::text[],
                    {window.Select(w => w.ParentHash).ToArray()}::text[], {window.Select(w => w.Timestamp).ToArray()}::timestamptz[]) AS x(n, h, p, t)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Follows the registry's factories: a factory new to the indexer is backfilled from its start block when that is
    /// below the checkpoint, else followed live from it.
    /// </summary>
    public async Task AddFactoriesAsync(string chainId, IReadOnlyList<(string Address, long StartBlock)> factories, long checkpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (factories.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO indexing.followed_contracts (chain_id, address, standard, from_block, source, factory, backfill_status, backfilled_to, created_at)
            SELECT {chainId}, a, 'factory', s, 'factory', NULL,
                   CASE WHEN s - 1 < {checkpoint} THEN 'BACKFILLING' ELSE 'LIVE' END, s - 1, {now}
            FROM unnest({factories.Select(f => f.Address).ToArray()}::text[], {factories.Select(f => Math.Max(0, f.StartBlock)).ToArray()}::bigint[]) AS x(a, s)
            ON CONFLICT DO NOTHING
            """,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores and publishes the live range after <paramref name="expected"/> up to <paramref name="end"/>: raw events,
    /// the collections created in it, the hash window (trimmed to <paramref name="window"/> blocks), the checkpoint and
    /// the integration events of every log not stored before.
    /// </summary>
    /// <returns>The number of logs newly stored; throws <see cref="LeaseLostException"/> when the lease or checkpoint moved.</returns>
    public async Task<int> CommitLiveAsync(
        ChainLease lease, string chainId, Checkpoint expected, RangeData range, IReadOnlyList<BlockHeader> windowHeaders, BlockHeader end,
        int window, int maxFactsPerMessage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await FenceAsync(transaction, lease, cancellationToken).ConfigureAwait(false);
        await MoveCheckpointAsync(transaction, chainId, expected.LastBlock, expected.LastBlockHash, end.Number, end.Hash, now, cancellationToken).ConfigureAwait(false);
        var stored = await StoreRangeAsync(transaction, chainId, range, range.From, range.To, maxFactsPerMessage, now, BackfillStatuses.Live, cancellationToken).ConfigureAwait(false);

        await using (var hashes = Command(transaction,
            $"INSERT INTO {Schema}.block_hashes (chain_id, block_number, block_hash, parent_hash, block_time) "
            + "SELECT @chain, n, h, p, t FROM unnest(@n::bigint[], @h::text[], @p::text[], @t::timestamptz[]) AS x(n, h, p, t) "
            + "ON CONFLICT (chain_id, block_number) DO UPDATE SET block_hash = excluded.block_hash, parent_hash = excluded.parent_hash, block_time = excluded.block_time; "
            + $"DELETE FROM {Schema}.block_hashes WHERE chain_id = @chain AND block_number <= @oldest"))
        {
            hashes.Parameters.AddWithValue("chain", chainId);
            hashes.Parameters.AddWithValue("n", windowHeaders.Select(h => h.Number).ToArray());
            hashes.Parameters.AddWithValue("h", windowHeaders.Select(h => h.Hash).ToArray());
            hashes.Parameters.AddWithValue("p", windowHeaders.Select(h => h.ParentHash).ToArray());
            hashes.Parameters.AddWithValue("t", windowHeaders.Select(h => h.Timestamp).ToArray());
            hashes.Parameters.AddWithValue("oldest", end.Number - window);
            await hashes.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Stores and publishes a backfill range of contracts still catching up (tracked contracts, factories added late),
    /// moves their progress to the range's end, and marks LIVE those that reached the checkpoint, which must not have
    /// moved since <paramref name="checkpoint"/> was read.
    /// </summary>
    public async Task<int> CommitBackfillAsync(
        ChainLease lease, string chainId, Checkpoint checkpoint, RangeData range, IReadOnlyList<string> advanced,
        int maxFactsPerMessage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await FenceAsync(transaction, lease, cancellationToken).ConfigureAwait(false);
        // Holding the checkpoint's row keeps the live range (of another follower that should not exist) out meanwhile.
        await MoveCheckpointAsync(transaction, chainId, checkpoint.LastBlock, checkpoint.LastBlockHash, checkpoint.LastBlock, checkpoint.LastBlockHash, checkpoint.UpdatedAt, cancellationToken).ConfigureAwait(false);
        var stored = await StoreRangeAsync(transaction, chainId, range, range.From, range.To, maxFactsPerMessage, now, BackfillStatuses.Backfilling, cancellationToken).ConfigureAwait(false);

        await using (var progress = Command(transaction,
            $"UPDATE {Schema}.followed_contracts SET backfilled_to = GREATEST(backfilled_to, @to) "
            + "WHERE chain_id = @chain AND address = ANY(@addresses) AND backfill_status = 'BACKFILLING'; "
            + $"UPDATE {Schema}.followed_contracts SET backfill_status = 'LIVE', backfilled_to = @checkpoint "
            + "WHERE chain_id = @chain AND backfill_status = 'BACKFILLING' AND backfilled_to >= @checkpoint"))
        {
            progress.Parameters.AddWithValue("chain", chainId);
            progress.Parameters.AddWithValue("to", range.To);
            progress.Parameters.AddWithValue("addresses", advanced.Concat(range.Created.Select(c => c.Address)).ToArray());
            progress.Parameters.AddWithValue("checkpoint", checkpoint.LastBlock);
            await progress.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Rewinds the chain to <paramref name="fork"/> after a reorg: deletes the raw events and hashes above it, forgets
    /// collections created above it, resets backfills past it, counts the reorg and publishes the retraction of every
    /// fact published above it — one transaction.
    /// </summary>
    /// <returns>The retracted facts.</returns>
    public async Task<IReadOnlyList<RetractedFact>> CommitReorgAsync(
        ChainLease lease, string chainId, Checkpoint expected, long fork, string forkHash, int maxFactsPerMessage, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await FenceAsync(transaction, lease, cancellationToken).ConfigureAwait(false);
        await MoveCheckpointAsync(transaction, chainId, expected.LastBlock, expected.LastBlockHash, fork, forkHash, now, cancellationToken).ConfigureAwait(false);

        var facts = new List<RetractedFact>();
        await using (var events = Command(transaction,
            $"DELETE FROM {Schema}.raw_events WHERE chain_id = @chain AND block_number > @fork "
            + "RETURNING kind, address, block_number, block_hash, log_index, tx_hash, block_time, payload::text"))
        {
            events.Parameters.AddWithValue("chain", chainId);
            events.Parameters.AddWithValue("fork", fork);
            await using var reader = await events.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.IsDBNull(0))
                {
                    continue;
                }

                var kind = reader.GetString(0);
                var position = new ChainPosition(reader.GetInt64(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6));
                // A factory's log names the collection it created: that is what the retraction is about.
                var contract = kind == FactKinds.CollectionCreated ? CreatedAddress(reader.GetString(7)) : reader.GetString(1);
                facts.Add(new RetractedFact(kind, contract, position));
            }
        }

        facts.Sort((a, b) => a.Position.CompareTo(b.Position));
        var blocks = new List<string>();
        await using (var hashes = Command(transaction,
            $"WITH gone AS (DELETE FROM {Schema}.block_hashes WHERE chain_id = @chain AND block_number > @fork RETURNING block_number, block_hash) "
            + "SELECT block_hash FROM gone ORDER BY block_number"))
        {
            hashes.Parameters.AddWithValue("chain", chainId);
            hashes.Parameters.AddWithValue("fork", fork);
            await using var reader = await hashes.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                blocks.Add(reader.GetString(0));
            }
        }

        await using (var contracts = Command(transaction,
            $"DELETE FROM {Schema}.followed_contracts WHERE chain_id = @chain AND source = 'created' AND from_block > @fork; "
            + $"UPDATE {Schema}.followed_contracts SET backfilled_to = @fork WHERE chain_id = @chain AND backfill_status = 'BACKFILLING' AND backfilled_to > @fork; "
            + $"INSERT INTO {Schema}.chain_stats AS s (chain_id, reorgs_detected, deepest_reorg) VALUES (@chain, 1, @depth) "
            + "ON CONFLICT (chain_id) DO UPDATE SET reorgs_detected = s.reorgs_detected + 1, deepest_reorg = GREATEST(s.deepest_reorg, excluded.deepest_reorg)"))
        {
            contracts.Parameters.AddWithValue("chain", chainId);
            contracts.Parameters.AddWithValue("fork", fork);
            contracts.Parameters.AddWithValue("depth", (int)Math.Min(int.MaxValue, expected.LastBlock - fork));
            await contracts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var chunks = DecodedFacts.Chunk(facts, f => f.Position.BlockNumber, maxFactsPerMessage);
        foreach (var chunk in chunks.Count == 0 ? [[]] : chunks)
        {
            db.AddIntegrationEvent(new EventsRetracted(chainId, fork, forkHash, expected.LastBlock, blocks, chunk));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return facts;
    }

    /// <summary>Records that the chain's follower stopped and why; every replica reads it and stays stopped.</summary>
    public async Task HaltAsync(string chainId, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO indexing.chain_stats AS s (chain_id, reorgs_detected, deepest_reorg, halted_reason, halted_at) VALUES ({chainId}, 0, 0, {reason}, {now})
            ON CONFLICT (chain_id) DO UPDATE SET halted_reason = excluded.halted_reason, halted_at = excluded.halted_at
            """,
            cancellationToken).ConfigureAwait(false);

    private async Task<int> StoreRangeAsync(
        IDbContextTransaction transaction, string chainId, RangeData range, long from, long to, int maxFactsPerMessage, DateTimeOffset now,
        string createdStatus, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<(string TxHash, int LogIndex)>();
        if (range.Logs.Count > 0)
        {
            await using var insert = Command(transaction,
                $"INSERT INTO {Schema}.raw_events (chain_id, tx_hash, log_index, block_number, block_hash, block_time, address, topic0, kind, payload) "
                + "SELECT @chain, t, i, n, h, bt, a, t0, k, p::jsonb "
                + "FROM unnest(@t::text[], @i::integer[], @n::bigint[], @h::text[], @bt::timestamptz[], @a::text[], @t0::text[], @k::text[], @p::text[]) "
                + "AS x(t, i, n, h, bt, a, t0, k, p) ON CONFLICT DO NOTHING RETURNING tx_hash, log_index");
            var logs = range.Logs;
            insert.Parameters.AddWithValue("chain", chainId);
            insert.Parameters.AddWithValue("t", logs.Select(l => l.Log.TxHash).ToArray());
            insert.Parameters.AddWithValue("i", logs.Select(l => l.Log.LogIndex).ToArray());
            insert.Parameters.AddWithValue("n", logs.Select(l => l.Log.BlockNumber).ToArray());
            insert.Parameters.AddWithValue("h", logs.Select(l => l.Log.BlockHash).ToArray());
            insert.Parameters.AddWithValue("bt", logs.Select(l => l.Position.BlockTime).ToArray());
            insert.Parameters.AddWithValue("a", logs.Select(l => l.Log.Address).ToArray());
            insert.Parameters.Add(new NpgsqlParameter("t0", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = logs.Select(l => (object?)l.Log.Topic0 ?? DBNull.Value).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter("k", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = logs.Select(l => (object?)l.Kind ?? DBNull.Value).ToArray() });
            insert.Parameters.AddWithValue("p", logs.Select(l => JsonSerializer.Serialize(new RawPayload(l.Log.Topics, l.Log.Data))).ToArray());
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                inserted.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        // Only logs stored now are published: a range read again (after a crash, or overlapping a backfill) adds nothing.
        var facts = new DecodedFacts();
        foreach (var log in range.Logs.Where(l => l.Kind is not null && inserted.Contains((l.Log.TxHash, l.Log.LogIndex))))
        {
            LogDecoder.Decode(log.Log, log.Standard, log.Position, facts);
        }

        var created = facts.Created;
        if (created.Count > 0)
        {
            await using var follow = Command(transaction,
                $"INSERT INTO {Schema}.followed_contracts (chain_id, address, standard, from_block, source, factory, backfill_status, backfilled_to, created_at) "
                + "SELECT @chain, a, s, b, 'created', f, @status, @to, @now FROM unnest(@a::text[], @s::text[], @b::bigint[], @f::text[]) AS x(a, s, b, f) "
                + "ON CONFLICT DO NOTHING");
            follow.Parameters.AddWithValue("chain", chainId);
            follow.Parameters.AddWithValue("a", created.Select(c => c.Address).ToArray());
            follow.Parameters.AddWithValue("s", created.Select(c => c.Standard).ToArray());
            follow.Parameters.AddWithValue("b", created.Select(c => c.FromBlock).ToArray());
            follow.Parameters.AddWithValue("f", created.Select(c => c.Factory ?? "").ToArray());
            follow.Parameters.AddWithValue("status", createdStatus);
            follow.Parameters.AddWithValue("to", to);
            follow.Parameters.AddWithValue("now", now);
            await follow.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        facts.Publish(new OutboxSink(db), chainId, from, to, maxFactsPerMessage);
        return inserted.Count;
    }

    private async Task FenceAsync(IDbContextTransaction transaction, ChainLease lease, CancellationToken cancellationToken)
    {
        await using var fence = Command(transaction, ChainLease.FenceSql);
        lease.AddFenceParameters(fence);
        if (await fence.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            throw new LeaseLostException("The chain's lease is no longer held by this follower.");
        }
    }

    private async Task MoveCheckpointAsync(
        IDbContextTransaction transaction, string chainId, long expectedBlock, string expectedHash, long block, string hash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var move = Command(transaction,
            $"UPDATE {Schema}.checkpoints SET last_block = @block, last_block_hash = @hash, updated_at = @now "
            + "WHERE chain_id = @chain AND last_block = @expected_block AND last_block_hash = @expected_hash");
        move.Parameters.AddWithValue("chain", chainId);
        move.Parameters.AddWithValue("block", block);
        move.Parameters.AddWithValue("hash", hash);
        move.Parameters.AddWithValue("now", now);
        move.Parameters.AddWithValue("expected_block", expectedBlock);
        move.Parameters.AddWithValue("expected_hash", expectedHash);
        if (await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new LeaseLostException("The chain's checkpoint moved under this follower.");
        }
    }

    private NpgsqlCommand Command(IDbContextTransaction transaction, string sql) =>
        new(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());

    private static string CreatedAddress(string payload)
    {
        var topics = JsonSerializer.Deserialize<RawPayload>(payload)!.Topics;
        return AbiReader.TopicAddress(topics[1]);
    }

    private sealed class OutboxSink(IndexingDbContext db) : IEventSink
    {
        public void Add<TEvent>(TEvent @event)
            where TEvent : IIntegrationEvent => db.AddIntegrationEvent(@event);
    }
}

/// <summary>The <c>payload</c> of a raw event: the log's topics and data.</summary>
internal sealed record RawPayload(
    [property: System.Text.Json.Serialization.JsonPropertyName("topics")] IReadOnlyList<string> Topics,
    [property: System.Text.Json.Serialization.JsonPropertyName("data")] string Data);

/// <summary>The follower no longer holds its chain (lease lost, or the checkpoint moved): it must stop and try to take it again.</summary>
internal sealed class LeaseLostException(string message) : Exception(message);
