using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Kessan.Benchmarks.Engines;

/// <summary>In process (the hosts under test start once, in GlobalSetup, instead of in a rebuilt child project), one
/// invocation per iteration so that every measurement is one logical request and p95 is a p95 of requests. No forced
/// collection before each iteration: a console's requests do not follow a full GC either.</summary>
public sealed class EngineConfig : ManualConfig
{
    public EngineConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(10)
            .WithIterationCount(30)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithGcForce(false));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.P95);
    }
}
