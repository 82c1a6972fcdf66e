namespace NftMarketplace.Modules.Users.Domain;

/// <summary>
/// A user's handles elsewhere (column <c>profiles.socials</c>, jsonb): one per known network, handles without a
/// leading <c>@</c>, the website as an absolute URL.
/// </summary>
internal sealed record Socials(
    string? Twitter = null,
    string? Github = null,
    string? Discord = null,
    string? Telegram = null,
    string? Instagram = null,
    string? Website = null)
{
    public static readonly Socials None = new();

    /// <summary>The same handles in their stored form: a leading <c>@</c> dropped, empty ones absent.</summary>
    public Socials Normalized() => new(
        Handle(Twitter),
        Handle(Github),
        Handle(Discord),
        Handle(Telegram),
        Handle(Instagram),
        string.IsNullOrEmpty(Website) ? null : Website);

    private static string? Handle(string? handle) =>
        string.IsNullOrEmpty(handle) ? null : handle.StartsWith('@') ? handle[1..] : handle;
}
