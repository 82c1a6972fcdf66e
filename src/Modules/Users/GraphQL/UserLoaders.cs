using Microsoft.EntityFrameworkCore;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Persistence;
using NftMarketplace.Modules.Users.Reading;

namespace NftMarketplace.Modules.Users.GraphQL;

/// <summary>Users by id, for <c>node(id)</c>.</summary>
internal sealed class UsersById(UsersDbContext db) : BatchLoader<Guid, UserDto>
{
    protected override async Task<IEnumerable<UserDto>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Users.Where(u => keys.Contains(u.Id)).AsDtos().ToListAsync(cancellationToken);

    protected override Guid KeyOf(UserDto value) => value.Id;
}

/// <summary>Profiles of the users a request shows, in one query.</summary>
internal sealed class ProfilesByUser(UsersDbContext db) : BatchLoader<Guid, ProfileDto>
{
    protected override async Task<IEnumerable<ProfileDto>> FetchAsync(IReadOnlyList<Guid> keys, CancellationToken cancellationToken) =>
        await db.Profiles.Where(p => keys.Contains(p.UserId)).AsDtos().ToListAsync(cancellationToken);

    protected override Guid KeyOf(ProfileDto value) => value.UserId;
}
