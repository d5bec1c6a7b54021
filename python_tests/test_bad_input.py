"""Bad input: a corpus of dirty raw files (written here, no committed blobs) built into a throw-away
warehouse with a full `dbt build`. For each kind of dirt the test asserts what happened: the file
reported, the line quarantined with its reason (file + line number), or the posting staged with a
flag. Then the accounting (every line staged or quarantined), the reconciliation with the marts,
the severities of the data-quality tests, and that no contact detail or raw description survives
past staging.

The corpus mixes ~40 kinds of dirt into a few hundred clean postings, so the quarantined share lands
between the warn (1 %) and error (10 %) thresholds: the build warns and completes.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from conftest import dbt
from job_market import publish
from job_market.project import WarehouseSettings

pytestmark = pytest.mark.e2e

SOURCE = "greenhouse"
SCRAPED = "2026-05-01T10:00:00Z"
EMAIL_LOCAL, EMAIL_DOMAIN = "jane.recruiter", "hiring-example.com"
EMAIL = f"{EMAIL_LOCAL}@{EMAIL_DOMAIN}"
PHONE = "+1 415 555 0142"
MARKER = "zebra-quartz-marker"  # a phrase only descriptions hold: must never reach the marts


def posting(posting_id, **fields) -> dict:
    base = {
        "posting_id": posting_id,
        "source": SOURCE,
        "scraped_at": SCRAPED,
        "posted_at": "2026-04-20",
        "title": "Machine Learning Engineer",
        "company": "Acme Robotics",
        "location": "San Francisco, CA",
        "workplace_type": "Remote",
        "salary_min": 150000,
        "salary_max": 180000,
        "salary_currency": "USD",
        "salary_period": "year",
        "skills": ["Python", "PyTorch"],
        "description": f"<p>Train models with Python and PyTorch. {MARKER}</p>",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not ...}


def line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


# --- the corpus -----------------------------------------------------------------------------------


@dataclass
class Case:
    kind: str
    outcome: str  # what the warehouse does, for the report
    file: str
    lines: list  # str (UTF-8 text) or bytes, one per line, written with "\n" unless raw
    quarantined: dict = field(default_factory=dict)  # line number -> reason
    staged: dict = field(default_factory=dict)  # posting_id -> {column: value, "issues": [...], ...}
    file_status: str | None = None
    raw: bytes | None = None  # exact file bytes (overrides lines)
    special: str | None = None  # not a regular file: "directory", "fifo" or "dangling link"


def _dirty(kind, outcome, text, *, reason=None, staged=None) -> Case:
    """One line of dirty.jsonl; its line number is assigned when the file is written."""
    return Case(kind, outcome, "dirty.jsonl", [text],
                quarantined={1: reason} if reason else {}, staged=staged or {})


DIRTY = [
    _dirty("invalid JSON (cut off)", "quarantined: invalid_json",
           '{"posting_id": "q-cut", "source": "greenhouse", "title": ', reason="invalid_json"),
    _dirty("JSON followed by garbage", "quarantined: invalid_json",
           '{"posting_id": "q-trailing"} and then some', reason="invalid_json"),
    _dirty("JSON array instead of object", "quarantined: not_a_json_object",
           '[{"posting_id": "q-array"}]', reason="not_a_json_object"),
    _dirty("JSON null line", "quarantined: not_a_json_object", "null", reason="not_a_json_object"),
    _dirty("JSON string line", "quarantined: not_a_json_object", '"q-string"', reason="not_a_json_object"),
    _dirty("empty line", "quarantined: blank_line", "", reason="blank_line"),
    _dirty("spaces-only line", "quarantined: blank_line", "     ", reason="blank_line"),
    _dirty("missing posting_id", "quarantined: missing_posting_id",
           line(posting(...)), reason="missing_posting_id"),
    _dirty("missing source", "quarantined: missing_source",
           line(posting("q-nosource", source=...)), reason="missing_source"),
    _dirty("missing scraped_at", "quarantined: missing_scraped_at",
           line(posting("q-noscraped", scraped_at=...)), reason="missing_scraped_at"),
    _dirty("missing title", "quarantined: missing_title",
           line(posting("q-notitle", title=...)), reason="missing_title"),
    _dirty("blank title", "quarantined: missing_title",
           line(posting("q-blanktitle", title="   ")), reason="missing_title"),
    _dirty("null title", "quarantined: missing_title",
           line(posting("q-nulltitle", title=None)), reason="missing_title"),
    _dirty("title of wrong type (object)", "quarantined: invalid_title",
           line(posting("q-objtitle", title={"en": "ML Engineer"})), reason="invalid_title"),
    _dirty("posting_id of wrong type (boolean)", "quarantined: invalid_posting_id",
           line(posting(True)), reason="invalid_posting_id"),
    _dirty("source of wrong type (number)", "quarantined: invalid_source",
           line(posting("q-numsource", source=42)), reason="invalid_source"),
    _dirty("unreadable scraped_at", "quarantined: invalid_scraped_at",
           line(posting("q-badtime", scraped_at="last Tuesday")), reason="invalid_scraped_at"),
    _dirty("scraped_at in the future", "quarantined: scraped_at_out_of_range",
           line(posting("q-future", scraped_at="2999-01-01T00:00:00Z")), reason="scraped_at_out_of_range"),
    _dirty("scraped_at before 2000", "quarantined: scraped_at_out_of_range",
           line(posting("q-ancient", scraped_at="1990-01-01T00:00:00Z")), reason="scraped_at_out_of_range"),
    _dirty("keys in the wrong case", "quarantined: missing_posting_id (keys are case-sensitive)",
           '{"Posting_Id": "q-case", "Source": "greenhouse", "Scraped_At": "2026-05-01", "Title": "ML Engineer"}',
           reason="missing_posting_id"),
    _dirty("invalid JSON holding an e-mail", "quarantined: invalid_json, e-mail redacted in raw_line",
           '{"posting_id": "q-mail", "description": "write to ' + EMAIL + '", ', reason="invalid_json"),
    # usable lines with field-level problems: staged, flagged
    _dirty("salary_min \"abc\" (wrong type)", "staged; salary_min_not_numeric; salary unused (no_salary)",
           line(posting("s-abc", salary_min="abc", salary_max="")),
           staged={"s-abc": {"issues": ["salary_min_not_numeric"], "salary_issue": "no_salary"}}),
    _dirty("salary NaN / Infinity", "staged; salary_*_not_numeric; salary unused",
           line(posting("s-nan", salary_min="NaN", salary_max="Infinity")),
           staged={"s-nan": {"issues": ["salary_min_not_numeric", "salary_max_not_numeric"],
                             "salary_issue": "no_salary"}}),
    _dirty("skills as a string", "staged; skills_not_a_list; split on commas",
           line(posting("s-skillstr", skills="Python, SQL")),
           staged={"s-skillstr": {"issues": ["skills_not_a_list"], "skill_tags": ["Python", "SQL"]}}),
    _dirty("skills as an object", "staged; skills_unreadable; tags ignored",
           line(posting("s-skillobj", skills={"python": True})),
           staged={"s-skillobj": {"issues": ["skills_unreadable"], "skill_tags": None}}),
    _dirty("unknown currency (XYZ)", "staged; salary_issue unknown_currency; salary unused",
           line(posting("s-xyz", salary_currency="XYZ")),
           staged={"s-xyz": {"issues": [], "salary_issue": "unknown_currency"}}),
    _dirty("malformed currency (\"US dollars\")", "staged; salary_currency_malformed; unknown_currency",
           line(posting("s-dollars", salary_currency="US dollars")),
           staged={"s-dollars": {"issues": ["salary_currency_malformed"], "salary_issue": "unknown_currency"}}),
    _dirty("unknown salary period (fortnight)", "staged; salary_period_unknown; unknown_period",
           line(posting("s-fortnight", salary_period="fortnight")),
           staged={"s-fortnight": {"issues": ["salary_period_unknown"], "salary_issue": "unknown_period"}}),
    _dirty("negative salary", "staged; salary_issue non_positive_amount",
           line(posting("s-negative", salary_min=-180000, salary_max=-150000)),
           staged={"s-negative": {"issues": [], "salary_issue": "non_positive_amount"}}),
    _dirty("zero salary", "staged; salary_issue non_positive_amount",
           line(posting("s-zero", salary_min=0, salary_max=0)),
           staged={"s-zero": {"issues": [], "salary_issue": "non_positive_amount"}}),
    _dirty("absurd salary (5e9 a year)", "staged; salary_issue above_plausible_range",
           line(posting("s-absurd", salary_min=5e9, salary_max=6e9)),
           staged={"s-absurd": {"issues": [], "salary_issue": "above_plausible_range"}}),
    _dirty("min > max", "staged; salary_issue min_exceeds_max",
           line(posting("s-minmax", salary_min=200000, salary_max=100000)),
           staged={"s-minmax": {"issues": [], "salary_issue": "min_exceeds_max"}}),
    _dirty("hourly values labelled yearly", "staged; salary_issue below_plausible_range",
           line(posting("s-hourly", salary_min=45, salary_max=60, salary_period="year")),
           staged={"s-hourly": {"issues": [], "salary_issue": "below_plausible_range"}}),
    _dirty("posted_at in the future", "staged; posted_at_in_future; posted_date null",
           line(posting("d-future", posted_at="2030-01-01")),
           staged={"d-future": {"issues": ["posted_at_in_future"], "posted_date": None}}),
    _dirty("posted_at before 2000", "staged; posted_at_before_2000; posted_date null",
           line(posting("d-ancient", posted_at="1995-03-01")),
           staged={"d-ancient": {"issues": ["posted_at_before_2000"], "posted_date": None}}),
    _dirty("unreadable posted_at", "staged; posted_at_unreadable; posted_date null",
           line(posting("d-garbage", posted_at="sometime soon")),
           staged={"d-garbage": {"issues": ["posted_at_unreadable"], "posted_date": None}}),
    _dirty("emoji in title", "staged; title kept; role classified",
           line(posting("t-emoji", title="Machine Learning Engineer 🚀🤖")),
           staged={"t-emoji": {"issues": [], "title": "Machine Learning Engineer 🚀🤖",
                               "role": "Machine Learning Engineer"}}),
    _dirty("right-to-left script title", "staged; title kept unchanged",
           line(posting("t-rtl", title="مهندس تعلم الآلة")),
           staged={"t-rtl": {"issues": [], "title": "مهندس تعلم الآلة"}}),
    _dirty("bidi override in title (U+202E)", "staged; override removed; control_characters_removed",
           line(posting("t-rlo", title="AI Engineer\u202egpj.exe")),
           staged={"t-rlo": {"issues": ["control_characters_removed"], "title": "AI Engineergpj.exe"}}),
    _dirty("escaped control characters in title", "staged; replaced by spaces; control_characters_removed",
           line(posting("t-ctl", title="Machine\u0007Learning\u0000Engineer")),
           staged={"t-ctl": {"issues": ["control_characters_removed"], "title": "Machine Learning Engineer",
                             "role": "Machine Learning Engineer"}}),
    _dirty("raw control byte (tab) inside a JSON string", "staged; line repaired; control_characters_removed",
           '{"posting_id": "t-rawtab", "source": "greenhouse", "scraped_at": "2026-05-01T10:00:00Z", '
           '"title": "Machine Learning\tEngineer"}',
           staged={"t-rawtab": {"issues": ["control_characters_removed"], "title": "Machine Learning Engineer"}}),
    _dirty("HTML and script in description", "staged; tags dropped, text kept",
           line(posting("h-html", description="<script>alert('x')</script><b>Python</b> &amp; <i>SQL</i>")),
           staged={"h-html": {"issues": [], "description_text": "alert('x') Python & SQL"}}),
    _dirty("SQL-looking title", "staged verbatim; nothing executed",
           line(posting("h-sql", title="Robert'); DROP TABLE marts.role_metrics; --")),
           staged={"h-sql": {"issues": [], "title": "Robert'); DROP TABLE marts.role_metrics; --"}}),
    _dirty("e-mail and phone in description", "staged; redacted; contact_details_redacted",
           line(posting("p-contact", description=f"Apply: {EMAIL} or call {PHONE}. {MARKER}")),
           staged={"p-contact": {"issues": ["contact_details_redacted"],
                                 "description_text": f"Apply: [email redacted] or call [phone redacted]. {MARKER}"}}),
    _dirty("e-mail and phone in every short field and the skills", "staged; every field redacted; contact_details_redacted",
           line(posting("p-fields", title=f"Machine Learning Engineer ({EMAIL})", company=f"Acme Robotics, call {PHONE}",
                        location=f"San Francisco, CA ({EMAIL_LOCAL}&#64;{EMAIL_DOMAIN})",
                        workplace_type=f"Remote, ask {EMAIL}", employment_type=f"Full-time {PHONE}",
                        seniority=f"Senior {EMAIL_LOCAL}%40{EMAIL_DOMAIN}",
                        salary=f"$150,000 a year, questions to {EMAIL_LOCAL}&commat;{EMAIL_DOMAIN}",
                        salary_currency=f"USD {PHONE}",
                        skills=["Python", EMAIL, f"call {PHONE}"])),
           staged={"p-fields": {"issues": ["contact_details_redacted", "salary_currency_malformed"],
                                "title": "Machine Learning Engineer ([email redacted])",
                                "company_name": "Acme Robotics, call [phone redacted]",
                                "skill_tags": ["Python", "[email redacted]", "call [phone redacted]"]}}),
    _dirty("e-mail in the status field", "staged; redacted; not active",
           line(posting("p-status", status=f"Paused ({EMAIL})")),
           staged={"p-status": {"issues": ["contact_details_redacted"], "posting_status": "paused ([email redacted])",
                                "is_active": False}}),
    _dirty("e-mail written with entities and escapes in the description", "staged; redacted; contact_details_redacted",
           '{"posting_id": "p-encoded", "source": "greenhouse", "scraped_at": "2026-05-01T10:00:00Z", '
           '"title": "Machine Learning Engineer", "description": "<p>Mail ' + EMAIL_LOCAL + '&#64;' + EMAIL_DOMAIN
           + ', ' + EMAIL_LOCAL + '&#x40;' + EMAIL_DOMAIN + ', ' + EMAIL_LOCAL + '&commat;' + EMAIL_DOMAIN
           + ', ' + EMAIL_LOCAL + '%40' + EMAIL_DOMAIN + ', ' + EMAIL_LOCAL + '\\u0040' + EMAIL_DOMAIN
           + ' or ' + EMAIL_LOCAL + '\\\\u0040' + EMAIL_DOMAIN + '. '
           + MARKER + '</p>"}',
           staged={"p-encoded": {"issues": ["contact_details_redacted"],
                                 "description_text": "Mail [email redacted], [email redacted], [email redacted], "
                                                     f"[email redacted], [email redacted] or [email redacted]. {MARKER}"}}),
    _dirty("e-mail written as a JSON escape in a quarantined line", "quarantined: invalid_json; raw line redacted",
           '{"posting_id": "q-escaped", "note": "' + EMAIL_LOCAL + '\\u0040' + EMAIL_DOMAIN + '", ', reason="invalid_json"),
    _dirty("e-mail in posting_id", "quarantined: contact_details_in_id; stored redacted",
           line(posting(EMAIL)), reason="contact_details_in_id"),
    _dirty("scraped_at at the engine's limit (year 294247)", "quarantined: scraped_at_out_of_range; the rest builds",
           line(posting("q-farfuture", scraped_at="294247-01-10T04:00:54Z")), reason="scraped_at_out_of_range"),
    _dirty("negative salary text", "staged; salary_text_signed_amount; no salary used",
           line(posting("s-negtext", salary="-$50,000", salary_min=..., salary_max=..., salary_currency=...,
                        salary_period=...)),
           staged={"s-negtext": {"issues": ["salary_text_signed_amount"], "salary_source": None,
                                  "salary_issue": "no_salary"}}),
    _dirty("duplicate keys in one JSON object", "staged; duplicate_json_keys; the first value read",
           '{"posting_id": "k-dup", "source": "greenhouse", "scraped_at": "2026-05-01T10:00:00Z", '
           '"title": "Machine Learning Engineer", "title": "AI Engineer"}',
           staged={"k-dup": {"issues": ["duplicate_json_keys"], "title": "Machine Learning Engineer"}}),
    _dirty("numeric posting_id", "staged; id as text",
           line(posting(3844779089)), staged={"3844779089": {"issues": []}}),
    _dirty("padded id, upper-case source", "staged; trimmed, source lower-cased",
           line(posting("  pad-1  ", source=" GreenHouse ")), staged={"pad-1": {"issues": []}}),
    _dirty("unknown status (Paused)", "staged; not active; accepted_values warns",
           line(posting("st-paused", status="Paused")),
           staged={"st-paused": {"issues": [], "posting_status": "paused", "is_active": False}}),
    _dirty("unknown extra fields", "staged; extra fields ignored",
           line(posting("x-extra", referral_bonus="$5k", nested={"a": [1, 2]})), staged={"x-extra": {"issues": []}}),
]

BIG_DESCRIPTION = ("We build things. " * 62000) + " Experience with PyTorch required."
CONFLICT_A = posting("c-conflict", title="Machine Learning Engineer", company="First Version")
CONFLICT_B = posting("c-conflict", title="AI Engineer", company="Second Version")
HUGE_LINE = "x" * (65 * 1024 * 1024)


def _good_lines(prefix: str, n: int) -> list[str]:
    titles = ["Machine Learning Engineer", "AI Engineer", "Data Scientist", "Senior Machine Learning Engineer"]
    return [line(posting(f"{prefix}-{i}", title=titles[i % len(titles)])) for i in range(n)]


def _gzip_bytes(text: str) -> bytes:
    return gzip.compress(text.encode("utf-8"), mtime=0)


DUPLICATE_TEXT = "\n".join(_good_lines("dup", 5)) + "\n"
TRUNCATED = _gzip_bytes("\n".join(_good_lines("trunc", 400)) + "\n")

FILE_CASES = [
    Case("truncated gzip", "file reported unreadable (one quarantine row); the rest builds",
         "truncated.jsonl.gz", [], file_status="unreadable", raw=TRUNCATED[: len(TRUNCATED) // 2]),
    Case("plain text named .gz", "file reported unreadable", "plain_text.jsonl.gz", [],
         file_status="unreadable", raw=(line(posting("gzname-1")) + "\n").encode()),
    Case("mixed LF and CRLF line ends", "read line by line (line_ends_normalized); every line staged",
         "mixed_line_ends.jsonl", [], file_status="loaded",
         raw=(line(posting("mixed-1")) + "\r\n" + line(posting("mixed-2")) + "\n"
              + line(posting("mixed-3")) + "\r\n").encode(),
         staged={"mixed-1": {"source_line_number": 1}, "mixed-2": {"source_line_number": 2},
                 "mixed-3": {"source_line_number": 3}}),
    Case("lone CR inside a line, CRLF elsewhere", "the lone CR is data (a control character, removed); staged",
         "lone_cr.jsonl", [], file_status="loaded",
         raw=(line(posting("cr-1")) + "\r\n").encode()
             + b'{"posting_id": "cr-2", "source": "greenhouse", "scraped_at": "2026-05-01T10:00:00Z", '
               b'"title": "Machine Learning\rEngineer"}\n',
         staged={"cr-1": {"source_line_number": 1},
                 "cr-2": {"source_line_number": 2, "title": "Machine Learning Engineer"}}),
    Case("file name that is not UTF-8", "read line by line (name_not_utf8); named with \\xff; staged",
         "latin1_n\udce4me.jsonl", [line(posting("badname-1"))], file_status="loaded",
         staged={"badname-1": {"source_line_number": 1}}),
    Case("directory matching the glob", "listed as not_a_file; one quarantine row", "folder.jsonl", [],
         file_status="not_a_file", special="directory"),
    Case("named pipe matching the glob", "listed as not_a_file; one quarantine row", "pipe.jsonl", [],
         file_status="not_a_file", special="fifo"),
    Case("link to a missing file", "listed as not_a_file; one quarantine row", "gone.jsonl", [],
         file_status="not_a_file", special="dangling link"),
    Case("empty file", "file status empty; nothing staged; warns", "empty.jsonl", [],
         file_status="empty", raw=b""),
    Case("empty gzip", "file status empty", "empty.jsonl.gz", [], file_status="empty", raw=gzip.compress(b"", mtime=0)),
    Case("gzip named .jsonl", "binary read as text: file unreadable or every line quarantined; none staged",
         "binary.jsonl", [], raw=_gzip_bytes("\n".join(_good_lines("bin", 50)))),
    Case("UTF-8 BOM and CRLF line ends", "staged; BOM and CR stripped; line numbers exact",
         "bom_crlf.jsonl", [], file_status="loaded",
         raw=b"\xef\xbb\xbf" + "\r\n".join([line(posting("bom-1")), line(posting("bom-2")), "",
                                             line(posting("bom-4"))]).encode() + b"\r\n",
         quarantined={3: "blank_line"},
         staged={"bom-1": {"source_line_number": 1}, "bom-2": {"source_line_number": 2},
                 "bom-4": {"source_line_number": 4}}),
    Case("invalid UTF-8 line and NUL byte", "those lines quarantined (invalid_encoding, nul_byte) at their line numbers",
         "latin1.jsonl", [], file_status="loaded",
         raw=b"\n".join([line(posting("enc-1")).encode(),
                         b'{"posting_id": "enc-2", "title": "Ing\xe9nieur ML", "source": "greenhouse"}',
                         line(posting("enc-3")).encode(),
                         b'{"posting_id": "enc-4", "title": "ML\x00Engineer"}',
                         line(posting("enc-5")).encode()]) + b"\n",
         quarantined={2: "invalid_encoding", 4: "nul_byte"},
         staged={"enc-1": {"source_line_number": 1}, "enc-3": {"source_line_number": 3},
                 "enc-5": {"source_line_number": 5}}),
    Case("line over 64 MiB", "quarantined: line_too_long; neighbours staged", "huge_line.jsonl", [],
         file_status="loaded",
         raw="\n".join([line(posting("huge-1")), HUGE_LINE, line(posting("huge-3"))]).encode() + b"\n",
         quarantined={2: "line_too_long"},
         staged={"huge-1": {"source_line_number": 1}, "huge-3": {"source_line_number": 3}}),
    Case("1 MB description", "staged whole; skills found at its end", "big_description.jsonl",
         [line(posting("big-desc", description=BIG_DESCRIPTION, skills=[]))], file_status="loaded",
         staged={"big-desc": {"issues": [], "min_description_length": 1_000_000, "skill": "PyTorch"}}),
    Case("same posting_id, conflicting content, one batch", "later line wins; conflicting_observation",
         "conflict.jsonl", [line(CONFLICT_A), line(CONFLICT_B)], file_status="loaded",
         staged={"c-conflict": {"issues": ["conflicting_observation"], "title": "AI Engineer",
                                "source_line_number": 2, "observation_count": 2}}),
    Case("duplicate files", "postings staged once; duplicate_observation; observation_count 2",
         "dup_a.jsonl", [], file_status="loaded", raw=DUPLICATE_TEXT.encode(),
         staged={"dup-0": {"issues": ["duplicate_observation"], "observation_count": 2,
                           "source_file_name": "dup_b.jsonl"}}),
    Case("duplicate files (the copy)", "same", "dup_b.jsonl", [], file_status="loaded", raw=DUPLICATE_TEXT.encode()),
    Case("file name with quote, semicolon and comment", "read like any other (names are escaped)",
         "it's; drop table x; --.jsonl", [line(posting("name-1")), line(posting("name-2"))], file_status="loaded",
         staged={"name-1": {"issues": []}, "name-2": {"issues": []}}),
    Case("source and id holding the key separator", "two postings with two keys (the unique test passes)",
         "key_separator.jsonl", [line(posting("k", source="green:house")), line(posting("house:k", source="green"))],
         file_status="loaded"),
    Case("clean plain file", "staged", "good_1.jsonl", _good_lines("good", 300), file_status="loaded"),
    Case("clean gzip file", "staged", "good_2.jsonl.gz", [], file_status="loaded",
         raw=_gzip_bytes("\n".join(_good_lines("gz", 300)) + "\n")),
]


def _write_corpus(raw_dir: Path) -> dict[tuple[str, int], str]:
    """Write every file; return {(file, line): expected reason} with dirty.jsonl's line numbers."""
    raw_dir.mkdir(parents=True)
    for case in FILE_CASES:
        path = raw_dir / case.file
        if case.special == "directory":
            path.mkdir()
            continue
        if case.special == "fifo":
            os.mkfifo(path)
            continue
        if case.special == "dangling link":
            path.symlink_to(raw_dir / "never-landed.jsonl")
            continue
        data = case.raw if case.raw is not None else ("\n".join(case.lines) + "\n").encode("utf-8")
        path.write_bytes(data)
    for number, case in enumerate(DIRTY, start=1):
        case.quarantined = {number: reason for reason in case.quarantined.values()}
    (raw_dir / "dirty.jsonl").write_bytes(("\n".join(c.lines[0] for c in DIRTY) + "\n").encode("utf-8"))
    return {(case.file, n): reason for case in DIRTY + FILE_CASES for n, reason in case.quarantined.items()}


