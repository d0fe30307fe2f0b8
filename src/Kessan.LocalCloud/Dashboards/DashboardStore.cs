using System.Collections.Concurrent;
using System.Text;

namespace Kessan.LocalCloud.Dashboards;

/// <summary>Dashboards by name, as PutDashboard left them.</summary>
public sealed class DashboardStore(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, StoredDashboard> _dashboards = new(StringComparer.Ordinal);

    public void Put(string name, string body) =>
        _dashboards[name] = new StoredDashboard(name, body, clock.GetUtcNow(), Encoding.UTF8.GetByteCount(body));

    public StoredDashboard? Find(string name) => _dashboards.GetValueOrDefault(name);

    /// <summary>All dashboards whose name starts with <paramref name="prefix"/>, ordered by name as CloudWatch lists them.</summary>
    public IReadOnlyList<StoredDashboard> List(string? prefix) =>
        _dashboards.Values
            .Where(d => prefix is null || d.Name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
}

public sealed record StoredDashboard(string Name, string Body, DateTimeOffset LastModified, long Size);
