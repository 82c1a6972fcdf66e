using System.Text.Json;
using System.Text.Unicode;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// Parses request JSON (HTTP bodies, multipart <c>operations</c>, query-string parameters, WebSocket frames) and
/// checks what <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> leaves unchecked, so no
/// later read of the document can fail: raw bytes must be UTF-8, and every string and property name must unescape
/// to valid UTF-16. A lone surrogate escape (<c>"\ud800"</c>) passes the JSON reader but makes every later
/// <c>GetString</c> throw, wherever that happens to be (operation name, variables, extensions, connection payload).
/// </summary>
public static class RequestJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>The parsed document, or null with <paramref name="problem"/> saying what is wrong (safe to show).</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        // The JSON reader checks structure, not every byte inside strings.
        if (!Utf8.IsValid(utf8.Span))
        {
            problem = "not valid UTF-8";
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + ex.Message;
            return null;
        }

        if (!EscapesAreWellFormed(utf8.Span))
        {
            document.Dispose();
            problem = "a string escapes an unpaired UTF-16 surrogate";
            return null;
        }

        problem = null;
        return document;
    }

    /// <summary>One pass over the tokens; only escaped strings are unescaped, as a later read would.</summary>
    private static bool EscapesAreWellFormed(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
        Span<char> scratch = stackalloc char[256];
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped)
            {
                continue;
            }

            try
            {
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                if (length <= scratch.Length)
                {
                    reader.CopyString(scratch);
                }
                else
                {
                    _ = reader.GetString();
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                return false;
            }
        }

        return true;
    }
}
