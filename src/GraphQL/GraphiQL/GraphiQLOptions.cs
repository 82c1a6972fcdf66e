namespace NftMarketplace.GraphQL.GraphiQL;

/// <summary>The browser IDE (configuration section <c>GraphQL:Ui</c>).</summary>
public sealed class GraphiQLOptions
{
    public const string Section = "GraphQL:Ui";

    /// <summary>Serve the IDE; when unset, it is served in Development only.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Where the IDE is served; the endpoint it talks to is the GraphQL endpoint.</summary>
    public string Path { get; set; } = "/graphql/ui";

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Path) || !Path.StartsWith('/') || Path.EndsWith('/'))
        {
            yield return $"{Section}:{nameof(Path)} must start with '/' and not end with one (got '{Path}').";
        }
    }
}
