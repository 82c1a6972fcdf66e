using System.Security.Cryptography;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Uploads;

namespace NftMarketplace.IntegrationTests.GraphQL.Uploads;

/// <summary><c>Mutation.hashFile</c>: reads the uploaded file once, as a module storing it would, and reports its SHA-256.</summary>
internal sealed class HashingUploadFields : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots) =>
        roots.Mutation.Field<NonNullGraphType<HashedFileType>>("hashFile")
            .Argument<NonNullGraphType<HashFileInputType>>(GraphQLConventions.InputArgument)
            .ResolveAsync(async context =>
            {
                var file = context.GetInput<HashFile>().File;
                await using var content = file.OpenReadStream();
                var hash = await SHA256.HashDataAsync(content, context.CancellationToken);
                return new HashedFile(file.FileName, file.Length, Convert.ToHexStringLower(hash), file.IsInMemory);
            });
}

public sealed record HashFile(FileUpload File);

public sealed record HashedFile(string FileName, long Length, string Sha256, bool InMemory);

public sealed class HashFileInputType : InputObjectGraphType<HashFile>
{
    public HashFileInputType()
    {
        Name = "HashFileInput";
        Field(x => x.File);
    }
}

public sealed class HashedFileType : ObjectGraphType<HashedFile>
{
    public HashedFileType()
    {
        Name = "HashedFile";
        Field(x => x.FileName);
        Field<NonNullGraphType<FloatGraphType>>("length").Resolve(context => context.Source.Length);
        Field(x => x.Sha256);
        Field(x => x.InMemory);
    }
}
