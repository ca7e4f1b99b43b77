# Conveniences; the README's two commands are scripts/course and scripts/test.
.PHONY: course test quick grade bench handout
course: ; ./scripts/course
quick: ; ./scripts/course --quick
test: ; ./scripts/test
grade: ; swift run -c release grade
bench: ; swift run -c release bench
