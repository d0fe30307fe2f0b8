using Kessan.LocalCloud.Simulator.Incidents;

namespace Kessan.LocalCloud.Simulator.Traffic;

/// <summary>The simulated Kessan backend. <see cref="Sample"/> is a pure function of (seed, slice, incidents): randomness
/// comes from streams keyed by the seed and the slice, so a slice is the same whenever and however often it is asked for.
/// Incidents only change what happens to requests (status, latency) and the gauges, never which requests there are.</summary>
public sealed class TrafficModel(int seed)
{
    /// <summary>Requests per minute, all endpoints together, at the top of a weekday.</summary>
    public const double PeakRequestsPerMinute = 300;

    private const double PeakRegistrationsPerMinute = 0.6;
    private const double NormalServerErrorRate = 0.0004;
    private const double BurstServerErrorRate = 0.5;
    private const double SlowRequestRate = 0.005;
    private const double SlowRequestFactor = 6;
    private const double ClientErrorLatencyFactor = 0.3;
    private const double LatencyPerLoad = 0.25;
    private const double CpuSurgeLatencyFactor = 1.5;
    private const double ConnectionSurgeLatencyFactor = 1.3;
    private const int RegisteredUsers = 20_000;
    private const int RequestStream = 1;
    private const int RegistrationStream = 2;
    private const int ResourceStream = 3;
    private static readonly TimeSpan ResourceDriftKnotSpacing = TimeSpan.FromMinutes(30);

    // Bounds keep every latency, processing time and cost within a range that ValueDistribution buckets into fewer
    // than 150 distinct values.
    private const double MinResponseMs = 1;
    private const double MaxResponseMs = 180_000;

    private static readonly EndpointProfile[] Endpoints =
    [
        new(KessanBackend.StockSearch, Share: 0.42, MedianMs: 140, Sigma: 0.45, HasTicker: false,
            ClientErrorStatus: 400, ClientErrorRate: 0.01, AnonymousShare: 0.35, SpikeFactor: 12, CacheLookups: 2,
            Operations: [new("GET", 1, 200)]),
        new(KessanBackend.StockDetail, Share: 0.36, MedianMs: 90, Sigma: 0.5, HasTicker: true,
            ClientErrorStatus: 404, ClientErrorRate: 0.03, AnonymousShare: 0.35, SpikeFactor: 4, CacheLookups: 3,
            Operations: [new("GET", 1, 200)]),
        // MedianMs is the overhead around the AI call; a successful request also waits for the analysis.
        new(KessanBackend.AnalysisGeneration, Share: 0.02, MedianMs: 150, Sigma: 0.35, HasTicker: true,
            ClientErrorStatus: 429, ClientErrorRate: 0.04, AnonymousShare: 0, SpikeFactor: 3, CacheLookups: 2,
            Operations: [new("POST", 1, 200)]),
        new(KessanBackend.Watchlist, Share: 0.20, MedianMs: 60, Sigma: 0.4, HasTicker: false,
            ClientErrorStatus: 401, ClientErrorRate: 0.02, AnonymousShare: 0, SpikeFactor: 3, CacheLookups: 1,
            Operations: [new("GET", 0.7, 200), new("POST", 0.2, 201), new("DELETE", 0.1, 204)]),
    ];

    private static readonly AnalysisProfile[] AnalysisProfiles =
    [
        new("comprehensive", Share: 0.40, MedianSeconds: 14, CostUsd: 0.045),
        new("short_term", Share: 0.30, MedianSeconds: 5, CostUsd: 0.012),
        new("mid_term", Share: 0.15, MedianSeconds: 7, CostUsd: 0.018),
        new("long_term", Share: 0.15, MedianSeconds: 9, CostUsd: 0.025),
    ];

    private static readonly double[] AnalysisWeights = [.. AnalysisProfiles.Select(a => a.Share)];

    private static readonly double[] RegistrationWeights = [0.45, 0.35, 0.20];

    // Zipf-like: the first tickers are looked at most.
    private static readonly double[] TickerWeights = Normalized([.. KessanBackend.Tickers.Select((_, i) => 1.0 / (i + 1))]);

