using System.Text.Json.Nodes;

namespace Kessan.Console.Aws.Tests.Plumbing;

public static class JsonAssert
{
    /// <summary>Same JSON value, whatever the member order or whitespace.</summary>
    public static void Equivalent(string expected, RecordedRequest request)
    {
        var actual = request.Json;
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"Expected body {JsonNode.Parse(expected)?.ToJsonString()}\nbut was {actual?.ToJsonString()}");
    }
}
