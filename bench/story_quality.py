"""Story structure quality and cost: dates and actors on a labelled set, seeds check,
milliseconds per ViMs cluster.

    PYTHONPATH=src python bench/story_quality.py [--data ../shared/data]
        [--seeds ../shared/seeds] [--clusters 150] [--ner-clusters 10] [--repeat 3]
        [--pipeline-clusters 40] [--skip-quality]

1. Dates on ``bench/data/story_labels.jsonl`` (invented sentences written for tomtat):
   an expression is found when a predicted span overlaps the labelled one; it is right
   when its ISO value also equals the label. Precision/recall over expressions.
2. Actors on the same set, each sentence analysed as its own one-article cluster.
   PER/ORG/LOC only (MISC is not scored); names compared after mapping place aliases
   ("Hoa Kỳ" -> "Mỹ"); an organisation also matches when one name ends the other
   ("Tập đoàn Samsung" / "Samsung"). Three systems: tomtat's rules, underthesea's CRF
   NER alone, rules with the NER typing the names the rules cannot.
3. The seeds (if present): the timeline's dates and the main actors.
4. Cost: analyze() per ViMs cluster (clean + split are not counted), best of
   ``--repeat`` runs per cluster, wall and CPU time; the whole pipeline with and
   without the story stage.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tomtat.model import CleanArticle, Paragraph, Sentence
from tomtat.story import analyze
from tomtat.story.dates import explicit_year, find_dates, resolve
from tomtat.text.published import published_day
from tomtat.story.entities import lexicon

LABEL_SETS = {
    "tuning set (rules were adjusted while reading its errors)": "story_labels.jsonl",
    "held-out set (written after tuning, never tuned on)": "story_labels_heldout.jsonl",
}


def load_labels(name: str = "story_labels.jsonl") -> list[dict]:
    path = ROOT / "bench" / "data" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bench_dates(rows: list[dict]) -> dict[str, tuple[float, float, float]]:
    found = right = n_pred = n_gold = 0
    for row in rows:
        text = row["text"]
        raws = find_dates(text)
        year = explicit_year(raws)
        pred = [resolve(r, published_day(row["published"]), year) for r in raws]
        n_pred += len(pred)
        n_gold += len(row["dates"])
        used: set[int] = set()
        for g in row["dates"]:
            gs = text.find(g["text"])
            ge = gs + len(g["text"])
            for k, m in enumerate(pred):
                if k not in used and m.start < ge and gs < m.end:
                    used.add(k)
                    found += 1
                    right += m.iso == g["iso"]
                    break
    return {"found": prf(found, n_pred, n_gold), "normalised": prf(right, n_pred, n_gold)}


def _norm(name: str) -> str:
    places = lexicon().places
    key = tuple(name.lower().split())
    return places.get(key, name).lower()


def _match(pred: tuple[str, str], gold: tuple[str, str], typed: bool) -> bool:
    (pn, pt), (gn, gt) = pred, gold
    if typed and pt != gt:
        return False
    a, b = _norm(pn), _norm(gn)
    if a == b:
        return True
    if (gt == "ORG" or not typed) and (a.endswith(" " + b) or b.endswith(" " + a)):
        return True
    return False


def _score(preds: list[list[tuple[str, str]]], rows: list[dict], typed: bool) -> tuple[float, float, float]:
    tp = n_pred = n_gold = 0
    for pred, row in zip(preds, rows):
        gold = [(e["name"], e["type"]) for e in row["entities"]]
        n_pred += len(pred)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            for k, p in enumerate(pred):
                if k not in used and _match(p, g, typed):
                    used.add(k)
                    tp += 1
                    break
    return prf(tp, n_pred, n_gold)


def _one_article(text: str) -> tuple[list[CleanArticle], list[Sentence]]:
    art = CleanArticle("s", "", text, (Paragraph(0, 0, len(text)),))
    return [art], [Sentence("s", 0, 0, 0, len(text), text)]


def _rules(rows: list[dict], tagger=None) -> list[list[tuple[str, str]]]:
    out = []
    for row in rows:
        arts, sents = _one_article(row["text"])
        story = analyze(arts, sents, tagger=tagger)
        out.append([(e.name, e.type) for e in story.entities if e.type in ("PER", "ORG", "LOC")])
    return out


def _ner_only(rows: list[dict]) -> list[list[tuple[str, str]]]:
    from underthesea import ner

    out = []
    for row in rows:
        spans: list[tuple[str, str]] = []
        for word, *_, tag in ner(row["text"]):
            if tag.startswith("B-") or (tag.startswith("I-") and not spans):
                spans.append((word, tag[2:]))
            elif tag.startswith("I-") and spans[-1][1] == tag[2:]:
                spans[-1] = (spans[-1][0] + " " + word, spans[-1][1])
        out.append([s for s in spans if s[1] in ("PER", "ORG", "LOC")])
    return out


def bench_entities(rows: list[dict]) -> dict[str, dict[str, tuple[float, float, float]]]:
    from underthesea import ner

    systems = {
        "rules (default)": _rules(rows),
        "underthesea NER alone": _ner_only(rows),
        "rules + NER typing": _rules(rows, tagger=ner),
    }
    return {name: {"names": _score(p, rows, False), "typed": _score(p, rows, True)} for name, p in systems.items()}


def bench_seeds(seeds: Path) -> None:
    from tomtat.clean import clean_cluster
    from tomtat.io.txt import article_from_text
    from tomtat.text.sentences import split_articles

    files = sorted(seeds.glob("*.txt"))
    if not files:
        print(f"seeds: none found in {seeds}")
        return
    arts = [article_from_text(f.read_text(encoding="utf-8"), f.stem, str(f)) for f in files]
    cleaned = clean_cluster(arts)
    story = analyze(cleaned, split_articles(cleaned))
    print("\n## Seeds")
    print("timeline:")
    for ev in story.timeline:
        year = f" (year from {ev.year_from})" if ev.year_from else ""
        print(f"  {ev.date:12} {ev.precision:12} {','.join(a[:3] for a in ev.article_ids):8} {ev.text[:60]}{year}")
    print("people (count, articles, variants):")
    for e in story.entities:
        if e.type == "PER":
            print(f"  {e.name} [{e.role or '-'}] {e.count} {len(e.articles)} {list(e.variants)}")
    print("sub-events:")
    for ev in story.events:
        print(f"  {ev.id} {ev.date} {[a[:3] for a in ev.article_ids]} {len(ev.sentences)} sentences")
    print("keywords:", ", ".join(story.keywords))


def _vims_dirs(data: Path, limit: int) -> list[Path]:
    return sorted((data / "vims-dev" / "data").glob("Cluster_*"))[:limit]


def _vims_articles(cdir: Path) -> list:
    from tomtat.io.txt import article_from_text

    return [
        article_from_text(f.read_text(encoding="utf-8"), f"{cdir.name}/{f.stem}", str(f))
        for f in sorted(cdir.glob("*.txt"))
    ]


def _vims_clusters(data: Path, limit: int) -> list[list]:
    from tomtat.clean import clean_cluster
    from tomtat.text.sentences import split_articles

    out = []
    for cdir in _vims_dirs(data, limit):
        cleaned = [a for a in clean_cluster(_vims_articles(cdir)) if a.text.strip()]
        out.append([cleaned, split_articles(cleaned)])
    return out


def _spread(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]
    return (
        f"median {statistics.median(values):.1f} ms, mean {statistics.mean(values):.1f}, "
        f"p90 {p90:.1f}, max {max(values):.1f}"
    )


def _best_of(repeat: int, run) -> tuple[float, float]:
    """Best wall and CPU milliseconds of ``repeat`` runs (the machine may be shared:
    the best run is the one least disturbed by other processes)."""
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        run()
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return min(walls), min(cpus)


def bench_rules_cost(clusters: list[list], repeat: int) -> None:
    """analyze() alone, rules only: best-of-``repeat`` wall and CPU per cluster."""
    walls, cpus, events, dated = [], [], [], []
    for cleaned, sents in clusters:
        wall, cpu = _best_of(repeat, lambda c=cleaned, s=sents: analyze(c, s))
        walls.append(wall)
        cpus.append(cpu)
        story = analyze(cleaned, sents)
        events.append(len(story.events))
        dated.append(len(story.timeline))
    print(f"rules: {len(walls)} ViMs clusters, analyze() best of {repeat} per cluster: wall {_spread(walls)}")
    print(f"       CPU {_spread(cpus)}")
    print(
        f"       sub-events per cluster median {statistics.median(events):.0f} (max {max(events)}), "
        f"timeline entries median {statistics.median(dated):.0f}"
    )


def bench_cost(data: Path, n: int, n_ner: int, repeat: int, n_pipeline: int) -> None:
    if not _vims_dirs(data, 1):
        print(f"cost: no ViMs clusters under {data}")
        return
    clusters = _vims_clusters(data, max(n, n_ner))
    if clusters:
        analyze(*clusters[0])  # first-call cost (word lists) is paid once per process, not per cluster
    if n:
        bench_rules_cost(clusters[:n], repeat)
    if n_ner:
        from underthesea import ner

        ner("Khởi động.")
        times = [_best_of(1, lambda c=c, s=s: analyze(c, s, tagger=ner))[0] for c, s in clusters[:n_ner]]
        print(f"rules + NER: {len(times)} ViMs clusters, analyze() wall {_spread(times)}")
    if n_pipeline:
        from tomtat.model import Budget, Cluster
        from tomtat.pipeline import summarize_cluster

        raw = [Cluster(d.name, tuple(_vims_articles(d))) for d in _vims_dirs(data, n_pipeline)]
        summarize_cluster(raw[0], Budget(words=200))
        for story in (False, True):
            times = [
                _best_of(repeat, lambda c=c, st=story: summarize_cluster(c, Budget(words=200), story=st))[0]
                for c in raw
            ]
            print(f"pipeline, story={story}: {len(times)} ViMs clusters, 200 words, best of {repeat}: wall {_spread(times)}")


def _count(least: int):
    """An argparse type: an integer of at least ``least``, else a one-line usage error."""

    def parse(text: str) -> int:
        value = int(text) if text.lstrip("-").isdigit() else None
        if value is None or value < least:
            raise argparse.ArgumentTypeError(f"expected an integer >= {least}, got {text!r}")
        return value

    return parse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--clusters", type=_count(0), default=150, help="ViMs clusters timed with rules only (0: skip)")
    ap.add_argument("--ner-clusters", type=_count(0), default=10, help="ViMs clusters timed with NER (0: skip)")
    ap.add_argument("--repeat", type=_count(1), default=3, help="runs per cluster for timings (best is kept)")
    ap.add_argument("--pipeline-clusters", type=_count(0), default=40, help="ViMs clusters timed end to end (0: skip)")
    ap.add_argument("--skip-quality", action="store_true", help="timings only")
    args = ap.parse_args()
    for title, file in ({} if args.skip_quality else LABEL_SETS).items():
        rows = load_labels(file)
        n_dates = sum(len(r["dates"]) for r in rows)
        n_ents = sum(len(r["entities"]) for r in rows)
        print(f"## {title}: {len(rows)} sentences, {n_dates} time expressions, {n_ents} actors")
        print("| dates | precision | recall | F1 |\n| --- | --- | --- | --- |")
        for k, (p, r, f) in bench_dates(rows).items():
            print(f"| {k} | {p:.2f} | {r:.2f} | {f:.2f} |")
        print("\n| actors | names P | names R | names F1 | typed P | typed R | typed F1 |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for name, res in bench_entities(rows).items():
            (p, r, f), (tp, tr, tf) = res["names"], res["typed"]
            print(f"| {name} | {p:.2f} | {r:.2f} | {f:.2f} | {tp:.2f} | {tr:.2f} | {tf:.2f} |")
        print()
    if args.seeds.exists():
        bench_seeds(args.seeds)
    print("\n## Cost")
    bench_cost(args.data, args.clusters, args.ner_clusters, args.repeat, args.pipeline_clusters)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
