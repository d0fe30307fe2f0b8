using System.Text.Json;
using System.Text.RegularExpressions;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Metrics;
using Kessan.LocalCloud.Protocol;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Dashboards;

/// <summary>ListDashboards, GetDashboard and PutDashboard over the <see cref="DashboardStore"/>.</summary>
internal sealed partial class DashboardOperations(DashboardStore store, IOptions<LocalCloudOptions> options)
{
    public const int PageSize = 1000;
    private const string Listing = "ListDashboards";

    public ListDashboardsResponse List(ListDashboardsRequest request, CancellationToken cancellationToken)
    {
        if (request.DashboardNamePrefix is { } prefix && !PrefixPattern().IsMatch(prefix))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {prefix} for parameter DashboardNamePrefix is not valid: use up to 255 characters of A-Z, a-z, 0-9, '.', '-' and '_'.");
        }

        string? after = null;
        if (request.NextToken is { } token && !PageToken.TryDecodeText(token, Listing, out after))
        {
            throw CloudWatchErrors.InvalidNextToken("The NextToken was not issued by ListDashboards.");
        }

        var remaining = store.List(request.DashboardNamePrefix)
            .Where(dashboard => after is null || string.CompareOrdinal(dashboard.Name, after) > 0)
            .ToList();
        var page = remaining.Take(PageSize).ToList();
        return new ListDashboardsResponse
        {
            DashboardEntries = page.Select(dashboard => new DashboardEntry
            {
                DashboardName = dashboard.Name,
                DashboardArn = Arn(dashboard.Name),
                LastModified = dashboard.LastModified,
                Size = dashboard.Size,
            }).ToList(),
            NextToken = remaining.Count > PageSize ? PageToken.EncodeText(Listing, page[^1].Name) : null,
        };
    }

    public GetDashboardResponse Get(GetDashboardRequest request, CancellationToken cancellationToken)
    {
        var dashboard = store.Find(request.DashboardName) ?? throw CloudWatchErrors.DashboardNotFound(request.DashboardName);
        return new GetDashboardResponse { DashboardArn = Arn(dashboard.Name), DashboardBody = dashboard.Body, DashboardName = dashboard.Name };
    }

    public PutDashboardResponse Put(PutDashboardRequest request, CancellationToken cancellationToken)
    {
        if (!NamePattern().IsMatch(request.DashboardName))
        {
            throw new DashboardInvalidInputException(
                [new DashboardValidationMessage(null, "The dashboard name must be 1 to 255 characters of A-Z, a-z, 0-9, '-' and '_'.")]);
        }

        if (BodyProblem(request.DashboardBody) is { } problem)
        {
            throw new DashboardInvalidInputException([problem]);
        }

        store.Put(request.DashboardName, request.DashboardBody);
        return new PutDashboardResponse();
    }

    private static DashboardValidationMessage? BodyProblem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? new DashboardValidationMessage("", "The dashboard body must be a JSON object.")
                : !document.RootElement.TryGetProperty("widgets", out var widgets) || widgets.ValueKind != JsonValueKind.Array
                    ? new DashboardValidationMessage("/widgets", "The dashboard body must have a \"widgets\" array.")
                    : null;
        }
        catch (JsonException error)
        {
            return new DashboardValidationMessage("", $"The dashboard body is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}).");
        }
    }

    private string Arn(string name) => $"arn:aws:cloudwatch::{options.Value.AccountId}:dashboard/{name}";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{0,255}$")]
    private static partial Regex PrefixPattern();
}
