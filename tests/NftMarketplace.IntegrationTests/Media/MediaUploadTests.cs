using System.Net;
using System.Text;
using NetVips;
using Nethereum.Signer;
using NftMarketplace.IntegrationTests.Support;
using Npgsql;

namespace NftMarketplace.IntegrationTests.Media;

/// <summary>
/// uploadMedia, pinMetadata, mediaAsset, similarMedia, setMediaModeration and GET /media through the real Host, with
/// real Postgres, Redis and S3 server: dedupe, moderation states, serving headers, ranges, refusals, quota.
/// </summary>
public sealed class MediaUploadTests(MediaHostFixture host) : IClassFixture<MediaHostFixture>, IDisposable
{
    private const string Asset = "query($cid: String!) { mediaAsset(cid: $cid) { cid moderation mime width height variants { width } } }";
    private const string Moderate = "mutation($cid: String!, $status: ModerationStatus!) { setMediaModeration(input: {cid: $cid, status: $status}) { moderation } }";

    private readonly HttpClient _http = host.Http();

    private MediaClient Media => new(_http);

    [Fact]
    public async Task The_same_bytes_twice_are_one_asset_pending_until_an_admin_approves_then_served_immutably()
    {
        var alice = await SignInAsync();
        var bob = await SignInAsync();
        // Nothing for the upload to strip, so the stored bytes are the uploaded ones.
        var png = Pattern(700, 500, seed: 21).PngsaveBuffer(keep: Enums.ForeignKeep.None);

        var first = Assets(await Media.UploadAsync(alice, ("a.png", png)))[0];
        var second = Assets(await Media.UploadAsync(bob, ("renamed.jpg", png)))[0];

        var cid = first.GetProperty("cid").GetString()!;
        Assert.StartsWith("bafybei", cid, StringComparison.Ordinal); // more than one 256 KiB chunk
        Assert.Equal(cid, second.GetProperty("cid").GetString());
        Assert.Equal("image/png", first.GetProperty("mime").GetString());
        Assert.Equal("PENDING", first.GetProperty("moderation").GetString());
        Assert.Equal(700, first.GetProperty("width").GetInt32());
        Assert.Equal([256, 512], first.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("width").GetInt32()));
        Assert.Equal(1, await CountAsync($"doc->>'cid' = '{cid}'"));

