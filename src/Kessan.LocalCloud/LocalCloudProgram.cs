namespace Kessan.LocalCloud;

/// <summary>Standalone LocalCloud: <c>dotnet run --project src/Kessan.LocalCloud</c>, listening on http://127.0.0.1:4566.
/// Settings come from environment variables and arguments (<c>--LocalCloud:Environment=staging</c>).</summary>
public static class LocalCloudProgram
{
    public static async Task Main(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        await using var app = LocalCloudHost.Build(configuration);
        await app.RunAsync();
    }
}
