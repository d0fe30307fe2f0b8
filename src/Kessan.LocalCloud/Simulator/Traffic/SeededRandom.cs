namespace Kessan.LocalCloud.Simulator.Traffic;

/// <summary>SplitMix64 keyed by (seed, stream, time…). Its whole state is one number derived from the key, so what a
/// slice gets is a pure function of the key, never of what was generated before or in which order slices were asked for.</summary>
public sealed class SeededRandom(params ReadOnlySpan<long> key)
{
    private const ulong Golden = 0x9E3779B97F4A7C15;
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _state = Hash(key);

    /// <summary>A well-mixed 64-bit hash of <paramref name="key"/>.</summary>
    public static ulong Hash(params ReadOnlySpan<long> key)
    {
        var hash = Golden;
        foreach (var part in key)
        {
            hash = Mix(hash ^ Mix(unchecked((ulong)part + Golden)));
        }

        return hash;
    }

    /// <summary>A number in [0, 1) that depends only on <paramref name="key"/>.</summary>
    public static double Unit(params ReadOnlySpan<long> key) => (Hash(key) >> 11) * UnitScale;

    public double NextDouble()
    {
        _state = unchecked(_state + Golden);
        return (Mix(_state) >> 11) * UnitScale;
    }

    /// <summary>Standard normal; always takes two draws so a caller's draw count never depends on the values.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public int NextPoisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        // Above this the normal approximation is indistinguishable on a chart and costs two draws instead of ~mean.
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * NextGaussian()));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = NextDouble(); product > limit; product *= NextDouble())
        {
            count++;
        }

        return count;
    }

    /// <summary>An index into <paramref name="weights"/> (which sum to 1) chosen by the uniform draw <paramref name="unit"/>.</summary>
    public static int Pick(ReadOnlySpan<double> weights, double unit)
    {
        for (var i = 0; i < weights.Length - 1; i++)
        {
            unit -= weights[i];
            if (unit < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