        // Pending: the uploader sees it, anyone else does not.
        Assert.Null(MediaClient.ErrorCode(await Media.PostAsync(Asset, new { cid }, alice)));
        Assert.Equal("NOT_FOUND", MediaClient.ErrorCode(await Media.PostAsync(Asset, new { cid })));
        using (var anonymous = await Media.GetAsync($"media/{cid}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        }

        using (var own = await Media.GetAsync($"media/{cid}", alice))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.True(own.Headers.CacheControl is { Private: true, NoStore: true }, own.Headers.CacheControl?.ToString());
        }

        var admin = await SignInAsync(host.Admin);
        Assert.Equal("FORBIDDEN", MediaClient.ErrorCode(await Media.PostAsync(Moderate, new { cid, status = "APPROVED" }, alice)));
        Assert.Null(MediaClient.ErrorCode(await Media.PostAsync(Moderate, new { cid, status = "APPROVED" }, admin)));

        var approved = await Media.PostAsync(Asset, new { cid });
        Assert.Equal("APPROVED", approved.GetProperty("data").GetProperty("mediaAsset").GetProperty("moderation").GetString());

        using var served = await Media.GetAsync($"media/{cid}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png.Length, served.Content.Headers.ContentLength);
        Assert.Equal($"\"{cid}\"", served.Headers.ETag?.ToString());
        Assert.True(served.Headers.CacheControl is { Public: true, MaxAge: { TotalSeconds: 31536000 } } cache
            && cache.Extensions.Any(e => e.Name == "immutable"), served.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        var servedBytes = await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal(png, servedBytes);
        Assert.Equal(cid, Cid(servedBytes));

        using var notModified = await Media.GetAsync($"media/{cid}", configure: r => r.Headers.IfNoneMatch.ParseAdd($"\"{cid}\""));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var range = await Media.GetAsync($"media/{cid}", configure: r => r.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, 29));
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal($"bytes 10-29/{png.Length}", range.Content.Headers.ContentRange?.ToString());
        Assert.Equal(png[10..30], await range.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var beyond = await Media.GetAsync($"media/{cid}", configure: r => r.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(png.Length + 5, null));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);

        using var variant = await Media.GetAsync($"media/{cid}/w/256");
        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        Assert.Equal("image/webp", variant.Content.Headers.ContentType?.MediaType);

        using var unknown = await Media.GetAsync("media/bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        Assert.Null(MediaClient.ErrorCode(await Media.PostAsync(Moderate, new { cid, status = "REJECTED" }, admin)));
        using var rejected = await Media.GetAsync($"media/{cid}");
        Assert.Equal(HttpStatusCode.UnavailableForLegalReasons, rejected.StatusCode);
        using var rejectedVariant = await Media.GetAsync($"media/{cid}/w/256");
        Assert.Equal(HttpStatusCode.UnavailableForLegalReasons, rejectedVariant.StatusCode);
        using var rejectedToItsUploader = await Media.GetAsync($"media/{cid}", alice);
        Assert.Equal(HttpStatusCode.UnavailableForLegalReasons, rejectedToItsUploader.StatusCode);
        Assert.Equal("NOT_FOUND", MediaClient.ErrorCode(await Media.PostAsync(Asset, new { cid })));
    }

    [Fact]
    public async Task Whoever_uploads_bytes_pending_for_another_uploader_sees_that_asset_too()
    {
        var alice = await SignInAsync();
        var bob = await SignInAsync();
        var stranger = await SignInAsync();
        var png = Pattern(600, 300, seed: 31).PngsaveBuffer(keep: Enums.ForeignKeep.None);
        var cid = Assets(await Media.UploadAsync(alice, ("a.png", png)))[0].GetProperty("cid").GetString()!;

        var again = Assets(await Media.UploadAsync(bob, ("b.png", png)))[0];

        Assert.Equal(cid, again.GetProperty("cid").GetString());
        Assert.Equal("PENDING", again.GetProperty("moderation").GetString());
        foreach (var uploader in new[] { alice, bob })
        {
            var asset = await Media.PostAsync(Asset, new { cid }, uploader);
            Assert.True(MediaClient.ErrorCode(asset) is null, asset.ToString());
            Assert.Equal("PENDING", asset.GetProperty("data").GetProperty("mediaAsset").GetProperty("moderation").GetString());
            using var own = await Media.GetAsync($"media/{cid}", uploader);
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(png, await own.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            using var variant = await Media.GetAsync($"media/{cid}/w/512", uploader);
            Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        }

        Assert.Null(MediaClient.ErrorCode(await Media.PostAsync("query($cid: String!) { similarMedia(cid: $cid) { cid } }", new { cid }, bob)));
        Assert.Equal("NOT_FOUND", MediaClient.ErrorCode(await Media.PostAsync(Asset, new { cid }, stranger)));
        using var toStranger = await Media.GetAsync($"media/{cid}", stranger);
        Assert.Equal(HttpStatusCode.NotFound, toStranger.StatusCode);
        Assert.Equal(1, await CountAsync($"doc->>'cid' = '{cid}'"));
    }

    [Fact]
    public async Task Concurrent_uploads_of_the_same_bytes_are_one_asset_and_one_object_for_every_uploader()
    {
        var alice = await SignInAsync();
        var bob = await SignInAsync();
        var png = Pattern(640, 400, seed: 32).PngsaveBuffer(keep: Enums.ForeignKeep.None);

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Media.UploadAsync(i % 2 == 0 ? alice : bob, ($"{i}.png", png)))));

        var cids = replies.Select(reply => Assets(reply).Single().GetProperty("cid").GetString()!).Distinct().ToList();
        var cid = Assert.Single(cids);
        Assert.Equal(png.Length, Assets(replies[0])[0].GetProperty("bytes").GetInt32());
        Assert.Equal(1, await CountAsync($"doc->>'cid' = '{cid}'"));
        Assert.Equal(1, await CountAsync($"doc->>'cid' = '{cid}' AND jsonb_array_length(doc->'uploaderIds') = 2"));
        Assert.Equal(2, await ScalarAsync($"SELECT count(*) FROM media.variants v JOIN media.assets a ON a.id = v.asset_id WHERE a.doc->>'cid' = '{cid}'"));
        foreach (var uploader in new[] { alice, bob })
        {
            Assert.Null(MediaClient.ErrorCode(await Media.PostAsync(Asset, new { cid }, uploader)));
        }

        using var s3 = host.Infrastructure.CreateStorageClient();
        var listed = await s3.ListObjectsV2Async(
            new Amazon.S3.Model.ListObjectsV2Request { BucketName = host.Infrastructure.StorageBucket, Prefix = cid }, TestContext.Current.CancellationToken);
        Assert.Equal([cid, $"{cid}/w/256.webp", $"{cid}/w/512.webp"], listed.S3Objects.Select(o => o.Key).Order(StringComparer.Ordinal));
        Assert.Equal(png.Length, listed.S3Objects.Single(o => o.Key == cid).Size);
    }

