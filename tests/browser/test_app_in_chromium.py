"""The real app in a real headless Chromium: the network draws, the language switches,
and a console query runs on Neo4j. The screenshots it takes go to
tests/browser/artifacts/screenshots/, or to docs/screenshots/ with `make screenshots`.

- ``served_app``: ``streamlit run`` headless on a free port, on the seed store
  of ``tests/app/app_harness.py``, with the settings ``innograph app`` passes
  (`innograph.cmd_app.streamlit_command`); its base URL. Neo4j holds the seeds and
  is reachable from the sidebar, not preselected.
- ``editing_app``: the same on a copy of the seed store in a temporary folder,
  with its own corrections file there (``INNOGRAPH_CORRECTIONS``), for the test
  that writes corrections: the work tree's ``data/corrections.yaml`` and the
  shared seed store are never touched.
- ``browser``: Debian's Chromium driven by Playwright's Python client. Without
  it the test skips with the reason, except under ``CI=true``, where that is a
  failure: CI must never pass by skipping the browser.

The fixtures live here rather than in a ``conftest.py``: under
``--doctest-modules`` the ``conftest`` modules of two test folders clash by name.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from innograph.ingest import corrections as corr

from innograph.cli import main
from innograph.cmd_app import streamlit_command

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "browser" / "artifacts"  # ignored by git
#: Where the screenshots go: the ignored artifacts folder, so a test run leaves the
#: work tree clean; `make screenshots` points this at docs/screenshots.
SHOTS = Path(os.environ.get("INNOGRAPH_SCREENSHOTS") or ARTIFACTS / "screenshots")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-quic", "--no-first-run",
    # WebGL (the network overview's deck.gl) on the CPU: there is no GPU here
    "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
START_TIMEOUT = 90.0


# The app tests' harness (seed store, Neo4j holding the seeds); its folder is on the
# path when both folders are collected, but not when this one runs alone.
sys.path.insert(0, str(ROOT / "tests" / "app"))
import app_harness  # noqa: E402

seed_build = app_harness.seed_build
neo4j_seeds = app_harness.neo4j_seeds
neo4j_driver = app_harness.neo4j_driver
neo4j_settings = app_harness.neo4j_settings
neo4j_database = app_harness.neo4j_database


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"the browser test is required under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serve(
    settings: dict[str, str],
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> Iterator[str]:
    """``streamlit run`` with `settings` added to the environment (``NEO4J_URI`` left out
    unless given); its base URL once healthy. After a failure the app's log goes to
    tests/browser/artifacts/ next to the screenshot."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"} | settings
    log = tmp_path_factory.mktemp("app") / "streamlit.log"
    command = streamlit_command(port, headless=True)
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the app did not start; log: {log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        if request.session.testsfailed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(log, ARTIFACTS / "streamlit.log")


@pytest.fixture(scope="module")
def served_app(
    seed_build: Path,
    neo4j_seeds,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The real app, served on the seeds; Neo4j reachable from the sidebar, not preselected."""
    settings = {
        "INNOGRAPH_BUILD_DIR": str(seed_build),
        "NEO4J_PASSWORD": neo4j_seeds.password,
        "NEO4J_USER": neo4j_seeds.user,
        "NEO4J_DATABASE": neo4j_seeds.database,
    }
    if not neo4j_seeds.uri.startswith("bolt://127.0.0.1"):
        settings["NEO4J_URI"] = neo4j_seeds.uri  # a remote server: the app starts on it
    with _serve(settings, tmp_path_factory, request) as base:
        yield base


@pytest.fixture(scope="module")
def editing_app(
    seed_build: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[str, Path, Path]]:
    """The real app on a copy of the seed store with its own corrections file, both in a
    temporary folder: its base URL, the store folder and the corrections file."""
    folder = tmp_path_factory.mktemp("editing")
    store = folder / "build"
    shutil.copytree(seed_build, store)
    file = folder / "corrections.yaml"
    settings = {"INNOGRAPH_BUILD_DIR": str(store), corr.ENV: str(file)}
    with _serve(settings, tmp_path_factory, request) as base:
        yield base, store, file


@pytest.fixture(scope="module")
def browser() -> Iterator:  # type: ignore[type-arg]
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        _unavailable(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
            args=CHROMIUM_ARGS,
        )
        yield chromium
        chromium.close()


KJT_ID = "xj.kjt"  # the gazetteer id of 新疆维吾尔自治区科学技术厅 (data/gazetteer/xinjiang.yaml)
WAIT = 90_000  # ms; the machine is shared

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


@pytest.fixture(scope="module")
def page(browser, served_app: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A browser tab on the app; after a failure, its last view and text go to the artifacts.

    A test's exception is not thrown into its fixtures, so the failure is read
    from the session's count, which pytest raises before the teardown runs.
    """
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.goto(served_app)
    page.wait_for_selector("h1")
    failed_before = request.session.testsfailed
    yield page
    if request.session.testsfailed > failed_before:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "failure.png"), full_page=True)
        (ARTIFACTS / "failure.txt").write_text(page.inner_text("body"), encoding="utf-8")
    context.close()


