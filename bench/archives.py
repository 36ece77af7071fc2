"""Benchmark archive inputs: MB/s of article text from .jsonl.gz and .warc.gz against plain JSON Lines.

    python bench/archives.py                 # 5 MB of eval articles, --jobs 1, best of 2
    python bench/archives.py --mb 10 --jobs 1 2 --repeat 3

The same articles are written as plain JSON Lines, as gzip-compressed JSON
Lines and as a WARC file of web pages (each article inside a page with a menu,
a script, related links, a cookie notice, a comment section and a footer, one
gzip member per record, as crawlers write them). Each is run through
`quotes extract` (whole process timed, runs alternated), and read alone
in-process without extraction (what decoding costs). MB = 10^6 bytes of the
articles' UTF-8 text. Needs the `archives` extra. Writes under bench/out/.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import run as bench  # bench/run.py: corpus, process timing, machine description

OUT = bench.OUT / "archives"
MB = bench.MB
_MENU = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
_SCRIPT = "var tracking = {id: 1, events: []};\n" * 300
_COMMENTS = "".join(f'<div class="comment"><p>Reader {i}: I said it before, "this will not last".</p>'
                    "</div>" for i in range(8))


def page(article: dict[str, Any]) -> bytes:
    """An article as a news site serves it: the text in <p>s inside much else."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n") if p.strip())
    title = html.escape(article.get("title") or "News")
    date = article.get("date") or ""
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | The Daily Example'
            f'</title><meta property="article:published_time" content="{date}">'
            f"<script>{_SCRIPT}</script></head><body>"
            '<div class="cookie-banner"><p>We use cookies. Accept all cookies?</p></div>'
            f'<header><nav><ul>{_MENU}</ul></nav></header><main><article><h1>{title}</h1>'
            f'{paragraphs}</article></main><aside class="related"><h2>Related</h2><ul>{_MENU[:2000]}'
            f'</ul></aside><section class="comments"><h2>Comments</h2>{_COMMENTS}</section>'
            f"<footer><ul>{_MENU}</ul></footer></body></html>").encode()


def write_inputs(mb: float) -> tuple[dict[str, Path], int, int]:
    """Plain JSON Lines, .jsonl.gz and .warc.gz of the same articles; (paths, articles, bytes)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    OUT.mkdir(parents=True, exist_ok=True)
    plain = OUT / "articles.jsonl"
    articles, size = bench.write_eval_corpus(plain, mb)
    packed = OUT / "articles.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes(), compresslevel=6))
    crawl = OUT / "crawl.warc.gz"
    with crawl.open("wb") as stream, plain.open(encoding="utf-8") as lines:
        writer = WARCWriter(stream, gzip=True)
        for line in lines:
            article = json.loads(line)
            body = page(article)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            uri = f"https://news.example/{article['id']}"
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return {"jsonl": plain, "jsonl.gz": packed, "warc.gz": crawl}, articles, size


_TIMED = """
import sys, time
from quotes.pipeline import extract
from quotes.read import Sourced, read_entries
start = time.process_time()
for entry in read_entries([sys.argv[1]]):
    if sys.argv[2] == "extract" and isinstance(entry, Sourced):
        extract(entry.article)
print(time.process_time() - start)
"""


def cpu_seconds(path: Path, what: str) -> float:
    """CPU seconds to read every article of `path` (`read`), or to read and extract (`extract`),
    in a child process, start-up excluded."""
    done = subprocess.run([sys.executable, "-c", _TIMED, str(path), what], capture_output=True,
                          text=True, check=True)
    return float(done.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mb", type=float, default=5, help="MB of article text (default 5)")
    p.add_argument("--jobs", type=int, nargs="+", default=[1], help="--jobs values to run")
    p.add_argument("--repeat", type=int, default=2, help="runs of each, the best kept")
    p.add_argument("--timeout", type=float, default=1800)
    args = p.parse_args(argv)
    info = bench.machine()
    inputs, articles, size = write_inputs(args.mb)
    cli = bench.quotes_cli() or ["quotes"]
    best: dict[tuple[str, int], tuple[float, float, int]] = {}
    for _ in range(args.repeat):  # alternate the formats, so load changes hit them alike
        for jobs in args.jobs:
            for kind, path in inputs.items():
                out = OUT / f"{kind}-jobs{jobs}.quotes.jsonl"
                cmd = [*cli, "extract", str(path), "--jobs", str(jobs), "--quiet"]
                seconds, cpu, _, _, status = bench.measure(cmd, out, args.timeout)
                if status != "ok":
                    print(f"{kind} --jobs {jobs}: {status}", file=sys.stderr)
                    return 1
                if (kind, jobs) not in best or seconds < best[kind, jobs][0]:
                    best[kind, jobs] = (seconds, cpu, bench.count_lines(out))
    decode = {kind: min(cpu_seconds(path, "read") for _ in range(args.repeat))
              for kind, path in inputs.items()}
    extraction = min(cpu_seconds(inputs["jsonl"], "extract") for _ in range(args.repeat)) \
        - decode["jsonl"]
    lines = [f"Machine: {info['cores']} cores, {info['cpu']}, Python {info['python']}, "
             f"quotes {info['quotes version']}, load at start {info['load average at start']}.",
             f"{articles} articles, {size / MB:.2f} MB of text; extraction alone "
             f"{extraction:.1f} CPU s ({size / MB / extraction:.2f} MB/s); files: "
             + ", ".join(f"{k} {p.stat().st_size / MB:.1f} MB" for k, p in inputs.items()) + ".", "",
             "| input | jobs | seconds | MB/s of text | vs plain | records | decoding alone, CPU s "
             "| decoding beyond plain / extraction |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for jobs in args.jobs:
        for kind in inputs:
            seconds, _, records = best[kind, jobs]
            ratio = best["jsonl", jobs][0] / seconds
            share = (decode[kind] - decode["jsonl"]) / extraction
            lines.append(f"| {kind} | {jobs} | {seconds:.1f} | {size / MB / seconds:.3f} | "
                         f"{ratio:.2f}x | {records} | {decode[kind]:.2f} | {share:+.0%} |")
    report = "\n".join(lines)
    (OUT / "report.md").write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
