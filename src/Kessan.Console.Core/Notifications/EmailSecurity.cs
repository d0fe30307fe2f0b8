namespace Kessan.Console.Core.Notifications;

/// <summary>How the SMTP connection is protected: none, STARTTLS after connecting (port 587), or TLS from the start (465).</summary>
public enum EmailSecurity
{
    None,
    StartTls,
    Tls,
}
