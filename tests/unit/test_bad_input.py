"""Bad input: one clear line naming the file and the reason, never a traceback."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from innograph.ingest.load import MAX_BYTES, load, load_bytes
from innograph.ingest.model import IngestError
from innograph.ingest.normalize import normalize, normalize_text
from innograph.ingest.structure import parse_structure


def refusal(path: Path) -> str:
    with pytest.raises(IngestError) as caught:
        load(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return caught.value.reason


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert refusal(path) == "empty file"


def test_whitespace_only_file_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("\n\u3000\u3000\n  \n", encoding="utf-8")
    assert refusal(path) == "no readable text"


def test_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "gone.txt") == "no such file"


@pytest.mark.parametrize("name", ["setup.exe", "tasks.xlsx", "photo.jpg", "notice.doc"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes("科技厅牵头".encode())
    reason = refusal(path)
    assert reason.startswith(f"unsupported file type '{path.suffix}'")
    assert ".docx" in reason


def test_binary_file_with_a_text_name(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert refusal(path) == "binary file (not text)"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "image file (PNG), not a text document"),
        (b"MZ\x90\x00" + bytes(200), "executable file, not a document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "legacy Office file (.doc/.xls)"),
    ],
)
def test_binary_formats_are_named(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "upload.txt"
    path.write_bytes(data)
    assert refusal(path).startswith(reason)


def test_undecodable_bytes(tmp_path: Path) -> None:
    # UTF-8 text with a byte no encoding of Chinese text produces
    path = tmp_path / "broken.txt"
    path.write_bytes("科技厅牵头，发改委参加。".encode() * 20 + b"\xff\xfe\xfd" + "财政厅".encode())
    assert refusal(path).startswith("undecodable bytes")


def test_hundred_megabyte_text_is_refused_by_size_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: 100 MB on paper, nothing written
        f.truncate(100 * 2**20)
    tracemalloc.start()
    try:
        reason = refusal(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason == "file too large (100 MB; limit 50 MB)"
    assert peak < 2**20  # the content was never read into memory


def test_upload_over_the_limit_is_refused() -> None:
    with pytest.raises(IngestError, match=r"^big\.txt: file too large"):
        load_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


def test_html_with_only_scripts(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<html><head><script>var s = '科技厅牵头';</script></head>"
        "<body><script src='app.js'></script><noscript>请启用JavaScript</noscript>"
        "<style>body{}</style></body></html>",
        encoding="utf-8",
    )
    assert refusal(path) == "no readable text"


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("readme.txt", "科技厅")
    path = tmp_path / "tasks.docx"
    path.write_bytes(buffer.getvalue())
    assert refusal(path) == "ZIP archive that is not a Word (.docx) document"


def test_damaged_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document>not xml")
    path = tmp_path / "tasks.docx"
    path.write_bytes(buffer.getvalue())
    assert refusal(path).startswith("unreadable .docx")


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 100)
    reason = refusal(path)
    assert reason.startswith("unreadable PDF") or reason == "PDF has no text layer (scanned?)"


def test_pdf_without_a_text_layer(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 400, fill=1)  # a scanned page is a picture: no text
    page.showPage()
    page.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    assert refusal(path) == "PDF has no text layer (scanned?)"


def test_unbalanced_brackets_in_a_clause_do_not_break_anything() -> None:
    raw = (
        "一、重点任务\n"
        "1.建设创新平台。（经信委、科技厅牵头，发改委（行署、财政厅等参加\n"
        "2.培育创新企业。科技厅牵头，财政厅参加）\n"
        "3.优化创新环境。（（科技厅负责】\n"
    )
    loaded = load_bytes(raw.encode(), "unbalanced.txt")
    ndoc = normalize(loaded)
    structure = parse_structure(ndoc)
    assert [u.number for u in structure.units] == ["1", "2", "3"]
    assert (
        structure.units[0].text
        == "1.建设创新平台。（经信委、科技厅牵头，发改委（行署、财政厅等参加"
    )
    # the pair around hanzi widens; the stray ) and ( touch no hanzi and stay
    assert normalize_text("（经信委(牵头)) ((") == "（经信委（牵头）) (("
