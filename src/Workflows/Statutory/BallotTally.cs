using System.Text.Json;
using System.Text.RegularExpressions;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Runtime;

namespace RightToManage.Workflows.Statutory;

/// <summary>
/// Counts a ballot's result and applies the tests the process sets by parameters: a majority of the votes
/// cast overall, a separate majority within a category (secure tenants, under Right to Manage), and a
/// minimum turnout. Which categories count, and for what, differs between processes and is not settled
/// law everywhere, so none of it is built in.
/// </summary>
[Activity("BallotTally", Category = "Statutory", DisplayName = "Ballot tally",
    Description = "Counts a ballot and applies its rules: a majority of the votes cast in 'overallCategories'; a separate majority in each of " +
        "'separateMajorities' (RTM: a majority of secure tenants voting; RTT SI 2013/2898 reg 22(1)(a): of secure and introductory tenants); " +
        "turnout more than 'turnoutMustExceedPercent'. A tie is not a majority. 'majorityAgainst' reports more votes against than for overall, " +
        "which bars the Secretary of State's consent to a transfer (Housing Act 1985 Sch 3A para 5(1)).")]
[Port("passed", Description = "Every rule set is met.")]
[Port("failed", Description = "At least one rule is not met; 'reasons' says which.")]
public sealed partial class BallotTally : Activity
{
    [Input(Description = "The result: for each category c, {c}InFavour and {c}Against (whole numbers, 0 or more), and {c}Electorate when a turnout rule is set.",
        UIHint = UIHints.Json)]
    public JsonElement Votes { get; set; }

    [Input(Description = "Every category balloted, e.g. [\"secure\", \"introductory\", \"leaseholder\"]: each a letter followed by letters and digits.",
        UIHint = UIHints.TextList)]
    public string[] Categories { get; set; } = [];

    [Input(Description = "The categories whose votes are added up for the overall majority and the turnout; left out, all of them.", UIHint = UIHints.TextList)]
    public string[]? OverallCategories { get; set; }

    [Input(Description = "Categories that each need a majority of the votes cast in them, e.g. [\"secure\"].", UIHint = UIHints.TextList)]
    public string[]? SeparateMajorities { get; set; }

    [Input(Description = "Votes cast in the overall categories ÷ their electorate × 100 must be more than this (0 to 100); left out or 0, no turnout rule.")]
    public decimal? TurnoutMustExceedPercent { get; set; }

    [Input(Description = "Whether a majority of the votes cast in the overall categories must be in favour.", DefaultJson = "true")]
    public bool RequireOverallMajority { get; set; } = true;

    [Output(Description = "Whether every rule set is met.")]
    public bool? Passed { get; set; }

    [Output(Description = "More votes against than in favour in the overall categories (Housing Act 1985 Sch 3A para 5(1)).")]
    public bool? MajorityAgainst { get; set; }

    [Output(Description = "One sentence per rule not met.")]
    public string[]? Reasons { get; set; }

