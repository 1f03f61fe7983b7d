"""The actors a user sees, cluster by cluster, to read for mistakes and to compare trees.

    PYTHONPATH=src python bench/actor_review.py --data ../shared/data/vims-dev \
        --data ../shared/data/abmusu-dev/train.jsonl [--clusters 60] [--words 200] \
        [--save actors.json] [--against actors.json] [--quiet]

For the first ``--clusters`` clusters of each corpus (0: all), summarises with the
default method and prints the shown actors (``main_actors``: people, then organisations
and places mentioned twice or more) as ``name [TYPE count; role]``. ``--save`` writes,
per cluster, every entity and the selected sentences' identities (article id, index);
``--against`` compares with such a file: the clusters whose shown actors changed (with
the entries before and after) and, separately, those whose selected sentences changed,
which an actor change should never cause unless actors feed selection.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tomtat.errors import TomtatError  # noqa: E402
from tomtat.evaluate.loaders import load_dataset  # noqa: E402
from tomtat.io.writers.story import main_actors  # noqa: E402
from tomtat.model import Budget, Entity  # noqa: E402
from tomtat.pipeline import summarize_cluster  # noqa: E402


def shown(e: Entity) -> str:
    role = f"; {e.role}" if e.role else ""
    return f"{e.name} [{e.type} {e.count}{role}]"


def review(data: list[str], limit: int, words: int, quiet: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for corpus in data:
        clusters = load_dataset(corpus)
        if limit:
            clusters = clusters[:limit]
        for ec in clusters:
            cluster = ec.cluster
            key = f"{Path(corpus).name}/{cluster.id}"
            try:
                summary = summarize_cluster(cluster, Budget(words=words))
            except TomtatError as err:
                out[key] = {"error": str(err)}
                continue
            actors = [shown(e) for e in main_actors(summary)]
            out[key] = {
                "shown": actors,
                "entities": [e.to_dict() for e in summary.entities],
                "sentences": [[x.sentence.key[0], x.sentence.key[1]] for x in summary.extracts],
            }
            if not quiet:
                print(f"== {key}")
                print("   " + " | ".join(actors))
    return out


def compare(now: dict[str, Any], before: dict[str, Any]) -> int:
    moved_actors = moved_sentences = 0
    for key in sorted(set(now) & set(before)):
        a, b = now[key], before[key]
        if a.get("sentences") != b.get("sentences"):
            moved_sentences += 1
            print(f"SENTENCES CHANGED {key}")
        if a.get("shown") != b.get("shown"):
            moved_actors += 1
            gone = [x for x in b.get("shown", []) if x not in a.get("shown", [])]
            new = [x for x in a.get("shown", []) if x not in b.get("shown", [])]
            print(f"~ {key}\n   - {' | '.join(gone)}\n   + {' | '.join(new)}")
    print(
        f"{len(set(now) & set(before))} clusters compared: shown actors changed in {moved_actors}, "
        f"selected sentences changed in {moved_sentences}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", required=True, help="a corpus (folder or JSONL); repeat for several")
    parser.add_argument("--clusters", type=int, default=60, help="first N clusters of each corpus (0: all)")
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--save")
    parser.add_argument("--against")
    parser.add_argument("--quiet", action="store_true", help="do not print the actors")
    args = parser.parse_args(argv)
    now = review(args.data, args.clusters, args.words, args.quiet)
    if args.save:
        Path(args.save).write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
    if args.against:
        return compare(now, json.loads(Path(args.against).read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
