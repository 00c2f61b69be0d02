"""The report as a list of blocks, and its two renderings: Markdown and one HTML page.

`graph.report.sections` says *what* the report contains once; `to_markdown`
and `to_html` only decide how it looks, so the two documents cannot say
different things.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Items:
    """A numbered list whose items may carry a nested note."""

    items: tuple[tuple[str, str], ...]  # (text, note under it)


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


@dataclass(frozen=True)
class Chart:
    name: str  # file stem under charts/
    caption: str
    svg: str


Block = Heading | Para | Items | Table | Chart


def to_markdown(blocks: Sequence[Block]) -> str:
    """GitHub-flavoured Markdown; charts are linked from charts/."""
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            lines += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, Para):
            lines += [b.text, ""]
        elif isinstance(b, Items):
            for i, (text, note) in enumerate(b.items, start=1):
                lines.append(f"{i}. {text}")
                if note:
                    lines.append(f"   - {note}")
            lines.append("")
        elif isinstance(b, Table):
            lines.append("| " + " | ".join(_md_cell(h) for h in b.headers) + " |")
            lines.append("|" + "|".join(" --- " for _ in b.headers) + "|")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
            lines.append("")
            if b.note:
                lines += [f"*{b.note}*", ""]
        else:
            lines += [f"![{b.caption}](charts/{b.name}.svg)", ""]
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","PingFang SC",
"Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;
line-height:1.55}
h1{border-bottom:2px solid #4e79a7}h2{margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f5f8}figure{margin:1em 0}figure svg{max-width:100%;height:auto}
figcaption{color:#555;font-size:.9em}li{margin:.6em 0}li .note{color:#555;font-size:.85em}
.note{color:#666;font-size:.85em}
"""


def to_html(blocks: Sequence[Block], title: str, lang: str) -> str:
    """One self-contained page: styles and charts inline, no external resource."""
    e = html.escape
    body: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            body.append(f"<h{b.level}>{e(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            body.append(f"<p>{e(b.text)}</p>")
        elif isinstance(b, Items):
            body.append("<ol>")
            for text, note in b.items:
                extra = f'<div class="note">{e(note)}</div>' if note else ""
                body.append(f"<li>{e(text)}{extra}</li>")
            body.append("</ol>")
        elif isinstance(b, Table):
            head = "".join(f"<th>{e(h)}</th>" for h in b.headers)
            rows = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in b.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
            if b.note:
                body.append(f'<p class="note">{e(b.note)}</p>')
        else:
            svg = b.svg[b.svg.index("<svg") :]  # drop the XML prolog and DOCTYPE inside HTML
            body.append(f"<figure>{svg}<figcaption>{e(b.caption)}</figcaption></figure>")
    html_lang = "zh-CN" if lang == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
