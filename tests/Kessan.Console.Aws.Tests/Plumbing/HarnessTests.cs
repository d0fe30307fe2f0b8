namespace Kessan.Console.Aws.Tests.Plumbing;

/// <summary>Base of test classes whose tests each get a fresh default <see cref="CloudWatchHarness"/>.</summary>
public abstract class HarnessTests : IAsyncLifetime
{
    protected CloudWatchHarness Aws { get; private set; } = null!;

    public async Task InitializeAsync() => Aws = await CloudWatchHarness.StartAsync();

    public async Task DisposeAsync() => await Aws.DisposeAsync();
}
