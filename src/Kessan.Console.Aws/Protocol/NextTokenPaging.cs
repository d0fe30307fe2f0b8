using System.Runtime.CompilerServices;

namespace Kessan.Console.Aws.Protocol;

/// <summary>Follows a listing's <c>NextToken</c>/<c>nextToken</c> across pages, asking for the next page only when the
/// caller reads past the current one. Each service's pagination helpers are one line on top of this.</summary>
internal static class NextTokenPaging
{
    public static async IAsyncEnumerable<TResponse> PagesAsync<TRequest, TResponse>(
        TRequest request,
        Func<TRequest, CancellationToken, Task<TResponse>> call,
        Func<TResponse, string?> nextToken,
        Func<TRequest, string, TRequest> withToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? sent = null;
        while (true)
        {
            var page = await call(request, cancellationToken);
            yield return page;

            // A token equal to the one just sent would ask for the same page forever.
            if (nextToken(page) is not { Length: > 0 } token || token == sent)
            {
                yield break;
            }

            request = withToken(request, token);
            sent = token;
        }
    }

    public static async IAsyncEnumerable<TItem> ItemsAsync<TResponse, TItem>(
        IAsyncEnumerable<TResponse> pages,
        Func<TResponse, IReadOnlyList<TItem>?> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }
        }
    }
}
