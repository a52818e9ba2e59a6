#!/usr/bin/env python3
"""Turns bench/run.sh's wrk outputs into the results table.

Usage: report.py WORK_DIR RAW_TSV_OUT   (prints Markdown; writes every single run's numbers to RAW_TSV_OUT)
       report.py --dataset MANIFEST     (one line describing a generated data set)
Reads WORK_DIR/runs.tsv (one line per alternating site/floor pair), WORK_DIR/meta.json and WORK_DIR/cold.tsv.
"""
import json
import os
import re
import statistics
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(path):
    text = open(path, encoding="utf-8", errors="replace").read()

    def latency(pct):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        return float(m.group(1)) * UNITS[m.group(2)] if m else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    total = re.search(r"(\d+) requests in", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = (sum(int(x) for x in socket.groups()) if socket else 0) + (int(non2xx.group(1)) if non2xx else 0)
    completed = int(total.group(1)) if total else 0
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        # wrk prints 0 latencies when nothing completed; that is "no measurement", not "instant".
        "p50": latency(50) if completed else None,
        "p99": latency(99) if completed else None,
        "requests": completed,
        "errors": errors,
        "timeouts": int(socket.group(4)) if socket else 0,
    }


def ms(value):
    if value is None:
        return "–"
    return f"{value * 1000:.0f} µs" if value < 1 else f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def dataset(manifest_path):
    m = json.load(open(manifest_path))
    return (f"{m['Stories']:,} stories ({m['GatedShare'] * 100:.0f} % gated), published {m['OldestPublished'][:10]} to "
            f"{m['NewestPublished'][:10]}, mean body {m['MeanBodyBytes']:,} bytes of Markdown; busiest tag `{m['Tag']}` "
            f"({m['TagStories']:,} stories), busiest author `{m['Author']}` ({m['AuthorStories']:,})")


def main():
    if sys.argv[1] == "--dataset":
        print(dataset(sys.argv[2]))
        return
    work, raw_out = sys.argv[1], sys.argv[2]
    meta = json.load(open(os.path.join(work, "meta.json")))
    rows = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "runs.tsv")) if line.strip()]
    groups = {}
    with open(raw_out, "w") as raw:
        raw.write("db\tstories\tpage\tconnections\trepeat\tbytes\tsite_rps\tsite_p50_ms\tsite_p99_ms\tsite_errors\t"
                  "floor_rps\tfloor_p50_ms\tfloor_p99_ms\tfloor_errors\tsite_peak_rss_kib\n")
        for db, stories, page, label, size, conns, rep, site_file, floor_file, rss in rows:
            site, floor = parse_wrk(site_file), parse_wrk(floor_file)
            raw.write("\t".join(str(x) for x in [db, stories, page, conns, rep, size, site["rps"], site["p50"], site["p99"],
                                                 site["errors"], floor["rps"], floor["p50"], floor["p99"], floor["errors"], rss]) + "\n")
            key = (db, stories, page, int(conns))
            g = groups.setdefault(key, {"label": label, "bytes": size, "site": [], "floor": [], "rss": []})
            g["site"].append(site)
            g["floor"].append(floor)
            g["rss"].append(int(rss) if rss.isdigit() else 0)

    repeat = meta["repeat"]
    out = []
    out.append(f"# Load benchmark, {meta['started']}")
    out.append("")
    out.append(f"{meta['duration']} s per wrk run (wrk -t2, `--timeout 10s`), {repeat} alternating site/floor run(s) per row"
               f"{' (medians; the ratio is the median of the per-pair ratios, with its range)' if repeat > 1 else ''}. "
               f"Site: Release build, `ASPNETCORE_ENVIRONMENT={meta['environment']}`, on 127.0.0.1, after a warm-up; "
               "floor: bare Kestrel answering the same bytes (bench/Floor).")
    out.append("")
    out.append(f"Machine: {meta['cores']} cores, load average {meta['load_before']} before and {meta['load_after']} after; "
               f"commit {meta['commit']}. {meta['note']}")
    out.append("")
    for db_label, info in meta["datasets"].items():
        out.append(f"- **{db_label}**: {info}")
    out.append("")
    out.append("| db | stories | page | conns | bytes | site req/s | site p50 | site p99 | site requests | floor req/s | floor p99 | site / floor | site peak RSS | errors |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for (db, stories, page, conns), g in groups.items():
        site_rps = median([s["rps"] for s in g["site"]])
        floor_rps = median([f["rps"] for f in g["floor"]])
        ratios = [s["rps"] / f["rps"] * 100 for s, f in zip(g["site"], g["floor"]) if f["rps"] > 0]
        ratio = f"{statistics.median(ratios):.1f} %" if ratios else "–"
        if len(ratios) > 1:
            ratio += f" ({min(ratios):.1f}–{max(ratios):.1f})"
        errors = sum(s["errors"] for s in g["site"])
        timeouts = sum(s["timeouts"] for s in g["site"])
        floor_errors = sum(f["errors"] for f in g["floor"])
        error_text = f"{errors}" + (f" ({timeouts} timeouts)" if timeouts else "") + (f"; floor {floor_errors}" if floor_errors else "")
        completed = sum(s["requests"] for s in g["site"])
        out.append(f"| {db} | {stories} | {g['label']} | {conns} | {g['bytes']} | {site_rps:,.1f} | {ms(median([s['p50'] for s in g['site']]))} | "
                   f"{ms(median([s['p99'] for s in g['site']]))} | {completed:,} | {floor_rps:,.0f} | {ms(median([f['p99'] for f in g['floor']]))} | "
                   f"{ratio} | {max(g['rss']) / 1024:.0f} MiB | {error_text} |")

    cold_path = os.path.join(work, "cold.tsv")
    if os.path.exists(cold_path) and os.path.getsize(cold_path) > 0:
        cold = [line.split("\t") for line in open(cold_path).read().split("\n") if line.strip()]
        times = [float(c[1]) for c in cold]
        live = [float(c[2]) for c in cold if len(c) > 2]
        out.append("")
        out.append(f"**Cold start** ({cold[0][0]}): process start to the first 200 of `/`: median {statistics.median(times):.2f} s "
                   f"over {len(times)} start(s) ({', '.join(f'{t:.2f}' for t in times)} s)"
                   + (f"; of which to the first 200 of `/health/live` (migrated, listening): median {statistics.median(live):.2f} s"
                      if live else "")
                   + ". Release build, not ReadyToRun; the database file is in the OS page cache (it was just used), the process is new.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
