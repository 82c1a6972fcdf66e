using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Profiles;
using NftMarketplace.Modules.Users.Reading;

namespace NftMarketplace.Modules.Users.GraphQL;

/// <summary>
/// <c>me</c>, <c>user(username)</c> and <c>updateProfile</c>. The caller is the access token's <c>sub</c>, the user id
/// Auth signed it for.
/// </summary>
internal sealed class UsersGraphQL : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Query.Field<UserType>("me")
            .Description("The signed-in user; null when the token's user no longer exists.")
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(new GetUser(context.RequireUserId())));

        roots.Query.Field<UserType>("user")
            .Description("A user by username, ignoring case; NOT_FOUND when nobody has it.")
            .Argument<NonNullGraphType<StringGraphType>>("username")
            .ResolveAsync(async context =>
            {
                var username = context.GetArgument<string>("username");
                return await context.SendAsync(new FindUserByUsername(username))
                    ?? throw new AppException(ErrorCode.NotFound, $"No user has the username '{username}'.", "username");
            });

        roots.Mutation.Field<NonNullGraphType<UserType>>("updateProfile")
            .Description("Changes the caller's profile: a field left out or null stays as it is, an empty string clears it.")
            .Argument<NonNullGraphType<UpdateProfileInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(context.GetInput<UpdateProfile>() with { UserId = context.RequireUserId() }));
    }
}
