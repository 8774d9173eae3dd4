namespace RightToManage.Workflows.Persistence;

public enum StimulusStatus
{
    Pending,
    Applied,
}
