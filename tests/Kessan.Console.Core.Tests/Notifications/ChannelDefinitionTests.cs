using Kessan.Console.Core.Alerts;
using Kessan.Console.Core.Notifications;

namespace Kessan.Console.Core.Tests.Notifications;

public sealed class ChannelDefinitionTests
{
    [Fact]
    public void The_seeds_routing_is_the_default_slack_high_and_critical_pagerduty_critical_email_everything()
    {
        var channels = new RoutingTable(
        [
            ChannelDefinition.Read("slack", new ChannelSettings { Type = "slack", WebhookUrl = "https://hooks.slack.com/services/T0/B0/abcd1234" }),
            ChannelDefinition.Read("pd", new ChannelSettings { Type = "pagerduty", RoutingKey = "0123456789abcdef0123456789abcdef" }),
            ChannelDefinition.Read("mail", new ChannelSettings { Type = "email", Host = "smtp.example.com", From = "a@example.com", To = "b@example.com" }),
        ]);

        string Names(AlertSeverity severity) => string.Join(",", channels.ChannelsFor(severity).Select(c => c.Name));

        Assert.Equal(("mail", "mail", "slack,mail", "slack,pd,mail"),
            (Names(AlertSeverity.Low), Names(AlertSeverity.Medium), Names(AlertSeverity.High), Names(AlertSeverity.Critical)));
    }

    [Fact]
    public void Email_port_follows_the_security_unless_given()
    {
        EmailTarget Target(string? security) => (EmailTarget)ChannelDefinition.Read("mail",
            new ChannelSettings { Type = "email", Host = "smtp.example.com", From = "a@example.com", To = "b@example.com", Security = security }).Target!;

        Assert.Equal((587, 465, 25), (Target(null).Port, Target("tls").Port, Target("none").Port));
    }

    [Theory]
    [InlineData("Username", "Notifications:Channels:mail:Username is set without Notifications:Channels:mail:Password; give both to log in, or neither.")]
    [InlineData("To", "Notifications:Channels:mail:To entry 2 is 'not-an-address'; expected an email address.")]
    [InlineData("Security", "Notifications:Channels:mail:Security is 'ssl'; expected none, starttls or tls.")]
    [InlineData("Severities", "Notifications:Channels:mail:Severities names 'urgent'; expected low, medium, high or critical, comma-separated.")]
    public void A_bad_email_setting_names_its_key_and_what_was_expected(string broken, string problem)
    {
        var settings = new ChannelSettings { Type = "email", Host = "smtp.example.com", From = "a@example.com", To = "b@example.com" };
        switch (broken)
        {
            case "Username": settings.Username = "kessan"; break;
            case "To": settings.To = "b@example.com, not-an-address"; break;
            case "Security": settings.Security = "ssl"; break;
            default: settings.Severities = "critical, urgent"; break;
        }

        var channel = ChannelDefinition.Read("mail", settings);

        Assert.False(channel.IsUsable);
        Assert.Equal(problem, channel.Problem);
    }

    [Fact]
    public void A_malformed_webhook_url_is_a_problem_that_does_not_quote_it()
    {
        var channel = ChannelDefinition.Read("slack", new ChannelSettings { Type = "slack", WebhookUrl = "hooks.slack.com/services/SECRET" });

        Assert.Equal("Notifications:Channels:slack:WebhookUrl is not an absolute http(s) URL.", channel.Problem);
    }

    [Fact]
    public void An_unknown_type_is_named()
    {
        var channel = ChannelDefinition.Read("chat", new ChannelSettings { Type = "teams" });

        Assert.True(channel.HasUnknownType);
        Assert.Equal("Notifications:Channels:chat:Type is 'teams', which is not a channel type; expected slack, pagerduty or email.", channel.Problem);
    }

    [Fact]
    public void Destinations_show_the_host_and_the_last_four_characters_of_secrets()
    {
        var slack = ChannelDefinition.Read("s", new ChannelSettings { Type = "slack", WebhookUrl = "https://hooks.slack.com/services/T0123/B0456/xyzSecretabcd" });
        var pagerDuty = ChannelDefinition.Read("p", new ChannelSettings { Type = "pagerduty", RoutingKey = "0123456789abcdef0123456789abwxyz" });
        var mail = ChannelDefinition.Read("m", new ChannelSettings
        {
            Type = "email", Host = "smtp.example.com", Username = "kessan", Password = "hunter2-long-password", From = "a@example.com", To = "b@example.com",
        });

        Assert.Equal("https://hooks.slack.com/…abcd", slack.Target!.Describe());
        Assert.Equal("https://events.pagerduty.com/v2/enqueue · routing key …wxyz", pagerDuty.Target!.Describe());
        Assert.DoesNotContain("hunter2", mail.Target!.Describe());
    }

    [Fact]
    public void Scrubbing_masks_every_secret_of_the_channel()
    {
        var target = new PagerDutyTarget("0123456789abcdef0123456789abwxyz", new Uri(PagerDutyEvent.DefaultEventsUrl));

        Assert.Equal("unknown key ••••••••", target.Scrub("unknown key 0123456789abcdef0123456789abwxyz"));
    }
}
