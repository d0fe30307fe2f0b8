using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kessan.Console.Features.Alerts;

/// <summary>How alerts look as JSON to the hub's and the API's clients: camelCase members, enums by their lowercase
/// names ("critical", "acknowledged"), times as ISO-8601.</summary>
public static class AlertJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        return options;
    }
}
