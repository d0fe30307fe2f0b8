using System.Collections.Concurrent;
using System.Net;
using Kessan.Console.Aws;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Core.Dashboards;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Features.Dashboards;

/// <summary>Dashboards from ListDashboards/GetDashboard, parsed, and reused for a short while so that many
/// viewers opening the same dashboard cost one call.</summary>
public sealed class DashboardCatalog(ICloudWatch cloudWatch, TimeProvider clock, IOptions<DashboardOptions> options)
{
    private readonly ConcurrentDictionary<string, Cached<DashboardLookup>> _dashboards = new(StringComparer.Ordinal);
    private Cached<IReadOnlyList<DashboardSummary>>? _list;

    public async Task<IReadOnlyList<DashboardSummary>> ListAsync(CancellationToken cancellationToken)
    {
        if (_list is { } cached && cached.IsFresh(clock.GetUtcNow()))
        {
            return cached.Value;
        }
        List<DashboardSummary> summaries = [];
        await foreach (var entry in cloudWatch.EnumerateDashboardsAsync(new ListDashboardsRequest(), cancellationToken))
        {
            summaries.Add(new DashboardSummary(entry.DashboardName ?? "", entry.LastModified, entry.Size));
        }
        var list = summaries.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToArray();
        _list = new Cached<IReadOnlyList<DashboardSummary>>(list, clock.GetUtcNow() + options.Value.CatalogCacheDuration);
        return list;
    }

    /// <summary>The dashboard, or a lookup saying it does not exist.</summary>
    public async Task<DashboardLookup> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_dashboards.TryGetValue(name, out var cached) && cached.IsFresh(clock.GetUtcNow()))
        {
            return cached.Value;
        }
        DashboardLookup lookup;
        try
        {
            var response = await cloudWatch.GetDashboardAsync(new GetDashboardRequest(name), cancellationToken);
            lookup = new DashboardLookup(name, DashboardBodyParser.Parse(response.DashboardBody ?? ""));
        }
        catch (AwsServiceException exception) when (exception.HttpStatusCode == HttpStatusCode.NotFound || exception.ErrorCode == "ResourceNotFound")
        {
            lookup = new DashboardLookup(name, Definition: null);
        }
        _dashboards[name] = new Cached<DashboardLookup>(lookup, clock.GetUtcNow() + options.Value.CatalogCacheDuration);
        return lookup;
    }

    private sealed record Cached<T>(T Value, DateTimeOffset FreshUntil)
    {
        public bool IsFresh(DateTimeOffset now) => now < FreshUntil;
    }
}

public sealed record DashboardSummary(string Name, DateTimeOffset? LastModified, long? Size);

/// <summary>A dashboard by name; <see cref="Definition"/> is null when CloudWatch has no such dashboard.</summary>
public sealed record DashboardLookup(string Name, DashboardDefinition? Definition)
{
    public bool Exists => Definition is not null;
}
