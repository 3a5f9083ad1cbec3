#!/usr/bin/env python3
"""Reproduce chronicle's relevance table (docs/relevance.md) in one command.

    python3 scripts/relevance_table.py ../shared [--out DIR] [--known-item] [--param NAME=VALUE ...]

Steps, all writing under OUT (default: a fresh temporary directory; never the repository):

1. build `target/release/chronicle` (`cargo build --release`) unless `--chronicle BIN` is given;
2. convert the seven classic collections in SHARED/corpora/ir-classic to JSON Lines, queries and
   qrels (scripts/ir_classic.py);
3. index each with `chronicle index --no-entities` (entities do not take part in ranking);
4. run `chronicle eval` twice per collection, with chronicle's ranking and with `--baseline`
   (stock tantivy), writing the run files beside the figures;
5. print one Markdown table: nDCG@10 and MAP per collection for both, and the means;
6. with `--known-item`, the Reuters known-item check: index the repository's embedded archive
   (`chronicle index corpus`), sample 500 Reuters stories that have a title (see `known_items`),
   query each title and report MRR@10 of finding that story, for both rankings.

`--param NAME=VALUE` is passed to every chronicle (not baseline) eval: that is how each experiment
in docs/relevance.md is re-run. Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ir_classic  # noqa: E402

REPO = Path(__file__).resolve().parent.parent

NAMES = {
    "cranfield": "Cranfield",
    "cisi": "CISI",
    "med": "MED",
    "cacm": "CACM",
    "npl": "NPL",
    "adi": "ADI",
    "lisa": "LISA",
}


def sh(*args: str, capture: bool = False, quiet: bool = False) -> str:
    result = subprocess.run(
        [str(a) for a in args],
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
        stderr=subprocess.DEVNULL if quiet else None,
    )
    return result.stdout if capture else ""


def index(
    chronicle: Path, corpus: Path, target: Path, entities: bool = False, rebuild: bool = False
) -> None:
    """Brings the index up to date: a no-op walk when it is, a rebuild when an older chronicle
    made it (its schema differs) or when asked."""
    args = [chronicle, "index", corpus, "--index", target, "--quiet"]
    if not entities:
        args.append("--no-entities")
    if rebuild:
        args.append("--rebuild")
    sh(*args, capture=True, quiet=True)


def evaluate(
    chronicle: Path,
    index_dir: Path,
    queries: Path,
    qrels: Path,
    run: Path,
    baseline: bool,
    params: list[str],
) -> dict:
    args = [chronicle, "eval", "--index", index_dir, "--queries", queries, "--qrels", qrels]
    args += ["--run", run, "--json"]
    if baseline:
        args.append("--baseline")
    else:
        for p in params:
            args += ["--param", p]
    return json.loads(sh(*args, capture=True))


def known_items(corpus: Path, count: int = 500, seed: int = 42) -> list[tuple[str, str]]:
    """The Reuters known-item sample: (chronicle id, title).

    Every `<REUTERS ... NEWID="n">` story in `corpus/reuters21578/reut2-*.sgm` (read as Latin-1,
    files in name order) whose `<TITLE>` is non-empty once `&lt;`/`&amp;`/numeric references are
    decoded and whitespace collapsed; sorted by NEWID as a number; then
    `random.Random(seed).sample(stories, count)`. The query is the title, the story's id `reuters-n`.
    """
    stories: list[tuple[int, str]] = []
    story = re.compile(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', re.S)
    title = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
    for path in sorted((corpus / "reuters21578").glob("reut2-*.sgm")):
        text = path.read_bytes().decode("latin-1")
        for m in story.finditer(text):
            t = title.search(m.group(2))
            if not t:
                continue
            words = re.sub(r"&#\d+;", " ", t.group(1))
            words = " ".join(html.unescape(words).split())
            if words:
                stories.append((int(m.group(1)), words))
    stories.sort()
    sample = random.Random(seed).sample(stories, count)
    return [(f"reuters-{n}", t) for n, t in sample]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("shared", type=Path, help="path of ../shared (holds corpora/ir-classic)")
    ap.add_argument("--out", type=Path, help="work directory [default: a new temp dir]")
    ap.add_argument("--chronicle", type=Path, help="chronicle binary [default: build release]")
    ap.add_argument("--param", action="append", default=[], help="ranking override NAME=VALUE")
    ap.add_argument("--only", action="append", choices=list(NAMES), help="only these collections")
    ap.add_argument("--known-item", action="store_true", help="also run the Reuters check")
    ap.add_argument("--reindex", action="store_true", help="rebuild indexes from scratch")
    args = ap.parse_args()

    out = args.out or Path(tempfile.mkdtemp(prefix="chronicle-relevance-"))
    if out.resolve().is_relative_to(REPO):
        raise SystemExit("--out must be outside the repository")
    out.mkdir(parents=True, exist_ok=True)
    chronicle = args.chronicle
    if chronicle is None:
        sh("cargo", "build", "--release", "--quiet", "--manifest-path", REPO / "Cargo.toml")
        chronicle = REPO / "target" / "release" / "chronicle"
    print(f"work directory: {out}", file=sys.stderr)

    rows = []
    for name in args.only or list(NAMES):
        ir_classic.convert(args.shared, out, name)
        d = out / name
        index(chronicle, d / "docs", d / "index", rebuild=args.reindex)
        figures = {}
        for label, baseline in (("chronicle", False), ("baseline", True)):
            result = evaluate(
                chronicle,
                d / "index",
                d / "queries.tsv",
                d / "qrels.txt",
                d / f"{label}.run",
                baseline,
                args.param,
            )
            figures[label] = result
        rows.append((name, figures))

    print("| collection | queries | chronicle nDCG@10 | chronicle MAP | baseline nDCG@10 | baseline MAP |")
    print("|---|---|---|---|---|---|")
    sums = {"chronicle": [0.0, 0.0], "baseline": [0.0, 0.0]}
    for name, f in rows:
        cells = []
        for label in ("chronicle", "baseline"):
            mean = f[label]["mean"]
            cells += [f"{mean['ndcg_10']:.3f}", f"{mean['map']:.3f}"]
            sums[label][0] += mean["ndcg_10"]
            sums[label][1] += mean["map"]
        print(f"| {NAMES[name]} | {f['chronicle']['evaluated']} | " + " | ".join(cells) + " |")
    n = len(rows)
    print(
        f"| **mean of {n}** | | **{sums['chronicle'][0] / n:.3f}** | **{sums['chronicle'][1] / n:.3f}** "
        f"| {sums['baseline'][0] / n:.3f} | {sums['baseline'][1] / n:.3f} |"
    )
    if args.param:
        print(f"chronicle params: {' '.join(args.param)}")

    if args.known_item:
        ki = out / "reuters-known-item"
        ki.mkdir(exist_ok=True)
        index(chronicle, REPO / "corpus", ki / "index", entities=True, rebuild=args.reindex)
        sample = known_items(REPO / "corpus")
        with open(ki / "queries.tsv", "w") as f:
            for i, (_, title) in enumerate(sample, 1):
                f.write(f"{i}\t{title}\n")
        with open(ki / "qrels.txt", "w") as f:
            for i, (doc, _) in enumerate(sample, 1):
                f.write(f"{i} 0 {doc} 1\n")
        for label, baseline in (("chronicle", False), ("baseline", True)):
            result = evaluate(
                chronicle,
                ki / "index",
                ki / "queries.tsv",
                ki / "qrels.txt",
                ki / f"{label}.run",
                baseline,
                args.param,
            )
            print(
                f"Reuters known-item MRR@10 ({label}, {result['evaluated']} titles, seed 42): "
                f"{result['mean']['mrr_10']:.3f}"
            )


if __name__ == "__main__":
    main()
