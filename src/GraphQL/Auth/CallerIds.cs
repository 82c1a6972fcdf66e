using GraphQL;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// The caller's user and session ids as the modules use them, read one way everywhere: a valid access token whose
/// <c>sub</c> or <c>sid</c> is no id of this marketplace is <c>UNAUTHENTICATED</c>, never an internal error.
/// </summary>
public static class CallerIds
{
    /// <summary>The signed-in caller's user id; <c>UNAUTHENTICATED</c> for no caller or a <c>sub</c> that is no user id.</summary>
    public static Guid RequireUserId(this IResolveFieldContext context) =>
        Guid.TryParse(context.RequireUser().UserId, out var id)
            ? id
            : throw new AppException(ErrorCode.Unauthenticated, "The access token does not name a user of this marketplace.");

    /// <summary>The signed-in caller's session id; <c>UNAUTHENTICATED</c> for no caller or a <c>sid</c> that is no session id.</summary>
    public static Guid RequireSessionId(this IResolveFieldContext context) =>
        Guid.TryParse(context.RequireUser().SessionId, out var id)
            ? id
            : throw new AppException(ErrorCode.Unauthenticated, "The access token does not name a session of this marketplace.");

    /// <summary>The caller's user id, or null for an anonymous caller or a token that names no user of ours.</summary>
    public static Guid? CurrentUserId(this IResolveFieldContext context) =>
        Guid.TryParse(context.CurrentUser()?.UserId, out var id) ? id : null;
}
