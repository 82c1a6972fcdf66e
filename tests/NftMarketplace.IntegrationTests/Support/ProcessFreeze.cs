using System.Diagnostics;
using System.Globalization;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>
/// A server process stopped with SIGSTOP: it keeps its sockets open and answers nothing, the way a hung server or a
/// network black hole looks to its clients. Disposing continues it (SIGCONT); so does the end of the test process,
/// should it exit while the server is still stopped, because a shared server left stopped breaks every later test.
/// (A test process killed outright cannot continue it; DCP then stops the whole infrastructure with it.)
/// </summary>
public sealed class ProcessFreeze : IDisposable
{
    private readonly int _processId;
    private readonly EventHandler _onExit;
    private int _frozen;

    private ProcessFreeze(int processId)
    {
        _processId = processId;
        _onExit = (_, _) => Dispose();
    }

    /// <summary>Stops <paramref name="processId"/>, after checking that it is the program named <paramref name="expectedName"/>.</summary>
    public static ProcessFreeze Start(int processId, string expectedName)
    {
        var name = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/comm").Trim();
        Assert.True(name == expectedName, $"process {processId} is {name}, not {expectedName}");
        var freeze = new ProcessFreeze(processId);
        AppDomain.CurrentDomain.ProcessExit += freeze._onExit;
        Volatile.Write(ref freeze._frozen, 1);
        Signal(processId, "-STOP");
        return freeze;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _frozen, 0) == 1)
        {
            Signal(_processId, "-CONT");
            AppDomain.CurrentDomain.ProcessExit -= _onExit;
        }
    }

    private static void Signal(int processId, string signal)
    {
        using var kill = Process.Start("kill", [signal, processId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {processId} exited with {kill.ExitCode}.");
        }
    }
}
