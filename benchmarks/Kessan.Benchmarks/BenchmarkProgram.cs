using BenchmarkDotNet.Running;

namespace Kessan.Benchmarks;

/// <summary>`dotnet run -c Release --project benchmarks/Kessan.Benchmarks -- --filter '*'`; docs/benchmarks.md lists each benchmark.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
