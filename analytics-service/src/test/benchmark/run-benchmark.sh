#!/usr/bin/env bash
# Runs the analytics-service benchmark (docs/benchmarks/analytics.md):
#   analytics-service/src/test/benchmark/run-benchmark.sh
# Compiles the service and its tests through the reactor (nothing is installed into ~/.m2),
# then runs AnalyticsBenchmark's main with the test classpath. It starts the test kit's
# PostgreSQL and Kafka and the service in its own JVM. Results: analytics-service/target/benchmarks/.
# BENCHMARK_MAIN picks the benchmark: AnalyticsBenchmark (default: latency, backlog, reads at 1M
# bookings) or RebuildBenchmark (rebuild of a produced history of 1M records).
# Settings as system properties, e.g.
#   BENCHMARK_OPTS="-Dbenchmark.rate=50 -Dbenchmark.steadySeconds=60 -Dbenchmark.backlogBookings=20000
#                   -Dbenchmark.readBookings=1000000 -Dbenchmark.reads=50"
#   BENCHMARK_OPTS="-Dbenchmark.rebuildEvents=1000000"   (RebuildBenchmark)
set -euo pipefail

module="$(cd "$(dirname "$0")/../../.." && pwd)"
root="$(cd "$module/.." && pwd)"
cd "$root"
if [ "${BENCHMARK_SKIP_BUILD:-false}" != "true" ]; then
	./mvnw -q -B -o -DskipTests -pl analytics-service -am test-compile
fi
./mvnw -q -B -o -pl analytics-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$module/target/benchmark.classpath" -DskipTests
# reactor modules resolve to their target/classes in the build above; give them explicitly too
kits="$root/infra/service-kit/target/classes:$root/infra/test-kit/target/classes"
cd "$module"
classpath="target/test-classes:target/classes:$kits:$(cat target/benchmark.classpath)"
mkdir -p target/benchmarks
main="${BENCHMARK_MAIN:-AnalyticsBenchmark}"
# shellcheck disable=SC2086
java -Xmx2g ${BENCHMARK_OPTS:-} -cp "$classpath" "dev.coursehub.analytics.benchmark.$main" 2>&1 \
	| tee "target/benchmarks/$main.out"
