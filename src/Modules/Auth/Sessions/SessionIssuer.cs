using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.Modules.Auth.Configuration;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.SignIn;

namespace NftMarketplace.Modules.Auth.Sessions;

/// <summary>Opens sessions and rotates their tokens, inside the calling command's unit of work.</summary>
internal sealed class SessionIssuer(
    AuthDbContext db,
    AccessTokenIssuer accessTokens,
    IOptions<SessionOptions> options,
    IOptions<AdminList> admins,
    TimeProvider time)
{
    public (Session Session, AuthPayload Payload) Open(Guid userId, ProvenAccount account, CallerInfo client)
    {
        var now = time.GetUtcNow();
        var refreshToken = RefreshTokens.Create();
        var session = new Session
        {
            SessionId = Guid.CreateVersion7(),
            UserId = userId,
            AccountId = account.Account.Value,
            RefreshHash = RefreshTokens.Hash(refreshToken)!,
            Roles = admins.Value.Contains(account.Address) ? [Roles.Admin] : [],
            Ip = client.Ip,
            Ua = client.UserAgent,
            CreatedAt = now,
            ExpiresAt = now + options.Value.SessionLifetime,
            LastUsedAt = now,
        };
        db.Sessions.Add(session);
        var access = accessTokens.Issue(userId, session.SessionId, session.Roles);
        return (session, new AuthPayload(access.Token, refreshToken, access.ExpiresAt, userId));
    }
}

/// <summary>The addresses of <c>Auth:Admins</c>.</summary>
internal sealed class AdminList
{
    public HashSet<Address> Addresses { get; } = [];

    public bool Contains(Address address) => Addresses.Contains(address);
}
