"""`innograph app`: open the Streamlit explorer on the current store.

The embedded store (`innograph.paths.default_build_dir`) is used unless
NEO4J_URI is set; the app shows which one is active. It runs the explorer
installed with innograph, from any directory: its settings (``app/config.toml``,
package data) are passed on the command line, and it runs in the current
project (or the working directory), where ``.streamlit/secrets.toml`` is read.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from innograph.paths import app_script, base_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8501, help="port to serve on (default 8501)")
    parser.add_argument("--headless", action="store_true", help="do not open a browser")


def config_flags(config: Path) -> list[str]:
    """The explorer's settings file as ``streamlit run`` options (``--section.key value``).

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "config.toml"
    >>> _ = f.write_text('[server]\\nmaxUploadSize = 50\\nrunOnSave = false\\n')
    >>> config_flags(f)
    ['--server.maxUploadSize', '50', '--server.runOnSave', 'false']
    """
    flags = []
    for section, values in tomllib.loads(config.read_text(encoding="utf-8")).items():
        for key, value in values.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            flags += [f"--{section}.{key}", text]
    return flags


def streamlit_command(port: int, *, headless: bool) -> list[str]:
    """The command that serves the installed explorer on loopback at `port`."""
    script = app_script()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script)]
    cmd += config_flags(script.parent / "config.toml")
    cmd += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    return cmd + (["--server.headless", "true"] if headless else [])


def run(args: argparse.Namespace) -> int:
    cmd = streamlit_command(args.port, headless=args.headless or not os.environ.get("DISPLAY"))
    print(f"innograph: explorer at http://127.0.0.1:{args.port} (Ctrl-C to stop)", file=sys.stderr)
    return subprocess.call(cmd, cwd=base_dir())
