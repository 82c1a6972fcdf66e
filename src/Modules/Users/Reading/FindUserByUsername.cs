using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users.Reading;

/// <summary>The user whose username is <see cref="Username"/>, ignoring case, or null.</summary>
internal sealed record FindUserByUsername(string Username) : IQuery<UserDto?>;

internal sealed class FindUserByUsernameHandler(UsersDbContext db) : IRequestHandler<FindUserByUsername, UserDto?>
{
    public Task<UserDto?> Handle(FindUserByUsername request, CancellationToken cancellationToken)
    {
        var normalized = UserQueries.NormalizeUsername(request.Username);
        return db.Users.Where(u => u.Profile!.UsernameNormalized == normalized).AsDtos().FirstOrDefaultAsync(cancellationToken);
    }
}
