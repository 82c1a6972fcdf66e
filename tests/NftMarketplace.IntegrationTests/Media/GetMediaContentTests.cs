using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Media;
using NftMarketplace.Modules.Media.Contracts;
using NftMarketplace.Modules.Media.Moderation;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Uploads;

namespace NftMarketplace.IntegrationTests.Media;

/// <summary>
/// <see cref="GetMediaContent"/>, the request other modules send to resolve <c>ipfs://{cid}</c>, answered by the Media
/// module on this test's own database, the real Redis and the S3 server: approved content is its bytes; pending,
/// rejected, unknown and malformed CIDs are one typed not-found.
/// </summary>
public sealed class GetMediaContentTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private static readonly Guid Uploader = Guid.CreateVersion7();

    private GatewayServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _server = await GatewayServer.StartAsync(Infrastructure, Environment, builder => builder.AddMediaModule());
    }

    public override async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Approved_content_is_its_stored_bytes_by_cid_or_ipfs_uri()
    {
        var json = Json("approved");
        var cid = await StoreAsync(json);

        var byCid = Assert.IsType<MediaContentFound>(await SendAsync(new GetMediaContent(cid, 1024)));
        var byUri = Assert.IsType<MediaContentFound>(await SendAsync(new GetMediaContent($"ipfs://{cid}", json.Length)));

        Assert.Equal((cid, "application/json", (long)json.Length), (byCid.Cid, byCid.Mime, byCid.Length));
        Assert.Equal(json, byCid.Bytes);
        Assert.Equal(json, byUri.Bytes);
    }

    [Fact]
    public async Task Content_longer_than_the_cap_is_told_by_its_length_without_bytes()
    {
        var json = Json("large");
        var cid = await StoreAsync(json);

        var answer = await SendAsync(new GetMediaContent(cid, json.Length - 1));

        Assert.Equal(new MediaContentTooLarge(cid, "application/json", json.Length), answer);
    }

    [Theory]
    [InlineData("REJECTED")]
    [InlineData("PENDING")]
    public async Task Content_not_approved_is_not_found(string status)
    {
        var cid = await StoreAsync(Json(status));
        var moderated = await SendAsync(new SetMediaModeration(cid, MediaDocuments.ParseModeration(status)));
        Assert.Equal(status, moderated.Moderation);

        Assert.Equal(new MediaContentNotFound(cid), await SendAsync(new GetMediaContent($"ipfs://{cid}", 1024)));
    }

    [Theory]
    [InlineData("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")] // "hello world": well-formed, never stored here
    [InlineData("not-a-cid")]
    [InlineData("")]
    public async Task An_unknown_or_malformed_cid_is_not_found(string cid) =>
        Assert.IsType<MediaContentNotFound>(await SendAsync(new GetMediaContent(cid, 1024)));

    private static byte[] Json(string name) => Encoding.UTF8.GetBytes($$"""{"name":"{{name}} {{Guid.NewGuid()}}"}""");

    /// <summary>Uploads the bytes as a user would (approved: the default moderation is automatic); returns the CID.</summary>
    private async Task<string> StoreAsync(byte[] content)
    {
        var assets = await SendAsync(new UploadMedia(Uploader, [new UploadedFile(content.Length, () => new MemoryStream(content, writable: false))]));
        var asset = Assert.Single(assets);
        Assert.Equal("APPROVED", asset.Moderation);
        return asset.Cid;
    }

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, Ct);
    }
}
