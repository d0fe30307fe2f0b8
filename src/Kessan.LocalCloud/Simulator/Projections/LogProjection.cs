using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Simulator.Projections;

/// <summary>Events for one log stream, as one PutLogEvents call would carry them.</summary>
public sealed record LogBatch(string LogGroupName, string LogStreamName, IReadOnlyList<InputLogEvent> Events);

/// <summary>A traffic sample as the seed backend's StructuredLogger writes it: structlog JSON lines
/// (<c>event</c>, the logger's own fields, then <c>service</c>, <c>logger</c>, <c>level</c>, <c>timestamp</c>) in
/// <c>/kessan/{env}/api</c>, one stream per ECS task. The same requests that make the APIRequests metric make the
/// <c>api_request</c> lines; a 5xx also logs an <c>application_error</c>, a successful analysis its
/// <c>external_api_call</c> and <c>user_action</c>, a registration a <c>user_action</c>.</summary>
public static class LogProjection
{
    public const string Service = "kessan-api";

    /// <summary>structlog.get_logger(__name__) in backend/app/core/logging.py.</summary>
    public const string Logger = "app.core.logging";

    /// <summary>The ECS service runs this many tasks; each writes its own stream.</summary>
    public const int Tasks = 2;

    public const string AiProvider = "openai";
    public const string AiEndpoint = "/v1/chat/completions";

    // Python's json.dumps escapes only quotes, backslashes and control characters (non-ASCII too, which never occurs here).
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string LogGroupName(string environment) => $"/kessan/{environment}/api";

    /// <summary>awslogs' stream name for a task of the service: <c>{prefix}/{container}/{task id}</c>.</summary>
    public static IReadOnlyList<string> StreamNames(int seed) =>
        [.. Enumerable.Range(0, Tasks).Select(task =>
            $"{Service}/{Service}/{SeededRandom.Hash(seed, 0x7A5C, task):x16}{SeededRandom.Hash(seed, 0x7A5D, task):x16}")];

    public static IReadOnlyList<LogBatch> Project(TrafficSample sample, string environment, int seed)
    {
        var writer = new LineWriter();
        var analyses = AnalysesByOffset(sample);
        var streams = StreamNames(seed);
        var perTask = streams.Select(_ => new List<(TimeSpan Offset, int Order, string Message)>()).ToArray();
        var order = 0;
        foreach (var request in sample.Requests)
        {
            var events = perTask[TaskOf(request.Offset, request.Endpoint)];
            events.Add((request.Offset, order++, ApiRequest(writer, sample, request)));
            if (request.StatusCode >= 500)
            {
                events.Add((request.Offset, order++, ApplicationError(writer, sample, request)));
            }
            else if (request.StatusCode < 400 && UserAction(writer, sample, analyses, request) is { } action)
            {
                events.Add((request.Offset, order++, action));
            }
        }

        foreach (var analysis in sample.Analyses)
        {
            perTask[TaskOf(analysis.Offset, KessanBackend.AnalysisGeneration)].Add((analysis.Offset, order++, ExternalApiCall(writer, sample, analysis)));
        }

        foreach (var registration in sample.Registrations)
        {
            perTask[TaskOf(registration.Offset, "register")].Add((registration.Offset, order++, Registration(writer, sample, registration)));
        }

        var group = LogGroupName(environment);
        return [.. perTask.Select((events, task) => new LogBatch(group, streams[task],
            [.. events.OrderBy(e => e.Offset).ThenBy(e => e.Order).Select(e => new InputLogEvent(sample.Start + e.Offset, e.Message))]))];
    }

    /// <summary>Each analysis under the offset of the request that made it (the first, should two share one).</summary>
    private static Dictionary<TimeSpan, AiAnalysis> AnalysesByOffset(TrafficSample sample)
    {
        var analyses = new Dictionary<TimeSpan, AiAnalysis>(sample.Analyses.Count);
        foreach (var analysis in sample.Analyses)
        {
            analyses.TryAdd(analysis.Offset, analysis);
        }

        return analyses;
    }

    // The load balancer's choice of task, fixed by the request itself so every projection agrees on it.
    private static int TaskOf(TimeSpan offset, string endpoint) =>
        (int)(SeededRandom.Hash(offset.Ticks, endpoint.Length) % Tasks);

    private static string ApiRequest(LineWriter writer, TrafficSample sample, ApiRequest request)
    {
        var json = writer.Begin("api_request");
        json.WriteString("method", request.Method);
        json.WriteString("path", request.Path);
        json.WriteNumber("status_code", request.StatusCode);
        json.WriteNumber("response_time_ms", Math.Round(request.ResponseTimeMs, 2));
        WriteUser(json, request.UserId);
        return writer.End("info", sample.Start + request.Offset);
    }

