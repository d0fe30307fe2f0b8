using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts.Sources;

/// <summary><c>POST /api/sns</c>: the SNS HTTP subscription endpoint. Confirms subscriptions of allowed topics,
/// records CloudWatch alarm notifications, and refuses (403) anything unsigned, tampered, signed with an untrusted
/// certificate or from another topic. The signature is the authentication; no user is signed in.</summary>
public sealed partial class SnsEndpoint(
    SnsSignatureVerifier verifier,
    SnsTrust trust,
    AlertStore store,
    AlarmSeverityMap severities,
    IHttpClientFactory httpClientFactory,
    ILogger<SnsEndpoint> logger)
{
    public const string Path = "/api/sns";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // SNS posts JSON as text/plain, so the body is read whatever the content type says.
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (!SnsMessage.TryParse(body, out var message, out var error))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an SNS message", detail: error);
        }
        if (await verifier.VerifyAsync(message, cancellationToken) is { } refusal)
        {
            LogRefused(message.Type, message.MessageId, refusal);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "SNS message refused", detail: refusal);
        }
        if (!trust.IsAllowedTopic(message.TopicArn))
        {
            LogTopicRefused(message.TopicArn);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "SNS message refused",
                detail: $"Topic {message.TopicArn} is not in Alerts:Sns:TopicArns.");
        }
        return message.Type switch
        {
            SnsMessage.SubscriptionConfirmation => await ConfirmAsync(message, cancellationToken),
            SnsMessage.Notification => await RecordAsync(message, cancellationToken),
            _ => Unsubscribed(message),
        };
    }

    private async Task<IResult> ConfirmAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        // The SubscribeURL is covered by the signature just checked, so it comes from SNS itself.
        using var client = httpClientFactory.CreateClient(SnsSignatureVerifier.HttpClientName);
        try
        {
            using var response = await client.GetAsync(message.SubscribeUrl, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (HttpRequestException exception)
        {
            LogConfirmationFailed(exception, message.TopicArn);
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Subscription not confirmed",
                detail: $"SNS did not accept the confirmation: {exception.Message}");
        }
        LogConfirmed(message.TopicArn);
        return Results.Ok();
    }

    private async Task<IResult> RecordAsync(SnsMessage message, CancellationToken cancellationToken)
    {
        if (!AlarmTransition.TryReadNotification(message.Message, out var transition, out var error))
        {
            // Other publishers may share the topic; answering with an error would only make SNS retry.
            LogNotAnAlarm(message.MessageId, message.TopicArn, error);
            return Results.Ok();
        }
        if (transition.ToSignal(severities) is { } signal)
        {
            var outcome = await store.RecordAsync(signal, cancellationToken);
            LogRecorded(transition.AlarmName, transition.NewState, outcome.GetType().Name);
        }
        return Results.Ok();
    }

    private IResult Unsubscribed(SnsMessage message)
    {
        LogUnsubscribed(message.TopicArn);
        return Results.Ok();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an SNS {Type} message {MessageId}: {Reason}")]
    private partial void LogRefused(string type, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a signed SNS message from topic {TopicArn}, which is not in Alerts:Sns:TopicArns")]
    private partial void LogTopicRefused(string topicArn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmed the SNS subscription to {TopicArn}")]
    private partial void LogConfirmed(string topicArn);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not confirm the SNS subscription to {TopicArn}")]
    private partial void LogConfirmationFailed(Exception exception, string topicArn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored SNS message {MessageId} from {TopicArn}: {Reason}")]
    private partial void LogNotAnAlarm(string messageId, string topicArn, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "SNS: alarm {AlarmName} went to {State}: {Outcome}")]
    private partial void LogRecorded(string alarmName, string state, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "The SNS subscription to {TopicArn} was cancelled")]
    private partial void LogUnsubscribed(string topicArn);
}