    [Fact]
    public async Task Refused_uploads_are_bad_user_input_and_store_nothing()
    {
        var user = await SignInAsync();
        var png = Pattern(300, 200, seed: 22).PngsaveBuffer();
        (string Name, byte[] Content)[] refused =
        [
            ("page.png", Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script></html>")),
            ("script.png", Encoding.UTF8.GetBytes("fetch('/graphql').then(r => r.text())")),
            ("logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")),
            ("truncated.png", png[..(png.Length / 2)]),
            ("bomb.png", PngHeader(50_000, 50_000)),
            ("frames.gif", Gif(MediaHostFixture.MaxFrames + 1)),
            ("unknown.bin", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0]),
        ];

        foreach (var file in refused)
        {
            var (_, body) = await Media.UploadAsync(user, file);
            Assert.True(MediaClient.ErrorCode(body) == "BAD_USER_INPUT", $"{file.Name}: {body}");
        }

        Assert.Equal(0, await CountAsync($"doc->>'uploaderId' = '{UserId(user)}'"));
    }

    [Fact]
    public async Task An_oversized_file_is_413()
    {
        var user = await SignInAsync();

        var (status, body) = await Media.UploadAsync(user, ("big.png", new byte[MediaHostFixture.MaxFileBytes + 1]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("BAD_USER_INPUT", MediaClient.ErrorCode(body));
    }

    [Fact]
    public async Task Uploads_need_a_session()
    {
        var (_, body) = await Media.UploadAsync(null, ("a.png", Pattern(20, 20, 1).PngsaveBuffer()));

        Assert.Equal("UNAUTHENTICATED", MediaClient.ErrorCode(body));
    }

    [Fact]
    public async Task Past_the_quota_uploads_are_rate_limited()
    {
        var user = await SignInAsync();
        var files = Enumerable.Range(0, MediaHostFixture.FilesPerWindow + 1)
            .Select(i => ($"{i}.json", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"))).ToArray();

        Assert.Null(MediaClient.ErrorCode((await Media.UploadAsync(user, files[..8])).Body));
        Assert.Null(MediaClient.ErrorCode((await Media.UploadAsync(user, files[8..MediaHostFixture.FilesPerWindow])).Body));
        Assert.Equal("RATE_LIMITED", MediaClient.ErrorCode((await Media.UploadAsync(user, files[^1..])).Body));
    }

    [Fact]
    public async Task Metadata_is_pinned_as_json_and_served_as_an_attachment()
    {
        var user = await SignInAsync();
        var admin = await SignInAsync(host.Admin);
        const string json = """{"name":"Token #1","image":"ipfs://bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"}""";

        var pinned = await Media.PostAsync("mutation($json: String!) { pinMetadata(input: {json: $json}) { cid uri url } }", new { json }, user);
        var cid = pinned.GetProperty("data").GetProperty("pinMetadata").GetProperty("cid").GetString()!;
        Assert.Equal($"ipfs://{cid}", pinned.GetProperty("data").GetProperty("pinMetadata").GetProperty("uri").GetString());
        Assert.Null(MediaClient.ErrorCode(await Media.PostAsync(Moderate, new { cid, status = "APPROVED" }, admin)));

        using var served = await Media.GetAsync($"media/{cid}");
        Assert.Equal("application/json", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(json, await served.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        foreach (var bad in new[] { "[1, 2]", "{\"name\": ", "not json" })
        {
            var reply = await Media.PostAsync("mutation($json: String!) { pinMetadata(input: {json: $json}) { cid } }", new { json = bad }, user);
            Assert.Equal("BAD_USER_INPUT", MediaClient.ErrorCode(reply));
        }
    }

    [Fact]
    public async Task Gps_exif_is_not_in_what_is_served_and_a_resized_copy_is_found_similar()
    {
        var user = await SignInAsync();
        var admin = await SignInAsync(host.Admin);
        using var original = Pattern(900, 600, seed: 23);
        var jpeg = UnitTestsJpegWithGps(original.JpegsaveBuffer(keep: Enums.ForeignKeep.None));
        using var copyImage = original.ThumbnailImage(400);
        var copy = copyImage.JpegsaveBuffer(q: 60);

        var assets = Assets(await Media.UploadAsync(user, ("photo.jpg", jpeg), ("copy.jpg", copy)));
        var cid = assets[0].GetProperty("cid").GetString()!;
        var copyCid = assets[1].GetProperty("cid").GetString()!;
        foreach (var asset in new[] { cid, copyCid })
        {
            Assert.Null(MediaClient.ErrorCode(await Media.PostAsync(Moderate, new { cid = asset, status = "APPROVED" }, admin)));
        }

        using var served = await Media.GetAsync($"media/{cid}");
        var bytes = await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(GpsMarker, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.NotEqual(jpeg.Length, bytes.Length);
        foreach (var width in new[] { 256, 512 })
        {
            using var variant = await Media.GetAsync($"media/{cid}/w/{width}");
            Assert.DoesNotContain(GpsMarker, Encoding.Latin1.GetString(await variant.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }

        var similar = await Media.PostAsync("query($cid: String!) { similarMedia(cid: $cid, maxDistance: 8) { cid } }", new { cid });
        Assert.Contains(copyCid, similar.GetProperty("data").GetProperty("similarMedia").EnumerateArray().Select(a => a.GetProperty("cid").GetString()));
    }

    public void Dispose() => _http.Dispose();

    private static string Cid(byte[] content)
    {
        using var builder = new NftMarketplace.Modules.Media.ContentAddressing.UnixFsCidBuilder();
        builder.Append(content);
        return builder.Finish().Cid;
    }

    private const string GpsMarker = "SECRET-PLACE-48.8584N-2.2945E";

    private async Task<string> SignInAsync(EthECKey? key = null) =>
        (await SignInHostFixture.Client(_http).SignInAsync(key ?? EthECKey.GenerateKey())).AccessToken;

    private static string UserId(string accessToken)
    {
        var payload = accessToken.Split('.')[1];
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=')));
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("sub").GetString()!;
    }

    internal static System.Text.Json.JsonElement[] Assets((HttpStatusCode Status, System.Text.Json.JsonElement Body) reply)
    {
        Assert.True(reply.Status == HttpStatusCode.OK && MediaClient.ErrorCode(reply.Body) is null, reply.Body.ToString());
        return [.. reply.Body.GetProperty("data").GetProperty("uploadMedia").GetProperty("assets").EnumerateArray()];
    }

    private Task<long> CountAsync(string where) => ScalarAsync($"SELECT count(*) FROM media.assets WHERE {where}");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(host.DatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    internal static Image Pattern(int width, int height, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        var (fx, fy, phase) = (random.NextDouble() * 5, random.NextDouble() * 5, random.NextDouble() * 6);
        for (var i = 0; i < width * height; i++)
        {
            var (x, y) = (i % width, i / width);
            var v = 128 + (100 * Math.Sin((fx * x / width * Math.PI) + (fy * y / height * Math.PI) + phase));
            pixels[i * 3] = (byte)v;
            pixels[(i * 3) + 1] = (byte)(255 - v);
            pixels[(i * 3) + 2] = (byte)((x * 255) / width);
        }

        return Image.NewFromMemory(pixels, width, height, 3, Enums.BandFormat.Uchar);
    }

    private static byte[] PngHeader(int width, int height)
    {
        byte[] ihdr = [0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0, 0, 0, 0, 0];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(8), (uint)width);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(12), (uint)height);
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. ihdr, 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
    }

    private static byte[] Gif(int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([4, 0, 4, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255]);
        for (var i = 0; i < frames; i++)
        {
            gif.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0, 4, 0, 4, 0, 0, 2, 2, 0x84, 0x51, 0]);
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>EXIF right after SOI: Orientation 1 and a GPS IFD whose GPSMapDatum is <see cref="GpsMarker"/>.</summary>
    private static byte[] UnitTestsJpegWithGps(byte[] jpeg)
    {
        var marker = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        using var tiff = new MemoryStream();
        void U16(int v) => tiff.Write([(byte)(v >> 8), (byte)v]);
        void U32(long v) => tiff.Write([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        tiff.Write("MM"u8);
        U16(42);
        U32(8);
        U16(1);
        U16(0x8825); U16(4); U32(1); U32(26);
        U32(0);
        U16(1);
        U16(0x0012); U16(2); U32(marker.Length); U32(44);
        U32(0);
        tiff.Write(marker);
        byte[] payload = [.. "Exif\0\0"u8, .. tiff.ToArray()];
        byte[] segment = [0xFF, 0xE1, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}
