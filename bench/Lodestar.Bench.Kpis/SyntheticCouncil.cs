using Lodestar.Metrics.Records;

namespace Lodestar.Bench.Kpis;

/// <summary>
/// Builds a council's five years (April 2020 to March 2025) of plausible 903 and CIN records with the
/// Records builders, at about the size of an average English council: some 1,200 children looked after
/// over the five years (about 500 at any time) and some 14,000 children referred.
/// </summary>
internal static class SyntheticCouncil
{
    private static readonly DateOnly First = new(2020, 4, 1);
    private static readonly DateOnly Last = new(2025, 3, 31);
    private static readonly string[] Places = ["U1", "U4", "U4", "U5", "U6", "K2", "K2", "R1", "S1", "K3", "P1", "T1", "A4"];
    private static readonly string[] Providers = ["PR1", "PR1", "PR4", "PR5", "PR2"];
    private static readonly string[] Categories = ["NEG", "PHY", "SAB", "EMO", "MUL"];

    public static (Ssda903Data Cla, CinData Cin) Build(string council, int seed, int claChildren = 1200, int cinChildren = 14000)
    {
        var random = new Random(seed);
        return (Cla(council, random, claChildren), Cin(council, random, cinChildren));
    }

    private static Ssda903Data Cla(string council, Random random, int count)
    {
        var b = new Ssda903Builder(council);
        var span = Last.DayNumber - First.DayNumber;
        for (var c = 0; c < count; c++)
        {
            var id = $"C{c:D6}";
            var dob = First.AddDays(-random.Next(0, 17 * 365));
            b.Header(id, sex: random.Next(2) == 0 ? "1" : "2", dob: dob);
            var start = First.AddDays(random.Next(-3 * 365, span));
            var ls = random.Next(40) == 0 ? "V3" : random.Next(3) == 0 ? "V2" : "C2";
            var episodes = 1 + random.Next(6);
            var day = start;
            DateOnly? end = null;
            for (var e = 0; e < episodes; e++)
            {
                var length = 30 + random.Next(500);
                var next = day.AddDays(length);
                var last = e == episodes - 1;
                var closed = !last || random.Next(2) == 0;
                var rec = !closed ? null : !last ? "X1" : random.Next(6) switch { 0 => "E11", 1 => "E45", 2 => "E13", _ => "E4A" };
                var rne = e == 0 ? "S" : random.Next(5) switch { 0 => "L", 1 => "T", 2 => "U", 3 => "B", _ => "P" };
                b.Episode(id, decom: day, rne: rne, ls: e > 0 && rne == "L" ? "C1" : ls, cin: "N1",
                    place: Places[random.Next(Places.Length)], provider: Providers[random.Next(Providers.Length)],
                    dec: closed ? next : null, rec: rec, reasonPlaceChange: closed && !last ? "CARPL" : null,
                    homePost: "AB1 2CD", plPost: "AB3 4EF");
                end = closed ? next : null;
                day = next;
            }

            for (var r = start.AddDays(15 + random.Next(10)); r <= (end ?? Last) && r <= Last; r = r.AddDays(150 + random.Next(60)))
            {
                b.Review(id, dob: dob, review: r, reviewCode: "PN1");
            }

            if (random.Next(5) == 0)
            {
                var m = start.AddDays(random.Next(1, 200));
                b.Missing(id, dob: dob, missing: random.Next(4) == 0 ? "A" : "M", misStart: m, misEnd: m.AddDays(2));
            }

            for (var year = 2021; year <= 2025; year++)
            {
                if (random.Next(3) == 0)
                {
                    b.Oc2(id, year: year, dob: dob, sdqScore: random.Next(0, 40), healthCheck: "1", teethCheck: random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture), immunisations: "1");
                }

                if (random.Next(8) == 0)
                {
                    b.Oc3(id, year: year, dob: dob.AddYears(-4), inTouch: "YES", activ: random.Next(2) == 0 ? "F2" : "G4", accom: "B1");
                }
            }

            if (random.Next(10) == 0)
            {
                b.Ad1(id, dob: dob, dateInt: start.AddDays(100), dateMatch: start.AddDays(300), fosterCare: random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return b.Build();
    }

    private static CinData Cin(string council, Random random, int count)
    {
        var b = new CinBuilder(council);
        var span = Last.DayNumber - First.DayNumber;
        for (var c = 0; c < count; c++)
        {
            var id = $"N{c:D6}";
            b.Child(id, dob: First.AddDays(-random.Next(0, 17 * 365)), sex: random.Next(2) == 0 ? "M" : "F");
            var referrals = 1 + (random.Next(4) == 0 ? random.Next(3) : 0);
            var day = First.AddDays(random.Next(-365, span));
            for (var r = 0; r < referrals; r++)
            {
                var closed = random.Next(5) != 0;
                var closure = day.AddDays(20 + random.Next(400));
                var nfa = random.Next(10) == 0;
                b.Referral(id, referralDate: day, closureDate: closed || nfa ? (nfa ? day : closure) : null, nfa: nfa, primaryNeed: "N1");
                if (!nfa)
                {
                    b.Assessment(id, day, start: day.AddDays(1), authorised: day.AddDays(20 + random.Next(60)));
                    if (random.Next(6) == 0)
                    {
                        var s47 = day.AddDays(random.Next(1, 20));
                        var icpc = random.Next(2) == 0;
                        b.Section47(id, day, start: s47, icpcDate: icpc ? s47.AddDays(10 + random.Next(15)) : null, icpcNotRequired: !icpc);
                        if (icpc)
                        {
                            var cp = s47.AddDays(20);
                            var cpEnd = random.Next(3) == 0 ? (DateOnly?)null : cp.AddDays(100 + random.Next(800));
                            b.ProtectionPlan(id, day, start: cp, end: cpEnd, initialCategory: Categories[random.Next(5)], latestCategory: Categories[random.Next(5)],
                                previousPlans: random.Next(3), reviewDates: [cp.AddDays(85), cp.AddDays(260), cp.AddDays(440)]);
                        }
                    }

                    if (random.Next(4) == 0)
                    {
                        b.Plan(id, day, start: day.AddDays(40), end: closed ? closure : null);
                    }
                }

                day = closure.AddDays(30 + random.Next(300));
            }
        }

        return b.Build();
    }
}
