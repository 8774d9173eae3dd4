namespace RightToManage.Workflows.Activities;

/// <summary>Editors the studio offers for an input. Some also drive validation.</summary>
public static class UIHints
{
    public const string SingleLine = "single-line";
    public const string MultiLine = "multi-line";
    public const string Dropdown = "dropdown";

    /// <summary>The value names a variable of the definition; validation checks that it exists.</summary>
    public const string VariablePicker = "variable-picker";

    /// <summary>The value names an activity of the definition; validation checks that it exists.</summary>
    public const string ActivityPicker = "activity-picker";

    public const string PeriodEditor = "period-editor";
    public const string DatePicker = "date-picker";
    public const string TextList = "text-list";
    public const string Json = "json";
}
