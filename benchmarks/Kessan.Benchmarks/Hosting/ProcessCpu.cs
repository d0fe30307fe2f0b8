using System.Diagnostics;
using System.Globalization;

namespace Kessan.Benchmarks.Hosting;

/// <summary>CPU time spent by this process (the console under test) and by the processes it started (the
/// Playwright driver and the Chromium it launched). It grows far less than elapsed time when other work shares the
/// cores, so it says roughly what a page load costs on any machine. Descendants are read from /proc (Linux);
/// without it they count as zero.</summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime in /proc/[pid]/stat; 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public static TimeSpan Own() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>User + system time of every living descendant of this process.</summary>
    public static TimeSpan Descendants()
    {
        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        var self = Environment.ProcessId;
        long ticks = 0;
        foreach (var (pid, stat) in stats)
        {
            if (pid != self && DescendsFrom(pid, self, stats))
            {
                ticks += stat.Ticks;
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static bool DescendsFrom(int pid, int ancestor, Dictionary<int, (int Parent, long Ticks)> stats)
    {
        for (var current = pid; stats.TryGetValue(current, out var stat) && stat.Parent > 1; current = stat.Parent)
        {
            if (stat.Parent == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    /// <returns>Null when the process ended while being read.</returns>
    private static (int Parent, long Ticks)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name is in parentheses and may hold spaces; the fields after it are: state ppid … utime(14) stime(15).
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
