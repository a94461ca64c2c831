#!/bin/sh
# Balance of `ouderstem sample` over many seeds (issue 11): a class of 30 (sample of 10) and a school of 600
# (sample of 60), every tag and home-language group against its proportional share. Compiles the sampling
# sources alone with `swiftc -O` (about half a minute; no package build needed) together with the test
# rosters and main.swift, then draws SEEDS samples per roster (default 1000) and prints the distribution.
# Exits non-zero when any draw has a group more than one family off.
set -e
cd "$(dirname "$0")/../.."
SEEDS=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One module: the rosters' `import SurveyCore` is not needed.
sed '/^import SurveyCore$/d' Tests/SurveyCoreTests/BalanceRosters.swift > "$work/BalanceRosters.swift"
swiftc -O -o "$work/balance" Benchmarks/sample/main.swift "$work/BalanceRosters.swift" \
    Sources/SurveyCore/Roster/Respondent.swift Sources/SurveyCore/Roster/SampleDraw.swift \
    Sources/SurveyCore/Roster/SampleBalance.swift Sources/SurveyCore/Statistics/CubeMethod.swift \
    Sources/SurveyCore/Statistics/SimplexMethod.swift
"$work/balance" "$SEEDS"
