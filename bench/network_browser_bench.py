"""The network overview in headless Chromium: from navigation until the page settles.

Serves the real app (``streamlit run``) on the seeds' build (the baseline of
the same run) and on a synthetic build of ``--docs`` documents
(`bench.synthetic`), opens ``/network`` (the WebGL overview of the whole
corpus) in Debian's Chromium with WebGL on SwiftShader, and times from
navigation until the chart's canvas is on the page and Streamlit has stopped
running: first (the projection, communities and layout computed) and again in
a new tab (cached, as a planner opening a link on a warm server). Also
prints the actors drawn and the peak RSS of the server and of this process.

    python -m bench.network_browser_bench --docs 2000      # after `innograph build`
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from innograph.graph.store_file import build_dir
from playwright.sync_api import sync_playwright

from bench.app_browser import synthetic_store

ROOT = Path(__file__).resolve().parents[1]
ARGS = [
    "--headless", "--no-sandbox", "--no-first-run", "--use-gl=angle",
    "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
]  # fmt: skip
IDLE = (
    "() => document.querySelector('[data-testid=stDeckGlJsonChart] canvas')"
    " && !document.querySelector('[data-testid=stStatusWidgetRunningIcon]')"
)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settle(browser, url: str) -> float:  # type: ignore[no-untyped-def]
    """Seconds from navigation until the chart is there and the app idle."""
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_timeout(300)  # the running icon shows a moment after the run starts
    page.wait_for_function(IDLE, timeout=600_000)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")  # a frame drawn
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def serve_and_time(folder: Path, browser) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """First and cached settle times, and the server's peak RSS in MB."""
    port = _port()
    env = {**os.environ, "INNOGRAPH_BUILD_DIR": str(folder)}
    env.pop("NEO4J_URI", None)
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app" / "streamlit_app.py"),
        "--server.port", str(port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{base}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        first = _settle(browser, f"{base}/network")
        again = _settle(browser, f"{base}/network")
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak = int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1]) / 1024
    finally:
        server.terminate()
        server.wait(timeout=30)
    return first, again, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        folder = Path(tmp)
        synthetic_store(folder, args.docs)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        rows = [("seeds", serve_and_time(build_dir(), browser))]
        rows.append((f"{args.docs} docs", serve_and_time(folder, browser)))
        browser.close()
    base = rows[0][1][1]
    print("| corpus | first open (s) | opened again (s) | ratio (again) | server peak RSS (MB) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, (first, again, peak) in rows:
        print(f"| {name} | {first:.2f} | {again:.2f} | {again / base:.1f}× | {peak:,.0f} |")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {own:,.0f} MB")


if __name__ == "__main__":
    main()
