"""Every title and location form the generator may write, each checked to read as intended."""
from __future__ import annotations

from .errors import GenerationError
from .taxonomy import Taxonomy
from .vocab import (BOARD_FORMS, LEVEL_FORMS, LOCATION_KEYWORD_FORMS, LOCATIONS, REMOTE_LOCATIONS,
                    TITLE_DECORATIONS, TITLE_FAMILIES, UNRELATED_PREFIXES, UNRELATED_TITLES,
                    WORKPLACE_FORMS)


class Pools:
    """Title forms by (title family, level) and location forms by (country, arrangement), each
    checked against a Taxonomy to read as intended."""

    def __init__(self, tax: Taxonomy):
        self.tax = tax
        self.titles: dict = {}       # (family, level) -> [title]
        for fam, spec in TITLE_FAMILIES.items():
            role = tax.role_by_slug.get(spec["role_slug"])
            if role is None:
                raise GenerationError(f"title family {fam!r}: roles.csv has no role_slug "
                                      f"{spec['role_slug']!r}")
            for level, forms in LEVEL_FORMS.items():
                out = []
                for form in forms:
                    if "{m}" in form:
                        heads = spec["mgmt"]
                    elif "{n}" in form:
                        heads = [b[:-1] for b in spec["bases"] if b.endswith("*")]
                    else:
                        heads = [b.rstrip("*") for b in spec["bases"]]
                    for h in heads:
                        t = form.replace("{m}", h).replace("{n}", h).replace("{b}", h)
                        self._check_title(t, role, level)
                        out.append(t)
                if out:
                    self.titles[(fam, level)] = out
            self.titles[(fam, "plain")] = [b.rstrip("*") for b in spec["bases"]]
        for title in (b.rstrip("*") for spec in TITLE_FAMILIES.values() for b in spec["bases"]):
            for dec in TITLE_DECORATIONS:
                r0, r1 = tax.classify_role(title), tax.classify_role(title + dec)
                l0, l1 = tax.classify_level(title, None), tax.classify_level(title + dec, None)
                if r0 != r1 or l0 != l1:
                    raise GenerationError(f"decoration {dec!r} changes {title!r}")
        for lvl, boards in BOARD_FORMS.items():
            for b in boards:
                got = tax.classify_level("Engineer", b)
                if got != lvl:
                    raise GenerationError(f"board value {b!r} reads as {got}, not {lvl}")
        self.unrelated: dict = {}
        for fam, titles in UNRELATED_TITLES.items():
            out = []
            for t in titles:
                for p in UNRELATED_PREFIXES:
                    full = p + t
                    if tax.classify_role(full) is not None:
                        raise GenerationError(f"unrelated title {full!r} matches role "
                                              f"{tax.classify_role(full)}")
                    out.append(full)
            self.unrelated[fam] = out
        # locations --------------------------------------------------------------------------
        self.loc_plain: dict = {}     # country -> [loc] stating no arrangement
        self.loc_kw: dict = {}        # (country, arrangement) -> [loc]
        for country, locs in LOCATIONS.items():
            for l in locs:
                self._check_loc(l, country, ("unspecified",))
                self.loc_plain.setdefault(country, []).append(l)
                if country is None:
                    continue
                for arr, forms in LOCATION_KEYWORD_FORMS.items():
                    for f in forms:
                        full = f.format(l=l)
                        self._check_loc(full, country, (arr,))
                        self.loc_kw.setdefault((country, arr), []).append(full)
        for country, locs in REMOTE_LOCATIONS.items():
            for l in locs:
                self._check_loc(l, country, ("remote",))
                # remote-only forms are the common way to say remote: weight them up
                self.loc_kw.setdefault((country, "remote"), []).extend([l] * 6)
        for arrs, forms in WORKPLACE_FORMS.items():
            for f in forms:
                got = tax.classify_arrangements(f, None)
                if got != arrs:
                    raise GenerationError(f"workplace type {f!r} reads as {got}, not {arrs}")

    def _check_title(self, title, role, level):
        got_r = self.tax.classify_role(title)
        got_l = self.tax.classify_level(title, None)
        if got_r != role or got_l != level:
            raise GenerationError(
                f"title {title!r} reads as ({got_r}, {got_l}), intended ({role}, {level})")

    def _check_loc(self, loc, country, arr):
        got_c = self.tax.classify_country(loc)
        got_a = self.tax.classify_arrangements(None, loc)
        if got_c != country or got_a != arr:
            raise GenerationError(
                f"location {loc!r} reads as ({got_c}, {got_a}), intended ({country}, {arr})")

    def supported_levels(self, fam: str) -> set:
        out = {lvl for (f, lvl) in self.titles if f == fam and lvl != "plain"}
        return out | set(BOARD_FORMS)

