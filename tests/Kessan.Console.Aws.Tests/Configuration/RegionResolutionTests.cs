using Kessan.Console.Aws.Tests.Plumbing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Aws.Tests.Configuration;

/// <summary>Where the region and profile come from, in the order the AWS SDKs use.</summary>
public sealed class RegionResolutionTests
{
    [Fact]
    public void The_Aws_section_wins_over_the_environment()
    {
        var options = Resolve(new AwsClientBuilder()
            .With("Aws:Region", "eu-west-1")
            .WithEnvironment("AWS_REGION", "us-east-1")
            .WithEnvironment("AWS_DEFAULT_REGION", "us-west-2"));

        Assert.Equal("eu-west-1", options.Region);
    }

    [Fact]
    public void AWS_REGION_comes_before_AWS_DEFAULT_REGION()
    {
        var options = Resolve(new AwsClientBuilder()
            .With("Aws:Region", null)
            .WithEnvironment("AWS_REGION", "us-east-1")
            .WithEnvironment("AWS_DEFAULT_REGION", "us-west-2")
            .WithProfileRegion(null, "eu-central-1"));

        Assert.Equal("us-east-1", options.Region);
    }

    [Fact]
    public void AWS_DEFAULT_REGION_comes_before_the_profile()
    {
        var options = Resolve(new AwsClientBuilder()
            .With("Aws:Region", null)
            .WithEnvironment("AWS_DEFAULT_REGION", "us-west-2")
            .WithProfileRegion(null, "eu-central-1"));

        Assert.Equal("us-west-2", options.Region);
    }

    [Fact]
    public void The_default_profile_region_is_the_last_resort()
    {
        var options = Resolve(new AwsClientBuilder().With("Aws:Region", null).WithProfileRegion(null, "eu-central-1"));

        Assert.Equal("eu-central-1", options.Region);
    }

    [Fact]
    public void AWS_PROFILE_names_the_profile_whose_region_is_used()
    {
        var options = Resolve(new AwsClientBuilder()
            .With("Aws:Region", null)
            .WithEnvironment("AWS_PROFILE", "kessan-prod")
            .WithProfileRegion(null, "eu-central-1")
            .WithProfileRegion("kessan-prod", "ap-northeast-1"));

        Assert.Equal(("kessan-prod", "ap-northeast-1"), (options.Profile, options.Region));
    }

    [Fact]
    public void The_Aws_section_profile_wins_over_AWS_PROFILE()
    {
        var options = Resolve(new AwsClientBuilder()
            .With("Aws:Region", null)
            .With("Aws:Profile", "kessan-staging")
            .WithEnvironment("AWS_PROFILE", "kessan-prod")
            .WithProfileRegion("kessan-staging", "us-west-2"));

        Assert.Equal(("kessan-staging", "us-west-2"), (options.Profile, options.Region));
    }

    [Fact]
    public async Task Start_up_fails_naming_every_place_a_region_can_be_set()
    {
        using var host = new AwsClientBuilder().With("Aws:Region", null).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(
            "No AWS region: set Aws:Region, or the AWS_REGION or AWS_DEFAULT_REGION environment variable, or a region in the AWS profile.",
            error.Message);
    }

    private static AwsOptions Resolve(AwsClientBuilder builder)
    {
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<AwsOptions>>().Value;
    }
}
