using Microsoft.EntityFrameworkCore;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Domain;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users.Reading;

/// <summary>A user's profile as GraphQL shows it.</summary>
internal sealed record ProfileDto(
    Guid UserId,
    string? Username,
    string? DisplayName,
    string? AvatarUrl,
    string? BannerUrl,
    string? Bio,
    string? Locale,
    string? Timezone,
    Socials Socials,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Stands in for a profile that is missing (every user gets one when created, so only ever briefly).</summary>
    public static ProfileDto Empty(Guid userId, DateTimeOffset at) => new(userId, null, null, null, null, null, null, null, Socials.None, at);
}

/// <summary>The user whose username is <see cref="Username"/>, ignoring case, or null.</summary>
internal sealed record FindUserByUsername(string Username) : IQuery<UserDto?>;

/// <summary>Reads users and profiles for the public requests, GraphQL and its loaders.</summary>
internal static class UserQueries
{
    public static IQueryable<UserDto> AsDtos(this IQueryable<User> users) =>
        users.AsNoTracking().Select(u => new UserDto(u.Id, u.Status, u.CreatedAt) { PrimaryAddress = u.PrimaryAddress });

    public static IQueryable<ProfileDto> AsDtos(this IQueryable<Profile> profiles) =>
        profiles.AsNoTracking().Select(p => new ProfileDto(
            p.UserId, p.Username, p.DisplayName, p.AvatarUrl, p.BannerUrl, p.Bio, p.Locale, p.Timezone, p.Socials, p.UpdatedAt));

    /// <summary>The form <see cref="Profile.UsernameNormalized"/> holds; usernames are ASCII, so Postgres' lower() agrees.</summary>
    public static string NormalizeUsername(string username) => username.ToLowerInvariant();
}

internal sealed class GetUserHandler(UsersDbContext db) : IRequestHandler<GetUser, UserDto?>
{
    public Task<UserDto?> Handle(GetUser request, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == request.UserId).AsDtos().FirstOrDefaultAsync(cancellationToken);
}

internal sealed class FindUserByUsernameHandler(UsersDbContext db) : IRequestHandler<FindUserByUsername, UserDto?>
{
    public Task<UserDto?> Handle(FindUserByUsername request, CancellationToken cancellationToken)
    {
        var normalized = UserQueries.NormalizeUsername(request.Username);
        return db.Users.Where(u => u.Profile!.UsernameNormalized == normalized).AsDtos().FirstOrDefaultAsync(cancellationToken);
    }
}
