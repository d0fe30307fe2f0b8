namespace Kessan.Benchmarks.Viewers;

/// <summary>One person looking at a dashboard through the console's real page code.</summary>
internal interface IDashboardViewer : IAsyncDisposable
{
    /// <summary>Completes once every metric widget's footer starts with <paramref name="status"/>
    /// (e.g. "Updated 12:00:10"): the refresh of that moment has reached this viewer.</summary>
    Task WaitForStatusAsync(string status, TimeSpan timeout);
}
