using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kessan.Console.Aws.Tests.Plumbing;

public static class JsonAssert
{
    /// <summary>Same JSON value, whatever the member order or whitespace.</summary>
    public static void Equivalent(string expected, RecordedRequest request) =>
        Equivalent(JsonNode.Parse(expected), request.Json);

    /// <summary>Same JSON value, whatever the member order, whitespace or string escaping; numbers are equal when
    /// their values are (<c>1795150800</c> and <c>1795150800.0</c> are the same epoch second). A failure names the
    /// path of the first difference.</summary>
    public static void Equivalent(JsonNode? expected, JsonNode? actual)
    {
        if (FirstDifference(expected, actual, "$") is { } difference)
        {
            Assert.Fail($"{difference}\nExpected {expected?.ToJsonString()}\nbut was  {actual?.ToJsonString()}");
        }
    }

    private static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        var kind = Kind(expected);
        if (kind != Kind(actual))
        {
            return $"At {path}: expected {Describe(expected)}, found {Describe(actual)}.";
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                var expectedObject = expected!.AsObject();
                var actualObject = actual!.AsObject();
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(name))
                    {
                        return $"At {path}: member {name} is missing.";
                    }

                    if (FirstDifference(value, actualObject[name], $"{path}.{name}") is { } inner)
                    {
                        return inner;
                    }
                }

                var extra = actualObject.Select(member => member.Key).FirstOrDefault(name => !expectedObject.ContainsKey(name));
                return extra is null ? null : $"At {path}: member {extra} is not expected.";

            case JsonValueKind.Array:
                var expectedArray = expected!.AsArray();
                var actualArray = actual!.AsArray();
                if (expectedArray.Count != actualArray.Count)
                {
                    return $"At {path}: expected {expectedArray.Count} items, found {actualArray.Count}.";
                }

                return expectedArray
                    .Select((item, index) => FirstDifference(item, actualArray[index], $"{path}[{index}]"))
                    .FirstOrDefault(difference => difference is not null);

            case JsonValueKind.Number:
                return SameNumber(expected!.AsValue(), actual!.AsValue()) ? null : $"At {path}: expected {Describe(expected)}, found {Describe(actual)}.";

            case JsonValueKind.String:
                return expected!.GetValue<string>() == actual!.GetValue<string>() ? null : $"At {path}: expected {Describe(expected)}, found {Describe(actual)}.";

            default:
                return null; // true, false and null carry no more than their kind
        }
    }

    // Decimal keeps every digit of epoch seconds with milliseconds; values beyond its range compare as doubles.
    private static bool SameNumber(JsonValue expected, JsonValue actual) =>
        expected.TryGetValue<decimal>(out var left) && actual.TryGetValue<decimal>(out var right)
            ? left == right
            : expected.GetValue<double>().Equals(actual.GetValue<double>());

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => $"the number {node.ToJsonString()}",
        _ => $"{Kind(node).ToString().ToLower(CultureInfo.InvariantCulture)} {node.ToJsonString()}",
    };
}
