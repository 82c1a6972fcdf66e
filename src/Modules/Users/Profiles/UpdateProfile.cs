using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.BuildingBlocks.Web;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Users.Domain;
using NftMarketplace.Modules.Users.Persistence;

namespace NftMarketplace.Modules.Users.Profiles;

/// <summary>
/// Changes the given fields of a user's profile: null leaves a field as it is, an empty string clears it (a username,
/// once chosen, can be changed but not cleared), and <see cref="Socials"/> replaces every handle at once.
/// A username taken by someone else, in any case, is a <c>CONFLICT</c>.
/// </summary>
internal sealed record UpdateProfile(
    Guid UserId,
    string? Username = null,
    string? DisplayName = null,
    string? AvatarUrl = null,
    string? BannerUrl = null,
    string? Bio = null,
    string? Locale = null,
    string? Timezone = null,
    Socials? Socials = null) : ICommand<UserDto>;

internal sealed class UpdateProfileValidator : AbstractValidator<UpdateProfile>
{
    public UpdateProfileValidator()
    {
        RuleFor(x => x.Username)
            .Must(ProfileRules.IsUsername)
            .When(x => x.Username is not null)
            .WithMessage($"Username must be {ProfileLimits.UsernameMin}-{ProfileLimits.UsernameMax} letters, digits or underscores (it cannot be cleared).");
        RuleFor(x => x.DisplayName!)
            .Must(ProfileRules.IsPrintableLine).WithMessage("Display name must be one line of printable text.")
            .Must(t => ProfileRules.CodePoints(t) <= ProfileLimits.DisplayNameMax)
            .WithMessage($"Display name can be at most {ProfileLimits.DisplayNameMax} characters.")
            .When(x => !string.IsNullOrEmpty(x.DisplayName));
        Url(RuleFor(x => x.AvatarUrl!), "Avatar URL").When(x => !string.IsNullOrEmpty(x.AvatarUrl));
        Url(RuleFor(x => x.BannerUrl!), "Banner URL").When(x => !string.IsNullOrEmpty(x.BannerUrl));
        RuleFor(x => x.Bio!)
            .Must(ProfileRules.IsPrintableText).WithMessage("Bio must be printable text (line breaks are fine).")
            .Must(t => ProfileRules.CodePoints(t) <= ProfileLimits.BioMax)
            .WithMessage($"Bio can be at most {ProfileLimits.BioMax} characters.")
            .When(x => !string.IsNullOrEmpty(x.Bio));
        RuleFor(x => x.Locale)
            .Must(ProfileRules.IsLocale)
            .When(x => !string.IsNullOrEmpty(x.Locale))
            .WithMessage("Locale must be a BCP-47 language tag of a known locale, e.g. en-US.");
        RuleFor(x => x.Timezone)
            .Must(ProfileRules.IsIanaTimeZone)
            .When(x => !string.IsNullOrEmpty(x.Timezone))
            .WithMessage("Timezone must be an IANA time zone id, e.g. Europe/Berlin.");
        RuleFor(x => x.Socials!).SetValidator(new SocialsValidator()).When(x => x.Socials is not null);
    }

    internal static IRuleBuilderOptions<T, string> Url<T>(IRuleBuilder<T, string> rule, string what) =>
        rule.MaximumLength(ProfileLimits.UrlMax).WithMessage($"{what} can be at most {ProfileLimits.UrlMax} characters.")
            .Must(ProfileRules.IsImageOrSiteUrl).WithMessage($"{what} {PublicUrl.Requirement}.");
}

internal sealed class SocialsValidator : AbstractValidator<Socials>
{
    public SocialsValidator()
    {
        Handle(x => x.Twitter, ProfileRules.IsTwitterHandle, "An X (Twitter) handle is 1-15 letters, digits or underscores.");
        Handle(x => x.Github, ProfileRules.IsGithubHandle, "A GitHub username is 1-39 letters, digits or single hyphens between them.");
        Handle(x => x.Discord, ProfileRules.IsDiscordHandle, "A Discord username is 2-32 lowercase letters, digits, underscores or periods.");
        Handle(x => x.Telegram, ProfileRules.IsTelegramHandle, "A Telegram username is 5-32 letters, digits or underscores, starting with a letter.");
        Handle(x => x.Instagram, ProfileRules.IsInstagramHandle, "An Instagram username is 1-30 letters, digits, underscores or periods.");
        UpdateProfileValidator.Url(RuleFor(x => x.Website!), "Website").When(x => !string.IsNullOrEmpty(x.Website));
    }

    /// <summary>An empty handle removes it, like a missing one.</summary>
    private void Handle(System.Linq.Expressions.Expression<Func<Socials, string?>> handle, Func<string?, bool> isValid, string message) =>
        RuleFor(handle).Must(h => string.IsNullOrEmpty(h) || isValid(h)).WithMessage(message);
}

internal sealed class UpdateProfileHandler(UsersDbContext db, TimeProvider time) : IRequestHandler<UpdateProfile, UserDto>
{
    public async Task<UserDto> Handle(UpdateProfile request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await db.Users.Include(u => u.Profile).SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new AppException(ErrorCode.NotFound, "Your user does not exist (any more).");
        var profile = user.Profile ??= new Profile { UserId = user.Id };

        if (request.Username is { } username && username != profile.Username)
        {
            await EnsureUsernameFreeAsync(username, user.Id, cancellationToken);
            profile.Username = username;
        }

        profile.DisplayName = Changed(request.DisplayName?.Trim(), profile.DisplayName);
        profile.AvatarUrl = Changed(request.AvatarUrl, profile.AvatarUrl);
        profile.BannerUrl = Changed(request.BannerUrl, profile.BannerUrl);
        profile.Bio = Changed(request.Bio?.Trim(), profile.Bio);
        profile.Locale = Changed(request.Locale is { Length: > 0 } locale ? ProfileRules.CanonicalLocale(locale) : request.Locale, profile.Locale);
        profile.Timezone = Changed(request.Timezone, profile.Timezone);
        profile.Socials = request.Socials?.Normalized() ?? profile.Socials;

        if (db.ChangeTracker.HasChanges())
        {
            profile.UpdatedAt = time.GetUtcNow();
            await SaveAsync(cancellationToken);
        }

        return new UserDto(user.Id, user.Status, user.CreatedAt) { PrimaryAddress = user.PrimaryAddress };
    }

    /// <summary>Null keeps the current value; empty clears it.</summary>
    private static string? Changed(string? requested, string? current) =>
        requested is null ? current : requested.Length == 0 ? null : requested;

    private async Task EnsureUsernameFreeAsync(string username, Guid userId, CancellationToken cancellationToken)
    {
        var normalized = Reading.UserQueries.NormalizeUsername(username);
        if (await db.Profiles.AnyAsync(p => p.UsernameNormalized == normalized && p.UserId != userId, cancellationToken))
        {
            throw UsernameTaken(username);
        }
    }

    /// <summary>Saves here rather than in the unit of work, so a user who took the name in the meantime is a CONFLICT too.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            var username = db.ChangeTracker.Entries<Profile>().Select(e => e.Entity.Username).FirstOrDefault() ?? "";
            throw UsernameTaken(username, ex);
        }
    }

    private static AppException UsernameTaken(string username, Exception? inner = null) =>
        new(ErrorCode.Conflict, $"The username '{username}' is taken.", "input.username", inner);
}
