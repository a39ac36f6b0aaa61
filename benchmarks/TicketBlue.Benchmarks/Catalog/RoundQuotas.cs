namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// How many reservations each round gets: in proportion to its performance's popularity, at most
/// <see cref="CatalogCounts.MaxReservationsPerRound"/>, only for rounds whose sales opened before the
/// anchor, and adding up to exactly the requested total.
/// </summary>
public static class RoundQuotas
{
    public static int[] Compute(CatalogPlan plan, Random random)
    {
        var rounds = plan.Rounds;
        var target = plan.Counts.Reservations;
        var weights = new double[rounds.Length];
        for (var index = 0; index < rounds.Length; index++)
        {
            weights[index] = rounds[index].SalesOpenAt < plan.Anchor ? plan.Performances[rounds[index].Performance].Popularity : 0;
        }

        var total = weights.Sum();
        var quotas = new int[rounds.Length];
        long assigned = 0;
        for (var index = 0; index < rounds.Length; index++)
        {
            quotas[index] = (int)Math.Min(CatalogCounts.MaxReservationsPerRound, Math.Floor(target * weights[index] / total));
            assigned += quotas[index];
        }

        var open = Enumerable.Range(0, rounds.Length).Where(index => weights[index] > 0).ToArray();
        random.Shuffle(open);
        while (assigned < target)
        {
            var before = assigned;
            foreach (var index in open)
            {
                if (assigned == target)
                {
                    break;
                }

                if (quotas[index] < CatalogCounts.MaxReservationsPerRound)
                {
                    quotas[index]++;
                    assigned++;
                }
            }

            if (assigned == before)
            {
                throw new InvalidOperationException($"only {assigned:N0} reservations fit in the rounds on sale; {target:N0} asked");
            }
        }

        return quotas;
    }
}
