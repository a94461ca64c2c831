#!/bin/sh
# Balance of `ouderstem sample` over many seeds (issue 11): a class of 30 (sample of 10) and a school of 600
# (sample of 60), every tag and home-language group against its proportional share. Runs the suite's balance
# test with OUDERSTEM_BALANCE_SEEDS (default 1000) and prints the distribution; fails if any draw is more than
# one family off. Uses the debug test build (`swift build --build-tests` first); the figures are counts, not
# timings, so the build mode does not change them.
set -e
cd "$(dirname "$0")/../.."
SEEDS=${1:-1000}
[ -d .build/debug ] || swift build --build-tests
start=$(date +%s)
OUDERSTEM_BALANCE_SEEDS=$SEEDS swift test --skip-build --filter "everyTagAndLanguageWithinOneFamilyOfItsShare" 2>&1 \
    | grep -v '^\[' | grep -E '^(==|largest|  |✘|.*passed|.*failed)' || true
echo "($SEEDS seeds per roster, $(( $(date +%s) - start )) s with the debug build)"
