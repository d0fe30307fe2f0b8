using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Sources;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Tests.Alerts;

public sealed class SnsTrustTests
{
    private readonly SnsTrust _trust = new(Options.Create(new AlertOptions()));

    [Theory]
    [InlineData("https://sns.ap-northeast-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem")]
    public void An_https_certificate_on_an_SNS_host_is_trusted(string url) => Assert.Null(_trust.CheckCertificateUrl(url));

    [Theory]
    [InlineData("http://sns.ap-northeast-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.ap-northeast-1.amazonaws.com.attacker.example/cert.pem")]
    [InlineData("https://attacker.example/sns.ap-northeast-1.amazonaws.com/cert.pem")]
    [InlineData("https://sns.ap-northeast-1.amazonaws.com:8443/SimpleNotificationService-abc.pem")]
    [InlineData("not a url")]
    public void Any_other_certificate_url_is_refused(string url) => Assert.NotNull(_trust.CheckCertificateUrl(url));

    [Fact]
    public void LocalClouds_certificate_is_trusted_only_once_local_mode_trusts_it()
    {
        const string url = "http://127.0.0.1:4566/_localcloud/sns/SimpleNotificationService.pem";
        Assert.NotNull(_trust.CheckCertificateUrl(url));

        _trust.Trust(new Uri("http://127.0.0.1:4566/_localcloud/sns/"), "arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts");

        Assert.Null(_trust.CheckCertificateUrl(url));
        Assert.True(_trust.IsAllowedTopic("arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts"));
    }
}
