"""Posting ids per job board, unique within a board, independent of the rendering order."""
from __future__ import annotations

import hashlib

from .errors import GenerationError
from .sources import SOURCES


class IdFactory:
    """Per-source posting ids, unique within a source by construction: an affine bijection of a
    counter, and every spec (role group) owns its own counter range so specs can be rendered
    independently (in parallel) with identical results. Every 40th workday posting reuses
    greenhouse's numeric scheme for the same counter, so the same id string exists under two
    sources."""

    GH_STRIDE = 400_000          # counter range per spec for the 8-digit greenhouse/workday ids
    LI_STRIDE = 4_000_000        # linkedin: 10-digit ids, counter range per spec

    def __init__(self, seed: int):
        h = int(hashlib.sha256(f"ids:{seed}".encode()).hexdigest(), 16)
        self.b_li = h % 100_000_000
        self.b_gh = (h >> 32) % 10_000_000
        self.b_wd = (h >> 64) % 10_000_000
        self.salt = f"{seed}"
        self.start_spec(0)

    def start_spec(self, index: int) -> None:
        self.spec_index = index
        self.counters = {s: 0 for s in SOURCES}

    def _gh(self, c):
        return str(10_000_000 + (c * 7_654_321 + self.b_gh) % 10_000_000)

    def next(self, source: str) -> str:
        local = self.counters[source]
        self.counters[source] = local + 1
        if source in ("greenhouse", "workday", "linkedin"):
            stride = self.LI_STRIDE if source == "linkedin" else self.GH_STRIDE
            if local >= stride:
                raise GenerationError(f"too many {source} postings in one role group for unique "
                                      f"ids ({stride}); lower --scale")
            c = self.spec_index * stride + local
        else:
            c = f"{self.spec_index}.{local}"
        if source == "linkedin":
            return str(3_800_000_000 + (c * 48_271_907 + self.b_li) % 100_000_000)
        if source == "greenhouse":
            return self._gh(c)
        if source == "workday":
            if local % 40 == 7:
                return self._gh(c)
            return f"JR{(c * 3_214_567 + self.b_wd) % 10_000_000:07d}"
        digest = hashlib.sha1(f"{self.salt}:{source}:{c}".encode()).hexdigest()
        if source == "lever":
            return f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
        return digest[:16]  # indeed

