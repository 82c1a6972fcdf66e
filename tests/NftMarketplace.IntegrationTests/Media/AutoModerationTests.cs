using System.Net;
using NetVips;
using Nethereum.Signer;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Media;

/// <summary><c>Media:Moderation:Mode=auto</c> through the real Host: a new asset is approved and served to anyone at once.</summary>
public sealed class AutoModerationTests(AutoModeratedMediaHostFixture host) : IClassFixture<AutoModeratedMediaHostFixture>, IDisposable
{
    private readonly HttpClient _http = host.Http();

    private MediaClient Media => new(_http);

    [Fact]
    public async Task A_normal_upload_is_approved_and_served_to_anyone_until_an_admin_rejects_it()
    {
        var user = await SignInAsync();
        var png = MediaUploadTests.Pattern(520, 260, seed: 41).PngsaveBuffer(keep: Enums.ForeignKeep.None);

        var uploaded = MediaUploadTests.Assets(await Media.UploadAsync(user, ("a.png", png)))[0];

        var cid = uploaded.GetProperty("cid").GetString()!;
        Assert.Equal("APPROVED", uploaded.GetProperty("moderation").GetString());
        var anonymous = await Media.PostAsync("query($cid: String!) { mediaAsset(cid: $cid) { moderation } }", new { cid });
        Assert.Equal("APPROVED", anonymous.GetProperty("data").GetProperty("mediaAsset").GetProperty("moderation").GetString());
        using (var served = await Media.GetAsync($"media/{cid}"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.True(served.Headers.CacheControl is { Public: true, NoStore: false }, served.Headers.CacheControl?.ToString());
            Assert.Equal(png, await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        using (var variant = await Media.GetAsync($"media/{cid}/w/512"))
        {
            Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
            Assert.Equal("image/webp", variant.Content.Headers.ContentType?.MediaType);
        }

        var admin = await SignInAsync(host.Admin);
        var rejected = await Media.PostAsync(
            "mutation($cid: String!) { setMediaModeration(input: {cid: $cid, status: REJECTED}) { moderation } }", new { cid }, admin);
        Assert.Equal("REJECTED", rejected.GetProperty("data").GetProperty("setMediaModeration").GetProperty("moderation").GetString());
        using var gone = await Media.GetAsync($"media/{cid}");
        Assert.Equal(HttpStatusCode.UnavailableForLegalReasons, gone.StatusCode);
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> SignInAsync(EthECKey? key = null) =>
        (await SignInHostFixture.Client(_http).SignInAsync(key ?? EthECKey.GenerateKey())).AccessToken;
}
