"""Bad inputs, generated: every kind a new user could feed `innograph build` by mistake.

Each `Kind` writes its file (or folder entry) under a batch folder and says
which words its one refusal line must hold. The batch also holds good
documents, so a test can check that the rest of the batch is still built.
Nothing here is stored in the repository: the files are made in a temporary
folder by the tests, including the large ones (sparse, or compressed).
"""

from __future__ import annotations

import io
import os
import socket
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "data" / "seeds"
#: Good documents of every batch: two seeds, whose manifest entries do not come along.
GOOD_SEEDS = ("xj-2013-innovation-task-division.txt", "xj-enterprise-innovation-opinions.txt")

#: A small policy text with one task, written for these tests; `text(n)` varies it.
_TEXT = (
    "关于加快科技成果转化的若干措施（{n}）\n一、强化服务\n"
    "1.建设技术转移服务平台。（自治区科技厅牵头，财政厅参加）\n"
)


def text(n: int | str) -> bytes:
    """A distinct small document (its own content hash) for the n-th use."""
    return _TEXT.format(n=n).encode()


@dataclass(frozen=True)
class Kind:
    """One kind of bad input: a file name, how to make it, what its refusal says."""

    name: str
    make: Callable[[Path], None]
    reason: str


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _docx_bomb(path: Path) -> None:
    """A .docx of a few hundred KB whose document.xml unpacks to 200 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"<w:t>" + b"0" * (2**20 - 11) + b"</w:t>\n"
            for _ in range(200):
                part.write(chunk)


def _many_entries(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(2500):
            z.writestr(f"word/media/{i}.bin", b"")


def _sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as fh:
            fh.truncate(size)

    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _socket(path: Path) -> None:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(str(path))
    s.close()


def _pdf(encrypt: bool = False, blank: bool = True) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        from pypdf import PdfWriter

        writer = PdfWriter()
        writer.add_blank_page(width=595, height=842)
        if encrypt:
            writer.encrypt("secret")
        with path.open("wb") as fh:
            writer.write(fh)

    return make


def _truncated_pdf(path: Path) -> None:
    buffer = io.BytesIO()
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(buffer)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])


PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
_LONG_LINE = ("科技厅牵头推进创新平台建设" * 90_000).encode()  # 1,170,000 characters, one line
_MANY_LINES = ("推进科技创新。\n" * 150_000).encode()  # 1,200,000 characters

#: Files refused as they are, each with the words of its reason.
KINDS: tuple[Kind, ...] = (
    Kind("empty.txt", _bytes(b""), "empty file"),
    Kind("blank.txt", _bytes(b"  \n\n\t \n"), "no readable text"),
    Kind("ideographic-spaces.txt", _bytes("\u3000\u3000\n\u3000".encode()), "no readable text"),
    Kind("png.txt", _bytes(PNG), "image file (PNG)"),
    Kind("jpeg.txt", _bytes(b"\xff\xd8\xff\xe0" + bytes(64)), "image file (JPEG)"),
    Kind("gif.html", _bytes(b"GIF89a" + bytes(64)), "image file (GIF)"),
    Kind("windows-exe.txt", _bytes(b"MZ\x90\x00" + bytes(64)), "executable file"),
    Kind("linux-elf.pdf", _bytes(b"\x7fELF\x02\x01" + bytes(64)), "executable file"),
    Kind("gzip.txt", _bytes(b"\x1f\x8b\x08\x00" + bytes(64)), "gzip archive"),
    Kind("rar.docx", _bytes(b"Rar!\x1a\x07\x00" + bytes(64)), "RAR archive"),
    Kind("sevenzip.txt", _bytes(b"7z\xbc\xaf\x27\x1c" + bytes(64)), "7z archive"),
    Kind("rtf.txt", _bytes(b"{\\rtf1\\ansi hello}"), "RTF file is not supported"),
    Kind(
        "legacy-word.docx", _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)), "legacy Office"
    ),
    Kind("nul-bytes.txt", _bytes(bytes(4096)), "binary file"),
    Kind("control-bytes.txt", _bytes(bytes(range(1, 9)) * 512), "binary file"),
    Kind(
        "bad-utf16.txt",
        _bytes(b"\xff\xfe" + b"\x00\xd8" * 3),
        "undecodable bytes after a utf-16 BOM",
    ),
    Kind(
        "bad-utf8-bom.txt",
        _bytes(b"\xef\xbb\xbf\xff\xfe\xfa"),
        "undecodable bytes after a utf-8-sig BOM",
    ),
    Kind(
        "plain-zip.docx", _bytes(_zip({"readme.txt": b"hello"})), "ZIP archive that is not a Word"
    ),
    Kind("workbook.docx", _bytes(_zip({"xl/workbook.xml": b"<workbook/>"})), "Excel workbook"),
    Kind("damaged-zip.docx", _bytes(b"PK\x03\x04" + b"\x00" * 200), "damaged ZIP"),
    Kind(
        "broken-xml.docx",
        _bytes(_zip({"word/document.xml": b"<w:document><unclosed"})),
        "unreadable .docx",
    ),
    Kind("zip-bomb.docx", _docx_bomb, "archive unpacks to 200 MB (limit 100 MB)"),
    Kind("many-entries.docx", _many_entries, "archive with 2,501 entries"),
    Kind("damaged.pdf", _bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50), "PDF"),
    Kind("truncated.pdf", _truncated_pdf, "PDF"),
    Kind("scanned.pdf", _pdf(), "PDF has no text layer"),
    Kind("encrypted.pdf", _pdf(encrypt=True), "encrypted PDF"),
    Kind(
        "scripts-only.html", _bytes(b"<html><script>var a=1;</script></html>"), "no readable text"
    ),
    Kind(
        "empty-body.htm", _bytes(b"<!doctype html><html><body></body></html>"), "no readable text"
    ),
    Kind("one-10mb-line.txt", _bytes(_LONG_LINE * 3), "text too long"),
    Kind("long-line.txt", _bytes(_LONG_LINE), "text too long"),
    Kind("too-many-characters.txt", _bytes(_MANY_LINES), "text too long"),
    Kind("sparse-60mb.txt", _sparse(60 * 2**20), "file too large (60 MB; limit 50 MB)"),
    Kind("sparse-200mb.txt", _sparse(200 * 2**20), "file too large (200 MB; limit 50 MB)"),
    Kind("fifo.txt", _fifo, "not a regular file (a named pipe)"),
    Kind("dev-zero.txt", _link("/dev/zero"), "not a regular file (a character device)"),
    Kind("dev-null.txt", _link("/dev/null"), "not a regular file (a character device)"),
    Kind("dangling-link.txt", _link("/nonexistent/innograph/file.txt"), "no such file"),
    Kind("socket.txt", _socket, "not a regular file (a socket)"),
    Kind("folder.txt", lambda path: path.mkdir(), "a folder, not a file"),
    Kind(
        "word-97.doc",
        _bytes(b"\xd0\xcf\x11\xe0" + bytes(64)),
        "unsupported file type '.doc' (save it as .docx)",
    ),
    Kind("wps.wps", _bytes(text("wps")), "unsupported file type '.wps'"),
    Kind("sheet.xlsx", _bytes(text("xlsx")), "unsupported file type '.xlsx'"),
    Kind("image.png", _bytes(PNG), "unsupported file type '.png'"),
)

#: ``manifest.yaml`` lines of a folder of its own; each entry is wrong in one way.
MANIFEST = """\
good.txt:
  doc_id: fault-good
  title: 一份好的文件
  date: 2020-05-06
