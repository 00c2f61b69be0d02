"""Bytes to blocks: the first step of ingestion, for txt, html, docx and pdf.

Government documents arrive as scraped web pages, Word files, PDFs and plain
text in whatever encoding the publishing system used, often with a file name
that lies about the content. So the type is sniffed from the bytes (the name
only has to carry an extension we support), the encoding is detected rather
than assumed, and every way a file can be unreadable ends in one
`IngestError` line naming the file and the reason, never a traceback.

A file with no readable text at all (blank, or an HTML page that is only
scripts) is refused with ``no readable text``: an empty extraction would
look like a document without tasks, which is a different finding.

The output is deliberately dumb: paragraphs and tables in reading order. All
interpretation (debris, joins, headings, roles) happens downstream on the
normalised text, so the four formats share one reading of the content.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import os
import re
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from innograph.ingest.header import split_header
from innograph.ingest.manifest import ManifestEntry
from innograph.ingest.model import IngestError

#: Files larger than this are refused before they are read: no policy
#: document is this big, and reading one into memory would stall a batch.
MAX_BYTES = 50 * 1024 * 1024

#: A .docx (a ZIP archive) is refused when its parts unpack to more than this
#: or it has more entries: the 50 MB limit only sees the compressed size, and
#: python-docx holds every part in memory. Real policy documents unpack to a
#: few MB with their images.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 2000

#: Characters of text a document may hold: spaCy's ``max_length``, the most
#: its pipeline analyses in one piece (beyond it spaCy raises E088). A million
#: characters is some three hundred pages of Chinese; no policy document is
#: longer, so a longer text is refused with this reason instead.
MAX_CHARS = 1_000_000

#: Extensions a document may carry. An empty one is allowed (uploads, saved
#: pages); the content decides the format either way.
SUPPORTED_EXTENSIONS = ("", ".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".docx", ".pdf")

Format = Literal["txt", "html", "docx", "pdf"]


@dataclass(frozen=True)
class Block:
    """A paragraph (text, may hold line breaks) or a table (rows of cell texts)."""

    kind: Literal["paragraph", "table"]
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class LoadedDocument:
    """A document's blocks in reading order, with where they came from."""

    source: str
    sha256: str
    format: Format
    encoding: str | None
    blocks: tuple[Block, ...]
    #: What a crawler's header above the text said (title, number, date, issuer).
    header: ManifestEntry | None = None


def load(path: str | Path) -> LoadedDocument:
    """Load a file from disk; type and size are checked before reading it."""
    source = str(path)
    _check_extension(source, Path(path).name)
    return _load(read_file(path), source)


