using GraphQL;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.Modules.Auth.Sessions;
using NftMarketplace.Modules.Users.Contracts;

namespace NftMarketplace.Modules.Auth.GraphQL;

/// <summary>
/// <c>User.sessions</c>: the user's open sessions, newest first — for the user only (<c>FORBIDDEN</c> for anyone
/// else), so a device list can offer "sign out everywhere".
/// </summary>
internal sealed class UserSessionsExtension() : GraphTypeExtension<UserDto>(UserDto.GraphQLTypeName)
{
    protected override void Extend(ObjectGraphType<UserDto> type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SessionType>>>>("sessions")
            .Description("Open sessions (signed in, not signed out, not expired), newest first. Only for the user themself.")
            .RequireAuthenticated()
            .ResolveAsync(async context =>
            {
                if (context.RequireUserId() != context.Source.Id)
                {
                    throw new AppException(ErrorCode.Forbidden, "Only the user themself may list their sessions.");
                }

                var sessions = await context.SendAsync(new GetOpenSessions(context.Source.Id));
                var current = context.RequireUser().SessionId;
                return sessions.Select(s => new SessionView(s, s.SessionId.ToString("D") == current)).ToList();
            });
}