    [Output(Description = "{ passed, majorityAgainst, turnoutPercent, tests: [{ rule, inFavour, against, cast, passed, message }], counts: { category: { inFavour, against, electorate } } }.")]
    public JsonElement? Result { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        // Lists may come from variables or parameters, which validation does not see.
        if (ProblemWithLists(Categories, OverallCategories, SeparateMajorities) is { } problem) throw new WorkflowFaultException(problem.Message);
        if (TurnoutMustExceedPercent is < 0 or > 100)
            throw new WorkflowFaultException($"The input 'turnoutMustExceedPercent' is {TurnoutMustExceedPercent}: it is a percentage from 0 to 100.");
        if (Votes.ValueKind != JsonValueKind.Object)
            throw new WorkflowFaultException($"The input 'votes' must be the result's answers (an object of counts); it is {Answers.Describe(Votes)}.");

        var overall = OverallCategories ?? Categories;
        var turnoutRule = TurnoutMustExceedPercent is > 0;
        var counts = Categories.ToDictionary(c => c, c => Read(c, needsElectorate: turnoutRule && overall.Contains(c)), StringComparer.Ordinal);

        var tests = new List<Test>();
        var inFavour = overall.Sum(c => counts[c].InFavour);
        var against = overall.Sum(c => counts[c].Against);
        if (RequireOverallMajority) tests.Add(Majority("overallMajority", inFavour, against, null));
        foreach (var category in SeparateMajorities ?? [])
            tests.Add(Majority($"separateMajority:{category}", counts[category].InFavour, counts[category].Against, category));

        decimal? turnoutPercent = null;
        if (overall.All(c => counts[c].Electorate is not null))
        {
            var electorate = overall.Sum(c => counts[c].Electorate!.Value);
            if (electorate > 0) turnoutPercent = Math.Round((inFavour + against) * 100m / electorate, 2);
            if (turnoutRule) tests.Add(Turnout(inFavour, against, electorate, TurnoutMustExceedPercent!.Value, overall));
        }

        Passed = tests.All(t => t.Passed);
        MajorityAgainst = against > inFavour;
        Reasons = tests.Where(t => !t.Passed).Select(t => t.Message).ToArray();
        Result = JsonSerializer.SerializeToElement(new
        {
            passed = Passed,
            majorityAgainst = MajorityAgainst,
            turnoutPercent,
            tests,
            counts,
        }, ResultJson);
        return ValueTask.FromResult(ActivityResult.Complete(Passed.Value ? "passed" : "failed"));
    }

    public override void Validate(ActivityValidationContext context)
    {
        var categories = FixedValue.TryGet<string[]>(context, "categories", out var given) ? given : null;
        var overall = FixedValue.TryGet<string[]>(context, "overallCategories", out var overallGiven) ? overallGiven : null;
        var separate = FixedValue.TryGet<string[]>(context, "separateMajorities", out var separateGiven) ? separateGiven : null;
        if (ProblemWithLists(categories, overall, separate) is { } problem)
            context.AddError($"inputs.{problem.Input}", problem.Code, problem.Message);
        if (FixedValue.TryGet<decimal>(context, "turnoutMustExceedPercent", out var turnout) && turnout is < 0 or > 100)
            context.AddError("inputs.turnoutMustExceedPercent", "ballot.turnout", $"'turnoutMustExceedPercent' is a percentage from 0 to 100, not {turnout}.");
        if (context.TryGetLiteral<bool>("requireOverallMajority", out var overallMajority) && !overallMajority
            && !context.HasInput("separateMajorities") && !context.HasInput("turnoutMustExceedPercent"))
            context.AddError("inputs", "ballot.rules", "With 'requireOverallMajority' false, a BallotTally needs 'separateMajorities' or 'turnoutMustExceedPercent': otherwise every ballot passes.");
    }

