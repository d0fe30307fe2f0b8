using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Protocol;

/// <summary>One AWS JSON-protocol call: serialize, sign (again on every attempt, so X-Amz-Date is fresh), POST,
/// parse, and retry throttling and transient faults as AWS "standard" mode does. Both CloudWatch (JSON 1.0) and
/// CloudWatch Logs (JSON 1.1) go through here; a service client is a list of operations on top, and reads the
/// members of its own error shapes with <see cref="ServiceErrorReader"/>.</summary>
internal sealed partial class AwsJsonTransport(
    IHttpClientFactory httpClients,
    IAwsEndpointResolver endpoints,
    AwsCredentialSource credentials,
    AwsRequestSigner signer,
    RetryBackoff backoff,
    IOptions<AwsOptions> options,
    TimeProvider clock,
    ILogger<AwsJsonTransport> logger)
{
    public const string HttpClientName = "Kessan.Aws";
    public const string UserAgent = "kessan-console";

    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        AwsJsonProtocol protocol,
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        ServiceErrorReader? serviceErrors,
        CancellationToken cancellationToken)
    {
        var body = RequestBody.For(protocol, operation, JsonSerializer.SerializeToUtf8Bytes(request, requestType));
        var call = new Call(protocol, operation, endpoints.Resolve(protocol.Service), body, serviceErrors);
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var started = clock.GetTimestamp();
            bool throttled;
            try
            {
                return await SendAttemptAsync(call, responseType, attempt, started, settings.AttemptTimeout, cancellationToken);
            }
            catch (AwsServiceException error) when (error.IsRetryable && attempt < settings.MaxAttempts)
            {
                throttled = error.IsThrottling;
            }
            catch (Exception error) when (IsFailureInTransit(error, cancellationToken))
            {
                var reason = error is OperationCanceledException
                    ? $"no answer within {settings.AttemptTimeout.TotalSeconds:0.###} s (Aws:AttemptTimeout)."
                    : $"{error.Message.TrimEnd('.')}.";
                LogNoAnswer(protocol.Service, operation, attempt, call.Host, ElapsedMs(started), reason);
                if (attempt >= settings.MaxAttempts)
                {
                    throw new AwsTransportException(protocol.Service, operation, call.Host, attempt, reason, error);
                }

                throttled = false;
            }

            var delay = backoff.DelayAfter(attempt, throttled);
            LogRetrying(protocol.Service, operation, attempt + 1, settings.MaxAttempts, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    private async Task<TResponse> SendAttemptAsync<TResponse>(
        Call call, JsonTypeInfo<TResponse> responseType, int attempt, long started, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        var (protocol, operation, endpoint, body, serviceErrors) = call;
        using var timeout = new CancellationTokenSource(attemptTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var identity = await credentials.GetAsync(linked.Token);
        using var message = signer.CreateSignedRequest(protocol, endpoint, operation, body, identity, clock.GetUtcNow());
        using var response = await httpClients.CreateClient(HttpClientName)
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        var requestId = AwsErrorReader.RequestId(response);

        if (!response.IsSuccessStatusCode)
        {
            var payload = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var error = AwsErrorReader.Read(protocol, operation, response, payload);
            error = serviceErrors?.Invoke(error, payload) ?? error;
            LogAnsweredWithError(protocol.Service, operation, attempt, (int)response.StatusCode, error.ErrorCode, requestId, ElapsedMs(started));
            throw error;
        }

        var result = await ReadResultAsync(call, response.Content, responseType, attempt, linked.Token);
        LogAnswered(protocol.Service, operation, attempt, (int)response.StatusCode, requestId, ElapsedMs(started));
        return result;
    }

    /// <summary>Parses the body as it arrives instead of after it is all in memory: a GetMetricData page is over a
    /// megabyte, and parsing while the service is still writing saves most of the parse's time and a copy.</summary>
    private static async Task<TResponse> ReadResultAsync<TResponse>(
        Call call, HttpContent content, JsonTypeInfo<TResponse> responseType, int attempt, CancellationToken cancellationToken)
    {
        // 64 KiB a read rather than the default 4 KiB: each read resumes the parser, and measured that way a page
        // of GetMetricData took about a tenth less time.
        var body = PipeReader.Create(await content.ReadAsStreamAsync(cancellationToken), new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        try
        {
            // Operations without output may answer with an empty body rather than "{}"; looking does not consume.
            var start = await body.ReadAsync(cancellationToken);
            var empty = start.IsCompleted && start.Buffer.IsEmpty;
            body.AdvanceTo(start.Buffer.Start);
            return (empty
                    ? JsonSerializer.Deserialize("{}"u8, responseType)
                    : await JsonSerializer.DeserializeAsync(body, responseType, cancellationToken))
                ?? throw new JsonException("The body is JSON null.");
        }
        catch (JsonException e)
        {
            throw new AwsTransportException(
                call.Protocol.Service, call.Operation, call.Host, attempt, $"the reply is not the JSON {call.Operation} returns: {e.Message}", e);
        }
        finally
        {
            await body.CompleteAsync();
        }
    }

    /// <summary>The network failed or the attempt ran out of time; the caller's own cancellation is not a failure.</summary>
    private static bool IsFailureInTransit(Exception error, CancellationToken cancellationToken) =>
        error is HttpRequestException or IOException
        || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private long ElapsedMs(long started) => (long)clock.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Service} {Operation} attempt {Attempt} answered {Status} in {ElapsedMs} ms, request id {RequestId}")]
    private partial void LogAnswered(AwsService service, string operation, int attempt, int status, string? requestId, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Service} {Operation} attempt {Attempt} answered {Status} {ErrorCode} in {ElapsedMs} ms, request id {RequestId}")]
    private partial void LogAnsweredWithError(AwsService service, string operation, int attempt, int status, string errorCode, string? requestId, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Service} {Operation} attempt {Attempt} to {EndpointHost} got no answer after {ElapsedMs} ms: {Reason}")]
    private partial void LogNoAnswer(AwsService service, string operation, int attempt, string endpointHost, long elapsedMs, string reason);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Service} {Operation} retrying: attempt {Attempt} of {MaxAttempts} in {DelayMs} ms")]
    private partial void LogRetrying(AwsService service, string operation, int attempt, int maxAttempts, long delayMs);

    /// <summary>One operation's request, the same for every attempt.</summary>
    private sealed record Call(AwsJsonProtocol Protocol, string Operation, Uri Endpoint, RequestBody Body, ServiceErrorReader? ServiceErrors)
    {
        /// <summary>Host and port: what error messages and logs name, never the full URL.</summary>
        public string Host => Endpoint.Authority;
    }
}

/// <summary>Turns an error a service models with members of its own into that service's exception type, reading the
/// members from the error body; null for any other error.</summary>
internal delegate AwsServiceException? ServiceErrorReader(AwsServiceException error, byte[] body);
