#!/usr/bin/env bash
# Runs the booking-service benchmarks end to end (docs/benchmarks/booking.md):
#   booking-service/src/test/benchmark/run-benchmarks.sh [throughput] [search] [workshops]
# (workshops: docs/benchmarks/workshops.md; needs pgbench on the PATH or -Dbenchmark.pgbench)
# Builds the service jar and its test classes, then runs each benchmark's main in its own
# JVM. Each JVM starts the test kit's PostgreSQL and Kafka, the packaged service as a child
# JVM, and stops all of them when it ends. Results: booking-service/target/benchmarks/.
# Options go to the benchmark JVMs as system properties, e.g.
#   BENCHMARK_OPTS="-Dbenchmark.levels=8,32,64 -Dbenchmark.seconds=20"
set -euo pipefail

module="$(cd "$(dirname "$0")/../../.." && pwd)"
root="$(cd "$module/.." && pwd)"
which=("$@")
[ ${#which[@]} -eq 0 ] && which=(throughput search)

cd "$root"
if [ "${BENCHMARK_SKIP_BUILD:-false}" != "true" ]; then
	./mvnw -q -B -DskipTests -pl booking-service -am install
fi
./mvnw -q -B -pl booking-service dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$module/target/benchmark.classpath"

cd "$module"
classpath="target/test-classes:target/classes:$(cat target/benchmark.classpath)"
mkdir -p target/benchmarks
for name in "${which[@]}"; do
	case "$name" in
		throughput) main=dev.coursehub.booking.benchmark.BookingThroughputBenchmark ;;
		search) main=dev.coursehub.booking.benchmark.UserSearchBenchmark ;;
		workshops) main=dev.coursehub.booking.benchmark.WorkshopEnrollmentBenchmark ;;
		*) echo "unknown benchmark: $name (throughput, search, workshops)" >&2; exit 2 ;;
	esac
	echo "== $name: $main"
	# shellcheck disable=SC2086
	java -Xmx2g ${BENCHMARK_OPTS:-} -cp "$classpath" "$main" 2>&1 | tee "target/benchmarks/$name.out"
done
