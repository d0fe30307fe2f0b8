using Kessan.Console.Shared.Time;

namespace Kessan.Console.Features.Dashboards;

/// <summary>Addresses of dashboard pages that carry the current view's time along.</summary>
public static class DashboardLinks
{
    public static string List(ViewTime time) => "/dashboards" + time.ToQueryString();

    public static string To(string name, ViewTime time) => $"/dashboards/{Uri.EscapeDataString(name)}{time.ToQueryString()}";
}
