#!/usr/bin/env bash
# The gateway benchmark (docs/benchmarks/gateway.md): one cheap GET, measured with wrk
# (Debian package) direct to a service, through nginx (Debian package, the reference
# proxy) and through the packaged gateway, in one run on one machine.
#   gateway/src/test/benchmark/run-gateway-benchmark.sh
# Settings (environment): CONNECTIONS (64), THREADS (2), SECONDS_PER_RUN (20), WARMUP (90),
# GATEWAY_JAVA (java: the JVM that runs the gateway).
# The warm-up is long on purpose: on 2 shared cores the gateway's JIT needs over a minute of
# this load before it stops changing (docs/benchmarks/gateway.md, "Warm-up"); a 10 s warm-up
# measured the JIT compiling, not the gateway.
# Results: gateway/target/benchmarks/gateway.md and the raw wrk output next to it.
set -euo pipefail

module="$(cd "$(dirname "$0")/../../.." && pwd)"
root="$(cd "$module/.." && pwd)"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
seconds="${SECONDS_PER_RUN:-20}"
warmup="${WARMUP:-90}"
gateway_java="${GATEWAY_JAVA:-java}"
out="$module/target/benchmarks"
mkdir -p "$out"

for tool in wrk nginx; do
	command -v "$tool" > /dev/null || { echo "$tool is needed: apt-get install wrk nginx-light" >&2; exit 2; }
done

cd "$root"
# package, never install: the kit modules come from this reactor, not from ~/.m2
build=(package -DskipTests)
[ "${BENCHMARK_SKIP_BUILD:-false}" = "true" ] && build=(test-compile)
./mvnw -q -B -pl gateway -am "${build[@]}" dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/benchmark.classpath
classpath="$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark.classpath")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
downstream_port=$(free_port); gateway_port=$(free_port); nginx_port=$(free_port)
work="$(mktemp -d)"
pids=()
cleanup() {
	for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
	[ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2> /dev/null || true
	wait 2> /dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # url [header]
	for _ in $(seq 1 120); do
		if curl -fs -o /dev/null ${2:+-H "$2"} "$1"; then return 0; fi
		sleep 0.5
	done
	echo "no answer from $1" >&2; exit 1
}

java -Xmx256m -cp "$classpath" dev.coursehub.gateway.benchmark.BenchmarkDownstream "$downstream_port" \
	> "$out/downstream.log" 2>&1 &
pids+=($!)

secret="benchmark-only-secret-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
start_gateway() { # extra JVM options
	PORT=$gateway_port BOOKING_URL="http://127.0.0.1:$downstream_port" \
		ANALYTICS_URL="http://127.0.0.1:$downstream_port" MESSAGING_URL="http://127.0.0.1:$downstream_port" \
		GATEWAY_JWT_SECRET="$secret" GATEWAY_RATE_LIMIT_CAPACITY=1000000000 \
		GATEWAY_RATE_LIMIT_REFILL_TOKENS=1000000000 \
		"$gateway_java" -Xms512m -Xmx512m "$@" -jar "$module/target/gateway.jar" > "$out/gateway$*.log" 2>&1 &
	gateway_pid=$!
	pids+=($gateway_pid)
	wait_for "http://127.0.0.1:$gateway_port/actuator/health/readiness"
}

sed -e "s/@PORT@/$nginx_port/" -e "s/@UPSTREAM@/127.0.0.1:$downstream_port/" -e "s#@WORK@#$work#g" \
	"$module/src/test/benchmark/nginx.conf" > "$work/nginx.conf"
nginx -c "$work/nginx.conf" -p "$work" -g "pid $work/nginx.pid;"

token=$(java -cp "$classpath" dev.coursehub.gateway.benchmark.AdminToken "$secret")

wait_for "http://127.0.0.1:$downstream_port/courses"
wait_for "http://127.0.0.1:$nginx_port/api/booking/courses"

results="$out/results.tsv"
: > "$results"
cpu_ticks() { # pids: user + system CPU ticks of those processes
	local total=0 pid
	for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
	echo "$total"
}
measure() { # name url header pids: the server's CPU per request comes from the pids' CPU time
	local name="$1" url="$2" header="$3"
	shift 3
	wrk -t"$threads" -c"$connections" -d"${warmup}s" ${header:+-H "$header"} "$url" > /dev/null
	local load_before; load_before=$(cut -d' ' -f1 /proc/loadavg)
	local cpu_before; cpu_before=$(cpu_ticks "$@")
	wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency ${header:+-H "$header"} "$url" \
		| tee "$out/wrk-$name.txt"
	local cpu_after; cpu_after=$(cpu_ticks "$@")
	local rps p50 p99 errors requests cpu_per_request
	requests=$(awk '/requests in/ {print $1}' "$out/wrk-$name.txt")
	cpu_per_request=$(awk -v ticks=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
		'BEGIN {printf "%.0f", ticks / hz * 1e6 / n}')
	rps=$(awk '/^Requests\/sec/ {print $2}' "$out/wrk-$name.txt")
	p50=$(awk '$1 == "50%" {print $2}' "$out/wrk-$name.txt")
	p99=$(awk '$1 == "99%" {print $2}' "$out/wrk-$name.txt")
	errors=$(awk '/Non-2xx|Socket errors/ {print}' "$out/wrk-$name.txt" | tr '\n' ' ')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$cpu_per_request" "$load_before" \
		"${errors:-none}" >> "$results"
}

nginx_pids=$(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')
# CPU per request: the service's own for direct, the proxy's (without the service's) for the others
measure direct "http://127.0.0.1:$downstream_port/courses" "" "${pids[0]}"
# shellcheck disable=SC2086
measure nginx "http://127.0.0.1:$nginx_port/api/booking/courses" "" $nginx_pids
start_gateway
measure gateway-public "http://127.0.0.1:$gateway_port/api/booking/courses" "" "$gateway_pid"
measure gateway-admin-token "http://127.0.0.1:$gateway_port/api/booking/users" "Authorization: Bearer $token" \
	"$gateway_pid"
kill "$gateway_pid"; wait "$gateway_pid" 2> /dev/null || true
# Reactor Netty's native epoll transport off (spring-cloud-gateway#4209)
start_gateway -Dreactor.netty.native=false
measure gateway-public-nio "http://127.0.0.1:$gateway_port/api/booking/courses" "" "$gateway_pid"

direct=$(awk -F'\t' '$1 == "direct" {print $2}' "$results")
{
	echo "wrk -t$threads -c$connections, ${warmup} s warm-up then ${seconds} s measured per row; $(date -u +%FT%TZ); $(nproc) cores"
	echo
	echo "| target | requests/s | share of direct | p50 | p99 | server CPU per request | load before | errors |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
	awk -F'\t' -v direct="$direct" '{printf "| %s | %.0f | %.1f%% | %s | %s | %s µs | %s | %s |\n", $1, $2, 100*$2/direct, $3, $4, $5, $6, $7}' "$results"
} > "$out/gateway.md"
cat "$out/gateway.md"
