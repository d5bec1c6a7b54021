"""`job-market evaluate`: measured accuracy of the warehouse's classifiers.

The labelled sets in ``evaluation/`` (titles, skill snippets, salaries, locations; see
``evaluation/README.md``) are turned into raw JSON Lines postings, one posting per labelled item,
following the raw landing contract. dbt builds the classifier models on them into a throw-away
DuckDB (its own target and log folders), and the classifiers' outputs are compared with the
labels: precision and recall per classifier, the golden "must not merge" skill pairs, and every
misclassified item.

With ``--generated SEED`` the generator's data for that seed is built in the same run and every
posting is compared with the generator's ground truth (agreement per classifier): the second check,
on data whose truth comes from the generator's reference implementation of the rules.

Definitions (one labelled item = one posting):

* role, seniority, country: the positive class is "has a value" (a role, a level other than
  ``unspecified``, a country). TP: the classifier gives the labelled value; FP: it gives a value
  that is not the label (also when the label is empty); FN: the label has a value the classifier
  does not give. precision = TP / (TP + FP), recall = TP / (TP + FN).
* salary: the positive class is "usable annual USD salary". TP: usable, within one cent of the
  label and with the labelled currency and period; FP: usable but not TP; FN: labelled usable but
  not TP.
* skills: over (snippet, skill) pairs: TP labelled and found, FP found but not labelled, FN
  labelled but not found.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from job_market.project import PROJECT_DIR, WarehouseSettings, dbt_executable

EVALUATION_DIR = PROJECT_DIR / "evaluation"
SOURCE = "evaluation"
SCRAPED_AT = "2026-05-01T12:00:00Z"
DEFAULT_MIN_SCORE = 0.97
CLASSIFIERS = ("role", "seniority", "skills", "salary", "country")
# the classifier models and everything upstream of them (seeds included); tests are left out:
# the evaluation measures accuracy, `dbt build` checks invariants
SELECTION = ["+int_postings_classified", "+int_posting_skills_extracted",
             "+int_posting_arrangements_exploded"]


class EvaluationError(RuntimeError):
    """The labelled sets are malformed or the warehouse could not be built."""


# ---------------------------------------------------------------------------------------------
# labelled sets
# ---------------------------------------------------------------------------------------------

def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _blank_to_none(value: Optional[str]) -> Optional[str]:
    return None if value is None or value.strip() == "" else value.strip()


@dataclass
class LabelledSets:
    titles: list[dict]
    skills: list[dict]
    salaries: list[dict]
    locations: list[dict]

    def counts(self) -> dict[str, int]:
        return {"titles": len(self.titles), "skill snippets": len(self.skills),
                "salaries": len(self.salaries), "locations": len(self.locations)}


def load_sets(directory: Path = EVALUATION_DIR) -> LabelledSets:
    """Read the four labelled CSV files and give every item a posting id."""
    directory = Path(directory)
    try:
        titles = _rows(directory / "titles.csv")
        skills = _rows(directory / "skill_snippets.csv")
        salaries = _rows(directory / "salaries.csv")
        locations = _rows(directory / "locations.csv")
    except FileNotFoundError as exc:
        raise EvaluationError(f"labelled set missing: {exc.filename}") from exc
    for prefix, items in (("title", titles), ("skills", skills), ("salary", salaries),
                          ("location", locations)):
        for i, item in enumerate(items, start=1):
            item["posting_id"] = f"{prefix}-{i:04d}"
    for item in skills:
        tags = _blank_to_none(item.get("tags"))
        item["tag_list"] = json.loads(tags) if tags else None
        item["expected"] = {s.strip() for s in (item.get("expected_skills") or "").split(";")
                            if s.strip()}
    return LabelledSets(titles, skills, salaries, locations)


def _posting(item: dict, title: str = "Evaluation posting", **fields) -> dict:
    out = {"posting_id": item["posting_id"], "source": SOURCE, "scraped_at": SCRAPED_AT,
           "status": "active", "title": title}
    out.update({k: v for k, v in fields.items() if v is not None})
    return out


def _number(value: Optional[str]):
    value = _blank_to_none(value)
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def to_postings(sets: LabelledSets) -> list[dict]:
    """One raw posting (the raw landing contract) per labelled item."""
    postings = []
    for item in sets.titles:
        postings.append(_posting(item, title=item["title"],
                                 seniority=_blank_to_none(item.get("board_seniority"))))
    for item in sets.skills:
        postings.append(_posting(item, description=_blank_to_none(item.get("description")),
                                 skills=item["tag_list"]))
    for item in sets.salaries:
        postings.append(_posting(
            item,
            salary=_blank_to_none(item.get("salary_text")),
            salary_min=_number(item.get("salary_min")),
            salary_max=_number(item.get("salary_max")),
            salary_currency=_blank_to_none(item.get("salary_currency")),
            salary_period=_blank_to_none(item.get("salary_period")),
        ))
    for item in sets.locations:
        postings.append(_posting(item, location=_blank_to_none(item.get("location"))))
    return postings


def write_raw(postings: list[dict], raw_dir: Path, name: str = "evaluation.jsonl") -> Path:
    raw_dir.mkdir(parents=True, exist_ok=True)
    path = raw_dir / name
    with open(path, "w", encoding="utf-8") as handle:
        for posting in postings:
            handle.write(json.dumps(posting, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------------------------------------
# dbt
# ---------------------------------------------------------------------------------------------

def build_classifiers(raw_glob: str, workdir: Path, *, quiet: bool = True) -> Path:
    """dbt build of the classifier models (and their seeds) on the raw files matching raw_glob,
    into workdir/warehouse.duckdb with workdir/target and workdir/logs. Returns the DuckDB path."""
    db_path = workdir / "warehouse.duckdb"
    # always a fresh warehouse: some classifier models are incremental, and a kept folder's old
    # DuckDB would only re-match what changed
    for stale in (db_path, db_path.with_name(db_path.name + ".wal")):
        stale.unlink(missing_ok=True)
    settings = WarehouseSettings(db_path=db_path, raw_glob=raw_glob)
    env = settings.env()
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    command = [
        dbt_executable(), "build",
        "--select", *SELECTION,
        "--exclude-resource-type", "test",
        "--exclude-resource-type", "unit_test",
        "--vars", json.dumps({"posting_sources": ["job_board"]}),
        "--project-dir", str(PROJECT_DIR),
        "--profiles-dir", str(PROJECT_DIR),
        "--target-path", str(workdir / "target"),
        "--log-path", str(workdir / "logs"),
    ]
    result = subprocess.run(command, env=env, cwd=PROJECT_DIR, capture_output=quiet, text=True)
    if result.returncode != 0:
        log = (result.stdout or "") + (result.stderr or "")
        raise EvaluationError(f"dbt build failed (exit {result.returncode}):\n{log[-6000:]}")
    return db_path


def _table(con, name: str) -> str:
    row = con.execute(
        "select table_schema from information_schema.tables where table_name = ? "
        "order by table_schema = 'intermediate' desc limit 1", [name]).fetchone()
    if row is None:
        raise EvaluationError(f"the warehouse has no table {name}")
    return f'"{row[0]}"."{name}"'


def read_outputs(db_path: Path, source: str = SOURCE) -> dict[str, dict]:
    """The classifiers' outputs per posting id of one source."""
    import duckdb

    con = duckdb.connect(str(db_path))
    try:
        classified = _table(con, "int_postings_classified")
        skills_table = _table(con, "int_posting_skills_extracted")
        cursor = con.execute(
            f"""
            select posting_id, posting_key, title, role, seniority_level, location_text,
                country_code, salary_currency_code, salary_period, salary_usd_annual
            from {classified}
            where source = ?
            """, [source])
        names = [d[0] for d in cursor.description]
        out = {r[0]: dict(zip(names, r)) for r in cursor.fetchall()}
        for posting in out.values():
            posting["skills"] = set()
        by_key = {p["posting_key"]: p for p in out.values()}
        for key, skill in con.execute(f"select posting_key, skill from {skills_table}").fetchall():
            if key in by_key:
                by_key[key]["skills"].add(skill)
    finally:
        con.close()
    return out


