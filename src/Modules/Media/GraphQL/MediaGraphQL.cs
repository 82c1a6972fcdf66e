using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.Modules.Media.Contracts;
using NftMarketplace.Modules.Media.Moderation;
using NftMarketplace.Modules.Media.Reading;
using NftMarketplace.Modules.Media.Uploads;

namespace NftMarketplace.Modules.Media.GraphQL;

/// <summary><c>mediaAsset</c>, <c>similarMedia</c>, <c>uploadMedia</c>, <c>pinMetadata</c> and the admins' <c>setMediaModeration</c>.</summary>
internal sealed class MediaGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Query.Field<MediaAssetType>("mediaAsset")
            .Description("An asset by CID; NOT_FOUND when there is none (or it is pending or rejected and not yours).")
            .Argument<NonNullGraphType<StringGraphType>>("cid")
            .ResolveAsync(async context =>
            {
                var (caller, admin) = Caller(context);
                return await context.SendAsync(new GetMediaAsset(context.GetArgument<string>("cid"), caller, admin));
            });

        roots.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaAssetType>>>>("similarMedia")
            .Description("Approved images whose perceptual hash (or their mirror image's) is within maxDistance bits (0..32) of this asset's, nearest first, at most 50.")
            .Argument<NonNullGraphType<StringGraphType>>("cid")
            .Argument<NonNullGraphType<IntGraphType>>("maxDistance", a => a.DefaultValue = 8)
            .ResolveAsync(async context =>
            {
                var (caller, admin) = Caller(context);
                return await context.SendAsync(new SimilarMedia(context.GetArgument<string>("cid"), context.GetArgument<int>("maxDistance"), caller, admin));
            });

        roots.Mutation.Field<NonNullGraphType<UploadMediaPayloadType>>("uploadMedia")
            .Description("Stores your files (GraphQL multipart request) as media assets. The type is told by content: PNG, JPEG, GIF, WebP, MP4, WebM, MP3, WAV, OGG, GLB or a JSON object; SVG and everything else is refused.")
            .Argument<NonNullGraphType<UploadMediaInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<UploadMediaInput>();
                var files = input.Files.Select(f => new UploadedFile(f.Length, f.OpenReadStream)).ToList();
                return await context.SendAsync(new UploadMedia(CallerId(context), files));
            });

        roots.Mutation.Field<NonNullGraphType<PinMetadataPayloadType>>("pinMetadata")
            .Description("Stores token or collection metadata (a JSON object of at most 256 KB) like media.")
            .Argument<NonNullGraphType<PinMetadataInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context =>
                await context.SendAsync(new PinMetadata(CallerId(context), context.GetInput<PinMetadataInput>().Json)));

        roots.Mutation.Field<NonNullGraphType<MediaAssetType>>("setMediaModeration")
            .Description("Admin: approves or rejects an asset (rejected assets are not served).")
            .Argument<NonNullGraphType<SetMediaModerationInputType>>(GraphQLConventions.InputArgument)
            .RequireRole(Roles.Admin)
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<SetMediaModerationInput>();
                return await context.SendAsync(new SetMediaModeration(input.Cid, input.Status));
            });
    }

    private static (Guid? Caller, bool Admin) Caller(IResolveFieldContext context)
    {
        var user = context.CurrentUser();
        return (user is not null && Guid.TryParse(user.UserId, out var id) ? id : null, user?.IsInRole(Roles.Admin) == true);
    }

    private static Guid CallerId(IResolveFieldContext context) =>
        Guid.TryParse(context.RequireUser().UserId, out var id)
            ? id
            : throw new AppException(ErrorCode.Unauthenticated, "The access token does not name a user of this marketplace.");
}
