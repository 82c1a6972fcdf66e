using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users.Reading;

internal sealed class GetUserHandler(UsersDbContext db) : IRequestHandler<GetUser, UserDto?>
{
    public Task<UserDto?> Handle(GetUser request, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == request.UserId).AsDtos().FirstOrDefaultAsync(cancellationToken);
}
