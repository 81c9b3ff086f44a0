crate::declare_rule! {
    /// ## What it checks
    /// That a Task state passes only the RunTask parameters the Step Functions ECS integration
    /// passes: `Cluster`, `Group`, `LaunchType`, `NetworkConfiguration`, `Overrides`,
    /// `PlacementConstraints`, `PlacementStrategy`, `PlatformVersion`, `PropagateTags`,
    /// `TaskDefinition`, `EnableExecuteCommand` and `CapacityProviderStrategy`. `Count`,
    /// `StartedBy`, `Tags`, `EnableECSManagedTags`, `ReferenceId`, `ClientToken` and
    /// `VolumeConfigurations` are not passed, nor `Overrides.TaskRoleArn` and
    /// `Overrides.ExecutionRoleArn`. (A state that runs one task and waits for it, `.sync`, cannot
    /// run `Count` tasks: use a Map state.)
    ///
    /// ## Why it matters
    /// Step Functions refuses the definition: `The field "Count" is not supported by Step
    /// Functions`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
    ///   "Parameters": {"TaskDefinition": "report:3", "Count": 2}, "End": true}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
    ///   "Parameters": {"TaskDefinition": "report:3"}, "End": true}}}
    /// ```
    ///
    /// ## How to fix
    /// Remove the member; run several tasks with a Map state around the Task state; set task roles
    /// in the task definition.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html
    pub static RULE = {
        code: "RT052",
        name: "member-not-passed",
        severity: Error,
        catalogue: ["R-SFN-01", "R-SFN-02", "R-SFN-03"],
        topics: [Dialects],
    };
}
