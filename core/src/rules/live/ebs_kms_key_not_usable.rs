crate::declare_rule! {
    /// ## What it checks
    /// That the `kmsKeyId` of a managed EBS volume (`volumeConfigurations[].managedEBSVolume`)
    /// names a KMS key of this account and Region that exists, is enabled and is a symmetric
    /// encryption key (KMS DescribeKey). Keys of other accounts or Regions are not looked up.
    ///
    /// ## Why it matters
    /// The model says of an invalid key that "the action can appear to complete, but eventually
    /// fails": the volume cannot be created and the task stops. EBS encrypts only with
    /// symmetric keys.
    ///
    /// ## Account state
    /// The key `alias/ebs-tasks` does not exist; or the key is disabled or pending deletion.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"sizeInGiB": 20, "encrypted": true, "kmsKeyId": "alias/ebs-tasks", "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole"}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"sizeInGiB": 20, "encrypted": true, "roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole"}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use the ID, alias or ARN of an enabled symmetric key of this Region (`aws kms
    /// describe-key --key-id …`), or omit `kmsKeyId` to use the default EBS key.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT866",
        name: "ebs-kms-key-not-usable",
        severity: Warning,
        catalogue: ["R-VOL-23"],
        live: true,
        topics: [Live, Volumes],
    };
}
