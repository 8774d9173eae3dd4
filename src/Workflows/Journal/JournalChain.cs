using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RightToManage.Workflows.Journal;

/// <summary>The SHA-256 hash chain over a case's journal.</summary>
public static class JournalChain
{
    /// <summary>The "previous hash" of a case's first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Stores keep microseconds (PostgreSQL's precision), so times are cut to that before hashing.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    public static string ComputeHash(Guid instanceId, long sequence, DateTimeOffset at, JournalEntryKind kind, string? activity, string actor, string data, string previousHash)
    {
        var text = string.Join('\u001f',
            previousHash,
            instanceId.ToString("D"),
            sequence.ToString(CultureInfo.InvariantCulture),
            Normalize(at).UtcTicks.ToString(CultureInfo.InvariantCulture),
            kind.ToString(),
            activity ?? "",
            actor,
            data);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Checks each link and that the chain ends where the case says it does.</summary>
    public static JournalVerification Verify(Guid instanceId, IReadOnlyList<JournalEntry> entries, long expectedLength, string expectedHead)
    {
        var previous = Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.Sequence != i + 1)
                return JournalVerification.Broken(e.Sequence, $"entry {i + 1} is missing or out of order (found sequence {e.Sequence})");
            if (e.PreviousHash != previous)
                return JournalVerification.Broken(e.Sequence, "the link to the previous entry does not match");
            if (ComputeHash(instanceId, e.Sequence, e.At, e.Kind, e.Activity, e.Actor, e.Data, e.PreviousHash) != e.Hash)
                return JournalVerification.Broken(e.Sequence, "the entry's content does not match its hash");
            previous = e.Hash;
        }
        if (entries.Count != expectedLength || previous != expectedHead)
            return JournalVerification.Broken(entries.Count + 1, $"the case records {expectedLength} entries ending in {expectedHead[..12]}…, the journal holds {entries.Count}");
        return new JournalVerification(true, entries.Count, null, null);
    }
}
