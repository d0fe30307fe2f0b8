using Kessan.Console.Aws.Configuration;
using Kessan.Console.Aws.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kessan.Console.Aws.Tests.Plumbing;

/// <summary>Builds a host wired by <see cref="KessanAwsRegistration.AddKessanAws"/> with test configuration, a fake
/// environment (no real variables or ~/.aws files are read), a fake clock and a fixed jitter.</summary>
public sealed class AwsClientBuilder
{
    private readonly Dictionary<string, string?> _configuration = new()
    {
        ["Aws:Region"] = TestCredentials.Region,
        ["Aws:AccessKeyId"] = TestCredentials.AccessKeyId,
        ["Aws:SecretAccessKey"] = TestCredentials.SecretAccessKey,
    };

    private readonly Dictionary<string, string> _environment = new();
    private readonly Dictionary<string, string> _profileRegions = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private double _jitter = 0.5;

    public RetryClock Clock { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>Sets (or with null removes) a configuration key such as <c>Aws:MaxAttempts</c>.</summary>
    public AwsClientBuilder With(string key, string? value)
    {
        _configuration[key] = value;
        return this;
    }

    public AwsClientBuilder WithEndpoint(Uri url) =>
        With("Aws:CloudWatchEndpoint", url.ToString()).With("Aws:LogsEndpoint", url.ToString());

    public AwsClientBuilder WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    /// <summary>The region the named profile (the SDK's default one for null) has in the fake ~/.aws/config.</summary>
    public AwsClientBuilder WithProfileRegion(string? profile, string region)
    {
        _profileRegions[profile ?? string.Empty] = region;
        return this;
    }

    public AwsClientBuilder WithJitter(double jitter)
    {
        _jitter = jitter;
        return this;
    }

    /// <summary>Registered before AddKessanAws, so its TryAdd keeps what is given here.</summary>
    public AwsClientBuilder WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public IHost Build()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(_configuration);
        builder.Logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(new AwsEnvironment(
            name => _environment.GetValueOrDefault(name),
            profile => _profileRegions.GetValueOrDefault(profile ?? string.Empty)));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton(new RetryBackoff(() => _jitter));
        foreach (var configure in _services)
        {
            configure(builder.Services);
        }

        builder.AddKessanAws();
        return builder.Build();
    }
}
