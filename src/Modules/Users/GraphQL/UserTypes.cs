using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Domain;
using NftMarketplace.Modules.Users.Reading;

namespace NftMarketplace.Modules.Users.GraphQL;

/// <summary>
/// <c>User</c>: owned here, extended by other modules (<c>User.wallets</c> from Wallets) through
/// <see cref="IGraphTypeExtension"/>s named <see cref="UserDto.GraphQLTypeName"/>.
/// </summary>
internal sealed class UserType : ObjectGraphType<UserDto>
{
    public UserType(IEnumerable<IGraphTypeExtension> extensions)
    {
        Name = UserDto.GraphQLTypeName;
        Description = "A user of the marketplace.";
        this.IsNode(u => u.Id);
        Field<NonNullGraphType<StringGraphType>>("status").Description("'active' for every user so far.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the user first signed in.").Resolve(c => c.Source.CreatedAt);
        Field<AddressGraphType>("primaryAddress")
            .Description("Address of the user's primary wallet; null until the first wallet link has been processed.")
            .Resolve(c => c.Source.PrimaryAddress is { } address ? Address.Parse(address) : null);
        Field<NonNullGraphType<ProfileType>>("profile")
            .Resolve(c => c.Loader<ProfilesByUser>().Load(c.Source.Id).Then(p => p ?? ProfileDto.Empty(c.Source.Id, c.Source.CreatedAt)));
        this.ApplyExtensions(extensions);
    }
}

internal sealed class ProfileType : ObjectGraphType<ProfileDto>
{
    public ProfileType()
    {
        Name = "Profile";
        Description = "What a user shows of themselves; every field is optional.";
        Field(p => p.Username, nullable: true).Description("Unique ignoring case; shown as the user typed it.");
        Field(p => p.DisplayName, nullable: true);
        Field(p => p.AvatarUrl, nullable: true);
        Field(p => p.BannerUrl, nullable: true);
        Field(p => p.Bio, nullable: true);
        Field(p => p.Locale, nullable: true).Description("BCP-47 language tag, e.g. en-US.");
        Field(p => p.Timezone, nullable: true).Description("IANA time zone id, e.g. Europe/Berlin.");
        Field<NonNullGraphType<SocialsType>>("socials").Resolve(c => c.Source.Socials);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

internal sealed class SocialsType : ObjectGraphType<Socials>
{
    public SocialsType()
    {
        Name = "Socials";
        Description = "A user's handles on other networks (without '@'), and their website.";
        Field(s => s.Twitter, nullable: true).Description("X (Twitter) handle.");
        Field(s => s.Github, nullable: true);
        Field(s => s.Discord, nullable: true);
        Field(s => s.Telegram, nullable: true);
        Field(s => s.Instagram, nullable: true);
        Field(s => s.Website, nullable: true);
    }
}
