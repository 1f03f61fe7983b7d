"""Per-seed cleaning check on the crawled seeds (``../shared/seeds``).

Each seed is cleaned as one cluster (title unknown: the whole file is the text, as
the worst case) and every line is checked against ``bench/data/seed_labels.json``
(line numbers only): debris gone, content kept, subheadings kept and marked, "/."
marks gone. Prints a tally per seed; ``--show`` also prints what was removed and why
(to the terminal only: the seed text stays out of the repository).

    PYTHONPATH=src python bench/clean_seeds.py [--seeds DIR] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from tomtat.clean import clean_cluster, normalize_text
from tomtat.model import Article

ROOT = Path(__file__).resolve().parent.parent
LABELS = Path(__file__).parent / "data" / "seed_labels.json"
_TOKENS = re.compile(r"[^\W_]+")


def key(text: str) -> str:
    return " " + " ".join(_TOKENS.findall(normalize_text(text).casefold())) + " "


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--show", action="store_true", help="print removed lines with their reasons")
    args = ap.parse_args(argv)
    files = sorted(args.seeds.glob("*.txt")) if args.seeds.is_dir() else []
    if not files:
        print(f"clean_seeds: no .txt seeds in {args.seeds}", file=sys.stderr)
        return 2
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    articles = [Article(p.stem, "", p.read_text(encoding="utf-8"), origin=str(p)) for p in files]
    all_ok = True
    print(f"{'seed':22s} {'debris gone':>12s} {'content kept':>13s} {'headings':>9s} {'end marks':>10s}")
    for path, cleaned in zip(files, clean_cluster(articles)):
        lab = labels.get(path.stem, {})
        lines = path.read_text(encoding="utf-8").splitlines()
        paras = [key(cleaned.text[p.start : p.end]) for p in cleaned.paragraphs]
        heads = {key(cleaned.text[p.start : p.end]) for p in cleaned.paragraphs if p.heading}
        debris, headings, titles = set(lab.get("debris", [])), set(lab.get("heading", [])), set(lab.get("title", []))
        tally = {"debris": [0, 0], "content": [0, 0], "heading": [0, 0], "end": [0, 0]}
        for no, line in enumerate(lines, 1):
            k = key(line)
            if not k.strip():
                continue
            if no in debris:
                gone = not any(p in k or k in p for p in paras if p.strip())
                tally["debris"][0] += gone
                tally["debris"][1] += 1
            elif no in titles:
                tally["content"][0] += key(cleaned.title) == k or any(k in p for p in paras)
                tally["content"][1] += 1
            else:
                tally["content"][0] += any(k in p for p in paras)
                tally["content"][1] += 1
                if no in headings:
                    tally["heading"][0] += k in heads
                    tally["heading"][1] += 1
        for no in lab.get("end_marks", []):
            tally["end"][0] += "/." not in cleaned.text
            tally["end"][1] += 1
        cells = [f"{a}/{b}" for a, b in tally.values()]
        all_ok &= all(a == b for a, b in tally.values())
        print(f"{path.stem:22s} {cells[0]:>12s} {cells[1]:>13s} {cells[2]:>9s} {cells[3]:>10s}")
        if args.show:
            for r in cleaned.removed:
                print(f"    line {r.line + 1 if r.line is not None else '?'} [{r.reason}] {r.text[:100]}")
    print("all seeds clean" if all_ok else "SOME SEED LINES WRONG")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
