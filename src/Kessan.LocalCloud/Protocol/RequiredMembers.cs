using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kessan.LocalCloud.Protocol;

/// <summary>Finds a required member that a request leaves out, before it is deserialized, so the answer can name
/// it the way AWS does (<c>MetricData.member.2.MetricName</c>) rather than failing on a default value later.</summary>
public static class RequiredMembers
{
    /// <returns>The path of the first required member that is absent or null; null when none is.</returns>
    public static string? FindMissing(JsonElement element, JsonTypeInfo typeInfo)
    {
        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                foreach (var property in typeInfo.Properties)
                {
                    if (!element.TryGetProperty(property.Name, out var value) || value.ValueKind == JsonValueKind.Null)
                    {
                        if (IsRequired(property))
                        {
                            return property.Name;
                        }

                        continue;
                    }

                    var missing = FindMissing(value, typeInfo.Options.GetTypeInfo(property.PropertyType));
                    if (missing is not null)
                    {
                        return $"{property.Name}.{missing}";
                    }
                }

                return null;

            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && typeInfo.ElementType is { } elementType:
                var itemInfo = typeInfo.Options.GetTypeInfo(elementType);
                var position = 0;
                foreach (var item in element.EnumerateArray())
                {
                    position++;
                    var missing = FindMissing(item, itemInfo);
                    if (missing is not null)
                    {
                        return $"member.{position}.{missing}";
                    }
                }

                return null;

            default:
                return null;
        }
    }

    // `required` members are flagged by the serializer; positional record parameters without a default are
    // required as well (Dimension(Name, Value), StatisticSet(...)) but only visible through their parameter.
    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false };
}