# ---------------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------------

@dataclass
class Score:
    classifier: str
    items: int = 0
    labelled: int = 0        # positives in the labels (items with a value, or skill labels)
    predicted: int = 0       # positives the classifier gave
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list = field(default_factory=list)   # (item description, expected, got)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    counts: dict
    scores: dict                      # classifier -> Score
    golden: dict                      # golden pair -> [(item id, ok, expected, got)]
    generated: Optional[dict] = None  # classifier -> (agreeing, total), for --generated
    generated_mismatches: Optional[dict] = None
    seconds: float = 0.0

    def below(self, minimum: float) -> list[str]:
        return [f"{name} {metric} {value:.3f}"
                for name, score in self.scores.items()
                for metric, value in (("precision", score.precision), ("recall", score.recall))
                if value < minimum]

    def failed_golden(self) -> list[str]:
        return [f"{pair}: {iid}" for pair, items in self.golden.items()
                for iid, ok, _, _ in items if not ok]


def _score_single(score: Score, expected, got, what: str, none_value=None) -> None:
    expected = None if expected == none_value else expected
    got = None if got == none_value else got
    score.items += 1
    score.labelled += expected is not None
    score.predicted += got is not None
    if got is not None and got == expected:
        score.tp += 1
        return
    if got is not None:
        score.fp += 1
    if expected is not None:
        score.fn += 1
    if got != expected:
        score.errors.append((what, expected, got))


