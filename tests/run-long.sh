#!/usr/bin/env bash
# The long versions of the reliability and bad-input tests, which the README's test command runs at a size that fits
# CI: 100 kills of the Host under load, 1,000 cases per load, 60-second outages, 100,000 fuzzed definitions and
# 20,000 fuzzed API requests. About an hour on a 2-CPU machine. Ends with "N passed, N failed"; the figures of each
# run are in artifacts/reliability/*.md, the Hosts' logs in artifacts/host-logs/.
#
#   ./tests/run-long.sh
#
# Any of the sizes can be set instead, e.g. RTM_RELIABILITY_KILLS=50 ./tests/run-long.sh; RTM_RELIABILITY_SEED replays
# a crash loop's kill moments.
set -uo pipefail
cd "$(dirname "$0")/.."
export RTM_RELIABILITY_KILLS=${RTM_RELIABILITY_KILLS:-100}
export RTM_RELIABILITY_CASES=${RTM_RELIABILITY_CASES:-1000}
export RTM_RELIABILITY_OUTAGE_SECONDS=${RTM_RELIABILITY_OUTAGE_SECONDS:-60}
export RTM_FUZZ_DEFINITIONS=${RTM_FUZZ_DEFINITIONS:-100000}
export RTM_FUZZ_API=${RTM_FUZZ_API:-20000}
export RTM_TEST_PROJECTS="tests/RightToManage.Reliability.Tests/*.Tests.csproj tests/RightToManage.Workflows.Tests/*.Tests.csproj tests/RightToManage.Host.Tests/*.Tests.csproj"
exec ./scripts/test.sh --filter "FullyQualifiedName~RightToManage.Reliability.Tests|FullyQualifiedName~Fuzz" "$@"
