using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;

namespace NftMarketplace.BuildingBlocks.Storage;

internal static class ObjectStorageServiceCollectionExtensions
{
    public static IServiceCollection AddObjectStorage(this IServiceCollection services, ObjectStorageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(
            new BasicAWSCredentials(options.AccessKey, options.SecretKey),
            new AmazonS3Config
            {
                ServiceURL = options.Endpoint.ToString(),
                // MinIO and local S3 servers address buckets by path, not by sub-domain.
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                // Flexible checksums are an AWS extension that S3-compatible servers may reject.
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            }));
        return services;
    }
}
