"""Where innograph's files live: its package data, the project, the user's data folder.

The one place that knows. Two kinds of files:

- **package data** travels inside the installed package and is found through
  `importlib.resources`, so a wheel installed anywhere reads the same
  gazetteer, corrections file, query library, explorer and Neo4j build files
  as the checkout (never through the checkout's layout);
- **what innograph writes** (the embedded store, the local Neo4j server) goes
  to the current project when run inside a checkout of innograph (the folder,
  at or above the working directory, whose ``pyproject.toml`` names the
  project ``innograph``), else to the user's data folder
  (``$XDG_DATA_HOME/innograph``, by default ``~/.local/share/innograph``).
  ``INNOGRAPH_BUILD_DIR`` and ``INNOGRAPH_NEO4J_HOME`` win over both.

>>> gazetteer_dir().name, (gazetteer_dir() / "national.yaml").is_file()
('gazetteer', True)
>>> sorted(p.name for p in query_dir().glob("*.cypher"))[:1]
['agency_partners.cypher']
"""

from __future__ import annotations

import os
import tomllib
from importlib.resources import files
from pathlib import Path

#: The environment variable naming the store folder.
BUILD_DIR_ENV = "INNOGRAPH_BUILD_DIR"
#: The environment variable naming the local Neo4j server's folder.
NEO4J_HOME_ENV = "INNOGRAPH_NEO4J_HOME"
#: The project name a checkout's ``pyproject.toml`` carries.
PROJECT_NAME = "innograph"


def package_dir(package: str) -> Path:
    """The folder of an installed package (a wheel's files unpacked on disk, as pip installs).

    >>> package_dir("innograph.queries").is_dir()
    True
    """
    return Path(str(files(package)))


def gazetteer_dir() -> Path:
    """The gazetteer shipped with innograph: ``data/gazetteer/*.yaml`` in the checkout."""
    return package_dir("innograph.data") / "gazetteer"


def default_corrections() -> Path:
    """The planners' corrections file shipped with innograph (``data/corrections.yaml``)."""
    return package_dir("innograph.data") / "corrections.yaml"


def query_dir() -> Path:
    """The analysts' Cypher library (``queries/*.cypher``)."""
    return package_dir("innograph.queries")


def app_script() -> Path:
    """The Streamlit explorer's entry script; its pages and settings lie beside it."""
    return package_dir("innograph.app") / "streamlit_app.py"


def neo4j_pom(*, gds: bool = False) -> Path:
    """The Maven file that fetches the Neo4j 5.26 jars (or, with `gds`, Graph Data Science)."""
    return package_dir("innograph.tools") / ("neo4j-gds" if gds else "neo4j") / "pom.xml"


def extraction_code_dir() -> Path:
    """The extraction code, whose every file is part of the extraction cache's key."""
    return package_dir("innograph.ingest")


def project_root(start: Path | None = None) -> Path | None:
    """The checkout of innograph at or above `start` (default: the working directory), if any.

    >>> import tempfile
    >>> project_root(Path(tempfile.gettempdir())) is None
    True
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        try:
            meta = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if meta.get("project", {}).get("name") == PROJECT_NAME:
            return folder
    return None


def base_dir() -> Path:
    """What stored source paths are relative to: the project, else the working directory."""
    return project_root() or Path.cwd()


def user_data_dir() -> Path:
    """innograph's folder in the user's data folder (XDG base directories)."""
    root = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(root) / PROJECT_NAME


def default_build_dir() -> Path:
    """The store folder: ``$INNOGRAPH_BUILD_DIR``, else the project's ``data/build``, else
    the user's data folder."""
    if os.environ.get(BUILD_DIR_ENV):
        return Path(os.environ[BUILD_DIR_ENV])
    root = project_root()
    return root / "data" / "build" if root else user_data_dir() / "build"


def default_neo4j_home() -> Path:
    """The local Neo4j server's folder: ``$INNOGRAPH_NEO4J_HOME``, else the project's
    ``.neo4j/``, else the user's data folder."""
    if os.environ.get(NEO4J_HOME_ENV):
        return Path(os.environ[NEO4J_HOME_ENV]).resolve()
    root = project_root()
    return (root / ".neo4j" if root else user_data_dir() / "neo4j").resolve()


def default_seeds() -> Path | None:
    """The seed documents, which only a checkout has (they are not package data)."""
    root = project_root()
    return root / "data" / "seeds" if root else None
