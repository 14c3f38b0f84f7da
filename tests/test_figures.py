"""Linking, conflict flags and decisions on the seeds, in real ledgers."""

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from ledger import Ledger, LedgerError, ingest
from ledger.conflicts import SourceMention, find_conflict
from ledger.decisions import log
from ledger.figures import (
    conflicts,
    correct_value,
    figure,
    link,
    mark_not_claim,
    merge_figures,
    resolve_conflict,
    same_figure,
    split_mention,
    undo_decision,
)
from ledger.intervals import interval_of, load_tolerances


def mid(ledger: Ledger, article_prefix: str, text: str) -> int:
    rows = ledger.db.execute(
        "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.name LIKE ? AND m.text = ? AND m.is_claim = 1 ORDER BY m.start",
        [article_prefix + "%", text],
    ).fetchall()
    assert rows, (article_prefix, text)
    return rows[0][0]


def claim(ledger: Ledger, mention_id: int) -> int:
    return ledger.db.execute("SELECT claim_id FROM mentions WHERE id = ?", [mention_id]).fetchone()[
        0
    ]


def flagged(ledger: Ledger, claim_id: int) -> bool:
    row = ledger.db.execute(
        "SELECT conflict FROM figures WHERE claim_id = ?", [claim_id]
    ).fetchone()
    return bool(row[0])


@pytest.fixture
def linked(seeded):
    report = link(seeded)
    assert report.claims == 34
    return seeded


def test_sdf_detainee_total_is_one_flagged_figure(linked):
    a = mid(linked, "001", "أكثر من 9 آلاف")
    b = mid(linked, "004", "نحو 12 ألفاً")
    assert claim(linked, a) == claim(linked, b)
    assert flagged(linked, claim(linked, a))
    (c,) = [c for c in conflicts(linked) if c["claim_id"] == claim(linked, a)]
    assert c["reason"].startswith(
        "more than 9,000 «أكثر من 9 آلاف» (001) vs about 12,000 «نحو 12 ألفاً» (004): 33% apart"
    )
    assert c["severity_label"] == "medium"


@pytest.mark.parametrize(
    "text",
    ["بين 100 و 300", "نحو 2000", "5", "اثنين فقط"],
)
def test_figures_000_and_001_share_are_linked_and_not_flagged(linked, text):
    a = mid(linked, "000", text)
    b = mid(linked, "001", text.replace(" فقط", ""))
    assert claim(linked, a) == claim(linked, b)
    assert not flagged(linked, claim(linked, a))


def test_different_transfers_stay_apart(linked):
    assert claim(linked, mid(linked, "003", "750")) != claim(linked, mid(linked, "004", "نحو 60"))


def test_the_repeated_thirty_is_one_figure(linked):
    ids = [r[0] for r in linked.db.execute(
        "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.name LIKE '002%' AND m.value = 30 AND m.kind = 'count'")]  # fmt: skip
    assert len(ids) == 4
    assert len({claim(linked, i) for i in ids}) == 1
    assert not flagged(linked, claim(linked, ids[0]))


def test_iraqi_subset_is_not_the_total(linked):
    total = claim(linked, mid(linked, "001", "أكثر من 9 آلاف"))
    assert claim(linked, mid(linked, "000", "نحو 2000")) != total


def test_every_link_has_a_score_and_explanation(linked):
    rows = linked.db.execute("SELECT score, explanation FROM links").fetchall()
    reasons = ("context", "analyst", "the same words", "the same distinctive figure", "lead with")
    assert rows and all(0 < s <= 1.2 and any(r in e for r in reasons) for s, e in rows)


def test_export_fills_claim_and_conflict(linked, tmp_path):
    from click.testing import CliRunner

    from ledger.cli import main

    out = CliRunner().invoke(main, ["--db", str(linked.path), "export", "--conflicts-only"]).output
    lines = out.strip().splitlines()
    assert len(lines) == 3  # header + two mentions of the flagged figure
    assert all(",1," in line for line in lines[1:])
    assert "33% apart" in lines[1]


# ------------------------------------------------------------------ decisions
def test_split_stays_split_through_relink_and_reingest(linked, seeds):
    a = mid(linked, "001", "أكثر من 9 آلاف")
    split_mention(linked, a, note="different scope")
    b = mid(linked, "004", "نحو 12 ألفاً")
    assert claim(linked, a) != claim(linked, b)
    # change another article, re-ingest, re-link: the split holds
    path = seeds / "003_52248782f917fa36.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("750", "700"), encoding="utf-8")
    ingest(linked, [str(seeds)])
    link(linked)
    assert claim(linked, mid(linked, "001", "أكثر من 9 آلاف")) != claim(
        linked, mid(linked, "004", "نحو 12 ألفاً")
    )


