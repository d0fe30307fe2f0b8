using Kessan.Console.Features.LocalMode;
using Microsoft.Extensions.Configuration;

namespace Kessan.Console.Tests.LocalMode;

public sealed class DataSourceTests
{
    [Fact]
    public void With_no_AWS_settings_the_console_runs_on_local_data()
    {
        var source = DataSource.Detect(Configuration(), NoEnvironment);

        Assert.True(source.IsLocal);
        Assert.Contains("no AWS configuration", source.Description);
    }

    [Theory]
    [InlineData("AWS_REGION")]
    [InlineData("AWS_PROFILE")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_ENDPOINT_URL")]
    [InlineData("AWS_ENDPOINT_URL_CLOUDWATCH")]
    [InlineData("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")]
    public void An_AWS_environment_variable_switches_to_CloudWatch(string variable)
    {
        var source = DataSource.Detect(Configuration(), name => name == variable ? "x" : null);

        Assert.False(source.IsLocal);
        Assert.Contains(variable, source.Description);
    }

    [Theory]
    [InlineData("Aws:Region", "ap-northeast-1")]
    [InlineData("Aws:CloudWatchEndpoint", "http://127.0.0.1:4566")]
    [InlineData("Aws:LogsEndpoint", "http://127.0.0.1:4566")]
    public void An_Aws_configuration_key_switches_to_CloudWatch(string key, string value)
    {
        var source = DataSource.Detect(Configuration((key, value)), NoEnvironment);

        Assert.False(source.IsLocal);
        Assert.Contains(key, source.Description);
    }

    [Fact]
    public void DataSource_local_wins_over_AWS_settings()
    {
        var source = DataSource.Detect(Configuration(("Kessan:DataSource", "local")), _ => "set");

        Assert.True(source.IsLocal);
    }

    [Fact]
    public void An_unknown_DataSource_value_stops_start_up_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataSource.Detect(Configuration(("Kessan:DataSource", "cloud")), NoEnvironment));

        Assert.Contains("Kessan:DataSource", error.Message);
    }

    private static string? NoEnvironment(string name) => null;

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
