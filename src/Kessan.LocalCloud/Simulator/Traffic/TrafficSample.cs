using Kessan.LocalCloud.Simulator.Incidents;

namespace Kessan.LocalCloud.Simulator.Traffic;

/// <summary>Everything the simulated backend did in [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>):
/// each request, registration and AI analysis with its own time, plus the resource levels of the slice. Projections
/// (metrics, log events) read it; they never draw random numbers, so they agree with each other.</summary>
public sealed record TrafficSample(
    DateTimeOffset Start,
    TimeSpan Length,
    IReadOnlyList<ApiRequest> Requests,
    IReadOnlyList<UserRegistration> Registrations,
    IReadOnlyList<AiAnalysis> Analyses,
    ResourceLevels Resources,
    IReadOnlyList<Incident> Incidents);

/// <summary>One API request as the backend's <c>record_api_usage</c> and <c>log_api_request</c> see it.</summary>
/// <param name="Offset">From the slice start.</param>
/// <param name="Endpoint">The route template, e.g. <c>/stocks/{ticker}</c> (the metric dimension).</param>
/// <param name="Ticker">The ticker in the path, for routes that have one.</param>
/// <param name="UserId">Null for anonymous requests.</param>
public readonly record struct ApiRequest(
    TimeSpan Offset,
    string Endpoint,
    string Method,
    string? Ticker,
    int StatusCode,
    double ResponseTimeMs,
    int? UserId)
{
    /// <summary>The concrete path, e.g. <c>/stocks/7203</c>.</summary>
    public string Path => Ticker is null ? Endpoint : Endpoint.Replace("{ticker}", Ticker, StringComparison.Ordinal);
}

public readonly record struct UserRegistration(TimeSpan Offset, string Method, int UserId);

/// <summary>One AI analysis, made by a successful request to <see cref="KessanBackend.AnalysisGeneration"/> at the same offset.</summary>
public readonly record struct AiAnalysis(
    TimeSpan Offset,
    string AnalysisType,
    string Ticker,
    double CostUsd,
    double ProcessingSeconds,
    int? UserId);

/// <summary>Infrastructure gauges for the slice, as AWS would report them.</summary>
public sealed record ResourceLevels(
    double EcsCpuPercent,
    double EcsMemoryPercent,
    double RdsCpuPercent,
    double DatabaseConnections,
    double RdsReadLatencySeconds,
    double RdsWriteLatencySeconds,
    long CacheHits,
    long CacheMisses,
    double CacheHitRatePercent);
