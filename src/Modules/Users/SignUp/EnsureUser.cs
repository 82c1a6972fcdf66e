using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Domain;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users.SignUp;

/// <summary>
/// Creates a user with <c>INSERT … ON CONFLICT (id) DO NOTHING</c>: of any number of racing calls for one id exactly
/// one inserts (the others wait for it to commit, then insert nothing), and only that one adds the empty profile and
/// <see cref="UserCreated"/>, in the same unit of work. Keyed by the id Wallets chose, not by the signing-up account:
/// an account unlinked from its user and signing in again must start a new user, not find the old one.
/// </summary>
internal sealed class EnsureUserHandler(UsersDbContext db, TimeProvider time) : IRequestHandler<EnsureUser, EnsureUserResult>
{
    private const string InsertUser =
        "INSERT INTO " + UsersModule.Schema + ".users (id, status, created_at, signup_account_id) VALUES ({0}, {1}, {2}, {3}) "
        + "ON CONFLICT (id) DO NOTHING RETURNING id AS \"Value\"";

    public async Task<EnsureUserResult> Handle(EnsureUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = request.AccountId.Value;
        var now = time.GetUtcNow();
        var inserted = await db.Database
            .SqlQueryRaw<Guid>(InsertUser, request.UserId, UserStatuses.Active, now, account)
            .ToListAsync(cancellationToken);
        if (inserted is not [var created])
        {
            return new EnsureUserResult(request.UserId, Created: false);
        }

        db.Profiles.Add(new Profile { UserId = created, UpdatedAt = now });
        db.AddIntegrationEvent(new UserCreated(created, account));
        return new EnsureUserResult(created, Created: true);
    }
}
