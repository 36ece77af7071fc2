"""Bench `quotes index` and `quotes find` at scale: records built from the eval articles.

    python bench/dataset.py                      # 1,000,000 records
    python bench/dataset.py --records 100000     # a quick look

1. Extraction: `quotes extract` on ../shared/eval/*.jsonl, the whole process timed:
   records per second of extraction, the rate indexing is compared with.
2. Records: the extracted records reprinted to `--records` records as outlets
   reprint a quotation: each copy is another article a day or more later, its
   wording sometimes in capitals, trimmed, with a word changed, an ellipsis or
   only a fragment, its speaker sometimes with a title, a middle initial, the
   surname alone, or another speaker (a misattribution). Written as JSON Lines
   as `quotes extract` writes them.
3. `quotes index RECORDS -o DB`, the whole process timed, its peak memory
   (ru_maxrss of the child) and the database's size.
4. `quotes find`: `--queries` searches for the wording of random records with a
   word changed, timed inside one process (no start-up), median and 95th
   percentile; and one whole `quotes find` command for the start-up included.

Everything goes to bench/out/dataset/ (gitignored); a markdown report is printed
and saved as report.md there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
OUT = ROOT / "bench" / "out" / "dataset"
WORDS = ["really", "never", "all", "our", "new", "very", "now", "still"]
TITLES = ["Sen.", "Gov.", "President", "Secretary", "Mayor"]


def run(args: list[str]) -> tuple[float, int]:
    """Wall time of a child process, and its own peak resident memory in MB."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        sys.exit(f"{' '.join(args)} failed with exit code {child.returncode}")
    return elapsed, usage.ru_maxrss // 1024


def pick(key: str, n: int) -> int:
    """A stable choice in range(n) for a key: the same records on every run."""
    return int(hashlib.blake2b(key.encode(), digest_size=8).hexdigest(), 16) % n


def vary_text(text: str, key: str) -> str:
    """The wording as a reprint prints it (the same few variants of each quotation)."""
    words = text.split()
    choice = pick(key, 20)
    if len(words) < 8 or choice < 9:
        return text
    variant = pick(key + "v", 3)  # three variants of each kind per quotation
    if choice < 11:
        return text.upper()
    if choice < 13:
        return " ".join(words[1 + variant:]) if variant % 2 else " ".join(words[:-1 - variant])
    if choice < 15:
        at = 2 + variant * len(words) // 4
        return " ".join([*words[:at], WORDS[pick(key + "w", len(WORDS))], *words[at + 1:]])
    if choice < 17:
        at = len(words) // 2
        return " ".join([*words[:at - 1], "…", *words[at + 1:]])
    half = len(words) // 2
    return " ".join(words[variant * half // 3: variant * half // 3 + half])


def vary_speaker(name: str | None, key: str, others: list[str]) -> str | None:
    """The speaker as a reprint names them."""
    if not name:
        return name
    choice = pick(key + "s", 40)
    parts = name.split()
    if choice == 0:
        return others[pick(key + "o", len(others))]  # misattributed
    if choice < 6:
        return f"{TITLES[pick(key + 't', len(TITLES))]} {name}"
    if choice < 9 and len(parts) == 2:
        return f"{parts[0]} {chr(65 + pick(key + 'i', 26))}. {parts[1]}"
    if choice < 12 and len(parts) > 1:
        return parts[-1]
    return name


def build_records(base: list[dict[str, Any]], total: int, path: Path) -> int:
    """Write `total` records reprinting `base`; returns the bytes written."""
    others = sorted({r["speaker"] for r in base if r.get("speaker")})
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for n in range(total):
            record = dict(base[n % len(base)])
            copy = n // len(base)
            if copy:
                key = f"{record['id']}:{copy}"
                record["article_id"] = f"{record['article_id']}~{copy}"
                record["text"] = vary_text(record["text"], f"{record['id']}:{copy % 7}")
                record["speaker"] = vary_speaker(record.get("speaker"), key, others)
                if record["speaker"] is None:
                    record["resolution"] = "none"
                record["end"] = record["start"] + len(record["text"])
                where = f"{record['article_id']}\x1f{record['start']}"
                record["id"] = hashlib.sha1(where.encode()).hexdigest()[:16]
                if record.get("date"):
                    day = 1 + (int(record["date"][8:10]) + copy) % 28
                    record["date"] = f"{record['date'][:8]}{day:02d}{record['date'][10:]}"
            line = json.dumps(record, ensure_ascii=False) + "\n"
            written += len(line.encode())
            out.write(line)
    return written


def find_latency(db: Path, base: list[dict[str, Any]], queries: int) -> list[float]:
    """Seconds per query, inside one process, for `queries` searches of changed wordings."""
    from quotes.dataset.find import Query, find

    rnd = random.Random(13)
    con = sqlite3.connect(db)
    times = []
    for _ in range(queries):
        words = rnd.choice(base)["text"].split()[:12]
        if len(words) > 3:
            words[rnd.randrange(len(words))] = rnd.choice(WORDS)
        start = time.perf_counter()
        find(con, Query(" ".join(words), limit=10))
        times.append(time.perf_counter() - start)
    con.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=1, help="jobs of the extraction baseline")
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder of the eval articles")
    options = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    inputs = sorted(options.eval.glob("*.jsonl"))
    if not inputs:
        sys.exit(f"no eval articles in {options.eval}")
    extracted = OUT / "eval-records.jsonl"
    quotes = [str(Path(sys.executable).parent / "quotes")]  # the installed command of this Python
    mb = sum(p.stat().st_size for p in inputs) / 1e6
    extract_s, extract_mb = run([*quotes, "extract", *map(str, inputs), "-o", str(extracted), "-q",
                                 "--jobs", str(options.jobs)])
    base = [json.loads(line) for line in extracted.open(encoding="utf-8")]
    records = OUT / "records.jsonl"
    size = build_records(base, options.records, records)
    db = OUT / "quotes.db"
    for leftover in (db, Path(str(db) + "-journal")):
        leftover.unlink(missing_ok=True)
    index_s, index_mb = run([*quotes, "index", str(records), "-o", str(db), "-q"])
    with sqlite3.connect(db) as con:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("quotes", "speakers", "quotations", "articles")}
    latencies = sorted(find_latency(db, base, options.queries))
    cli_s, _ = run([*quotes, "find", str(db), " ".join(base[0]["text"].split()[:8]), "--json"])
    extract_rate = len(base) / extract_s
    index_rate = options.records / index_s
    results = {
        "machine": f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
                   f"Python {platform.python_version()}",
        "eval_mb": round(mb, 2), "eval_records": len(base), "extract_s": round(extract_s, 2),
        "extract_records_per_s": round(extract_rate), "extract_peak_mb": extract_mb,
        "records": options.records, "records_file_mb": round(size / 1e6, 1),
        "index_s": round(index_s, 1), "index_records_per_s": round(index_rate),
        "index_vs_extract": round(index_rate / extract_rate, 2), "index_peak_mb": index_mb,
        "db_mb": round(db.stat().st_size / 1e6, 1), **counts,
        "find_median_ms": round(1000 * statistics.median(latencies), 1),
        "find_p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
        "find_max_ms": round(1000 * latencies[-1], 1), "find_cli_s": round(cli_s, 2),
        "queries": options.queries,
    }
    (OUT / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    report = "\n".join(f"| {k} | {v} |" for k, v in results.items())
    report = "| figure | value |\n| --- | --- |\n" + report + "\n"
    (OUT / "report.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
