namespace RightToManage.Workflows.Time;

public sealed record BankHoliday(DateOnly Date, string Name);
