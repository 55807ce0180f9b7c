"""Exact and near-duplicate detection for articles.

Exact: the article id (canonical URL, else text hash) and ``content_hash`` (SHA-256 of the cleaned text).

Near: the same wire story on several sites differs in its intro, credits and trailers. Each text becomes
its set of word 5-shingles (lower-cased ``\\w+`` tokens); a MinHash signature of ``PERMUTATIONS`` values
estimates the Jaccard similarity of two such sets. Locality-sensitive hashing cuts the signature into
``BANDS`` bands of ``ROWS`` values; two articles sharing any band key are candidates (the chance that a
pair with Jaccard J shares a band is ``1 - (1 - J**ROWS)**BANDS``: 0.9998 at J = 0.7, 0.0002 at J = 0.05).
Candidates are confirmed on the exact Jaccard of their shingle sets, so LSH only decides whom to compare.

A small implementation instead of ``datasketch``: it needs numpy only (already there through spaCy),
and the band keys must be stable strings stored in the database across versions.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
_PRIME = np.uint64((1 << 61) - 1)  # Mersenne prime: a * x + b below 2**64 for 32-bit a, b, x
_WORD_RE = re.compile(r"\w+")

# fixed seed: band keys are stored, so the permutations must never change between runs or versions
_rng = np.random.default_rng(20241119)
_A = _rng.integers(1, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 32, size=PERMUTATIONS, dtype=np.uint64)


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the cleaned text, as stored in ``articles.content_hash``."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# texts whose shingles are kept: an ingest computes an article's shingles for its band keys, then again in the
# duplicate check before analysis and in the one inside the write (and a near-duplicate candidate's each time)
SHINGLES_KEPT = 128


@lru_cache(maxsize=SHINGLES_KEPT)
def shingles(text: str) -> frozenset[int]:
    """CRC-32 hashes of the word 5-shingles of ``text`` (one shingle for a shorter text); the last
    ``SHINGLES_KEPT`` texts' are kept (a frozenset: the same answer shared)."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return frozenset({zlib.crc32(" ".join(words).encode("utf-8"))}) if words else frozenset()
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8"))
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b|; 0.0 for two empty sets."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def minhash(shingle_set: frozenset[int]) -> tuple[int, ...]:
    """The MinHash signature: for each permutation, the smallest permuted shingle hash."""
    if not shingle_set:
        return (0,) * PERMUTATIONS
    x = np.fromiter(shingle_set, dtype=np.uint64, count=len(shingle_set))
    permuted = (np.outer(x, _A) + _B) % _PRIME  # shape (shingles, PERMUTATIONS)
    return tuple(int(v) for v in permuted.min(axis=0))


def band_keys(text: str) -> tuple[str, ...]:
    """The LSH keys of ``text``: ``"<band>:<16 hex digits>"``, one per band."""
    signature = minhash(shingles(text))
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode("ascii"), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return tuple(keys)


def similarity(text_a: str, text_b: str) -> float:
    """Exact Jaccard similarity of the two texts' shingle sets."""
    return jaccard(shingles(text_a), shingles(text_b))
