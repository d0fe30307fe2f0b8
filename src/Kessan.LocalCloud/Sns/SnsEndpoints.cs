using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Xml.Linq;

namespace Kessan.LocalCloud.Sns;

/// <summary>SNS's HTTP surface in LocalCloud: the admin endpoint that subscribes an HTTP/S endpoint, and the URLs
/// SNS messages point to — SubscribeURL (answering ConfirmSubscriptionResponse XML like SNS), UnsubscribeURL and
/// the signing certificate.</summary>
public static class SnsEndpoints
{
    public const string SubscriptionsPath = "/_localcloud/sns/subscriptions";
    public const string ConfirmPath = "/_localcloud/sns/confirm";
    public const string UnsubscribePath = "/_localcloud/sns/unsubscribe";
    public const string CertificatePath = "/_localcloud/sns/SimpleNotificationService.pem";

    private const string Example = """{"topicArn":"arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts","endpoint":"http://127.0.0.1:5000/api/sns"}""";
    private static readonly XNamespace Sns = "http://sns.amazonaws.com/doc/2010-03-31/";

    public static IEndpointRouteBuilder MapSnsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SubscriptionsPath, SubscribeAsync);
        endpoints.MapGet(ConfirmPath, Confirm);
        endpoints.MapGet(UnsubscribePath, Unsubscribe);
        endpoints.MapGet(CertificatePath, (SnsSigner signer) => Results.Text(signer.CertificatePem, "application/x-pem-file"));
        return endpoints;
    }

    /// <summary>An absolute http:// or https:// URL, the only endpoints LocalCloud's SNS delivers to.</summary>
    public static bool TryParseEndpoint(string? text, [NotNullWhen(true)] out Uri? endpoint) =>
        Uri.TryCreate(text, UriKind.Absolute, out endpoint) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps);

    internal static async Task<IResult> SubscribeAsync(HttpRequest request, SnsTopics topics, CancellationToken cancellationToken)
    {
        SubscribeRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, SnsJsonContext.Default.SubscribeRequest, cancellationToken);
        }
        catch (JsonException)
        {
            return BadRequest($"The body must be a JSON object such as {Example}.");
        }

        if (body?.TopicArn is not { } topicArn || !SnsArns.IsTopic(topicArn))
        {
            return BadRequest($"\"topicArn\" must be a topic ARN such as arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts; the body should look like {Example}.");
        }

        if (!TryParseEndpoint(body.Endpoint, out var endpoint))
        {
            return BadRequest("\"endpoint\" must be an absolute http:// or https:// URL that LocalCloud can POST to.");
        }

        var (subscription, created) = topics.Subscribe(topicArn, endpoint);
        var view = new SubscriptionView(subscription.Arn, subscription.TopicArn, !subscription.Confirmed);
        return Results.Json(view, SnsJsonContext.Default.SubscriptionView, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    internal static IResult Confirm(string? topicArn, string? token, SnsTopics topics)
    {
        if (topicArn is null || token is null || topics.Confirm(topicArn, token) is not { } subscription)
        {
            return ErrorXml(StatusCodes.Status400BadRequest, "InvalidParameter", "Invalid token");
        }

        return Xml(StatusCodes.Status200OK, new XElement(Sns + "ConfirmSubscriptionResponse",
            new XElement(Sns + "ConfirmSubscriptionResult", new XElement(Sns + "SubscriptionArn", subscription.Arn)),
            Metadata()));
    }

    internal static IResult Unsubscribe(string? subscriptionArn, SnsTopics topics) =>
        subscriptionArn is not null && topics.Unsubscribe(subscriptionArn)
            ? Xml(StatusCodes.Status200OK, new XElement(Sns + "UnsubscribeResponse", Metadata()))
            : ErrorXml(StatusCodes.Status404NotFound, "NotFound", "Subscription does not exist");

    private static XElement Metadata() => new(Sns + "ResponseMetadata", new XElement(Sns + "RequestId", Guid.NewGuid().ToString()));

    private static IResult ErrorXml(int status, string code, string message) =>
        Xml(status, new XElement(Sns + "ErrorResponse",
            new XElement(Sns + "Error", new XElement(Sns + "Type", "Sender"), new XElement(Sns + "Code", code), new XElement(Sns + "Message", message)),
            new XElement(Sns + "RequestId", Guid.NewGuid().ToString())));

    private static IResult Xml(int status, XElement element) =>
        Results.Text(new XDocument(element).ToString(), "text/xml", statusCode: status);

    private static IResult BadRequest(string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: detail);
}
