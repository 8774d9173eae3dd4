namespace RightToManage.Notifications.Templates;

/// <summary>How a placeholder's value is formatted: <c>{{ field }}</c>, <c>{{ field | date }}</c> or <c>{{ field | dateTime }}</c>.</summary>
internal enum TemplateFilter
{
    None,
    Date,
    DateTime,
}
