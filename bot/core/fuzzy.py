"""Typo-tolerant lookup in a large list of strings, without scoring every string.

Scoring 40,000 names with rapidfuzz for every misspelt query costs about 3 ms; a trigram
index first narrows the list to the strings that share enough three-letter pieces with the
query, and only those are scored. Built once per list and reused until the list changes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence

from rapidfuzz import fuzz, process

MIN_SHARED = 0.34  # share of the query's trigrams a candidate must have
# A trigram held by at least this share of the strings is kept as a bit set (one bit per
# string) instead of a list of positions. The common trigrams (a first name's, a frequent
# ending's) are where counting list by list spent its time: at 37,000 names, 15,000 positions
# counted per misspelt name, 2.3 of its 3.2 ms. At 1/256 a misspelt name costs 0.48 ms there
# and the index 2.6 MB (1/64: 0.67 ms, 2.3 MB; 1/1024: 0.40 ms, 7.5 MB): a bit set is at most
# four times the list it replaces (bench/README.md, "Misspelt names at a million statements")
DENSE_SHARE = 1 / 256
_ONE = re.compile("1")


def trigrams(text: str) -> set[str]:
    """Three-letter pieces of the padded text: 'ab' gives {'  a', ' ab', 'ab '}."""
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class TrigramIndex:
    """Strings indexed by their trigrams, for ``near`` lookups.

    A common trigram's strings are a bit set, a rare one's a list of positions. ``near``
    counts the shared trigrams of every string at once over the bit sets (a binary counter
    kept as bit planes: plane i holds bit i of every string's count) and one by one over
    the lists, so a query costs a few dozen operations on bit sets plus its rare trigrams'
    positions, not a Python step per position of every trigram."""

    def __init__(self, strings: Sequence[str]) -> None:
        self.strings = strings
        self._members = frozenset(strings)
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for position, text in enumerate(strings):
            for gram in trigrams(text):
                postings[gram].append(position)
        dense = max(1, int(len(strings) * DENSE_SHARE))
        self._postings = {g: p for g, p in postings.items() if len(p) < dense}
        self._bits = {g: _bit_set(p, len(strings)) for g, p in postings.items() if len(p) >= dense}

    @property
    def bit_sets(self) -> int:
        """How many trigrams are held as bit sets (the rest as position lists)."""
        return len(self._bits)

    def near(self, query: str, *, limit: int, cutoff: float) -> list[tuple[str, float]]:
        """The strings most like ``query`` scoring at least ``cutoff`` (0-100), best first."""
        if is_own_nearest(query, self._members, limit):
            return [(query, 100.0)]
        grams = trigrams(query)
        needed = max(1, int(len(grams) * MIN_SHARED))
        strings = self.strings
        candidates = [strings[position] for position in self._sharing(grams, needed)]
        # rapidfuzz scores the candidates in one call (the scores are fuzz.ratio's): at 40,000
        # names a typo'd name has about 900 candidates, a Python loop over them ~1 ms
        found = process.extract(
            query, candidates, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        )
        scored = [(text, score) for text, score, _ in found if score]
        scored.sort(key=lambda pair: (-pair[1], pair[0]))
        return scored[:limit]

    def _sharing(self, grams: set[str], needed: int) -> list[int]:
        """Positions of the strings holding at least ``needed`` of ``grams``: those with
        enough common trigrams, and those whose rare ones make up the rest."""
        planes = _count_planes(self._bits[g] for g in grams if g in self._bits)
        rare: Counter[int] = Counter()
        for gram in grams:
            rare.update(self._postings.get(gram, ()))
        enough = _at_least(planes, needed)
        found = _positions(enough)
        if not rare:
            return found
        size = (len(self.strings) + 7) // 8  # bytes, for testing one position's bit cheaply
        counted = enough.to_bytes(size, "little")
        short = {n: _at_least(planes, needed - n).to_bytes(size, "little")
                 for n in set(rare.values()) if n < needed}  # fmt: skip
        for position, count in rare.items():
            if not _holds(counted, position) and (
                count >= needed or _holds(short[count], position)
            ):
                found.append(position)
        return found


def is_own_nearest(query: str, strings: Container[str], limit: int) -> bool:
    """Whether the one nearest string to ``query`` is the query itself, known without a
    lookup: a string of the list is the only one with ``fuzz.ratio`` 100, first in ``near``'s
    order. `said` corrects every word of a phrase it did not find, most of them spelt right,
    and a lookup over a million statements' vocabulary costs 0.2-0.6 ms a word."""
    return limit == 1 and query in strings


def _bit_set(positions: Iterable[int], size: int) -> int:
    """The positions as bits of one integer (bit p set for position p)."""
    data = bytearray((size + 7) // 8)
    for position in positions:
        data[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(data, "little")


def _count_planes(bit_sets: Iterable[int]) -> list[int]:
    """Per position, how many of the bit sets hold it, as bit planes (binary addition of
    one bit set at a time, the carry rippling up through the planes)."""
    planes: list[int] = []
    for carry in bit_sets:
        for level, plane in enumerate(planes):
            planes[level], carry = plane ^ carry, plane & carry
            if not carry:
                break
        else:
            if carry:
                planes.append(carry)
    return planes


def _at_least(planes: list[int], threshold: int) -> int:
    """The positions whose count (in ``planes``) is at least ``threshold`` (>= 1), as bits:
    compared plane by plane from the top, as a comparator compares two binary numbers."""
    if threshold >= 1 << len(planes):
        return 0
    above, equal = 0, -1  # equal: every position so far equal to the threshold's top bits
    for level in reversed(range(len(planes))):
        plane = planes[level]
        if threshold >> level & 1:
            equal &= plane
        else:
            above |= equal & plane
            equal &= ~plane
    return above | equal  # equal is no longer -1: the threshold has a bit in some plane


def _holds(bits: bytes, position: int) -> bool:
    """Whether the bit set (as little-endian bytes) holds ``position``."""
    return bool(bits[position >> 3] >> (position & 7) & 1)


def _positions(bits: int) -> list[int]:
    """The set bits' positions."""
    if not bits:
        return []
    text = format(bits, "b")
    top = len(text) - 1
    return [top - match.start() for match in _ONE.finditer(text)]


_CACHE_SIZE = 4
_cache: dict[int, tuple[Sequence[str], TrigramIndex]] = {}


def index_for(strings: Sequence[str]) -> TrigramIndex:
    """The index of this very list, built on first use (stores hand back the same list object
    until their data changes, so one cached index serves every query in between)."""
    entry = _cache.get(id(strings))
    if entry is not None and entry[0] is strings:
        return entry[1]
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    index = TrigramIndex(strings)
    _cache[id(strings)] = (strings, index)
    return index
