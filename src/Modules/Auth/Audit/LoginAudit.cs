using Microsoft.Extensions.Logging;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.SignIn;

namespace NftMarketplace.Modules.Auth.Audit;

/// <summary>
/// Adds <c>login_events</c> rows to the command's unit of work, and logs each attempt with its outcome — only the
/// account, user and reason code, so operators see refusals without any secret reaching the logs.
/// </summary>
internal sealed partial class LoginAudit(AuthDbContext db, TimeProvider time, ILogger<LoginAudit> logger)
{
    public void Record(string kind, string result, CallerInfo client, string? accountId = null, Guid? userId = null, Guid? sessionId = null)
    {
        db.LoginEvents.Add(new LoginEvent
        {
            Kind = kind,
            Result = result,
            AccountId = accountId,
            UserId = userId,
            SessionId = sessionId,
            Ip = client.Ip,
            Ua = client.UserAgent,
            Ts = time.GetUtcNow(),
        });
        LogAttempt(kind, result, accountId, userId, sessionId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Auth {Kind}: {Result} (account {AccountId}, user {UserId}, session {SessionId})")]
    private partial void LogAttempt(string kind, string result, string? accountId, Guid? userId, Guid? sessionId);
}
