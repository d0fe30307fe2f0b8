using System.Text.Json.Serialization;

namespace Kessan.Console.Core.Notifications;

/// <summary>The providers' wire formats, as the property names on the records spell them.</summary>
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(PagerDutyEvent))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class NotificationJsonContext : JsonSerializerContext;
