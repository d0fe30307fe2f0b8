using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Metrics;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed record PublishedDatum(string Namespace, MetricDatum Datum);

/// <summary>An <see cref="IMetricSink"/> that keeps what it is given and lets a test wait for it.</summary>
public sealed class RecordingMetricSink : IMetricSink
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly List<PublishedDatum> _data = [];
    private readonly List<DateTimeOffset> _sliceStarts = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _refusals;

    /// <summary>The next <paramref name="puts"/> calls throw, as a store rejecting a request would.</summary>
    public void Refuse(int puts)
    {
        lock (_gate)
        {
            _refusals = puts;
        }
    }

    public void Put(string metricNamespace, IReadOnlyList<MetricDatum> data)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_refusals > 0)
            {
                _refusals--;
                throw new InvalidOperationException("Refused by the test.");
            }

            foreach (var datum in data)
            {
                _data.Add(new PublishedDatum(metricNamespace, datum));
                // Every slice carries exactly one ECS CPU datum, so its timestamps list the published slices.
                if (metricNamespace == "AWS/ECS" && datum.MetricName == "CPUUtilization")
                {
                    _sliceStarts.Add(datum.Timestamp!.Value);
                }
            }

            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public IReadOnlyList<PublishedDatum> Data
    {
        get
        {
            lock (_gate)
            {
                return [.. _data];
            }
        }
    }

    public IReadOnlyList<DateTimeOffset> SliceStarts
    {
        get
        {
            lock (_gate)
            {
                return [.. _sliceStarts];
            }
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> slices have been published; fails after a deadline.</summary>
    public async Task WaitForSlicesAsync(int count)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_sliceStarts.Count >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(deadline.Token);
        }
    }
}
