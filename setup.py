"""Which folders of the repository install as which packages (the rest is in pyproject.toml).

The repository keeps its folders of code (``ingest/``, ``graph/``, ``app/``) and of
package data (``data/``, ``queries/``, ``tools/``) at the top; they all install
under the ``innograph`` namespace, so nothing installs a top-level ``ingest``,
``graph`` or ``app``. Package data is only what innograph reads at run time: the
seeds, the build and the caches stay out.
"""

from setuptools import find_packages, setup

#: Folders of code, each installed as ``innograph.<folder>`` with its subpackages.
CODE = ("ingest", "graph", "app")
#: Folders of package data, each installed as ``innograph.<folder>``: the files they ship.
DATA = {
    "data": ["gazetteer/*.yaml", "corrections.yaml"],
    "queries": ["*.cypher"],
    "tools": ["*/pom.xml"],
}
#: Files of code packages that are not modules: the explorer's pages and its settings.
CODE_DATA = {"app": ["app_pages/*.py", "config.toml"]}


def installed(folder: str) -> str:
    return f"innograph.{folder}"


packages = ["innograph"] + [
    installed(name)
    for folder in (*CODE, *DATA)
    for name in (folder, *find_packages(include=[f"{folder}.*"]))
]
setup(
    packages=packages,
    package_dir={installed(folder): folder for folder in (*CODE, *DATA)},
    package_data={
        **{installed(folder): files for folder, files in DATA.items()},
        **{installed(folder): files for folder, files in CODE_DATA.items()},
    },
)
