use crate::context::Ctx;

use super::report_query_check;

crate::declare_rule! {
    /// ## What it checks
    /// That the pattern after `=~`/`matches` and `!~`/`not_matches` is a valid Java regular
    /// expression: groups and character classes are closed, `*`, `+` and `?` follow something
    /// they can repeat, `{` starts a repetition such as `{1,3}`, escapes exist in Java (a
    /// backslash before an unassigned letter is an error), ranges run forwards, named groups
    /// exist before `\k<name>`, and the pattern does not end with a lone backslash. Look-around
    /// and back-references are fine. The check is structural and does not compile the pattern.
    ///
    /// ## Why it matters
    /// ECS evaluates patterns with `java.util.regex.Pattern`; one that does not compile makes
    /// the constraint invalid.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ '(t3|m5.*'"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ '(t3|m5)\\..*'"}]}
    /// ```
    ///
    /// ## How to fix
    /// Correct the pattern at the place shown; escape a literal `{`, `(`, `[` or `*` with a
    /// backslash (in JSON, `\\`). If you meant the literal text, compare with `==`.
    ///
    /// ## Reference
    /// https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html
    pub static RULE = {
        code: "RT609",
        name: "invalid-query-regex",
        severity: Error,
        status: Preview,
        catalogue: ["R-PL-10"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    report_query_check(ctx, |a| &a.patterns);
}