def _lines_in(path: Path) -> int | None:
    """Lines as an editor counts them (a last line without newline counts); None if unreadable."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    if not data:
        return 0
    return data.count(b"\n") + (0 if data.endswith(b"\n") else 1)


@dataclass
class Corpus:
    raw_dir: Path
    db_path: Path
    target: Path
    result: object
    expected_quarantine: dict

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        con = duckdb.connect(str(self.db_path))
        try:
            cursor = con.execute(sql, params or [])
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        finally:
            con.close()

    def run_results(self) -> dict[str, str]:
        results = json.loads((self.target / "run_results.json").read_text())
        return {r["unique_id"].split(".")[-1] if r["unique_id"].startswith("model.") else r["unique_id"]: r["status"]
                for r in results["results"]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    base = tmp_path_factory.mktemp("bad_input")
    raw_dir = base / "raw"
    expected = _write_corpus(raw_dir)
    db_path, target = base / "warehouse.duckdb", base / "target"
    result = dbt(["build"], db_path=db_path, raw_glob=str(raw_dir / "*.jsonl*"), target_path=target)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"dbt build failed on the bad-input corpus:\n{log[-8000:]}"
    return Corpus(raw_dir, db_path, target, result, expected)


def _name(path: str) -> str:
    return Path(path).name


def _shown(name: str) -> str:
    """A file name as the files table shows it: bytes that are not UTF-8 as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# --- case by case ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", DIRTY + FILE_CASES, ids=lambda c: c.kind)
