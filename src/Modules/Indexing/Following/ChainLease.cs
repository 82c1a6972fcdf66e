using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace NftMarketplace.Modules.Indexing.Following;

/// <summary>
/// The right to follow one chain, held by exactly one Host replica: a Postgres session advisory lock on a connection
/// of its own (not pooled), kept open for as long as the replica follows. When the replica dies, its session ends and
/// the lock with it, so another replica's next attempt (every <c>Indexing:LeaseRetryInterval</c>) takes over from the
/// checkpoint. Every commit of the follower checks, inside its transaction, that this session still holds the lock
/// (<see cref="FenceSql"/>): a replica that lost its lease without noticing cannot publish.
/// </summary>
internal sealed class ChainLease : IAsyncDisposable
{
    /// <summary>The first key of the two-key advisory lock: the indexer's namespace (two-key locks never meet one-key ones).</summary>
    public const int Namespace = 0x1de8;

    /// <summary>True when the session <c>@lease_pid</c> holds the lock <c>(@lease_ns, @lease_key)</c>.</summary>
    public const string FenceSql =
        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = @lease_pid "
        + "AND classid = @lease_ns::oid AND objid = @lease_key::oid AND objsubid = 2)";

    private readonly NpgsqlConnection _connection;

    private ChainLease(NpgsqlConnection connection, int key)
    {
        _connection = connection;
        Key = key;
        ProcessId = connection.ProcessID;
    }

    public int Key { get; }

    /// <summary>The Postgres backend holding the lock: the fencing token.</summary>
    public int ProcessId { get; }

    /// <summary>The chain's lock key: a stable hash of its CAIP-2 id, so every replica computes the same.</summary>
    public static int KeyOf(string chainId) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes("indexing:follower:" + chainId)), 0) & int.MaxValue;

    /// <summary>Takes the chain's lease, or returns null when another session holds it.</summary>
    public static async Task<ChainLease?> TryAcquireAsync(string connectionString, string chainId, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // The session is the lease: it must end when this object lets go, not go back to a pool.
            Pooling = false,
            KeepAlive = 5,
            TcpKeepAlive = true,
            ApplicationName = "nftmarketplace-indexer-lease",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var key = KeyOf(chainId);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@ns, @key)", connection);
            command.Parameters.AddWithValue("ns", Namespace);
            command.Parameters.AddWithValue("key", key);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return new ChainLease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Whether the session (and so the lock) is still alive.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Adds the parameters of <see cref="FenceSql"/> to <paramref name="command"/>.</summary>
    public void AddFenceParameters(NpgsqlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.AddWithValue("lease_pid", ProcessId);
        command.Parameters.AddWithValue("lease_ns", (long)Namespace);
        command.Parameters.AddWithValue("lease_key", (long)Key);
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the session releases the lock; nothing to unlock first.
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
