using System.Globalization;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Media;

/// <summary>
/// The Host of the media tests (see <see cref="SignInHostFixture"/>: uploaders sign in as in production, one admin):
/// manual moderation, small limits so the refusals and the quota are cheap to reach. Tests share it but never a user.
/// </summary>
public class MediaHostFixture(InfrastructureFixture infrastructure) : SignInHostFixture(infrastructure)
{
    public const int MaxFrames = 5;
    public const int MaxFileBytes = 2_000_000;
    public const int FilesPerWindow = 12;

    public string DatabaseConnectionString => Environment.DatabaseConnectionString;

    /// <summary><c>Media:Moderation:Mode</c> of this Host.</summary>
    protected virtual string ModerationMode => "manual";

    protected override void Configure(Dictionary<string, string?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration["Media__Moderation__Mode"] = ModerationMode;
        configuration["Media__Limits__MaxFrames"] = MaxFrames.ToString(CultureInfo.InvariantCulture);
        configuration["Media__Quota__FilesPerWindow"] = FilesPerWindow.ToString(CultureInfo.InvariantCulture);
        configuration["GraphQL__Uploads__MaxFileBytes"] = MaxFileBytes.ToString(CultureInfo.InvariantCulture);
        configuration["GraphQL__RateLimit__PerUserPermits"] = "100000";
        configuration["GraphQL__RateLimit__PerIpPermits"] = "100000";
    }
}

/// <summary>The media Host with <c>Media:Moderation:Mode=auto</c>: new assets are APPROVED at once.</summary>
public sealed class AutoModeratedMediaHostFixture(InfrastructureFixture infrastructure) : MediaHostFixture(infrastructure)
{
    protected override string ModerationMode => "auto";
}
