using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Metrics;

/// <summary>ListMetrics: filters by namespace, name and dimensions, pages of 500.</summary>
internal sealed class ListMetricsOperation(MetricStore store)
{
    public const int PageSize = 500;
    public const int MaxDimensionFilters = 10;
    private const string Listing = "ListMetrics";
    private static readonly TimeSpan RecentlyActiveWindow = TimeSpan.FromHours(3);

    public ListMetricsResponse Handle(ListMetricsRequest request, CancellationToken cancellationToken)
    {
        if (request.Dimensions is { Count: > MaxDimensionFilters })
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection Dimensions must not have a size greater than {MaxDimensionFilters}.");
        }

        if (request.RecentlyActive is not (null or "PT3H"))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {request.RecentlyActive} for parameter RecentlyActive is not valid: the only value is PT3H.");
        }

        string? after = null;
        if (request.NextToken is { } token && !PageToken.TryDecodeText(token, Listing, out after))
        {
            throw CloudWatchErrors.InvalidNextToken("The NextToken was not issued by ListMetrics.");
        }

        var filter = new MetricFilter(request.Namespace, request.MetricName, request.Dimensions,
            request.RecentlyActive is null ? null : RecentlyActiveWindow);
        var page = store.List(filter, after, PageSize);
        return new ListMetricsResponse
        {
            Metrics = page.Metrics,
            NextToken = page.LastKey is null ? null : PageToken.EncodeText(Listing, page.LastKey),
        };
    }
}
