"""``tomtat eval DATASET``: summarize every cluster of a corpus and score it with ROUGE.

The budget is the corpus's mean reference length unless ``--words`` is given.
Prints ROUGE-1/2/L F1 (syllables, Vietnamese-correct) with bootstrap 95% intervals,
mean summary length and speed; ``--out`` writes one JSON line per cluster.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from tqdm import tqdm

from tomtat.commands.common import warn, write_output
from tomtat.errors import InputError, TomtatError
from tomtat.evaluate.bootstrap import DEFAULT_SEED
from tomtat.evaluate.dataset import EvalCluster, mean_reference_words
from tomtat.evaluate.loaders import LAYOUTS, detect_layout, load_dataset
from tomtat.evaluate.rouge import MODES
from tomtat.evaluate.runner import ClusterResult, corpus_score, evaluate, format_table, require_references
from tomtat.model import Budget
from tomtat.pipeline import check_budget, summarize_cluster
from tomtat.select import DEFAULT_METHOD, METHODS, get_method


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "eval",
        help="score summaries of a corpus against its reference summaries (ROUGE)",
        description=(
            "Summarize every cluster of DATASET and score the summaries with syllable ROUGE "
            "against the human references. DATASET is a ViMs folder, a VietnameseMDS folder, "
            "a VLSP AbMuSu JSONL file, or a cluster JSONL file with 'references' (detected)."
        ),
    )
    p.add_argument("dataset", metavar="DATASET", help="corpus folder or JSONL file")
    methods = ", ".join(sorted(METHODS))
    p.add_argument("--method", default=None, metavar="NAME", help=f"selection algorithm: {methods} (default {DEFAULT_METHOD})")
    p.add_argument("--words", type=int, default=None, metavar="N", help="summary budget in words (default: the corpus's mean reference length)")
    p.add_argument("-o", "--output", "--out", dest="out", metavar="RUN.jsonl",
                   help="write one JSON line per cluster (summary, references, scores in 0..1)")
    p.add_argument("--layout", choices=sorted(LAYOUTS), help="corpus layout (default: detected)")
    p.add_argument("--multi-ref", dest="mode", choices=MODES, default="average", help="combine several references by their average (default) or the best")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help="seed of the bootstrap resampling")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.words is not None:
        check_budget(Budget(words=args.words))
    method = get_method(args.method).name
    if args.out:
        _check_out(Path(args.out))
    layout = args.layout or detect_layout(args.dataset)
    clusters = load_dataset(args.dataset, layout)
    words = args.words if args.words is not None else mean_reference_words(clusters)
    require_references(clusters)
    budget = Budget(words=words)
    failures: list[str] = []

    def summarize(c: EvalCluster) -> str:
        try:
            return summarize_cluster(c.cluster, budget, method).text
        except TomtatError as err:
            failures.append(c.id)
            warn(f"cluster {c.id}: {err}; scored as an empty summary")
            return ""

    with tqdm(total=len(clusters), unit="cluster", disable=not sys.stderr.isatty(), leave=False) as bar:
        results = evaluate(clusters, summarize, words=words, mode=args.mode, on_result=lambda _: bar.update())
    report = corpus_score(results, rng=np.random.default_rng(args.seed))
    if args.out:
        write_output("".join(_line(r) for r in results), args.out)
    print(f"tomtat eval: {args.dataset} ({layout}), method {method}, {words} words, references {args.mode}d")
    sys.stdout.write(format_table(report))
    return 1 if failures else 0


def _check_out(path: Path) -> None:
    """Fail before the (long) run, not after it, when ``--out`` cannot be written."""
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for --out")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{path}: folder {folder} does not exist")


def _line(result: ClusterResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
