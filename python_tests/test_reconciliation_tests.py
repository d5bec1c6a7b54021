"""The singular tests that reconcile models with each other must be able to fail.

A copy of the built article warehouse is tampered with, one defect per posting or skill, then
`dbt test` runs the reconciliation tests on it: the build must fail, and each defect must come out
with its own reason (the compiled test SQL is run on the tampered copy to read them).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from conftest import BuiltWarehouse, dbt

STAGING_TEST = "assert_stg_job_board__postings_one_row_per_raw_posting"
SHARES_TEST = "assert_role_skill_shares_match_role_metrics"


@pytest.fixture(scope="module")
def tampered(article_warehouse: BuiltWarehouse, tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("tampered")
    db = base / article_warehouse.db_path.name  # same file name: the compiled SQL names the catalog
    shutil.copy2(article_warehouse.db_path, db)
    con = duckdb.connect(str(db))
    try:
        keys = [row[0] for row in con.execute(
            "select posting_key from staging.stg_job_board__postings order by posting_key limit 5"
        ).fetchall()]
        missing, doubled, wrong_line, not_latest, template = keys
        con.execute("delete from staging.stg_job_board__postings where posting_key = ?", [missing])
        con.execute(
            "insert into staging.stg_job_board__postings "
            "select * from staging.stg_job_board__postings where posting_key = ?", [doubled]
        )
        # a line number no observation of this file has
        con.execute(
            "update staging.stg_job_board__postings set source_line_number = source_line_number + 10000000 "
            "where posting_key = ?", [wrong_line]
        )
        # the kept observation's time no longer the posting's latest
        con.execute(
            "update staging.stg_job_board__postings set scraped_at = scraped_at - interval 400 day "
            "where posting_key = ?", [not_latest]
        )
        # a posting no raw line names
        con.execute(
            "insert into staging.stg_job_board__postings "
            "select * replace ('invented-1' as posting_id, source || ':invented-1' as posting_key) "
            "from staging.stg_job_board__postings where posting_key = ?", [template]
        )
        role, skill = con.execute(
            "select role, skill from marts.role_skill_shares where skill_rank = 2 order by role limit 1"
        ).fetchone()
        con.execute(
            "update marts.role_skill_shares set postings_with_skill = postings_with_skill - 1 "
            "where role = ? and skill = ?", [role, skill]
        )
    finally:
        con.close()

    target = base / "target"
    result = dbt(
        ["test", "--select", f"{STAGING_TEST} {SHARES_TEST}"],
        db_path=db, raw_glob=str(article_warehouse.data_dir / "raw" / "*.jsonl*"), target_path=target,
    )

    def failures(test: str) -> list[tuple]:
        sql = next(target.glob(f"compiled/**/{test}.sql")).read_text(encoding="utf-8")
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute(f"select * from ({sql}) order by all").fetchall()
        finally:
            con.close()

    return {
        "result": result,
        "staging": failures(STAGING_TEST),
        "shares": failures(SHARES_TEST),
        "keys": dict(missing=missing, doubled=doubled, wrong_line=wrong_line, not_latest=not_latest),
        "skill": (role, skill),
        "invented": template.split(":")[0] + ":invented-1",
    }


def test_dbt_test_fails_on_the_tampered_warehouse(tampered):
    result = tampered["result"]
    assert result.returncode == 1, result.stdout[-3000:]
    assert "ERROR=2" in result.stdout, result.stdout[-3000:]


def test_staging_reconciliation_names_each_defect(tampered):
    by_key = {f"{source}:{posting_id}": (rows, reason) for source, posting_id, rows, reason in tampered["staging"]}
    keys = tampered["keys"]
    assert by_key == {
        keys["missing"]: (0, "raw posting missing from staging"),
        keys["doubled"]: (2, "posting staged more than once"),
        keys["wrong_line"]: (1, "kept observation is not a usable line of the posting"),
        keys["not_latest"]: (1, "kept observation is not the latest"),
        tampered["invented"]: (1, "staged posting absent from the usable raw lines"),
    }


def test_skill_share_reconciliation_names_the_miscount(tampered):
    role, skill = tampered["skill"]
    assert (role, skill, "postings_with_skill differs from the recount") in tampered["shares"]
    # the miscount may also break the rank order with the next skill: only that role is reported
    assert all(r == role for r, _, _ in tampered["shares"]), tampered["shares"]