def read_file(path: str | Path) -> bytes:
    """The bytes of a regular file of acceptable size; `IngestError` before any read.

    The file is opened without blocking and checked on the open descriptor, so
    a FIFO (which would block the open or the read forever), a device such as
    ``/dev/zero`` behind a symlink (which never ends), a folder, or a file
    swapped for one of these after a check are refused without reading a byte,
    and a file growing while read is cut at the limit and refused.
    """
    source = str(path)
    try:
        _check_regular(source, os.stat(path))  # a socket cannot even be opened
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise IngestError(source, "no such file") from None
    except OSError as exc:
        raise IngestError(source, _unreadable(exc)) from None
    try:
        info = os.fstat(fd)
        _check_regular(source, info)
        _check_size(source, info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise IngestError(source, _unreadable(exc)) from None
    finally:
        os.close(fd)
    _check_size(source, len(data))
    return data


def _unreadable(exc: OSError) -> str:
    return f"cannot read file ({exc.strerror or type(exc).__name__})"


_FOLDER = "a folder, not a file"


def _check_regular(source: str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(source, _FOLDER)
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(source, f"not a regular file ({_file_kind(info.st_mode)})")


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "a special file")


def load_bytes(data: bytes, name: str) -> LoadedDocument:
    """Load an upload: `name` is only used for its extension and in errors."""
    _check_extension(name, name)
    _check_size(name, len(data))
    return _load(data, name)


# --- checks -------------------------------------------------------------------


def _check_extension(source: str, name: str) -> None:
    ext = Path(name).suffix.lower()
    if ext not in SUPPORTED_EXTENSIONS:
        hint = " (save it as .docx)" if ext in (".doc", ".wps", ".rtf") else ""
        raise IngestError(
            source, f"unsupported file type '{ext}'{hint}; supported: .txt .html .htm .docx .pdf"
        )


def _check_size(source: str, size: int) -> None:
    if size == 0:
        raise IngestError(source, "empty file")
    if size > MAX_BYTES:
        raise IngestError(
            source, f"file too large ({size / 2**20:.0f} MB; limit {MAX_BYTES // 2**20} MB)"
        )


#: Magic numbers of binary formats people upload by mistake, with a reason
#: that tells them what they gave us.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0", "legacy Office file (.doc/.xls) is not supported; save it as .docx"),
    (b"\x89PNG", "image file (PNG), not a text document"),
    (b"\xff\xd8\xff", "image file (JPEG), not a text document"),
    (b"GIF8", "image file (GIF), not a text document"),
    (b"MZ", "executable file, not a document"),
    (b"\x7fELF", "executable file, not a document"),
    (b"\x1f\x8b", "gzip archive, not a document"),
    (b"Rar!", "RAR archive, not a document"),
    (b"7z\xbc\xaf", "7z archive, not a document"),
    (b"{\\rtf", "RTF file is not supported; save it as .docx"),
)


def _load(data: bytes, source: str) -> LoadedDocument:
    fmt = _sniff(data, source)
    sha = hashlib.sha256(data).hexdigest()
    encoding: str | None = None
    header: ManifestEntry | None = None
    if fmt == "pdf":
        blocks = _pdf_blocks(data, source)
    elif fmt == "docx":
        blocks = _docx_blocks(data, source)
    elif fmt == "html":
        text, encoding = _decode_html(data, source)
        blocks = _html_blocks(text)
    else:
        text, encoding = decode_text(data, source)
        header, text = split_header(text)
        blocks = _text_blocks(text)
    if not any(_has_text(b) for b in blocks):
        raise IngestError(source, "no readable text")
    chars = sum(len(b.text) + sum(len(c) for r in b.rows for c in r) for b in blocks)
    if chars > MAX_CHARS:
        raise IngestError(
            source,
            f"text too long ({chars:,} characters; the limit is {MAX_CHARS:,}, the most the "
            "language model reads in one piece): split the document",
        )
    return LoadedDocument(source, sha, fmt, encoding, tuple(blocks), header)


def _has_text(block: Block) -> bool:
    if block.kind == "table":
        return any(cell.strip() for row in block.rows for cell in row)
    return bool(block.text.strip())


def _sniff(data: bytes, source: str) -> Format:
    """The format from the content; the extension is not trusted."""
    head = data[:8]
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise IngestError(source, "damaged ZIP container (not a readable .docx)") from None
        _check_archive(source, infos)
        names = {info.filename for info in infos}
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            raise IngestError(source, "Excel workbook is not supported")
        raise IngestError(source, "ZIP archive that is not a Word (.docx) document")
    for magic, reason in _BINARY_MAGIC:
        if head.startswith(magic):
            raise IngestError(source, reason)
    if _looks_like_html(data):
        return "html"
    return "txt"


