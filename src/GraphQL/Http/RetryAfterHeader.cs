using System.Globalization;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// The <c>Retry-After</c> header (RFC 9110, whole seconds, at least 1) of every refusal that says when to come back:
/// the gateway's rate limiter and a resolver's <c>AppException</c> with a <c>RetryAfter</c>.
/// </summary>
public static class RetryAfterHeader
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[HeaderNames.RetryAfter] = Seconds(wait).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The longest wait any error of <paramref name="result"/> asks for, or null.</summary>
    public static TimeSpan? Of(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors?.Select(e => ErrorClassifier.Classify(e).RetryAfter).Max();
    }
}
