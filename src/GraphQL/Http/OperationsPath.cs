using System.Globalization;
using GraphQL;

namespace NftMarketplace.GraphQL.Http;

/// <summary>
/// An object path of the multipart request's <c>map</c> (<c>variables.files.0</c>), which must point at a <c>null</c>
/// of the operations' variables: the place a file goes. Batched operations (a leading index) are not supported.
/// </summary>
internal static class OperationsPath
{
    private const string VariablesRoot = "variables";

    /// <returns>Why <paramref name="path"/> cannot take a file, or null when it can.</returns>
    public static string? Problem(Inputs? variables, string path)
    {
        var segments = path.Split('.');
        if (segments.Length < 2 || segments[0] != VariablesRoot)
        {
            return $"Map path '{path}' must start with '{VariablesRoot}.': files can only be given as variables.";
        }

        object? node = variables;
        foreach (var segment in segments.AsSpan(1))
        {
            if (!TryChild(node, segment, out node))
            {
                return $"Map path '{path}' names nothing in the operations' variables.";
            }
        }

        return node is null ? null : $"Map path '{path}' must point at a null in the operations' variables (the file's placeholder).";
    }

    /// <summary>The variables with each file put at its paths, which <see cref="Problem"/> has accepted.</summary>
    public static Inputs Substitute(Inputs? variables, IEnumerable<(string Path, object File)> placements)
    {
        var root = (Dictionary<string, object?>)Copy(variables ?? Inputs.Empty)!;
        foreach (var (path, file) in placements)
        {
            var segments = path.Split('.');
            object? parent = root;
            foreach (var segment in segments.AsSpan(1, segments.Length - 2))
            {
                TryChild(parent, segment, out parent);
            }

            var last = segments[^1];
            switch (parent)
            {
                case Dictionary<string, object?> map:
                    map[last] = file;
                    break;
                case List<object?> list:
                    list[int.Parse(last, NumberStyles.None, CultureInfo.InvariantCulture)] = file;
                    break;
            }
        }

        return new Inputs(root);
    }

    private static bool TryChild(object? node, string segment, out object? child)
    {
        child = null;
        switch (node)
        {
            case IReadOnlyDictionary<string, object?> map:
                return map.TryGetValue(segment, out child);
            case IDictionary<string, object?> map:
                return map.TryGetValue(segment, out child);
            case IList<object?> list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count:
                child = list[index];
                return true;
            default:
                return false;
        }
    }

    /// <summary>A mutable copy of the variables' objects and lists, so files can be put in without touching shared values.</summary>
    private static object? Copy(object? node) => node switch
    {
        IEnumerable<KeyValuePair<string, object?>> map => map.ToDictionary(p => p.Key, p => Copy(p.Value), StringComparer.Ordinal),
        IList<object?> list => list.Select(Copy).ToList(),
        _ => node,
    };
}
