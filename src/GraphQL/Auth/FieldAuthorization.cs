using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// Who may select a field: <c>field.RequireAuthenticated()</c> or <c>field.RequireRole("admin")</c> on a field (or on
/// a graph type, protecting every field that returns it). Checked before execution by <see cref="FieldAuthorizationRule"/>,
/// so an operation selecting a field its caller may not see is refused as a whole: <c>UNAUTHENTICATED</c> (401)
/// without a valid session, <c>FORBIDDEN</c> (403) without the role.
/// </summary>
/// <remarks>
/// The rules are stored as graphql-dotnet's own authorization metadata, so <c>Authorize()</c>,
/// <c>AuthorizeWithRoles()</c> and <c>[Authorize]</c> are enforced the same way. Policies are not supported:
/// a field with one is refused to everybody.
/// </remarks>
public static class FieldAuthorization
{
    public static TMetadataWriter RequireAuthenticated<TMetadataWriter>(this TMetadataWriter field)
        where TMetadataWriter : IMetadataWriter
        => field.Authorize();

    /// <summary>The caller must be signed in and hold at least one of <paramref name="roles"/>.</summary>
    public static TMetadataWriter RequireRole<TMetadataWriter>(this TMetadataWriter field, params string[] roles)
        where TMetadataWriter : IMetadataWriter
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Length == 0 || roles.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Name at least one role, none of them blank.", nameof(roles));
        }

        return field.AuthorizeWithRoles(roles);
    }

    /// <summary>
    /// The signed-in caller, for resolvers whose answer depends on who asks (e.g. their own profile); throws
    /// <c>UNAUTHENTICATED</c> for an anonymous one.
    /// </summary>
    public static CurrentUser RequireUser(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Auth.CurrentUser.From(context.User)
            ?? throw new AppException(ErrorCode.Unauthenticated, FieldAuthorizationRule.SignInMessage);
    }

    /// <summary>The signed-in caller, or null for an anonymous one.</summary>
    public static CurrentUser? CurrentUser(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Auth.CurrentUser.From(context.User);
    }
}
