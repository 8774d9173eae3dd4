using System.Text.Json;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Statutory;

/// <summary>
/// Checks a proposal notice against the conditions it must meet when it is served. Under the Right to
/// Manage regulations a notice that fails regulation 9(2) or 9(4) is not a proposal notice at all
/// (reg 9(1)), so the council has nothing to decide on; the Right to Transfer regulations set similar
/// conditions on the tenant group and the size of the proposal. Each rule applies only when its input is
/// given, so one activity serves both processes, with the thresholds taken from parameters.
/// </summary>
[Activity("ProposalNoticeCheck", Category = "Statutory", DisplayName = "Proposal notice check",
    Description = "Checks a proposal notice when it is served: RTM (SI 2012/1821) reg 9(2)(b) at least 25 houses let on secure tenancies, " +
        "reg 9(4) houses already under a management agreement (9(4)(a) all of them and party to it, or 9(4)(b) an agreement of more than 2,500 houses), " +
        "reg 9(3) evidence served with it; RTT (SI 2013/2898) minimum size of proposal and the reg 4 tenant group conditions (membership share, " +
        "a majority of members who are secure tenants). A notice that fails reg 9(2) or 9(4) is not a proposal notice (reg 9(1)). Each rule applies only when its input is given.")]
[Port("valid", Description = "Every rule given is met.")]
[Port("invalid", Description = "At least one rule is not met (or the notice lacks what a rule needs); 'reasons' says which.")]
public sealed class ProposalNoticeCheck : Activity
{
    [Input(Description = "The answers of the \"serve the proposal notice\" form: an object with secureTenancies, houses, existingAgreementHouses, " +
        "includesAllExistingHouses, partyToExistingAgreement, members, tenants, secureTenantMembers and the evidence fields.", UIHint = UIHints.Json)]
    public JsonElement Notice { get; set; }

    [Input(Description = "RTM reg 9(2)(b): the notice must list at least this many houses let on secure tenancies ('secureTenancies'), e.g. 25.")]
    public int? MinimumSecureTenancies { get; set; }

    [Input(Description = "RTT (SI 2013/2898) minimum size of proposal: the notice must cover at least this many houses ('houses').")]
    public int? MinimumHouses { get; set; }

    [Input(Description = "RTM reg 9(4)(b): houses already under a management agreement ('existingAgreementHouses' > 0) may be included when that agreement " +
        "covers more than this many houses (2,500), or else only under reg 9(4)(a): the notice includes all of them ('includesAllExistingHouses') " +
        "and the organisation is party to that agreement ('partyToExistingAgreement').")]
    public int? OverlapExceptionHouses { get; set; }

    [Input(Description = "RTT reg 4 tenant group condition: members ÷ tenants × 100 ('members', 'tenants') must be at least this percentage.")]
    public decimal? MinimumMembershipPercent { get; set; }

    [Input(Description = "RTT reg 4 tenant group condition: when true, more than half the members ('members') must be secure tenants ('secureTenantMembers').")]
    public bool? SecureMemberMajority { get; set; }

    [Input(Description = "Fields of the notice that must have an answer, e.g. the documents served with it (RTM reg 9(3)): [\"proposalNotice\", \"voteRecord\", \"deliveryEvidence\"].",
        UIHint = UIHints.TextList)]
    public string[]? RequiredEvidence { get; set; }

    [Output(Description = "Whether every rule given is met.")]
    public bool? Valid { get; set; }

    [Output(Description = "One sentence per rule not met, for the letter to the organisation and the case record.")]
    public string[]? Reasons { get; set; }

