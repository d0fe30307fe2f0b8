using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kessan.LocalCloud.Receivers;
using Kessan.LocalCloud.Tests.Protocol;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Kessan.LocalCloud.Tests.Receivers;

/// <summary>LocalCloud's offline Slack webhook, PagerDuty events endpoint and SMTP server answer as the real ones do
/// and keep what they accept in the inbox.</summary>
public sealed class ReceiverTests
{
    private const string RoutingKey = "R0UTINGKEY0123456789abcdefghijkl";

    [Fact]
    public async Task The_slack_webhook_answers_ok_and_keeps_the_message()
    {
        await using var server = await LocalCloudServer.StartAsync();

        using var response = await PostJsonAsync(server, "/_localcloud/slack/T0/B0/secret-hook",
            """{"attachments":[{"color":"#8B0000","title":"DB connections high","text":"180 of 200","fields":[{"title":"Severity","value":"CRITICAL","short":true}]}]}""");
        var message = Assert.Single(Inbox(server).List(0).Messages);

        Assert.Equal((HttpStatusCode.OK, "ok"), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Equal(("slack", "DB connections high", "critical", "webhook …hook"), (message.Kind, message.Title, message.Severity, message.Recipient));
        Assert.Contains("\"text\": \"180 of 200\"", message.Body);
    }

    [Theory]
    [InlineData("{not json", "invalid_payload")]
    [InlineData("""{"username":"kessan"}""", "no_text")]
    public async Task The_slack_webhook_refuses_what_slack_refuses(string body, string error)
    {
        await using var server = await LocalCloudServer.StartAsync();

        using var response = await PostJsonAsync(server, "/_localcloud/slack/T0/B0/hook", body);

        Assert.Equal((HttpStatusCode.BadRequest, error), (response.StatusCode, await response.Content.ReadAsStringAsync()));
        Assert.Empty(Inbox(server).List(0).Messages);
    }

    [Fact]
    public async Task The_pagerduty_endpoint_accepts_a_trigger_with_202_and_masks_the_routing_key_in_the_inbox()
    {
        await using var server = await LocalCloudServer.StartAsync();

        using var response = await PostJsonAsync(server, ReceiverEndpoints.PagerDutyPath, $$"""
            {"routing_key":"{{RoutingKey}}","event_action":"trigger","dedup_key":"Kessan-local-DB-HighConnections",
             "payload":{"summary":"DB connections high","source":"cloudwatch","severity":"critical","custom_details":{"connections":180} } }
            """);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(Inbox(server).List(0).Messages);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("success", "Kessan-local-DB-HighConnections"), (answer.GetProperty("status").GetString(), answer.GetProperty("dedup_key").GetString()));
        Assert.Equal(("pagerduty", "trigger", "critical", "routing key …ijkl"), (message.Kind, message.Action, message.Severity, message.Recipient));
        Assert.DoesNotContain(RoutingKey, message.Body);
    }

    [Theory]
    [InlineData("""{"routing_key":"k","event_action":"trigger","payload":{"source":"x","severity":"critical"}}""", "'payload.summary' is missing")]
    [InlineData("""{"routing_key":"k","event_action":"trigger","payload":{"summary":"s","source":"x","severity":"high"}}""", "'payload.severity' is invalid")]
    [InlineData("""{"routing_key":"k","event_action":"resolve"}""", "'dedup_key' is missing or blank")]
    [InlineData("""{"routing_key":"k","event_action":"snooze","dedup_key":"d"}""", "'event_action' is invalid")]
    [InlineData("""{"event_action":"resolve","dedup_key":"d"}""", "'routing_key' is missing or blank")]
    public async Task The_pagerduty_endpoint_refuses_an_invalid_event_with_pagerdutys_errors(string body, string error)
    {
        await using var server = await LocalCloudServer.StartAsync();

        using var response = await PostJsonAsync(server, ReceiverEndpoints.PagerDutyPath, body);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid event", answer.GetProperty("status").GetString());
        Assert.Contains(answer.GetProperty("errors").EnumerateArray(), e => e.GetString()!.StartsWith(error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mail_sent_to_the_smtp_receiver_lands_in_the_inbox_with_both_bodies()
    {
        await using var server = await LocalCloudServer.StartAsync();

        await SendMailAsync(server, "[CRITICAL] DB connections high", login: null);
        var message = Assert.Single(Inbox(server).List(0).Messages);

        Assert.Equal(("email", "[CRITICAL] DB connections high", "critical", "oncall@example.com"), (message.Kind, message.Title, message.Severity, message.Recipient));
        Assert.Equal("180 of 200 connections", message.Body.Trim());
        Assert.Equal("<p>180 of 200 connections</p>", message.Html);
    }

    [Fact]
    public async Task The_smtp_receiver_requires_the_configured_login()
    {
        await using var server = await LocalCloudServer.StartAsync(false, ("LocalCloud:Smtp:Username", "kessan"), ("LocalCloud:Smtp:Password", "local-password"));

        await Assert.ThrowsAsync<AuthenticationException>(() => SendMailAsync(server, "Wrong password", ("kessan", "guess")));
        await SendMailAsync(server, "Right password", ("kessan", "local-password"));

        Assert.Equal("Right password", Assert.Single(Inbox(server).List(0).Messages).Title);
    }

    [Fact]
    public async Task A_waiting_inbox_read_returns_when_a_message_arrives()
    {
        await using var server = await LocalCloudServer.StartAsync();

        var waiting = server.Client.GetFromJsonAsync<InboxListing>($"{ReceiverEndpoints.InboxPath}?after=0&wait=true", ReceiverJsonContext.Default.Options);
        Assert.False(waiting.IsCompleted);
        (await PostJsonAsync(server, "/_localcloud/slack/T0/B0/hook", """{"text":"hello"}""")).Dispose();
        var listing = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((1L, "hello"), (listing!.LastId, Assert.Single(listing.Messages).Title));
    }

    [Fact]
    public async Task The_inbox_lists_only_messages_after_the_given_id()
    {
        await using var server = await LocalCloudServer.StartAsync();
        foreach (var text in new[] { "one", "two", "three" })
        {
            (await PostJsonAsync(server, "/_localcloud/slack/T0/B0/hook", $$"""{"text":"{{text}}"}""")).Dispose();
        }

        var listing = await server.Client.GetFromJsonAsync<InboxListing>($"{ReceiverEndpoints.InboxPath}?after=1", ReceiverJsonContext.Default.Options);

        Assert.Equal(["two", "three"], listing!.Messages.Select(m => m.Title));
    }

    private static LocalInbox Inbox(LocalCloudServer server) => server.Services.GetRequiredService<LocalInbox>();

    private static Task<HttpResponseMessage> PostJsonAsync(LocalCloudServer server, string path, string json) =>
        server.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task SendMailAsync(LocalCloudServer server, string subject, (string User, string Password)? login)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("kessan@example.com"));
        message.To.Add(MailboxAddress.Parse("oncall@example.com"));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = "180 of 200 connections", HtmlBody = "<p>180 of 200 connections</p>" }.ToMessageBody();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", server.Services.GetRequiredService<SmtpReceiver>().Port, SecureSocketOptions.None);
        if (login is { } credentials)
        {
            await client.AuthenticateAsync(credentials.User, credentials.Password);
        }
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }
}