def open_page(page, base: str, path: str, heading: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/{path}")
    page.get_by_role("heading", name=heading, level=1).wait_for()
    idle(page)


def settled_network(page):  # type: ignore[no-untyped-def]
    """The pyvis frame once vis has stabilised and physics is off."""
    frame = page.locator("iframe").first.element_handle().content_frame()
    # vis lays out on the CPU: a hundred partners and their ties take long on a busy machine
    frame.wait_for_function("() => window.innographSettled === true", timeout=3 * WAIT)
    return frame


def idle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the app has finished running the page (no running icon, no placeholders)."""
    page.wait_for_timeout(500)  # the running icon appears a moment after a run starts
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidgetRunningIcon]')"
        " && !document.querySelector('[data-testid=stSkeleton]')"
    )


def top(page, locator) -> None:  # type: ignore[no-untyped-def]
    """Scroll so that `locator` is at the top of the view."""
    locator.evaluate("el => el.scrollIntoView({block: 'start'})")


def shoot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    idle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(800)  # let charts finish their transition
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_pages_network_language_and_console(
    page, served_app: str, neo4j_driver, neo4j_database
) -> None:  # type: ignore[no-untyped-def]
    sidebar = page.get_by_test_id("stSidebar")
    assert "内置图" in sidebar.inner_text()  # embedded by default, and it says so
    shoot(page, "overview")

    open_page(page, served_app, f"agency?id={quote(KJT_ID)}", "主体")
    page.get_by_role("heading", name="新疆维吾尔自治区科学技术厅").wait_for()
    shoot(page, "agency")

    # the ego network (pyvis): drawn, with nodes, settled, physics off, and pixels on the canvas
    open_page(page, served_app, f"network?view=ego&centre={quote(KJT_ID)}", "网络")
    frame = settled_network(page)
    nodes = frame.evaluate("() => network.body.data.nodes.length")
    assert nodes > 0
    assert frame.evaluate("() => network.physics.options.enabled") is False
    inked = frame.evaluate(
        """() => {
            const c = document.querySelector('#mynetwork canvas');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
            return n;
        }"""
    )
    assert inked > 1000  # the canvas is not blank
    shown = int(
        re.search(
            r"显示 (\d+) 个节点", page.get_by_text(re.compile("显示 .* 个节点")).inner_text()
        ).group(1)
    )
    assert nodes == shown
    top(page, page.get_by_text(re.compile("显示 .* 个节点")))
    shoot(page, "network")

    # the language switch, in place
    sidebar.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Network", level=1).wait_for()
    assert "Embedded graph" in sidebar.inner_text()
    settled_network(page)

    # in-app navigation keeps the session (and its language); a new URL would not
    sidebar.get_by_role("link", name="Tasks").click()
    page.get_by_role("heading", name="Tasks", level=1).wait_for()
    # the picker offers the tasks of the table's page: narrow the table to the document first
    page.get_by_test_id("stMultiSelect").filter(has_text="Documents").click()
    page.keyboard.type("任务分工")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('doc=')")
    idle(page)
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Read a task in its source")
    picker.click()
    page.keyboard.type("加快特色优势产业技术升级")
    page.keyboard.press("Enter")
    page.get_by_text("Responsibility clause").first.wait_for()
    heading = page.get_by_role("heading", name=re.compile("加快特色优势产业技术升级"))
    heading.wait_for()
    idle(page)
    top(page, heading)
    shoot(page, "tasks")

    sidebar.get_by_role("link", name="Bottlenecks").click()
    page.get_by_text(re.compile(r"^Findings \(\d+\)")).wait_for()
    shoot(page, "bottlenecks")

    # the console, on Neo4j chosen in the sidebar
    sidebar.get_by_role("link", name="Cypher console").click()
    page.get_by_role("heading", name="Cypher console", level=1).wait_for()
    sidebar.get_by_text("Neo4j database", exact=True).click()
    sidebar.get_by_text(re.compile(r"Current source: Neo4j database")).wait_for()
    page.get_by_text(re.compile("^Read-only: Neo4j plans each query")).wait_for()
    # the pick made on the embedded graph (a query that runs there) stays: pick the partners,
    # once the switch of source has run (a rerun would close the list while typing)
    idle(page)
    library = page.get_by_test_id("stSelectbox").filter(has_text="Query library")
    library.click()
    page.keyboard.type("Partners of an agency")
    page.keyboard.press("Enter")
    page.get_by_text(re.compile("^Every actor that shares at least one task")).wait_for()
    # clicked at once, while the page may still be settling: the query must still run
    page.get_by_role("button", name="Run").click()
    rows = page.get_by_text(re.compile(r"^\d+ rows\.$"))
    error = page.get_by_test_id("stAlertContentError")
    rows.or_(error).first.wait_for()
    assert not error.count(), error.first.inner_text()
    count = int(rows.inner_text().split()[0])
    assert count > 0
    expected = neo4j_driver.execute_query(
        "MATCH (a:Actor {id: $id})-[:LEADS|PARTICIPATES_IN]->(:Task)"
        "<-[:LEADS|PARTICIPATES_IN]-(p:Actor) WHERE p <> a RETURN count(DISTINCT p) AS n",
        {"id": KJT_ID},
        database_=neo4j_database,
    ).records[0]["n"]
    assert count == expected  # the library's partners query lists every partner of the agency
    shoot(page, "console")


TASK_DIVISION = "xj-2013-task-division"  # the seed manifest's doc_id of the 2013 task division


def test_network_click_through_and_a_copied_url(page, served_app: str, browser) -> None:  # type: ignore[no-untyped-def]
    # the overview (WebGL): hover a node for its name, click it, land on its page
    open_page(page, served_app, f"network?doc={quote(TASK_DIVISION)}", "网络")
    canvas = page.get_by_test_id("stDeckGlJsonChart").locator("canvas").first
    canvas.wait_for()
    shoot(page, "network-overview")  # also lets deck.gl draw its first frames
    box = canvas.bounding_box()
    centre = (box["width"] / 2, box["height"] / 2)
    tooltip = page.locator(".deck-tooltip")
    name = None
    for dx, dy in [(0, 0), *((r * c, r * s) for r in (10, 20, 40, 60) for c, s in
                               ((1, 0), (0, 1), (-1, 0), (0, -1), (1, 1), (-1, -1)))]:  # fmt: skip
        spot = {"x": centre[0] + dx, "y": centre[1] + dy}
        canvas.hover(position=spot)
        page.wait_for_timeout(250)
        if tooltip.count() and tooltip.first.is_visible() and tooltip.first.inner_text().strip():
            name = tooltip.first.inner_text().split("\n")[1].strip()  # short name, full name…
            canvas.click(position=spot)
            break
    assert name, "no node under the pointer near the centre of the overview"
    page.get_by_role("heading", name="主体", level=1).wait_for()
    page.get_by_role("heading", name=name).wait_for()
    assert "/agency" in page.url

    # the ego network (pyvis): a click on a partner opens its page in this tab
    open_page(
        page, served_app, f"network?view=ego&centre={KJT_ID}&doc={quote(TASK_DIVISION)}", "网络"
    )
    frame = settled_network(page)
    page.locator("iframe").first.scroll_into_view_if_needed()  # the network may start below
    frame_box = page.locator("iframe").first.bounding_box()
    partners = frame.evaluate(
        """(centre) => {
            const at = document.querySelector("#mynetwork canvas").getBoundingClientRect();
            const ids = network.body.data.nodes.getIds().filter(n => n !== centre);
            const spots = network.getPositions(ids);
            return ids.map(id => {
                const p = network.canvasToDOM(spots[id]);
                return [network.body.data.nodes.get(id).title.split("\\n")[0], p.x + at.left,
                        p.y + at.top];
            });
        }""",
        KJT_ID,
    )
    # a partner the page shows: one whose node lies within the window, not scrolled off
    height = page.viewport_size["height"]
    partner, x, y = next(
        (name, x, y) for name, x, y in partners if 0 < frame_box["y"] + y < height - 20
    )
    page.mouse.click(frame_box["x"] + x, frame_box["y"] + y)
    page.get_by_role("heading", name=partner).wait_for()
    assert "/agency" in page.url and "lang=en" not in page.url  # Chinese, the default, kept
    page.get_by_role("heading", name="主体", level=1).wait_for()

    # a view set with the widgets, its URL opened in a new tab: the same view
    open_page(page, served_app, f"network?doc={quote(TASK_DIVISION)}", "网络")
    page.get_by_text("主体关系网络", exact=True).click()
    idle(page)
    page.get_by_test_id("stSelectbox").filter(has_text="中心主体").click()
    page.keyboard.type("新疆维吾尔自治区科学技术厅")
    page.keyboard.press("Enter")
    idle(page)
    first = sorted(settled_network(page).evaluate("() => network.body.data.nodes.getIds()"))
    assert "centre=" in page.url and "view=ego" in page.url
    other = page.context.new_page()
    try:
        other.set_default_timeout(WAIT)
        other.goto(page.url)
        other.get_by_role("heading", name="网络", level=1).wait_for()
        idle(other)
        second = sorted(settled_network(other).evaluate("() => network.body.data.nodes.getIds()"))
    finally:
        other.close()
    assert KJT_ID in first and second == first


# --- shareable views and the language (issue 11) ------------------------------------

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def fresh_tab(browser, lang: str = "zh-CN"):  # type: ignore[no-untyped-def]
    """A tab of its own browser context: a new Streamlit session, as a pasted link gets."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale=lang)
    tab = context.new_page()
    tab.set_default_timeout(WAIT)
    return tab


def test_a_copied_url_opens_the_same_view(browser, served_app: str) -> None:  # type: ignore[no-untyped-def]
    tab = fresh_tab(browser)
    tab.goto(f"{served_app}/bottlenecks")
    tab.get_by_role("heading", name="协同瓶颈", level=1).wait_for()
    idle(tab)
    tab.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    tab.get_by_role("heading", name="Bottlenecks", level=1).wait_for()
    idle(tab)
    picker = tab.get_by_test_id("stMultiSelect").filter(has_text="Documents")
    picker.click()
    tab.keyboard.type("任务分工")
    tab.keyboard.press("Enter")
    tab.keyboard.press("Escape")
    tab.wait_for_function("() => location.search.includes('doc=')")
    idle(tab)
    copied = tab.url
    assert "lang=en" in copied
    metrics = tab.get_by_test_id("stMetric").all_inner_texts()

    other = fresh_tab(browser)  # a new session on the copied address
    other.goto(copied)
    other.get_by_role("heading", name="Bottlenecks", level=1).wait_for()
    idle(other)
    assert other.get_by_test_id("stMetric").all_inner_texts() == metrics
    assert "任务分工" in other.get_by_test_id("stMultiSelect").first.inner_text()
    assert other.evaluate("() => document.documentElement.lang") == "en"
    tab.context.close()
    other.context.close()


def test_switching_language_leaves_no_string_of_the_other(
    browser, served_app: str, seed_build: Path
) -> None:  # type: ignore[no-untyped-def]
    from innograph.graph.store_file import load_graph

    data = "\n".join(
        str(v) for _, attrs in load_graph(seed_build).nodes(data=True) for v in attrs.values()
    )
    tab = fresh_tab(browser)
    tab.goto(f"{served_app}/agency?id={quote(KJT_ID)}")
    tab.get_by_role("heading", name="新疆维吾尔自治区科学技术厅").wait_for()
    idle(tab)
    tab.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    tab.get_by_role("heading", name="Agency", level=1).wait_for()
    idle(tab)
    assert tab.evaluate("() => document.documentElement.lang") == "en"
    shown = tab.inner_text("body")
    leaks = [run for run in CJK.findall(shown) if run not in data and run != "中文"]
    assert not leaks, leaks
    tab.get_by_test_id("stSidebar").get_by_text("中文", exact=True).click()
    tab.get_by_role("heading", name="主体", level=1).wait_for()
    idle(tab)
    assert tab.evaluate("() => document.documentElement.lang") == "zh-CN"
    words = re.findall(r"\b(Lead|Participant|Tasks|Partners|Document|Open|View|Search)\b",
                       tab.inner_text("[data-testid=stMain]"))  # fmt: skip
    assert not words, words
    tab.context.close()


TASK_ONE = "xj-2013-task-division#1"  # led by 经信委 and 科技厅 (（经信委、科技厅牵头，…参加）)
KJT = "新疆维吾尔自治区科学技术厅"


def table_csv(page, index: int) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    """The rows of the page's `index`-th table, as its own "Download as CSV" gives them
    (the grid draws on a canvas, so its cells are not in the DOM)."""
    grid = page.get_by_test_id("stDataFrame").nth(index)
    grid.hover()
    with page.expect_download() as download:
        grid.get_by_role("button", name="Download as CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def rebuild(store: Path, file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`innograph build` of the seeds into the app's store, with the app's corrections file."""
    monkeypatch.setenv(corr.ENV, str(file))
    assert main(["build", str(ROOT / "data" / "seeds"), "--out", str(store)]) == 0


def test_a_role_edited_in_the_app_is_marked_after_a_build_listed_and_undone(
    browser, editing_app: tuple[str, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    base, store, file = editing_app
    repo_file = (ROOT / "data" / "corrections.yaml").read_bytes()
    context = browser.new_context(
        viewport={"width": 1440, "height": 1000}, locale="zh-CN", accept_downloads=True
    )
    context.add_init_script("delete window.showSaveFilePicker")  # downloads, not a dialog
    page = context.new_page()
    page.set_default_timeout(WAIT)
    task_page = f"tasks?task={quote(TASK_ONE)}"
    try:
        # on the task: 科技厅 from the leads to the participants, with a reason and a preview
        open_page(page, base, task_page, "任务")
        page.get_by_text("修正牵头与参与单位").click()
        idle(page)
        leads = page.get_by_test_id("stMultiSelect").filter(
            has=page.get_by_label("牵头", exact=True)
        )
        leads.get_by_role("button", name=f"Remove {KJT}").click()
        idle(page)
        joined = page.get_by_role("combobox", name="参与", exact=True)
        joined.click()
        joined.fill("科学技术厅")
        page.get_by_role("option", name=KJT).click()
        page.keyboard.press("Escape")
        idle(page)
        preview = page.get_by_text("将写入以下修正").locator("xpath=..")
        assert f"{KJT}：参与" in preview.inner_text()
        assert page.get_by_role("button", name="保存修正").is_disabled()  # no name, no reason
        for label, value in (("修正人", "li"), ("修正理由", "科技厅只参与")):
            page.get_by_label(label).fill(value)
            page.keyboard.press("Enter")
            idle(page)
        page.get_by_role("button", name="保存修正").click()
        idle(page)
        [entry] = corr.load(file)
        assert (entry.op, entry.get("actor"), entry.get("role")) == (
            "set_role", KJT_ID, "participant",
        )  # fmt: skip
        page.get_by_text(f"已写入 {entry.id}").wait_for()

        # the next build applies it: the task marks the corrected role
        rebuild(store, file, monkeypatch)
        open_page(page, base, task_page, "任务")
        page.get_by_text(f"已修正：{entry.id}").wait_for()
        people = {r["名称"]: r for r in table_csv(page, 1)}
        assert (people[KJT]["角色"], people[KJT]["修正"]) == ("参与", f"✎ {entry.id}")
        assert all(r["修正"] == "" for name, r in people.items() if name != KJT)

        # the corrections page lists it with its effect, and undoes it
        open_page(page, base, "corrections", "人工修正")
        [row] = table_csv(page, 0)
        assert (row["id"], row["修正人"], row["修正理由"]) == (entry.id, "li", "科技厅只参与")
        assert TASK_ONE in row["效果"]
        page.get_by_role("button", name="撤销所选修正").click()
        page.get_by_text(f"已从修正文件中删除 {entry.id}").wait_for()
        assert corr.load(file) == []
        rebuild(store, file, monkeypatch)
        open_page(page, base, task_page, "任务")
        people = {r["名称"]: r for r in table_csv(page, 1)}
        assert people[KJT]["角色"] == "牵头" and all(r["修正"] == "" for r in people.values())
        assert page.get_by_text("已修正：").count() == 0
    finally:
        context.close()
    assert (ROOT / "data" / "corrections.yaml").read_bytes() == repo_file


#: The pages with the main tables, in English (longer headers than Chinese).
TABLE_PAGES = [
    ("overview?lang=en", "Overview"),
    (f"agency?lang=en&id={quote(KJT_ID)}", "Agency"),
    ("tasks?lang=en", "Tasks"),
    ("documents?lang=en", "Documents"),
]
#: Each table's box and its grid's scrolled and visible widths.
TABLE_WIDTHS = """() => [...document.querySelectorAll('[data-testid=stDataFrame]')].map(el => {
  const grid = el.querySelector('.dvn-scroller');
  return {right: el.getBoundingClientRect().right, page: window.innerWidth,
          columns: grid.scrollWidth, shown: grid.clientWidth};
})"""


@pytest.mark.parametrize(("path", "heading"), TABLE_PAGES, ids=[h for _, h in TABLE_PAGES])
def test_tables_fit_in_1440_px(browser, served_app: str, path: str, heading: str) -> None:  # type: ignore[no-untyped-def]
    """Every table lies inside the page and shows all its columns without scrolling."""
    tab = fresh_tab(browser, "en")
    assert tab.viewport_size == {"width": 1440, "height": 1000}
    open_page(tab, served_app, path, heading)
    tab.locator("[data-testid=stDataFrame] .dvn-scroller").first.wait_for()
    tables = tab.evaluate(TABLE_WIDTHS)
    assert tables
    for table in tables:
        assert table["right"] <= table["page"], table
        assert table["columns"] <= table["shown"] + 2, table  # 2 px: rounding of the borders
    tab.context.close()
