"""The Generator: renders every role group (in worker processes) and writes batch and truth files."""
from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import time
from pathlib import Path
from typing import Optional

from .. import calibration as cal
from .assign import GroupPlanner
from .batches import plan_batches
from .describe import DescriptionWriter
from .errors import GenerationError
from .ids import IdFactory
from .pools import Pools
from .render import PostingRenderer
from .schedule import Schedule
from .taxonomy import Taxonomy
from .textbank import TextBank
from .trends import RISING_FIRST_MONTH, RISING_ROLE, RISING_SKILL, RISING_START, RISING_STEP

GENERATOR_VERSION = "1.1.0"


class SpecOutput:
    """Everything one spec (role group) produces: lines per batch, truth lines, counters."""

    def __init__(self, n_batches: int, key: str, role: Optional[str]):
        self.key = key
        self.role = role
        self.batch_lines = [[] for _ in range(n_batches)]
        self.truth_lines: list = []
        self.stats = {"postings": 0, "active_postings": 0, "closed_postings": 0,
                      "observations": 0, "duplicate_lines": 0, "rescraped_postings": 0,
                      "reopened_postings": 0}
        self.warnings: list = []
        self.trends = {"reopened": [], "retitled": []}

    def packed(self):
        """Picklable, compact form: (key, role, [bytes per batch], [line count per batch],
        truth bytes, stats, warnings, trends)."""
        return (self.key, self.role,
                ["".join(x).encode("utf-8") for x in self.batch_lines],
                [len(x) for x in self.batch_lines],
                "".join(self.truth_lines).encode("utf-8"), self.stats, self.warnings, self.trends)


def same_bytes(a: Path, b: Path, chunk: int = 1 << 20) -> bool:
    """Whether two files hold the same bytes."""
    if a.stat().st_size != b.stat().st_size:
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(chunk), fb.read(chunk)
            if x != y:
                return False
            if not x:
                return True


def land(partial: Path, final: Path) -> None:
    """Move a freshly written file into place, unless the file there has the same bytes."""
    if final.exists() and same_bytes(partial, final):
        partial.unlink()
    else:
        os.replace(partial, final)


_WORKER_GEN = None


def _start_method() -> str:
    """fork when this process runs a single thread (cheap, and safe then); spawn otherwise
    (e.g. inside a test session where DuckDB has started native threads)."""
    import multiprocessing as mp
    methods = mp.get_all_start_methods()
    forced = os.environ.get("JOB_MARKET_GENERATOR_START_METHOD")
    if forced in methods:
        return forced
    if "fork" in methods:
        try:
            if len(os.listdir("/proc/self/task")) == 1:
                return "fork"
        except OSError:
            pass
    return "spawn" if "spawn" in methods else methods[0]


def _worker_init(config):
    global _WORKER_GEN
    if _WORKER_GEN is None or _WORKER_GEN.config != config:
        _WORKER_GEN = Generator(*config)


def _worker_spec(index):
    return _WORKER_GEN.render_spec(index)


