using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Persistence;
using NftMarketplace.Modules.Users.Profiles;

namespace NftMarketplace.Modules.Users.Reading;

/// <summary>
/// The user whose username is <see cref="Username"/>, ignoring case, or null. Text that no username can be (a NUL,
/// which Postgres text cannot even hold, or any other character outside the username rule) finds no one without a query.
/// </summary>
internal sealed record FindUserByUsername(string Username) : IQuery<UserDto?>;

internal sealed class FindUserByUsernameHandler(UsersDbContext db) : IRequestHandler<FindUserByUsername, UserDto?>
{
    public Task<UserDto?> Handle(FindUserByUsername request, CancellationToken cancellationToken)
    {
        if (!ProfileRules.IsUsername(request.Username))
        {
            return Task.FromResult<UserDto?>(null);
        }

        var normalized = UserQueries.NormalizeUsername(request.Username);
        return db.Users.Where(u => u.Profile!.UsernameNormalized == normalized).AsDtos().FirstOrDefaultAsync(cancellationToken);
    }
}
