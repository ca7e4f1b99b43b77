/// Every lesson's claims, by lesson number, and the executable that produces each lesson's results.
public enum ClaimCatalogue {
    /// The lesson executables that have claims, by lesson number.
    public static let lessons: [Int: String] = [
        1: "01-behavior-cloning", 2: "02-distribution-shift", 3: "03-gan-optimal-discriminator", 4: "04-gail",
        5: "05-off-policy-failure", 6: "06-bcq", 7: "07-imitation-and-task-rewards", 8: "08-demonstrations-in-rl", 9: "09-visuomotor",
    ]

    /// All claims, in lesson order.
    public static let all: [Claim] = lesson01Claims + lesson02Claims + lesson03Claims + lesson04Claims
        + lesson05Claims + lesson06Claims + lesson07Claims + lesson08Claims + lesson09Claims

    /// The claims of lesson `number`.
    public static func claims(ofLesson number: Int) -> [Claim] { all.filter { $0.lesson == number } }
}
