"""Debris glued into real one-line bodies: does the content around it survive?

Takes real, clean articles (ViMs dev by default), joins each body into ONE line (as some
corpora store it), glues in debris fragments written by the project (captions with
credits, ">>" links, image file names, trailing source and byline notes) between its
sentences, cleans, and checks that every original sentence survives and every glued
fragment is gone (no three words of it left in a row). The content is real, so "content kept" measures how often inline
rules eat a real sentence; the debris is ours, so "debris removed" is optimistic.

    PYTHONPATH=src python bench/clean_synthetic.py [--data DIR] [--clusters N] [--verbose]

``DIR`` holds ``Cluster_NNN/*.txt`` files whose first line is the title (default
``../shared/data/vims-dev/data`` relative to the repository root).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from tomtat.clean import clean_article, normalize_text
from tomtat.model import Article

ROOT = Path(__file__).resolve().parent.parent
_TOKENS = re.compile(r"[^\W_]+")

PHOTOS = [
    "Lực lượng chức năng có mặt tại hiện trường",
    "Toàn cảnh buổi làm việc",
    "Người dân xếp hàng chờ làm thủ tục",
    "Các đại biểu dự lễ khai mạc",
    "Quang cảnh cuộc họp báo chiều qua",
    "Xe cứu thương đưa nạn nhân đi cấp cứu",
    "Ông Nguyễn Văn Hòa trả lời phỏng vấn báo chí",
]
CREDITS = ["Reuters", "AFP", "TTXVN", "Ngọc Hà", "NGUYỄN KHÁNH", "AP", "Getty Images", "Minh Đức/Vietnam+", "RIA Novosti"]
HEADLINES = [
    "Giá vàng hôm nay tăng mạnh",
    "Hà Nội cấm xe máy từ năm 2030?",
    "Chuyên gia nói gì về lãi suất năm tới",
    "Bộ Y tế cảnh báo dịch sốt xuất huyết",
    "Mỹ và Trung Quốc nối lại đàm phán thương mại",
]


def glue(rng: random.Random) -> str:
    """One debris fragment, in one of the forms crawls leave inside lines."""
    photo, credit = rng.choice(PHOTOS), rng.choice(CREDITS)
    return rng.choice(
        [
            f"{photo}. Ảnh: {credit}",
            f"{photo} - Ảnh: {credit}",
            f"{photo} (Ảnh: {credit})",
            f"{photo}. Ảnh: {credit}.",
            f"anh_{rng.randint(10, 999)}.jpg{photo} (Ảnh {credit})",
            f">> {rng.choice(HEADLINES)}",
        ]
    )


def key(text: str) -> str:
    return " " + " ".join(_TOKENS.findall(normalize_text(text).casefold())) + " "


def leaked(debris: str, cleaned_key: str) -> bool:
    """Whether a noticeable part of ``debris`` is still there: any of its word
    trigrams (or the whole fragment, if shorter) found in the cleaned text."""
    words = key(debris).split()
    grams = [words[i : i + 3] for i in range(max(1, len(words) - 2))]
    return any(" " + " ".join(g) + " " in cleaned_key for g in grams)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "vims-dev" / "data")
    ap.add_argument("--clusters", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"clean_synthetic: no corpus folder at {args.data}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    kept = total = gone = glued = 0
    for cdir in sorted(p for p in args.data.iterdir() if p.is_dir())[: args.clusters]:
        for path in sorted(cdir.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            title, _, body = text.partition("\n")
            sentences = [s.strip() for s in body.split("\n") if s.strip()]
            if len(sentences) < 3:
                continue
            parts, debris = [], []
            for i, s in enumerate(sentences):
                parts.append(s)
                if i < len(sentences) - 1 and rng.random() < 0.3:
                    d = glue(rng)
                    debris.append(d)
                    parts.append(d)
            tail = rng.choice(["", " Theo VnExpress", " (Theo Reuters)", " T.H", " Minh Anh (tổng hợp)"])
            if tail:
                debris.append(tail.strip())
            cleaned = clean_article(Article(path.stem, title, " ".join(parts) + tail))
            ckey = key(cleaned.text)
            for s in sentences:
                ok = key(s) in ckey
                kept += ok
                total += 1
                if not ok and args.verbose:
                    print(f"LOST  {cdir.name}/{path.stem}: {s[:120]}")
            for d in debris:
                ok = not leaked(d, ckey)
                gone += ok
                glued += 1
                if not ok and args.verbose:
                    print(f"LEAK  {cdir.name}/{path.stem}: {d[:120]}")
    print(f"content sentences kept {kept}/{total} = {100 * kept / max(total, 1):.2f}%")
    print(f"glued debris removed   {gone}/{glued} = {100 * gone / max(glued, 1):.2f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
