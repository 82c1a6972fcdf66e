using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Domain;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users.SignUp;

/// <summary>
/// Creates the user of an account's first sign-in with <c>INSERT … ON CONFLICT DO NOTHING</c> on the account: of any
/// number of racing calls exactly one inserts (the others wait for it to commit, then find its row), and only that one
/// adds the empty profile and <see cref="UserCreated"/>, in the same unit of work.
/// </summary>
internal sealed class EnsureUserHandler(UsersDbContext db, TimeProvider time) : IRequestHandler<EnsureUser, EnsureUserResult>
{
    private const string InsertUser =
        "INSERT INTO " + UsersModule.Schema + ".users (id, status, created_at, signup_account_id) VALUES ({0}, {1}, {2}, {3}) "
        + "ON CONFLICT (signup_account_id) DO NOTHING RETURNING id AS \"Value\"";

    public async Task<EnsureUserResult> Handle(EnsureUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = request.AccountId.Value;
        var now = time.GetUtcNow();
        var inserted = await db.Database
            .SqlQueryRaw<Guid>(InsertUser, Guid.CreateVersion7(now), UserStatuses.Active, now, account)
            .ToListAsync(cancellationToken);

        if (inserted is [var created])
        {
            db.Profiles.Add(new Profile { UserId = created, UpdatedAt = now });
            db.AddIntegrationEvent(new UserCreated(created, account));
            return new EnsureUserResult(created, Created: true);
        }

        // Read Committed: this statement sees the row of whichever call won, committed by the time the insert returned.
        var existing = await db.Users.AsNoTracking()
            .Where(u => u.SignupAccountId == account)
            .Select(u => u.Id)
            .SingleAsync(cancellationToken);
        return new EnsureUserResult(existing, Created: false);
    }
}
