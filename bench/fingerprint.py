"""Fingerprints of tomtat's output, to prove a speed change changed nothing else.

    PYTHONPATH=src python bench/fingerprint.py [CORPUS ...] --save before.json
    PYTHONPATH=src python bench/fingerprint.py [CORPUS ...] --against before.json

A CORPUS is a ViMs-layout folder (``data/<cluster>/*.txt``) or a folder of ``.txt``
articles read as one cluster (``../shared/seeds``). For each cluster and each method
given with ``--method`` (default: the default method), the fingerprint is the SHA-256
of everything a user or a later stage can see: the summary JSON (sentences with their
identities, removals, timeline, actors, keywords, notes), the cleaned text of each
article, and the story's sub-events and resolved dates. ``--against`` lists every
cluster whose fingerprint moved and exits 1 if any did.

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


def fingerprint(cluster: Cluster, method: str | None, words: int, cache: ArticleCache | None = None) -> str:
    """SHA-256 of the summary, the cleaned articles and the story of one cluster;
    with ``cache``, the cluster is first summarised growing article by article."""
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
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    prints: dict[str, str] = {}
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
    moved = sorted(k for k in prints if before.get(k) != prints[k])
    missing = sorted(set(before) - set(prints))
    for key in moved:
        print(f"changed: {key}")
    for key in missing:
        print(f"not run: {key}")
    print(f"{len(prints) - len(moved)}/{len(prints)} unchanged")
    return 1 if moved else 0


if __name__ == "__main__":
    raise SystemExit(main())