def test_each_kind_of_bad_input_has_its_outcome(corpus, case):
    if case.file_status:
        files = {_name(r["source_file"]): r for r in corpus.query("select * from staging.base_job_board__posting_files")}
        assert files[_shown(case.file)]["file_status"] == case.file_status
        if case.file_status in ("unreadable", "not_a_file"):
            reason = "unreadable_file" if case.file_status == "unreadable" else "not_a_file"
            rows = corpus.query(
                "select * from staging.stg_job_board__quarantined_observations where quarantine_reason = ?", [reason]
            )
            mine = [r for r in rows if _name(r["source_file"]) == case.file]
            assert len(mine) == 1 and mine[0]["line_number"] is None and mine[0]["quarantine_detail"]
            assert mine[0]["quarantined_at"] is not None
        if case.special:
            assert case.special.split()[-1] in files[case.file]["read_error"].lower()
        if "mixed" in case.kind or "lone CR" in case.kind:
            assert files[case.file]["landing_note"] == "line_ends_normalized"
        if "not UTF-8" in case.kind:
            assert files[_shown(case.file)]["landing_note"] == "name_not_utf8"
            assert _shown(case.file).endswith("latin1_n\\xe4me.jsonl")
    quarantine = {
        (_name(r["source_file"]), r["line_number"]): r
        for r in corpus.query("select * from staging.stg_job_board__quarantined_observations where line_number is not null")
    }
    for number, reason in case.quarantined.items():
        row = quarantine.get((case.file, number))
        assert row is not None, f"{case.file}:{number} not quarantined"
        assert row["quarantine_reason"] == reason
        assert row["quarantined_at"] is not None
    if case.file == "binary.jsonl":
        status = corpus.query(
            "select file_status from staging.base_job_board__posting_files where source_file like '%binary.jsonl'"
        )[0]["file_status"]
        mine = [r for (f, _), r in quarantine.items() if f == case.file]
        assert status == "unreadable" or (
            mine and {r["quarantine_reason"] for r in mine} <= {"invalid_encoding", "nul_byte", "invalid_json"}
        )
        assert not corpus.query("select 1 from staging.stg_job_board__postings where posting_id like 'bin-%'")
    for posting_id, want in case.staged.items():
        rows = corpus.query(
            """
            select p.*, d.description_text, c.role, s.salary_issue
            from staging.stg_job_board__postings as p
            left join staging.stg_job_board__posting_descriptions as d using (posting_key)
            left join intermediate.int_postings_classified as c using (posting_key)
            left join intermediate.int_postings_salaries_normalized as s using (posting_key)
            where p.posting_id = ?
            """,
            [posting_id],
        )
        assert len(rows) == 1, f"posting {posting_id!r} staged {len(rows)} times"
        got = rows[0]
        for column, value in want.items():
            if column == "issues":
                assert sorted(got["data_issues"]) == sorted(value), posting_id
            elif column == "min_description_length":
                assert len(got["description_text"]) >= value
            elif column == "skill":
                skills = corpus.query(
                    "select skill from intermediate.int_posting_skills_extracted where posting_key = ?",
                    [got["posting_key"]],
                )
                assert value in {s["skill"] for s in skills}
            elif column == "source_file_name":
                assert _name(got["source_file"]) == value
            elif column == "source_line_number":
                assert got[column] == value, (posting_id, column, got[column])
                assert _name(got["source_file"]) == _shown(case.file), (posting_id, got["source_file"])
            else:
                assert got[column] == value, (posting_id, column, got[column])
        assert got["source"] == SOURCE


