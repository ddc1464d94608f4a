#!/usr/bin/env bash
# The HTTP load check of issue #28, reproducible: the API in Release on :5080, /health and POST /v1/plans (lean,
# summary and full) on distinct seed plans, with wrk (apt-get install wrk). Server and load on the same machine, as in
# docs/performance.md. Usage: bash benchmarks/http/load.sh [connections] [seconds] [api|floor]
# « floor » runs the same exchanges against benchmarks/HttpFloor, the same host doing none of the API's work: what no
# implementation of the API on this host can go below.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-16}
seconds=${2:-10}
case ${3:-api} in
  api) project=src/Funding.Api ;;
  floor) project=benchmarks/HttpFloor ;;
  *) echo "the third argument is api or floor" >&2; exit 1 ;;
esac
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
folder=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$folder"' EXIT
ConnectionStrings__Funding="Data Source=$folder/funding.db" dotnet run -c Release --project "$project" --urls http://127.0.0.1:5080 > "$folder/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5080/health > /dev/null && break; sleep 1; done
# The server's own process (dotnet run starts it as a child), to count the CPU time it spends per request.
pid=$(pgrep -n -f "bin/Release/net10.0/$(basename "$project")") || { echo "the server's process was not found: see $folder/server.log" >&2; exit 1; }
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
curl -sf http://127.0.0.1:5080/v1/samples/territoire-industrie-finistere > "$folder/seed.json"
export SEED="$folder/seed.json"
script=benchmarks/http/distinct-plan.lua
# One line per run: wrk's summary, then the CPU time (user + system) the server and wrk each spent per request — the
# measure that does not depend on how the two cores were shared between them.
run() { # name, then wrk's arguments
  local name=$1; shift
  wrk -t1 -c"$connections" -d5s "$@" > /dev/null          # warm-up
  local start line
  start=$(ticks)
  TIMEFORMAT='%U %S'
  { time wrk -t1 -c"$connections" -d"${seconds}s" "$@" | tail -n 1 > "$folder/line"; } 2> "$folder/time"
  line=$(cat "$folder/line")
  awk -v name="$name" -v line="$line" -v server=$(( $(ticks) - start )) -v hz="$hz" '
    { split(line, words, " "); requests = words[2]
      printf "%-32s %s  server %.1f µs/request  wrk %.1f µs/request\n", name, line,
        server / hz * 1e6 / requests, ($1 + $2) * 1e6 / requests }' "$folder/time"
}
run "GET /health" -s benchmarks/http/health.lua http://127.0.0.1:5080/health
PATH_QUERY="/v1/plans?explain=none" run "POST /v1/plans?explain=none" -s $script http://127.0.0.1:5080
PATH_QUERY="/v1/plans?explain=summary" run "POST /v1/plans?explain=summary" -s $script http://127.0.0.1:5080
PATH_QUERY="/v1/plans" run "POST /v1/plans (full)" -s $script http://127.0.0.1:5080
