using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Console.Aws.Tests.Plumbing;

/// <summary>A fake clock that reports every timer the client starts (its backoff waits, its attempt deadlines), so
/// a test can advance exactly through them instead of sleeping.</summary>
public sealed class RetryClock : FakeTimeProvider
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public RetryClock()
        : base(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (with a deadline) until the client starts a timer shorter than <paramref name="limit"/>, e.g. a backoff wait.</summary>
    public async Task<TimeSpan> WaitForTimerShorterThanAsync(TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(deadline.Token);
            if (due < limit)
            {
                return due;
            }
        }
    }

    /// <summary>Until <paramref name="call"/> ends, advances through each wait shorter than
    /// <paramref name="attemptTimeout"/> (the backoff waits) and returns them in order; attempt deadlines are left alone.</summary>
    public async Task<IReadOnlyList<TimeSpan>> AdvanceThroughBackoffAsync(Task call, TimeSpan attemptTimeout)
    {
        var waits = new List<TimeSpan>();
        using var deadline = new CancellationTokenSource(Deadline);
        while (!call.IsCompleted)
        {
            await Task.WhenAny(call, _timers.Reader.WaitToReadAsync(deadline.Token).AsTask());
            deadline.Token.ThrowIfCancellationRequested();
            while (_timers.Reader.TryRead(out var due))
            {
                if (due < attemptTimeout)
                {
                    waits.Add(due);
                    Advance(due);
                }
            }
        }

        return waits;
    }
}
