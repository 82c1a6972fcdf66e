using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Auth.Persistence;
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
                var caller = context.RequireUser();
                if (!Guid.TryParse(caller.UserId, out var callerId) || callerId != context.Source.Id)
                {
                    throw new AppException(ErrorCode.Forbidden, "Only the user themself may list their sessions.");
                }

                var sessions = await context.SendAsync(new GetOpenSessions(context.Source.Id));
                return sessions.Select(s => new SessionView(s, s.SessionId.ToString("D") == caller.SessionId)).ToList();
            });
}

/// <summary>A user's open sessions, newest first.</summary>
internal sealed record GetOpenSessions(Guid UserId) : IQuery<IReadOnlyList<Session>>;

internal sealed class GetOpenSessionsHandler(AuthDbContext db, TimeProvider time) : IRequestHandler<GetOpenSessions, IReadOnlyList<Session>>
{
    public async Task<IReadOnlyList<Session>> Handle(GetOpenSessions request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == request.UserId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
    }
}

internal sealed record SessionView(Session Session, bool Current);

internal sealed class SessionType : ObjectGraphType<SessionView>
{
    public SessionType()
    {
        Name = "Session";
        Description = "A signed-in session of one device or browser.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(Name, c.Source.Session.SessionId));
        Field<NonNullGraphType<StringGraphType>>("accountId").Description("The CAIP-10 account that signed in.").Resolve(c => c.Source.Session.AccountId);
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("True for the session of the request's own access token.")
            .Resolve(c => c.Source.Current);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => c.Source.Session.CreatedAt);
        Field<UtcDateTimeGraphType>("lastUsedAt").Description("Last sign-in or refresh.").Resolve(c => c.Source.Session.LastUsedAt);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("expiresAt").Description("When the session ends unless signed out before.")
            .Resolve(c => c.Source.Session.ExpiresAt);
        Field<StringGraphType>("ip").Description("Address it signed in from.").Resolve(c => c.Source.Session.Ip);
        Field<StringGraphType>("userAgent").Resolve(c => c.Source.Session.Ua);
    }
}