def _check_archive(source: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a ZIP bomb from its directory, before a part is unpacked.

    The declared sizes bound what `zipfile` will unpack (it stops a part at its
    declared size), so checking them is enough.
    """
    if len(infos) > MAX_ARCHIVE_ENTRIES:
        raise IngestError(
            source, f"archive with {len(infos):,} entries (limit {MAX_ARCHIVE_ENTRIES:,})"
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise IngestError(
            source,
            f"archive unpacks to {unpacked / 2**20:,.0f} MB "
            f"(limit {MAX_UNPACKED_BYTES // 2**20} MB)",
        )


_HTML_MARKER = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]"
    rb"|<(?:p|div|table|script|style|span|br|h[1-6])[\s/>]",
    re.IGNORECASE,
)


def _looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 HTML: look at it decoded
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return bool(_HTML_MARKER.search(head)) and head.lstrip().lstrip(b"\xef\xbb\xbf")[:1] == b"<"


# --- text decoding --------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: Encodings that mean "a mainland Chinese codepage"; gb18030 is the
#: superset of all of them, so decoding with it never loses a character.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "euc_cn", "iso2022_cn"}


def decode_text(data: bytes, source: str) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding) or raises `IngestError`.

    Text that decodes but is mostly control characters (NUL runs are valid
    UTF-8) is a binary file, refused as one.
    """
    text, encoding = _decode(data, source)
    if _control_ratio(text) > 0.01:
        raise IngestError(source, "binary file (not text)")
    return text, encoding


def _decode(data: bytes, source: str) -> tuple[str, str]:
    """The decoding itself, in the order below.

    Order: a BOM decides; strict UTF-8 (by far the most common, and a
    decode that succeeds is almost never wrong); then GB18030 when the result
    reads as simplified Chinese (charset detectors misjudge short GBK texts
    as Korean or Latin codepages); then charset-normalizer's best guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise IngestError(source, f"undecodable bytes after a {encoding} BOM") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _reads_as_simplified_chinese(text):
            return text, "gb18030"
    return _detected(data, source)


def _detected(data: bytes, source: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        if b"\x00" in data:
            raise IngestError(source, "binary file (not text)")
        raise IngestError(
            source, "undecodable bytes (not UTF-8, GB18030, UTF-16 or a known encoding)"
        )
    encoding = best.encoding.lower().replace("-", "_")
    if encoding in _GB_FAMILY:
        encoding = "gb18030"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise IngestError(source, f"undecodable bytes (not valid {encoding})") from None
    return text, encoding


def _reads_as_simplified_chinese(text: str) -> bool:
    """Most non-ASCII characters are common simplified hanzi or CJK punctuation.

    GB2312 level 1 holds the 3,755 most common characters; real policy text
    is almost entirely made of them, while bytes of another encoding read as
    GB18030 scatter over rare characters.
    """
    wide = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not wide:
        return False
    common = 0
    for c in wide:
        try:
            b = c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        if 0xA1 <= b[0] <= 0xA9 or 0xB0 <= b[0] <= 0xD7:
            common += 1
    return common >= 0.8 * len(wide)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    """The share of control characters (category Cc) other than tab, line breaks, form feed."""
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _decode_html(data: bytes, source: str) -> tuple[str, str]:
    """HTML: a BOM, then the page's own ``charset`` declaration, then detection."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = re.search(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:4096], re.I)
        if declared:
            encoding = declared.group(1).decode("ascii").lower().replace("-", "_")
            if encoding in _GB_FAMILY:
                encoding = "gb18030"
            try:
                return data.decode(encoding), encoding
            except (UnicodeDecodeError, LookupError):
                pass  # a wrong declaration is common; fall back to detection
    return decode_text(data, source)


# --- plain text --------------------------------------------------------------------


#: Longer than this, a line with bars and a cell of half its length is run-on text,
#: not a table row.
_PIPE_ROW_CHARS = 2000


def _is_pipe_line(line: str) -> bool:
    """A line of a table flattened by a web scraper.

    Either one cell ending in ``|`` (one cell per line) or a whole row with
    cells separated by ``|``.
    """
    if "|" not in line:
        return False
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(line) > _PIPE_ROW_CHARS and max(map(len, cells)) > _PIPE_ROW_CHARS // 2:
        return False  # a page run onto one line, its menu's bars (| 政策解读 | 相关政策) kept
    if line.rstrip().endswith("|") and len(cells) == 1:
        return bool(cells[0])
    return sum(1 for c in cells if c) >= 2


def _tab_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a tab-separated row (a table copied out of a word processor)."""
    cells = tuple(c.strip() for c in line.strip().split("\t"))
    return cells if sum(1 for c in cells if c) >= 3 else None


def _text_blocks(text: str) -> list[Block]:
    """Each line is a paragraph; runs of pipe-delimited or tab-separated rows are tables.

    A tab-separated table needs two rows or more with the same number of
    cells; a lone line with tabs stays a paragraph.
    """
    lines = text.splitlines()
    blocks: list[Block] = []
    run: list[str] = []
    tabbed: list[tuple[str, tuple[str, ...]]] = []

    def flush_run() -> None:
        if run:
            blocks.append(Block("table", rows=_pipe_table(run)))
            run.clear()

    def flush_tabbed() -> None:
        if len(tabbed) >= 2:
            blocks.append(Block("table", rows=tuple(cells for _, cells in tabbed)))
        else:
            blocks.extend(Block("paragraph", text=line) for line, _ in tabbed)
        tabbed.clear()

    for line in lines:
        cells = _tab_cells(line) if "\t" in line else None
        if cells is not None and (not tabbed or len(cells) == len(tabbed[0][1])):
            flush_run()
            tabbed.append((line, cells))
            continue
        flush_tabbed()
        if cells is not None:
            tabbed.append((line, cells))
            continue
        if _is_pipe_line(line):
            run.append(line)
            continue
        flush_run()
        if line.strip():
            blocks.append(Block("paragraph", text=line))
    flush_tabbed()
    flush_run()
    return blocks


def _pipe_table(lines: list[str]) -> tuple[tuple[str, ...], ...]:
    """Rows of a pipe table; a one-cell-per-line run is regrouped into rows."""
    split = [tuple(c.strip() for c in line.strip().strip("|").split("|")) for line in lines]
    if any(len(cells) > 1 for cells in split):
        return tuple(split)
    return _regroup_cells([cells[0] for cells in split])


_VALUE_CELL = re.compile(r"^(?:[<>≥≤约~]?\s*[-+]?\d[\d,.]*\s*[%％‰]?[^\d\s|]{0,3}|[-—/－]*)$")


def _regroup_cells(cells: list[str]) -> tuple[tuple[str, ...], ...]:
    """Rebuild rows from a flattened cell list.

    Indicator tables read ``label, value, value`` per row: a row starts at
    each cell that is not a number (or year). When that gives rows of one
    consistent width it is taken; otherwise each cell stays its own row,
    which loses no text.
    """
    rows: list[list[str]] = []
    for cell in cells:
        if not rows or not _VALUE_CELL.match(cell):
            rows.append([cell])
        else:
            rows[-1].append(cell)
    widths = {len(r) for r in rows[:-1]} or {len(rows[-1])}
    if len(widths) == 1 and len(rows[-1]) <= next(iter(widths)):
        return tuple(tuple(r) for r in rows)
    return tuple((c,) for c in cells)


# --- HTML ----------------------------------------------------------------------------

_DROP_TAGS = {
    "script", "style", "noscript", "nav", "iframe", "button", "select", "option",
    "input", "textarea", "template", "svg", "canvas", "head", "object", "embed",
    "map", "audio", "video", "menu",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "address", "figure",
    "figcaption", "caption", "header", "footer", "form", "fieldset", "hr", "body", "html",
}  # fmt: skip
_LAYOUT_TAGS = {"table", "tbody", "thead", "tfoot", "tr", "td", "th"}
#: class/id words of page chrome on government sites.
_DEBRIS_WORDS = {
    "nav", "navbar", "menu", "breadcrumb", "crumb", "crumbs", "share", "sidebar",
    "copyright", "toolbar", "footer", "topbar", "print", "weixin", "qrcode",
    "related", "relate", "xglj", "xgwz", "xgwj", "ewm", "tools", "tool",
}  # fmt: skip
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _html_blocks(html: str) -> list[Block]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    flow = _Flow()
    _walk_html(soup, flow)
    flow.flush()
    return flow.blocks


class _Flow:
    """Collects inline text into paragraphs; a block boundary ends one."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []

    def text(self, s: str) -> None:
        self._parts.append(s)

    def newline(self) -> None:
        self._parts.append("\n")

    def flush(self) -> None:
        if not self._parts:
            return
        raw = "".join(self._parts)
        self._parts.clear()
        lines = [line.strip(" ") for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if text:
            self.blocks.append(Block("paragraph", text=text))

    def table(self, rows: list[list[str]]) -> None:
        self.flush()
        if any(cell.strip() for row in rows for cell in row):
            self.blocks.append(Block("table", rows=tuple(tuple(r) for r in rows)))


def _walk_html(root: object, flow: _Flow, in_table_cell: bool = False) -> None:
    """Depth-first walk without recursion (scraped pages nest very deep)."""
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    stack: list[tuple[object, bool]] = [(root, False)]  # (node, leaving)
    pre_depth = 0
    while stack:
        node, leaving = stack.pop()
        if leaving:
            assert isinstance(node, Tag)
            if node.name == "pre":
                pre_depth -= 1
            flow.flush()
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, skipped):
                s = str(node)
                if pre_depth:
                    for i, part in enumerate(s.split("\n")):
                        if i:
                            flow.newline()
                        flow.text(part)
                else:
                    flow.text(_HTML_SPACE.sub(" ", s))
            continue
        if not isinstance(node, Tag):
            continue
        name = (node.name or "").lower()
        if name in _DROP_TAGS or _is_chrome(node):
            continue
        if name == "br":
            flow.newline()
            continue
        if name == "table" and not _is_layout_table(node):
            flow.table(_table_rows(node))
            continue
        is_block = name in _BLOCK_TAGS or name in _LAYOUT_TAGS or name == "[document]"
        if is_block:
            flow.flush()
            stack.append((node, True))
            if name == "pre":
                pre_depth += 1
        stack.extend((child, False) for child in reversed(list(node.children)))


def _is_chrome(tag: object) -> bool:
    """Navigation and page furniture, by HTML5 role or by class/id words."""
    from bs4 import Tag

    assert isinstance(tag, Tag)
    name = tag.name
    if name in ("header", "footer") and not tag.find_parent(("article", "main")):
        return True
    if name in ("html", "body", "[document]"):
        return False
    words: set[str] = set()
    for attr in ("class", "id", "role"):
        value = tag.get(attr)
        if isinstance(value, list):
            value = " ".join(value)
        if value:
            # tools2, nav_1: a numbered variant is the same chrome
            words.update(w.rstrip("0123456789") for w in re.split(r"[\s_\-]+", value.lower()) if w)
    return bool(words & _DEBRIS_WORDS) or "navigation" in words


def _is_layout_table(table: object) -> bool:
    """Tables used for page layout are read as flowing text, not as rows.

    Old government sites put the whole article inside table cells; a table
    is data only if it holds no nested table, has more than one cell, has
    no giant cell, and is more than one column wide (or is a 专栏/表 box).
    """
    from bs4 import Tag

    assert isinstance(table, Tag)
    if table.find("table"):
        return True
    cells = table.find_all(("td", "th"))
    if len(cells) <= 1:
        return len(cells) == 1 and not _is_box_title(cells[0].get_text())
    if any(len(c.get_text()) > 1500 for c in cells):
        return True
    columns = max((len(tr.find_all(("td", "th"), recursive=False)) for tr in table.find_all("tr")),
                  default=0)  # fmt: skip
    return columns <= 1 and not _is_box_title(cells[0].get_text())


def _is_box_title(text: str) -> bool:
    return bool(re.match(r"\s*(专栏|表|附表)\s*\d", text))


_MAX_SPAN = 100  # a colspan of 10000 in junk HTML must not allocate 10000 cells


def _span(value: object) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(n, 1), _MAX_SPAN)


