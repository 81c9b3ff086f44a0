//! What RT331 (the task and execution role overrides) and RT701 (the EBS infrastructure role)
//! say about a value that should be an IAM role ARN but is not, beyond an empty value or a bare
//! role name (which each words itself).

use crate::arn::{self, RoleArnProblem};
use crate::context::Ctx;
use crate::diagnostics::message::explain_account;
use crate::diagnostics::Applicability;
use crate::ids;
use crate::json::{json_string, NodeId};

/// Reports `problem` of the role ARN `value` at `node`; `head` starts the message ("`x` is
/// "value""), `help` says what to write when nothing evident corrects it.
pub(crate) fn report(ctx: &mut Ctx<'_, '_>, node: NodeId, head: &str, value: &str, problem: &RoleArnProblem<'_>, help: &str) {
    match problem {
        RoleArnProblem::AssumedRole(fixed) => {
            let fix = ctx.replace_value(node, json_string(fixed), Applicability::Unsafe, format!("Use the role's ARN `{fixed}`"));
            let message = problem.describe(head).unwrap_or_default();
            ctx.report(node, message).help(format!("use the role's ARN: \"{fixed}\" (with the role's path if it has one)")).fix(fix);
        }
        RoleArnProblem::BadAccount(account) => {
            let Some(id) = ids::account_problem(account) else { return };
            let (says, account_help) = explain_account(&"", &id);
            let shown: String = account.chars().take(20).collect();
            // The ARN with the account it evidently means.
            let corrected = id.suggestion.as_deref().and_then(|good| arn::parse(value).map(|a| format!("arn:{}:{}:{}:{good}:{}", a.partition, a.service, a.region, a.resource)));
            let fix = corrected.map(|c| ctx.replace_value(node, json_string(&c), Applicability::Unsafe, format!("Use the account `{}`", id.suggestion.as_deref().unwrap_or(""))));
            let says = says.strip_prefix("which ").unwrap_or(&says);
            ctx.report(node, format!("{head}: its account `{shown}` {says}")).help(if id.suggestion.is_some() { account_help } else { help.to_owned() }).fix_opt(fix);
        }
        _ => {
            let message = problem.describe(head).unwrap_or_default();
            ctx.report(node, message).help(help.to_owned());
        }
    }
}