bad-date.txt:
  date: 2013-13-45
bad-issuer.txt:
  issuer: 5
bad-doc-id.txt:
  doc_id: [a, b]
unknown-key.txt:
  auther: 某人
bad-year.txt:
  year: 20199
not-a-mapping.txt: just a string
year-contradicts.txt:
  date: 2020-01-01
  year: 2019
empty-issuer.txt:
  issuer: []
clash-a.txt:
  doc_id: fault-clash
clash-b.txt:
  doc_id: fault-clash
"""

#: Files of the manifest folder refused for their entry: (name, line, words of the reason).
MANIFEST_REFUSALS: tuple[tuple[str, int, str], ...] = (
    ("bad-date.txt", 6, "date '2013-13-45' is not a real date"),
    ("bad-issuer.txt", 8, "issuer must be non-empty text, not a number"),
    ("bad-doc-id.txt", 10, "doc_id must be non-empty text, not a list"),
    ("unknown-key.txt", 12, "unknown key 'auther'"),
    ("bad-year.txt", 14, "year must be a year between 1900 and 2100"),
    ("not-a-mapping.txt", 15, "the entry must be a mapping"),
    ("year-contradicts.txt", 17, "year 2019 contradicts date 2020-01-01"),
    ("empty-issuer.txt", 20, "issuer must name at least one body"),
)
#: Manifest-folder files that are built: the good entry and the first of the clash.
MANIFEST_BUILT = ("good.txt", "clash-a.txt")


def make_batch(folder: Path) -> tuple[list[Path], dict[Path, str]]:
    """Write a whole batch; returns (every path, in order) and the refusal words per path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    expected: dict[Path, str] = {}
    for name in GOOD_SEEDS:
        path = folder / name
        path.write_bytes((SEEDS / name).read_bytes())
        paths.append(path)
    copy = folder / "zz-copy-of-the-task-division.txt"
    copy.write_bytes((SEEDS / GOOD_SEEDS[0]).read_bytes())
    paths.append(copy)
    expected[copy] = f"same content as {folder / GOOD_SEEDS[0]}"
    for kind in KINDS:
        path = folder / kind.name
        kind.make(path)
        paths.append(path)
        expected[path] = kind.reason
    manifested = folder / "with-manifest"
    manifested.mkdir()
    (manifested / "manifest.yaml").write_text(MANIFEST, encoding="utf-8")
    for name in (*MANIFEST_BUILT, "clash-b.txt", *(n for n, _, _ in MANIFEST_REFUSALS)):
        path = manifested / name
        path.write_bytes(text(name))
        paths.append(path)
    for name, line, words in MANIFEST_REFUSALS:
        expected[manifested / name] = (
            f"{manifested / 'manifest.yaml'}:{line}: entry '{name}': {words}"
        )
    expected[manifested / "clash-b.txt"] = "doc_id 'fault-clash' is already used by"
    return paths, expected


#: How many documents a batch builds: the good seeds and the manifest folder's good files.
BUILT = len(GOOD_SEEDS) + len(MANIFEST_BUILT)
