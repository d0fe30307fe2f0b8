using System.Globalization;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Notifications;

/// <summary>A configured channel, checked: its kind, where it delivers and which severities it gets; or, when its
/// settings are missing or malformed, the reason (<see cref="Problem"/>) — that channel is shown as misconfigured
/// and sends nothing, the others work. <see cref="Kind"/> is null when the configured type names no kind; then
/// <see cref="UnknownType"/> holds what was written.</summary>
public sealed record ChannelDefinition(
    string Name, ChannelKind? Kind, ChannelTarget? Target, IReadOnlySet<AlertSeverity> Severities, string? Problem, string UnknownType = "")
{
    public const string Section = "Notifications:Channels";

    public static string Expected => "slack, pagerduty or email";

    public bool IsUsable => Target is not null && Problem is null;

    /// <summary>The type as pages and the API show it: the kind's name, or what was configured when it names none.</summary>
    public string Type => Kind?.Name() ?? UnknownType;

    /// <summary>True when a type was given but names no kind of channel (worth a start-up warning).</summary>
    public bool HasUnknownType => Kind is null && UnknownType.Length > 0;

    /// <summary>The seed's routing: Slack for high and critical, PagerDuty for critical only; email gets everything
    /// unless told otherwise.</summary>
    public static IReadOnlySet<AlertSeverity> DefaultSeverities(ChannelKind kind) => kind switch
    {
        ChannelKind.Slack => new HashSet<AlertSeverity> { AlertSeverity.High, AlertSeverity.Critical },
        ChannelKind.PagerDuty => new HashSet<AlertSeverity> { AlertSeverity.Critical },
        _ => Enum.GetValues<AlertSeverity>().ToHashSet(),
    };

    /// <summary>Checks <paramref name="settings"/>. Problems name the key (<c>Notifications:Channels:ops-slack:WebhookUrl</c>)
    /// and what was expected, never a secret's value.</summary>
    public static ChannelDefinition Read(string name, ChannelSettings settings)
    {
        var problems = new List<string>();
        string Key(string property) => $"{Section}:{name}:{property}";

        var type = settings.Type?.Trim() ?? "";
        var kind = ParseKind(type);
        if (kind is null)
        {
            problems.Add(type.Length == 0
                ? $"{Key(nameof(ChannelSettings.Type))} is missing; expected {Expected}."
                : $"{Key(nameof(ChannelSettings.Type))} is '{type}', which is not a channel type; expected {Expected}.");
            return new ChannelDefinition(name, null, null, new HashSet<AlertSeverity>(), string.Join(" ", problems), type);
        }

        var severities = ReadSeverities(settings.Severities, Key(nameof(ChannelSettings.Severities)), problems) ?? DefaultSeverities(kind.Value);
        ChannelTarget? target = kind switch
        {
            ChannelKind.Slack => ReadSlack(settings, Key, problems),
            ChannelKind.PagerDuty => ReadPagerDuty(settings, Key, problems),
            _ => ReadEmail(settings, Key, problems),
        };
        return new ChannelDefinition(name, kind, problems.Count == 0 ? target : null, severities,
            problems.Count == 0 ? null : string.Join(" ", problems));
    }

    private static ChannelKind? ParseKind(string? type) => AlertNames.TryParse<ChannelKind>(type, out var kind) ? kind : null;

    private static SlackTarget? ReadSlack(ChannelSettings settings, Func<string, string> key, List<string> problems) =>
        ReadUrl(settings.WebhookUrl, key(nameof(ChannelSettings.WebhookUrl)), required: true, problems) is { } url ? new SlackTarget(url) : null;

    private static PagerDutyTarget? ReadPagerDuty(ChannelSettings settings, Func<string, string> key, List<string> problems)
    {
        var routingKey = settings.RoutingKey?.Trim();
        if (string.IsNullOrEmpty(routingKey))
        {
            problems.Add($"{key(nameof(ChannelSettings.RoutingKey))} is missing; it is the integration key of a PagerDuty Events API v2 integration.");
        }
        else if (routingKey.Any(char.IsWhiteSpace))
        {
            problems.Add($"{key(nameof(ChannelSettings.RoutingKey))} contains spaces; a routing key is one word.");
        }
        var eventsUrl = ReadUrl(settings.EventsUrl, key(nameof(ChannelSettings.EventsUrl)), required: false, problems)
            ?? new Uri(PagerDutyEvent.DefaultEventsUrl);
        return problems.Count == 0 ? new PagerDutyTarget(routingKey!, eventsUrl) : null;
    }

    private static EmailTarget? ReadEmail(ChannelSettings settings, Func<string, string> key, List<string> problems)
    {
        var host = settings.Host?.Trim();
        if (string.IsNullOrEmpty(host))
        {
            problems.Add($"{key(nameof(ChannelSettings.Host))} is missing; expected the SMTP server's host name.");
        }

        var security = EmailSecurity.StartTls;
        if (!string.IsNullOrWhiteSpace(settings.Security) && !AlertNames.TryParse(settings.Security, out security))
        {
            problems.Add($"{key(nameof(ChannelSettings.Security))} is '{settings.Security}'; expected {AlertNames.Expected<EmailSecurity>()}.");
        }

        var port = security switch { EmailSecurity.Tls => 465, EmailSecurity.StartTls => 587, _ => 25 };
        if (!string.IsNullOrWhiteSpace(settings.Port)
            && (!int.TryParse(settings.Port, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            problems.Add($"{key(nameof(ChannelSettings.Port))} is '{settings.Port}'; expected a port number from 1 to 65535.");
        }

        var username = string.IsNullOrWhiteSpace(settings.Username) ? null : settings.Username.Trim();
        var password = string.IsNullOrEmpty(settings.Password) ? null : settings.Password;
        if ((username is null) != (password is null))
        {
            problems.Add(username is null
                ? $"{key(nameof(ChannelSettings.Password))} is set without {key(nameof(ChannelSettings.Username))}; give both to log in, or neither."
                : $"{key(nameof(ChannelSettings.Username))} is set without {key(nameof(ChannelSettings.Password))}; give both to log in, or neither.");
        }

        var from = settings.From?.Trim();
        if (!LooksLikeAddress(from))
        {
            problems.Add($"{key(nameof(ChannelSettings.From))} {(string.IsNullOrEmpty(from) ? "is missing" : $"is '{from}'")}; expected an email address such as alerts@example.com.");
        }

        var to = (settings.To ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (to.Length == 0)
        {
            problems.Add($"{key(nameof(ChannelSettings.To))} is missing; expected one or more addresses, comma-separated.");
        }
        for (var i = 0; i < to.Length; i++)
        {
            if (!LooksLikeAddress(to[i]))
            {
                problems.Add($"{key(nameof(ChannelSettings.To))} entry {i + 1} is '{to[i]}'; expected an email address.");
            }
        }
        return problems.Count == 0 ? new EmailTarget(host!, port, security, username, password, from!, to) : null;
    }

    /// <summary>An absolute http(s) URL, or null (with a problem when it was required or malformed). The value is
    /// never quoted: it may be a secret.</summary>
    private static Uri? ReadUrl(string? text, string key, bool required, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add($"{key} is missing; expected the absolute https:// URL the provider gave you.");
            }
            return null;
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            problems.Add($"{key} is not an absolute http(s) URL.");
            return null;
        }
        return url;
    }

    private static HashSet<AlertSeverity>? ReadSeverities(string? text, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var severities = new HashSet<AlertSeverity>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (AlertNames.TryParse<AlertSeverity>(name, out var severity))
            {
                severities.Add(severity);
            }
            else
            {
                problems.Add($"{key} names '{name}'; expected {AlertNames.Expected<AlertSeverity>()}, comma-separated.");
            }
        }
        return severities;
    }

    private static bool LooksLikeAddress(string? address) =>
        address is { Length: >= 3 } && address.IndexOf('@') is > 0 and var at && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
}
