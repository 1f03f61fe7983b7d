"""Fault injection against real tomtat processes, on 127.0.0.1 only.

    PYTHONPATH=src python bench/faults.py [--workers 2] [--slow 1100] [--nofile 1024]

1. kill a worker: ``tomtat serve --workers N`` under ``ulimit -n NOFILE``, ``kill -9``
   one idle worker; time until ``/healthz`` reports every worker again, then the status
   of 10 summarize requests.
2. slow clients: SLOW connections that send half a request head and nothing more
   (more than the server's open-file limit), then 20 ``/healthz`` probes and 5
   summarize requests while they are open: statuses and latencies; log lines written.
3. bad lines: ``tomtat batch`` over 20 good clusters and 4 bad lines (a 5,000-digit id,
   100,000-deep nesting, a lone surrogate, broken JSON): exit code, lines written.
4. full disk: a 16 KB tmpfs (``mount -t tmpfs``; needs root), else a private full
   device (``mknod``, major 1 minor 7) in a temporary folder: ``summarize -o`` and
   ``batch -o`` on it, then ``batch`` again after the disk grows (tmpfs only).

Device nodes and mounts live in a temporary folder, never the machine's /dev. Bounded:
every loop has a count or a deadline. Prints one JSON document.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
TEXT = ("Sáng 12/3, tỉnh Bình Lâm thông xe cầu Sông Xanh nối hai huyện Đông Hà và Tây Sơn.\n"
        "Cây cầu dài 1,2 km, có bốn làn xe, tổng vốn đầu tư khoảng 900 tỷ đồng.\n"
        "Người dân hai bên sông đã chờ đợi công trình này hơn mười năm.")
BODY = {"articles": [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT.replace("Sáng", "Chiều")}], "words": 40}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()
                cmd = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != b"Z" and b"spawn_main" in cmd:
                out.append(int(entry.name))
    return out


def tomtat(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tomtat", *args], env=ENV, capture_output=True, text=True, timeout=300, **kw)


def start_server(workers: int, nofile: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    proc = subprocess.Popen([sys.executable, "-m", "tomtat", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", str(workers)], env=ENV, stdout=subprocess.DEVNULL,
                            stderr=open(log, "wb"), preexec_fn=limits)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("tomtat serve did not start")


def kill_a_worker(proc: subprocess.Popen, url: str, workers: int) -> dict:
    victim = children(proc.pid)[0]
    start = time.monotonic()
    os.kill(victim, signal.SIGKILL)
    seen = []
    while time.monotonic() - start < 60:
        r = httpx.get(f"{url}/healthz", timeout=5)
        seen.append(r.status_code)
        if r.status_code == 200 and r.json().get("workers_alive") == workers and victim not in children(proc.pid):
            break
        time.sleep(0.05)
    recovered = time.monotonic() - start
    statuses = [httpx.post(f"{url}/v1/summarize", json=BODY, timeout=60).status_code for _ in range(10)]
    return {"recovered_seconds": round(recovered, 2), "healthz_statuses_seen": sorted(set(seen)),
            "summarize_statuses_after": statuses}


def slow_clients(url: str, count: int) -> dict:
    port = int(url.rsplit(":", 1)[1])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 256)), hard))
    slow = []
    for _ in range(count):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        slow.append(s)
    # Each sends half a request head once its connection is up (the server's small
    # accept backlog makes many wait); for at most 10 s.
    unsent, sent, refused = set(slow), 0, 0
    deadline = time.monotonic() + 10
    while unsent and time.monotonic() < deadline:
        for s in list(unsent):
            try:
                s.send(b"POST /v1/summarize HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                sent += 1
                unsent.discard(s)
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:  # closed by the server (over its connection cap)
                refused += 1
                unsent.discard(s)
        time.sleep(0.2)
    latencies, statuses = [], []
    for _ in range(20):
        t = time.monotonic()
        try:
            statuses.append(httpx.get(f"{url}/healthz", timeout=10).status_code)
        except httpx.HTTPError as err:
            statuses.append(type(err).__name__)
        latencies.append(time.monotonic() - t)
        time.sleep(0.1)
    summarize = []
    for _ in range(5):
        try:
            summarize.append(httpx.post(f"{url}/v1/summarize", json=BODY, timeout=30).status_code)
        except httpx.HTTPError as err:
            summarize.append(type(err).__name__)
    for s in slow:
        s.close()
    latencies.sort()
    return {"slow_connections": count, "half_requests_sent": sent, "closed_by_server_before_sending": refused,
            "healthz_statuses": sorted(set(map(str, statuses))),
            "healthz_ok": statuses.count(200), "healthz_p50_ms": round(1000 * latencies[len(latencies) // 2]),
            "healthz_max_ms": round(1000 * latencies[-1]), "summarize_statuses": summarize}


def bad_lines(folder: Path) -> dict:
    good = [json.dumps({"id": f"c{i}", "articles": [{"id": "a", "text": TEXT.replace("12/3", f"{i + 1}/3")}]},
                       ensure_ascii=False) for i in range(20)]
    bad = ['{"id": ' + "9" * 5000 + ', "articles": [{"text": "x"}]}',
           '{"id": "d", "articles": [{"text": "x", "e": ' + "[" * 100_000 + "]" * 100_000 + "}]}",
           '{"id": "s", "articles": [{"id": "a", "text": "Hà Nội mưa \\ud800 lớn chiều nay. Phố ngập."}]}',
           '{"id": "b", "articles": [{"text": "abc']
    lines = good[:10] + bad + good[10:]
    source = folder / "bad.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "bad-out.jsonl"
    t = time.monotonic()
    done = tomtat("batch", str(source), "-o", str(out), "--no-progress")
    return {"exit": done.returncode, "seconds": round(time.monotonic() - t, 2),
            "lines_in": len(lines), "lines_written": out.read_text(encoding="utf-8").count("\n"),
            "traceback": "Traceback" in done.stderr, "report": done.stderr.strip().splitlines()[-1][:200]}


def full_disk(folder: Path) -> dict:
    clusters = folder / "many.jsonl"
    clusters.write_text("\n".join(json.dumps({"id": f"c{i}", "articles": [{"id": "a", "text": TEXT * 3}]},
                                             ensure_ascii=False) for i in range(40)) + "\n", encoding="utf-8")
    sample = folder / "sample.txt"
    sample.write_text("Cầu Sông Xanh\n\n" + TEXT, encoding="utf-8")
    disk = folder / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(disk)], capture_output=True).returncode == 0
    result: dict = {"how": "tmpfs 16 KB" if mounted else "private full device (mknod 1,7)"}
    try:
        if mounted:
            target = disk / "out.jsonl"
        else:
            target = disk / "full"
            os.mknod(target, 0o666 | 0o020000, os.makedev(1, 7))
        b = tomtat("batch", str(clusters), "-o", str(target), "--no-progress")
        result["batch"] = {"exit": b.returncode, "traceback": "Traceback" in b.stderr,
                           "stderr": b.stderr.strip().splitlines()[-1][:200] if b.stderr.strip() else ""}
        s = tomtat("summarize", str(sample), "-o", str(disk / "summary.txt") if mounted else str(target))  # disk full now
        result["summarize"] = {"exit": s.returncode, "stderr_lines": len(s.stderr.splitlines()), "stderr": s.stderr.strip()[:160],
                               "temporary_files_left": sum(1 for p in disk.iterdir() if p.name.endswith(".tmp")) if mounted else 0}
        if mounted:
            data = target.read_bytes()
            result["batch"]["lines_kept"] = data.count(b"\n")
            result["batch"]["ends_with_whole_line"] = data.endswith(b"\n") or not data
            subprocess.run(["mount", "-o", "remount,size=1m", str(disk)], check=True)
            again = tomtat("batch", str(clusters), "-o", str(target), "--no-progress")
            result["resume"] = {"exit": again.returncode, "lines": target.read_bytes().count(b"\n"), "report": again.stderr.strip()[-160:]}
        else:
            result["device_still_a_device"] = not target.is_file() and target.exists()
    finally:
        if mounted:
            subprocess.run(["umount", str(disk)], check=False)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--slow", type=int, default=1100, help="slow connections to open (default 1100)")
    parser.add_argument("--nofile", type=int, default=1024, help="the server's open-file limit (default 1024)")
    args = parser.parse_args()
    report: dict = {"workers": args.workers, "nofile": args.nofile}
    with tempfile.TemporaryDirectory(prefix="tomtat-faults-") as tmp:
        folder = Path(tmp)
        log = folder / "serve.log"
        proc, url = start_server(args.workers, args.nofile, log)
        try:
            report["kill_worker"] = kill_a_worker(proc, url, args.workers)
            report["slow_clients"] = slow_clients(url, args.slow)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        text = log.read_text(errors="replace")
        report["server_log"] = {"bytes": len(text.encode()), "lines": text.count("\n"),
                                "too_many_open_files": text.count("Too many open files"),
                                "tracebacks": text.count("Traceback")}
        report["bad_lines"] = bad_lines(folder)
        report["full_disk"] = full_disk(folder)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
