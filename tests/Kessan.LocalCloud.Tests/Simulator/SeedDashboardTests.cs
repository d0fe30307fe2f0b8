using Kessan.LocalCloud.Simulator;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed class SeedDashboardTests
{
    [Theory]
    [InlineData("Main")]
    [InlineData("Performance")]
    public void Dashboard_bodies_are_the_seed_text_with_the_environment_filled_in(string suffix)
    {
        var expected = SeedGuide.DashboardBody(suffix).Replace("${Environment}", "staging", StringComparison.Ordinal);

        var (_, body) = SeedDashboards.For("staging").Single(d => d.Name == $"Kessan-staging-{suffix}");

        Assert.Equal(expected, body);
    }
}

/// <summary>Reads the seed guide (a verbatim copy beside these tests) the way CloudFormation reads its YAML.</summary>
public static class SeedGuide
{
    private static readonly string[] Lines =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Simulator", "Seed", "monitoring-and-alerting-guide.md"));

    /// <summary>The value of the <c>DashboardBody: !Sub |</c> literal block of dashboard <c>Kessan-${Environment}-{suffix}</c>:
    /// its lines without their common indentation, ending with one line break (YAML's default "clip").</summary>
    public static string DashboardBody(string suffix)
    {
        var name = Array.FindIndex(Lines, l => l.Trim() == $"DashboardName: !Sub 'Kessan-${{Environment}}-{suffix}'");
        var header = Array.FindIndex(Lines, name, l => l.Trim() == "DashboardBody: !Sub |");
        var indent = Lines[header + 1].Length - Lines[header + 1].TrimStart().Length;
        var block = Lines.Skip(header + 1)
            .TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length >= indent)
            .Select(l => l.Trim().Length == 0 ? "" : l[indent..])
            .Reverse().SkipWhile(l => l.Length == 0).Reverse();
        return string.Join('\n', block) + "\n";
    }
}
