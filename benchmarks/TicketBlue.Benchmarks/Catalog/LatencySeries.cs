using System.Globalization;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>Latencies of one measured thing in one run, in milliseconds.</summary>
public sealed class LatencySeries(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public int Count => _milliseconds.Count;

    /// <summary>The same latencies split by what was measured (e.g. one series per page), in the order first seen.</summary>
    public IReadOnlyList<LatencySeries> Parts => _parts;

    private readonly List<LatencySeries> _parts = [];

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    /// <summary>Adds to this series and to its part <paramref name="part"/>.</summary>
    public void Add(TimeSpan elapsed, string part)
    {
        Add(elapsed);
        var series = _parts.Find(candidate => candidate.Name == part);
        if (series is null)
        {
            series = new LatencySeries(part);
            _parts.Add(series);
        }

        series.Add(elapsed);
    }

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    public string Describe() => Count == 0
        ? "not measured"
        : string.Create(CultureInfo.InvariantCulture, $"{P50:N2} / {P95:N2} / {P99:N2} / {Max:N2} ms");

    private double Percentile(double percentile) => Statistics.Percentile(_milliseconds.Order().ToList(), percentile);
}
