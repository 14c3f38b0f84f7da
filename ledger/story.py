"""Story overlap: how much two articles share their wording.

Each article gets a fingerprint at ingest: the sorted hashes of its content-word
bigrams (stored in ``articles.shingles``). Linking builds an inverted index over all
fingerprints with numpy and finds, for every pair of articles that share wording, the
share of the shorter article's bigrams found in the other (containment). Two outlets
copying one agency report share a third or more; unrelated stories a few percent.
"""

from __future__ import annotations

import zlib
from itertools import pairwise

import numpy as np

from .words import content_words_of_normalized

# bigrams found in more articles than this are boilerplate, not evidence of one story
MAX_POSTING = 12


def fingerprint(words: list[str]) -> bytes:
    """Sorted unique CRC32 hashes of the bigrams of ``words``, as bytes."""
    grams = {zlib.crc32(f"{x} {y}".encode()) for x, y in pairwise(words)}
    return np.array(sorted(grams), dtype="<u4").tobytes()


def normalized_fingerprint(norm_text: str) -> bytes:
    """Fingerprint of an already normalised article text."""
    return fingerprint(content_words_of_normalized(norm_text))


class StoryIndex:
    """Containment of every pair of articles that share wording."""

    def __init__(self, fingerprints: dict[str, bytes]) -> None:
        self.index = {aid: i for i, aid in enumerate(fingerprints)}
        n = len(self.index)
        self.n = n
        arrays = [np.frombuffer(fp or b"", dtype="<u4") for fp in fingerprints.values()]
        sizes = np.array([len(a) for a in arrays], dtype=np.int64)
        self.sizes = sizes
        if not n or not sizes.sum():
            self.keys = np.zeros(0, dtype=np.int64)
            self.values = np.zeros(0, dtype=np.float32)
            return
        grams = np.concatenate(arrays).astype(np.int64)
        owner = np.repeat(np.arange(n, dtype=np.int64), sizes)
        order = np.argsort(grams, kind="stable")
        grams, owner = grams[order], owner[order]
        starts = np.flatnonzero(np.r_[True, grams[1:] != grams[:-1]])
        counts = np.diff(np.r_[starts, len(grams)])
        keys = []
        for size in range(2, MAX_POSTING + 1):
            groups = starts[counts == size]
            if not len(groups):
                continue
            members = owner[groups[:, None] + np.arange(size)[None, :]]
            i, j = np.triu_indices(size, k=1)
            a, b = members[:, i].ravel(), members[:, j].ravel()
            lo, hi = np.minimum(a, b), np.maximum(a, b)
            keys.append(lo * n + hi)
        if not keys:
            self.keys = np.zeros(0, dtype=np.int64)
            self.values = np.zeros(0, dtype=np.float32)
            return
        uniq, shared = np.unique(np.concatenate(keys), return_counts=True)
        lo, hi = uniq // n, uniq % n
        smaller = np.maximum(1, np.minimum(sizes[lo], sizes[hi]))
        self.keys = uniq
        self.values = (shared / smaller).astype(np.float32)

    def lookup(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Containment for article index pairs (1 for an article with itself)."""
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        keys = lo.astype(np.int64) * self.n + hi
        pos = np.searchsorted(self.keys, keys)
        pos = np.minimum(pos, max(0, len(self.keys) - 1))
        found = (
            (len(self.keys) > 0) & (self.keys[pos] == keys)
            if len(self.keys)
            else np.zeros(len(keys), bool)
        )
        out = np.where(found, self.values[pos] if len(self.values) else 0.0, 0.0).astype(np.float32)
        out[a == b] = 1.0
        return out
