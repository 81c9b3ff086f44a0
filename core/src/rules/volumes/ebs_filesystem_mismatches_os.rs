use crate::context::Ctx;
use crate::diagnostics::message::dotted;
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// With the task definition: that `managedEBSVolume.filesystemType` suits the task's
    /// operating system (`runtimePlatform.operatingSystemFamily`, Linux when absent): `ext3`,
    /// `ext4` or `xfs` on Linux, `ntfs` on Windows.
    ///
    /// ## Why it matters
    /// "The available Linux filesystem types are ext3, ext4, and xfs" and "the available Windows
    /// filesystem types are NTFS" (ECS API reference). A Linux task cannot mount an NTFS
    /// volume, nor a Windows task an xfs one; the task fails to start.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "db", "containerDefinitions": [{"name": "db", "image": "postgres:16"}], "volumes": [{"name": "data", "configuredAtLaunch": true}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "filesystemType": "ntfs"}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "filesystemType": "xfs"}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use `xfs` (the default), `ext4` or `ext3` for Linux tasks and `ntfs` for Windows tasks.
    /// The fix does so when the volume is not restored from a snapshot (unsafe); with a
    /// snapshot, the type must be the snapshot's.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT713",
        name: "ebs-filesystem-mismatches-os",
        severity: Warning,
        catalogue: ["R-VOL-21"],
        task_definition: true,
        topics: [Windows, Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let windows = td.is_windows();
    let os = td.os_family();
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(node) = doc.get(ebs.node, "filesystemType") else { continue };
        let Some(fs) = doc.str(node) else { continue };
        if !matches!(fs.as_ref(), "ext3" | "ext4" | "xfs" | "ntfs") || (fs == "ntfs") == windows {
            continue;
        }
        let (want, help) = if windows {
            ("ntfs", "Windows tasks mount NTFS volumes: use \"ntfs\"")
        } else {
            ("xfs", "Linux tasks mount ext3, ext4 or xfs volumes: use \"xfs\" (the default), \"ext4\" or \"ext3\"")
        };
        let snapshot = doc.get(ebs.node, "snapshotId").is_some();
        let fix = (!snapshot).then(|| ctx.replace_value(node, format!("\"{want}\""), Applicability::Unsafe, format!("Use `{want}`")));
        let mut r = ctx.report(node, format!("`{}` is {fs}, but the task definition's operating system is {os}", dotted(doc, node)));
        r.help(help).fix_opt(fix);
        if snapshot {
            r.note("the volume is restored from a snapshot: the filesystem type must be the snapshot's, so the snapshot may not suit this task");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{check, Options};

    fn codes(fs: &str, os: &str) -> Vec<(String, &'static str)> {
        let td = format!(r#"{{"family": "app", "runtimePlatform": {{"operatingSystemFamily": "{os}"}}, "containerDefinitions": [{{"name": "app", "image": "app"}}]}}"#);
        let req = format!(
            r#"{{"taskDefinition": "app:1", "launchType": "EC2", "volumeConfigurations": [{{"name": "data", "managedEBSVolume": {{"roleArn": "arn:aws:iam::123456789012:role/r", "sizeInGiB": 50, "filesystemType": "{fs}"}}}}]}}"#
        );
        let report = check(&req, &Options { task_definition: Some(td), ..Options::default() }).unwrap();
        report.diagnostics.into_iter().filter(|d| d.code == "RT713").map(|d| (d.pointer, d.code)).collect()
    }

    #[test]
    fn windows_needs_ntfs() {
        assert_eq!(codes("xfs", "WINDOWS_SERVER_2022_CORE").len(), 1);
        assert_eq!(codes("ext4", "WINDOWS_SERVER_2019_FULL").len(), 1);
        assert!(codes("ntfs", "WINDOWS_SERVER_2022_CORE").is_empty());
        assert_eq!(codes("ntfs", "LINUX").len(), 1);
        assert!(codes("xfs", "LINUX").is_empty());
    }
}
