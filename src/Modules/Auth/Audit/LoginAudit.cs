using NftMarketplace.Modules.Auth.Persistence;

namespace NftMarketplace.Modules.Auth.Audit;

/// <summary>Adds <c>login_events</c> rows to the command's unit of work.</summary>
internal sealed class LoginAudit(AuthDbContext db, TimeProvider time)
{
    public void Record(string kind, string result, SignIn.CallerInfo client, string? accountId = null, Guid? userId = null, Guid? sessionId = null) =>
        db.LoginEvents.Add(new LoginEvent
        {
            Kind = kind,
            Result = result,
            AccountId = accountId,
            UserId = userId,
            SessionId = sessionId,
            Ip = client.Ip,
            Ua = client.UserAgent is { Length: > 512 } ua ? ua[..512] : client.UserAgent,
            Ts = time.GetUtcNow(),
        });
}
