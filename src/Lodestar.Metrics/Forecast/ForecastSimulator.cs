namespace Lodestar.Metrics.Forecast;

/// <summary>How the simulation runs.</summary>
/// <param name="Months">Month ends to project, 1 to 36.</param>
/// <param name="Runs">Simulated futures; the intervals are their quantiles.</param>
/// <param name="Seed">The same seed gives the same forecast, whatever the number of threads.</param>
/// <param name="DrawRates">Draw each run's rates from their uncertainty given the counts (true), or use
/// the estimated rates as they are (false: the bare process, for checking it against a known answer).</param>
public sealed record ForecastOptions(int Months = 24, int Runs = 1000, int Seed = 15, bool DrawRates = true)
{
    /// <summary>The longest forecast.</summary>
    public const int MaxMonths = 36;
}

/// <summary>
/// Monte Carlo simulation of the multi-state model (<see cref="ForecastModel"/>): each run follows every
/// child month by month (leave care, move category or stay, by age band and category; a year older each
/// twelve months; out of care at 18) and adds Poisson entries by age band, with ages and first
/// categories drawn from those who entered in the window. With <see cref="ForecastOptions.DrawRates"/>,
/// each run first draws its rates from their posterior given the counts (Gamma for entry rates,
/// Dirichlet for each cell's outcomes), so the intervals carry the estimation's uncertainty as well as
/// chance. A cell with little history borrows from its category across age bands (a prior worth
/// <see cref="PriorChildMonths"/> child-months).
/// </summary>
public static class ForecastSimulator
{
    /// <summary>The weight, in child-months, of a cell's prior (its category's outcomes over all age bands).</summary>
    public const double PriorChildMonths = 12;

    private const int Outcomes = 10; // leave, or one of the 9 categories