    [Output(Description = "Every rule applied: [{ rule, passed, message }].")]
    public JsonElement? Findings { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        // A notice that is not an object means the definition maps the wrong variable: no finding about the
        // notice would be true, so the case stops for someone to correct the definition.
        if (Notice.ValueKind != JsonValueKind.Object)
            throw new WorkflowFaultException($"The input 'notice' must be the answers of a form (an object of field → answer); it is {Answers.Describe(Notice)}.");
        CheckThresholds();

        var findings = new List<Finding>();
        if (MinimumSecureTenancies is { } minimumSecure) findings.Add(CheckSecureTenancies(minimumSecure));
        if (MinimumHouses is { } minimumHouses) findings.Add(CheckHouses(minimumHouses));
        if (OverlapExceptionHouses is { } exception) findings.Add(CheckOverlap(exception));
        if (MinimumMembershipPercent is { } percent) findings.Add(CheckMembership(percent));
        if (SecureMemberMajority == true) findings.Add(CheckSecureMembers());
        foreach (var field in (RequiredEvidence ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Distinct(StringComparer.Ordinal))
            findings.Add(Answers.Has(Notice, field)
                ? new Finding($"requiredEvidence:{field}", true, $"The notice gives '{field}'.")
                : new Finding($"requiredEvidence:{field}", false, $"The notice gives no '{field}', which must be served with it."));

        Valid = findings.All(f => f.Passed);
        Reasons = findings.Where(f => !f.Passed).Select(f => f.Message).ToArray();
        Findings = JsonSerializer.SerializeToElement(findings, FindingJson);
        return ValueTask.FromResult(ActivityResult.Complete(Valid.Value ? "valid" : "invalid"));
    }

    public override void Validate(ActivityValidationContext context)
    {
        string[] rules = ["minimumSecureTenancies", "minimumHouses", "overlapExceptionHouses", "minimumMembershipPercent", "secureMemberMajority", "requiredEvidence"];
        if (!rules.Any(context.HasInput))
            context.AddError("inputs", "proposalNotice.rules", $"A ProposalNoticeCheck needs at least one rule: {string.Join(", ", rules)}.");
        foreach (var input in rules[..3])
            if (FixedValue.TryGet<long>(context, input, out var minimum) && minimum < 0)
                context.AddError($"inputs.{input}", "proposalNotice.threshold", $"'{input}' is a number of houses: it cannot be negative ({minimum}).");
        if (FixedValue.TryGet<decimal>(context, "minimumMembershipPercent", out var percent) && percent is < 0 or > 100)
            context.AddError("inputs.minimumMembershipPercent", "proposalNotice.threshold", $"'minimumMembershipPercent' is a percentage from 0 to 100, not {percent}.");
        if (FixedValue.TryGet<string[]>(context, "requiredEvidence", out var evidence))
        {
            foreach (var blank in evidence.Where(string.IsNullOrWhiteSpace).Take(1))
                context.AddError("inputs.requiredEvidence", "proposalNotice.evidence", "An entry of 'requiredEvidence' is empty: each names a field of the notice.");
            foreach (var duplicate in evidence.GroupBy(e => e).Where(g => g.Count() > 1))
                context.AddError("inputs.requiredEvidence", "proposalNotice.evidence", $"'{duplicate.Key}' is listed twice in 'requiredEvidence'.");
        }
    }

    /// <summary>Thresholds from variables escape validation; a negative one would pass every notice unnoticed.</summary>
    private void CheckThresholds()
    {
        foreach (var (input, value) in new[] { ("minimumSecureTenancies", MinimumSecureTenancies), ("minimumHouses", MinimumHouses), ("overlapExceptionHouses", OverlapExceptionHouses) })
            if (value < 0) throw new WorkflowFaultException($"The input '{input}' is {value}: a number of houses cannot be negative.");
        if (MinimumMembershipPercent is < 0 or > 100)
            throw new WorkflowFaultException($"The input 'minimumMembershipPercent' is {MinimumMembershipPercent}: it is a percentage from 0 to 100.");
    }

    private Finding CheckSecureTenancies(int minimum)
    {
        const string rule = "minimumSecureTenancies";
        if (Answers.ReadCount(Notice, "secureTenancies", out var secure) is { } problem)
            return new(rule, false, $"The notice's 'secureTenancies' {problem}, so regulation 9(2)(b) (at least {Wording.Count(minimum)} houses let on secure tenancies) is not shown to be met.");
        return new(rule, secure >= minimum,
            $"The notice lists {Wording.Count(secure)} houses let on secure tenancies; regulation 9(2)(b) needs at least {Wording.Count(minimum)}.");
    }

    private Finding CheckHouses(int minimum)
    {
        const string rule = "minimumHouses";
        if (Answers.ReadCount(Notice, "houses", out var houses) is { } problem)
            return new(rule, false, $"The notice's 'houses' {problem}, so the minimum size of proposal ({Wording.Count(minimum)} houses) is not shown to be met.");
        return new(rule, houses >= minimum,
            $"The proposal covers {Wording.Count(houses)} houses; the minimum size of proposal is {Wording.Count(minimum)}.");
    }

    private Finding CheckOverlap(int exception)
    {
        const string rule = "overlapExceptionHouses";
        var conditions = $"regulation 9(4) allows that only if the notice includes all the houses of that agreement and the organisation is party to it (9(4)(a)), " +
            $"or that agreement covers more than {Wording.Count(exception)} houses (9(4)(b))";
        if (!Notice.TryGetProperty("existingAgreementHouses", out var given) || given.ValueKind == JsonValueKind.Null)
            return new(rule, true, "The notice includes no houses already under a management agreement, so regulation 9(4) does not restrict it.");
        if (Answers.ReadCount(Notice, "existingAgreementHouses", out var agreementHouses) is { } problem)
            return new(rule, false, $"The notice's 'existingAgreementHouses' {problem}, so it is not shown whether regulation 9(4) (houses already under a management agreement) is met.");
        if (agreementHouses == 0)
            return new(rule, true, "The notice includes no houses already under a management agreement, so regulation 9(4) does not restrict it.");

        var includesAll = Answers.ReadYesNo(Notice, "includesAllExistingHouses");
        var party = Answers.ReadYesNo(Notice, "partyToExistingAgreement");
        if (includesAll == true && party == true)
            return new(rule, true, $"The notice includes houses already under a management agreement of {Wording.Count(agreementHouses)} houses; " +
                "regulation 9(4)(a) allows this because it includes all of them and the organisation is party to that agreement.");
        if (agreementHouses > exception)
            return new(rule, true, $"The notice includes houses already under a management agreement of {Wording.Count(agreementHouses)} houses, " +
                $"more than {Wording.Count(exception)}, which regulation 9(4)(b) allows.");

        var lacking = new List<string>();
        lacking.Add(includesAll switch
        {
            false => "it does not include all of them",
            null => "it does not say whether it includes all of them ('includesAllExistingHouses')",
            _ => "",
        });
        lacking.Add(party switch
        {
            false => "the organisation is not party to that agreement",
            null => "it does not say whether the organisation is party to that agreement ('partyToExistingAgreement')",
            _ => "",
        });
        return new(rule, false, $"The notice includes houses already under a management agreement of {Wording.Count(agreementHouses)} houses; " +
            $"{conditions}, but {Wording.List(lacking.Where(l => l.Length > 0).ToList())}.");
    }

    private Finding CheckMembership(decimal minimumPercent)
    {
        const string rule = "minimumMembershipPercent";
        var problems = new[] { ("members", Answers.ReadCount(Notice, "members", out var members)), ("tenants", Answers.ReadCount(Notice, "tenants", out var tenants)) }
            .Where(p => p.Item2 is not null).Select(p => $"'{p.Item1}' {p.Item2}").ToList();
        if (problems.Count > 0)
            return new(rule, false, $"The notice's {Wording.List(problems)}, so the tenant group's membership (at least {Wording.Number(minimumPercent)}% of the tenants) is not shown.");
        if (tenants == 0)
            return new(rule, false, $"The notice gives 0 tenants, so the tenant group's membership (at least {Wording.Number(minimumPercent)}% of the tenants) is not shown.");
        // Compared without dividing, so 20 members of 100 tenants meets exactly 20 %.
        var passed = members * 100m >= minimumPercent * tenants;
        return new(rule, passed, $"The tenant group has {Wording.Count(members)} members among {Wording.Count(tenants)} tenants ({Wording.Percent((decimal)members / tenants)}); " +
            $"the tenant group conditions need at least {Wording.Number(minimumPercent)}%.");
    }

    private Finding CheckSecureMembers()
    {
        const string rule = "secureMemberMajority";
        var problems = new[] { ("members", Answers.ReadCount(Notice, "members", out var members)), ("secureTenantMembers", Answers.ReadCount(Notice, "secureTenantMembers", out var secure)) }
            .Where(p => p.Item2 is not null).Select(p => $"'{p.Item1}' {p.Item2}").ToList();
        if (problems.Count > 0)
            return new(rule, false, $"The notice's {Wording.List(problems)}, so it is not shown that more than half the tenant group's members are secure tenants.");
        if (secure > members)
            return new(rule, false, $"The notice gives {Wording.Count(secure)} members who are secure tenants but only {Wording.Count(members)} members in all; the figures need correcting.");
        return new(rule, secure * 2 > members,
            $"{Wording.Count(secure)} of the tenant group's {Wording.Count(members)} members are secure tenants; the tenant group conditions need more than half.");
    }

    private static readonly JsonSerializerOptions FindingJson = new(JsonSerializerDefaults.Web);

    private sealed record Finding(string Rule, bool Passed, string Message);
}
