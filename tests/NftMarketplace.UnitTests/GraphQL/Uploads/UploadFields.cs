using System.Collections.Concurrent;
using System.Security.Cryptography;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Uploads;

namespace NftMarketplace.UnitTests.GraphQL.Uploads;

/// <summary>A module taking files: mutations that hash what they receive and note where it was held.</summary>
public sealed class UploadFields : IGraphQLContributor
{
    /// <summary>Paths of the temporary files resolvers read from, to check they are gone after the request.</summary>
    public static ConcurrentBag<string> SpoolFiles { get; } = [];

    public void Contribute(GraphQLRoots roots)
    {
        roots.Mutation.Field<NonNullGraphType<ReceivedFileType>>("uploadFile")
            .Argument<NonNullGraphType<UploadFileInputType>>(GraphQLConventions.InputArgument)
            .ResolveAsync(async context => await ReceiveAsync(context.GetInput<UploadFile>().File, context.CancellationToken));

        roots.Mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReceivedFileType>>>>("uploadFiles")
            .Argument<NonNullGraphType<UploadFilesInputType>>(GraphQLConventions.InputArgument)
            .ResolveAsync(async context =>
            {
                var received = new List<ReceivedFile>();
                foreach (var file in context.GetInput<UploadFiles>().Files)
                {
                    received.Add(await ReceiveAsync(file, context.CancellationToken));
                }

                return received;
            });
    }

    // Deliberately leaves the stream undisposed: the request must clean up after resolvers that forget.
    private static async Task<ReceivedFile> ReceiveAsync(FileUpload file, CancellationToken cancellationToken)
    {
        var content = file.OpenReadStream();
        if (content is FileStream spooled)
        {
            SpoolFiles.Add(spooled.Name);
        }

        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        return new ReceivedFile(file.FileName, file.ContentType, file.Length, hash, file.IsInMemory);
    }
}

public sealed record UploadFile(FileUpload File, string? Note);

public sealed record UploadFiles(IReadOnlyList<FileUpload> Files);

public sealed record ReceivedFile(string FileName, string ContentType, long Length, string Sha256, bool InMemory);

public sealed class UploadFileInputType : InputObjectGraphType<UploadFile>
{
    public UploadFileInputType()
    {
        Name = "UploadFileInput";
        Field(x => x.File);
        Field(x => x.Note, nullable: true);
    }
}

public sealed class UploadFilesInputType : InputObjectGraphType<UploadFiles>
{
    public UploadFilesInputType()
    {
        Name = "UploadFilesInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UploadGraphType>>>>("files");
    }
}

public sealed class ReceivedFileType : ObjectGraphType<ReceivedFile>
{
    public ReceivedFileType()
    {
        Name = "ReceivedFile";
        Field(x => x.FileName);
        Field(x => x.ContentType);
        Field<NonNullGraphType<StringGraphType>>("length").Resolve(context => context.Source.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(x => x.Sha256);
        Field(x => x.InMemory);
    }
}
