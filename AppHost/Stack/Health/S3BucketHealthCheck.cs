using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NftMarketplace.AppHost.Stack.Health;

/// <summary>
/// Lists the bucket with a signed S3 request (the same client the application uses, against s3rver or MinIO).
/// MinIO starts without buckets, so in container mode the check creates the bucket when it is missing; s3rver
/// creates it itself at start.
/// </summary>
public sealed class S3BucketHealthCheck(Func<CancellationToken, Task<S3BucketHealthCheck.Settings>> resolveSettings, bool createIfMissing) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = await resolveSettings(cancellationToken).ConfigureAwait(false);
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(settings.AccessKey, settings.SecretKey),
            new AmazonS3Config
            {
                ServiceURL = settings.Endpoint.ToString(),
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                Timeout = TimeSpan.FromSeconds(5),
                MaxErrorRetry = 0,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
        try
        {
            await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = settings.Bucket, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (AmazonS3Exception ex) when (createIfMissing && ex.ErrorCode == "NoSuchBucket")
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = settings.Bucket }, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Degraded($"bucket {settings.Bucket} created");
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"listing bucket {settings.Bucket} at {settings.Endpoint} failed: {ex.Message}");
        }
    }

    public sealed record Settings(Uri Endpoint, string AccessKey, string SecretKey, string Bucket);
}