def test_posting_keys_are_unambiguous(corpus):
    rows = corpus.query(
        "select source, posting_id, posting_key from staging.stg_job_board__postings "
        "where source in ('green:house', 'green') order by source"
    )
    assert [(r["source"], r["posting_id"], r["posting_key"]) for r in rows] == [
        ("green", "house:k", "green:house:k"),
        ("green:house", "k", "green\\:house:k"),
    ]


def test_no_line_is_quarantined_without_being_expected(corpus):
    """Every quarantined line is one the corpus meant to be bad (binary.jsonl aside)."""
    rows = corpus.query("select * from staging.stg_job_board__quarantined_observations where line_number is not null")
    unexpected = [
        (_name(r["source_file"]), r["line_number"], r["quarantine_reason"])
        for r in rows
        if _name(r["source_file"]) != "binary.jsonl"
        and corpus.expected_quarantine.get((_name(r["source_file"]), r["line_number"])) != r["quarantine_reason"]
    ]
    assert not unexpected
    assert len(corpus.expected_quarantine) >= 20


def test_quarantined_raw_lines_are_kept_and_redacted(corpus):
    rows = corpus.query(
        "select * from staging.stg_job_board__quarantined_observations where quarantine_reason = 'invalid_json'"
    )
    by_line = {r["raw_line"]: r for r in rows}
    assert '{"posting_id": "q-trailing"} and then some' in by_line
    mail = [r for r in rows if r["raw_line"] and "q-mail" in r["raw_line"]]
    assert mail and "[email redacted]" in mail[0]["raw_line"] and EMAIL not in mail[0]["raw_line"]
    escaped = [r for r in rows if r["raw_line"] and "q-escaped" in r["raw_line"]]
    assert escaped and "[email redacted]" in escaped[0]["raw_line"] and EMAIL_LOCAL not in escaped[0]["raw_line"]
    long_line = corpus.query(
        "select raw_line, raw_line_length from staging.stg_job_board__quarantined_observations "
        "where quarantine_reason = 'line_too_long'"
    )
    assert long_line[0]["raw_line"] is None  # the reader rejected it: file + line number point at it


