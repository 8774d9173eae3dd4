namespace RightToManage.Workflows.Runtime;

/// <summary>A problem the runtime detects while running an activity; it becomes an incident on the case.</summary>
public sealed class WorkflowFaultException(string message) : Exception(message);
