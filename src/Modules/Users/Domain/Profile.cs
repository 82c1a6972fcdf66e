namespace NftMarketplace.Modules.Users.Domain;

/// <summary>What a user shows of themselves (table <c>users.profiles</c>); every field is optional.</summary>
internal sealed class Profile
{
    public Guid UserId { get; set; }

    /// <summary>As the user typed it (case kept for display); unique ignoring case.</summary>
    public string? Username { get; set; }

    /// <summary><c>lower(username)</c>, computed by Postgres: the unique key and what lookups compare.</summary>
    public string? UsernameNormalized { get; private set; }

    public string? DisplayName { get; set; }

    public string? AvatarUrl { get; set; }

    public string? BannerUrl { get; set; }

    public string? Bio { get; set; }

    /// <summary>A BCP-47 tag in its canonical case, e.g. <c>en-US</c>.</summary>
    public string? Locale { get; set; }

    /// <summary>An IANA time zone id, e.g. <c>Europe/Berlin</c>.</summary>
    public string? Timezone { get; set; }

    public Socials Socials { get; set; } = Socials.None;

    public DateTimeOffset UpdatedAt { get; set; }
}
