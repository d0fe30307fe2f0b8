using System.Net.Sockets;
using Kessan.Console.Core.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>Email over SMTP with MailKit: connect (plain, STARTTLS or TLS), log in when a username is configured,
/// send HTML and plain-text bodies with the same content. SMTP 4xx replies and dropped connections are worth
/// retrying; 5xx replies, refused logins and a server without the required TLS are not.</summary>
public sealed class EmailSender : IChannelSender
{
    public ChannelKind Kind => ChannelKind.Email;

    public async Task<AttemptResult> SendAsync(ChannelTarget target, Notification notification, CancellationToken cancellationToken)
    {
        var email = (EmailTarget)target;
        var content = EmailContent.For(notification);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(email.From));
        message.To.AddRange(email.To.Select(MailboxAddress.Parse));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(email.Host, email.Port, Security(email.Security), cancellationToken);
            if (email is { Username: { } username, Password: { } password })
            {
                await client.AuthenticateAsync(username, password, cancellationToken);
            }
            var reply = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return AttemptResult.Success(string.IsNullOrWhiteSpace(reply) ? "SMTP 250" : $"SMTP 250 {reply.Trim()}", 250);
        }
        catch (SmtpCommandException refused)
        {
            var code = (int)refused.StatusCode;
            return new AttemptResult(false, $"SMTP {code}", code, refused.Message, code is >= 400 and < 500);
        }
        catch (AuthenticationException refused)
        {
            return new AttemptResult(false, "SMTP login refused", 535, refused.Message, false);
        }
        catch (NotSupportedException unsupported)
        {
            return new AttemptResult(false, "SMTP TLS unavailable", null, unsupported.Message, false);
        }
        catch (SslHandshakeException handshake)
        {
            return new AttemptResult(false, "SMTP TLS failed", null, handshake.Message.Split('\n')[0].Trim(), false);
        }
        catch (Exception exception) when (exception is SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException)
        {
            return AttemptResult.Unreachable(exception.Message);
        }
    }

    private static SecureSocketOptions Security(EmailSecurity security) => security switch
    {
        EmailSecurity.None => SecureSocketOptions.None,
        EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
