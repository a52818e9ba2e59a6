#!/usr/bin/env bash
# Load benchmark: the site (Release, a generated publication on SQLite and/or PostgreSQL) against a same-bytes
# Kestrel floor, with wrk at several connection counts; or a soak at a fixed rate. See bench/README.md.
#
#   bench/run.sh [--duration S] [--db sqlite,postgres] [--size 10k,100k] [--connections 32,64] [--repeat N]
#                [--pages home,section,story,teaser,entitled,search,rss,sitemap] [--no-cold-start]
#   bench/run.sh --soak S [--rate R] [--soak-connections C] [--db sqlite] [--size 10k]
#
# Loopback only; every wrk run is bounded by its duration; every process started here is stopped when the script
# ends (also on failure or Ctrl-C); files go to a temp folder, and only the tables to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

duration=5
dbs=sqlite,postgres
sizes=10k,100k
connections=32,64
repeat=1
pages=home,section,story,teaser,entitled,search,rss,sitemap
cold_start=1
soak=0
rate=200
soak_connections=16
environment=Development
postgres=${PORTAL_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=portal;Password=portal}
note="Taken on a shared, busy machine: compare ratios within this run, not absolute numbers across runs."

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while (($#)); do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --db) dbs=$2; shift 2 ;;
    --size) sizes=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    --no-cold-start) cold_start=0; shift ;;
    --soak) soak=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --soak-connections) soak_connections=$2; shift 2 ;;
    # The entitled page needs the stand-in providers, which exist only in Development; another environment measures
    # the rest (settings it requires come from the caller's environment variables, which the site inherits).
    --environment) environment=$2; shift 2 ;;
    --postgres) postgres=$2; shift 2 ;;
    --note) note=$2; shift 2 ;;
    -h|--help) usage ;;
    [0-9]*) duration=$1; shift ;;  # the old form: bench/run.sh SECONDS
    *) echo "unknown option $1" >&2; usage 2 ;;
  esac
done
if ((soak > 0)); then dbs=${dbs%%,*}; sizes=${sizes%%,*}; fi
IFS=, read -r -a db_list <<<"$dbs"
IFS=, read -r -a size_list <<<"$sizes"
IFS=, read -r -a conn_list <<<"$connections"
IFS=, read -r -a page_list <<<"$pages"
[[ $environment == Development ]] || page_list=("${page_list[@]/entitled/}")

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [[ ",$dbs," == *,postgres,* ]]; then
  command -v psql >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null; }
fi

work=$(mktemp -d -t portal-bench.XXXXXX)
pids=()        # every process started here, stopped in cleanup
pg_databases=() # every database created here, dropped in cleanup
log() { printf '==> %s\n' "$*" >&2; }

# Stops one process we started: TERM (the site shuts down gracefully), then KILL if it lingers. Our children stay
# zombies until waited for, so their pids cannot be reused before this; once reaped, the pid leaves the list so a
# later cleanup never signals a stranger that got the same number.
stop_pid() {
  local pid=$1 kept=() p
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) =~ ^(Z|)$ ]] && break  # gone, or exited and unreaped
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for p in "${pids[@]}"; do [[ $p == "$pid" ]] || kept+=("$p"); done
  pids=("${kept[@]}")
}

pg() { # runs one SQL statement on the server's maintenance database, with the login from the connection string
  local part key value host=127.0.0.1 port=5432 user=portal password=
  IFS=';' read -r -a parts <<<"$postgres"
  for part in "${parts[@]}"; do
    key=${part%%=*}; value=${part#*=}
    case ${key,,} in host|server) host=$value ;; port) port=$value ;; username|user\ id|userid|user) user=$value ;; password) password=$value ;; esac
  done
  PGPASSWORD=$password psql -h "$host" -p "$port" -U "$user" -d postgres -qtAc "$1"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${pids[@]}"; do stop_pid "$pid"; done  # iterates over a copy; stop_pid shrinks the list
  local database
  for database in "${pg_databases[@]}"; do pg "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true; done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
json() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }
quote() { python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# --- build: Release, into the temp folder (bin/ and obj/ too), no build servers left running -----------------------
log "Building (Release) into $work"
for project in src/PublisherPortal bench/Floor bench/PublisherPortal.Bench.Seed; do
  name=$(basename "$project")
  dotnet publish "$project" -c Release -o "$work/$name" --artifacts-path "$work/build" --disable-build-servers \
    -nologo -v quiet -clp:ErrorsOnly >"$work/build-$name.log" 2>&1 || { cat "$work/build-$name.log" >&2; exit 1; }
done

# --- the site as a real process ------------------------------------------------------------------------------------
site_pid=
site_port=
start_site() { # provider connection-string log-file
  site_port=$(free_port)
  # exec: the recorded pid is the site's own, not a subshell's (the old script's bug left the site running).
  (cd "$work/PublisherPortal" && exec env ASPNETCORE_ENVIRONMENT="$environment" Database__Provider="$1" ConnectionStrings__Portal="$2" \
    Portal__BaseUrl="http://127.0.0.1:$site_port" Portal__SeedDemoContent=false Logging__LogLevel__Default=Warning \
    RateLimits__Search__PermitLimit=0 RateLimits__SignIn__PermitLimit=0 \
    ./PublisherPortal --urls "http://127.0.0.1:$site_port") >"$3" 2>&1 &
  site_pid=$!
  pids+=("$site_pid")
}

wait_ready() { # log-file
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:$site_port/health/ready" && break
    kill -0 "$site_pid" 2>/dev/null || { echo "the site exited:" >&2; cat "$1" >&2; exit 1; }
    sleep 0.25
  done
  curl -sf -o /dev/null "http://127.0.0.1:$site_port/health/ready" || { echo "the site did not become ready:" >&2; cat "$1" >&2; exit 1; }
  [[ $(readlink "/proc/$site_pid/exe") == "$work/PublisherPortal/PublisherPortal" ]] ||
    { echo "pid $site_pid is not the site process" >&2; exit 1; }
}

# Waits (at most 5 minutes) until the site uses under 5 % of a core: requests of a slow page still running after
# wrk stopped (a page's queries are not cancelled when the client goes away) must not eat into the next measurement.
settle() {
  local hz i a b; hz=$(getconf CLK_TCK)
  for i in $(seq 1 600); do
    a=$(awk '{print $14 + $15}' "/proc/$site_pid/stat"); sleep 0.5; b=$(awk '{print $14 + $15}' "/proc/$site_pid/stat")
    if (((b - a) * 100 < hz * 5 / 2)); then
      ((i < 20)) || log "the site was busy for $((i / 2)) s after the previous run"
      return 0
    fi
  done
  log "the site is still busy after 300 s; measuring anyway"
}

peak_rss_reset() { echo 5 >"/proc/$site_pid/clear_refs" 2>/dev/null || true; }  # resets VmHWM (Linux >= 4.0)
peak_rss_kib() { awk '/^VmHWM/ {print $2}' "/proc/$site_pid/status"; }

# --- one data set: generate, start, sign in, capture, measure -------------------------------------------------------
declare -A path_of label_of
loaded() { # db size -> sets provider, connection, manifest
  local db=$1 size=$2
  manifest="$work/manifest-$db-$size.json"
  case $db in
    sqlite) provider=Sqlite; connection="Data Source=$work/portal-$size.db" ;;
    postgres)
      provider=Postgres
      local database="portal_bench_$$_${size}"
      pg_databases+=("$database")
      pg "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null
      # Created here, empty, so the migrations find a database (EF would otherwise log a failed connection first).
      pg "CREATE DATABASE \"$database\"" >/dev/null
      connection="$postgres;Database=$database" ;;
    *) echo "unknown database $db (sqlite or postgres)" >&2; exit 2 ;;
  esac
  log "Generating $size stories on $db"
  # The generator migrates through the site's own start-up; its working folder holds no settings of its own.
  (cd "$work" && Database__Provider=$provider ConnectionStrings__Portal=$connection \
    "$work/PublisherPortal.Bench.Seed/PublisherPortal.Bench.Seed" --stories "$size" --manifest "$manifest") >&2
}

