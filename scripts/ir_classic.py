#!/usr/bin/env python3
"""Convert the classic IR test collections into what `chronicle` reads.

For each of Cranfield, CISI, MED, CACM, NPL, ADI and LISA (as stored in
`<shared>/corpora/ir-classic/`, see its PROVENANCE.md) this writes, under `OUT/<name>/`:

- `docs/docs.jsonl`: one JSON object per document, `{"id", "title", "body"}`; `title` is left out
  when the collection has none (MED, NPL), and chronicle then derives one as it does for any
  untitled article;
- `queries.tsv`: `qid<TAB>text`, the text on one line;
- `qrels.txt`: TREC qrels, `qid 0 docid rel`.

The collections' quirks (PROVENANCE.md) handled here:

- SMART files (`.I id` records, `.T/.W/...` fields): a field runs to the next line starting with a dot
  and a field letter; CISI lives in an uncompressed tar with CRLF line endings.
- Cranfield's qrels number queries by ordinal 1..225, not by their `.I` number (001, 002, 004, ...).
  Its grades run 1 (complete answer) to 4 (minimum interest), plus one `-1` line per query; for
  TREC (higher = more relevant, > 0 = relevant) grade g becomes 5 - g and -1 becomes 0.
- Every other collection's judgments are binary and become rel 1, whatever their odd layout
  (zero-padded CACM ids, MED's `qid 0 did 1`, NPL's and LISA's multi-line lists).
- CISI queries 58.. are paper records (`.T`, `.A`, `.W`, `.B`): title and text are the query.

Python 3.11 standard library only. Usage: `python3 scripts/ir_classic.py SHARED OUT`.
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
from pathlib import Path

COLLECTIONS = ["cranfield", "cisi", "med", "cacm", "npl", "adi", "lisa"]

FIELD = re.compile(r"^\.([A-Z])(?:\s+(.*))?$")


def smart_records(text: str) -> list[tuple[str, dict[str, str]]]:
    """Parses SMART `.I` records into (id, {field letter: text})."""
    records: list[tuple[str, dict[str, str]]] = []
    field = None
    for raw in text.replace("\r", "").split("\n"):
        m = FIELD.match(raw)
        if m:
            letter, rest = m.group(1), (m.group(2) or "").strip()
            if letter == "I":
                records.append((str(int(rest.split()[0])), {}))
                field = None
            else:
                field = letter
                if records:
                    records[-1][1].setdefault(field, "")
            continue
        if records and field:
            fields = records[-1][1]
            fields[field] = fields[field] + raw + "\n"
    return records


def one_line(text: str) -> str:
    return " ".join(text.split())


def doc(docid: str, title: str, body: str) -> dict[str, str]:
    out = {"id": docid}
    title, body = title.strip(), body.strip()
    if title:
        out["title"] = title
    if body:
        out["body"] = body
    return out


def smart_docs(text: str) -> list[dict[str, str]]:
    return [doc(i, f.get("T", ""), f.get("W", "")) for i, f in smart_records(text)]


def smart_queries(text: str, fields: str = "W") -> list[tuple[str, str]]:
    return [
        (i, one_line(" ".join(f.get(x, "") for x in fields)))
        for i, f in smart_records(text)
    ]


def binary_qrels(pairs) -> list[tuple[str, str, int]]:
    return [(str(int(q)), str(int(d)), 1) for q, d in pairs]


def cranfield(root: Path):
    d = root / "cranfield"
    docs = smart_docs((d / "cran.all.1400").read_text())
    # Queries are judged by ordinal, not by `.I` number.
    queries = [
        (str(n), text)
        for n, (_, text) in enumerate(smart_queries((d / "cran.qry").read_text()), 1)
    ]
    qrels = []
    for line in (d / "cranqrel").read_text().splitlines():
        parts = line.split()
        if len(parts) == 3:
            q, did, grade = parts
            g = int(grade)
            qrels.append((str(int(q)), str(int(did)), 5 - g if 1 <= g <= 4 else 0))
    return docs, queries, qrels


def cisi(root: Path):
    with tarfile.open(root / "cisi" / "cisi.tar") as tar:

        def member(name: str) -> str:
            f = tar.extractfile(name)
            if f is None:
                raise SystemExit(f"cisi.tar has no {name}")
            return f.read().decode("ascii").replace("\r", "")

        docs = smart_docs(member("CISI.ALL"))
        queries = smart_queries(member("CISI.QRY"), "TW")
        qrels = binary_qrels(
            line.split()[:2] for line in member("CISI.REL").splitlines() if line.strip()
        )
    return docs, queries, qrels


def med(root: Path):
    d = root / "med"
    docs = smart_docs((d / "MED.ALL").read_text())
    queries = smart_queries((d / "MED.QRY").read_text())
    qrels = binary_qrels(
        (p[0], p[2]) for p in (l.split() for l in (d / "MED.REL").read_text().splitlines()) if p
    )
    return docs, queries, qrels


def cacm(root: Path):
    d = root / "cacm"
    docs = smart_docs((d / "cacm.all").read_text())
    queries = smart_queries((d / "query.text").read_text())
    qrels = binary_qrels(
        l.split()[:2] for l in (d / "qrels.text").read_text().splitlines() if l.strip()
    )
    return docs, queries, qrels


def adi(root: Path):
    d = root / "adi"
    docs = smart_docs((d / "ADI.ALL").read_text())
    queries = smart_queries((d / "ADI.QRY").read_text())
    qrels = binary_qrels(
        l.split()[:2] for l in (d / "ADI.REL").read_text().splitlines() if l.strip()
    )
    return docs, queries, qrels


def slash_records(text: str) -> list[tuple[str, str]]:
    """NPL layout: an id line, text lines, then a line holding only `/`."""
    out, current, lines = [], None, []
    for line in text.splitlines():
        if line.strip() == "/":
            if current is not None:
                out.append((current, " ".join(lines)))
            current, lines = None, []
        elif current is None:
            if line.strip():
                current = str(int(line.strip()))
        else:
            lines.append(line.strip())
    return out


def npl(root: Path):
    d = root / "npl"
    docs = [doc(i, "", t) for i, t in slash_records((d / "doc-text").read_text())]
    queries = [(i, one_line(t)) for i, t in slash_records((d / "query-text").read_text())]
    qrels = []
    for q, ids in slash_records((d / "rlv-ass").read_text()):
        qrels += binary_qrels((q, did) for did in ids.split())
    return docs, queries, qrels


def lisa(root: Path):
    d = root / "lisa"
    docs = []
    parts = sorted(p for p in d.glob("LISA[0-9].[0-9]*"))
    for part in parts:
        for record in part.read_text().split("*" * 44):
            lines = record.strip("\n").split("\n")
            if not lines or not lines[0].startswith("Document"):
                continue
            docid = str(int(lines[0].split()[1]))
            rest = "\n".join(lines[1:])
            title, _, body = rest.partition("\n\n")
            docs.append(doc(docid, title, body))
    queries = []
    for block in (d / "LISA.QUE").read_text().split("#"):
        lines = block.strip().split("\n")
        if lines and lines[0].strip().isdigit():
            queries.append((str(int(lines[0])), one_line(" ".join(lines[1:]))))
    qrels = []
    for block in re.split(r"Query\s+", (d / "LISA.REL").read_text())[1:]:
        tokens = block.split()
        q, ids = tokens[0], tokens[4:]  # `N k Relevant Refs: id ... -1`
        qrels += binary_qrels((q, did) for did in ids if did != "-1")
    return docs, queries, qrels


READERS = {
    "cranfield": cranfield,
    "cisi": cisi,
    "med": med,
    "cacm": cacm,
    "npl": npl,
    "adi": adi,
    "lisa": lisa,
}


def convert(shared: Path, out: Path, name: str) -> dict[str, int]:
    """Writes one collection; returns its counts."""
    docs, queries, qrels = READERS[name](shared / "corpora" / "ir-classic")
    target = out / name
    (target / "docs").mkdir(parents=True, exist_ok=True)
    with open(target / "docs" / "docs.jsonl", "w") as f:
        for d in docs:
            if "title" in d or "body" in d:
                f.write(json.dumps(d) + "\n")
    with open(target / "queries.tsv", "w") as f:
        for qid, text in queries:
            f.write(f"{qid}\t{text}\n")
    with open(target / "qrels.txt", "w") as f:
        for qid, did, rel in qrels:
            f.write(f"{qid} 0 {did} {rel}\n")
    judged = {q for q, _, r in qrels if r > 0}
    return {"docs": len(docs), "queries": len(queries), "judged_queries": len(judged)}


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit("usage: ir_classic.py SHARED OUT")
    shared, out = Path(sys.argv[1]), Path(sys.argv[2])
    for name in COLLECTIONS:
        print(name, convert(shared, out, name))


if __name__ == "__main__":
    main()
