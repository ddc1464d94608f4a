#!/usr/bin/env bash
# Where the server's CPU goes under the load of load.sh (issue #28): the API in Release on :5080, distinct seed plans
# posted by wrk, a `perf` profile of the server's process, and the frames that hold the most samples, inclusive.
# Usage: bash benchmarks/http/profile.sh [none|summary|full] [seconds] [connections]
# Needs perf and wrk (apt-get install linux-perf wrk). Prints the shares of the samples by thread name, then by frame.
set -euo pipefail
cd "$(dirname "$0")/../.."
case ${1:-none} in
  none) query="/v1/plans?explain=none" ;;
  summary) query="/v1/plans?explain=summary" ;;
  full) query="/v1/plans" ;;
  *) echo "the first argument is none, summary or full" >&2; exit 1 ;;
esac
seconds=${2:-10}
connections=${3:-16}
for tool in perf wrk; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install linux-perf wrk" >&2; exit 1; }
done
folder=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$folder"' EXIT
dotnet build -c Release src/Funding.Api -v quiet -nologo > "$folder/build.log" || { cat "$folder/build.log" >&2; exit 1; }
# Started from its project's folder, as `dotnet run --project` (load.sh) starts it: from anywhere else it finds no
# appsettings.json and logs every request at the Information level, which the profile would then measure (the fourth
# round's profile in docs/performance.md did). Perf maps name the methods the JIT compiled.
(cd src/Funding.Api && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
  ConnectionStrings__Funding="Data Source=$folder/funding.db" \
  exec dotnet bin/Release/net10.0/Funding.Api.dll --urls http://127.0.0.1:5080 > "$folder/server.log" 2>&1) &
server=$!
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5080/health > /dev/null && break; sleep 1; done
curl -sf http://127.0.0.1:5080/v1/samples/territoire-industrie-finistere > "$folder/seed.json"
export SEED="$folder/seed.json" PATH_QUERY="$query"
script=benchmarks/http/distinct-plan.lua
# Warm-up: 5 s left the JIT compiling and the code instrumented (16 % of the samples on its thread), 15 s does not.
wrk -t1 -c"$connections" -d15s -s $script http://127.0.0.1:5080 > /dev/null
wrk -t1 -c"$connections" -d$((seconds + 4))s -s $script http://127.0.0.1:5080 | tail -n 1 &
load=$!
sleep 2
perf record -F 999 -g -p "$server" -o "$folder/perf.data" -- sleep "$seconds" 2> /dev/null
wait $load
perf script -i "$folder/perf.data" -F comm,tid,ip,sym 2> /dev/null | awk '
  function flush() { if (inSample) { samples++; for (f in seen) frames[f]++; delete seen; inSample = 0 } }
  /^[^ \t]/ { flush(); name = $0; sub(/[ \t]+[0-9]+[ \t]*$/, "", name); threads[name]++; inSample = 1; next }
  /^[ \t]*$/ { flush(); next }
  { line = $0; sub(/^[ \t]*[0-9a-f]+[ \t]+/, "", line); seen[line] = 1 }
  END {
    flush()
    printf "%d samples of the server process\n\nby thread\n", samples
    for (t in threads) printf "%6.1f %%  %s\n", 100 * threads[t] / samples, t | "sort -rn"
    close("sort -rn")
    printf "\nby frame, inclusive (the 60 largest)\n"
    for (f in frames) printf "%6.1f %%  %s\n", 100 * frames[f] / samples, substr(f, 1, 160) | "sort -rn | head -n 60"
  }'
