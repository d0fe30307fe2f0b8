using Kessan.Console.Aws.Tests.Plumbing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Tests.Configuration;

/// <summary>A misconfigured console refuses to start and says which key is wrong.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Aws:Region", "Tokyo", "Aws:Region (or AWS_REGION, AWS_DEFAULT_REGION) must be an AWS region name such as ap-northeast-1.")]
    [InlineData("Aws:MaxAttempts", "0", "Aws:MaxAttempts must be between 1 and 10.")]
    [InlineData("Aws:MaxAttempts", "11", "Aws:MaxAttempts must be between 1 and 10.")]
    [InlineData("Aws:AttemptTimeout", "00:00:00", "Aws:AttemptTimeout must be between 00:00:01 and 00:10:00.")]
    [InlineData("Aws:SecretAccessKey", null, "Aws:AccessKeyId and Aws:SecretAccessKey go together: set both, or neither to use the AWS credential chain.")]
    [InlineData("Aws:CloudWatchEndpoint", "localhost:4566", "Aws:CloudWatchEndpoint must be an http or https URL such as http://127.0.0.1:4566 or https://monitoring.ap-northeast-1.amazonaws.com.")]
    [InlineData("Aws:LogsEndpoint", "logs.example", "Aws:LogsEndpoint must be an absolute URL such as http://127.0.0.1:4566 or https://monitoring.ap-northeast-1.amazonaws.com.")]
    [InlineData("Aws:CloudWatchEndpoint", "http://127.0.0.1:4566/cloudwatch", "Aws:CloudWatchEndpoint must be a base URL without path, query or fragment, such as http://127.0.0.1:4566 or https://monitoring.ap-northeast-1.amazonaws.com.")]
    public async Task Start_up_fails_with_a_message_naming_the_key(string key, string? value, string message)
    {
        using var host = new AwsClientBuilder().With(key, value).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_session_token_without_keys_is_refused()
    {
        using var host = new AwsClientBuilder()
            .With("Aws:AccessKeyId", null).With("Aws:SecretAccessKey", null).With("Aws:SessionToken", "token")
            .Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Aws:SessionToken needs Aws:AccessKeyId and Aws:SecretAccessKey.", error.Message);
    }

    [Fact]
    public async Task Defaults_start()
    {
        using var host = new AwsClientBuilder().Build();

        await host.StartAsync();
        await host.StopAsync();
    }
}
