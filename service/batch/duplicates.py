"""Tell a document id seen before in this run, in 16 bytes of memory per id.

A set of the ids themselves would cost a hundred bytes and more per document, which an
archive of a hundred million documents cannot afford. This keeps a 64-bit digest of each id
(Python's string hash, SipHash) in an open-addressing table at most half full. Two different
ids share a digest once in 2**64 pairs: among 100 million documents, a false "seen before"
about once in 3,700 runs, and only ever a warning.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

_MASK = (1 << 64) - 1
_FIRST_SLOTS = 1 << 10


class SeenIds:
    """The ids seen so far."""

    def __init__(self) -> None:
        self._slots = array("Q", bytes(8 * _FIRST_SLOTS))  # 0: empty
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, document_id: str) -> bool:
        """Remember ``document_id``; return True if it was seen before."""
        return bool(self.repeats((document_id,)))

    def repeats(self, ids: Iterable[str | None]) -> list[int]:
        """Remember each id (None: a document without one, skipped); return where a seen one is.

        The positions in ``ids`` of those seen before (earlier in ``ids`` too). One loop for a
        whole chunk's ids: the main process of a batch job runs it for every document.
        """
        found = []
        slots, mask = self._slots, len(self._slots) - 1
        for position, document_id in enumerate(ids):
            if document_id is None:
                continue
            if 2 * (self._count + 1) > len(slots):
                self._grow()
                slots, mask = self._slots, len(self._slots) - 1
            digest = hash(document_id) & _MASK or 1
            slot = digest & mask
            while held := slots[slot]:
                if held == digest:
                    found.append(position)
                    break
                slot = (slot + 1) & mask
            else:
                slots[slot] = digest
                self._count += 1
        return found

    def _insert(self, digest: int) -> None:
        """Put a digest not in the table yet into it (growing it)."""
        slots = self._slots
        mask = len(slots) - 1
        slot = digest & mask
        while slots[slot]:
            slot = (slot + 1) & mask
        slots[slot] = digest
        self._count += 1

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", bytes(16 * len(old)))
        self._count = 0
        for digest in old:
            if digest:
                self._insert(digest)
