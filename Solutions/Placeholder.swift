public enum SolutionsPlaceholder {}
