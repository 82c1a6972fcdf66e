using NftMarketplace.Modules.Users.Domain;

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
