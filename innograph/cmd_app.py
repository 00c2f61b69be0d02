"""`innograph app`: open the Streamlit explorer on the current store.

The embedded store under data/build/ is used unless NEO4J_URI is set; the app
shows which one is active. Extra arguments go to `streamlit run`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app" / "streamlit_app.py"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    parser.add_argument("--headless", action="store_true", help="do not open a browser")


def run(args: argparse.Namespace) -> int:
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.port",
        str(args.port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
    ]
    if args.headless or not os.environ.get("DISPLAY"):
        cmd += ["--server.headless", "true"]
    print(f"innograph: explorer at http://127.0.0.1:{args.port} (Ctrl-C to stop)", file=sys.stderr)
    # from the repository root, so .streamlit/config.toml and secrets.toml are read
    return subprocess.call(cmd, cwd=APP.parents[1])
