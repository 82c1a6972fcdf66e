using GraphQL.Types;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Auth.Sessions;

namespace NftMarketplace.Modules.Auth.GraphQL;

/// <summary>An open session as <c>User.sessions</c> lists it, with whether it is the caller's own.</summary>
internal sealed record SessionView(OpenSession Session, bool Current);

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
        Field<StringGraphType>("userAgent").Resolve(c => c.Source.Session.UserAgent);
    }
}
