#!/usr/bin/env bash
# Start-up of a generated command line (issue 25): generates the Dataproc sessions client with
# --cli, builds it (mvn package: the runnable target/*-cli.jar and bin/dataproc), then times one
# command that loads the client and prints a curl command without sending (--dry-run), N times each,
# alternating: the launcher (class-data sharing, C1, serial GC) and plain `java -jar`.
# Usage: benchmarks/cli-startup.sh [N=15]   (after mvn install of the generator; on a quiet machine)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -jar generator/target/discogen.jar generate --spec specs/dataproc-sessions.v1.json --out "$work/dp" \
  --package bench.dataproc --cli > /dev/null
(cd "$work/dp" && mvn -o -q package -DskipTests > /dev/null)
jar=$(ls "$work"/dp/target/*-cli.jar)
args=(projects locations sessions get projects/p/locations/l/sessions/s --dry-run --root-url http://127.0.0.1:9/)
export XDG_CACHE_HOME=$work/cache
"$work/dp/bin/dataproc" "${args[@]}" > /dev/null   # writes the class-data archive, once

ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
launcher=(); plain=()
for _ in $(seq "$n"); do
  launcher+=("$(ms "$work/dp/bin/dataproc" "${args[@]}")")
  plain+=("$(ms java -jar "$jar" "${args[@]}")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
l=$(median "${launcher[@]}"); p=$(median "${plain[@]}")
echo "cli start-up, dataproc sessions get --dry-run, median of $n (load $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "  bin/dataproc (CDS): ${l} ms   [${launcher[*]}]"
echo "  java -jar:          ${p} ms   [${plain[*]}]"
awk -v l="$l" -v p="$p" 'BEGIN {printf "  ratio: %.2fx\n", p / l}'
