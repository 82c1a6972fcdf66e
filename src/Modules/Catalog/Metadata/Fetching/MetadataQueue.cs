using System.Numerics;
using NftMarketplace.Modules.Catalog.Persistence;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// What the metadata fetcher has to do, kept as <c>metadata_docs</c> rows that are due (<c>next_attempt_at</c> passed):
/// the rows are the queue, so a crash loses nothing. Every method is one set-based statement inside the caller's unit of
/// work; <see cref="MetadataFetchSignal"/> wakes this Host's fetcher once it committed.
/// </summary>
/// <remarks>
/// A collection's own document (its <c>contractURI</c>) is the row of token id <see cref="CollectionDocument"/>: no token
/// has that id (ids are uint256), and the document goes through the same fetching, retries and back-off as a token's.
/// </remarks>
internal sealed class MetadataQueue(CatalogDbContext db, MetadataFetchSignal signal)
{
    /// <summary>The token id of a collection's <c>contractURI</c> document.</summary>
    public static readonly BigInteger CollectionDocument = BigInteger.MinusOne;

    private const string Schema = CatalogModule.Schema;

    // A new row is due now; an existing one is left alone (a token minted again, e.g. more ERC-1155 units, keeps its
    // metadata until the chain says it changed).
    private const string InsertNew =
        "INSERT INTO " + Schema + ".metadata_docs (chain_id, contract, token_id, status, attributes, attempts, next_attempt_at, updated_at) "
        + "SELECT $1, x.contract, x.token_id::numeric, 'NONE', '[]'::jsonb, 0, now(), now() "
        + "FROM unnest($2::text[], $3::text[]) AS x(contract, token_id) "
        + "ON CONFLICT (chain_id, contract, token_id) DO NOTHING";

    // Fetched again now, from a first attempt: the chain said the metadata changed, or someone asked for a refresh.
    private const string UpsertDue =
        "INSERT INTO " + Schema + ".metadata_docs AS d (chain_id, contract, token_id, status, attributes, attempts, next_attempt_at, updated_at) "
        + "SELECT $1, x.contract, x.token_id::numeric, 'NONE', '[]'::jsonb, 0, now(), now() "
        + "FROM unnest($2::text[], $3::text[]) AS x(contract, token_id) "
        + "ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET attempts = 0, next_attempt_at = now(), updated_at = now()";

    // ERC-4906 BatchMetadataUpdate(from, to): the tokens of the range the catalog knows (its tokens and its documents),
    // however wide the range (often 0 to 2^256-1).
    private const string UpsertRanges =
        "INSERT INTO " + Schema + ".metadata_docs AS d (chain_id, contract, token_id, status, attributes, attempts, next_attempt_at, updated_at) "
        + "SELECT DISTINCT $1, known.contract, known.token_id, 'NONE', '[]'::jsonb, 0, now(), now() "
        + "FROM unnest($2::text[], $3::text[], $4::text[]) AS r(contract, from_id, to_id) "
        + "CROSS JOIN LATERAL ("
        + "  SELECT t.contract, t.token_id FROM " + Schema + ".tokens t "
        + "  WHERE t.chain_id = $1 AND t.contract = r.contract AND t.token_id BETWEEN r.from_id::numeric AND r.to_id::numeric "
        + "  UNION SELECT m.contract, m.token_id FROM " + Schema + ".metadata_docs m "
        + "  WHERE m.chain_id = $1 AND m.contract = r.contract AND m.token_id BETWEEN r.from_id::numeric AND r.to_id::numeric) AS known "
        + "ON CONFLICT (chain_id, contract, token_id) DO UPDATE SET attempts = 0, next_attempt_at = now(), updated_at = now()";

    /// <summary>Tokens new to the catalog: fetched unless they have a document already.</summary>
    public Task NewTokensAsync(string chainId, IReadOnlyCollection<(string Contract, string TokenId)> tokens, CancellationToken cancellationToken) =>
        RunAsync(InsertNew, chainId, tokens, cancellationToken);

    /// <summary>Tokens (or, with <see cref="CollectionDocument"/>, collections) whose metadata is fetched again now.</summary>
    public Task DueNowAsync(string chainId, IReadOnlyCollection<(string Contract, string TokenId)> documents, CancellationToken cancellationToken) =>
        RunAsync(UpsertDue, chainId, documents, cancellationToken);

    /// <summary>Every known token of each inclusive range is fetched again now.</summary>
    public async Task RangesDueNowAsync(
        string chainId, IReadOnlyCollection<(string Contract, string FromTokenId, string ToTokenId)> ranges, CancellationToken cancellationToken)
    {
        if (ranges.Count == 0)
        {
            return;
        }

        await db.ExecuteAsync(
            UpsertRanges,
            cancellationToken,
            chainId,
            ranges.Select(r => r.Contract).ToArray(),
            ranges.Select(r => r.FromTokenId).ToArray(),
            ranges.Select(r => r.ToTokenId).ToArray()).ConfigureAwait(false);
        db.AfterCommit(_ => signal.Wake());
    }

    private async Task RunAsync(string sql, string chainId, IReadOnlyCollection<(string Contract, string TokenId)> documents, CancellationToken cancellationToken)
    {
        // One row per document: a statement may not change a row twice.
        var distinct = documents.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return;
        }

        await db.ExecuteAsync(
            sql, cancellationToken, chainId, distinct.Select(d => d.Contract).ToArray(), distinct.Select(d => d.TokenId).ToArray()).ConfigureAwait(false);
        db.AfterCommit(_ => signal.Wake());
    }
}

/// <summary>Wakes this Host's fetcher when a unit of work made documents due, instead of waiting for its next poll.</summary>
internal sealed class MetadataFetchSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public Task Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up covers every change before it.
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
