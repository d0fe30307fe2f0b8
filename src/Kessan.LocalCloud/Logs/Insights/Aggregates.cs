namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>One aggregate of one stats group, fed row by row.</summary>
public abstract class Aggregator
{
    public abstract void Add(QueryRow row);

    public abstract QueryValue Result();
}

/// <summary>The aggregate functions of <c>stats</c>: how to make a fresh aggregator for a group.</summary>
public static class Aggregates
{
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "count", "count_distinct", "sum", "avg", "min", "max", "pct", "stddev",
    };

    public static bool IsAggregate(string name) => Names.Contains(name);

    /// <param name="argument">Null for count() and count(*), which count rows.</param>
    /// <param name="percentile">pct's second argument.</param>
    public static Func<Aggregator> Create(string name, Evaluator? argument, double percentile) => name.ToLowerInvariant() switch
    {
        "count" when argument is null => () => new CountRows(),
        "count" => () => new CountPresent(argument),
        "count_distinct" => () => new CountDistinct(argument!),
        "sum" => () => new Moments(argument!, MomentResult.Sum),
        "avg" => () => new Moments(argument!, MomentResult.Average),
        "stddev" => () => new Moments(argument!, MomentResult.StandardDeviation),
        "min" => () => new Extreme(argument!, wantsLargest: false),
        "max" => () => new Extreme(argument!, wantsLargest: true),
        "pct" => () => new Percentile(argument!, percentile),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an aggregate function."),
    };

    private sealed class CountRows : Aggregator
    {
        private long _count;

        public override void Add(QueryRow row) => _count++;

        public override QueryValue Result() => QueryValue.Number(_count);
    }

    private sealed class CountPresent(Evaluator argument) : Aggregator
    {
        private long _count;

        public override void Add(QueryRow row)
        {
            if (argument.Evaluate(row).IsPresent)
            {
                _count++;
            }
        }

        public override QueryValue Result() => QueryValue.Number(_count);
    }

    private sealed class CountDistinct(Evaluator argument) : Aggregator
    {
        private readonly HashSet<QueryValue> _seen = [];

        public override void Add(QueryRow row)
        {
            var value = argument.Evaluate(row);
            if (value.IsPresent)
            {
                _seen.Add(value);
            }
        }

        public override QueryValue Result() => QueryValue.Number(_seen.Count);
    }

    private enum MomentResult
    {
        Sum,
        Average,
        StandardDeviation,
    }

    // Welford's running mean and variance; the sum is kept exactly as added.
    private sealed class Moments(Evaluator argument, MomentResult result) : Aggregator
    {
        private long _count;
        private double _sum;
        private double _mean;
        private double _squares;

        public override void Add(QueryRow row)
        {
            if (!argument.Evaluate(row).TryNumber(out var value))
            {
                return;
            }

            _count++;
            _sum += value;
            var delta = value - _mean;
            _mean += delta / _count;
            _squares += delta * (value - _mean);
        }

        /// <summary>Sum of no values is 0; the mean of none is missing; the standard deviation is the sample one (n − 1).</summary>
        public override QueryValue Result() => result switch
        {
            MomentResult.Sum => QueryValue.Number(_sum),
            MomentResult.Average => _count == 0 ? QueryValue.Missing : QueryValue.Number(_sum / _count),
            _ => _count < 2 ? (_count == 1 ? QueryValue.Number(0) : QueryValue.Missing) : QueryValue.Number(Math.Sqrt(_squares / (_count - 1))),
        };
    }

    /// <summary>min and max in the order <c>sort</c> uses, so they work on numbers, timestamps and text alike.</summary>
    private sealed class Extreme(Evaluator argument, bool wantsLargest) : Aggregator
    {
        private QueryValue _best = QueryValue.Missing;

        public override void Add(QueryRow row)
        {
            var value = argument.Evaluate(row);
            if (!value.IsPresent)
            {
                return;
            }

            var order = QueryValueOrder.Ascending.Compare(value, _best);
            if (!_best.IsPresent || (wantsLargest ? order > 0 : order < 0))
            {
                _best = value;
            }
        }

        public override QueryValue Result() => _best;
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least p % of the values at or below it.</summary>
    private sealed class Percentile(Evaluator argument, double percentile) : Aggregator
    {
        private readonly List<double> _values = [];

        public override void Add(QueryRow row)
        {
            if (argument.Evaluate(row).TryNumber(out var value))
            {
                _values.Add(value);
            }
        }

        public override QueryValue Result()
        {
            if (_values.Count == 0)
            {
                return QueryValue.Missing;
            }

            var sorted = _values.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
            return QueryValue.Number(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
        }
    }
}