def _describe_title(item: dict) -> str:
    board = _blank_to_none(item.get("board_seniority"))
    return repr(item["title"]) + (f" (board: {board!r})" if board else "")


def score_sets(sets: LabelledSets, outputs: dict[str, dict]) -> tuple[dict, dict]:
    missing = [i["posting_id"] for group in (sets.titles, sets.skills, sets.salaries, sets.locations)
               for i in group if i["posting_id"] not in outputs]
    if missing:
        raise EvaluationError(f"{len(missing)} labelled items did not reach the classifiers: "
                              f"{missing[:5]}")
    scores = {name: Score(name) for name in CLASSIFIERS}
    for item in sets.titles:
        got = outputs[item["posting_id"]]
        what = _describe_title(item)
        _score_single(scores["role"], _blank_to_none(item["expected_role"]), got["role"], what)
        _score_single(scores["seniority"], item["expected_seniority"], got["seniority_level"],
                      what, none_value="unspecified")
    for item in sets.locations:
        got = outputs[item["posting_id"]]
        _score_single(scores["country"], _blank_to_none(item["expected_country"]),
                      got["country_code"], repr(item["location"]))
    salary = scores["salary"]
    for item in sets.salaries:
        got = outputs[item["posting_id"]]
        expected_usd = _number(item.get("expected_usd_annual"))
        expected = None if expected_usd is None else (
            round(float(expected_usd), 2), item["expected_currency"], item["expected_period"])
        got_usd = got["salary_usd_annual"]
        got_value = None if got_usd is None else (
            round(float(got_usd), 2), got["salary_currency_code"], got["salary_period"])
        salary.items += 1
        salary.labelled += expected is not None
        salary.predicted += got_value is not None
        ok = (expected is not None and got_value is not None
              and abs(expected[0] - got_value[0]) <= 0.01 and expected[1:] == got_value[1:])
        if ok:
            salary.tp += 1
            continue
        salary.fp += got_value is not None
        salary.fn += expected is not None
        if expected != got_value:
            fields = [f"{k}={item[k]!r}" for k in ("salary_min", "salary_max", "salary_currency",
                                                  "salary_period") if item.get(k)]
            what = repr(item["salary_text"]) if item.get("salary_text") else "(no text)"
            salary.errors.append((what + (f" [{', '.join(fields)}]" if fields else ""),
                                  expected, got_value))
    skills = scores["skills"]
    golden: dict = {}
    for item in sets.skills:
        got = outputs[item["posting_id"]]["skills"]
        expected = item["expected"]
        skills.items += 1
        skills.labelled += len(expected)
        skills.predicted += len(got)
        skills.tp += len(expected & got)
        skills.fp += len(got - expected)
        skills.fn += len(expected - got)
        what = item["item_id"] + ": " + repr(item["description"] or "")
        if item["tag_list"]:
            what += f" tags {item['tag_list']}"
        if got != expected:
            skills.errors.append((what, sorted(expected - got), sorted(got - expected)))
        pair = _blank_to_none(item.get("golden_pair"))
        if pair:
            golden.setdefault(pair, []).append((item["item_id"], got == expected, sorted(expected),
                                                sorted(got)))
    return scores, golden


