"""Every view's state in the URL, so a copied address opens the same view.

A widget and a query parameter are kept in step: before the widget is drawn,
a value in the URL the session has not applied yet (a link followed, an
address pasted into a new tab) becomes the widget's value; after it is drawn,
the widget's value is written back, and a value at its default leaves the
URL. Values the session wrote itself are remembered (``_url_seen``), so a
planner's own change is never overridden by the URL it just produced.

Pages link to each other with `open_page` (``st.switch_page`` with query
parameters): the same tab and the same Streamlit session, so the language
and the data source stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from typing import Any

import streamlit as st
from innograph.app.navigation import page_path

_SEEN = "_url_seen"


def _seen() -> dict[str, Any]:
    return st.session_state.setdefault(_SEEN, {})


def _raw(param: str, many: bool) -> Any:
    if many:
        values = tuple(st.query_params.get_all(param))
        return values or None
    return st.query_params.get(param) or None


def adopt(
    param: str,
    widget_key: str,
    decode: Callable[[Any], Any] = lambda v: v,
    *,
    many: bool = False,
) -> None:
    """Before drawing a widget: take a URL value this session has not applied yet.

    `decode` turns the raw value (a string, or a tuple of strings when
    `many`) into the widget's value; it may raise `ValueError` for a value
    that makes no sense, which is then ignored.
    """
    raw = _raw(param, many)
    if raw is None or (raw == _seen().get(param) and widget_key in st.session_state):
        return
    with suppress(ValueError, KeyError):
        st.session_state[widget_key] = decode(raw)
    _seen()[param] = raw


def fresh(param: str) -> str | None:
    """A URL value this session has not applied yet (then marked applied), else None.

    For widgets that must be drawn with ``value=`` rather than through
    ``st.session_state`` (the console's editor).
    """
    raw = _raw(param, False)
    if raw is None or raw == _seen().get(param):
        return None
    _seen()[param] = raw
    return raw


def one_of(choices: Iterable[str]) -> Callable[[str], str]:
    """A `decode` that accepts only `choices` (a language, a source, a view)."""
    allowed = set(choices)

    def decode(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(raw)
        return raw

    return decode


def publish(param: str, value: Any, default: Any = None) -> None:
    """After drawing a widget: write its value to the URL (none at its default)."""
    if value is None or value == default or value in ("", [], ()):
        st.query_params.pop(param, None)
        _seen()[param] = None
        return
    if isinstance(value, list | tuple):
        encoded: str | list[str] = [str(v) for v in value]
        _seen()[param] = tuple(encoded)
    else:
        encoded = str(value)
        _seen()[param] = encoded
    st.query_params[param] = encoded


def forget(param: str) -> None:
    """Drop a parameter the view no longer uses (and the session's memory of it)."""
    st.query_params.pop(param, None)
    _seen().pop(param, None)


def open_page(name: str, **params: str | Sequence[str]) -> None:
    """Go to page `name` with `params`, in this tab and this session (never returns)."""
    st.switch_page(page_path(name), query_params=_with_frame(params))


def _with_frame(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters of a link, plus the language and source every view carries."""
    frame = {k: st.query_params[k] for k in ("lang", "source") if k in st.query_params}
    return {**frame, **params}


def link(name: str, label: str, **params: str) -> None:
    """A link to page `name` with `params` (``st.page_link``: same tab, same session)."""
    st.page_link(page_path(name), label=label, query_params=_with_frame(params))
