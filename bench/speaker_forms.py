"""Speaker accuracy by how the gold speaker is written: name, pronoun, role or
description, follow-on (a quote with no mention of its own), or none.

    python bench/speaker_forms.py ../shared/eval/ggt-dev.jsonl ../shared/eval/polnear-dev.jsonl

GGT gold gives `speaker_mention` (the words the article uses) beside the
resolved `speaker`; PolNeAR's `speaker` is itself the words the article uses
(so its pronouns are never judged). Rows count gold records: matched (IoU >= 0.5),
judged (a usable gold speaker) and right (the scorer's speaker test).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from quotes.evaluate import is_pronoun, load_gold, match, run_extraction, speaker_correct, usable_speaker
from quotes.evaluation.items import EvalError

FORMS = ("name", "pronoun", "role/description", "follow-on", "none")


def form(quote: dict[str, Any]) -> str:
    """How the gold record's speaker is written in the article."""
    ggt = "speaker_mention" in quote
    written = quote.get("speaker_mention") if ggt else quote.get("speaker")
    if not written:
        return "follow-on" if ggt and quote.get("speaker") else "none"
    if is_pronoun(written):
        return "pronoun"
    if ggt:  # a mention sharing a capitalised word with the resolved name is a name
        resolved = (quote.get("speaker") or "").casefold().split()
        named = any(w.casefold().strip(",.'’s") in resolved for w in written.split() if w[:1].isupper())
        return "name" if named else "role/description"
    words = written.split()
    capitals = [w for w in words if w[:1].isupper()]
    return "name" if capitals and len(capitals) >= len(words) - 1 and len(words) <= 5 else "role/description"


def table(path: Path) -> dict[str, Counter[str]]:
    """Counts per form: gold, matched, judged, right."""
    articles = load_gold(path)  # (first: it names a bad line of a file that is no gold corpus)
    raw = {obj["id"]: obj for obj in map(json.loads, path.open(encoding="utf-8"))}
    predictions, _, _ = run_extraction(articles)
    counts: dict[str, Counter[str]] = {f: Counter() for f in FORMS}
    for article in articles:
        forms = [form(q) for q in raw[article.id]["quotes"]]
        pairs = {id(p.gold): p for p in match(article.quotes, predictions[article.id])}
        for gold, kind in zip(article.quotes, forms, strict=True):
            row = counts[kind]
            row["gold"] += 1
            pair = pairs.get(id(gold))
            if pair is None:
                continue
            row["matched"] += 1
            if usable_speaker(gold.speaker):
                row["judged"] += 1
                row["right"] += speaker_correct(gold.speaker, pair.pred.speaker)
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("paths", nargs="+", type=Path, metavar="GOLD.jsonl",
                        help="gold corpora in the eval format (../shared/eval/*.jsonl)")
    paths = parser.parse_args(argv).paths
    for missing in (p for p in paths if not p.is_file()):
        parser.error(f"{missing}: no such file")
    for path in paths:
        try:
            counts = table(path)
        except EvalError as error:
            parser.error(str(error))
        print(f"{path.name}\n| speaker written as | gold | matched | judged | right | accuracy |")
        print("| --- | --- | --- | --- | --- | --- |")
        for kind, row in counts.items():
            if row["gold"]:
                accuracy = f"{row['right'] / row['judged']:.2f}" if row["judged"] else "–"
                cells = [kind, row["gold"], row["matched"], row["judged"], row["right"], accuracy]
                print("| " + " | ".join(map(str, cells)) + " |")
        print()


if __name__ == "__main__":
    main()
