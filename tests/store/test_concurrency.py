"""Two ``tomtat track add`` processes and a reader on one store at once, on each engine:
no error, no article or story doubled, every story at its latest version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from tomtat.store import Store
from tomtat.store.queries import list_stories, story_detail

SRC = Path(__file__).resolve().parents[2] / "src"


def test_two_writers_and_a_reader(db_url: str, tmp_path: Path, rows: list[dict[str, str]], consistent: Callable[[str, set[str]], None]) -> None:
    variants = [dict(r, id=f"{r['id']}-{k}", url=f"{r['url']}?v={k}", text=r["text"] + f" Cập nhật lần {k}.") for k in range(2) for r in rows]
    feeds = []
    for n, part in enumerate((variants[:12], variants[5:])):  # overlapping: 7 articles given twice
        path = tmp_path / f"feed{n}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
        feeds.append(path)
    Store(db_url).close()  # created up front, so the reader has tables to read
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    writers = [subprocess.Popen([sys.executable, "-m", "tomtat", "track", "add", str(f), "--db", db_url], env=env, stderr=subprocess.PIPE, text=True) for f in feeds]
    errors: list[BaseException] = []
    reads = 0
    stop = threading.Event()

    def read() -> None:
        nonlocal reads
        with Store(db_url) as store:
            while not stop.is_set() and reads < 2000:
                try:
                    with store.engines.read.connect() as conn:
                        for card in list_stories(conn, limit=5):
                            story_detail(conn, card["id"])
                    reads += 1
                except BaseException as err:  # noqa: BLE001 - any error fails the test below
                    errors.append(err)
                    return
                stop.wait(0.05)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        outcomes = [(w.wait(timeout=240), w.stderr.read() if w.stderr else "") for w in writers]
    finally:
        stop.set()
        reader.join(timeout=30)
    assert all(code == 0 for code, _ in outcomes), outcomes
    assert not any("locked" in err or "Traceback" in err for _, err in outcomes), outcomes
    assert not errors, errors
    assert reads > 0
    consistent(db_url, {v["id"] for v in variants})
