using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NftMarketplace.GraphQL.Http;

/// <summary>Chooses the response media type from the request's <c>Accept</c> header.</summary>
public static class AcceptNegotiation
{
    /// <returns>
    /// The media type to answer in, or null when the client accepts neither (406). A missing header means
    /// <c>application/json</c>; so do wildcards, which legacy clients send without knowing the newer type.
    /// Among equally preferred types, an explicit <c>application/graphql-response+json</c> wins.
    /// </returns>
    public static ResponseMediaType? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return null;
        }

        var jsonRefused = ranges.Any(r => IsRefused(r, GraphQLMediaTypes.Json));
        var graphQLResponseRefused = ranges.Any(r => IsRefused(r, GraphQLMediaTypes.GraphQLResponseJson));
        foreach (var preferred in ranges.Where(r => Quality(r) > 0).GroupBy(Quality).OrderByDescending(g => g.Key))
        {
            if (!graphQLResponseRefused && preferred.Any(r => Names(r, GraphQLMediaTypes.GraphQLResponseJson)))
            {
                return ResponseMediaType.GraphQLResponseJson;
            }

            if (!jsonRefused && preferred.Any(r => Covers(r, GraphQLMediaTypes.Json)))
            {
                return ResponseMediaType.Json;
            }

            if (!graphQLResponseRefused && preferred.Any(r => Covers(r, GraphQLMediaTypes.GraphQLResponseJson)))
            {
                return ResponseMediaType.GraphQLResponseJson;
            }
        }

        return null;
    }

    private static double Quality(MediaTypeHeaderValue range) => range.Quality ?? 1;

    private static bool IsRefused(MediaTypeHeaderValue range, string mediaType) => Quality(range) <= 0 && Names(range, mediaType);

    private static bool Names(MediaTypeHeaderValue range, string mediaType) =>
        range.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    private static bool Covers(MediaTypeHeaderValue range, string mediaType) =>
        range.MatchesAllTypes
        || (range.MatchesAllSubTypes && mediaType.StartsWith(range.Type.ToString() + "/", StringComparison.OrdinalIgnoreCase))
        || Names(range, mediaType);
}
