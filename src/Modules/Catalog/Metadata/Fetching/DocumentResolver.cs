using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Media.Contracts;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// Reads the bytes a <see cref="FetchPlan"/> names: <c>ipfs://</c> from our own Media store first (what was pinned here
/// needs no gateway), then from the configured gateways in turn; <c>ar://</c> through the Arweave gateway; <c>data:</c>
/// from the URI itself; <c>http(s)</c> through <see cref="MetadataHttpClient"/> (the SSRF guard). Every gateway URL goes
/// through the same guard.
/// </summary>
internal sealed class DocumentResolver(MetadataHttpClient http, IOptions<MetadataFetchOptions> options)
{
    private readonly MetadataFetchOptions _options = options.Value;

    /// <param name="sender">The caller's scope's mediator (Media answers <see cref="GetMediaContent"/>).</param>
    public async Task<FetchedDocument> ReadAsync(FetchPlan plan, ISender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        switch (plan)
        {
            case RefusedPlan refused:
                return FetchedDocument.Failed(refused.ErrorCode, refused.Error);
            case InlinePlan inline:
                return inline.Content.Length > _options.MaxBytes
                    ? FetchedDocument.Failed(MetadataErrorCode.TooLarge, $"the data: URI holds {inline.Content.Length} bytes, more than {_options.MaxBytes}")
                    : FetchedDocument.Ok(inline.Content, inline.MediaType);
            case HttpPlan web:
                return await http.GetAsync(web.Url, cancellationToken).ConfigureAwait(false);
            case ArweavePlan arweave:
                return await http.GetAsync(new Uri(_options.ArweaveGateway.TrimEnd('/') + "/" + arweave.Id + arweave.Path), cancellationToken).ConfigureAwait(false);
            case IpfsPlan ipfs:
                return await IpfsAsync(ipfs, sender, cancellationToken).ConfigureAwait(false);
            default:
                return FetchedDocument.Failed(MetadataErrorCode.UnsupportedUri, "the URI is not read");
        }
    }

    private async Task<FetchedDocument> IpfsAsync(IpfsPlan plan, ISender sender, CancellationToken cancellationToken)
    {
        // Media stores files under their CID; a path inside a directory is for the gateways.
        if (plan.Path.Length == 0)
        {
            switch (await sender.Send(new GetMediaContent(plan.Cid, _options.MaxBytes), cancellationToken).ConfigureAwait(false))
            {
                case MediaContentFound found:
                    return FetchedDocument.Ok(found.Bytes, found.Mime);
                case MediaContentTooLarge large:
                    return FetchedDocument.Failed(MetadataErrorCode.TooLarge, $"ipfs://{plan.Cid} is {large.Length} bytes, more than {_options.MaxBytes}");
                default:
                    break;
            }
        }

        var urls = _options.Gateways.Select(g => new Uri(g, "ipfs/" + plan.Cid + plan.Path)).ToList();
        if (plan.Gateway is { } original && !urls.Contains(original))
        {
            urls.Add(original);
        }

        FetchedDocument? first = null;
        foreach (var url in urls)
        {
            var fetched = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (fetched.IsOk)
            {
                return fetched;
            }

            // The first gateway's refusal is the one reported: it is the one configured first.
            first ??= fetched;
        }

        return first ?? FetchedDocument.Failed(MetadataErrorCode.NotFound, $"ipfs://{plan.Cid}{plan.Path} is on no gateway");
    }
}
