#!/usr/bin/env bash
# Probes N real sshd test hosts in parallel vs one by one (default 20). Needs openssh-server.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -Dstyle.color=never -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.fleetdeck.bench.HostsProbeBench "${1:-20}"
