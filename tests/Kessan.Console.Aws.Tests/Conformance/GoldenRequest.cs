using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kessan.Console.Aws.Tests.Conformance;

/// <summary>One file of tests/conformance/golden: an operation's input and the request the official AWS SDK for
/// JavaScript sent for it (written by <c>npm run golden</c> there, copied beside the test assembly).</summary>
public sealed record GoldenRequest(string Name, string Description, string Operation, string Sdk, JsonObject Input, SdkRequest Request)
{
    private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "golden");

    /// <summary>Whether the request is a CloudWatch Logs one (sent through @aws-sdk/client-cloudwatch-logs).</summary>
    public bool IsLogs => Sdk.StartsWith("@aws-sdk/client-cloudwatch-logs ", StringComparison.Ordinal);

    public static IEnumerable<string> Names =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static GoldenRequest Load(string name) =>
        JsonSerializer.Deserialize<GoldenRequest>(File.ReadAllText(Path.Combine(Folder, name + ".json")), FileFormat)
            ?? throw new InvalidDataException($"golden/{name}.json is JSON null.");
}

/// <param name="ProtocolHeaders">Headers of the protocol besides Content-Type and X-Amz-Target, with their values.</param>
/// <param name="OtherHeaders">Names of the transport, signing and telemetry headers the SDK sent; their values vary per call.</param>
public sealed record SdkRequest(
    string Method,
    string Path,
    string Target,
    string ContentType,
    IReadOnlyDictionary<string, string> ProtocolHeaders,
    IReadOnlyList<string> OtherHeaders,
    JsonNode Body);
