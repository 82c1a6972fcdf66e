using System.Globalization;

namespace NftMarketplace.Benchmarks.Siwe;

/// <summary>
/// The bench host's log, in a file: what a replica warns about (a relay retrying, a consumer failing) is diagnosis,
/// not a result, and on the console it would bury the tables. The bench reports how many there were and where.
/// </summary>
internal sealed class HostLog : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();
    private int _warnings;
    private int _errors;

    public HostLog(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        Path = path;
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public string Path { get; }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Path} ({_warnings} warnings, {_errors} errors)");

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose() => _writer.Dispose();

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
        }
        else if (level == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {level} {category}: {message}");
        lock (_lock)
        {
            _writer.WriteLine(line);
            if (exception is not null)
            {
                _writer.WriteLine(exception);
            }
        }
    }

    private sealed class FileLogger(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            log.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
