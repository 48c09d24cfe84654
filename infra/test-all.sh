#!/usr/bin/env bash
# Runs every test of CourseHub (the README's test command; .ci/run calls it too).
# infra/ops-checks checks the Prometheus, Grafana, compose and Kubernetes files with the real
# tools (promtool, docker-compose, kubectl from Debian's packages prometheus, docker-compose,
# kubernetes-client), and LocalStackIT runs the prometheus server of the same package against
# the local stack; they are installed here when missing. Everything else needs only a JDK 17.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
{ command -v promtool > /dev/null && command -v prometheus > /dev/null; } || missing+=(prometheus)
command -v docker-compose > /dev/null || missing+=(docker-compose)
command -v kubectl > /dev/null || missing+=(kubernetes-client)
if [ ${#missing[@]} -gt 0 ]; then
	echo "installing ${missing[*]} (Debian packages, for infra/ops-checks)"
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get -qq update
	$sudo apt-get -qq install -y --no-install-recommends "${missing[@]}" > /dev/null
fi
./mvnw -B verify "$@"
