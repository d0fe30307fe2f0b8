using System.ComponentModel.DataAnnotations;

namespace Kessan.LocalCloud.Receivers;

/// <summary>The local SMTP receiver, section <c>LocalCloud:Smtp</c>.</summary>
public sealed class SmtpReceiverOptions : IValidatableObject
{
    public const string Section = "LocalCloud:Smtp";

    /// <summary>The loopback port it listens on. Null: 2525, or a free port when LocalCloud's own URL asks for port 0
    /// (tests and parallel instances then never collide).</summary>
    [Range(0, 65535, ErrorMessage = "LocalCloud:Smtp:Port must be from 0 (any free port) to 65535.")]
    public int? Port { get; set; }

    /// <summary>When both are set, senders must log in with them (AUTH over the plain connection, as a local relay allows).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool RequiresLogin => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult($"{Section}:Username and {Section}:Password go together: set both to require a login, or neither.");
        }
    }
}
