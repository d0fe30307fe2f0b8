using BenchmarkDotNet.Running;
using Kessan.Benchmarks.Alerts;
using Kessan.Benchmarks.Rendering;
using Kessan.Benchmarks.Retention;
using Kessan.Benchmarks.Viewers;

namespace Kessan.Benchmarks;

/// <summary>Load drivers by name (<c>-- viewers</c>, …); anything else goes to BenchmarkDotNet
/// (<c>-- --filter '*GetMetricData*'</c>). docs/benchmarks.md lists each measurement and its command.</summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        // WebApplicationFactory finds the console's content root through MvcTestingAppManifest.json in the current
        // directory, which is the output folder only when run from there; BenchmarkDotNet's artifacts land there too.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        switch (args)
        {
            case [ViewerLoadDriver.Command, .. var rest]:
                await ViewerLoadDriver.RunAsync(rest);
                break;
            case [RetentionMemoryDriver.Command]:
                await RetentionMemoryDriver.RunAsync();
                break;
            case [FirstRenderDriver.Command]:
                await FirstRenderDriver.RunAsync();
                break;
            case [AlertFanOutDriver.Command]:
                await AlertFanOutDriver.RunAsync();
                break;
            case [IncidentToScreenDriver.Command]:
                await IncidentToScreenDriver.RunAsync();
                break;
            case [AcknowledgementDriver.Command]:
                await AcknowledgementDriver.RunAsync();
                break;
            case [LogRowsDriver.Command]:
                await LogRowsDriver.RunAsync();
                break;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
                break;
        }
    }
}
