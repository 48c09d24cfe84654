#!/usr/bin/env bash
# Runs the whole CourseHub platform locally: builds what is missing or out of date, then
# starts PostgreSQL, Kafka, the Telegram sandbox and the four services and waits until all
# are healthy.
# Ctrl-C stops everything. Settings: environment variables, see infra/local-stack/README.md.
set -euo pipefail

# a relative data folder means relative to where the command was typed
if [[ -n "${COURSEHUB_DATA_DIR:-}" && "${COURSEHUB_DATA_DIR}" != /* ]]; then
	export COURSEHUB_DATA_DIR="${PWD}/${COURSEHUB_DATA_DIR}"
fi
# so does a relative path to a Prometheus binary (a bare name is looked up on the PATH)
if [[ "${COURSEHUB_PROMETHEUS:-}" == */* && "${COURSEHUB_PROMETHEUS}" != /* ]]; then
	export COURSEHUB_PROMETHEUS="${PWD}/${COURSEHUB_PROMETHEUS}"
fi

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# module directory and the jar it builds
modules=(
	"booking-service:booking-service/target/booking-service.jar"
	"analytics-service:analytics-service/target/analytics-service.jar"
	"messaging-service:messaging-service/target/messaging-service.jar"
	"gateway:gateway/target/gateway.jar"
	"infra/local-stack:infra/local-stack/target/coursehub-local-stack.jar"
)

# what goes into a jar: its module's main sources and poms; the back-end services also
# embed infra/service-kit, the launcher runs infra/telegram-sandbox from its lib/ (test
# sources are left out: they never change a jar)
inputs_of() {
	case "$1" in
		gateway) echo "$1/src/main $1/pom.xml pom.xml" ;;
		infra/local-stack) echo "$1/src/main $1/pom.xml infra/telegram-sandbox/src/main infra/telegram-sandbox/pom.xml pom.xml" ;;
		*) echo "$1/src/main $1/pom.xml infra/service-kit/src/main infra/service-kit/pom.xml pom.xml" ;;
	esac
}

needs_build=""
for entry in "${modules[@]}"; do
	module="${entry%%:*}"
	jar="${entry#*:}"
	if [[ ! -f "${jar}" ]]; then
		echo "${jar} is missing"
		needs_build=yes
	else
		# shellcheck disable=SC2046
		newer="$(find $(inputs_of "${module}") -newer "${jar}" -print -quit 2>/dev/null || true)"
		if [[ -n "${newer}" ]]; then
			echo "${jar} is older than ${newer}"
			needs_build=yes
		fi
	fi
done

# the launcher's dependencies, next to its jar
if [[ ! -d infra/local-stack/target/lib ]]; then
	echo "infra/local-stack/target/lib is missing"
	needs_build=yes
fi

if [[ -n "${needs_build}" ]]; then
	echo "Building (./mvnw package, tests skipped)..."
	./mvnw -B -ntp -DskipTests package \
		-pl booking-service,analytics-service,messaging-service,gateway,infra/local-stack -am
	# Maven leaves a jar untouched when it is already up to date: mark them all as checked now
	for entry in "${modules[@]}"; do
		touch "${entry#*:}"
	done
fi

# exec: the launcher replaces this shell, so Ctrl-C and SIGTERM reach it directly
exec java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
	-jar infra/local-stack/target/coursehub-local-stack.jar "$@"
