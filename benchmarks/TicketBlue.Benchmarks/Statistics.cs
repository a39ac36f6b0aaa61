namespace TicketBlue.Benchmarks;

/// <summary>Percentiles by linear interpolation between the closest ranks, as every report here prints them.</summary>
public static class Statistics
{
    /// <param name="sorted">Values in ascending order; at least one.</param>
    /// <param name="percentile">Between 0 and 1.</param>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = (sorted.Count - 1) * percentile;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Percentile(sorted, 0.5);
    }
}
