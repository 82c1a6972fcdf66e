using System.Diagnostics;
using System.Text;

namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>Trace context on messages: one trace from the HTTP request to every consumer.</summary>
public static class MessagingTelemetry
{
    public const string SourceName = "NftMarketplace.Messaging";

    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static ActivitySource Source { get; } = new(SourceName);

    internal static ActivityContext ParentFrom(string? traceParent, string? traceState) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, traceState, out var context) ? context : default;

    internal static ActivityContext ParentFrom(IDictionary<string, object?>? headers) =>
        ParentFrom(HeaderString(headers, TraceParentHeader), HeaderString(headers, TraceStateHeader));

    internal static string? HeaderString(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;
}
