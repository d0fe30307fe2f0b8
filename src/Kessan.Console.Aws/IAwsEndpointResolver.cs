namespace Kessan.Console.Aws;

/// <summary>Where requests to a service go. Asked on every call, so local mode can answer with the address its
/// embedded server got when it started.</summary>
public interface IAwsEndpointResolver
{
    Uri Resolve(AwsService service);
}
