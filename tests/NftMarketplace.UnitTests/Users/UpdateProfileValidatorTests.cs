using NftMarketplace.Modules.Users.Domain;
using NftMarketplace.Modules.Users.Profiles;

namespace NftMarketplace.UnitTests.Users;

public sealed class UpdateProfileValidatorTests
{
    private static readonly Guid UserId = Guid.CreateVersion7();

    private static readonly (UpdateProfile Request, string Property)[] InvalidCases =
    [
        (new UpdateProfile(UserId, Username: "ab"), "Username"),
        (new UpdateProfile(UserId, Username: new string('a', 31)), "Username"),
        (new UpdateProfile(UserId, Username: "ali ce"), "Username"),
        (new UpdateProfile(UserId, Username: "alice-b"), "Username"),
        (new UpdateProfile(UserId, Username: "alice\n"), "Username"),
        (new UpdateProfile(UserId, Username: "ålice"), "Username"),
        (new UpdateProfile(UserId, Username: ""), "Username"),
        (new UpdateProfile(UserId, DisplayName: new string('x', 65)), "DisplayName"),
        (new UpdateProfile(UserId, DisplayName: "two\nlines"), "DisplayName"),
        (new UpdateProfile(UserId, DisplayName: "evil\u202Eeman"), "DisplayName"),
        (new UpdateProfile(UserId, DisplayName: "broken \uD800 pair"), "DisplayName"),
        (new UpdateProfile(UserId, AvatarUrl: "http://example.com/a.png"), "AvatarUrl"),
        (new UpdateProfile(UserId, AvatarUrl: "/relative.png"), "AvatarUrl"),
        (new UpdateProfile(UserId, AvatarUrl: "https://user:pass@example.com/a.png"), "AvatarUrl"),
        (new UpdateProfile(UserId, AvatarUrl: "https://example.com/" + new string('a', 500)), "AvatarUrl"),
        (new UpdateProfile(UserId, BannerUrl: "ftp://example.com/b.png"), "BannerUrl"),
        (new UpdateProfile(UserId, AvatarUrl: "http://localhost:5173/a.png"), "AvatarUrl"),
        (new UpdateProfile(UserId, AvatarUrl: "http://127.0.0.1/a.png"), "AvatarUrl"),
        (new UpdateProfile(UserId, AvatarUrl: "https://127.1/a.png"), "AvatarUrl"),
        (new UpdateProfile(UserId, BannerUrl: "https://[::1]/b.png"), "BannerUrl"),
        (new UpdateProfile(UserId, BannerUrl: "https://169.254.169.254/latest/meta-data"), "BannerUrl"),
        (new UpdateProfile(UserId, Socials: new Socials(Website: "https://printer.local")), "Socials.Website"),
        (new UpdateProfile(UserId, Bio: new string('b', 501)), "Bio"),
        (new UpdateProfile(UserId, Bio: "tab\there"), "Bio"),
        (new UpdateProfile(UserId, Locale: "not a locale"), "Locale"),
        (new UpdateProfile(UserId, Locale: "xx-QQ"), "Locale"),
        (new UpdateProfile(UserId, Timezone: "Mars/Olympus_Mons"), "Timezone"),
        (new UpdateProfile(UserId, Timezone: "Pacific Standard Time"), "Timezone"),
        (new UpdateProfile(UserId, Socials: new Socials(Twitter: "this_is_far_too_long")), "Socials.Twitter"),
        (new UpdateProfile(UserId, Socials: new Socials(Github: "-leading")), "Socials.Github"),
        (new UpdateProfile(UserId, Socials: new Socials(Github: "double--hyphen")), "Socials.Github"),
        (new UpdateProfile(UserId, Socials: new Socials(Discord: "Upper..dots")), "Socials.Discord"),
        (new UpdateProfile(UserId, Socials: new Socials(Telegram: "1abcde")), "Socials.Telegram"),
        (new UpdateProfile(UserId, Socials: new Socials(Instagram: "ends.")), "Socials.Instagram"),
        (new UpdateProfile(UserId, Socials: new Socials(Website: "javascript:alert(1)")), "Socials.Website"),
    ];

    public static TheoryData<int, string> Invalid => [.. InvalidCases.Select((c, i) => (i, c.Property))];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_fields_are_named(int @case, string property)
    {
        var request = InvalidCases[@case].Request;
        var result = new UpdateProfileValidator().Validate(request);

        Assert.False(result.IsValid);
        Assert.Equal([property], result.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Fact]
    public void Valid_values_pass_and_empty_strings_clear_all_but_the_username()
    {
        var full = new UpdateProfile(
            UserId,
            Username: "Alice_01",
            DisplayName: "Alice 🦊 Liddell",
            AvatarUrl: "https://cdn.example.com/a.png",
            BannerUrl: "https://images.example.org:8443/banner.png",
            Bio: "Line one\nline two",
            Locale: "pt-br",
            Timezone: "America/Sao_Paulo",
            Socials: new Socials("@alice", "alice-l", "alice.l_", "@alice_l", "alice.l", "https://alice.example"));
        var cleared = new UpdateProfile(UserId, DisplayName: "", AvatarUrl: "", BannerUrl: "", Bio: "", Locale: "", Timezone: "", Socials: new Socials());

        Assert.True(new UpdateProfileValidator().Validate(full).IsValid, string.Join("; ", new UpdateProfileValidator().Validate(full).Errors));
        Assert.True(new UpdateProfileValidator().Validate(cleared).IsValid);
        Assert.True(new UpdateProfileValidator().Validate(new UpdateProfile(UserId)).IsValid);
    }

    [Fact]
    public void Lengths_count_characters_as_Postgres_does()
    {
        var sixtyFourEmoji = string.Concat(Enumerable.Repeat("🦊", 64));

        Assert.True(new UpdateProfileValidator().Validate(new UpdateProfile(UserId, DisplayName: sixtyFourEmoji)).IsValid);
        Assert.False(new UpdateProfileValidator().Validate(new UpdateProfile(UserId, DisplayName: sixtyFourEmoji + "🦊")).IsValid);
    }

    [Fact]
    public void Locales_are_stored_in_canonical_case_and_handles_without_at()
    {
        Assert.Equal("pt-BR", ProfileRules.CanonicalLocale("pt-br"));
        Assert.Equal(new Socials(Twitter: "alice", Telegram: "alice_l"), new Socials(Twitter: "@alice", Github: "", Telegram: "@alice_l").Normalized());
    }
}
