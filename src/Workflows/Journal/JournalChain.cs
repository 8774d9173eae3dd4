using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace RightToManage.Workflows.Journal;

/// <summary>The SHA-256 hash chain over a case's journal records.</summary>
public static class JournalChain
{
    /// <summary>The "previous hash" of a case's first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Stores keep microseconds (PostgreSQL's precision), so times are cut to that before hashing.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    public static string ComputeHash(Guid instanceId, long sequence, DateTimeOffset at, string actor, string stepsJson, string previousHash)
    {
        var text = string.Join('\u001f',
            previousHash,
            instanceId.ToString("D"),
            sequence.ToString(CultureInfo.InvariantCulture),
            Normalize(at).UtcTicks.ToString(CultureInfo.InvariantCulture),
            actor,
            stepsJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The steps as stored: <c>[{"kind": "...", "activity": "...", "data": {...}}, ...]</c>.</summary>
    public static string WriteSteps(IEnumerable<(JournalEntryKind Kind, string? Activity, string Data)> steps)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (kind, activity, data) in steps)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", kind.ToString());
                if (activity is not null) writer.WriteString("activity", activity);
                writer.WritePropertyName("data");
                writer.WriteRawValue(data, skipInputValidation: true);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static IReadOnlyList<JournalEntry> ReadSteps(JournalRecord record)
    {
        using var document = JsonDocument.Parse(record.StepsJson);
        var entries = new List<JournalEntry>();
        foreach (var step in document.RootElement.EnumerateArray())
        {
            entries.Add(new JournalEntry(
                record.Sequence,
                entries.Count + 1,
                record.At,
                Enum.Parse<JournalEntryKind>(step.GetProperty("kind").GetString()!),
                step.TryGetProperty("activity", out var activity) ? activity.GetString() : null,
                record.Actor,
                step.GetProperty("data").GetRawText()));
        }
        return entries;
    }

    /// <summary>Checks each link and that the chain ends where the case says it does.</summary>
    public static JournalVerification Verify(Guid instanceId, IReadOnlyList<JournalRecord> records, long expectedLength, string expectedHead)
    {
        var previous = Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Sequence != i + 1)
                return JournalVerification.Broken(i + 1, $"record {i + 1} is missing or out of order (found sequence {r.Sequence})");
            if (r.PreviousHash != previous)
                return JournalVerification.Broken(r.Sequence, "the link to the previous record does not match");
            if (ComputeHash(instanceId, r.Sequence, r.At, r.Actor, r.StepsJson, r.PreviousHash) != r.Hash)
                return JournalVerification.Broken(r.Sequence, "the record's content does not match its hash");
            previous = r.Hash;
        }
        if (records.Count != expectedLength || previous != expectedHead)
            return JournalVerification.Broken(records.Count + 1, $"the case records {expectedLength} journal records ending in {expectedHead[..12]}…, the journal holds {records.Count}");
        return new JournalVerification(true, records.Count, null, null);
    }
}
