namespace RightToManage.Workflows.Activities;

public enum ActivityResultKind
{
    Completed,
    Suspended,
    Absorbed,
    Ended,
}
