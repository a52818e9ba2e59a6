#!/usr/bin/env bash
# Load benchmark: the site (Release, SQLite, demo content, anonymous reader) against a same-bytes Kestrel floor.
# Usage: bench/run.sh [seconds per endpoint, default 10]. Writes bench/results/latest.md.
# Loopback only; every loop is bounded by wrk's duration; both servers are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
site_port=$(free_port)
floor_port=$(free_port)
cleanup() { kill "${site_pid:-}" "${floor_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish src/PublisherPortal -c Release -o "$work/site" -nologo -v quiet >/dev/null
dotnet publish bench/Floor -c Release -o "$work/floor" -nologo -v quiet >/dev/null

# Production encrypts the Data Protection keys with a certificate (docs/database.md): a throwaway one for the run.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=bench -keyout "$work/dp.key" -out "$work/dp.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$work/dp.key" -in "$work/dp.crt" -out "$work/dp.pfx" -passout pass:bench
(cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production Portal__BaseUrl="http://127.0.0.1:$site_port" Portal__SeedDemoContent=true \
  ConnectionStrings__Portal="Data Source=$work/portal.db" Logging__LogLevel__Default=Warning \
  DataProtection__CertificatePath="$work/dp.pfx" DataProtection__CertificatePassword=bench \
  ./PublisherPortal --urls "http://127.0.0.1:$site_port" >"$work/site.log" 2>&1) &
site_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$site_port/health/ready" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$site_port/health/ready" >/dev/null || { echo "the site did not start:" >&2; cat "$work/site.log" >&2; exit 1; }

# Pick a public story (the newest in the feed) and a premium one (from Opinion); files, not pipes into head,
# which would end curl with SIGPIPE under pipefail.
curl -sf -o "$work/rss.xml" "http://127.0.0.1:$site_port/rss.xml"
curl -sf -o "$work/opinion.html" "http://127.0.0.1:$site_port/sections/opinion"
article=$(grep -o -m 1 '/articles/[a-z0-9-]*' "$work/rss.xml" | head -n 1)
premium=$(grep -A3 'badge--premium' "$work/opinion.html" | grep -o '/articles/[a-z0-9-]*' | head -n 1)
paths=("/" "$article" "$premium" "/sections/news" "/search?q=harbour" "/rss.xml" "/sitemap.xml")
mkdir -p "$work/pages"
for path in "${paths[@]}"; do
  name=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$path")
  curl -sf -o "$work/pages/$name.body" -w '%{content_type}' "http://127.0.0.1:$site_port$path" >"$work/pages/$name.type"
done

"$work/floor/Floor" "$work/pages" --urls "http://127.0.0.1:$floor_port" >"$work/floor.log" 2>&1 &
floor_pid=$!
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$floor_port/" && break; sleep 0.5; done

measure() { # url -> "requests/s p50 p99"
  wrk -t2 -c32 -d"${duration}s" --latency "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +50%/ {p50=$2}
    /^ +99%/ {p99=$2}
    END {printf "%s %s %s", rps, p50, p99}'
}

# Warm up both (tiered JIT, EF query cache, SQLite page cache): the first seconds measure start-up, not the site.
for path in "${paths[@]}"; do
  wrk -t2 -c16 -d3s "http://127.0.0.1:$site_port$path" >/dev/null
  wrk -t2 -c16 -d1s "http://127.0.0.1:$floor_port$path" >/dev/null
done

mkdir -p bench/results
{
  echo "# Load benchmark ($(date -u +%Y-%m-%dT%H:%MZ), ${duration}s per endpoint, wrk -t2 -c32, $(nproc) cores)"
  echo
  echo "Anonymous reader, Release build, SQLite with the demo publication, after a warm-up. Floor = bare Kestrel answering the same bytes."
  echo
  echo "| endpoint | bytes | site req/s | site p50 | site p99 | floor req/s | floor p50 | site / floor |"
  echo "|---|---|---|---|---|---|---|---|"
  for path in "${paths[@]}"; do
    name=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$path")
    bytes=$(stat -c %s "$work/pages/$name.body")
    read -r srps sp50 sp99 <<<"$(measure "http://127.0.0.1:$site_port$path")"
    read -r frps fp50 _ <<<"$(measure "http://127.0.0.1:$floor_port$path")"
    ratio=$(python3 -c "print(f'{float(\"$srps\")/float(\"$frps\")*100:.0f}%')")
    label=$path
    [[ "$path" == "$premium" ]] && label="$path (premium, teaser)"
    echo "| \`$label\` | $bytes | $srps | $sp50 | $sp99 | $frps | $fp50 | $ratio |"
  done
} | tee bench/results/latest.md
