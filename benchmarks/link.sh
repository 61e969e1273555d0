#!/usr/bin/env bash
# The client on a realistic link (LinkBench): runs benchmarks.jar inside a network namespace whose
# loopback is limited to RATE by a token-bucket qdisc (netem is not available: the server adds the
# latency). Needs root (ip netns, tc); without it, LinkBench runs on plain loopback and says so.
# Usage: benchmarks/link.sh [--tls] [RATE_MBIT=50] [LATENCY_MS=20]    (after benchmarks/run.sh built the jar)
# Writes benchmarks/LINK.md; with --tls the same scenarios over HTTPS (HTTP/2 and HTTP/1.1 by ALPN,
# TCP connections counted) into benchmarks/LINK-TLS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/LINK.md
tls=()
if [ "${1:-}" = "--tls" ]; then
  shift
  out=benchmarks/LINK-TLS.md
  tls=(--tls)
fi
rate=${1:-50}
latency=${2:-20}
jar=benchmarks/target/benchmarks.jar
[ -f "$jar" ] || { echo "build first: mvn -q -Pbench package -pl benchmarks -am -DskipTests" >&2; exit 1; }
args=(--rate-mbit "$rate" --latency-ms "$latency" --out "$out" "${tls[@]}")
if [ "$(id -u)" -eq 0 ] && command -v tc > /dev/null; then
  ns=discogen-link-$$
  ip netns add "$ns"
  trap 'ip netns del "$ns"' EXIT
  ip netns exec "$ns" ip link set lo mtu 1500 up   # packets the size a real link carries
  ip netns exec "$ns" tc qdisc add dev lo root tbf rate "${rate}mbit" burst 64kbit latency 400ms
  ip netns exec "$ns" java -Xms1g -Xmx1g -cp "$jar" io.discogen.bench.link.LinkBench "${args[@]}"
else
  echo "link.sh: not root or no tc: measuring plain loopback (no bandwidth limit)" >&2
  java -Xms1g -Xmx1g -cp "$jar" io.discogen.bench.link.LinkBench "${args[@]}"
fi