    /// <summary>Simulates the baseline, or <paramref name="scenario"/> from its month.</summary>
    public static ForecastResult Simulate(ForecastModel model, ForecastOptions options, ForecastScenario? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Months, ForecastOptions.MaxMonths);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Runs, 1);

        var months = options.Months;
        var categories = ForecastCategories.Count;
        var monthEnds = Enumerable.Range(1, months).Select(m => ForecastEstimator.MonthEnd(model.Start.AddMonths(m))).ToArray();
        var scenarioFrom = scenario is null ? int.MaxValue : Array.FindIndex(monthEnds, e => e >= ForecastEstimator.MonthEnd(scenario.From));
        if (scenarioFrom < 0)
        {
            scenarioFrom = int.MaxValue;
        }

        var prior = Priors(model);
        var entryShares = EntryShares(model);
        // counts[(m * (categories + 1) + k) * runs + r]: k = 0 the total, 1 + c category c.
        var counts = new double[months * (categories + 1) * options.Runs];
        var years = monthEnds.Select(FinancialYear).Distinct().ToArray();
        var placements = new double[years.Length * categories * options.Runs];
        var bandPlacements = new double[years.Length * AgeBands.Count * options.Runs];
        var bandCounts = new double[months * AgeBands.Count * options.Runs];
        var monthYear = monthEnds.Select(e => Array.IndexOf(years, FinancialYear(e))).ToArray();

        Parallel.For(0, options.Runs, r =>
        {
            var random = new Random(unchecked((options.Seed * 1_000_003) + r));
            var (baseTable, baseEntries) = DrawRun(model, prior, options.DrawRates, random);
            var (scenarioTable, scenarioEntries) = scenario is null ? (baseTable, baseEntries) : Apply(baseTable, baseEntries, scenario);
            var ages = new List<int>(model.Population.Length * 2);
            var cats = new List<int>(model.Population.Length * 2);
            foreach (var (age, category) in model.Population)
            {
                ages.Add(age);
                cats.Add(category);
            }

            Span<int> inCategory = stackalloc int[categories];
            Span<int> inBand = stackalloc int[AgeBands.Count];
            for (var m = 0; m < months; m++)
            {
                var table = m >= scenarioFrom ? scenarioTable : baseTable;
                var entryRates = m >= scenarioFrom ? scenarioEntries : baseEntries;
                for (var i = ages.Count - 1; i >= 0; i--)
                {
                    var age = ages[i];
                    var outcome = age + 1 >= AgeBands.AdultMonths ? 0 : Pick(table, ((AgeBands.Of(age) * categories) + cats[i]) * Outcomes, Outcomes, random.NextDouble());
                    if (outcome == 0)
                    {
                        var last = ages.Count - 1;
                        ages[i] = ages[last];
                        cats[i] = cats[last];
                        ages.RemoveAt(last);
                        cats.RemoveAt(last);
                        continue;
                    }

                    ages[i] = age + 1;
                    cats[i] = outcome - 1;
                }

                for (var b = 0; b < AgeBands.Count; b++)
                {
                    var n = Poisson(random, entryRates[b]);
                    var entryAges = model.EntryAges[b];
                    for (var k = 0; k < n && entryAges.Length > 0; k++)
                    {
                        ages.Add(entryAges[random.Next(entryAges.Length)]);
                        cats.Add(Pick(entryShares, b * categories, categories, random.NextDouble()));
                    }
                }

                inCategory.Clear();
                foreach (var c in cats)
                {
                    inCategory[c]++;
                }

                inBand.Clear();
                foreach (var a in ages)
                {
                    inBand[AgeBands.Of(a)]++;
                }

                var days = DateTime.DaysInMonth(monthEnds[m].Year, monthEnds[m].Month);
                counts[((m * (categories + 1)) * options.Runs) + r] = ages.Count;
                for (var c = 0; c < categories; c++)
                {
                    counts[(((m * (categories + 1)) + 1 + c) * options.Runs) + r] = inCategory[c];
                    placements[(((monthYear[m] * categories) + c) * options.Runs) + r] += inCategory[c] * days / 364.0;
                }

                for (var b = 0; b < AgeBands.Count; b++)
                {
                    bandCounts[(((m * AgeBands.Count) + b) * options.Runs) + r] = inBand[b];
                    bandPlacements[(((monthYear[m] * AgeBands.Count) + b) * options.Runs) + r] += inBand[b] * days / 364.0;
                }
            }
        });

        var points = new List<ForecastPoint>(months * (categories + 1));
        for (var m = 0; m < months; m++)
        {
            for (var k = 0; k <= categories; k++)
            {
                var slice = counts.AsSpan(((m * (categories + 1)) + k) * options.Runs, options.Runs);
                slice.Sort();
                points.Add(new ForecastPoint(monthEnds[m], k == 0 ? ForecastResult.All : ForecastCategories.Names[k - 1], ForecastInterval.Of(slice)));
            }
        }

        var placementYears = new List<PlacementYearForecast>(years.Length * categories);
        for (var y = 0; y < years.Length; y++)
        {
            var covered = monthYear.Count(i => i == y);
            for (var c = 0; c < categories; c++)
            {
                var slice = placements.AsSpan(((y * categories) + c) * options.Runs, options.Runs);
                slice.Sort();
                placementYears.Add(new PlacementYearForecast(years[y], ForecastCategories.Names[c], covered, ForecastInterval.Of(slice)));
            }
        }

        var bandPoints = new List<ForecastPoint>(months * AgeBands.Count);
        for (var m = 0; m < months; m++)
        {
            for (var b = 0; b < AgeBands.Count; b++)
            {
                var slice = bandCounts.AsSpan(((m * AgeBands.Count) + b) * options.Runs, options.Runs);
                slice.Sort();
                bandPoints.Add(new ForecastPoint(monthEnds[m], AgeBands.Names[b], ForecastInterval.Of(slice)));
            }
        }

        var bandYears = new List<AgeBandYearForecast>(years.Length * AgeBands.Count);
        for (var y = 0; y < years.Length; y++)
        {
            var covered = monthYear.Count(i => i == y);
            for (var b = 0; b < AgeBands.Count; b++)
            {
                var slice = bandPlacements.AsSpan(((y * AgeBands.Count) + b) * options.Runs, options.Runs);
                slice.Sort();
                bandYears.Add(new AgeBandYearForecast(years[y], AgeBands.Names[b], covered, ForecastInterval.Of(slice)));
            }
        }

        return new ForecastResult(model.Start, model.StartCount, scenario?.Name, points, placementYears, bandYears, bandPoints);
    }

    /// <summary>The financial year (named by the year it starts in) of a day.</summary>
    public static int FinancialYear(DateOnly day) => day.Month >= 4 ? day.Year : day.Year - 1;

    // Each cell's prior outcome shares: its category's over all age bands; a category never seen stays put
    // but for the overall leaving rate.
    private static double[] Priors(ForecastModel model)
    {
        var categories = ForecastCategories.Count;
        var overallExit = model.OverallExitRate;
        if (double.IsNaN(overallExit))
        {
            overallExit = 0;
        }

        var prior = new double[categories * Outcomes];
        for (var c = 0; c < categories; c++)
        {
            double exposure = 0;
            for (var b = 0; b < AgeBands.Count; b++)
            {
                exposure += model.Exposure[b, c];
            }

            for (var o = 0; o < Outcomes; o++)
            {
                double n = 0;
                for (var b = 0; b < AgeBands.Count; b++)
                {
                    n += model.Outcomes[b, c, o];
                }

                prior[(c * Outcomes) + o] = exposure > 0 ? n / exposure
                    : o == 0 ? overallExit
                    : o == c + 1 ? 1 - overallExit
                    : 0;
            }
        }

        return prior;
    }

    // The run's outcome probabilities per (band, category) and entry rates per band.
    private static (double[] Table, double[] Entries) DrawRun(ForecastModel model, double[] prior, bool draw, Random random)
    {
        var categories = ForecastCategories.Count;
        var table = new double[AgeBands.Count * categories * Outcomes];
        for (var b = 0; b < AgeBands.Count; b++)
        {
            for (var c = 0; c < categories; c++)
            {
                var cell = ((b * categories) + c) * Outcomes;
                double total = 0;
                for (var o = 0; o < Outcomes; o++)
                {
                    var alpha = model.Outcomes[b, c, o] + (PriorChildMonths * prior[(c * Outcomes) + o]);
                    var p = alpha <= 0 ? 0 : draw ? Gamma(random, alpha) : alpha;
                    table[cell + o] = p;
                    total += p;
                }

                for (var o = 0; o < Outcomes; o++)
                {
                    table[cell + o] = total > 0 ? table[cell + o] / total : o == c + 1 ? 1 : 0;
                }
            }
        }

        var entries = new double[AgeBands.Count];
        for (var b = 0; b < AgeBands.Count; b++)
        {
            var n = model.Entries[b];
            entries[b] = n <= 0 || model.WindowMonths == 0 ? 0 : draw ? Gamma(random, n) / model.WindowMonths : n / model.WindowMonths;
        }

        return (table, entries);
    }

    private static (double[] Table, double[] Entries) Apply(double[] baseTable, double[] baseEntries, ForecastScenario scenario)
    {
        var categories = ForecastCategories.Count;
        var table = (double[])baseTable.Clone();
        for (var b = 0; b < AgeBands.Count; b++)
        {
            for (var c = 0; c < categories; c++)
            {
                var cell = ((b * categories) + c) * Outcomes;
                if (c == ForecastCategories.ResidentialHomes && scenario.ResidentialToFosterFactor != 1)
                {
                    double delta = 0;
                    foreach (var f in ForecastCategories.Fostering)
                    {
                        var before = table[cell + 1 + f];
                        table[cell + 1 + f] = before * scenario.ResidentialToFosterFactor;
                        delta += table[cell + 1 + f] - before;
                    }

                    table[cell + 1 + c] -= delta;
                    Normalise(table.AsSpan(cell, Outcomes));
                }

                if (scenario.ExitFactor != 1)
                {
                    var exit = table[cell];
                    var changed = Math.Min(1, exit * scenario.ExitFactor);
                    var scale = exit >= 1 ? 0 : (1 - changed) / (1 - exit);
                    table[cell] = changed;
                    for (var o = 1; o < Outcomes; o++)
                    {
                        table[cell + o] *= scale;
                    }
                }
            }
        }

        var entries = baseEntries.Select((rate, b) => rate * scenario.EntryFactor * scenario.EntryFactorByBand[b]).ToArray();
        return (table, entries);
    }

    // Staying put cannot go below nothing: when the moves asked for exceed it, the cell is scaled back to shares.
    private static void Normalise(Span<double> cell)
    {
        double total = 0;
        for (var o = 0; o < cell.Length; o++)
        {
            cell[o] = Math.Max(0, cell[o]);
            total += cell[o];
        }

        for (var o = 0; o < cell.Length; o++)
        {
            cell[o] /= total;
        }
    }

    // Per band, the shares of the first category of those who entered (even shares for a band with none).
    private static double[] EntryShares(ForecastModel model)
    {
        var categories = ForecastCategories.Count;
        var shares = new double[AgeBands.Count * categories];
        for (var b = 0; b < AgeBands.Count; b++)
        {
            double total = 0;
            for (var c = 0; c < categories; c++)
            {
                total += model.EntryCategories[b, c];
            }

            for (var c = 0; c < categories; c++)
            {
                shares[(b * categories) + c] = total > 0 ? model.EntryCategories[b, c] / total : 1.0 / categories;
            }
        }

        return shares;
    }

    // The outcome whose share the uniform draw u falls in.
    private static int Pick(double[] shares, int offset, int length, double u)
    {
        double running = 0;
        for (var i = offset; i < offset + length; i++)
        {
            running += shares[i];
            if (u < running)
            {
                return i - offset;
            }
        }

        return length - 1;
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 50)
        {
            // Normal approximation: exact enough for a council's monthly entries at this size, and fast.
            var z = Normal(random);
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * z)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    // Marsaglia and Tsang's method, with the boost for shape < 1.
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }
}