# ---------------------------------------------------------------------------------------------
# generated data: agreement with the generator's ground truth
# ---------------------------------------------------------------------------------------------

GENERATED_AGREEMENT_SQL = """
with truth as (
    select * from read_json(?, format = 'newline_delimited')
),
arrangements as (
    select posting_key, list_sort(list(work_arrangement)) as work_arrangements
    from {arrangements} group by posting_key
),
skills as (
    select posting_key, list_sort(list(skill)) as skills
    from {skills} group by posting_key
),
warehouse as (
    select p.*, a.work_arrangements, coalesce(s.skills, []) as skills
    from {classified} as p
    left join arrangements as a using (posting_key)
    left join skills as s using (posting_key)
)
select
    truth.source, truth.posting_id, warehouse.title, warehouse.location_text,
    warehouse.posting_key is null as missing,
    truth.role is not distinct from warehouse.role as role,
    truth.seniority_level is not distinct from warehouse.seniority_level as seniority,
    truth.country_code is not distinct from warehouse.country_code as country,
    coalesce(abs(truth.salary_usd_annual - warehouse.salary_usd_annual) <= 0.01,
             truth.salary_usd_annual is not distinct from warehouse.salary_usd_annual) as salary,
    list_sort(truth.skills) is not distinct from warehouse.skills as skills,
    list_sort(truth.work_arrangements) is not distinct from warehouse.work_arrangements
        as work_arrangement,
    truth.is_active is not distinct from warehouse.is_active as status
from truth
left join warehouse
    on truth.source = warehouse.source and truth.posting_id = warehouse.posting_id
"""
GENERATED_CLASSIFIERS = ("role", "seniority", "skills", "salary", "country", "work_arrangement",
                         "status")


def generated_agreement(db_path: Path, truth_path: Path) -> tuple[dict, dict]:
    import duckdb

    con = duckdb.connect(str(db_path))
    try:
        sql = GENERATED_AGREEMENT_SQL.format(
            classified=_table(con, "int_postings_classified"),
            skills=_table(con, "int_posting_skills_extracted"),
            arrangements=_table(con, "int_posting_arrangements_exploded"),
        )
        cursor = con.execute(sql, [str(truth_path)])
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.close()
    agreement, mismatches = {}, {}
    for name in GENERATED_CLASSIFIERS:
        bad = [r for r in rows if r["missing"] or not r[name]]
        agreement[name] = (len(rows) - len(bad), len(rows))
        mismatches[name] = [(r["source"], r["posting_id"], r["title"], r["location_text"])
                            for r in bad[:5]]
    return agreement, mismatches


# ---------------------------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------------------------

def evaluate(directory: Path = EVALUATION_DIR, *, generated_seed: Optional[int] = None,
             calibration: str = "article", workdir: Optional[Path] = None,
             quiet: bool = True) -> Report:
    """Build the classifiers on the labelled items (and, optionally, on generated data) in a
    temporary folder and score them. The folder is removed unless ``workdir`` is given."""
    started = time.time()
    sets = load_sets(directory)
    owns_workdir = workdir is None
    work = Path(tempfile.mkdtemp(prefix="job-market-evaluate-")) if owns_workdir else Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    try:
        raw_dir = work / "raw"
        if raw_dir.exists():
            shutil.rmtree(raw_dir)
        truth_path = None
        if generated_seed is not None:
            from job_market import generator

            data_dir = work / "generated"
            generator.generate(data_dir, seed=generated_seed, calibration=calibration)
            shutil.copytree(data_dir / "raw", raw_dir)
            truth_path = data_dir / "truth" / "postings_truth.jsonl"
        write_raw(to_postings(sets), raw_dir)
        db_path = build_classifiers(str(raw_dir / "*.jsonl*"), work, quiet=quiet)
        outputs = read_outputs(db_path)
        scores, golden = score_sets(sets, outputs)
        report = Report(sets.counts(), scores, golden)
        if truth_path is not None:
            report.generated, report.generated_mismatches = generated_agreement(db_path, truth_path)
    finally:
        if owns_workdir:
            shutil.rmtree(work, ignore_errors=True)
    report.seconds = round(time.time() - started, 1)
    return report


