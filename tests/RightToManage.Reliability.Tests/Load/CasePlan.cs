namespace RightToManage.Reliability.Tests.Load;

/// <summary>What the load does to one proposal-notice-decision case, and so the state the case must end in.</summary>
/// <param name="Decision">"accept" or "refuse" (the officer completes the decision task), or null: nobody decides, and the
/// decision period's timer must mark it overdue (SI 2012/1821 reg 11, via the definition's decision deadline).</param>
public sealed record CasePlan(int Index, Guid Id, string Reference, string? Decision)
{
    /// <summary>The day the council received the notice: its 28 days end at the start of 19 Dec 2026.</summary>
    public const string ReceivedOn = "2026-11-20";

    public static readonly DateTimeOffset DecisionPeriodEnds = DateTimeOffset.Parse("2026-12-19T00:00:00Z");

    /// <summary>Deterministic from the run and index, so a plan can be re-derived and re-sent after any failure.</summary>
    public static CasePlan For(string run, int index) => new(
        index,
        Derive(run, index),
        $"{run}-{index:D6}",
        (index % 3) switch { 0 => "accept", 1 => "refuse", _ => null });

    private static Guid Derive(string run, int index)
    {
        var bytes = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{run}/{index}"));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes);
    }

    /// <summary>The TMO's secretary: one address per case, so every message received can be traced to its case.</summary>
    public string SecretaryEmail => $"secretary-{Index}@tmo.example";

    public object Parties => new Dictionary<string, object[]>
    {
        ["tmo-secretary"] = [new { name = "Sam Secretary", email = SecretaryEmail }],
        ["tmo-committee"] = [new { name = "Chris Chair", email = $"chair-{Index}@tmo.example" }],
        ["officer"] = [new { name = "Olu Officer", email = "officer@council.example" }],
        // An expired decision period escalates to the officer's manager (the definition's deadline-overdue message).
        ["officer-manager"] = [new { name = "Mo Manager", email = "manager@council.example" }],
    };
}
