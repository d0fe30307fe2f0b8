using System.Net;

namespace Kessan.Console.Aws.Tests.Protocol;

public sealed class ErrorClassificationTests
{
    [Theory]
    [InlineData("Throttling", 400)]
    [InlineData("ThrottlingException", 400)]
    [InlineData("TooManyRequestsException", 400)]
    [InlineData("RequestLimitExceeded", 400)]
    [InlineData("LimitExceededException", 400)]
    [InlineData("PriorRequestNotComplete", 400)]
    [InlineData("SlowDown", 503)]
    [InlineData("Anything", 429)]
    public void Throttling_is_retried_as_throttling(string code, int status)
    {
        var error = Error(code, status);

        Assert.True(error.IsThrottling);
        Assert.True(error.IsRetryable);
    }

    [Theory]
    [InlineData("InternalFailure", 500)]
    [InlineData("Anything", 502)]
    [InlineData("ServiceUnavailable", 503)]
    [InlineData("Anything", 504)]
    [InlineData("RequestTimeout", 400)]
    public void Transient_faults_are_retried_without_counting_as_throttling(string code, int status)
    {
        var error = Error(code, status);

        Assert.False(error.IsThrottling);
        Assert.True(error.IsRetryable);
    }

    [Theory]
    [InlineData("ValidationError", 400)]
    [InlineData("InvalidParameterValue", 400)]
    [InlineData("InvalidParameterCombination", 400)]
    [InlineData("MissingParameter", 400)]
    [InlineData("ResourceNotFound", 404)]
    [InlineData("AccessDenied", 403)]
    [InlineData("InvalidClientTokenId", 403)]
    public void Rejected_requests_are_not_retried(string code, int status)
    {
        Assert.False(Error(code, status).IsRetryable);
    }

    private static AwsServiceException Error(string code, int status) =>
        new(AwsService.CloudWatch, "GetMetricData", code, null, (HttpStatusCode)status, null);
}
