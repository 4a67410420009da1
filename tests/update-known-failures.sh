#!/usr/bin/env bash
# Rewrites tests/src/test/resources/conformance-known-failures.txt from a real run of the
# conformance corpus: every script that fails now is listed, every script that passes is not.
# The comments at the top of the file, and those after entries that stay, are kept.
#
# Usage: tests/update-known-failures.sh [SUBSTR]
#   SUBSTR  only run the scripts whose test name contains it (e.g. threads/ or "[gil=0]");
#           the entries of the scripts not run are left as they were.
#
# It runs the same ConformanceTest that `mvn verify` runs, so the list and the build can
# never disagree about what passes. Review the change with `git diff` before committing.
set -euo pipefail
root=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mvn -B -q verify -pl tests -am \
    -Dtest=ConformanceTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dgild.conformance.updateKnownFailures=true \
    "-Dgild.conformance.filter=${1:-}"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git --no-pager diff --stat -- tests/src/test/resources/conformance-known-failures.txt
fi
