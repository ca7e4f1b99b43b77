#!/usr/bin/env bash
# SwiftPM refuses two source files of the same name in one module ("multiple producers").
# Lists any such pair, so a merge of two lessons' work is caught before a build.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
for module in Exercises Solutions Sources/* Tests/* Lessons/*; do
  [ -d "$module" ] || continue
  dups=$(find "$module" -name '*.swift' -printf '%f\n' | sort | uniq -d)
  if [ -n "$dups" ]; then echo "two files named $dups in $module"; status=1; fi
done
exit $status
