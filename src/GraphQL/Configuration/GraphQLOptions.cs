namespace NftMarketplace.GraphQL.Configuration;

/// <summary>Limits and switches of the <c>/graphql</c> endpoint (configuration section <c>GraphQL</c>).</summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> may be queried. Unset means on in Development and off elsewhere:
    /// a public schema map helps attackers more than clients, which ship with their own copy.
    /// </summary>
    public bool? EnableIntrospection { get; set; }

    /// <summary>Deepest nesting of fields an operation may select.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest estimated cost of an operation (each field costs 1, list fields multiply their children).</summary>
    public int MaxComplexity { get; set; } = 5_000;

    /// <summary>Most aliased fields in one document: aliases repeat a field without adding depth.</summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most tokens (names, punctuation, values) in one document; a longer one is refused before it is parsed.</summary>
    public int MaxTokens { get; set; } = 5_000;

    /// <summary>Most fragment definitions in one document.</summary>
    public int MaxFragments { get; set; } = 50;

    /// <summary>
    /// Most selections (fields, fragment spreads, inline fragments) in one document, each fragment counted again
    /// wherever it is spread: validation compares selections pairwise, so its cost grows faster than this number.
    /// </summary>
    public int MaxSelections { get; set; } = 500;

    /// <summary>
    /// Total length, in characters, of the query texts whose parsed and validated documents are kept for reuse;
    /// 0 turns the cache off.
    /// </summary>
    public long DocumentCacheChars { get; set; } = 8 * 1024 * 1024;

    /// <summary>Largest request body, in bytes; larger bodies are refused with 413 without being read to the end.</summary>
    public int MaxRequestBytes { get; set; } = 100 * 1024;

    /// <summary>How long one operation may run before it is abandoned with an error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public GraphQLRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Resolves <see cref="EnableIntrospection"/> for the environment the Host runs in.</summary>
    public bool IntrospectionEnabled(bool isDevelopment) => EnableIntrospection ?? isDevelopment;

    internal IEnumerable<string> Validate()
    {
        if (MaxDepth is < 2 or > 100)
        {
            yield return $"{Section}:{nameof(MaxDepth)} must be between 2 and 100 (got {MaxDepth}).";
        }

        if (MaxComplexity is < 10 or > 1_000_000)
        {
            yield return $"{Section}:{nameof(MaxComplexity)} must be between 10 and 1000000 (got {MaxComplexity}).";
        }

        if (MaxAliases is < 0 or > 1_000)
        {
            yield return $"{Section}:{nameof(MaxAliases)} must be between 0 and 1000 (got {MaxAliases}).";
        }

        if (MaxTokens is < 100 or > 1_000_000)
        {
            yield return $"{Section}:{nameof(MaxTokens)} must be between 100 and 1000000 (got {MaxTokens}).";
        }

        // The engine follows fragment spreads by recursion: a chain of 1,500 fragments overflows a thread's stack.
        if (MaxFragments is < 0 or > 200)
        {
            yield return $"{Section}:{nameof(MaxFragments)} must be between 0 and 200 (got {MaxFragments}).";
        }

        if (MaxSelections is < 10 or > 1_000_000)
        {
            yield return $"{Section}:{nameof(MaxSelections)} must be between 10 and 1000000 (got {MaxSelections}).";
        }

        if (DocumentCacheChars is < 0 or > 1L << 30)
        {
            yield return $"{Section}:{nameof(DocumentCacheChars)} must be between 0 and 1073741824 (got {DocumentCacheChars}).";
        }

        if (MaxRequestBytes is < 1_024 or > 16 * 1024 * 1024)
        {
            yield return $"{Section}:{nameof(MaxRequestBytes)} must be between 1024 and 16777216 (got {MaxRequestBytes}).";
        }

        if (ExecutionTimeout < TimeSpan.FromMilliseconds(100) || ExecutionTimeout > TimeSpan.FromMinutes(10))
        {
            yield return $"{Section}:{nameof(ExecutionTimeout)} must be between 00:00:00.100 and 00:10:00 (got {ExecutionTimeout}).";
        }

        foreach (var problem in RateLimit.Validate($"{Section}:{nameof(RateLimit)}"))
        {
            yield return problem;
        }
    }
}

/// <summary>
/// Requests per caller and window: an authenticated caller is counted by user id, anyone else by IP address,
/// so users behind one NAT do not share a budget once signed in. An operation sent over a WebSocket counts as a
/// request, against the same budget as the caller's HTTP requests.
/// </summary>
public sealed class GraphQLRateLimitOptions
{
    /// <summary>Requests an anonymous caller may make per window, counted by IP address.</summary>
    public int PerIpPermits { get; set; } = 300;

    /// <summary>Requests a signed-in user may make per window, counted by user id.</summary>
    public int PerUserPermits { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// WebSockets one IP address (IPv6: one /64) may hold open at once; a further upgrade is refused with 429
    /// (<c>RATE_LIMITED</c>). Each socket holds memory and a send loop however few operations it runs.
    /// </summary>
    public int MaxSocketsPerIp { get; set; } = 20;

    internal IEnumerable<string> Validate(string prefix)
    {
        if (PerIpPermits < 1)
        {
            yield return $"{prefix}:{nameof(PerIpPermits)} must be at least 1 (got {PerIpPermits}).";
        }

        if (PerUserPermits < 1)
        {
            yield return $"{prefix}:{nameof(PerUserPermits)} must be at least 1 (got {PerUserPermits}).";
        }

        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromHours(1))
        {
            yield return $"{prefix}:{nameof(Window)} must be between 00:00:01 and 01:00:00 (got {Window}).";
        }

        if (MaxSocketsPerIp is < 1 or > 100_000)
        {
            yield return $"{prefix}:{nameof(MaxSocketsPerIp)} must be between 1 and 100000 (got {MaxSocketsPerIp}).";
        }
    }
}
