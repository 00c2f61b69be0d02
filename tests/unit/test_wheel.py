"""innograph installs from its wheel and works anywhere (issue 14).

The wheel is built from a copy of the sources (so the checkout gets no
``build/`` or ``*.egg-info``), installed into a fresh virtual environment that
sees the project's third-party packages but not its editable innograph, and
run from a folder outside any checkout: ``innograph extract`` resolves bodies
through the packaged gazetteer, ``innograph build`` and ``innograph report``
work with the store in the user's data folder, and ``innograph.api`` imports.
Nothing installs a top-level ``ingest``, ``graph`` or ``app``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seeds" / "xj-2013-innovation-task-division.txt"
#: What the wheel is built from: the packaging files and the folders it installs.
SOURCES = ("pyproject.toml", "setup.py", "README.md")
FOLDERS = ("innograph", "ingest", "graph", "app", "data", "queries", "tools")
#: The short names the repository's folders would have if installed as they lie.
SHORT = ("ingest", "graph", "app")


def _copy_sources(to: Path) -> Path:
    for name in SOURCES:
        shutil.copy2(ROOT / name, to / name)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "build", "cache", "seeds")
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, to / folder, ignore=skip)
    return to


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = _copy_sources(tmp_path_factory.mktemp("src"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("innograph-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A fresh venv holding the wheel; the project's third-party packages are on its path.

    A ``.pth`` line only adds the folder: the ``.pth`` files inside it (the editable
    install's finder among them) are not run, so only the wheel's innograph is seen.
    """
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = [p for p in sys.path if Path(p).name == "site-packages"]  # third-party packages
    (Path(site) / "project-packages.pth").write_text("".join(f"{p}\n" for p in ours))
    install = ["install", "-q", "--no-deps", "--no-index", str(wheel)]
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), *install],
        check=True,
        capture_output=True,
    )
    work = tmp_path_factory.mktemp("elsewhere")
    return {"python": python, "innograph": venv / "bin" / "innograph", "work": work}


def _run(installed: dict[str, Path], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "INNOGRAPH_"))}
    env.pop("PYTHONPATH", None)
    env["XDG_DATA_HOME"] = str(installed["work"] / "xdg")
    return subprocess.run(
        [str(a) for a in args],
        cwd=installed["work"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_wheel_installs_one_top_level_package_with_its_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if ".dist-info/" not in n}
    assert top == {"innograph"}
    for short in SHORT:
        assert f"innograph/{short}/__init__.py" in names
    assert "innograph/data/gazetteer/national.yaml" in names
    assert "innograph/data/corrections.yaml" in names
    assert "innograph/queries/lead_load.cypher" in names
    assert "innograph/tools/neo4j/pom.xml" in names
    assert "innograph/app/app_pages/overview.py" in names
    assert "innograph/app/config.toml" in names
    assert not [n for n in names if "/seeds/" in n or "/build/" in n]


def test_extract_resolves_bodies_through_the_packaged_gazetteer(installed) -> None:
    done = _run(installed, installed["innograph"], "extract", SEED, "--no-text")
    assert done.returncode == 0, done.stderr[-800:]
    doc = json.loads(done.stdout)
    assert doc["jurisdiction"] == "新疆维吾尔自治区"
    assert [m["id"] for m in doc["tasks"][0]["leads"]] == ["xj.jxw", "xj.kjt"]


def test_build_and_report_work_outside_a_checkout(installed) -> None:
    bare = _run(installed, installed["innograph"], "build")
    assert bare.returncode == 2 and "name the files or folders" in bare.stderr
    built = _run(installed, installed["innograph"], "build", SEED.parent)
    assert built.returncode == 0, built.stderr[-800:]
    store = installed["work"] / "xdg" / "innograph" / "build"
    assert (store / "innograph.duckdb").stat().st_size > 100_000
    report = _run(installed, installed["innograph"], "report", "--out", "rep")
    assert report.returncode == 0, report.stderr[-800:]
    assert "新疆维吾尔自治区科学技术厅" in (installed["work"] / "rep" / "report.md").read_text()


def test_the_api_imports_from_the_wheel_and_no_short_name_does(installed) -> None:
    code = (
        "import importlib, sys\n"
        "import innograph.api, innograph.cli, innograph.paths as p\n"
        "for m, _ in innograph.cli.COMMANDS.values(): importlib.import_module(m)\n"
        "print(innograph.api.__file__)\n"
        "print(p.app_script().is_file(), p.gazetteer_dir().is_dir())\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {SHORT!r}))\n"
        "try:\n    import ingest\nexcept ImportError:\n    print('no ingest')\n"
    )
    done = _run(installed, installed["python"], "-c", code)
    assert done.returncode == 0, done.stderr[-800:]
    where, found, short, ingest = done.stdout.splitlines()
    assert Path(where).is_relative_to(installed["python"].parents[1])
    assert (found, short, ingest) == ("True True", "[]", "no ingest")


def test_no_module_is_loaded_under_a_short_name_in_the_checkout() -> None:
    # in the checkout the folders are importable as `ingest` … too; nothing may use that name
    code = (
        "import importlib, sys\n"
        "import innograph.api, innograph.cli\n"
        "for m, _ in innograph.cli.COMMANDS.values(): importlib.import_module(m)\n"
        "import innograph.app.state, innograph.app.upload, innograph.graph.store_file\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {SHORT!r}))\n"
        "print(len([m for m in sys.modules if m.startswith('innograph.')]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    short, loaded = done.stdout.splitlines()
    assert short == "[]" and int(loaded) > 50
