using System.Text.Json;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Journal;

namespace RightToManage.Workflows.Runtime;

/// <summary>
/// The timers of a deadline on a waiting activity. They are bookmarks of the same activity, named
/// <c>deadline:expiry</c> and <c>deadline:reminder</c>, whose data points at the waiting bookmark they
/// belong to; they go when it goes.
/// </summary>
internal sealed class DeadlineTimers(FlowchartRun run)
{
    public const string ExpiryName = "deadline:expiry";
    public const string ReminderName = "deadline:reminder";

    public static bool IsDeadlineTimer(Bookmark bookmark) => bookmark.Name is ExpiryName or ReminderName;

    /// <summary>Every running deadline of a case, soonest first.</summary>
    public static IReadOnlyList<DeadlineSummary> Summaries(CompiledDefinition definition, WorkflowState state) =>
        state.Bookmarks.Where(b => b.Name == ExpiryName)
            .Select(b => (Timer: b, Node: definition.Node(b.Activity)))
            .Select(x => new DeadlineSummary(x.Node.Id, x.Node.Stage, Data(x.Timer).LastDay, x.Timer.DueAt!.Value, x.Node.Deadline?.Source))
            .OrderBy(d => d.PassesAt)
            .ToList();

    /// <summary>The deadline's last day for a waiting bookmark, if it has one.</summary>
    public static DateOnly? LastDayOf(WorkflowState state, string waitingBookmarkId) =>
        state.Bookmarks.Where(b => b.Name == ExpiryName && Data(b).Parent == waitingBookmarkId).Select(b => (DateOnly?)Data(b).LastDay).FirstOrDefault();

    /// <summary>Starts the deadline's timers for a bookmark just created on <paramref name="node"/>.</summary>
    public void Arm(ActivityNode node, Bookmark waiting)
    {
        var deadline = node.Deadline!;
        var calendar = run.Calendar;
        if (ValueReference.TryParse(deadline.Period, out var reference) && reference.Kind == ValueReferenceKind.Parameter
            && run.Definition.Parameters[reference.Name].Value.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            // A period the research did not find: no deadline rather than a guessed one, and the journal says why.
            run.Record(JournalEntryKind.DeadlineNotSet, node.Id, new { parameter = reference.Name, source = deadline.Source });
            return;
        }
        var period = run.ResolvePeriod(deadline.Period, "deadline period");
        var from = deadline.From is { } fromValue ? run.ResolveDate(fromValue, "deadline start date") : calendar.DateOf(run.Now);
        var lastDay = period.AddTo(from, calendar.BankHolidays);
        ArmFor(node, waiting, lastDay);
        run.Record(JournalEntryKind.DeadlineSet, node.Id, new { from, period = period.ToString(), lastDay, source = deadline.Source });
    }

    /// <summary>Moves the deadline of <paramref name="waiting"/> to a later last day; its timers are set again.</summary>
    public void Extend(ActivityNode node, Bookmark waiting, DateOnly newLastDay, string reason, string legalBasis)
    {
        var previous = LastDayOf(run.State, waiting.Id) ?? throw new WorkflowFaultException($"'{node.Id}' has no running deadline.");
        if (newLastDay <= previous) throw new ArgumentException($"An extension must move the last day later than {previous:yyyy-MM-dd}.");
        Disarm(waiting.Id);
        ArmFor(node, waiting, newLastDay);
        run.Record(JournalEntryKind.DeadlineExtended, node.Id, new { previousLastDay = previous, lastDay = newLastDay, reason, legalBasis });
    }

    /// <summary>Removes every deadline timer of a waiting bookmark (it was resumed, cancelled or re-armed).</summary>
    public void Disarm(string waitingBookmarkId) =>
        run.State.Bookmarks.RemoveAll(b => IsDeadlineTimer(b) && Data(b).Parent == waitingBookmarkId);

