using NftMarketplace.BuildingBlocks.Errors;
using System.Globalization;
using Rules = NftMarketplace.Modules.Auth.Siwe.SiweFieldRules;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// Splits SIWE text into its fields following the layout of the EIP-4361 ABNF line by line: the header,
/// the blank lines framing the optional statement, then the labelled fields in their one allowed order and
/// nothing after. Field values are checked afterwards by <see cref="SiweMessage"/>, with the same rules as
/// <see cref="SiweMessage.Create"/>.
/// </summary>
/// <remarks>
/// The text is split on LF only, as the ABNF says: a CR is left in the value, which then fails its field's
/// check instead of being silently accepted into a message whose signed bytes differ from what was shown.
/// </remarks>
internal static class SiweMessageReader
{
    /// <param name="lines">Receives the 1-based line of each field read, keyed by field name, for error messages.</param>
    /// <returns>The fields, unchecked; null with <paramref name="error"/> when the layout is wrong.</returns>
    public static SiweFields? Read(string? text, IDictionary<string, int> lines, out SiweError? error)
    {
        error = CheckSize(text);
        if (error is not null)
        {
            return null;
        }

        var cursor = new LineCursor(text!.Split('\n'), lines);
        var fields = ReadHeader(cursor) is { } header ? ReadBody(cursor, header) : null;
        error = cursor.Error;
        return error is null ? fields : null;
    }

