/// The names of the numbers the mixed-reward agent adds to each learning-curve point.
public enum MixedRewardMetric {
    /// Mean D on the expert's pairs, before the iteration's discriminator update.
    public static let expertD = GAILMetric.expertD
    /// Mean D on the policy's fresh pairs, before the iteration's discriminator update.
    public static let policyD = GAILMetric.policyD
    /// The mean discriminator loss over the iteration's steps.
    public static let discriminatorLoss = GAILMetric.discriminatorLoss
    /// The mean imitation reward r_GAIL per step of the batch (after the update).
    public static let imitationReward = GAILMetric.imitationReward
    /// The mean task reward r_task per step of the batch (after scaling).
    public static let taskReward = "task reward"
}
