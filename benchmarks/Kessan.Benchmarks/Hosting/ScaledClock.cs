namespace Kessan.Benchmarks.Hosting;

/// <summary>A clock that runs <see cref="Rate"/> times faster than the system's from the moment it is made: its
/// time, its timestamps and its timers (a timer of one minute fires after 60 / <see cref="Rate"/> real seconds).
/// With it, what takes simulated minutes (LocalCloud's once-a-minute alarm evaluation over 5-minute periods) takes
/// real seconds; a setting meant as a real duration is given multiplied by <see cref="Rate"/>.</summary>
public sealed class ScaledClock : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _realStart;

    public ScaledClock(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 1);
        Rate = rate;
        _start = TimeProvider.System.GetUtcNow();
        _realStart = TimeProvider.System.GetTimestamp();
    }

    public double Rate { get; }

    public override DateTimeOffset GetUtcNow() => _start + Simulated(TimeProvider.System.GetElapsedTime(_realStart));

    public override long GetTimestamp() => _realStart + (long)((TimeProvider.System.GetTimestamp() - _realStart) * Rate);

    /// <summary>The system's time when this clock showed (or will show) <paramref name="simulated"/>.</summary>
    public DateTimeOffset RealTime(DateTimeOffset simulated) => _start + (simulated - _start) / Rate;

    /// <summary>A simulated duration of <paramref name="real"/> on the system's clock.</summary>
    public TimeSpan Simulated(TimeSpan real) => real * Rate;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(TimeProvider.System.CreateTimer(callback, state, Real(dueTime), Real(period)), this);

    private TimeSpan Real(TimeSpan simulated) => simulated == Timeout.InfiniteTimeSpan ? simulated : simulated / Rate;

    private sealed class ScaledTimer(ITimer timer, ScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(clock.Real(dueTime), clock.Real(period));

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
