namespace RightToManage.Reliability.Tests.Infrastructure;

/// <summary>
/// The size of a reliability run. The defaults fit the README's test command; `tests/run-reliability.sh` runs the
/// long version by raising them through the environment.
/// </summary>
public static class ReliabilitySettings
{
    /// <summary>Times the crash loop kills the Host (RTM_RELIABILITY_KILLS, at least 20).</summary>
    public static int Kills => Number("RTM_RELIABILITY_KILLS", 20);

    /// <summary>The least number of cases each load drives (RTM_RELIABILITY_CASES); a load runs on while its disturbance lasts.</summary>
    public static int Cases => Number("RTM_RELIABILITY_CASES", 120);

    /// <summary>How long the database and the SMTP server stay away (RTM_RELIABILITY_OUTAGE_SECONDS).</summary>
    public static TimeSpan Outage => TimeSpan.FromSeconds(Number("RTM_RELIABILITY_OUTAGE_SECONDS", 30));

    /// <summary>The seed of the random kill moments (RTM_RELIABILITY_SEED); reported with every run so a failure can be replayed.</summary>
    public static int Seed => Environment.GetEnvironmentVariable("RTM_RELIABILITY_SEED") is { } seed ? int.Parse(seed) : Random.Shared.Next();

    private static int Number(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var value) && value > 0 ? value : fallback;
}