def test_decisions_survive_a_change_in_their_own_article(linked, seeds):
    a, b = mid(linked, "003", "750"), mid(linked, "004", "نحو 60")
    same_figure(linked, a, b, note="same convoy")
    assert claim(linked, a) == claim(linked, b)
    path = seeds / "003_52248782f917fa36.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text("عاجل: " + text, encoding="utf-8")  # every offset shifts
    report = ingest(linked, [str(seeds)])
    assert report.changed == 1
    link(linked)
    a2, b2 = mid(linked, "003", "750"), mid(linked, "004", "نحو 60")
    assert a2 != a  # re-extracted
    assert claim(linked, a2) == claim(linked, b2)


def test_correction_stays_corrected_and_undo_restores(linked):
    a = mid(linked, "004", "نحو 12 ألفاً")
    total = claim(linked, a)
    did = correct_value(linked, a, value=9500, qualifier="approx")
    assert linked.db.execute(
        "SELECT value, qualifier, corrected FROM mentions WHERE id = ?", [a]
    ).fetchone() == (9500, "approx", 1)
    assert not flagged(linked, claim(linked, a))
    link(linked)  # a full re-link keeps the correction
    assert linked.db.execute("SELECT value FROM mentions WHERE id = ?", [a]).fetchone()[0] == 9500
    undo_decision(linked, did)
    assert linked.db.execute(
        "SELECT value, qualifier, corrected FROM mentions WHERE id = ?", [a]
    ).fetchone() == (12000, "approx", 0)
    assert flagged(linked, total)


def test_resolve_with_note_and_new_mentions_reopen(linked):
    total = claim(linked, mid(linked, "001", "أكثر من 9 آلاف"))
    with pytest.raises(LedgerError):
        resolve_conflict(linked, total, "   ")
    resolve_conflict(linked, total, "CENTCOM figure is older; 12,000 is current", author="rana")
    row = linked.db.execute(
        "SELECT status, note FROM figures WHERE claim_id = ?", [total]
    ).fetchone()
    assert row == ("resolved", "CENTCOM figure is older; 12,000 is current")
    assert [c["claim_id"] for c in conflicts(linked, include_resolved=False)] == []
    entries = log(linked)
    assert entries[0].author == "rana" and entries[0].action == "resolve"


def test_merge_and_undo(linked):
    a = claim(linked, mid(linked, "003", "750"))
    b = claim(linked, mid(linked, "004", "نحو 60"))
    before = linked.db.execute("SELECT id, claim_id FROM mentions ORDER BY id").fetchall()
    merge_figures(linked, a, b)
    assert claim(linked, mid(linked, "003", "750")) == claim(linked, mid(linked, "004", "نحو 60"))
    assert flagged(linked, claim(linked, mid(linked, "003", "750")))
    undo_decision(linked)
    assert linked.db.execute("SELECT id, claim_id FROM mentions ORDER BY id").fetchall() == before


def test_not_a_claim_leaves_linking_and_export(linked):
    a = mid(linked, "001", "أكثر من 9 آلاف")
    mark_not_claim(linked, a)
    assert (
        linked.db.execute("SELECT count(*) FROM claims WHERE mention_id = ?", [a]).fetchone()[0]
        == 0
    )
    assert not flagged(linked, claim(linked, mid(linked, "004", "نحو 12 ألفاً")))
    undo_decision(linked)
    assert flagged(linked, claim(linked, a))


def test_figure_page(linked):
    fig = figure(linked, claim(linked, mid(linked, "001", "أكثر من 9 آلاف")))
    assert fig["mentions"] == 2 and len(fig["mention_rows"]) == 2
    assert {m["text"] for m in fig["mention_rows"]} == {"أكثر من 9 آلاف", "نحو 12 ألفاً"}


def test_undo_with_nothing_to_undo(linked):
    with pytest.raises(LedgerError, match="no decision to undo"):
        undo_decision(linked)


# ------------------------------------------------------------------ intervals
def test_intervals_from_qualifiers():
    tol = load_tolerances()
    assert interval_of("more_than", 9000, None, None, tol).high == 10000
    approx = interval_of("approx", 12000, None, None, tol)
    assert (approx.low, approx.high) == (11000, 13000)  # said to thousands
    assert interval_of("range", None, 100, 300, tol).contains(250)
    assert interval_of("exact", 5, None, None, tol).contains(5)