def test_thirty_kinds_at_least():
    assert len(DIRTY + FILE_CASES) >= 30


# --- accounting -----------------------------------------------------------------------------------


def test_every_line_is_staged_or_quarantined(corpus):
    """lines (or, for a path that cannot be read, the path itself) read = staged + quarantined +
    files rejected; every matched path is listed, none skipped."""
    files = {_name(r["source_file"]): r for r in corpus.query("select * from staging.base_job_board__posting_files")}
    assert set(files) == {_shown(p.name) for p in corpus.raw_dir.iterdir()}
    rejected = {name for name, f in files.items() if f["file_status"] in ("unreadable", "not_a_file")}
    expected_rejected = {_shown(c.file) for c in FILE_CASES if c.file_status in ("unreadable", "not_a_file")}
    assert expected_rejected <= rejected <= expected_rejected | {"binary.jsonl"}
    for path in corpus.raw_dir.iterdir():
        if _shown(path.name) not in rejected:
            assert files[_shown(path.name)]["line_count"] == _lines_in(path), path.name
    totals = corpus.query(
        """
        select
            (select count(*) from staging.base_job_board__observations) as lines_read,
            (select sum(line_count) from staging.base_job_board__posting_files) as lines_counted,
            (select sum(observation_count) from staging.stg_job_board__postings) as staged_observations,
            (select count(*) from staging.stg_job_board__quarantined_observations
             where line_number is not null) as quarantined_lines,
            (select count(*) from staging.stg_job_board__quarantined_observations
             where line_number is null) as files_rejected
        """
    )[0]
    assert totals["lines_read"] == totals["lines_counted"]
    units_read = totals["lines_read"] + len(rejected)
    assert units_read == totals["staged_observations"] + totals["quarantined_lines"] + totals["files_rejected"]
    assert totals["files_rejected"] == len(rejected) >= 5


