crate::declare_rule! {
    /// ## What it checks
    /// That the task definition (`family`, `family:revision` or ARN) exists and is `ACTIVE`; for a
    /// bare family, that the family has an ACTIVE revision (ECS runs the latest one).
    ///
    /// ## Why it matters
    /// ECS refuses the request: `Unable to describe task definition.` for one that does not
    /// exist, and "You can't use an INACTIVE task definition to run new tasks" for a deregistered
    /// revision. When it is ACTIVE, the pre-flight fetches it and runs every task-definition
    /// rule (RT800–RT849) with it, as `--task-definition` does.
    ///
    /// ## Account state
    /// Revision 3 of `web` was deregistered; revision 4 is ACTIVE.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:4"}
    /// ```
    ///
    /// ## How to fix
    /// Use an ACTIVE revision (`aws ecs list-task-definitions --family-prefix web --status
    /// ACTIVE`), or register the task definition again.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html
    pub static RULE = {
        code: "RT852",
        name: "task-definition-not-active",
        severity: Error,
        catalogue: ["R-TD-24"],
        live: true,
        topics: [Live, RequestMembers],
    };
}
