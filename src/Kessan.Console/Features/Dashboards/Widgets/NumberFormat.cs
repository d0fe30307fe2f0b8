using System.Globalization;

namespace Kessan.Console.Features.Dashboards.Widgets;

/// <summary>Numbers as a dashboard shows them: 1.23k, 45.6M, 0.0123.</summary>
public static class NumberFormat
{
    public static string Compact(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "G",
            >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1e4 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
            >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
            0 => "0",
            _ => value.ToString("0.###", CultureInfo.InvariantCulture),
        };
    }
}
