using System.Globalization;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Caching.Memory;
using NftMarketplace.GraphQL.Configuration;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>
/// Parses every document itself, before the engine would, so that its size is known before any validation rule
/// runs: several of the specification's rules (overlapping fields, fragment spreads) cost more than linear time,
/// and a 100 KB document could keep a core busy for seconds. A document with too many tokens is refused before it
/// is parsed, one with too many fragments or (fragments expanded) selections before it is validated. Documents
/// that passed validation are kept, keyed by their text, so a repeated query is neither parsed nor validated
/// against the schema again; the rules that depend on the request (authorization, HTTP method) still run.
/// </summary>
internal sealed class DocumentGate : IConfigureExecution, IDisposable
{
    private static readonly HashSet<IValidationRule> SchemaOnlyRules = [.. DocumentValidator.CoreRules];

    private readonly GraphQLOptions _options;
    private readonly MemoryCache? _validated;

    public DocumentGate(GraphQLOptions options)
    {
        _options = options;
        _validated = options.DocumentCacheChars > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.DocumentCacheChars }) : null;
    }

    // After the options are configured (validation rules appended), right before the engine runs.
    public float SortOrder => 1_000;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options).ConfigureAwait(false);
        }

        if (_validated is not null && _validated.TryGetValue(query, out GraphQLDocument? known) && known is not null)
        {
            options.Document = known;
            options.ValidationRules = options.ValidationRules?.Where(rule => !SchemaOnlyRules.Contains(rule)).ToList();
            return await next(options).ConfigureAwait(false);
        }

        var (document, refusal) = Admit(query);
        if (refusal is not null)
        {
            return new ExecutionResult(refusal);
        }

        options.Document = document;
        var result = await next(options).ConfigureAwait(false);
        if (_validated is not null && result.Executed)
        {
            _validated.Set(query, document, new MemoryCacheEntryOptions { Size = Math.Max(query.Length, 1) });
        }

        return result;
    }

    /// <summary>The parsed document if it is within every limit, else the error that refuses it.</summary>
    internal (GraphQLDocument? Document, ExecutionError? Refusal) Admit(string query)
    {
        try
        {
            if (CountTokens(query, _options.MaxTokens) > _options.MaxTokens)
            {
                return (null, TooLarge(string.Create(CultureInfo.InvariantCulture, $"The document has more than {_options.MaxTokens} tokens.")));
            }

            var document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments });
            var fragments = document.Definitions.Count(definition => definition is GraphQLFragmentDefinition);
            if (fragments > _options.MaxFragments)
            {
                return (null, TooLarge(string.Create(CultureInfo.InvariantCulture, $"The document defines more than {_options.MaxFragments} fragments.")));
            }

            if (DocumentSize.ExpandedSelections(document, _options.MaxSelections + 1L) > _options.MaxSelections)
            {
                return (null, TooLarge(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The document selects more than {_options.MaxSelections} fields and fragments (counting each fragment where it is spread).")));
            }

            return (document, null);
        }
        catch (GraphQLSyntaxErrorException syntax)
        {
            return (null, new SyntaxError(syntax));
        }
        catch (GraphQLMaxDepthExceededException)
        {
            // The engine's own parser lets this one escape as an unexpected exception.
            return (null, TooLarge("The document is nested too deeply to be read."));
        }
    }

    private static int CountTokens(string query, int max)
    {
        var tokens = 0;
        var position = 0;
        while (tokens <= max)
        {
            var token = Lexer.Lex(query, position);
            if (token.Kind == TokenKind.EOF)
            {
                break;
            }

            tokens++;
            position = token.End;
        }

        return tokens;
    }

    private static DocumentTooLargeError TooLarge(string message) => new(message);

    public void Dispose() => _validated?.Dispose();
}
