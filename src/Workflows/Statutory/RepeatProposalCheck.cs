using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Statutory;

/// <summary>
/// Advises the council whether it may refuse a Right to Manage proposal notice as a repeat of one that was
/// withdrawn. The ground is a discretion, so the activity only advises: both ports lead on to the
/// council's own decision, and the advice is there to be quoted or set aside.
/// </summary>
[Activity("RepeatProposalCheck", Category = "Statutory", DisplayName = "Repeat proposal check",
    Description = "Advises whether the council may refuse a Right to Manage proposal notice as a repeat: at least half its houses were in an earlier " +
        "notice withdrawn (voluntarily or deemed) in the 2 years before the new notice was received (SI 2008/2361 reg 11(4), assumed to continue " +
        "under SI 2012/1821). Advice only: the council may rely on the ground, never must.")]
[Port("ground", Description = "The council may rely on the repeat-proposal ground.")]
[Port("noGround", Description = "The ground does not apply.")]
public sealed partial class RepeatProposalCheck : Activity
{
    [Input(Description = "The houses of the new notice, one address or UPRN per line. Compared ignoring case, spacing and blank or repeated lines.",
        UIHint = UIHints.MultiLine)]
    public string Houses { get; set; } = "";

    [Input(Description = "The date the council received the new notice.", UIHint = UIHints.DatePicker)]
    public DateOnly ReceivedOn { get; set; }

    [Input(Description = "The council's register of withdrawn notices: [{ \"reference\": \"RTM-2024-7\", \"withdrawnOn\": \"2025-05-03\", " +
        "\"houses\": [\"…\"] or text with one house per line }]. Left out: none.", UIHint = UIHints.Json)]
    public JsonElement? EarlierNotices { get; set; }

    [Input(Description = "The share of the new notice's houses that must have been in one earlier notice for the ground to apply (at least), e.g. 0.5 for half.",
        DefaultJson = "0.5")]
    public decimal OverlapShare { get; set; } = 0.5m;

    [Input(Description = "How far back from the date of receipt a withdrawal counts: withdrawn on or after that day and not after receipt.",
        DefaultJson = """{ "value": 24, "unit": "calendarMonths" }""", UIHint = UIHints.PeriodEditor)]
    public StatutoryPeriod LookBack { get; set; } = new(24, PeriodUnit.CalendarMonths);

    [Output(Description = "Whether the council may rely on the repeat-proposal ground.")]
    public bool? GroundApplies { get; set; }

    [Output(Description = "{ groundApplies, message, earlier: [{ reference, withdrawnOn, sharedHouses, share }] }: each notice withdrawn within the look-back, largest share first.")]
    public JsonElement? Advice { get; set; }

    private const string Source = "the Housing (Right to Manage) (England) Regulations 2008, regulation 11(4)";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var houses = HouseSet(Houses);
        if (houses.Count == 0)
            throw new WorkflowFaultException("The input 'houses' lists no houses: give one address or UPRN per line.");
        if (OverlapShare is <= 0 or > 1)
            throw new WorkflowFaultException($"The input 'overlapShare' is {OverlapShare}: it is a share above 0 and at most 1, e.g. 0.5 for half.");

        var earliest = LookBack.SubtractFrom(ReceivedOn, context.Calendar.BankHolidays);
        var within = ReadEarlierNotices(EarlierNotices)
            .Where(n => n.WithdrawnOn >= earliest && n.WithdrawnOn <= ReceivedOn)
            .Select(n => (Notice: n, Shared: houses.Count(n.Houses.Contains)))
            .OrderByDescending(c => c.Shared)
            .ThenByDescending(c => c.Notice.WithdrawnOn)
            .ToList();
        // Compared without dividing, so 50 of 100 houses meets a share of exactly 0.5.
        var groundApplies = within.Count > 0 && within[0].Shared >= OverlapShare * houses.Count;