def _table_rows(table: object) -> list[list[str]]:
    """Cell texts row by row; a cell spanning rows or columns repeats its text.

    Repeating the value keeps each row self-contained: a merged 牵头单位
    cell covering three task rows gives each of the three its lead.
    """
    from bs4 import Tag

    assert isinstance(table, Tag)
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    carried: dict[int, tuple[int, str]] = {}  # column -> (rows left, text)
    out: list[list[str]] = []
    for tr in rows:
        row: list[str] = []
        for cell in tr.find_all(("td", "th"), recursive=False):
            _fill_carried(row, carried)
            text = _cell_text(cell)
            colspan, rowspan = _span(cell.get("colspan", 1)), _span(cell.get("rowspan", 1))
            for _ in range(colspan):
                if rowspan > 1:
                    carried[len(row)] = (rowspan - 1, text)
                row.append(text)
        _fill_carried(row, carried)
        if any(c.strip() for c in row):
            out.append(row)
    return out


def _fill_carried(row: list[str], carried: dict[int, tuple[int, str]]) -> None:
    """Append the texts of cells spanning down from rows above into this row."""
    while len(row) in carried:
        col = len(row)
        left, text = carried[col]
        row.append(text)
        if left <= 1:
            del carried[col]
        else:
            carried[col] = (left - 1, text)