def test_about_a_number_is_about_its_last_significant_digit():
    """ "نحو 390" is said to tens: about it (380 to 400), not about 400 (340 to 460 by the
    share of 15%); "نحو 17" is 16 to 18, "نحو 3.5" 3.4 to 3.6. The cap is a tolerance:
    ``[approx] digit_units = 0`` lifts it."""
    from ledger.intervals import significant_place

    tol = load_tolerances()
    assert [significant_place(x) for x in (390, 400, 17, 3.5, 1_500_000)] == [
        10,
        100,
        1,
        0.1,
        100_000,
    ]
    assert (
        interval_of("approx", 390, None, None, tol).low,
        interval_of("approx", 390, None, None, tol).high,
    ) == (380, 400)
    about_400 = interval_of("approx", 400, None, None, tol)
    assert (about_400.low, about_400.high) == (340, 460)
    about_17 = interval_of("approx", 17, None, None, tol)
    assert not about_17.contains(15) and about_17.contains(16)
    # a last digit 5 is rounded to fives: "نحو 25" is 25 less or more than one unit
    about_25 = interval_of("approx", 25, None, None, tol)
    assert about_25.contains(22) and about_25.contains(28)
    about_16_65 = interval_of("approx", 16.65, None, None, tol)  # a price, not a five
    assert not about_16_65.contains(16.5)


APPROX = Path(__file__).parent / "data" / "approx_excerpts.jsonl"


def test_two_ages_said_to_the_year_disagree(tmp_path):
    """Nour El-Sherif's death, 11 August 2015: "عن عمر ناهز 74 عاما" in alyaum and
    alriyadh, "يناهز 69 عاما" in almadina. Ages are said to the year: with 15% either
    way the two would both hold; said to its last digit, almadina's disagrees."""
    from excerpts import figure_of, linked

    with linked(tmp_path / "l.db", APPROX, 3) as ledger:
        sixty_nine = figure_of(ledger, "sherif-almadina", "يناهز 69 عاما")
        assert sixty_nine == figure_of(ledger, "sherif-alriyadh", "يناهز 74 عامًا")
        flagged = ledger.db.execute(
            "SELECT conflict, conflict_kind FROM figures WHERE claim_id = ?", [sixty_nine]
        ).fetchone()
        assert flagged == (1, "disagreement")
    loose = tmp_path / "loose.toml"
    loose.write_text("[approx]\ndigit_units = 0\n")
    assert interval_of("approx", 69, None, None, load_tolerances(loose)).contains(74)


