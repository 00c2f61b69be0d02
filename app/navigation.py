"""The pages of the explorer: one file each under ``app/app_pages/``.

Pages link to each other by name (`page_path`) and pass what to show in the
URL's query string (``?id=…`` for an entity or document, ``?task=…`` for a
task), so every view a planner reaches can be bookmarked and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class PageSpec:
    name: str  # url path and short name
    title_key: str  # i18n key of the title
    icon: str


PAGES = (
    PageSpec("overview", "page_overview", ":material/dashboard:"),
    PageSpec("agency", "page_agency", ":material/account_balance:"),
    PageSpec("tasks", "page_tasks", ":material/checklist:"),
    PageSpec("network", "page_network", ":material/hub:"),
    PageSpec("bottlenecks", "page_bottlenecks", ":material/warning:"),
    PageSpec("console", "page_console", ":material/terminal:"),
    PageSpec("documents", "page_documents", ":material/description:"),
    PageSpec("compare", "page_compare", ":material/compare_arrows:"),
    PageSpec("corrections", "page_corrections", ":material/edit_note:"),
)


def page_path(name: str) -> str:
    """The page file, relative to the entry script (what `st.switch_page` takes)."""
    if name not in {p.name for p in PAGES}:
        raise ValueError(f"no page {name!r}")
    return f"app_pages/{name}.py"


def page_url(name: str, **params: str) -> str:
    """A link to a page with its query string, relative to the app (for link columns).

    >>> page_url("tasks", task="xj-2013-task-division#1")
    'tasks?task=xj-2013-task-division%231'
    """
    page_path(name)
    return f"{name}?{urlencode(params)}" if params else name