    public TrafficSample Sample(DateTimeOffset start, TimeSpan length, IReadOnlyList<Incident> incidents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        var exposure = new IncidentExposure(start, length, incidents);
        var load = TrafficLoad.At(seed, start + length / 2);
        var random = new SeededRandom(seed, RequestStream, start.UtcTicks, length.Ticks);
        var requests = new List<ApiRequest>();
        var analyses = new List<AiAnalysis>();
        long cacheLookups = 0;
        foreach (var endpoint in Endpoints)
        {
            var count = random.NextPoisson(PeakRequestsPerMinute * endpoint.Share * load * length.TotalMinutes);
            for (var i = 0; i < count; i++)
            {
                AddRequest(endpoint, random, length, load, exposure, requests, analyses);
            }

            cacheLookups += count * endpoint.CacheLookups;
        }

        requests.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        analyses.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return new TrafficSample(
            start,
            length,
            requests,
            Registrations(start, length, load),
            analyses,
            Resources(start, length, load, cacheLookups, exposure),
            incidents);
    }

    private static void AddRequest(
        EndpointProfile endpoint,
        SeededRandom random,
        TimeSpan length,
        double load,
        IncidentExposure exposure,
        List<ApiRequest> requests,
        List<AiAnalysis> analyses)
    {
        // A request takes the same draws whatever happens to it (they depend on its endpoint only), so an incident
        // changes outcomes, not the stream.
        var offset = TimeSpan.FromTicks((long)(random.NextDouble() * length.Ticks));
        var userDraw = random.NextDouble();
        var ticker = KessanBackend.Tickers[SeededRandom.Pick(TickerWeights, random.NextDouble())];
        var operation = endpoint.Operations[SeededRandom.Pick(endpoint.OperationWeights, random.NextDouble())];
        var clientErrorDraw = random.NextDouble();
        var serverErrorDraw = random.NextDouble();
        var latencyNoise = random.NextGaussian();
        var slowDraw = random.NextDouble();
        var generates = endpoint.Endpoint == KessanBackend.AnalysisGeneration;
        var analysis = generates ? AnalysisProfiles[SeededRandom.Pick(AnalysisWeights, random.NextDouble())] : null;
        var processingNoise = generates ? random.NextGaussian() : 0;
        var costNoise = generates ? random.NextGaussian() : 0;

        int? userId = userDraw < endpoint.AnonymousShare
            ? null
            : 1 + (int)((userDraw - endpoint.AnonymousShare) / (1 - endpoint.AnonymousShare) * RegisteredUsers);
        var serverErrorRate = exposure.IsActive(IncidentKind.ErrorBurst, offset) ? BurstServerErrorRate : NormalServerErrorRate;
        var status = serverErrorDraw < serverErrorRate ? 500
            : clientErrorDraw < endpoint.ClientErrorRate ? endpoint.ClientErrorStatus
            : operation.SuccessStatus;

        var latencyFactor = 1 + LatencyPerLoad * load;
        if (exposure.IsActive(IncidentKind.LatencySpike, offset))
        {
            latencyFactor *= endpoint.SpikeFactor;
        }

        if (exposure.IsActive(IncidentKind.CpuSurge, offset))
        {
            latencyFactor *= CpuSurgeLatencyFactor;
        }

        if (exposure.IsActive(IncidentKind.DbConnectionSurge, offset))
        {
            latencyFactor *= ConnectionSurgeLatencyFactor;
        }

        var responseMs = endpoint.MedianMs * Math.Exp(endpoint.Sigma * latencyNoise) * latencyFactor
            * (slowDraw < SlowRequestRate ? SlowRequestFactor : 1)
            * (status is >= 400 and < 500 ? ClientErrorLatencyFactor : 1);
        var tickerInPath = endpoint.HasTicker ? ticker : null;
        if (analysis is not null && status < 400)
        {
            var processingSeconds = Math.Clamp(analysis.MedianSeconds * Math.Exp(0.3 * processingNoise), 0.5, 120);
            var costUsd = Math.Clamp(analysis.CostUsd * Math.Exp(0.25 * costNoise), 0.0005, 1);
            responseMs += processingSeconds * 1000;
            analyses.Add(new AiAnalysis(offset, analysis.Type, ticker, costUsd, processingSeconds, userId));
        }

        requests.Add(new ApiRequest(
            offset,
            endpoint.Endpoint,
            operation.Method,
            tickerInPath,
            status,
            Math.Clamp(responseMs, MinResponseMs, MaxResponseMs),
            userId));
    }

