using System.Globalization;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>Latencies of one measured thing in one run, in milliseconds.</summary>
public sealed class LatencySeries(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Max => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Max();

    public string Describe() => Count == 0
        ? "not measured"
        : string.Create(CultureInfo.InvariantCulture, $"{P50:N2} / {P95:N2} / {P99:N2} / {Max:N2} ms");

    private double Percentile(double percentile) => Statistics.Percentile(_milliseconds.Order().ToList(), percentile);
}
