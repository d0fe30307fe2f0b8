using Kessan.Console.Aws.CloudWatchLogs;

namespace Kessan.LocalCloud.Tests.Logs;

public sealed class InsightsFunctionTests : IDisposable
{
    private readonly LogEngine _engine = new();

    public InsightsFunctionTests() =>
        _engine.Put([new InputLogEvent(LogEngine.Minute(7.5), """{"s":" Kessan ","n":-2.5,"ms":1795151250000,"empty":""}""")]);

    [Theory]
    [InlineData("strlen(s)", "8")]
    [InlineData("toupper(s)", " KESSAN ")]
    [InlineData("tolower(s)", " kessan ")]
    [InlineData("concat(s, \"!\", n)", " Kessan !-2.5")]
    [InlineData("substr(s, 1, 3)", "Kes")]
    [InlineData("substr(s, 4)", "san ")]
    [InlineData("substr(s, 5, 100)", "an ")]
    [InlineData("ispresent(s)", "true")]
    [InlineData("ispresent(nothing)", "false")]
    [InlineData("isempty(empty)", "true")]
    [InlineData("isempty(nothing)", "true")]
    [InlineData("isempty(s)", "false")]
    [InlineData("abs(n)", "2.5")]
    [InlineData("ceil(n)", "-2")]
    [InlineData("floor(n)", "-3")]
    [InlineData("fromMillis(ms)", "2026-11-20 05:07:30.000")]
    [InlineData("toMillis(@timestamp)", "1795151250000")]
    [InlineData("bin(5m)", "2026-11-20 05:05:00.000")]
    [InlineData("datefloor(@timestamp, 1h)", "2026-11-20 05:00:00.000")]
    [InlineData("dateceil(@timestamp, 1h)", "2026-11-20 06:00:00.000")]
    [InlineData("datefloor(@timestamp, 1d)", "2026-11-20 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 1mo)", "2026-11-01 00:00:00.000")]
    [InlineData("dateceil(@timestamp, 1mo)", "2026-12-01 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 1q)", "2026-10-01 00:00:00.000")]
    [InlineData("datefloor(@timestamp, 1y)", "2026-01-01 00:00:00.000")]
    [InlineData("datefloor(fromMillis(ms), 30s)", "2026-11-20 05:07:30.000")]
    [InlineData("@timestamp + 60000", "2026-11-20 05:08:30.000")]
    [InlineData("trim(s)", "Kessan")]
    [InlineData("strcontains(s, \"ess\")", "true")]
    [InlineData("replace(s, \"san\", \"kun\")", " Keskun ")]
    [InlineData("coalesce(nothing, n)", "-2.5")]
    public async Task A_function_gives_its_documented_value(string expression, string expected)
    {
        var answer = await _engine.QueryAsync($"fields {expression} as value");

        Assert.Equal(expected, Assert.Single(answer.Rows)["value"]);
    }

    [Theory]
    [InlineData("strlen(nothing)")]
    [InlineData("abs(s)")]
    [InlineData("n + nothing")]
    [InlineData("toMillis(n)")]
    public async Task A_function_of_a_missing_or_unfit_value_is_missing(string expression)
    {
        var answer = await _engine.QueryAsync($"fields {expression} as value");

        Assert.False(Assert.Single(answer.Rows).ContainsKey("value"));
    }

    public void Dispose() => _engine.Dispose();
}