def test_tolerances_are_configurable(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text("[approx]\nrelative = 0.5\ndigit_units = 0\n")
    tol = load_tolerances(path)
    m = [
        SourceMention(
            1, "أكثر من 9 آلاف", "more_than", 9000, None, None, None, "001.txt", None, None
        ),
        SourceMention(2, "نحو 12 ألفاً", "approx", 12000, None, None, None, "004.txt", None, None),
    ]
    assert find_conflict(m, load_tolerances()) is not None
    assert find_conflict(m, tol) is None  # ±50% makes 12,000 reach down to 6,000


def _source(i, value, published, qualifier="exact", outlet="spa"):
    return SourceMention(i, str(value), qualifier, value, None, None, None, f"a.json#{i}",
                         outlet, published)  # fmt: skip


def test_a_toll_that_rises_over_time_is_an_update_with_its_timeline():
    """Suruç: 27 in the first reports, 30 the next morning, 32 the day after."""
    conflict = find_conflict(
        [_source(1, 27, "2015-07-21 02:52"), _source(2, 30, "2015-07-21 10:42", outlet="okaz"),
         _source(3, 32, "2015-07-22 10:15", outlet="aawsat")]
    )  # fmt: skip
    assert conflict.kind == "update"
    assert conflict.reason.startswith("update: 27 «27» (a.json#1, spa, 2015-07-21 02:52)")
    assert conflict.reason.index("30") < conflict.reason.index("32")


def test_a_vague_first_count_does_not_swallow_the_rise():
    """Suruç on the corpus: alweeam's first "نحو 30" allows 25.5 to 34.5, but the 31 and
    32 told later are new values of the toll, not "about 30" told again: an update. A
    later "at least 44" after 49 is the 49 told again (Kabul: 49, then 51)."""
    rise = find_conflict(
        [_source(1, 30, "2015-07-21 02:18", "approx", "alweeam"),
         _source(2, 30, "2015-07-21 02:29", outlet="alwatan"),
         _source(3, 31, "2015-07-21 14:11", "at_least", "aawsat"),
         _source(4, 32, "2015-07-22 10:04", outlet="okaz"),
         _source(5, 32, "2015-07-23 17:27", outlet="aljazirah")],
        rising_only=True,
    )  # fmt: skip
    assert rise.kind == "update" and rise.reason.index("31") < rise.reason.index("32")
    wave = find_conflict(
        [_source(1, 49, "2015-08-08 18:09"), _source(2, 51, "2015-08-09 17:22", outlet="x"),
         _source(3, 44, "2015-08-09 17:39", "at_least", "y")],
        rising_only=True,
    )  # fmt: skip
    assert wave.kind == "update" and "44" not in wave.reason.split("→")[-1]


def test_a_statement_made_before_orders_only_its_own_report_s_counts():
    """ "وكانت مصادر عسكرية قد أعلنت ... تسعة" (Pakistan's helicopter crash) tells its
    own report's nine as earlier, not the 17 of another report (Afghanistan's)."""
    cited = _source(1, 9, "2015-08-06 10:00", outlet="alwatan")
    cited = replace(cited, before="وكانت مصادر عسكرية قد أعلنت ان ")
    other = _source(2, 17, "2015-08-06 12:00", outlet="aawsat")
    assert find_conflict([cited, other]).kind == "disagreement"
    own = replace(other, article=cited.article)
    assert find_conflict([cited, own]).kind == "update"


def test_outlets_that_differ_at_the_same_time_disagree():
    conflict = find_conflict(
        [_source(1, 10, "2015-08-06 18:50"), _source(2, 13, "2015-08-06 19:10", outlet="okaz")]
    )
    assert conflict.kind == "disagreement" and "apart" in conflict.reason


def test_values_that_go_up_and_down_disagree():
    conflict = find_conflict(
        [_source(1, 10, "2015-08-06 08:00"), _source(2, 14, "2015-08-07 08:00"),
         _source(3, 12, "2015-08-08 08:00")]
    )  # fmt: skip
    assert conflict.kind == "disagreement"


def test_a_reprint_of_an_earlier_toll_does_not_break_its_timeline():
    """A paper reprints the morning's 30 in the evening, after 32 was reported."""
    conflict = find_conflict(
        [_source(1, 27, "2015-07-21 02:52"), _source(2, 30, "2015-07-21 10:42", outlet="okaz"),
         _source(3, 32, "2015-07-22 10:15", outlet="aawsat"),
         _source(4, 30, "2015-07-22 19:00", outlet="alyaum")]
    )  # fmt: skip
    assert conflict.kind == "update"
    assert "30 «30» (a.json#2, okaz, 2015-07-21 10:42) and 1 later report agrees" in conflict.reason


def test_a_running_total_with_a_paper_a_day_behind_is_an_update():
    """MERS deaths since 2012: 467, then 471 the next evening while a paper still prints
    467 (first told 22 hours before), then 472."""
    conflict = find_conflict(
        [_source(1, 467, "2015-08-03 20:09"), _source(2, 467, "2015-08-04 18:25", outlet="okaz"),
         _source(3, 471, "2015-08-04 18:58", outlet="alyaum"),
         _source(4, 471, "2015-08-06 01:39", outlet="okaz"),
         _source(5, 472, "2015-08-10 19:26", outlet="alriyadh")]
    )  # fmt: skip
    assert conflict.kind == "update"
    assert conflict.reason.startswith("update: 467 «467»")


def test_a_rising_toll_with_one_lagging_outlet_is_an_update():
    """27, 30, 31, 32 over two days; one outlet prints 28 after 30 was known."""
    conflict = find_conflict(
        [_source(1, 27, "2015-07-21 02:00"), _source(2, 30, "2015-07-21 08:00", outlet="b"),
         _source(3, 31, "2015-07-21 14:00", outlet="c"), _source(4, 28, "2015-07-21 20:00"),
         _source(5, 32, "2015-07-22 10:00", outlet="d")],
        rising_only=True,
    )  # fmt: skip
    assert conflict.kind == "update"


def test_outlets_that_differ_at_one_moment_disagree():
    conflict = find_conflict(
        [_source(1, 10, "2015-08-06 08:00"), _source(2, 13, "2015-08-06 09:00", outlet="b"),
         _source(3, 10, "2015-08-06 09:30", outlet="c"), _source(4, 13, "2015-08-06 10:00")]
    )  # fmt: skip
    assert conflict.kind == "disagreement"


def test_a_toll_that_falls_is_a_disagreement_not_an_update():
    sources = [_source(1, 8, "2015-08-06 08:00"), _source(2, 7, "2015-08-07 08:00")]
    assert find_conflict(sources, rising_only=True).kind == "disagreement"
    assert find_conflict(sources).kind == "update"  # a count that may fall (the missing)


def test_a_report_that_says_the_toll_rose_is_an_update():
    """Baquba: 24 killed in the first report; the next day "ارتفاع قتلى تفجير العراق إلى 40",
    while a reprint of the first report came out beside it."""
    first = _source(1, 24, "2015-08-10 20:56", outlet="alweeam")
    rose = SourceMention(2, "40", "exact", 40, None, None, None, "a.json#2", "alriyadh",
                         "2015-08-11 14:19", before="ارتفاع قتلى تفجير العراق إلى ")  # fmt: skip
    reprint = _source(3, 24, "2015-08-11 14:19", outlet="alriyadh")
    conflict = find_conflict([first, rose, reprint], rising_only=True)
    assert conflict.kind == "update" and "says it rose" in conflict.reason


def test_a_toll_a_report_calls_new_is_an_update_however_close_its_steps():
    """Ariha, 3 August 2015: "at least 20" this morning, 27, then 31 within the hours of
    one day; one report says "ارتفعت حصيلة القتلى". Steps that close are outlets at once,
    a disagreement, unless a report says the toll rose or is new."""
    from ledger.conflicts import find_conflict

    def step(k: int, value: int, at: str, before: str = "") -> SourceMention:
        return SourceMention(k, str(value), "exact", value, None, None, None, f"a.json#{k}",
                             f"outlet{k}", f"2015-08-03 {at}", before=before)  # fmt: skip

    told = [step(1, 20, "08:00"), step(2, 27, "09:00", "وارتفعت حصيلة القتلى في أريحا "),
            step(3, 31, "10:00")]  # fmt: skip
    assert find_conflict(told, rising_only=True).kind == "update"
    untold = [step(1, 20, "08:00"), step(2, 27, "09:00"), step(3, 31, "10:00")]
    assert find_conflict(untold, rising_only=True).kind == "disagreement"
    # Aden, 20 July 2015: "أشار إلى ارتفاع أعداد الضحايا" (the numbers of victims rose)
    plural = [step(1, 20, "08:00"), step(2, 27, "09:00", "أشار إلى ارتفاع أعداد الضحايا وقال "),
              step(3, 31, "10:00")]  # fmt: skip
    assert find_conflict(plural, rising_only=True).kind == "update"


def test_market_snapshots_at_stated_times_are_an_update():
    early = SourceMention(
        1,
        "50.35",
        "exact",
        50.35,
        None,
        None,
        "USD",
        "a.json#1",
        "alyaum",
        "2015-08-06 01:38",
        after=" للبرميل بحلول الساعة 0515 بتوقيت جرينتش",
    )
    late = SourceMention(
        2,
        "50.45",
        "exact",
        50.45,
        None,
        None,
        "USD",
        "a.json#2",
        "alyaum",
        "2015-08-06 01:38",
        after=" للبرميل بحلول الساعة 1045 بتوقيت جرينتش",
    )
    conflict = find_conflict([late, early])
    assert conflict.kind == "update"
    assert conflict.reason.index("05:15 GMT") < conflict.reason.index("10:45 GMT")


def test_a_zero_is_bounded_and_suspect():
    conflict = find_conflict([_source(1, 0, "2015-08-06 08:00"), _source(2, 5, "2015-08-06 09:00")])
    assert conflict.severity == 10.0 and conflict.suspect


def test_qualifiers_are_honoured():
    assert find_conflict([_source(1, 50, "2015-08-06 08:00", "more_than"),
                          _source(2, 55, "2015-08-06 08:30")]) is None  # fmt: skip


def test_link_refuses_locked_ledger(linked):
    blocker = sqlite3.connect(linked.path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LedgerError, match="locked"):
            link(linked)
    finally:
        blocker.rollback()
        blocker.close()


def _state(ledger):
    claims = dict(ledger.db.execute("SELECT id, claim_id FROM mentions WHERE is_claim = 1"))
    figures = ledger.db.execute(
        "SELECT claim_id, mentions, conflict, reason, status FROM figures ORDER BY claim_id"
    ).fetchall()
    return claims, figures


def test_a_decision_relinks_only_what_it_touches_and_agrees_with_a_full_link(linked):
    """The local re-grouping after a decision gives the ledger a full re-link gives."""
    from ledger.figures import merge_figures, split_mention

    rows = linked.db.execute(
        "SELECT claim_id FROM figures WHERE mentions > 1 ORDER BY claim_id"
    ).fetchall()
    mention = linked.db.execute(
        "SELECT id FROM mentions WHERE claim_id = ? AND id != claim_id", [rows[0][0]]
    ).fetchone()[0]
    split_mention(linked, mention)
    merge_figures(linked, rows[1][0], rows[2][0])
    undo_decision(linked)
    local = _state(linked)
    link(linked, rescore=False)
    assert _state(linked) == local


def test_round_figures_allow_what_they_were_rounded_from():
    from ledger.intervals import disjoint, interval_of

    assert not disjoint(
        interval_of("exact", 22000, None, None), interval_of("exact", 22300, None, None)
    )
    assert not disjoint(
        interval_of("exact", 400000, None, None), interval_of("exact", 439491, None, None)
    )
    # ... or cut short (read on the corpus: "112 ألف" for more than 112,686 violators,
    # "٢٢ ألف" for 22,790 pills, 322 bn riyals for 322.8 bn)
    assert not disjoint(
        interval_of("exact", 112000, None, None), interval_of("more_than", 112686, None, None)
    )
    assert not disjoint(
        interval_of("exact", 22000, None, None), interval_of("exact", 22790, None, None)
    )
    assert disjoint(
        interval_of("exact", 22000, None, None), interval_of("exact", 23100, None, None)
    )
    # tolls and other small or precise numbers are taken as said
    assert disjoint(interval_of("exact", 30, None, None), interval_of("exact", 32, None, None))
    assert disjoint(interval_of("exact", 9450, None, None), interval_of("exact", 9460, None, None))


def test_a_number_is_said_to_its_last_digit():
    """Read on the corpus: a headline's "21 نقطة" is the text's 21.29, "43" the 43.16 of
    another outlet, 4.4% another's 4.43%; but 13 and 14 dead, 0.5% and 0.6%, and "about
    130" against 150 wounded still conflict."""
    from ledger.intervals import disjoint, interval_of

    def apart(a, b, qa="exact"):
        return disjoint(interval_of(qa, a, None, None), interval_of("exact", b, None, None))

    assert not apart(21, 21.29) and not apart(43, 43.16) and not apart(4.4, 4.43)
    assert apart(13, 14) and apart(0.6, 0.5) and apart(1.7, 1.6) and apart(100, 101)
    assert apart(130, 150, "approx")


def test_a_headline_cuts_its_figure_short_and_rounds_it():
    """Read on the corpus: SPA's headline "تراجعاً بـ 76 نقطة" over a text of 76.75
    points, alweeam's headline "150 وفاة" over a text of 151; neither is a conflict. A
    headline's 13 dead against a text's 14, or its 50 against 51, still is: people come
    whole, no headline cut a fraction off them."""
    from ledger.intervals import counts_whole_things, disjoint, interval_of

    def apart(headline, text, whole):
        said = interval_of("exact", headline, None, None, headline=True, whole=whole)
        return disjoint(said, interval_of("exact", text, None, None))

    points, dead = counts_whole_things("count", "نقطة"), counts_whole_things("count", "شخص")
    assert not points and dead
    assert not apart(76, 76.75, points) and apart(76, 75.25, points)
    assert not apart(150, 151, dead) and not apart(150, 147, dead) and apart(150, 160, dead)
    assert apart(13, 14, dead) and apart(50, 51, dead) and apart(76, 76.75, dead)
    # the text's own figure is taken as said
    assert disjoint(interval_of("exact", 151, None, None), interval_of("exact", 150, None, None))


def test_a_headline_and_its_repeat_in_the_text_round_the_toll(tmp_path):
    """Pakistan's floods: alriyadh (4 August) "at least 151" dead; alweeam (6 August) 151
    in its text, "150 وفاة" in its headline and in its link footer that repeats the
    headline. One figure, no conflict."""
    from pathlib import Path

    from excerpts import linked

    data = Path(__file__).parent / "data" / "headline_excerpts.jsonl"
    with linked(tmp_path / "floods.db", data, 2) as ledger:
        figures = ledger.db.execute(
            "SELECT DISTINCT claim_id FROM mentions WHERE is_claim = 1 AND value >= 150"
        ).fetchall()
        assert len(figures) == 1
        flagged = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert flagged.fetchone()[0] == 0
        # the figure page (and its chart) reads the footer as a headline too
        from ledger.figures import figure

        rows = figure(ledger, figures[0][0])["mention_rows"]
        said = {(r["text"], r["field"]): bool(r["headline"]) for r in rows}
        assert said[("150", "text")] and said[("150", "title")] and not said[("151", "text")]


def test_a_qualifier_on_the_same_number_is_no_conflict():
    """ "500" and "more than 500" in two reports say one thing two ways (read on the
    corpus: three such flags among 40 drawn were no conflict); 450 against "more than
    500" still is one."""
    from ledger.conflicts import SourceMention, find_conflict

    early = SourceMention(1, "500", "exact", 500, None, None, None, "a", "x", "2015-07-21 08:00:00")
    late = SourceMention(2, "أكثر من 500", "more_than", 500, None, None, None, "b", "y",
                         "2015-07-22 08:00:00")  # fmt: skip
    assert find_conflict([early, late]) is None
    fewer = SourceMention(3, "450", "exact", 450, None, None, None, "c", "z", "2015-07-22 09:00:00")
    assert find_conflict([fewer, late]) is not None
    upto = SourceMention(4, "أقل من 500", "less_than", 500, None, None, None, "d", "w",
                         "2015-07-22 10:00:00")  # fmt: skip
    assert find_conflict([early, upto]) is None


def test_the_weekday_nearest_a_number_is_the_day_it_is_about():
    """A market's Saturday figure and its Sunday figure are two figures (a slot rule)."""
    from ledger.linking import _weekday_near
    from ledger.normalize import normalize

    text = normalize("بلغ عدد السيارات يوم السبت 1467 سيارة، وفي يوم الأحد 1554 سيارة").text
    first, second = text.index("1467"), text.index("1554")
    assert _weekday_near(text, first, first + 4) == "saturday"
    assert _weekday_near(text, second, second + 4) == "sunday"
    assert _weekday_near(normalize("قتل 5 أشخاص").text, 4, 5) is None


def test_a_headline_and_its_own_body_that_disagree_are_never_one_figure(tmp_path):
    """Even when another report chains them: a feed's first item says 8 dead (title and
    text); its update, under the same guid, keeps the title's 8 and says 11 in its text."""
    from pathlib import Path

    from ledger import Database

    feed = Path(__file__).parent / "data" / "toll_update.rss"
    db = Database(tmp_path / "l.db")
    db.ingest([feed])
    db.link()
    rows = db.db.execute(
        "SELECT m.field, m.value, m.claim_id FROM mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE a.name LIKE '%#3@3' AND m.is_claim = 1 AND m.value IN (8, 11)"
    ).fetchall()
    figures = {field: claim for field, _value, claim in rows}
    assert set(figures) == {"title", "text"}
    assert figures["title"] != figures["text"]


def test_an_update_another_report_of_the_same_values_says_in_words():
    """Zacatecas, 6 August 2015: 16 dead and, within the hour, 23 from two outlets: a
    disagreement, unless a report of the 23 says "حسب حصيلة جديدة", though the pair named
    is the other report of it; and Kabul: "بعدما كانت تحدثت مصادر عن 20 قتيلا" tells the
    20 as an earlier count, though the pair named is another report's 20
    (``conflicts.said_update``)."""

    def said(k: int, value: int, at: str, before: str = "") -> SourceMention:
        return SourceMention(k, str(value), "exact", value, None, None, None, f"a.json#{k}",
                             f"outlet{k}", f"2015-08-06 {at}", before=before)  # fmt: skip

    bare = [said(1, 16, "09:00"), said(2, 23, "09:20"), said(3, 23, "09:40")]
    assert find_conflict(bare).kind == "disagreement"
    new = [*bare[:2], said(3, 23, "09:40", "ارتفع عدد القتلى حسب حصيلة جديدة إلى ")]
    conflict = find_conflict(new)
    assert conflict.kind == "update" and "says it rose" in conflict.reason
    kabul = [said(1, 20, "10:00"), said(2, 27, "10:20"),
             said(3, 20, "10:40", "وذلك بعدما كانت تحدثت مصادر عن ")]  # fmt: skip
    conflict = find_conflict(kabul)
    assert conflict.kind == "update" and "an earlier count" in conflict.reason


def test_a_later_higher_toll_linked_likely_witnesses_its_rise():
    """Kabul, 8-9 August: aawsat's evening 49 dead and alyaum's 51 the next day score
    0.74-0.8 (worded apart), short of ``EVIDENCE``; a toll told higher hours later by a
    pair that likely (``conflicts.RISING_EVIDENCE``) is its rise. Told lower later, in
    one article, or within the hour, it is no such witness."""
    from ledger.conflicts import witnessed

    first, later = _source(1, 49, "2015-08-08 18:09"), _source(2, 51, "2015-08-09 17:52")
    rising = {1: {2}, 2: {1}}
    assert not witnessed([first, later], {})
    assert witnessed([first, later], {}, rising=rising)
    fell = [_source(1, 51, "2015-08-08 18:09"), _source(2, 49, "2015-08-09 17:52")]
    assert not witnessed(fell, {}, rising=rising)
    soon = [first, _source(2, 51, "2015-08-08 18:40")]
    assert not witnessed(soon, {}, rising=rising)
    one_article = [first, SourceMention(2, "51", "exact", 51, None, None, None, "a.json#1",
                                        "spa", "2015-08-09 17:52")]  # fmt: skip
    assert not witnessed(one_article, {}, rising=rising)
    # nor when each report states both values (two items of one list, told twice)
    assert not witnessed([first, later], {}, crossed=lambda a, b: True, rising=rising)


def test_witnesses_are_split_by_how_likely_their_pair_is():
    """Pairs of ``EVIDENCE`` witness any conflict, pairs of ``RISING_EVIDENCE`` counting
    one noun a toll's rise only, and a pair that says it is no witness (small counts
    naming nothing in common) neither."""
    from ledger.conflicts import EVIDENCE, RISING_EVIDENCE
    from ledger.figures import _witnesses
    from ledger.linking import Constraints, Pair
    from ledger.pair_rules import SMALL_REASON

    noun = "same slot 76%; both killed; both count شهيد; same story"
    pairs = {(1, 2): Pair(1, 2, EVIDENCE, "same slot"),
             (3, 4): Pair(3, 4, RISING_EVIDENCE, noun),
             (5, 6): Pair(5, 6, RISING_EVIDENCE - 0.01, noun),
             (7, 8): Pair(7, 8, 0.78, f"{noun}; {SMALL_REASON}"),
             (9, 10): Pair(9, 10, 0.78, "same slot 78%; both killed; same story")}  # fmt: skip
    found = _witnesses(pairs, Constraints())
    assert dict(found.strong) == {1: {2}, 2: {1}}
    assert dict(found.rising) == {3: {4}, 4: {3}}  # 9-10 count no one noun
    # a ledger whose pairs await a rescore (a migration) has no rising witness yet
    assert not _witnesses(pairs, Constraints(), rising=False).rising


def test_lower_bounds_of_a_toll_standing_by_different_counts_conflict():
    """Harda, 6 August 2015: Reuters' "at least 20" dead (aleqtisadiya, 01:27) and AFP's
    "at least 27" (alweeam, 01:11) can both hold as intervals, but each report stands by
    another count: flagged, a disagreement (told within the hour). A bound and a value
    inside it are no conflict (more than 50 and 55), nor are two reports' bounds at one
    count ("more than 2,000" and "passed 2,000"), nor bounds of what is not a toll."""
    from ledger.conflicts import witnessed

    reuters = _source(1, 20, "2015-08-06 01:27", "at_least", "aleqtisadiya")
    afp = _source(2, 27, "2015-08-06 01:11", "at_least", "alweeam")
    conflict = find_conflict([reuters, afp], rising_only=True)
    assert conflict.kind == "disagreement" and conflict.of_floors
    assert conflict.reason.startswith("lower bounds: at least 20 «20» (a.json#1, aleqtisadiya")
    assert find_conflict([reuters, afp]) is None  # not a toll: intervals only
    said = _source(2, 27, "2015-08-06 01:11", "exact", "alweeam")
    assert find_conflict([reuters, said], rising_only=True) is None
    passed = [_source(1, 2000, "2015-08-04 18:16", "more_than"),
              _source(2, 2000, "2015-08-06 01:47", "more_than", "aawsat")]  # fmt: skip
    assert find_conflict(passed, rising_only=True) is None
    # such a conflict is witnessed by two linked bounds standing by different counts
    assert witnessed([reuters, afp], {1: {2}, 2: {1}}, of_floors=True)
    assert not witnessed([reuters, afp], {1: {2}, 2: {1}})
    # a headline's bound rounds ("أكثر من 3 آلاف" over the text's 3,042): no such bound
    text = _source(1, 2927, "2015-07-23 17:23", "at_least")
    headline = replace(_source(2, 3000, "2015-07-23 17:23", "more_than"), headline=True)
    assert find_conflict([text, headline], rising_only=True) is None
    # nor one the same report states more precisely (its exact 3,042 beside "more than 3,000")
    body = _source(2, 3000, "2015-07-23 17:23", "more_than")
    exact = _source(3, 3042, "2015-07-23 17:23")
    exact.article = body.article
    assert find_conflict([text, body], rising_only=True) is not None
    assert find_conflict([text, body, exact], rising_only=True) is None
    # one report's two bounds are never set against each other
    own = SourceMention(3, "21", "at_least", 21, None, None, None, "a.json#1", "spa",
                        "2015-08-06 01:30")  # fmt: skip
    conflict = find_conflict([reuters, own, afp], rising_only=True)
    assert {conflict.low_mention, conflict.high_mention} == {1, 2}


def test_lower_bounds_that_rise_with_time_are_an_update():
    """Syria's war toll: "more than 230,000" (aleqtisadiya, 6 August), then "more than
    240,000" (alyaum, 10 August) after the monitor's new count: an update."""
    early = _source(1, 230000, "2015-08-06 01:26", "more_than", "aleqtisadiya")
    later = _source(2, 240000, "2015-08-10 19:08", "more_than", "alyaum")
    conflict = find_conflict([early, later], rising_only=True)
    assert conflict.kind == "update" and conflict.of_floors
    assert "230,000" in conflict.reason and "240,000" in conflict.reason
    # told the same morning, the higher "according to a new toll": an update too
    said = SourceMention(2, "240 ألف", "more_than", 240000, None, None, None, "a.json#2",
                         "aljazirah", "2015-08-07 06:42", before="أسفر النزاع عن أكثر من",
                         after="قتيل بحسب حصيلة جديدة للمرصد")  # fmt: skip
    same_morning = _source(1, 230000, "2015-08-07 06:27", "more_than", "alyaum")
    assert find_conflict([same_morning, said], rising_only=True).kind == "update"