    /// <summary>A deadline timer fell due: remind, escalate or interrupt.</summary>
    public void Fire(ActivityNode node, Bookmark timer)
    {
        var data = Data(timer);
        var waiting = run.State.Bookmarks.FirstOrDefault(b => b.Id == data.Parent);
        if (waiting is null) return; // the wait ended in the same run; nothing to do
        var deadline = node.Deadline!;
        if (timer.Name == ReminderName)
        {
            run.Record(JournalEntryKind.ReminderDue, node.Id, new { lastDay = data.LastDay, reminder = data.Reminder });
            if (data.Reminder is { } index && deadline.Reminders[index].Every is { } every)
            {
                var next = run.ResolvePeriod(every, "reminder interval").AddTo(run.Calendar.DateOf(timer.DueAt!.Value), run.Calendar.BankHolidays);
                Add(node, waiting, ReminderName, run.Calendar.At(next, run.Calendar.ReminderTime), data.LastDay, index);
            }
            run.Leave(node.Id, DeadlinePorts.Reminder);
            return;
        }

        run.Record(JournalEntryKind.DeadlineExpired, node.Id, new { lastDay = data.LastDay, onExpiry = deadline.OnExpiry, source = deadline.Source });
        if (deadline.OnExpiry == DeadlineExpiry.Interrupt)
        {
            Disarm(waiting.Id);
            run.State.Bookmarks.RemoveAll(b => b.Id == waiting.Id);
            // The wait is over: it ended "overdue", which a Decision on this activity's outcome can see.
            run.State.Outcomes[node.Id] = DeadlinePorts.Overdue;
        }
        run.Leave(node.Id, DeadlinePorts.Overdue);
    }

    /// <summary>Computes every timer first, so a failure (an unset date, say) leaves the state untouched.</summary>
    private void ArmFor(ActivityNode node, Bookmark waiting, DateOnly lastDay)
    {
        var calendar = run.Calendar;
        var deadline = node.Deadline!;
        var timers = new List<Bookmark> { Timer(node, waiting, ExpiryName, calendar.ExpiryOf(lastDay), lastDay, null) };
        for (var i = 0; i < deadline.Reminders.Count; i++)
        {
            var reminder = deadline.Reminders[i];
            var day = reminder.Before is { } before ? run.ResolvePeriod(before, "reminder period").SubtractFrom(lastDay, calendar.BankHolidays)
                : reminder.OnTheDay ? lastDay
                : run.ResolvePeriod(reminder.Every!.Value, "reminder interval").AddTo(lastDay, calendar.BankHolidays);
            var dueAt = calendar.At(day, calendar.ReminderTime);
            if (reminder.Every is { } every)
            {
                // A repeating reminder whose first dates are already past starts at its next date to come.
                var interval = run.ResolvePeriod(every, "reminder interval");
                while (dueAt <= run.Now)
                {
                    day = interval.AddTo(day, calendar.BankHolidays);
                    dueAt = calendar.At(day, calendar.ReminderTime);
                }
            }
            if (dueAt > run.Now) timers.Add(Timer(node, waiting, ReminderName, dueAt, lastDay, i));
        }
        run.State.Bookmarks.AddRange(timers);
    }

    private void Add(ActivityNode node, Bookmark waiting, string name, DateTimeOffset dueAt, DateOnly lastDay, int? reminder) =>
        run.State.Bookmarks.Add(Timer(node, waiting, name, dueAt, lastDay, reminder));

    private Bookmark Timer(ActivityNode node, Bookmark waiting, string name, DateTimeOffset dueAt, DateOnly lastDay, int? reminder) =>
        new(Guid.CreateVersion7(run.Now).ToString("N"), node.Id, name, run.Now,
            JsonSerializer.SerializeToElement(new TimerData(waiting.Id, lastDay, reminder), JournalJson.Options), dueAt);

    private static TimerData Data(Bookmark timer) => timer.Data!.Value.Deserialize<TimerData>(JournalJson.Options)!;

    private sealed record TimerData(string Parent, DateOnly LastDay, int? Reminder);
}