    private static SiweError? CheckSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new SiweError(null, null, "the message is empty");
        }

        if (text.Length > SiweMessage.MaxLength)
        {
            return new SiweError(null, null, SiweMessage.TooLong(text.Length));
        }

        // Counted before splitting so a flood of empty lines allocates nothing.
        var lineCount = text.AsSpan().Count('\n') + 1;
        return lineCount > SiweMessage.MaxLines
            ? new SiweError(
                null,
                null,
                string.Create(CultureInfo.InvariantCulture, $"the message has {lineCount} lines; at most {SiweMessage.MaxLines} are allowed"))
            : null;
    }

    /// <summary>
    /// <c>[ scheme "://" ] domain " wants you to sign in with your Ethereum account:" LF address LF LF</c>;
    /// an authority contains no '/', so the first "://" can only end a scheme.
    /// </summary>
    private static SiweFields? ReadHeader(LineCursor cursor)
    {
        var first = cursor.Peek(0);
        if (first is null || !first.EndsWith(SiweMessage.HeaderSuffix, StringComparison.Ordinal))
        {
            cursor.Fail(Rules.Domain, $"expected '<domain>{SiweMessage.HeaderSuffix}', found {InputEcho.Quote(first ?? string.Empty)}");
            return null;
        }

        cursor.Record(Rules.Scheme);
        cursor.Take(Rules.Domain);
        var origin = first[..^SiweMessage.HeaderSuffix.Length];
        var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        string? scheme = null;
        if (schemeEnd >= 0)
        {
            scheme = origin[..schemeEnd];
            origin = origin[(schemeEnd + 3)..];
        }

        if (cursor.Peek(0) is null)
        {
            cursor.Fail(Rules.Address, "expected the address on the line after the header, found the end of the message");
            return null;
        }

        var address = cursor.Take(Rules.Address);
        if (!cursor.TakeBlank("after the address"))
        {
            return null;
        }

        return new SiweFields { Scheme = scheme, Domain = origin, Address = address };
    }

    /// <summary>
    /// <c>[ statement LF ] LF</c> then the labelled fields. With no statement two empty lines follow the
    /// address; an empty statement (which the ABNF allows) makes three.
    /// </summary>
    private static SiweFields? ReadBody(LineCursor cursor, SiweFields header)
    {
        string? statement = null;
        if (cursor.Peek(0) is { Length: > 0 } || cursor.Peek(1) is { Length: 0 })
        {
            statement = cursor.Take(Rules.Statement);
            if (!cursor.TakeBlank("after the statement (a statement is a single line)"))
            {
                return null;
            }
        }
        else if (!cursor.TakeBlank("before the URI"))
        {
            return null;
        }

        var uri = cursor.TakeLabelled(SiweMessage.UriLabel, Rules.Uri);
        var version = uri is null ? null : cursor.TakeLabelled(SiweMessage.VersionLabel, Rules.Version);
        var chainId = version is null ? null : cursor.TakeLabelled(SiweMessage.ChainIdLabel, Rules.ChainId);
        var nonce = chainId is null ? null : cursor.TakeLabelled(SiweMessage.NonceLabel, Rules.Nonce);
        var issuedAt = nonce is null ? null : cursor.TakeLabelled(SiweMessage.IssuedAtLabel, Rules.IssuedAt);
        if (issuedAt is null)
        {
            return null;
        }

        var fields = header with
        {
            Statement = statement,
            Uri = uri,
            Version = version,
            ChainId = chainId,
            Nonce = nonce,
            IssuedAt = issuedAt,
            ExpirationTime = cursor.TakeOptional(SiweMessage.ExpirationTimeLabel, Rules.ExpirationTime),
            NotBefore = cursor.TakeOptional(SiweMessage.NotBeforeLabel, Rules.NotBefore),
            RequestId = cursor.TakeOptional(SiweMessage.RequestIdLabel, Rules.RequestId),
            Resources = ReadResources(cursor),
        };

        if (cursor.Error is null && cursor.Peek(0) is { } extra)
        {
            cursor.Fail(
                null,
                extra.Length == 0
                    ? "unexpected empty line: the message must end right after its last field, without a line break"
                    : $"unexpected {InputEcho.Quote(extra)}: after Issued At only Expiration Time, Not Before, Request ID and Resources may follow, in that order");
        }

        return fields;
    }

    /// <summary><c>[ LF "Resources:" *( LF "- " URI ) ]</c>, the last part of a message.</summary>
    private static List<string>? ReadResources(LineCursor cursor)
    {
        if (cursor.Error is not null || !string.Equals(cursor.Peek(0), SiweMessage.ResourcesHeader, StringComparison.Ordinal))
        {
            return null;
        }

        cursor.Take(Rules.Resources);
        var resources = new List<string>();
        while (cursor.Peek(0) is { } line)
        {
            var field = Rules.Resource(resources.Count);
            if (!line.StartsWith(SiweMessage.ResourcePrefix, StringComparison.Ordinal))
            {
                cursor.Fail(field, $"expected '{SiweMessage.ResourcePrefix}<URI>', found {InputEcho.Quote(line)}; nothing may follow the resources");
                return null;
            }

            cursor.Take(field);
            resources.Add(line[SiweMessage.ResourcePrefix.Length..]);
        }

        return resources;
    }

    /// <summary>Walks the lines, recording where each field was and the first layout error.</summary>
    private sealed class LineCursor(string[] lines, IDictionary<string, int> fieldLines)
    {
        private int _next;

        public SiweError? Error { get; private set; }

        public string? Peek(int ahead) => _next + ahead < lines.Length ? lines[_next + ahead] : null;

        /// <summary>Records that <paramref name="field"/> is on the current line.</summary>
        public void Record(string field) => fieldLines[field] = _next + 1;

        /// <summary>The current line as <paramref name="field"/>, or null at the end of the text.</summary>
        public string? Take(string field)
        {
            if (_next >= lines.Length)
            {
                return null;
            }

            Record(field);
            return lines[_next++];
        }

        public bool TakeBlank(string where)
        {
            if (Peek(0) is { Length: 0 })
            {
                _next++;
                return true;
            }

            Fail(null, $"expected an empty line {where}, found {Found()}");
            return false;
        }

        /// <summary>A required <c>label value</c> line; null after recording an error when it is not next.</summary>
        public string? TakeLabelled(string label, string field)
        {
            if (Peek(0) is { } line && line.StartsWith(label, StringComparison.Ordinal))
            {
                Take(field);
                return line[label.Length..];
            }

            Fail(field, $"expected '{label}<{field}>', found {Found()}");
            return null;
        }

        /// <summary>An optional <c>label value</c> line: taken when it is next, else null.</summary>
        public string? TakeOptional(string label, string field) =>
            Error is null && Peek(0) is { } line && line.StartsWith(label, StringComparison.Ordinal)
                ? Take(field)![label.Length..]
                : null;

        /// <summary>Keeps the first error, located at the current line (one past the last when the text ended early).</summary>
        public void Fail(string? field, string detail) =>
            Error ??= new SiweError(field, _next + 1, detail);

        private string Found() => Peek(0) switch
        {
            null => "the end of the message",
            { Length: 0 } => "an empty line",
            var line => InputEcho.Quote(line),
        };
    }
}
