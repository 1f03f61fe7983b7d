"""Fingerprints of tomtat's output, to prove a speed change changed nothing else.

    PYTHONPATH=src python bench/fingerprint.py [CORPUS ...] --save before.json
    PYTHONPATH=src python bench/fingerprint.py [CORPUS ...] --against before.json

A CORPUS is a ViMs-layout folder (``data/<cluster>/*.txt``) or a folder of ``.txt``
articles read as one cluster (``../shared/seeds``); with none given, ``../shared/data/vims-dev``
and ``../shared/seeds`` relative to the repository. For each cluster and each method
given with ``--method`` (default: the default method), the fingerprint is the SHA-256
of everything a user or a later stage can see: the summary JSON (sentences with their
identities, removals, timeline, actors, keywords, notes), the cleaned text of each
article, and the story's sub-events and resolved dates. ``--against`` lists every
cluster whose fingerprint moved (``changed: CORPUS/CLUSTER/METHOD``), ends with
``N/M unchanged``, and exits 1 if any moved.

Each fingerprint is also kept in parts, so that a change to one part is told apart from
the rest (an actor rule that moves actors only, not the summary's sentences):

- ``sentences``: the summary itself: its text, its sentences with their identities, word
  count, method, budget and articles;
- ``actors``: the summary's actors (``entities``);
- ``story``: the rest of the summary JSON (timeline, events, event groups, keywords,
  notes) and the story's sub-events and resolved dates;
- ``cleaned``: the cleaned articles and the summary's removals.

A moved cluster's line names the parts that moved (``changed: vims-dev/Cluster_001/default
(actors)``) and a last line counts the clusters each part moved in (``moved: sentences 0,
actors 58, story 0, cleaned 0``). A file saved before the parts were kept (one hash a
cluster) is still compared, as a whole.

``--cache`` summarises each cluster the way the story store does: growing, one article
at a time, every run with one ``ArticleCache`` shared by all clusters (of 20 articles,
so entries are dropped too); the
fingerprint is that of the last run, and must equal the one made without a cache.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tomtat.article_cache import ArticleCache  # noqa: E402
from tomtat.clean import clean_cluster  # noqa: E402
from tomtat.errors import TomtatError  # noqa: E402
from tomtat.evaluate.loaders import vims  # noqa: E402
from tomtat.io.readers import read_cluster  # noqa: E402
from tomtat.model import Budget, Cluster  # noqa: E402
from tomtat.pipeline import summarize_cluster  # noqa: E402
from tomtat.story import analyze  # noqa: E402
from tomtat.text.sentences import split_articles  # noqa: E402

DEFAULT_CORPORA = (ROOT.parent / "shared" / "data" / "vims-dev", ROOT.parent / "shared" / "seeds")


def clusters(corpus: Path) -> list[Cluster]:
    """The clusters of a ViMs-layout folder, or a folder of articles as one cluster."""
    if (corpus / "data").is_dir():
        return [vims.load_cluster(f, corpus / "summary").cluster for f in vims.cluster_folders(corpus)]
    cluster, _ = read_cluster([str(corpus)], cluster_id=corpus.name)
    return [cluster]


# The parts of a fingerprint (see the module docstring): the summary JSON's keys each
# part takes; "story" takes every key the others do not, so a new key is never missed.
SENTENCE_KEYS = ("id", "summary", "words", "method", "budget", "sentences", "articles")
ACTOR_KEYS = ("entities",)
CLEANING_KEYS = ("removed",)
PARTS = ("sentences", "actors", "story", "cleaned")


def _sha256(document: object) -> str:
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(cluster: Cluster, method: str | None, words: int, cache: ArticleCache | None = None) -> dict[str, str]:
    """SHA-256 of the summary, the cleaned articles and the story of one cluster
    (``all``), and of each of its ``PARTS``; with ``cache``, the cluster is first
    summarised growing article by article."""
    if cache is not None:
        for n in range(1, len(cluster.articles)):
            try:
                summarize_cluster(Cluster(cluster.id, cluster.articles[:n]), Budget(words=words), method, cache=cache)
            except TomtatError:  # a first article without text: as the store, go on
                pass
    summary = summarize_cluster(cluster, Budget(words=words), method, cache=cache)
    cleaned = [a for a in clean_cluster(cluster.articles) if a.text.strip()]
    story = analyze(cleaned, split_articles(cleaned))
    document = {
        "summary": summary.to_dict(),
        "cleaned": [[a.id, a.title, a.text] for a in cleaned],
        "events": story.to_dict()["events"],
        "dates": sorted((list(k), [repr(d) for d in v]) for k, v in story.dates.items()),
    }
    shown = document["summary"]
    told = {*SENTENCE_KEYS, *ACTOR_KEYS, *CLEANING_KEYS}
    return {
        "all": _sha256(document),  # as fingerprints were saved before they had parts
        "sentences": _sha256({k: shown.get(k) for k in SENTENCE_KEYS}),
        "actors": _sha256({k: shown.get(k) for k in ACTOR_KEYS}),
        "story": _sha256({
            "summary": {k: v for k, v in shown.items() if k not in told},
            "events": document["events"],
            "dates": document["dates"],
        }),
        "cleaned": _sha256({"cleaned": document["cleaned"], **{k: shown.get(k) for k in CLEANING_KEYS}}),
    }


def compare(prints: dict[str, dict[str, str]], before: dict[str, object]) -> tuple[list[str], bool]:
    """The report's lines for ``prints`` against ``before`` (as saved, or saved as one
    hash a cluster before the parts were kept), and whether any cluster moved."""
    lines = []
    counts = dict.fromkeys(PARTS, 0)
    whole_only = any(isinstance(v, str) for v in before.values())
    moved = 0
    for key in sorted(prints):
        now, then = prints[key], before.get(key)
        if (then.get("all") if isinstance(then, dict) else then) == now["all"]:
            continue
        moved += 1
        if isinstance(then, dict):
            parts = [p for p in PARTS if then.get(p) != now[p]]
            for p in parts:
                counts[p] += 1
            lines.append(f"changed: {key} ({', '.join(parts)})")
        else:
            lines.append(f"changed: {key}" + (" (not in the saved file)" if then is None else ""))
    lines += [f"not run: {key}" for key in sorted(set(before) - set(prints))]
    lines.append(f"{len(prints) - moved}/{len(prints)} unchanged")
    if whole_only and moved:
        lines.append("moved: parts unknown (saved as one hash a cluster)")
    elif not whole_only:
        lines.append("moved: " + ", ".join(f"{p} {n}" for p, n in counts.items()))
    return lines, moved > 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=list(DEFAULT_CORPORA))
    parser.add_argument("--method", action="append", help="default: the default method")
    parser.add_argument("--words", type=int, default=230)
    parser.add_argument("--cache", action="store_true", help="summarise each cluster growing, with an ArticleCache")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the fingerprints to this JSON file")
    group.add_argument("--against", type=Path, help="compare with fingerprints saved earlier")
    args = parser.parse_args(argv)
    prints: dict[str, dict[str, str]] = {}
    cache = ArticleCache(size=20) if args.cache else None
    for corpus in args.corpus:
        if not corpus.is_dir():
            print(f"fingerprint: {corpus} is not a folder", file=sys.stderr)
            return 2
        for cluster in clusters(corpus):
            for method in args.method or [None]:
                key = f"{corpus.name}/{cluster.id}/{method or 'default'}"
                prints[key] = fingerprint(cluster, method, args.words, cache)
    if args.save:
        args.save.write_text(json.dumps(prints, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(prints)} fingerprints saved to {args.save}")
        return 0
    before = json.loads(args.against.read_text(encoding="utf-8"))
    lines, moved = compare(prints, before)
    print("\n".join(lines))
    return 1 if moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
