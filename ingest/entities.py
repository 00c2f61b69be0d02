"""Entity mentions in a text: where the spaCy pipeline of `ingest.nlp` finds names.

`find_entities` is the one call the extraction makes per document. It cuts
the text at line ends into chunks of about `CHUNK_CHARS`: names never cross
a line, so no name is lost at a cut; a few long Docs cost spaCy far less per
character than many short ones (each Doc has a fixed cost); and the cap
keeps a huge file from becoming one huge Doc. The result is flat, ordered
and non-overlapping (the longest name wins), with offsets into the text
given, so it can be cut into per-task mentions by span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from innograph.ingest.gazetteer import Gazetteer
from innograph.ingest.nlp import (
    cut_words,
    gazetteer_names,
    get_nlp,
    longest_first,
    suffix_names,
    with_levels,
)
from spacy.language import Language


@dataclass(frozen=True)
class EntitySpan:
    """A name as written at ``text[start:end]``, with its type.

    `gazetteer_id` is set when the gazetteer names this body unambiguously;
    otherwise `ingest.resolve` decides, inside the document's jurisdiction.
    """

    surface: str
    type: str
    start: int
    end: int
    gazetteer_id: str | None = None


def find_entities(
    text: str, nlp: Language | None = None, *, gazetteer: Gazetteer | None = None
) -> list[EntitySpan]:
    """Every entity mention of `text`, in order, non-overlapping.

    `nlp` defaults to the pipeline of `gazetteer` (`ingest.nlp.get_nlp`; the
    project's gazetteer when none is given). The
    result equals the entities of ``nlp(text)``; it is computed from the
    tokenizer, the ruler's PhraseMatcher and the suffix rules directly,
    because setting ``doc.ents`` twice costs more than finding the names.

    >>> [(e.surface, e.type, e.start, e.end) for e in find_entities("推进昌吉特变电工科技城建设")]
    [('昌吉特变电工科技城', 'Park', 2, 11)]
    """
    nlp = nlp or get_nlp(gazetteer)
    ruler = nlp.get_pipe("entity_ruler")
    pieces = list(_chunks(text))
    out = []
    for (offset, piece), doc in zip(pieces, map(nlp.make_doc, (p for _, p in pieces)), strict=True):
        known = cut_words(piece, gazetteer_names(doc, ruler))
        found = [(s, e, label, None) for s, e, label in suffix_names(piece, [k[:2] for k in known])]
        leveled = with_levels(piece, longest_first(known))  # as on the ruler's doc.ents
        for start, end, label, ent_id in longest_first([*known, *found, *leveled]):
            out.append(EntitySpan(piece[start:end], label, offset + start, offset + end, ent_id))
    return out


#: Characters per Doc: large enough to amortise a Doc's fixed cost.
CHUNK_CHARS = 20_000


def _chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)``: `text` cut at line ends into pieces of about `size`."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        yield start, text[start:end]
        start = end
