namespace RightToManage.Workflows.Time;

/// <summary>A one-off change to the bank holidays: a day added by proclamation, or a rule day moved away.</summary>
public sealed record BankHolidayChange(DateOnly Date, BankHolidayChangeKind Change, string Name);
