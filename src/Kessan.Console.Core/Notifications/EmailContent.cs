using System.Net;
using System.Text;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Notifications;

/// <summary>An alert as an email: subject, and HTML and plain-text bodies with the same content (the Slack
/// message's title, text and fields).</summary>
public sealed record EmailContent(string Subject, string Html, string Text)
{
    public static EmailContent For(Notification notification)
    {
        var attachment = SlackMessage.For(notification).Attachments[0];
        var verb = notification.Action switch
        {
            NotificationAction.Acknowledge => "Acknowledged: ",
            NotificationAction.Resolve => "Resolved: ",
            _ => "",
        };
        var subject = $"[{notification.Severity.Name().ToUpperInvariant()}] {verb}{notification.Title}";

        var text = new StringBuilder()
            .AppendLine(notification.Title)
            .AppendLine()
            .AppendLine(notification.Message)
            .AppendLine();
        var html = new StringBuilder()
            .Append("<html><body style=\"font-family: sans-serif\">")
            .Append($"<div style=\"border-left: 6px solid {attachment.Color}; padding-left: 12px\">")
            .Append($"<h2 style=\"margin: 0 0 8px 0\">{Encode(notification.Title)}</h2>")
            .Append($"<p style=\"white-space: pre-wrap\">{Encode(notification.Message)}</p>")
            .Append("<table cellpadding=\"4\" style=\"border-collapse: collapse\">");
        foreach (var field in attachment.Fields)
        {
            text.AppendLine($"{field.Title}: {field.Value}");
            html.Append($"<tr><th align=\"left\">{Encode(field.Title)}</th><td>{Encode(field.Value)}</td></tr>");
        }
        html.Append("</table></div></body></html>");
        return new EmailContent(subject, html.ToString(), text.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