def test_marts_reconcile_with_staged_postings(corpus):
    row = corpus.query(
        """
        select
            (select count(*) from staging.stg_job_board__postings where is_active) as staged_active,
            (select coalesce(sum(active_postings), 0) from marts.role_metrics) as mart_active,
            (select count(*) from intermediate.int_postings_classified
             where is_active and not is_role_classified) as unclassified_active
        """
    )[0]
    assert row["mart_active"] > 0
    assert row["mart_active"] + row["unclassified_active"] == row["staged_active"]
    # the SQL-looking title was data, nothing more: the mart it names is still there
    assert corpus.query("select count(*) as n from marts.role_metrics")[0]["n"] > 0


# --- severities -----------------------------------------------------------------------------------


def test_data_quality_drift_warns_and_invariants_pass(corpus):
    status = corpus.run_results()
    warned = {k for k, v in status.items() if v == "warn"}
    assert any("assert_job_board_quarantined_share_is_low" in k for k in warned)
    assert any("job_board_no_unreadable_file" in k for k in warned)
    assert any("job_board_no_empty_file" in k for k in warned)
    assert not {k: v for k, v in status.items() if v in ("error", "fail", "skipped")}
    for invariant in ("assert_job_board_lines_are_staged_or_quarantined",
                      "assert_stg_job_board__postings_one_row_per_raw_posting"):
        assert [v for k, v in status.items() if invariant in k] == ["pass"]


