#!/usr/bin/env bash
# Start-up of a generated command line (issue 25): generates the Dataproc client with --cli (the whole
# API from ../shared/corpus, about 700 commands; else the project's sessions spec), builds it (mvn
# package: the runnable target/*-cli.jar and bin/dataproc), then times two commands N times each,
# alternating the launcher (class-data sharing, C1, serial GC) and plain `java -jar`:
#   get:     `sessions get` against a local server (Java's jwebserver-like one-liner below): parse,
#            build the client, send, decode, print;
#   dry-run: the same command with --dry-run: parse, build the client and the request, print curl.
# The launcher records its archive on the first call that sends (a warm-up run, not timed).
# Usage: benchmarks/cli-startup.sh [N=15]   (after mvn install of the generator; on a quiet machine)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
work=$(mktemp -d)
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
spec=../shared/corpus/discovery-2024/dataproc.v1.json
[ -f "$spec" ] || spec=specs/dataproc-sessions.v1.json
java -jar generator/target/discogen.jar generate --spec "$spec" --out "$work/dp" --package bench.dataproc --cli > /dev/null
(cd "$work/dp" && mvn -o -q package -DskipTests > /dev/null)
jar=$(ls "$work"/dp/target/*-cli.jar)

# A server that answers every request with a session, on a free loopback port it prints.
cat > "$work/Serve.java" <<'JAVA'
public class Serve {
  public static void main(String[] a) throws Exception {
    var s = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = "{\"name\":\"projects/p/locations/l/sessions/s\",\"state\":\"ACTIVE\"}".getBytes();
    s.createContext("/", ex -> {
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    s.start();
    System.out.println(s.getAddress().getPort());
  }
}
JAVA
java "$work/Serve.java" > "$work/port" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
root="http://127.0.0.1:$(cat "$work/port")/"

get=(projects locations sessions get projects/p/locations/l/sessions/s --root-url "$root" --access-token t
  --format 'value(state)')
dry=(projects locations sessions get projects/p/locations/l/sessions/s --dry-run)
export XDG_CACHE_HOME=$work/cache
[ "$("$work/dp/bin/dataproc" "${get[@]}")" = ACTIVE ]   # records the class-data archive, once
ls "$XDG_CACHE_HOME"/discogen-cli/*.jsa > /dev/null

ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "cli start-up, $(basename "$spec") (median of $n, load $load):"
for name in get dry; do
  declare -n args=$name
  launcher=(); plain=()
  for _ in $(seq "$n"); do
    launcher+=("$(ms "$work/dp/bin/dataproc" "${args[@]}")")
    plain+=("$(ms java -jar "$jar" "${args[@]}")")
  done
  l=$(median "${launcher[@]}"); p=$(median "${plain[@]}")
  label=$([ $name = get ] && echo "sessions get (sends)" || echo "sessions get --dry-run")
  echo "  $label:"
  echo "    bin/dataproc (CDS): ${l} ms   [${launcher[*]}]"
  echo "    java -jar:          ${p} ms   [${plain[*]}]"
  awk -v l="$l" -v p="$p" 'BEGIN {printf "    ratio: %.2fx\n", p / l}'
done
