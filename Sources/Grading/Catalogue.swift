/// Every graded exercise of the course, in lesson order, each lesson's hidden checks after its
/// visible ones. Hidden checks live in `Sources/Grading/Hidden/`, which the student handout
/// replaces with empty lists.
public let allChecks: [ExerciseCheck] =
    lesson01Checks + lesson01HiddenChecks + lesson02Checks + lesson02HiddenChecks
    + lesson03Checks + lesson03HiddenChecks + lesson04Checks + lesson04HiddenChecks
    + lesson05Checks + lesson05HiddenChecks + lesson06Checks + lesson06HiddenChecks
    + lesson07Checks + lesson07HiddenChecks + lesson08Checks + lesson08HiddenChecks
    + lesson09Checks + lesson09HiddenChecks
