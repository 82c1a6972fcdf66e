using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using NftMarketplace.BuildingBlocks.Storage;
using NftMarketplace.Modules.Media.Images;

namespace NftMarketplace.Modules.Media.Storing;

/// <summary>
/// The module's objects in the bucket: an original under its CID, a variant under <c>{cid}/w/{width}.webp</c>. A put
/// is idempotent (same key, same bytes), which is what lets the upload store the object before the row and retry
/// safely.
/// </summary>
internal sealed class MediaObjects(IAmazonS3 s3, ObjectStorageOptions storage)
{
    public static string OriginalKey(string cid) => cid;

    public static string VariantKey(string cid, int width) => $"{cid}/w/{width}.webp";

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = storage.Bucket,
            Key = key,
            InputStream = content,
            AutoCloseStream = false,
            ContentType = contentType,
            // Local S3 servers (s3rver) do not understand aws-chunked uploads.
            UseChunkEncoding = false,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts an upload's objects: the stored bytes (or <paramref name="content"/> itself, from its start, when nothing was
    /// rewritten) under the CID and each variant beside it, all at once: the puts are independent and idempotent.
    /// </summary>
    public async Task PutUploadAsync(PreparedUpload upload, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(content);
        var cid = upload.Digest.Cid;
        Stream original;
        if (upload.Stored is { } stored)
        {
            original = new MemoryStream(stored, writable: false);
        }
        else
        {
            content.Position = 0;
            original = content;
        }

        var variants = (upload.Image?.Variants ?? []).Select(v => (Key: VariantKey(cid, v.Width), Bytes: new MemoryStream(v.Bytes, writable: false))).ToList();
        try
        {
            await Task.WhenAll(
                [PutAsync(OriginalKey(cid), original, upload.Inspected.Format.Mime, cancellationToken),
                 .. variants.Select(v => PutAsync(v.Key, v.Bytes, ImageVariant.Mime, cancellationToken))]).ConfigureAwait(false);
        }
        finally
        {
            foreach (var (_, bytes) in variants)
            {
                await bytes.DisposeAsync().ConfigureAwait(false);
            }

            if (!ReferenceEquals(original, content))
            {
                await original.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The object, or the inclusive byte range of it; null when the bucket does not have it.</summary>
    public async Task<GetObjectResponse?> GetAsync(string key, (long From, long To)? range, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = storage.Bucket, Key = key };
        if (range is { } r)
        {
            request.ByteRange = new ByteRange(r.From, r.To);
        }

        try
        {
            return await s3.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