        GroundApplies = groundApplies;
        Advice = JsonSerializer.SerializeToElement(new
        {
            groundApplies,
            message = Message(groundApplies, within.Count > 0 ? within[0] : null, houses.Count),
            earlier = within.Select(c => new
            {
                reference = c.Notice.Reference,
                withdrawnOn = c.Notice.WithdrawnOn,
                sharedHouses = c.Shared,
                share = Math.Round((decimal)c.Shared / houses.Count, 4),
            }),
        }, AdviceJson);
        return ValueTask.FromResult(ActivityResult.Complete(groundApplies ? "ground" : "noGround"));
    }

    public override void Validate(ActivityValidationContext context)
    {
        if (FixedValue.TryGet<decimal>(context, "overlapShare", out var share) && share is <= 0 or > 1)
            context.AddError("inputs.overlapShare", "repeatProposal.overlapShare", $"'overlapShare' is a share above 0 and at most 1 (0.5 for half), not {share}.");
        if (context.TryGetLiteral<string>("houses", out var houses) && HouseSet(houses).Count == 0)
            context.AddError("inputs.houses", "repeatProposal.houses", "'houses' lists no houses: give one address or UPRN per line.");
        if (context.Node.Inputs.TryGetValue("earlierNotices", out var earlier) && !ValueReference.TryParse(earlier, out _))
        {
            try
            {
                ReadEarlierNotices(earlier);
            }
            catch (WorkflowFaultException ex)
            {
                context.AddError("inputs.earlierNotices", "repeatProposal.earlierNotices", ex.Message);
            }
        }
    }

    private string Message(bool groundApplies, (EarlierNotice Notice, int Shared)? closest, int count)
    {
        var window = $"in the {LookBack} before the notice was received on {Wording.Date(ReceivedOn)}";
        if (closest is not { } c)
            return $"No earlier notice was withdrawn {window}, so the repeat-proposal ground ({Source}) does not apply.";
        var shared = $"{Wording.Count(c.Shared)} of the notice's {Wording.Count(count)} houses ({Wording.Percent((decimal)c.Shared / count)})";
        var withdrawn = $"{Name(c.Notice)}, withdrawn on {Wording.Date(c.Notice.WithdrawnOn)}";
        return groundApplies
            ? $"The council may refuse the notice on the repeat-proposal ground ({Source}): {shared} were in {withdrawn}, {window}. " +
              "The ground allows a refusal; it does not require one."
            : $"The repeat-proposal ground ({Source}) does not apply: it needs at least {Wording.Percent(OverlapShare)} of the notice's houses to have been " +
              $"in one notice withdrawn {window}, and the most any shared was {shared}, in {withdrawn}.";
    }

    private static string Name(EarlierNotice notice) => notice.Reference is { } reference ? $"notice {reference}" : "an earlier notice";

    /// <summary>
    /// Addresses are typed by hand in different registers, so "12  High St" and "12 high st" are the same
    /// house; anything more (abbreviations, flat numbering) is left to the officer reading the advice.
    /// </summary>
    private static HashSet<string> HouseSet(IEnumerable<string> lines) =>
        lines.Select(l => Spaces().Replace(l, " ").Trim().ToUpperInvariant()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> HouseSet(string text) => HouseSet(text.Split('\n'));

    /// <summary>Reads the register; a malformed entry faults, naming it, because skipping it could hide the very notice that gives the ground.</summary>
    private static List<EarlierNotice> ReadEarlierNotices(JsonElement? value)
    {
        if (value is not { ValueKind: not JsonValueKind.Null } list) return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw new WorkflowFaultException($"earlierNotices is not a list of withdrawn notices; it is {Answers.Describe(list)}.");
        var notices = new List<EarlierNotice>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var at = $"earlierNotices[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
                throw new WorkflowFaultException($"{at} is not an object {{ \"reference\", \"withdrawnOn\", \"houses\" }}.");

            string? reference = null;
            if (entry.TryGetProperty("reference", out var given) && given.ValueKind != JsonValueKind.Null)
            {
                if (given.ValueKind != JsonValueKind.String) throw new WorkflowFaultException($"{at}.reference is not text.");
                reference = string.IsNullOrWhiteSpace(given.GetString()) ? null : given.GetString()!.Trim();
            }

            if (!entry.TryGetProperty("withdrawnOn", out var withdrawn) || withdrawn.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(withdrawn.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var withdrawnOn))
                throw new WorkflowFaultException($"{at}.withdrawnOn is not a date yyyy-MM-dd.");

            if (!entry.TryGetProperty("houses", out var houses))
                throw new WorkflowFaultException($"{at}.houses is missing: give a list of houses or text with one house per line.");
            var set = houses.ValueKind switch
            {
                JsonValueKind.String => HouseSet(houses.GetString()!),
                JsonValueKind.Array => HouseSet(houses.EnumerateArray().Select((h, i) => h.ValueKind == JsonValueKind.String
                    ? h.GetString()!
                    : throw new WorkflowFaultException($"{at}.houses[{i}] is not text."))),
                _ => throw new WorkflowFaultException($"{at}.houses is neither a list of houses nor text with one house per line."),
            };
            notices.Add(new EarlierNotice(reference, withdrawnOn, set));
        }
        return notices;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static readonly JsonSerializerOptions AdviceJson = new(JsonSerializerDefaults.Web);

    private sealed record EarlierNotice(string? Reference, DateOnly WithdrawnOn, HashSet<string> Houses);
}
