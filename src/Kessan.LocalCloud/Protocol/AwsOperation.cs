using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Kessan.LocalCloud.Protocol;

/// <summary>One operation of an <see cref="AwsJsonService"/>: how to read its input, run it and write its output.</summary>
public sealed class AwsOperation
{
    private readonly Func<object, CancellationToken, object> _invoke;

    private AwsOperation(string name, JsonTypeInfo input, JsonTypeInfo output, Func<object, CancellationToken, object> invoke)
    {
        Name = name;
        Input = input;
        Output = output;
        _invoke = invoke;
    }

    public string Name { get; }

    public JsonTypeInfo Input { get; }

    public JsonTypeInfo Output { get; }

    public static AwsOperation Create<TInput, TOutput>(string name, JsonSerializerOptions options, Func<TInput, CancellationToken, TOutput> handler)
        where TInput : class
        where TOutput : class =>
        new(name, options.GetTypeInfo(typeof(TInput)), options.GetTypeInfo(typeof(TOutput)),
            (input, cancellationToken) => handler((TInput)input, cancellationToken));

    /// <summary>Builds a service's operation table, keyed by the name that follows the target prefix.</summary>
    public static IReadOnlyDictionary<string, AwsOperation> Table(params AwsOperation[] operations) =>
        operations.ToDictionary(operation => operation.Name, StringComparer.Ordinal);

    public object Invoke(object input, CancellationToken cancellationToken) => _invoke(input, cancellationToken);
}