choose_pages() { # manifest
  local m=$1 cursor
  cursor=$(json "$m" SectionDeepCursor)
  path_of=([home]="/" [section]="/sections/$(json "$m" Section)?after=$cursor" [story]="/articles/$(json "$m" PublicStory)"
    [teaser]="/articles/$(json "$m" GatedStory)" [entitled]="/articles/$(json "$m" GatedStory)" [search]="/search?q=$(json "$m" Search)"
    [rss]="/rss.xml" [sitemap]="/sitemap.xml")
  label_of=([home]="home" [section]="section, deep (story $(json "$m" SectionDeepPosition) of $(json "$m" SectionLiveStories))"
    [story]="public story" [teaser]="gated story, anonymous (teaser)" [entitled]="gated story, entitled reader"
    [search]="search \`$(json "$m" Search)\`" [rss]="RSS" [sitemap]="sitemap")
}

# The floor serves each captured body at a path; the entitled body gets its own (the floor cannot tell readers apart).
floor_path() { [[ $1 == entitled ]] && echo "${path_of[$1]}?reader=entitled" || echo "${path_of[$1]}"; }

capture() { # page cookie-header -> body into $work/pages, checked
  local page=$1 cookie=$2 name status
  name=$(quote "$(floor_path "$page")")
  local -a headers=()
  [[ -n $cookie ]] && headers=(-H "Cookie: $cookie")
  status=$(curl -sS -o "$work/pages/$name.body" -w '%{http_code}' "${headers[@]}" "http://127.0.0.1:$site_port${path_of[$page]}")
  curl -sS -o /dev/null -w '%{content_type}' "${headers[@]}" "http://127.0.0.1:$site_port${path_of[$page]}" >"$work/pages/$name.type"
  [[ $status == 200 ]] || { echo "$page (${path_of[$page]}) answered $status" >&2; exit 1; }
  case $page in
    teaser) grep -q 'story__body--teaser' "$work/pages/$name.body" || { echo "the gated story is not a teaser for an anonymous reader" >&2; exit 1; } ;;
    entitled|story) ! grep -q 'story__body--teaser' "$work/pages/$name.body" || { echo "$page: the story is not in full" >&2; exit 1; } ;;
  esac
}

measure_dataset() { # db size
  local db=$1 size=$2
  loaded "$db" "$size"
  choose_pages "$manifest"
  printf '%s\t%s\n' "$db, $size" "$(python3 bench/lib/report.py --dataset "$manifest")" >>"$work/datasets.tsv"

  start_site "$provider" "$connection" "$work/site-$db-$size.log"
  wait_ready "$work/site-$db-$size.log"
  local cookie=
  if [[ " ${page_list[*]} " == *" entitled "* ]]; then
    log "Signing in as the stand-in Pliro reader pliro-premium"
    cookie=$(python3 bench/lib/sign_in.py "http://127.0.0.1:$site_port" pliro pliro-premium "${path_of[entitled]}")
  fi

  rm -rf "$work/pages"; mkdir -p "$work/pages"
  local page
  for page in "${page_list[@]}"; do
    [[ -n $page ]] || continue
    capture "$page" "$([[ $page == entitled ]] && echo "$cookie")"
  done
  local floor_port; floor_port=$(free_port)
  "$work/Floor/Floor" "$work/pages" --urls "http://127.0.0.1:$floor_port" >"$work/floor-$db-$size.log" 2>&1 &
  local floor_pid=$!
  pids+=("$floor_pid")
  for _ in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$floor_port/" && break; sleep 0.25; done

  log "Warming up ($db, $size)"
  for page in "${page_list[@]}"; do
    [[ -n $page ]] || continue
    local -a headers=()
    [[ $page == entitled ]] && headers=(-H "Cookie: $cookie")
    wrk -t2 -c4 -d2s --timeout 10s "${headers[@]}" "http://127.0.0.1:$site_port${path_of[$page]}" >/dev/null
    wrk -t2 -c4 -d1s "${headers[@]}" "http://127.0.0.1:$floor_port$(floor_path "$page")" >/dev/null
    settle
  done

  local rep conns
  for rep in $(seq 1 "$repeat"); do
    for page in "${page_list[@]}"; do
      [[ -n $page ]] || continue
      local -a headers=()
      [[ $page == entitled ]] && headers=(-H "Cookie: $cookie")
      for conns in "${conn_list[@]}"; do
        local run="$work/wrk/$db-$size-$page-$conns-$rep"
        log "$db $size $page c=$conns run $rep/$repeat"
        settle
        peak_rss_reset
        wrk -t2 -c"$conns" -d"${duration}s" --timeout 10s --latency "${headers[@]}" "http://127.0.0.1:$site_port${path_of[$page]}" >"$run.site"
        local rss; rss=$(peak_rss_kib)
        wrk -t2 -c"$conns" -d"${duration}s" --timeout 10s --latency "${headers[@]}" "http://127.0.0.1:$floor_port$(floor_path "$page")" >"$run.floor"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$db" "$size" "$page" "${label_of[$page]}" \
          "$(stat -c %s "$work/pages/$(quote "$(floor_path "$page")").body")" "$conns" "$rep" "$run.site" "$run.floor" "$rss" >>"$work/runs.tsv"
      done
    done
  done

  # The session must still be alive at the end, or the entitled rows measured something else.
  if [[ -n $cookie ]]; then
    curl -sS -H "Cookie: $cookie" "http://127.0.0.1:$site_port${path_of[entitled]}" | grep -q 'story__body--teaser' &&
      { echo "the entitled reader's session ended during the run" >&2; exit 1; }
  fi
  stop_pid "$floor_pid"
  stop_pid "$site_pid"
}