def _fmt_value(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, tuple):
        usd, currency, period = value
        return f"${usd:,.2f} ({currency}/{period})"
    if isinstance(value, (list, set)):
        return ", ".join(sorted(value)) if value else "-"
    return str(value)


def format_report(report: Report, *, max_errors: Optional[int] = None) -> str:
    counts = ", ".join(f"{n} {k}" for k, n in report.counts.items())
    lines = [f"Classifier accuracy on the labelled sets in evaluation/ ({counts})", ""]
    lines.append(f"{'classifier':<11} {'items':>6} {'labelled':>9} {'predicted':>10} "
                 f"{'TP':>5} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}")
    for name in CLASSIFIERS:
        s = report.scores[name]
        lines.append(f"{name:<11} {s.items:>6} {s.labelled:>9} {s.predicted:>10} {s.tp:>5} "
                     f"{s.fp:>4} {s.fn:>4} {s.precision:>10.3f} {s.recall:>7.3f}")
    lines.append("(skills: labelled and predicted count (snippet, skill) pairs; salary: usable "
                 "salaries; role, seniority, country: items with a value)")
    lines.append("")
    ok_pairs = [p for p, items in report.golden.items() if all(ok for _, ok, _, _ in items)]
    lines.append(f"Golden must-not-merge skill pairs: {len(ok_pairs)} of {len(report.golden)} pass")
    for pair, items in sorted(report.golden.items()):
        status = "ok  " if all(ok for _, ok, _, _ in items) else "FAIL"
        lines.append(f"  {status} {pair} ({len(items)} items)")
    total_errors = sum(len(s.errors) for s in report.scores.values())
    lines.append("")
    lines.append(f"Misclassified items: {total_errors}")
    for name in CLASSIFIERS:
        errors = report.scores[name].errors
        if not errors:
            continue
        lines.append(f"  {name} ({len(errors)}):")
        shown = errors if max_errors is None else errors[:max_errors]
        for what, expected, got in shown:
            if name == "skills":
                lines.append(f"    {what}\n      missed: {_fmt_value(expected)}; "
                             f"extra: {_fmt_value(got)}")
            else:
                lines.append(f"    {what}: expected {_fmt_value(expected)}, got {_fmt_value(got)}")
        if len(shown) < len(errors):
            lines.append(f"    ... {len(errors) - len(shown)} more")
    if report.generated is not None:
        lines.append("")
        lines.append("Agreement with the generator's ground truth (per posting):")
        for name, (agree, total) in report.generated.items():
            share = agree / total if total else 1.0
            lines.append(f"  {name:<17} {agree:>7,} of {total:>7,} ({share:.2%})")
            for mismatch in (report.generated_mismatches or {}).get(name, []):
                lines.append(f"      e.g. {mismatch}")
    lines.append("")
    lines.append(f"({report.seconds} s)")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sets", type=Path, default=EVALUATION_DIR,
                        help="folder holding the labelled CSV files (default: evaluation/)")
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE,
                        help="exit 1 when a precision or recall is below this (default 0.97) or "
                             "a golden pair fails")
    parser.add_argument("--generated", type=int, metavar="SEED", default=None,
                        help="also build the generator's data for SEED and print the agreement "
                             "of every classifier with its ground truth")
    parser.add_argument("--calibration", choices=("article", "random"), default="article",
                        help="calibration of the generated data (with --generated)")
    parser.add_argument("--keep", type=Path, metavar="DIR", default=None,
                        help="build in DIR and keep it (raw files, DuckDB, dbt target and logs)")
    parser.add_argument("--max-errors", type=int, default=None,
                        help="list at most this many misclassified items per classifier")


def run(args: argparse.Namespace) -> int:
    try:
        report = evaluate(args.sets, generated_seed=args.generated,
                          calibration=args.calibration, workdir=args.keep)
    except EvaluationError as exc:
        print(f"job-market evaluate: {exc}", file=sys.stderr)
        return 2
    print(format_report(report, max_errors=args.max_errors))
    problems = report.below(args.min_score) + report.failed_golden()
    if report.generated is not None:
        problems += [f"generated {name} {agree}/{total}"
                     for name, (agree, total) in report.generated.items() if agree != total]
    if problems:
        print(f"\njob-market evaluate: below {args.min_score} or failing: " + "; ".join(problems),
              file=sys.stderr)
        return 1
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m job_market.evaluate",
                                     description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
