using GraphQL.Types;
using NftMarketplace.Modules.Users.Domain;
using NftMarketplace.Modules.Users.Profiles;

namespace NftMarketplace.Modules.Users.GraphQL;

internal sealed class UpdateProfileInputType : InputObjectGraphType<UpdateProfile>
{
    public UpdateProfileInputType()
    {
        Name = "UpdateProfileInput";
        Description = "Fields to change: left out or null = unchanged, empty string = cleared (the username cannot be cleared).";
        Field<StringGraphType>("username").Description("3-30 letters, digits or underscores; unique ignoring case.");
        Field<StringGraphType>("displayName").Description("At most 64 characters, one line.");
        Field<StringGraphType>("avatarUrl").Description("Absolute https URL, at most 500 characters.");
        Field<StringGraphType>("bannerUrl").Description("Absolute https URL, at most 500 characters.");
        Field<StringGraphType>("bio").Description("At most 500 characters.");
        Field<StringGraphType>("locale").Description("BCP-47 language tag, e.g. en-US.");
        Field<StringGraphType>("timezone").Description("IANA time zone id, e.g. Europe/Berlin.");
        Field<SocialsInputType>("socials").Description("Replaces every handle: one left out or empty is removed.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // The caller's id comes from the access token; the resolver sets it.
        return new UpdateProfile(
            Guid.Empty,
            Text(value, "username"),
            Text(value, "displayName"),
            Text(value, "avatarUrl"),
            Text(value, "bannerUrl"),
            Text(value, "bio"),
            Text(value, "locale"),
            Text(value, "timezone"),
            value.TryGetValue("socials", out var socials) ? socials as Socials : null);
    }

    internal static string? Text(IDictionary<string, object?> value, string field) =>
        value.TryGetValue(field, out var text) ? text as string : null;
}

internal sealed class SocialsInputType : InputObjectGraphType<Socials>
{
    public SocialsInputType()
    {
        Name = "SocialsInput";
        Field<StringGraphType>("twitter").Description("X (Twitter) handle, with or without '@'.");
        Field<StringGraphType>("github");
        Field<StringGraphType>("discord");
        Field<StringGraphType>("telegram");
        Field<StringGraphType>("instagram");
        Field<StringGraphType>("website").Description("Absolute https URL.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Socials(
            UpdateProfileInputType.Text(value, "twitter"),
            UpdateProfileInputType.Text(value, "github"),
            UpdateProfileInputType.Text(value, "discord"),
            UpdateProfileInputType.Text(value, "telegram"),
            UpdateProfileInputType.Text(value, "instagram"),
            UpdateProfileInputType.Text(value, "website"));
    }
}
