using Microsoft.EntityFrameworkCore;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Domain;

namespace NftMarketplace.Modules.Users.Reading;

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