    /// <summary>The first problem with the category lists, checking only those that are known (null: not known or not given).</summary>
    private static (string Input, string Code, string Message)? ProblemWithLists(string[]? categories, string[]? overall, string[]? separate)
    {
        if (categories is not null)
        {
            if (categories.Length == 0)
                return ("categories", "ballot.categories", "'categories' must list at least one category balloted, e.g. [\"secure\"].");
            if (categories.FirstOrDefault(c => !CategoryName().IsMatch(c)) is { } bad)
                return ("categories", "ballot.categories", $"The category '{bad}' is not a letter followed by letters and digits: it names the fields {bad}InFavour, {bad}Against and {bad}Electorate.");
            if (categories.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return ("categories", "ballot.categories", $"The category '{twice.Key}' is listed twice in 'categories'.");
        }
        foreach (var (name, list) in new[] { ("overallCategories", overall), ("separateMajorities", separate) })
        {
            if (list is null) continue;
            if (name == "overallCategories" && list.Length == 0)
                return (name, "ballot.subset", "'overallCategories' lists no categories: leave it out to count all of them.");
            if (list.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return (name, "ballot.subset", $"The category '{twice.Key}' is listed twice in '{name}'.");
            if (categories is not null && list.FirstOrDefault(c => !categories.Contains(c, StringComparer.Ordinal)) is { } stranger)
                return (name, "ballot.subset", $"'{name}' names '{stranger}', which is not one of 'categories' ({string.Join(", ", categories)}).");
        }
        return null;
    }

    private Count Read(string category, bool needsElectorate)
    {
        var inFavour = ReadCount($"{category}InFavour", $"the number of {Voters(category)} who voted in favour");
        var against = ReadCount($"{category}Against", $"the number of {Voters(category)} who voted against");
        long? electorate = null;
        var field = $"{category}Electorate";
        // An electorate given but not needed is still checked: a bad figure shows the result was keyed wrongly.
        if (needsElectorate || (Votes.TryGetProperty(field, out var given) && given.ValueKind != JsonValueKind.Null))
        {
            electorate = ReadCount(field, $"the number of {Voters(category)} entitled to vote, which the turnout rule needs");
            if (inFavour + against > electorate)
                throw new WorkflowFaultException($"The votes give {Wording.Count(inFavour + against)} votes cast by {Voters(category)} but '{field}' is only {Wording.Count(electorate.Value)}.");
        }
        return new Count(inFavour, against, electorate);
    }

    private long ReadCount(string field, string meaning) =>
        Answers.ReadCount(Votes, field, out var count) is { } problem
            ? throw new WorkflowFaultException($"The votes' '{field}' {problem}: it is {meaning}, a whole number of 0 or more.")
            : count;

    private static Test Majority(string rule, long inFavour, long against, string? category)
    {
        var cast = inFavour + against;
        var (voting, required) = category is null
            ? ("votes cast", "a majority of the votes cast is required")
            : ($"{Voters(category)} voting", $"a majority of {Voters(category)} voting is required");
        var message = cast == 0 ? $"No votes were cast{(category is null ? "" : $" by {Voters(category)}")} ({required})."
            : inFavour > against ? $"{Wording.Count(inFavour)} of {Wording.Count(cast)} {voting} were in favour, a majority."
            : inFavour == against ? $"{Wording.Count(inFavour)} of {Wording.Count(cast)} {voting} were in favour and {Wording.Count(against)} against: a tie is not a majority ({required})."
            : $"{Wording.Count(against)} of {Wording.Count(cast)} {voting} were against ({required}).";
        return new Test(rule, inFavour, against, cast, inFavour > against, message);
    }

    private static Test Turnout(long inFavour, long against, long electorate, decimal threshold, string[] overall)
    {
        var cast = inFavour + against;
        if (electorate == 0)
            throw new WorkflowFaultException($"The electorate of {string.Join(", ", overall)} is 0 ({string.Join(", ", overall.Select(c => $"'{c}Electorate'"))}), so the turnout cannot be worked out.");
        // Compared without dividing, so 50 of 100 is exactly 50 % and does not exceed 50 %.
        var passed = cast * 100m > threshold * electorate;
        var message = $"{Wording.Count(cast)} of the {Wording.Count(electorate)} entitled to vote did so ({Wording.Percent((decimal)cast / electorate)}); " +
            $"the turnout must be more than {Wording.Number(threshold)}%.";
        return new Test("turnout", inFavour, against, cast, passed, message);
    }

    /// <summary>Categories named in the regulations read as people; any other name is quoted as the designer wrote it.</summary>
    private static string Voters(string category) => category.ToLowerInvariant() switch
    {
        "secure" => "secure tenants",
        "introductory" => "introductory tenants",
        "flexible" => "flexible tenants",
        "demoted" => "demoted tenants",
        "leaseholder" or "leaseholders" => "leaseholders",
        "tenant" or "tenants" => "tenants",
        _ => $"'{category}' voters",
    };

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,49}\z")]
    private static partial Regex CategoryName();

    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web);

    private sealed record Count(long InFavour, long Against, long? Electorate);

    private sealed record Test(string Rule, long InFavour, long Against, long Cast, bool Passed, string Message);
}
