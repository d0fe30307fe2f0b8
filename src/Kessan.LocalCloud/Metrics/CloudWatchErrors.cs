using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Metrics;

/// <summary>CloudWatch's modelled errors: shape, awsQuery code and status as in the service model
/// (@aws-sdk/client-cloudwatch schemas), so the SDKs raise their own exception types for them.</summary>
public static class CloudWatchErrors
{
    private const string Namespace = "com.amazonaws.cloudwatch#";

    public static AwsServiceException InvalidParameterValue(string message) =>
        new(Namespace + "InvalidParameterValueException", "InvalidParameterValue", 400, message);

    public static AwsServiceException InvalidParameterCombination(string message) =>
        new(Namespace + "InvalidParameterCombinationException", "InvalidParameterCombination", 400, message);

    public static AwsServiceException MissingParameter(string parameter) =>
        new(Namespace + "MissingRequiredParameterException", "MissingParameter", 400, $"The parameter {parameter} is required.");

    public static AwsServiceException InvalidNextToken(string message) =>
        new(Namespace + "InvalidNextToken", "InvalidNextToken", 400, message);

    public static AwsServiceException DashboardNotFound(string dashboardName) =>
        new(Namespace + "DashboardNotFoundError", "ResourceNotFound", 404, $"Dashboard {dashboardName} does not exist");

    public static AwsServiceException AlarmNotFound(string alarmName) =>
        new(Namespace + "ResourceNotFound", "ResourceNotFound", 404, $"Alarm {alarmName} does not exist");

    public static AwsServiceException LimitExceeded(string message) =>
        new(Namespace + "LimitExceededFault", "LimitExceeded", 400, message);

    public static AwsServiceException InvalidFormat(string message) =>
        new(Namespace + "InvalidFormatFault", "InvalidFormat", 400, message);

    public static AwsServiceException InternalServiceError() =>
        new(Namespace + "InternalServiceFault", "InternalServiceError", 500, "LocalCloud failed to process the request; its log has the details.");
}
