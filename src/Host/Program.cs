using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.Composition;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.GraphiQL;
using NftMarketplace.Modules.Media.Serving;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddProblemDetails();

    builder.AddServiceDefaults();
    HostComposition.AddModules(builder);

    var app = builder.Build();

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    // Bearer access tokens; before the rate limiter, so signed-in callers are rate-limited by user id.
    app.UseAuthentication();
    app.UseRateLimiter();
    app.MapDefaultEndpoints();
    app.MapGraphQL();
    app.MapGraphiQL();
    app.MapMedia();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is InvalidConfigurationException or OptionsValidationException)
{
    // A configuration mistake is the operator's to fix: say which key, without a stack trace.
    await Console.Error.WriteLineAsync($"NftMarketplace.Host cannot start: {ex.Message}");
    return ExitCodes.BadConfiguration;
}

/// <summary>Entry point type, visible to tests that host the application in-process.</summary>
public partial class Program;

internal static class ExitCodes
{
    /// <summary>EX_CONFIG from sysexits.h: the configuration is wrong.</summary>
    public const int BadConfiguration = 78;
}
