using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NftMarketplace.Modules.Users.Domain;

namespace NftMarketplace.Modules.Users.Persistence;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Status).HasMaxLength(16);
        builder.Property(u => u.SignupAccountId).HasMaxLength(200);
        builder.HasIndex(u => u.SignupAccountId);
        builder.Property(u => u.PrimaryAddress).HasMaxLength(42);
        builder.HasOne(u => u.Profile).WithOne().HasForeignKey<Profile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.ToTable("profiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Username).HasMaxLength(ProfileLimits.UsernameMax);

        // Uniqueness ignoring case lives in the database, so two users racing for "Alice" and "alice" cannot both win.
        builder.Property(p => p.UsernameNormalized).HasMaxLength(ProfileLimits.UsernameMax).HasComputedColumnSql("lower(username)", stored: true);
        builder.HasIndex(p => p.UsernameNormalized).IsUnique();

        builder.Property(p => p.DisplayName).HasMaxLength(ProfileLimits.DisplayNameMax);
        builder.Property(p => p.AvatarUrl).HasMaxLength(ProfileLimits.UrlMax);
        builder.Property(p => p.BannerUrl).HasMaxLength(ProfileLimits.UrlMax);
        builder.Property(p => p.Bio).HasMaxLength(ProfileLimits.BioMax);
        builder.Property(p => p.Locale).HasMaxLength(ProfileLimits.LocaleMax);
        builder.Property(p => p.Timezone).HasMaxLength(ProfileLimits.TimezoneMax);
        builder.Property(p => p.Socials)
            .HasColumnType("jsonb")
            .HasConversion(
                socials => JsonSerializer.Serialize(socials, Json),
                json => JsonSerializer.Deserialize<Socials>(json, Json) ?? Socials.None);
    }
}

/// <summary>Column sizes, shared by the validators so input that passes them always fits.</summary>
internal static class ProfileLimits
{
    public const int UsernameMin = 3;
    public const int UsernameMax = 30;
    public const int DisplayNameMax = 64;
    public const int UrlMax = 500;
    public const int BioMax = 500;
    public const int LocaleMax = 35;
    public const int TimezoneMax = 64;
}
