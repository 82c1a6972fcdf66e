using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Catalog.Persistence;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// Fetches due metadata documents: takes a batch (<see cref="MetadataDocuments.ClaimAsync"/>; replicas take disjoint
/// ones), reads their URIs from the chain in one JSON-RPC batch per chain, reads and normalizes each document —
/// <see cref="MetadataWorkerOptions.Concurrency"/> at a time — and writes the outcomes per chain in one transaction.
/// A failure is FAILED with its code and reason and tried again after an exponential back-off, unless it cannot pass by
/// itself (<see cref="IsPermanent"/>) or the attempts are used up. A crash leaves the taken rows to their lease, after
/// which they are due again.
/// </summary>
internal sealed partial class MetadataFetcher(
    IServiceScopeFactory scopes,
    TokenUriReader uris,
    DocumentResolver resolver,
    MetadataFetchSignal signal,
    IOptions<MetadataWorkerOptions> options,
    ILogger<MetadataFetcher> logger) : BackgroundService
{
    private readonly MetadataWorkerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                taken = await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRoundFailed(ex);
                taken = 0;
            }

            // A full batch suggests more are due: no pause then.
            if (taken < _options.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One batch: taken, fetched, written. Returns how many documents were taken.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<DueDocument> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<MetadataDocuments>()
                .ClaimAsync(_options.BatchSize, _options.Lease, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chain in due.GroupBy(d => d.ChainId))
        {
            var documents = chain.ToList();
            var answers = await uris.ReadAsync(ChainId.Parse(chain.Key), documents, cancellationToken).ConfigureAwait(false);
            var outcomes = new FetchOutcome[documents.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, documents.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
                async (i, token) => outcomes[i] = await GuardedFetchAsync(documents[i], answers[i], token).ConfigureAwait(false)).ConfigureAwait(false);
            await WriteAsync(chain.Key, documents[0].ClaimedAt, outcomes, cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    private async Task<FetchOutcome> GuardedFetchAsync(DueDocument document, UriAnswer answer, CancellationToken cancellationToken)
    {
        try
        {
            return await FetchAsync(document, answer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with one document (our own store not answering, say) is its failure, tried again later.
            LogFetchFailed(ex, document.ChainId, document.Contract, document.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return FetchOutcome.Failed(document, answer.Uri, MetadataErrorCode.HttpStatus, $"the document could not be read: {ex.Message}");
        }
    }

    private async Task<FetchOutcome> FetchAsync(DueDocument document, UriAnswer answer, CancellationToken cancellationToken)
    {
        if (!answer.IsOk)
        {
            return FetchOutcome.Failed(document, null, answer.ErrorCode!, answer.Error!);
        }

        var isErc1155 = !document.IsCollection && (answer.Standard ?? document.Standard) == TokenStandards.Erc1155;
        var plan = TokenUri.Plan(answer.Uri, isErc1155 ? document.TokenId : null);
        FetchedDocument fetched;
        await using (var scope = scopes.CreateAsyncScope())
        {
            fetched = await resolver.ReadAsync(plan, scope.ServiceProvider.GetRequiredService<ISender>(), cancellationToken).ConfigureAwait(false);
        }

        if (!fetched.IsOk)
        {
            return FetchOutcome.Failed(document, answer.Uri, fetched.ErrorCode, fetched.Error);
        }

        var normalized = MetadataNormalizer.Normalize(fetched.Content);
        if (!normalized.IsOk)
        {
            return FetchOutcome.Failed(document, answer.Uri, normalized.ErrorCode, normalized.Error);
        }

        var content = fetched.Content.AsMemory();
        if (content.Span.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        return FetchOutcome.Ok(
            document,
            answer.Uri!,
            Encoding.UTF8.GetString(content.Span),
            normalized.Metadata,
            document.IsCollection ? CollectionDocument.Banner(content) : null);
    }

    private async Task WriteAsync(string chainId, DateTimeOffset claimedAt, FetchOutcome[] outcomes, CancellationToken cancellationToken)
    {
        try
        {
            await CompleteAsync(chainId, claimedAt, outcomes, cancellationToken).ConfigureAwait(false);
        }
        catch (Npgsql.PostgresException ex) when (outcomes.Length > 1)
        {
            // One document the database refuses must not hold back the others: each is written on its own.
            LogBatchRefused(ex, chainId, outcomes.Length);
            foreach (var outcome in outcomes)
            {
                try
                {
                    await CompleteAsync(chainId, claimedAt, [outcome], cancellationToken).ConfigureAwait(false);
                }
                catch (Npgsql.PostgresException refused)
                {
                    var failed = FetchOutcome.Failed(outcome.Document, outcome.TokenUri, MetadataErrorCode.InvalidJson, $"the document cannot be stored: {refused.MessageText}");
                    await CompleteAsync(chainId, claimedAt, [failed], cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task CompleteAsync(string chainId, DateTimeOffset claimedAt, IReadOnlyList<FetchOutcome> outcomes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MetadataDocuments>()
            .CompleteAsync(chainId, claimedAt, outcomes, RetryAfter, (_options.RetryDelay, _options.MaxAttempts), cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan? RetryAfter(FetchOutcome outcome) =>
        outcome.IsOk || IsPermanent(outcome.ErrorCode) || outcome.Document.Attempts >= _options.MaxAttempts
            ? null
            : _options.Backoff(outcome.Document.Attempts);

    /// <summary>Failures that trying again cannot mend: the document or its address is what it is until the chain says otherwise.</summary>
    internal static bool IsPermanent(string? code) => code is MetadataErrorCode.InvalidJson or MetadataErrorCode.BlockedAddress
        or MetadataErrorCode.UnsupportedUri or MetadataErrorCode.TooLarge;

    [LoggerMessage(LogLevel.Error, "A metadata fetching round failed; the documents it took are due again after their lease")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Reading the metadata of {Chain} {Contract} #{TokenId} failed")]
    private partial void LogFetchFailed(Exception exception, string chain, string contract, string tokenId);

    [LoggerMessage(LogLevel.Warning, "The database refused a batch of {Count} metadata documents of {Chain}; they are written one by one")]
    private partial void LogBatchRefused(Exception exception, string chain, int count);
}
