using Kessan.Console.Features.Alerts;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Tests.Alerts;

public sealed class AlertOptionsTests
{
    [Fact]
    public void PostgreSQL_without_a_connection_string_refuses_to_start_naming_the_key()
    {
        var result = Validate(new AlertOptions { Provider = AlertDatabaseProvider.Postgres });

        Assert.Contains("Alerts:ConnectionString is required when Alerts:Provider is postgres.", result.FailureMessage);
    }

    [Fact]
    public void A_short_ingest_key_is_refused_by_position_without_showing_it()
    {
        var result = Validate(new AlertOptions { IngestApiKeys = ["long-enough-key-0123456789", "hunter2"] });

        Assert.Contains("Alerts:IngestApiKeys:1 must be at least 16 characters.", result.FailureMessage);
        Assert.DoesNotContain("hunter2", result.FailureMessage);
    }

    [Fact]
    public void A_topic_that_is_not_an_SNS_ARN_is_refused()
    {
        var result = Validate(new AlertOptions { Sns = new SnsOptions { TopicArns = ["kessan-prod-alerts"] } });

        Assert.Contains("Alerts:Sns:TopicArns:0 must be an SNS topic ARN", result.FailureMessage);
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.True(Validate(new AlertOptions()).Succeeded);

    private static ValidateOptionsResult Validate(AlertOptions options) =>
        new DataAnnotationValidateOptions<AlertOptions>(Options.DefaultName).Validate(Options.DefaultName, options);
}
