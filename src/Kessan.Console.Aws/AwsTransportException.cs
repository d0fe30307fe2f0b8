namespace Kessan.Console.Aws;

/// <summary>A call got no usable answer: the connection failed, every attempt timed out, or the reply was not the
/// JSON the operation returns. Names the endpoint host, never credentials.</summary>
public sealed class AwsTransportException(AwsService service, string operation, string endpointHost, int attempts, string reason, Exception? inner = null)
    : Exception($"{service} {operation} to {endpointHost} failed after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}: {reason}", inner)
{
    public AwsService Service { get; } = service;

    public string Operation { get; } = operation;

    public string EndpointHost { get; } = endpointHost;

    public int Attempts { get; } = attempts;
}