class Generator:
    """One generation: seed, calibration, scale and description length; ``run`` writes it."""

    def __init__(self, out_dir, seed=42, calibration="article", scale=1.0,
                 description_chars=600, taxonomy: Optional[Taxonomy] = None):
        self.out = Path(out_dir)
        self.seed = int(seed)
        self.calibration = calibration
        self.scale = float(scale)
        self.description_chars = int(description_chars)
        self.tax = taxonomy or Taxonomy()
        self.bank = TextBank(self.tax)
        self.pools = Pools(self.tax)
        self.specs = cal.build_specs(calibration, self.seed)
        self.batches = plan_batches(random.Random(f"job-market:{self.seed}:{calibration}:batches"))
        self.ids = IdFactory(self.seed)
        if len(self.specs) * IdFactory.GH_STRIDE > 10_000_000 or \
                len(self.specs) * IdFactory.LI_STRIDE > 100_000_000:
            raise GenerationError("too many role groups for the id ranges")
        self.config = (str(out_dir), self.seed, calibration, self.scale, self.description_chars)
        self.renderer = PostingRenderer(
            self.tax, self.bank, self.pools, self.ids, Schedule(self.batches),
            DescriptionWriter(self.bank, self.description_chars, self.seed))
        for spec in self.specs:
            fam = spec.title_family
            if fam.startswith("unrelated:"):
                continue
            levels = {l for l, w in spec.other_level_weights if w} | {"entry", "senior", "staff"}
            unsupported = levels - self.pools.supported_levels(fam)
            if unsupported:
                # drop unsupported levels from the weights (they have no title form)
                spec.other_level_weights = tuple(
                    (l, w) for l, w in spec.other_level_weights if l not in unsupported)

    def run(self, workers: int = 1) -> dict:
        """Render every spec and write the raw batches and the truth files; returns a summary."""
        t0 = time.time()
        raw = self.out / "raw"
        truth = self.out / "truth"
        raw.mkdir(parents=True, exist_ok=True)
        truth.mkdir(parents=True, exist_ok=True)
        # Files are written under temporary names, then swapped in, except where the old file
        # holds the very same bytes: it is kept untouched (same mtime), so generating the same
        # seed again lands nothing new and the next `job-market build` has nothing to do.
        wanted = {b.name for b in self.batches}
        for old in raw.glob("batch_*.jsonl*"):
            if old.name not in wanted:
                old.unlink()
        # (temporary files live in a folder of their own: creating them would change the raw
        # folder's mtime, which `job-market build` counts as a landing)
        partials = self.out / ".partial"
        shutil.rmtree(partials, ignore_errors=True)
        partials.mkdir()
        counts = {"postings": 0, "active_postings": 0, "closed_postings": 0, "observations": 0,
                  "duplicate_lines": 0, "rescraped_postings": 0, "reopened_postings": 0}
        by_role: dict = {}
        warnings: list = []
        trends: dict = {"reopened": [], "retitled": []}
        line_counts = [0] * len(self.batches)
        indices = list(range(len(self.specs)))
        workers = max(1, min(int(workers), len(indices)))
        pool = None
        global _WORKER_GEN
        if workers > 1:
            # workers render whole specs; results come back in spec order, so the bytes written
            # do not depend on the number of workers. The pool starts before any output file
            # is opened (forked workers inherit no open writers).
            import multiprocessing as mp
            ctx = mp.get_context(_start_method())
            _WORKER_GEN = self
            pool = ctx.Pool(workers, initializer=_worker_init, initargs=(self.config,))
        handles = []
        try:
            for b in self.batches:
                fh = open(partials / b.name, "wb")
                gz = gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0,
                                   compresslevel=1) if b.gz else None
                handles.append((fh, gz))
            if pool is None:
                results = (self.render_spec(i) for i in indices)
            else:
                results = pool.imap(_worker_spec, indices, chunksize=1)
            with open(truth / "postings_truth.jsonl", "wb") as tfh:
                for key, role, chunks, nlines, truth_bytes, stats, warns, picked in results:
                    for bi, data in enumerate(chunks):
                        if data:
                            fh, gz = handles[bi]
                            (gz or fh).write(data)
                        line_counts[bi] += nlines[bi]
                    tfh.write(truth_bytes)
                    for k, v in stats.items():
                        counts[k] += v
                    r = by_role.setdefault(role or "(none)", {"active": 0, "closed": 0})
                    r["active"] += stats["active_postings"]
                    r["closed"] += stats["closed_postings"]
                    warnings.extend(warns)
                    for k, ids in picked.items():
                        trends[k].extend(ids)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
                _WORKER_GEN = None
            for fh, gz in handles:
                if gz is not None:
                    gz.close()
                fh.close()
        for b in self.batches:
            land(partials / b.name, raw / b.name)
        partials.rmdir()
        elapsed = time.time() - t0
        counts["by_role"] = by_role
        manifest = {
            "generator_version": GENERATOR_VERSION,
            "seed": self.seed,
            "calibration": self.calibration,
            "scale": self.scale,
            "description_chars": self.description_chars,
            "counts": counts,
            "files": [{"name": b.name, "lines": line_counts[i], "gzip": b.gz,
                       "scrape_date": b.date.isoformat()} for i, b in enumerate(self.batches)],
            "warnings": warnings,
            "trends": {
                "rising_skill": {"role": RISING_ROLE, "skill": RISING_SKILL,
                                 "first_month": RISING_FIRST_MONTH.isoformat(),
                                 "start_share": RISING_START, "monthly_step": RISING_STEP},
                "reopened_postings": trends["reopened"],
                "retitled_postings": trends["retitled"],
            },
        }
        with open(truth / "manifest.json", "w", encoding="utf-8") as f:
            json.dump(manifest, f, indent=2, sort_keys=True)
            f.write("\n")
        summary = dict(manifest)
        summary["out_dir"] = str(self.out)
        summary["elapsed_seconds"] = round(elapsed, 3)
        summary["workers"] = workers
        return summary

    def render_spec(self, index: int):
        """Render spec ``index`` into memory (deterministic on its own)."""
        spec = self.specs[index]
        self.ids.start_spec(index)
        out = SpecOutput(len(self.batches), spec.key, spec.role)
        self.renderer.trends.start_spec(spec.role)
        n_active = spec.scaled_n(self.scale)
        n_closed = cal.round_half_away(cal.frac(spec.closed_share) * n_active)
        rng = random.Random(f"job-market:{self.seed}:{self.calibration}:{spec.key}")
        planner = GroupPlanner(self.tax, out.warnings)
        postings = []
        for active, n in ((True, n_active), (False, n_closed)):
            if n <= 0:
                continue
            gc = cal.group_counts(spec, n, with_premium=active and spec.exact)
            postings.extend(planner.plan(rng, spec, gc, active, len(postings)))
        rng.shuffle(postings)
        rnd = rng.random
        for p in postings:
            self.renderer.render(rnd, spec, p, out)
        return out.packed()