def test_quarantined_share_above_the_error_threshold_fails(corpus):
    result = dbt(
        ["test", "--select", "assert_job_board_quarantined_share_is_low",
         "--vars", "{job_board_quarantined_share_error: 0.02}"],
        db_path=corpus.db_path, raw_glob=str(corpus.raw_dir / "*.jsonl*"), target_path=corpus.target.parent / "t2",
    )
    assert result.returncode == 1, result.stdout[-3000:]
    assert "ERROR=1" in result.stdout


# --- privacy --------------------------------------------------------------------------------------


def _text_columns(corpus, schemas: tuple[str, ...]) -> list[tuple[str, str, str]]:
    return [
        (r["table_schema"], r["table_name"], r["column_name"])
        for r in corpus.query(
            """
            select c.table_schema, c.table_name, c.column_name
            from information_schema.columns as c
            inner join information_schema.tables as t
                on c.table_schema = t.table_schema and c.table_name = t.table_name
            where c.data_type in ('VARCHAR', 'VARCHAR[]', 'JSON')
              and t.table_type = 'BASE TABLE'
            """
        )
        if r["table_schema"] in schemas
    ]


# an e-mail address with its "@" in any of the encodings planted above; written here on its own,
# not taken from macros/redaction.sql, so that the check does not share the rule it checks
ANY_EMAIL = r"[A-Za-z0-9._%+-]+(@|&#0*64;|&#x0*40;|&commat;|%40|\\u0040)[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"