    private static string ApplicationError(LineWriter writer, TrafficSample sample, ApiRequest request)
    {
        var at = sample.Start + request.Offset;
        var (type, message) = sample.Incidents.Any(incident => incident.Kind == IncidentKind.ErrorBurst && incident.IsActiveAt(at))
            ? ("DatabaseError", "QueuePool limit of size 20 overflow 10 reached, connection timed out, timeout 30.00")
            : request.Endpoint == KessanBackend.AnalysisGeneration
                ? ("ExternalAPIError", "AI provider answered 503 Service Unavailable")
                : ("InternalServerError", "Unhandled exception while processing the request");
        var json = writer.Begin("application_error");
        json.WriteString("error_type", type);
        json.WriteString("error_message", message);
        json.WriteStartObject("context");
        json.WriteString("method", request.Method);
        json.WriteString("path", request.Path);
        json.WriteNumber("status_code", request.StatusCode);
        json.WriteEndObject();
        WriteUser(json, request.UserId);
        return writer.End("error", at);
    }

    /// <summary>What a user did, for the requests that change something; reads (search, detail, list) are not actions.</summary>
    private static string? UserAction(LineWriter writer, TrafficSample sample, Dictionary<TimeSpan, AiAnalysis> analyses, ApiRequest request)
    {
        var action = (request.Endpoint, request.Method) switch
        {
            (KessanBackend.Watchlist, "POST") => "watchlist_add",
            (KessanBackend.Watchlist, "DELETE") => "watchlist_remove",
            (KessanBackend.AnalysisGeneration, _) => "generate_analysis",
            _ => null,
        };
        if (action is null || request.UserId is not { } user)
        {
            return null;
        }

        var analysis = analyses.GetValueOrDefault(request.Offset);
        var json = writer.Begin("user_action");
        json.WriteString("user_id", user.ToString(CultureInfo.InvariantCulture));
        json.WriteString("action", action);
        json.WriteStartObject("details");
        if (request.Ticker is { } ticker)
        {
            json.WriteString("ticker", ticker);
        }

        if (analysis.AnalysisType is { } type)
        {
            json.WriteString("analysis_type", type);
        }

        json.WriteEndObject();
        return writer.End("info", sample.Start + request.Offset);
    }

    private static string Registration(LineWriter writer, TrafficSample sample, UserRegistration registration)
    {
        var json = writer.Begin("user_action");
        json.WriteString("user_id", registration.UserId.ToString(CultureInfo.InvariantCulture));
        json.WriteString("action", "register");
        json.WriteStartObject("details");
        json.WriteString("method", registration.Method);
        json.WriteEndObject();
        return writer.End("info", sample.Start + registration.Offset);
    }

    private static string ExternalApiCall(LineWriter writer, TrafficSample sample, AiAnalysis analysis)
    {
        var json = writer.Begin("external_api_call");
        json.WriteString("provider", AiProvider);
        json.WriteString("endpoint", AiEndpoint);
        json.WriteNumber("response_time_ms", Math.Round(analysis.ProcessingSeconds * 1000, 2));
        json.WriteNumber("status_code", 200);
        json.WriteNumber("cost_usd", Math.Round(analysis.CostUsd, 6));
        return writer.End("info", sample.Start + analysis.Offset);
    }

    private static void WriteUser(Utf8JsonWriter json, int? userId)
    {
        if (userId is { } user)
        {
            json.WriteString("user_id", user.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull("user_id");
        }
    }

    /// <summary>Writes structlog JSON lines, reusing one buffer for a whole sample.</summary>
    private sealed class LineWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _json;

        public LineWriter() => _json = new Utf8JsonWriter(_buffer, Relaxed);

        /// <summary>Starts a line with the event name; the caller writes the logger's fields next.</summary>
        public Utf8JsonWriter Begin(string name)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            _json.WriteStartObject();
            _json.WriteString("event", name);
            return _json;
        }

        /// <summary>Ends the line with what the processors add, and returns it.</summary>
        public string End(string level, DateTimeOffset at)
        {
            _json.WriteString("service", Service);
            _json.WriteString("logger", Logger);
            _json.WriteString("level", level);
            Span<char> timestamp = stackalloc char[32];
            at.UtcDateTime.TryFormat(timestamp, out var written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            _json.WriteString("timestamp", timestamp[..written]);
            _json.WriteEndObject();
            _json.Flush();
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }
}
