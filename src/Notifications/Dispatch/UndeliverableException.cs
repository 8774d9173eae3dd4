namespace RightToManage.Notifications.Dispatch;

/// <summary>A message that no retry can deliver until someone changes something (a contact, a template).</summary>
public class UndeliverableException(string message) : Exception(message);
