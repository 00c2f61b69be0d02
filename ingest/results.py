"""Each document's result on disk, written by the process that extracted it.

A build keeps every extraction under its cache key (`ingest.extract.extraction_key`)
in a results folder — the store's cache. The worker that extracted a document
writes it there the moment it is done, before handing it back: a build killed
in the middle (SIGKILL, a lost machine) then loses at most the documents in
flight, and the next build takes up the rest. On a cluster the folder is
shared storage written by many machines at once, so every file is written to
a temporary name in the same folder and moved into place with `os.replace`
(atomic on POSIX file systems and on NFS within one folder): a reader sees
the whole file or none, never half of one, and two workers writing the same
document write the same bytes.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from innograph.ingest import extract
from innograph.ingest.atomic import write_atomic
from innograph.ingest.manifest import entry_for
from innograph.ingest.model import DocumentExtraction


def result_name(path: str, extraction: DocumentExtraction) -> str:
    """The file name of `extraction` of the file at `path`: its cache key, ``.json``."""
    key = extract.extraction_key(extraction.sha256, entry_for(path), Path(path).name)
    return f"{key}.json"


def result_bytes(extraction: DocumentExtraction) -> bytes:
    """The stored form: sorted keys, so the same extraction always gives the same bytes."""
    text = json.dumps(extraction.to_dict(), ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


def extract_one(path: str, results: str | None = None) -> extract.ExtractResult:
    """Extract one file and, when `results` names a folder, keep the extraction there.

    The one per-document function every engine maps over the files. A folder
    that cannot be written costs only the early keeping: the build stores
    the extraction it is handed anyway (and says so if it cannot either).
    """
    result = extract._safe_extract(path)  # looked up here, so a test may replace it
    if results is not None and result.extraction is not None:
        with contextlib.suppress(OSError):
            write_atomic(Path(results) / result_name(path, result.extraction),
                         result_bytes(result.extraction))  # fmt: skip
    return result
