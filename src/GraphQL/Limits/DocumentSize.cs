using GraphQLParser.AST;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>
/// How much work a parsed document will make for validation and execution, measured in one linear pass before
/// either runs: selections (fields, fragment spreads, inline fragments) are counted as if every fragment spread
/// were replaced by its fragment, because that is what the validation rules walk. A chain of fragments, or
/// fragments that spread one another twice, stays small as text but not as work.
/// </summary>
internal static class DocumentSize
{
    /// <summary>
    /// The selections of every operation with its fragments expanded, plus those of every fragment definition as
    /// written (each is also validated on its own); stops counting past <paramref name="ceiling"/>.
    /// </summary>
    public static long ExpandedSelections(GraphQLDocument document, long ceiling)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        var counter = new Counter(fragments, ceiling);
        long total = 0;
        foreach (var definition in document.Definitions)
        {
            var selections = definition switch
            {
                GraphQLOperationDefinition operation => counter.Count(operation.SelectionSet),
                GraphQLFragmentDefinition fragment => counter.Count(fragment.SelectionSet, expand: false),
                _ => 0,
            };
            total = Math.Min(ceiling, total + selections);
        }

        return total;
    }

    private sealed class Counter(Dictionary<string, GraphQLFragmentDefinition> fragments, long ceiling)
    {
        // A fragment's expanded size, once known; -1 while it is being counted, so a cycle (which validation
        // refuses anyway) counts once instead of forever.
        private readonly Dictionary<string, long> _expanded = new(StringComparer.Ordinal);

        public long Count(GraphQLSelectionSet? selectionSet, bool expand = true)
        {
            if (selectionSet is null)
            {
                return 0;
            }

            long count = 0;
            foreach (var selection in selectionSet.Selections)
            {
                count += 1 + selection switch
                {
                    GraphQLField field => Count(field.SelectionSet, expand),
                    GraphQLInlineFragment inline => Count(inline.SelectionSet, expand),
                    GraphQLFragmentSpread spread when expand => Expand(spread.FragmentName.Name.StringValue),
                    _ => 0,
                };

                if (count >= ceiling)
                {
                    return ceiling;
                }
            }

            return count;
        }

        private long Expand(string name)
        {
            if (_expanded.TryGetValue(name, out var known))
            {
                return Math.Max(known, 0);
            }

            if (!fragments.TryGetValue(name, out var fragment))
            {
                return 0;
            }

            _expanded[name] = -1;
            var size = Count(fragment.SelectionSet);
            _expanded[name] = size;
            return size;
        }
    }
}
