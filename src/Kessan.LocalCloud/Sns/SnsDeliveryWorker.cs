using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Sns;

/// <summary>Posts queued messages to their endpoints as Amazon SNS does — the x-amz-sns-* headers, text/plain
/// body — retrying with SNS's default HTTP/S delivery policy: three retries twenty seconds apart (on the injected
/// clock). A 2xx answer is delivered; 5xx, 429, timeouts and refused connections are retried; another 4xx is a
/// refusal and is not. Each delivery runs on its own, so a slow endpoint delays nobody else. Subscribes the
/// configured endpoints once LocalCloud listens, as their confirmations carry its address.</summary>
public sealed partial class SnsDeliveryWorker(
    SnsDeliveryQueue queue,
    SnsTopics topics,
    IOptions<SnsOptions> options,
    IHttpClientFactory httpClients,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<SnsDeliveryWorker> logger) : BackgroundService
{
    public const string HttpClientName = "LocalCloud.Sns";
    public const int Retries = 3;
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(20);

    /// <summary>Per attempt, as SNS waits for an HTTP/S endpoint.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        foreach (var configured in options.Value.Subscriptions)
        {
            // Validated at start-up: both are present and well-formed.
            topics.Subscribe(configured.TopicArn!, new Uri(configured.Endpoint!));
        }

        await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = DeliverAsync(delivery, stoppingToken);
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private async Task DeliverAsync(SnsDelivery delivery, CancellationToken stoppingToken)
    {
        var attempts = 0;
        Attempt attempt;
        try
        {
            while (true)
            {
                attempts++;
                attempt = await AttemptAsync(delivery, stoppingToken);
                if (attempt.Error is null || !attempt.Retryable || attempts > Retries)
                {
                    break;
                }

                LogRetrying(delivery.Message.Type, delivery.Subscription.Arn, attempts, attempt.Error, RetryDelay);
                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            delivery.Outcome.TrySetCanceled(stoppingToken);
            return;
        }
        catch (Exception exception)
        {
            // Nobody awaits a delivery but its outcome: a failure of ours must still end it, as a failed delivery.
            LogCrashed(exception, delivery.Message.Type, delivery.Subscription.Arn);
            attempt = new Attempt(null, "LocalCloud failed to send the message; its log has the details", false);
        }

        if (attempt.Error is null)
        {
            LogDelivered(delivery.Message.Type, delivery.Message.MessageId, delivery.Subscription.Arn, attempts);
        }
        else
        {
            LogFailed(delivery.Message.Type, delivery.Message.MessageId, delivery.Subscription.Arn, attempts, attempt.Error);
        }

        delivery.Outcome.TrySetResult(new SnsDeliveryResult(delivery.Subscription.Arn, attempt.Error is null, attempts, attempt.StatusCode, attempt.Error));
    }

    private async Task<Attempt> AttemptAsync(SnsDelivery delivery, CancellationToken stoppingToken)
    {
        var message = delivery.Message;
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Subscription.Endpoint)
        {
            Content = new StringContent(message.ToJson(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain; charset=UTF-8");
        request.Headers.Add("x-amz-sns-message-type", message.Type);
        request.Headers.Add("x-amz-sns-message-id", message.MessageId);
        request.Headers.Add("x-amz-sns-topic-arn", message.TopicArn);
        if (message.Type == SnsMessage.Notification)
        {
            request.Headers.Add("x-amz-sns-subscription-arn", delivery.Subscription.Arn);
        }

        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stoppingToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new Attempt(status, null, false)
                : new Attempt(status, $"the endpoint answered HTTP {status}", status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests);
        }
        catch (HttpRequestException error)
        {
            return new Attempt(null, $"the endpoint could not be reached ({error.HttpRequestError})", true);
        }
        catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new Attempt(null, $"the endpoint did not answer within {AttemptTimeout.TotalSeconds:0} seconds", true);
        }
    }

    private readonly record struct Attempt(int? StatusCode, string? Error, bool Retryable);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending SNS {MessageType} to {SubscriptionArn} failed inside LocalCloud")]
    private partial void LogCrashed(Exception exception, string messageType, string subscriptionArn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SNS {MessageType} to {SubscriptionArn}: attempt {Attempt} failed ({Error}); retrying in {RetryDelay}")]
    private partial void LogRetrying(string messageType, string subscriptionArn, int attempt, string error, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SNS {MessageType} {MessageId} delivered to {SubscriptionArn} after {Attempts} attempt(s)")]
    private partial void LogDelivered(string messageType, string messageId, string subscriptionArn, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "SNS {MessageType} {MessageId} not delivered to {SubscriptionArn} after {Attempts} attempt(s): {Error}")]
    private partial void LogFailed(string messageType, string messageId, string subscriptionArn, int attempts, string error);
}
