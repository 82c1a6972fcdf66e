using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>/health</c>: 200 when ready (Healthy or Degraded), 503 when not, with the report of <see cref="CachedHealthReport"/>.
/// Which dependency is down, and how, is for operators: only callers on this machine (the stack scripts, an
/// orchestrator's local probe) and callers in <see cref="DetailsRole"/> see the components; anyone else gets the
/// status alone.
/// </summary>
internal sealed class HealthEndpoint(string? detailsRole)
{
    public string? DetailsRole => detailsRole;

    public async Task HandleAsync(HttpContext context)
    {
        var report = await context.RequestServices.GetRequiredService<CachedHealthReport>().GetAsync().ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        response.Headers.CacheControl = "no-store, no-cache";
        await HealthReportWriter.WriteAsync(context, report, includeComponents: MaySeeComponents(context)).ConfigureAwait(false);
    }

    private bool MaySeeComponents(HttpContext context) =>
        IsLocal(context.Connection.RemoteIpAddress)
        || (detailsRole is not null && context.User.Identity?.IsAuthenticated == true && context.User.IsInRole(detailsRole));

    /// <summary>
    /// The address after forwarded headers were applied: a request relayed by a configured proxy counts as the
    /// client's, so a proxy on this machine does not make every caller local.
    /// </summary>
    private static bool IsLocal(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}
