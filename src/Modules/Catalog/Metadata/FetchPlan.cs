namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>Where a token URI's document is read from, as <see cref="TokenUri.Plan"/> decides it.</summary>
internal abstract record FetchPlan;

/// <summary>An IPFS path: our own Media store first (objects keyed by CID), then the configured gateways.
/// <see cref="Path"/> is empty or starts with <c>/</c>. <see cref="Gateway"/> is the original URL when the URI named a
/// public gateway (<c>https://…/ipfs/&lt;cid&gt;…</c>).</summary>
internal sealed record IpfsPlan(string Cid, string Path, Uri? Gateway = null) : FetchPlan;

/// <summary>An Arweave transaction (<c>ar://&lt;id&gt;</c>), read through the configured Arweave gateway.</summary>
internal sealed record ArweavePlan(string Id, string Path) : FetchPlan;

/// <summary>A <c>data:</c> URI: the content is in the URI itself, decoded.</summary>
internal sealed record InlinePlan(string MediaType, byte[] Content) : FetchPlan;

/// <summary>An <c>http(s)</c> URL, fetched behind the SSRF guard.</summary>
internal sealed record HttpPlan(Uri Url) : FetchPlan;

/// <summary>A URI the catalog cannot read, with a <see cref="MetadataErrorCode"/> and a reason.</summary>
internal sealed record RefusedPlan(string ErrorCode, string Error) : FetchPlan;
