using System.Globalization;

namespace Kessan.Benchmarks.Hosting;

/// <summary>How busy the machine was: timings on a shared 2-core box mean little without it.</summary>
public static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    /// <summary>"1-, 5-, 15-minute load average 3.10 2.80 2.50 on 2 cores", or just the cores where /proc is absent.</summary>
    public static string Describe()
    {
        var cores = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores");
        if (!File.Exists(LoadAverageFile))
        {
            return cores;
        }
        var averages = File.ReadAllText(LoadAverageFile).Split(' ').Take(3);
        return $"1-, 5-, 15-minute load average {string.Join(' ', averages)} on {cores}";
    }
}