def _cell_text(cell: object) -> str:
    flow = _Flow()
    _walk_html(cell, flow)
    flow.flush()
    return "\n".join(b.text for b in flow.blocks if b.kind == "paragraph")


# --- docx ------------------------------------------------------------------------------


def _docx_blocks(data: bytes, source: str) -> list[Block]:
    """Paragraphs and tables in body order (tables stay where they stand)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types on damaged files
        raise IngestError(source, f"unreadable .docx ({type(exc).__name__})") from None
    blocks: list[Block] = []
    p_tag, tbl_tag, sdt_tag, content_tag = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
    numbering = _DocxNumbering(document)

    def visit(parent: object) -> None:
        for el in parent.iterchildren():  # type: ignore[attr-defined]
            if el.tag == p_tag:
                paragraph = Paragraph(el, document)
                text = paragraph.text
                if text.strip():
                    blocks.append(Block("paragraph", text=numbering.label(paragraph) + text))
            elif el.tag == tbl_tag:
                table = Table(el, document)
                rows = tuple(tuple(cell.text.strip() for cell in row.cells) for row in table.rows)
                if any(c.strip() for r in rows for c in r):
                    blocks.append(Block("table", rows=rows))
            elif el.tag == sdt_tag:
                for content in el.iterchildren(content_tag):
                    visit(content)

    try:
        visit(document.element.body)
    except Exception as exc:
        raise IngestError(source, f"unreadable .docx ({type(exc).__name__})") from None
    return blocks


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_CN_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_CN_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt.startswith(("chineseCounting", "japaneseCounting", "taiwaneseCounting")):
        return _chinese_number(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class _DocxNumbering:
    """The labels Word draws in front of automatically numbered paragraphs.

    They are not in the paragraph's text, yet they are the document's
    headings and task numbers (一、 （一） 1.), so they are rendered from the
    numbering definitions: level formats, level texts like ``（%1）`` and
    counters that restart below a level that advances.
    """

    def __init__(self, document: object) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        self._levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> def
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for a in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for lvl in a.iterchildren(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    int(self._val(lvl, "w:start") or 1),
                    self._val(lvl, "w:numFmt") or "decimal",
                    self._val(lvl, "w:lvlText") or "",
                )
            abstract[a.get(qn("w:abstractNumId"), "")] = levels
        for num in root.iterchildren(qn("w:num")):
            ref = self._val(num, "w:abstractNumId")
            if ref in abstract:
                self._levels[num.get(qn("w:numId"), "")] = abstract[ref]

    def _val(self, el: object, child: str) -> str | None:
        found = el.find(self._qn(child))  # type: ignore[attr-defined]
        return None if found is None else found.get(self._qn("w:val"))

    def _num_pr(self, paragraph: object) -> tuple[str, int] | None:
        """(numId, level) from the paragraph, else from its style chain."""
        qn = self._qn
        sources = [paragraph._p]  # type: ignore[attr-defined]
        style = getattr(paragraph, "style", None)
        while style is not None:
            sources.append(style.element)
            style = style.base_style
        for el in sources:
            ppr = el.find(qn("w:pPr"))
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is not None:
                num_id = self._val(num_pr, "w:numId")
                return (num_id or "0"), int(self._val(num_pr, "w:ilvl") or 0)
        return None

    def label(self, paragraph: object) -> str:
        found = self._num_pr(paragraph)
        if found is None or found[0] not in self._levels:
            return ""
        num_id, ilvl = found
        levels = self._levels[num_id]
        if ilvl not in levels or levels[ilvl][1] in ("bullet", "none"):
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][0] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            start, fmt, _ = levels.get(k, (1, "decimal", ""))
            return _format_number(counters.get(k, start), fmt)

        return re.sub(r"%([1-9])", number, levels[ilvl][2])


# --- pdf ---------------------------------------------------------------------------------


def _pdf_blocks(data: bytes, source: str) -> list[Block]:
    """The text layer, one block per line; normalisation rejoins wrapped lines."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs what it repairs ("EOF marker not found") to standard error:
    # noise beside the one line a file gets when it is refused.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(source, "encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(source, f"unreadable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise IngestError(source, "PDF has no text layer (scanned?)")
    return [Block("paragraph", text=line) for line in pdf_text_lines(pages)]