    private IReadOnlyList<UserRegistration> Registrations(DateTimeOffset start, TimeSpan length, double load)
    {
        var random = new SeededRandom(seed, RegistrationStream, start.UtcTicks, length.Ticks);
        var count = random.NextPoisson(PeakRegistrationsPerMinute * load * length.TotalMinutes);
        var registrations = new List<UserRegistration>(count);
        for (var i = 0; i < count; i++)
        {
            var offset = TimeSpan.FromTicks((long)(random.NextDouble() * length.Ticks));
            var method = KessanBackend.RegistrationMethods[SeededRandom.Pick(RegistrationWeights, random.NextDouble())];
            var userId = RegisteredUsers + 1 + (int)(random.NextDouble() * 1_000_000);
            registrations.Add(new UserRegistration(offset, method, userId));
        }

        registrations.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return registrations;
    }

    private ResourceLevels Resources(DateTimeOffset start, TimeSpan length, double load, long cacheLookups, IncidentExposure exposure)
    {
        var random = new SeededRandom(seed, ResourceStream, start.UtcTicks, length.Ticks);
        var middle = start + length / 2;
        double Drift(NoiseChannel channel) => TrafficLoad.SmoothNoise(seed, channel, middle, ResourceDriftKnotSpacing);

        var spike = exposure.Share(IncidentKind.LatencySpike);
        var cpuSurge = exposure.Share(IncidentKind.CpuSurge);
        var connectionSurge = exposure.Share(IncidentKind.DbConnectionSurge);

        var ecsCpu = Blend(
            10 + 35 * load + 4 * Drift(NoiseChannel.EcsCpu) + 1.5 * random.NextGaussian(),
            93 + 2 * random.NextGaussian(),
            cpuSurge);
        var ecsMemory = 46 + 8 * load + 3 * Drift(NoiseChannel.EcsMemory) + 0.5 * random.NextGaussian() + 12 * cpuSurge;
        var rdsCpu = 6 + 28 * load + 3 * Drift(NoiseChannel.RdsCpu) + 1.5 * random.NextGaussian() + 15 * spike + 25 * connectionSurge;
        var connections = Blend(
            8 + 30 * load + 3 * Drift(NoiseChannel.DatabaseConnections) + 1.5 * random.NextGaussian(),
            125 + 6 * random.NextGaussian(),
            connectionSurge);
        var latencyDrift = 1 + 0.1 * Drift(NoiseChannel.DatabaseLatency);
        var readLatency = (1.2 + 1.8 * load) / 1000 * latencyDrift * Math.Exp(0.1 * random.NextGaussian())
            * (1 + 3 * spike + connectionSurge);
        var writeLatency = (2.5 + 2.5 * load) / 1000 * latencyDrift * Math.Exp(0.1 * random.NextGaussian())
            * (1 + spike + 0.5 * connectionSurge);

        // Slow queries come with a colder cache (the runbook checks Redis hit rates for high response times).
        var hitRate = Math.Clamp(
            0.91 + 0.03 * Drift(NoiseChannel.CacheHitRate) + 0.01 * random.NextGaussian() - 0.12 * spike, 0.5, 0.99);
        var hits = (long)Math.Round(cacheLookups * hitRate);

        return new ResourceLevels(
            EcsCpuPercent: Math.Clamp(ecsCpu, 0, 100),
            EcsMemoryPercent: Math.Clamp(ecsMemory, 0, 100),
            RdsCpuPercent: Math.Clamp(rdsCpu, 0, 100),
            DatabaseConnections: Math.Max(0, Math.Round(connections)),
            RdsReadLatencySeconds: readLatency,
            RdsWriteLatencySeconds: writeLatency,
            CacheHits: hits,
            CacheMisses: cacheLookups - hits,
            CacheHitRatePercent: 100 * (cacheLookups > 0 ? (double)hits / cacheLookups : hitRate));
    }

    private static double Blend(double normal, double incident, double share) => normal + (incident - normal) * share;

    private static double[] Normalized(double[] weights)
    {
        var total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    private sealed record Operation(string Method, double Share, int SuccessStatus);

    /// <param name="SpikeFactor">How much slower the endpoint gets in a latency spike (search hits the database hardest).</param>
    /// <param name="CacheLookups">Redis lookups one request makes.</param>
    private sealed record EndpointProfile(
        string Endpoint,
        double Share,
        double MedianMs,
        double Sigma,
        bool HasTicker,
        int ClientErrorStatus,
        double ClientErrorRate,
        double AnonymousShare,
        double SpikeFactor,
        int CacheLookups,
        Operation[] Operations)
    {
        public double[] OperationWeights { get; } = [.. Operations.Select(o => o.Share)];
    }

    private sealed record AnalysisProfile(string Type, double Share, double MedianSeconds, double CostUsd);
}
