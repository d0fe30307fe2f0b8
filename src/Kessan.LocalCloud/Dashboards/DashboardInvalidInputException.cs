using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Dashboards;

/// <summary>PutDashboard's rejection, listing what is wrong in <c>dashboardValidationMessages</c>.</summary>
public sealed class DashboardInvalidInputException(IReadOnlyList<DashboardValidationMessage> validationMessages)
    : AwsServiceException("com.amazonaws.cloudwatch#DashboardInvalidInputError", "InvalidParameterInput", 400,
        "The input for the dashboard is not valid: " + string.Join(" ", validationMessages.Select(message => message.Message)))
{
    public IReadOnlyList<DashboardValidationMessage> ValidationMessages { get; } = validationMessages;

    public override void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WritePropertyName("dashboardValidationMessages");
        JsonSerializer.Serialize(writer, ValidationMessages, CloudWatchJsonContext.Default.IReadOnlyListDashboardValidationMessage);
    }
}