def _contact_leaks(db_path: Path) -> tuple[list, int]:
    """(leaks, columns scanned): every column of every table of the file, as text, searched for
    the planted e-mail's local part (any encoding keeps it), any e-mail address, and the planted
    phone number's digits."""
    digits = re.sub(r"\D", "", PHONE)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        columns = con.execute(
            """
            select c.table_schema, c.table_name, c.column_name
            from information_schema.columns as c
            inner join information_schema.tables as t
                on c.table_catalog = t.table_catalog and c.table_schema = t.table_schema
                and c.table_name = t.table_name
            where t.table_type = 'BASE TABLE' and c.table_catalog = current_database()
              and c.data_type not in ('BIGINT', 'INTEGER', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'HUGEINT',
                                      'DECIMAL(18,3)', 'TIMESTAMP WITH TIME ZONE', 'UBIGINT', 'FLOAT')
            """
        ).fetchall()
        leaks = []
        for schema, table, column in columns:
            text = f'cast("{column}" as varchar)'
            (hits,) = con.execute(
                f'select count(*) from "{schema}"."{table}" where contains(lower({text}), lower(?)) '
                f"or regexp_matches({text}, ?) or contains(regexp_replace({text}, '[^0-9]', '', 'g'), ?)",
                [EMAIL_LOCAL, ANY_EMAIL, digits],
            ).fetchone()
            if hits:
                leaks.append((schema, table, column, hits))
        return leaks, len(columns)
    finally:
        con.close()


def test_no_contact_detail_is_stored_anywhere(corpus, tmp_path):
    """Contact details planted in every field and encoding are in no table of the working file
    (staging and the quarantine table included) nor of the published file."""
    settings = WarehouseSettings(db_path=corpus.db_path, raw_glob=str(corpus.raw_dir / "*.jsonl*"),
                                 published_db=tmp_path / "job_market_published.duckdb")
    publish.publish(settings, force=True)
    for path in (corpus.db_path, settings.published_path):
        leaks, scanned = _contact_leaks(path)
        assert not leaks, path
        assert scanned >= 20, (path, scanned)
    # not vacuous: the planted details reached the tables redacted, the employer as far as the marts
    con = duckdb.connect(str(settings.published_path), read_only=True)
    try:
        companies = [r[0] for r in con.execute("select company_name from marts.role_employers").fetchall()]
    finally:
        con.close()
    assert "Acme Robotics, call [phone redacted]" in companies


def test_marts_carry_no_description_text(corpus):
    for schema, table, column in _text_columns(corpus, ("marts",)):
        assert "description" not in column
        hits = corpus.query(
            f'select count(*) as n from "{schema}"."{table}" where contains(cast("{column}" as varchar), ?)',
            [MARKER],
        )[0]["n"]
        assert hits == 0, (table, column)
    # the marker does reach staging (so the check above is not vacuous)
    assert corpus.query(
        "select count(*) as n from staging.stg_job_board__posting_descriptions where contains(description_text, ?)",
        [MARKER],
    )[0]["n"] > 0