#: A line at a page's edge on at least this share of the pages (and on two at
#: least) is a running header or footer (``××市人民政府文件``, ``××市人民政府办公室
#: 2023年3月1日印发``), whatever page number it carries.
RUNNING_SHARE = 0.6
#: How many lines at the top and at the bottom of a page may be header or footer.
_EDGE = 2
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|·?\s*\d{1,4}\s*·?)$"
)
#: A running header ends no sentence and closes no clause.
_ENDS_TEXT = tuple("。；：）)")


def pdf_text_lines(pages: list[str]) -> list[str]:
    """The lines of a text layer without running headers, footers and page numbers.

    They sit between the last line of one page and the first of the next,
    so dropping them lets normalisation rejoin a sentence broken across
    pages. Only a page's first and last line can be its number, and only its
    edge lines a header or footer, so a bare number or a repeated phrase
    inside the text stays. The first page keeps its copy: there the line
    is the letterhead, the document number or the title.
    """
    split = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]
    running = _running_lines(split)
    kept: list[str] = []
    for page, lines in enumerate(split):
        last = len(lines) - 1
        for k, line in enumerate(lines):
            number = k in (0, last) and _PAGE_NUMBER.match(line)
            edge = k < _EDGE or k > last - _EDGE
            header = page > 0 and edge and _shape(line) in running
            if not (number or header):
                kept.append(line)
    return kept


def _shape(line: str) -> str:
    """A line with its digits and spaces blurred: 第 3 页 and 第4页 are one footer."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of the lines that recur at the edge of most pages."""
    if len(pages) < 2:
        return set()
    counts = Counter(
        shape
        for lines in pages
        for shape in {
            _shape(x) for x in (*lines[:_EDGE], *lines[-_EDGE:]) if not _PAGE_NUMBER.match(x)
        }
        if not shape.endswith(_ENDS_TEXT)
    )
    need = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    return {shape for shape, n in counts.items() if n >= need}