# Process start to the first 200 of the home page, on a loaded SQLite database.
cold_starts() { # db size
  local i t0 t1 live code
  for i in $(seq 1 "$((repeat > 3 ? repeat : 3))"); do
    t0=$(date +%s%N)
    start_site "$provider" "$connection" "$work/cold-$i.log"
    # First the moment the site listens (after its migrations), then the first home page.
    live=
    for _ in $(seq 1 3000); do
      curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$site_port/health/live" && { live=$(date +%s%N); break; }
      kill -0 "$site_pid" 2>/dev/null || break
      sleep 0.01
    done
    code=000
    for _ in $(seq 1 3000); do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$site_port/" || true)
      [[ $code == 200 ]] && break
      kill -0 "$site_pid" 2>/dev/null || break
      sleep 0.01
    done
    t1=$(date +%s%N)
    [[ $code == 200 && -n $live ]] || { echo "cold start: no 200 from /" >&2; cat "$work/cold-$i.log" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "SQLite, $2 stories" "$(python3 -c "print(($t1 - $t0) / 1e9)")" "$(python3 -c "print(($live - $t0) / 1e9)")" >>"$work/cold.tsv"
    stop_pid "$site_pid"
  done
}

soak_run() { # db size
  local db=$1 size=$2
  loaded "$db" "$size"
  choose_pages "$manifest"
  start_site "$provider" "$connection" "$work/site-soak.log"
  wait_ready "$work/site-soak.log"
  local cookie= page
  [[ " ${page_list[*]} " == *" entitled "* ]] &&
    cookie=$(python3 bench/lib/sign_in.py "http://127.0.0.1:$site_port" pliro pliro-premium "${path_of[entitled]}")
  : >"$work/soak-pages.tsv"
  for page in "${page_list[@]}"; do
    [[ -n $page ]] || continue
    printf '%s\t%s\n' "${path_of[$page]}" "$([[ $page == entitled ]] && echo "$cookie")" >>"$work/soak-pages.tsv"
  done
  log "Warming up"
  wrk -t2 -c4 -d5s --timeout 10s -s bench/lib/soak.lua "http://127.0.0.1:$site_port" -- "$work/soak-pages.tsv" 1000 4 >/dev/null
  settle

  local start_rss; start_rss=$(awk '/^VmRSS/ {print $2}' "/proc/$site_pid/status")
  ( # RSS every 10 s while the soak runs
    while kill -0 "$site_pid" 2>/dev/null; do
      printf '%s\t%s\n' "$(date +%s)" "$(awk '/^VmRSS/ {print $2}' "/proc/$site_pid/status" 2>/dev/null)" >>"$work/soak-rss.tsv"
      sleep 10
    done
  ) &
  local sampler=$!
  pids+=("$sampler")
  log "Soak: $soak s at about $rate req/s over $soak_connections connections ($db, $size)"
  wrk -t2 -c"$soak_connections" -d"${soak}s" --timeout 10s --latency -s bench/lib/soak.lua \
    "http://127.0.0.1:$site_port" -- "$work/soak-pages.tsv" "$rate" "$soak_connections" >"$work/soak.wrk"
  local end_rss; end_rss=$(awk '/^VmRSS/ {print $2}' "/proc/$site_pid/status")
  stop_pid "$sampler"
  stop_pid "$site_pid"
  SOAK_START_RSS=$start_rss SOAK_END_RSS=$end_rss python3 - "$work" "$soak" "$rate" "$soak_connections" "$db" "$size" "$note" "${page_list[*]}" <<'PY'
import os, sys
sys.path.insert(0, "bench/lib")
from report import parse_wrk, ms
work, seconds, rate, conns, db, size, note, pages = sys.argv[1:9]
w = parse_wrk(os.path.join(work, "soak.wrk"))
series = [line.split("\t") for line in open(os.path.join(work, "soak-rss.tsv")) if line.strip()]
rss = [int(v) / 1024 for _, v in series if v.strip().isdigit()]
start, end = int(os.environ["SOAK_START_RSS"]) / 1024, int(os.environ["SOAK_END_RSS"]) / 1024
print(f"# Soak, {db} {size} stories, {seconds} s\n")
print(f"{note}\n")
print(f"Pages in turn: {', '.join(p for p in pages.split() if p)}; "
      f"paced by wrk delay() towards {rate} req/s over {conns} connections (closed loop: not coordinated-omission corrected).\n")
print("| asked req/s | achieved req/s | requests | errors | p50 | p99 | RSS at start | RSS at end | RSS min–max (every 10 s) |")
print("|---|---|---|---|---|---|---|---|---|")
print(f"| {rate} | {w['rps']:,.0f} | {w['requests']:,} | {w['errors']} | {ms(w['p50'])} | {ms(w['p99'])} | {start:.0f} MiB | {end:.0f} MiB | "
      f"{min(rss):.0f}–{max(rss):.0f} MiB |")
print("\nRSS over time (MiB): " + ", ".join(f"{r:.0f}" for r in rss))
PY
}

started=$(date -u +%Y-%m-%dT%H:%MZ)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$work/wrk" bench/results
stamp=$(date -u +%Y%m%dT%H%MZ)

if ((soak > 0)); then
  # Not through a pipe: a pipeline's stage runs in a subshell, whose processes and databases cleanup would not know.
  soak_run "${db_list[0]}" "${size_list[0]}" >"$work/soak.md"
  cp "$work/soak.md" "bench/results/soak-$stamp.md"
  cat "$work/soak.md"
  log "Written: bench/results/soak-$stamp.md"
  exit 0
fi

: >"$work/runs.tsv"
: >"$work/cold.tsv"
: >"$work/datasets.tsv"
for db in "${db_list[@]}"; do
  for size in "${size_list[@]}"; do
    measure_dataset "$db" "$size"
    if [[ $db == sqlite && $cold_start == 1 && ! -s $work/cold.tsv ]]; then
      log "Cold start ($size stories, SQLite)"
      cold_starts "$db" "$size"
    fi
  done
done

python3 - "$work/meta.json" "$started" "$duration" "$repeat" "$environment" "$(nproc)" "$load_before" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo ' with local changes')" \
  "$note" "$work/datasets.tsv" <<'PY'
import json, sys
out, started, duration, repeat, environment, cores, load_before, load_after, commit, note, datasets = sys.argv[1:12]
json.dump({"started": started, "duration": int(duration), "repeat": int(repeat), "environment": environment, "cores": cores,
           "load_before": load_before, "load_after": load_after, "commit": commit, "note": note,
           "datasets": dict(line.rstrip("\n").split("\t", 1) for line in open(datasets) if line.strip())}, open(out, "w"))
PY
python3 bench/lib/report.py "$work" "bench/results/$stamp.tsv" | tee "bench/results/$stamp.md"
cp "bench/results/$stamp.md" bench/results/latest.md
log "Written: bench/results/$stamp.md (and latest.md), every run's numbers in bench/results/$stamp.tsv"
