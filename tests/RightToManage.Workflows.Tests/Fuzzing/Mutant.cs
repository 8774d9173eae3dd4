namespace RightToManage.Workflows.Tests.Fuzzing;

/// <summary>
/// One fuzzed definition: what it was made from, how, and its text.
/// </summary>
/// <param name="Source">The shipped file it was mutated from, e.g. <c>right-to-manage.json</c>.</param>
/// <param name="Seed">The seed that makes exactly this mutant again.</param>
/// <param name="Mutations">What was done, in order, each naming the JSON path it was done at.</param>
/// <param name="Text">The mutated definition as a designer would send it.</param>
/// <param name="Shape">
/// The tree error paths are resolved against: <see cref="Text"/> before it was truncated (a truncated text has no tree of
/// its own), with nesting cut to 100 levels (the parser stops at 64, so no path goes deeper, and following 100,000
/// levels takes a JSON reader longer than the whole run).
/// </param>
/// <param name="Truncated">Whether <see cref="Text"/> was cut short: malformed JSON.</param>
public sealed record Mutant(string Source, int Seed, IReadOnlyList<string> Mutations, string Text, string Shape, bool Truncated)
{
    public override string ToString() => $"{Source} seed {Seed}: {string.Join("; ", Mutations)}";
}
