using System.Buffers;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Kessan.LocalCloud.Protocol;

/// <summary>The single <c>POST /</c> endpoint every AWS JSON service shares: it picks the service and operation
/// from <c>X-Amz-Target</c>, checks the signature, decodes the body and answers results and errors the way AWS does.</summary>
public sealed class AwsJsonEndpoint(IEnumerable<AwsJsonService> services, SignatureVerifier signatures, ILogger<AwsJsonEndpoint> logger)
{
    // AWS caps bodies at about 1 MB; the cap on the decompressed size keeps a small gzip body from inflating unbounded.
    private const int MaxDecodedBodyBytes = 16 * 1024 * 1024;

    private readonly Dictionary<string, AwsJsonService> _services = services.ToDictionary(service => service.TargetPrefix, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        AwsJsonService? service = null;
        try
        {
            service = FindService(target);
            var body = await ReadBodyAsync(context.Request, cancellationToken);
            signatures.Verify(context.Request, body, service.SigningName);
            var operation = FindOperation(service, target);
            RequireContentType(context.Request, service);
            using var document = Parse(Decode(body, context.Request.Headers.ContentEncoding.ToString()));
            var missing = RequiredMembers.FindMissing(document.RootElement, operation.Input);
            if (missing is not null)
            {
                throw service.MissingParameter(missing);
            }

            var output = operation.Invoke(Deserialize(document, operation), cancellationToken);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = service.ContentType;
            await JsonSerializer.SerializeAsync(context.Response.Body, output, operation.Output, cancellationToken);
        }
        catch (AwsServiceException error)
        {
            logger.LogDebug("{Target} request {RequestId} answered {ErrorCode}: {ErrorMessage}", target, requestId, error.QueryCode, error.Message);
            await WriteErrorAsync(context.Response, service, error, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("{Target} request {RequestId} was abandoned by the caller", target, requestId);
        }
        catch (Exception failure) when (service is not null && !context.Response.HasStarted)
        {
            logger.LogError(failure, "{Target} request {RequestId} failed", target, requestId);
            await WriteErrorAsync(context.Response, service, service.InternalFailure(), cancellationToken);
        }
    }

    private AwsJsonService FindService(string target)
    {
        var dot = target.IndexOf('.');
        return dot > 0 && _services.TryGetValue(target[..dot], out var service)
            ? service
            : throw ProtocolErrors.UnknownOperation(target.Length == 0
                ? "The X-Amz-Target header is missing; it names the operation, e.g. GraniteServiceVersion20100801.GetMetricData."
                : $"No service answers the X-Amz-Target {target}.");
    }

    private static AwsOperation FindOperation(AwsJsonService service, string target) =>
        service.Operations.TryGetValue(target[(service.TargetPrefix.Length + 1)..], out var operation)
            ? operation
            : throw ProtocolErrors.UnknownOperation($"LocalCloud does not implement the operation {target}.");

    private static void RequireContentType(HttpRequest request, AwsJsonService service)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType, service.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw ProtocolErrors.UnknownOperation(
                $"{service.TargetPrefix} operations need Content-Type {service.ContentType}; the request has '{request.ContentType}'.");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static ReadOnlyMemory<byte> Decode(byte[] body, string contentEncoding)
    {
        if (contentEncoding.Length == 0 || contentEncoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return body;
        }

        if (!contentEncoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw ProtocolErrors.Serialization($"Content-Encoding '{contentEncoding}' is not supported; send gzip or no encoding.");
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var decoded = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                if (decoded.Length + read > MaxDecodedBodyBytes)
                {
                    throw ProtocolErrors.RequestEntityTooLarge($"The decompressed request body exceeds {MaxDecodedBodyBytes} bytes.");
                }

                decoded.Write(chunk, 0, read);
            }

            return decoded.GetBuffer().AsMemory(0, (int)decoded.Length);
        }
        catch (InvalidDataException)
        {
            throw ProtocolErrors.Serialization("The request body is marked Content-Encoding: gzip but is not valid gzip data.");
        }
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            // The SDKs send "{}" for operations without input; an empty body means the same.
            document = JsonDocument.Parse(json.IsEmpty ? "{}"u8.ToArray() : json);
        }
        catch (JsonException error)
        {
            throw ProtocolErrors.Serialization($"The request body is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}).");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw ProtocolErrors.Serialization("The request body must be a JSON object.");
        }

        return document;
    }

    private static object Deserialize(JsonDocument document, AwsOperation operation)
    {
        try
        {
            return document.Deserialize(operation.Input)
                ?? throw ProtocolErrors.Serialization("The request body must be a JSON object.");
        }
        catch (JsonException error)
        {
            throw ProtocolErrors.Serialization($"The value at {error.Path ?? "$"} does not have the type {operation.Name} expects there.");
        }
    }

    private static async Task WriteErrorAsync(HttpResponse response, AwsJsonService? service, AwsServiceException error, CancellationToken cancellationToken)
    {
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = error.StatusCode;
        response.ContentType = service?.ContentType ?? "application/x-amz-json-1.0";
        if (service is { QueryCompatible: true })
        {
            response.Headers["x-amzn-query-error"] = $"{error.QueryCode};{(error.IsSenderFault ? "Sender" : "Receiver")}";
        }

        // Buffered: error members may serialize synchronously, which the response stream does not allow.
        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.Type);
            writer.WriteString("message", error.Message);
            error.WriteMembers(writer);
            writer.WriteEndObject();
        }

        await response.Body.WriteAsync(body.WrittenMemory, cancellationToken);
    }
}
