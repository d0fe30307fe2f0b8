using System.Text.Json;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Features.Logs.Running;

namespace Kessan.Console.Tests.Logs;

public sealed class LogResultsTests
{
    private static readonly LogResults Results = LogResults.From(
    [
        [new("@timestamp", "2026-11-20 05:00:00.000"), new("@message", "said \"hi\", then\nleft"), new("status_code", "-1"), new("@ptr", "p1")],
        [new("@timestamp", "2026-11-20 05:01:00.000"), new("@message", "=HYPERLINK(\"http://evil\")"), new("user_id", "u-7"), new("@ptr", "p2")],
    ]);

    [Fact]
    public void Columns_are_the_fields_in_the_order_the_query_gives_them_without_ptr()
    {
        Assert.Equal(["@timestamp", "@message", "status_code", "user_id"], Results.Columns);
    }

    [Fact]
    public void Csv_quotes_commas_quotes_and_line_breaks_and_defuses_formulas()
    {
        var csv = Results.ToCsv();

        Assert.Equal(
            "@timestamp,@message,status_code,user_id\r\n"
            + "2026-11-20 05:00:00.000,\"said \"\"hi\"\", then\nleft\",-1,\r\n"
            + "2026-11-20 05:01:00.000,\"'=HYPERLINK(\"\"http://evil\"\")\",,u-7\r\n",
            csv);
    }

    [Fact]
    public void Json_export_is_one_object_per_row_with_the_fields_it_has()
    {
        using var json = JsonDocument.Parse(Results.ToJson());

        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("said \"hi\", then\nleft", rows[0].GetProperty("@message").GetString());
        Assert.Equal(["@timestamp", "@message", "user_id"], rows[1].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Numbers_sort_as_numbers_and_missing_values_go_last()
    {
        var results = LogResults.From([Row("n", "10"), Row("n", "9"), Row("m", "x"), Row("n", "-2")]);

        Assert.Equal(["-2", "9", "10", ""], results.SortedBy("n", descending: false).Select(row => row.Value("n")));
    }

    private static IReadOnlyList<ResultField> Row(string field, string value) => [new(field, value)];
}
