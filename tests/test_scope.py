"""What a count covers (``ledger.scope``): its period, a subset of a toll, a bulletin's
new cases; and that linking keeps counts of different scopes apart, on real excerpts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from excerpts import figure_of, linked, mention_of, veto_reason

from ledger.conflicts import EVIDENCE
from ledger.figures import SETTINGS
from ledger.linking import (
    LEAD_REASON,
    SAME_NOUN_REASON,
    ClaimRow,
    Constraints,
    Pair,
    cluster,
    other_things,
    past_closing,
    read_scope,
    rose,
    same_session,
)
from ledger.normalize import normalize
from ledger.pair_rules import DESCRIBED_REASON, described_part_pairs
from ledger.scope import (
    incident_marks,
    new_count,
    period_near,
    running_total,
    same_incident,
    same_period,
    severe_count,
    subset_of_toll,
)

DATA = Path(__file__).parent / "data" / "scope_excerpts.jsonl"


def _at(text: str, number: str) -> tuple[str, int, int]:
    norm = normalize(text).text
    start = norm.index(number)
    return norm, start, start + len(number)


@pytest.mark.parametrize(
    ("text", "number", "days"),
    [
        ("قتلوا وجرح 400 آخرون خلال أسبوعين من الغارات الجوية", "400", 14),
        ("أسفرت خلال أسبوع عن مقتل حوالى 260 عنصرا من حزب العمال وإصابة حوالي 400 آخرين", "400", 7),
        ("قتل 44 شخصاً على الأقل في الساعات الـ24 الأخيرة في كابول", "44", 1),
        ("خلال 24 ساعة سجلت 3 وفيات", "3", 1),
        # a date is no period
        ("قتل 5 أشخاص في عام 2015", "5", None),
        ("بلغت المبيعات 5 ملايين خلال شهر رمضان", "5", None),
        ("مقتل 15 شخصا في يوم الجمعة", "15", None),
        # another clause's period is not this number's
        ("قتل 20 خلال أسبوع، وأصيب 30 في الهجوم الأخير", "30", None),
    ],
)  # fmt: skip
def test_period_near(text, number, days):
    assert period_near(*_at(text, number)) == days


def test_same_period():
    assert same_period(14, 15) and same_period(None, 7) and same_period(7, None)
    assert not same_period(7, 14)


@pytest.mark.parametrize(
    ("text", "number", "severe"),
    [
        ("اضاف إن نحو 20 جريحا ما زالوا مساء الاثنين في حالة «حرجة».", "20", True),
        ("وإصابة تسعة آخرين ثلاثة منهم إصاباتهم بالغة.", "ثلاثه", True),
        # the state belongs to the number after this one
        ("وإصابة تسعة آخرين ثلاثة منهم إصاباتهم بالغة.", "تسعه", False),
        ("أصيب 100 شخص بجروح، وحالة 3 خطيرة", "100", False),
    ],
)  # fmt: skip
def test_severe_count(text, number, severe):
    norm, _start, end = _at(text, number)
    assert severe_count(norm, end) is severe


def test_incident_marks():
    truck = incident_marks(normalize("أسفر هجوم بشاحنة مفخخة في حي سكني في كابول عن سقوط 15").text)
    academy = incident_marks(normalize("20 قتيلاً على الأقل إثر هجوم ضد أكاديمية للشرطة").text)
    series = incident_marks(normalize("وأسفرت موجة التفجيرات أمس عن مقتل 49 شخصا").text)
    plain = incident_marks(normalize("ارتفعت الحصيلة إلى 15 قتيلا").text)
    assert not same_incident(truck, academy)
    assert not same_incident(series, truck)
    assert same_incident(plain, truck) and same_incident(plain, academy)
    # "the deadliest of the bombings" tells one of them (aljazirah, 11 August 2015)
    deadliest = incident_marks(normalize("ووقع أكثر التفجيرات دموية في سوق الهويدر").text)
    assert deadliest == (frozenset({"سوق"}), False, frozenset())
    # the places the clause names are the third mark (``places_named``)
    assert truck[2] == {normalize("كابل").text}


def test_tolls_of_incidents_told_apart_are_never_one_slot():
    """A hard rule: Kabul's truck bomb and its police academy, the same 8 dead."""
    import numpy as np

    from ledger.slots import Table

    def toll(mid: int, sentence: str) -> ClaimRow:
        r = ClaimRow(mid, f"a{mid}", 0, "قتيل", "killed", "count", None, "2015-08-08")
        r.stated, r.incident = ("exact", 8, None, None), incident_marks(normalize(sentence).text)
        return r

    rows = [toll(1, "أسفر هجوم بشاحنة مفخخة في حي سكني عن سقوط 8 قتلى"),
            toll(2, "8 قتلى على الأقل إثر هجوم ضد أكاديمية للشرطة"),
            toll(3, "ارتفعت الحصيلة إلى 8 قتلى")]  # fmt: skip
    ok = Table(rows).allowed(np.array([0, 0, 1]), np.array([1, 2, 2]))
    assert ok.tolist() == [False, True, True]


def test_a_count_of_who_told_it_is_never_one_slot():
    """Kabul, 9 August: "وذكر مصدران أمنيان" (two sources said) and another report's three
    sources are who spoke, not a figure whose values disagree; a count of witnesses to
    which something happened is a toll like any other."""
    import numpy as np

    from ledger.normalize import normalize_word
    from ledger.slots import Table

    def row(mid: int, value: int, event: str | None, noun: str = "مصدر") -> ClaimRow:
        r = ClaimRow(mid, f"a{mid}", 0, noun, event, "count", None, "2015-08-09")
        r.stated, r.entity_key = ("exact", value, None, None), normalize_word(noun)
        return r

    rows = [row(1, 2, None), row(2, 3, None), row(3, 7, "injured", "شاهد"),
            row(4, 8, "injured", "شاهد"), row(5, 2, None, "مسؤول"), row(6, 3, None, "مسؤول")]  # fmt: skip
    ok = Table(rows).allowed(np.array([0, 2, 4]), np.array([1, 3, 5]))
    assert ok.tolist() == [False, True, True]


def test_subset_and_new_and_running():
    norm, _start, end = _at("قال إن 32 من الجرحى ما زالوا في المستشفيات", "32")
    assert subset_of_toll(norm, end)
    norm, _start, end = _at("قال إن 12 من رجال الأمن قتلوا", "12")
    assert not subset_of_toll(norm, end)
    norm, _start, end = _at("تسجيل 4 حالات إصابة جديدة بفيروس كورونا", "4")
    assert new_count(norm, end) and not running_total(norm)
    assert running_total(normalize("ليرتفع عدد حالات الإصابة منذ شهر يونيو 2012 إلى 1063").text)


@pytest.fixture
def scoped(ledger_path):
    ledger = linked(ledger_path, DATA, 6)
    yield ledger
    ledger.close()


def test_a_week_and_two_weeks_are_two_figures(scoped):
    week = figure_of(scoped, "pkk-week-alwatan", "حوالي 400")
    weeks = {
        figure_of(scoped, "pkk-weeks-aawsat", "400"),
        figure_of(scoped, "pkk-weeks-okaz", "400"),
    }
    assert len(weeks) == 1, "two reports of the two weeks' wounded are one figure"
    assert week not in weeks


def test_two_bulletins_new_cases_are_two_figures_and_the_total_is_one(scoped):
    assert figure_of(scoped, "mers-0804-alyaum", "4") != figure_of(
        scoped, "mers-0810-alriyadh", "4"
    )
    assert figure_of(scoped, "mers-0804-alyaum", "1063") == figure_of(
        scoped, "mers-0806-okaz", "1063"
    )


def _row(entity_key: str, entity_class: str) -> ClaimRow:
    row = ClaimRow(1, "a", 0, entity_key, "killed", "count", None, None)
    row.entity_key, row.entity_class = entity_key, entity_class
    return row


def test_a_generic_toll_noun_may_count_the_civilians_another_report_names():
    """Zarkel: "ستة أشخاص" in one report, "ثمانية مدنيين" in another, one toll."""
    assert not other_things(_row("شخص", "person"), _row("مدني", "civilian"))
    assert not other_things(_row("قتيل", "person"), _row("مصلي", "civilian"))
    # soldiers are not civilians, and companies are not people
    assert other_things(_row("جندي", "person"), _row("مدني", "civilian"))
    assert other_things(_row("شخص", "person"), _row("شركه", "group"))


SESSIONS = Path(__file__).parent / "data" / "sessions_excerpts.jsonl"


def test_reports_of_two_market_sessions_never_share_a_figure(ledger_path):
    """Two reports of the same template, the same day: 54 and 78 companies fell, 17
    unchanged in both; the index closed at 9,337.86 in one and 9,275.20 in the other."""
    with linked(ledger_path, SESSIONS, 2) as ledger:
        assert figure_of(ledger, "tasi-ramadan-alweeam", "54") != figure_of(
            ledger, "tasi-session-3alyoum", "78"
        )
        assert figure_of(ledger, "tasi-ramadan-alweeam", "17") != figure_of(
            ledger, "tasi-session-3alyoum", "17"
        )
        conflicts = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert conflicts.fetchone()[0] == 0


def test_session_levels():
    def row(article: str, *levels: float) -> ClaimRow:
        r = ClaimRow(1, article, 0, None, None, "count", None, None)
        r.sessions = levels
        return r

    assert same_session(row("a", 8790.77), row("b", 8790.0, 11836.75))  # rounded in a title
    assert not same_session(row("a", 9337.86), row("b", 9275.2))
    assert same_session(row("a", 9337.86), row("b"))  # a report naming no level
    assert same_session(row("a", 9337.86), row("a", 9275.2))  # one article
    # two regional reports of consecutive sessions (aawsat, 31 July 2015): Bahrain's
    # index barely moved (1,331.66 then 1,332.33), every other market did
    wednesday = (4131.80, 9107.39, 6235.47, 1332.33, 2130.17, 11822.17, 6555.87, 6245.03)
    thursday = (4143.21, 6253.71, 6558.18, 11700, 11785.22, 2125.72, 9098.27, 1331.66)
    assert not same_session(row("a", *wednesday), row("b", *thursday))
    assert same_session(row("a", *wednesday), row("b", 9107.39))  # the Saudi report alone


EARLIER = Path(__file__).parent / "data" / "earlier_excerpt.jsonl"


def test_a_report_that_cites_its_earlier_toll_is_an_update_of_one_figure(ledger_path):
    """An article rarely contradicts itself, but one that says "an earlier toll gave
    eight dead" tells an update: its 8 and its 15 are one figure, flagged as an update."""
    with linked(ledger_path, EARLIER, 1) as ledger:
        killed = figure_of(ledger, "kabul-aawsat", "ثمانية")
        assert killed == figure_of(ledger, "kabul-aawsat", "15")
        kind, reason = ledger.db.execute(
            "SELECT conflict_kind, reason FROM figures WHERE claim_id = ?", [killed]
        ).fetchone()
        assert kind == "update" and "an earlier count" in reason
        # the wounded of the same report likewise: the earlier "more than 100" joins the
        # count it rose to, told just before it ("more than 240", the presidency's)
        wounded = figure_of(ledger, "kabul-aawsat", "أكثر من مائة")
        assert wounded == figure_of(ledger, "kabul-aawsat", "أكثر من 240")


DESK = Path(__file__).parent / "data" / "desk_excerpts.jsonl"


def test_an_outlet_does_not_contradict_itself_within_a_day(ledger_path):
    """Two alyaum spec sheets of 25 July 2015, one template: a tablet of 265 g with an
    8-inch screen, a phone of 172.9 g with a 5.5-inch one. Two devices, no conflict."""
    with linked(ledger_path, DESK, 4) as ledger:
        assert figure_of(ledger, "tablet-alyaum", "265 جراما") != figure_of(
            ledger, "phone-alyaum", "172.9 جرام"
        )
        assert figure_of(ledger, "tablet-alyaum", "8") != figure_of(ledger, "phone-alyaum", "5.5")
        conflicts = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert conflicts.fetchone()[0] == 0


def test_a_count_of_some_of_a_group_counts_its_members(ledger_path):
    """ "431 من خلايا داعش" in a headline is the 431 people another outlet says were
    arrested: members of the cells, not cells."""
    with linked(ledger_path, DESK, 4) as ledger:
        assert figure_of(ledger, "cells-aleqtisadiya", "431", "title") == figure_of(
            ledger, "arrests-alwatan", "431"
        )


ABHA = Path(__file__).parent / "data" / "abha_rising_excerpts.jsonl"


def test_a_toll_that_rose_over_two_days_is_one_figure(ledger_path):
    """Abha: the ministry's first statement (6 August) says 7 injured, its statement of
    8 August 33. Each report leads with its count of the injured, told lower first: one
    figure, flagged, though most of its pairs were never scored alike."""
    with linked(ledger_path, ABHA, 4) as ledger:
        figure = figure_of(ledger, "abha-0806-alriyadh", "سبعة")
        assert figure == figure_of(ledger, "abha-0808-aleqtisadiya", "33")
        flag = ledger.db.execute("SELECT conflict FROM figures WHERE claim_id = ?", [figure])
        assert flag.fetchone()[0] == 1


def test_leading_tolls_join_across_the_average_only_when_the_toll_rose():
    """Two groups of three, tight within, one leading-toll pair between them: average
    linkage keeps them apart; the rise (lower told a day and more earlier) joins them."""
    hour = 3600.0
    within = [(1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (5, 6)]
    pairs = {(a, b): Pair(a, b, 0.9, "same slot 90%") for a, b in within}
    pairs[(1, 4)] = Pair(1, 4, 0.8, f"{LEAD_REASON} injured")
    sentence_of = {m: (f"article {m}", False, 0) for m in range(1, 7)}
    ids = list(range(1, 7))
    early = {m: (9.0, m * hour) for m in (1, 2, 3)}
    late = {m: (33.0, 40 * hour + m * hour) for m in (4, 5, 6)}
    apart, _ = cluster(ids, pairs, sentence_of, Constraints(), SETTINGS)
    assert apart[1] != apart[4]
    joined, _ = cluster(ids, pairs, sentence_of, Constraints(), SETTINGS, None, early | late)
    assert joined[1] == joined[4]
    fell = {m: (33.0 if m < 4 else 9.0, t) for m, (_, t) in (early | late).items()}
    fallen, _ = cluster(ids, pairs, sentence_of, Constraints(), SETTINGS, None, fell)
    assert fallen[1] != fallen[4]  # a toll does not fall as it is counted


def test_a_rising_toll_of_one_noun_joins_when_its_groups_agree_enough():
    """Abha: twelve reports of 6-7 August count three workers killed, the statement of 8
    August four. Their pairs average under the grouping bar (most were never scored
    alike), but the likeliest counts one noun and the toll rose: one figure. A lone pair
    between groups that otherwise never scored alike joins nothing."""
    hour = 3600.0
    within = [(1, 2), (1, 3), (2, 3), (4, 5)]
    pairs = {(a, b): Pair(a, b, 0.9, "same slot 90%") for a, b in within}
    noun = f"same slot 65%; both killed; {SAME_NOUN_REASON} عامل; same story"
    pairs[(1, 4)] = Pair(1, 4, 0.65, noun)
    pairs[(2, 5)] = Pair(2, 5, 0.6, "same slot 60%; both killed; same story")
    sentence_of = {m: (f"article {m}", False, 0, 0) for m in range(1, 6)}
    ids = list(range(1, 6))
    timeline = {m: (3.0, m * hour) for m in (1, 2, 3)} | {m: (4.0, 48 * hour) for m in (4, 5)}
    joined, links = cluster(ids, pairs, sentence_of, Constraints(), SETTINGS, None, timeline)
    assert joined[1] == joined[4]  # (0.65 + 0.6) / 6 pairs clears RISE_AVERAGE
    assert any("the toll rose" in link.explanation for link in links)
    del pairs[(2, 5)]  # 0.65 / 6 does not
    apart, _ = cluster(ids, pairs, sentence_of, Constraints(), SETTINGS, None, timeline)
    assert apart[1] != apart[4]


def test_rose():
    hour = 3600.0
    timeline = {1: (7.0, 0.0), 2: (9.0, hour), 3: (33.0, 40 * hour), 4: (40.0, 44 * hour)}
    assert rose([1, 2], [3, 4], timeline)  # lower first, a day and more before
    timeline[3], timeline[4] = (33.0, 0.0), (40.0, hour)
    assert not rose([1, 2], [3, 4], timeline)  # told at the same hours: two tolls
    assert not rose([1], [5], timeline)  # nothing known of one side
    timeline[5] = (7.0, 48 * hour)
    assert rose([1], [5], timeline) and not rose([1], [5], timeline, strict=True)
    # Khurais (31 July 2015): 27 injured and 29 to 50 told within the hour disagree
    timeline = {1: (27.0, 0.0), 2: (47.0, 0.1 * hour), 3: (50.0, 0.4 * hour)}
    assert rose([1], [2, 3], timeline) and not rose([1], [2, 3], timeline, strict=True)


def test_an_earlier_count_is_told_before_a_comma_too():
    from ledger.scope import told_as_earlier

    # alyaum, 21 July 2015: "... وإصابة 20 آخرين، في حصيلة أولية، في حين ..."
    assert told_as_earlier("سقوط حوالي 10 قتلي واصابه 20 اخرين، في حصيله اوليه، في حين")
    assert not told_as_earlier("سقوط حوالي 10 قتلي واصابه 20 اخرين، في حين")
    # aawsat and alyaum, 9 August: "وذلك بعدما كانت تحدثت مصادر عن 20 قتيلا"
    assert told_as_earlier("وذلك بعدما كانت تحدثت مصادر عن 20 قتيلا")
    # alyaum, 8 August: "وكان قائد شرطة كابول قد صرح قبلها بأنهم «أحصوا ثمانية قتلى»"
    assert told_as_earlier("قد صرح قبلها بانهم «احصوا ثمانيه قتلي")
    # a past perfect about something else is no earlier count
    assert not told_as_earlier("وانهي ليون المباراه بعشره لاعبين بعدما كان فورنييه قد اجري")
    assert told_as_earlier("وكان قد قال قبل ذلك ان 8 اشخاص قتلوا")
    assert told_as_earlier("بعد ان كان الجيش قد اعلن مقتل 8")
    # نقل also carries the hurt; ذكرى is an anniversary
    assert not told_as_earlier("وقتل 5 جنود بعد ان كانوا قد نقلوا الي موقع الانفجار")
    assert not told_as_earlier("بعدما كانت ذكري الحادث قد مرت")


def test_a_first_count_is_given_by_the_first_information():
    from ledger.scope import told_as_first

    def first(text: str, number: str) -> bool:
        norm = normalize(text).text
        return told_as_first(norm, norm.index(number))

    # aawsat, 6 August 2015: "وحسب المعلومات الأولية، فإن نحو 17 شخصا"
    assert first("وحسب المعلومات الأولية، فإن نحو 17 شخصا استشهدوا", "17")
    assert first("وتشير التقديرات الأولية إلى مقتل 20", "20")
    assert first("بلغ عدد الضحايا كحصر أولي 12 شخصا", "12")
    assert first("وفي تقرير مبدئي قتل 7", "7")
    # first aid, a first inspection count nothing; nor does information about something
    # else, told in a clause of its own ("أكدت المعلومات الأولية أن المسلح ... قتل 4")
    assert not first("تقديم الإسعافات الأولية لـ 20 مصابا", "20")
    assert not first("خلال المعاينة الأولية لـ 5 مواقع", "5")
    assert not first("وأكدت المعلومات الأولية أن المسلح من أصل أردني وقد قتل 4 جنود", "4")
    # a verb of saying between, the numbers told with the first, "أن" opening the count
    assert first("وكانت المعلومات الأولية التي وردت عقب الانفجار قد أشارت إلى جرح 7", "7")
    assert first("تشير الإحصائيات الأولية إلى مقتل ما يقارب 278 وإصابة 356", "356")
    assert first("تشير المعلومات الأولية إلى أن 17 قتلوا", "17")
    assert first("المعلومات الأمنية الأولية تشير إلى 5 قتلى", "5")


def test_a_statement_made_before_holds_until_the_report_turns_to_its_own_news():
    from ledger.scope import stated_before

    # alwatan, 7 August 2015: the ministry's first statement (ten members), then the toll
    # "rose to 12"
    text = normalize(
        'وكان المتحدث الأمني بوزارة الداخلية قد صرح بأنه أثناء "قيام مجموعة من منسوبي '
        "قوات الطوارئ حدث تفجير نتج عنه استشهاد عشرة من منسوبي القوات إضافة إلى ثلاثة من "
        'العاملين"، فيما ارتفعت حصيلة شهداء هذه الجريمة إلى 12'
    ).text
    assert stated_before(text, text.index("عشره"))
    assert stated_before(text, text.index("ثلاثه"))
    assert not stated_before(text, text.index("12"))
    plain = normalize("قال المتحدث إن عشرة استشهدوا").text
    assert not stated_before(plain, plain.index("عشره"))
    # a sentence the splitter missed ends the statement too; so does "أما" (as for)
    missed = normalize("وكانت الشرطة قد أعلنت مقتل 5 أشخاص.وقالت مصادر إن 9 قتلوا").text
    assert stated_before(missed, missed.index("5")) and not stated_before(missed, missed.index("9"))
    turned = normalize("وكان مراسلنا قد أفاد بأن 30 أصيبوا، أما التفجير المزدوج فقتل 12").text
    assert not stated_before(turned, turned.index("12"))


EARLIER_STATEMENTS = Path(__file__).parent / "data" / "earlier_statements_excerpts.jsonl"


def test_a_first_count_told_as_initial_rose_to_the_statements(ledger_path):
    """aawsat's live report of the Abha bombing (6 August 2015) says "according to the
    initial information" about 17 died, then, in its update, the ministry's total of 13:
    one figure told twice, an update, not the article contradicting itself."""
    with linked(ledger_path, EARLIER_STATEMENTS, 3) as ledger:
        first = figure_of(ledger, "abha-aawsat", "نحو 17")
        assert first == figure_of(ledger, "abha-aawsat", "13")
        kind = ledger.db.execute(
            "SELECT conflict_kind FROM figures WHERE claim_id = ?", [first]
        ).fetchone()[0]
        assert kind == "update"


def test_a_statement_made_before_is_no_earlier_count_of_the_report_s_toll(ledger_path):
    """What a report says was stated before excuses it from contradicting itself
    (alwatan's ten members, then 12), but may tell another incident: aljazirah's 25
    special forces killed around Benghazi and "وكان مسؤول ... قد صرح" six fighters of
    Derna are two figures, not a toll that rose (``ClaimRow.cited``)."""
    from ledger.linking import load_claims

    with linked(ledger_path, EARLIER_STATEMENTS, 3) as ledger:
        assert figure_of(ledger, "libya-aljazirah", "ستة") != figure_of(
            ledger, "libya-aljazirah", "25"
        )
        ten = ledger.db.execute(
            "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.name LIKE '%#abha-alwatan' AND m.text = 'عشرة'"
        ).fetchone()[0]
        twelve = ledger.db.execute(
            "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.name LIKE '%#abha-alwatan' AND m.text = '12'"
        ).fetchone()[0]
        by_id = {r.id: r for r in load_claims(ledger.db)}
        assert by_id[ten].earlier and by_id[ten].cited
        assert not by_id[twelve].earlier


def test_voice_at():
    from ledger.scope import voice_at

    text = normalize(
        "وأكد مصدر في الشرطة مقتل 20 طالبا عسكريا، فيما تحدث مصدر ثالث عن 25 قتيلا."
    ).text
    assert voice_at(text, text.index("20")) == 0
    assert voice_at(text, text.index("25")) == 1
    # a contrast without a source reporting is the same voice, and نقل carries the hurt
    text = normalize("قتل 20 شخصا فيما أصيب 30 آخرون").text
    assert voice_at(text, text.index("30")) == 0
    text = normalize("قتل 5 فيما نقل 20 جريحا إلى المستشفى").text
    assert voice_at(text, text.index("20")) == 0


RIVAL = Path(__file__).parent / "data" / "kabul_rival_excerpts.jsonl"


def test_a_rival_source_in_one_sentence_is_a_disagreement_the_report_tells(ledger_path):
    """aljazirah, 8 August: "a police source said 20 cadets were killed, while a third
    source spoke of 25". The 25 is another voice: neither the sentence's own 20 nor the
    article's other 20s keep it out of the academy's toll, which aawsat gives as 27 the
    next day after "sources had spoken of 20". One figure, flagged."""
    with linked(ledger_path, RIVAL, 2) as ledger:
        toll = figure_of(ledger, "kabul-0808-aljazirah", "25")
        assert toll == figure_of(ledger, "kabul-0808-aljazirah", "20", "title")
        assert toll == figure_of(ledger, "kabul-0809-aawsat", "27")
        flag = ledger.db.execute("SELECT conflict FROM figures WHERE claim_id = ?", [toll])
        assert flag.fetchone()[0] == 1


def test_a_count_told_as_earlier_contradicts_nothing_in_its_report():
    """aawsat, 21 July: the headline says 100 injured; the text cites an official's earlier
    20 to 25. Neither that pair nor the text's other counts of the toll are a
    contradiction that would keep the toll's reports in two figures."""
    from ledger.pair_rules import self_contradictions

    def row(mid, stated, title=False, earlier=False):
        r = ClaimRow(mid, "aawsat-0721", 0 if title else mid * 100, None, "injured", "count",
                     None, None)  # fmt: skip
        r.stated, r.title, r.earlier = stated, title, earlier
        return r

    rows = {1: row(1, ("exact", 100, None, None), title=True),
            2: row(2, ("approx", 100, None, None)),
            3: row(3, ("range", None, 20, 25), earlier=True),
            4: row(4, ("exact", 30, None, None))}  # fmt: skip
    pairs = {(a, b): Pair(a, b, 0.5, "same slot") for a in rows for b in rows if a < b}
    cannot = self_contradictions(rows, pairs)
    assert (1, 3) not in cannot and (2, 3) not in cannot
    assert (2, 4) not in cannot  # the text narrates the rise
    assert (1, 4) in cannot  # the headline still stands against the text's other count


def test_incident_marks_read_the_numbers_own_clause():
    """What was struck is read in the number's clause: not past "لكنها" (the academy is
    the second attack's), not past the next count joined by و (the aircraft carried the
    8 evacuated), but past a comma that opens where it happened and past an apposition."""

    def marks(text: str, number: str):
        norm = normalize(text).text
        at = norm.index(normalize(number).text)
        return incident_marks(norm, at, at + len(normalize(number).text))[0]

    kabul = ("ولم تعلن حركة طالبان مسؤوليتها عن هجوم أول أوقع 15 قتيلاً في منطقة سكنية ليل"
             " الخميس الجمعة لكنها تبنت الاعتداء الثاني الذي أدى إلى مقتل عشرين من طلاب كلية"
             " الشرطة الأفغانية مساء الجمعة.")  # fmt: skip
    assert marks(kabul, "15") == frozenset()
    assert marks(kabul, "عشرين") == {"اكاديميه"}  # كلية الشرطة is the police academy
    assert marks("ارتفاع الشهداء إلى 15 وإخلاء 8 مصابين بطائرة للرياض", "15") == frozenset()
    # a toll's next count of the same attack shares its target
    assert marks("قتل 15 شخصا وأصيب 8 آخرون في هجوم على مسجد", "15") == {"مسجد"}
    assert marks("وقتل 15 شخصا في وقت سابق أمس، في هجوم بشاحنة مفخخة في العاصمة كابل.",
                 "15") == {"شاحنه"}  # fmt: skip
    assert "طائره" in marks("وكان 17 شخصا هم 12 جنديا وطاقم من خمسة افراد قتلوا في افغانستان"
                            " في اليوم نفسه في تحطم مروحية افغانية", "17")  # fmt: skip


def test_told_apart():
    from ledger.scope import told_apart

    truck, base = (frozenset({"شاحنه", "حي"}), False), (frozenset({"قاعده"}), False)
    assert told_apart(truck, base)
    assert not told_apart(truck, (frozenset(), False))  # a clause naming nothing
    # a hospital, a prison, a district are where the hurt went, not what was struck
    assert not told_apart((frozenset({"مسجد"}), False), (frozenset({"مستشفي"}), False))
    assert not told_apart(truck, (frozenset({"شاحنه"}), True))


def test_an_earlier_count_retold_after_the_sentences_own():
    from ledger.scope import retold_after_a_count

    def retold(text: str, number: str) -> bool:
        norm = normalize(text).text
        return retold_after_a_count(norm, norm.index(normalize(number).text))

    assert retold("ارتفعت حصيلة الاعتداء الى 15 قتيلا، وكانت الحصيلة السابقة تفيد عن ثمانية قتلى",
                  "ثمانية")  # fmt: skip
    # one earlier statement's own list: its parts are not retold counts
    assert not retold("وذكر مسؤولون في وقت سابق أن أربعة مدنيين قتلوا واحد في كشمير وثلاثة",
                      "وثلاثة")  # fmt: skip


INCIDENTS = Path(__file__).parent / "data" / "kabul_incidents_excerpts.jsonl"


def test_tolls_of_two_incidents_never_share_a_figure_however_bridged(ledger_path):
    """Kabul, 7-9 August: a truck bomb's first 8 dead and the 8 civilian contractors
    killed at a NATO base score as one toll, and a TV report's bare "ثمانية قتلوا" scores
    with both. Each base report names its target, as the truck bomb's does: they are told
    apart for good (``pair_vetoes``), and a decision re-groups as linking does."""
    from ledger.figures import split_mention

    with linked(ledger_path, INCIDENTS, 4) as ledger:
        truck = figure_of(ledger, "kabul-0807-aawsat", "ثمانية")
        base = {figure_of(ledger, "kabul-0808-aawsat", "8", "title"),
                figure_of(ledger, "kabul-0809-aljazirah", "ثمانية")}  # fmt: skip
        assert truck not in base
        assert ledger.db.execute("SELECT count(*) FROM pair_vetoes").fetchone()[0] > 0
        bridge = ledger.db.execute(
            "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.name LIKE '%#kabul-0807-3alyoum' AND m.text = 'ثمانية'"
        ).fetchone()[0]
        split_mention(ledger, bridge)
        assert figure_of(ledger, "kabul-0807-aawsat", "ثمانية") not in {
            figure_of(ledger, "kabul-0808-aawsat", "8", "title"),
            figure_of(ledger, "kabul-0809-aljazirah", "ثمانية"),
        }


def test_the_same_value_in_a_story_keeps_what_each_report_says_was_struck(ledger_path):
    """3alyoum's bare "ثمانية قتلوا" sits under "هجوم انتحاري يستهدف أكاديمية الشرطة في
    كابول"; aawsat's "ثمانية قتلى" is told in a report whose first sentence names the
    truck bomb: the same value in one story is no pair of theirs, though the model may
    still score them (``pair_rules._struck_apart``, ``ClaimRow.headline_targets``)."""
    with linked(ledger_path, INCIDENTS, 4) as ledger:
        rows = ledger.db.execute(
            "SELECT p.explanation FROM pair_scores p "
            "JOIN mentions a ON a.id = p.mention_a JOIN articles x ON x.id = a.article_id "
            "JOIN mentions b ON b.id = p.mention_b JOIN articles y ON y.id = b.article_id "
            "WHERE a.text = 'ثمانية' AND b.text = 'ثمانية' AND "
            "(x.name LIKE '%#kabul-0807-3alyoum' OR y.name LIKE '%#kabul-0807-3alyoum')"
        ).fetchall()
        assert rows and not any(why.startswith("the same 8") for (why,) in rows)
        heads = dict(ledger.db.execute(
            "SELECT a.name, m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.text = 'ثمانية' AND a.name LIKE '%#kabul-0807-%'").fetchall())  # fmt: skip
    from ledger.linking import load_claims

    with linked(ledger_path.with_name("again.db"), INCIDENTS, 4) as ledger:
        by_id = {r.id: r for r in load_claims(ledger.db)}
    targets = {name.split("#")[-1]: by_id[mid].headline_targets for name, mid in heads.items()}
    assert normalize("شاحنة").text in targets["kabul-0807-aawsat"]  # and its district, حي
    assert targets["kabul-0807-3alyoum"] == {normalize("أكاديمية").text}


def test_an_earlier_count_pairs_with_the_count_it_rose_to():
    """aawsat, 9 August: the report leads with 51 dead in all, then "the toll reached 27
    ... after sources had spoken of 20": the 20 is the academy's earlier 27, not the
    51; a lower count told between (6) is not what it rose to either."""
    from ledger.pair_rules import earlier_toll_pairs

    def row(mid: int, value: int, at: int, earlier: bool = False) -> ClaimRow:
        r = ClaimRow(mid, "aawsat-0809", at, "قتيل", "killed", "count", None, "2015-08-09")
        r.stated, r.earlier = ("exact", value, None, None), earlier
        return r

    rows = [row(1, 51, 0), row(2, 27, 100), row(3, 6, 150), row(4, 20, 200, earlier=True)]
    assert set(earlier_toll_pairs(rows)) == {(2, 4)}


def test_a_count_told_months_or_years_ago_is_another_incidents():
    """aleqtisadiya, 7 August 2015, on Typhoon Soudelor: "Cyclone Pam ... killed 15 in
    Vanuatu when it struck five months ago": another incident's toll, like one beside an
    earlier year; a week ago, or days, may be the same incident's."""
    import datetime as dt

    from ledger.linking import MONTHS_AGO, _earlier_year

    day = dt.date(2015, 8, 7)

    def told(text: str):
        return _earlier_year(normalize(text).text, day)

    assert told('والذي أودى بحياة 15 شخصا في "فانواتو"، عندما انطلق قبل خمسة أشهر.') == MONTHS_AGO
    assert told("قتل 20 شخصا في هجوم مماثل قبل عامين") == MONTHS_AGO
    assert told("قتل 20 شخصا في تفجيرات 2013") == 2013
    assert told("الاشتباكات التي اندلعت قبل نحو 10 أيام") is None
    # a running toll since a war began, and "before the year 2011", are no incident ago
    assert told("قتل أكثر من 230 ألف شخص في النزاع الذي اندلع قبل أربع سنوات") is None
    assert told("في الهجوم الذي وقع قبل عام 2011 قتل 5") == 2011
    assert told("قتل 15 شخصا منذ عام 2012") is None
    # alriyadh, 27 July 2015: "the worst since April 2011, when 22 died": that year's own
    told_when = "اسوأ كارثة من نوعها منذ ابريل 2011، عند مقتل 22 شخصا بعد انقلاب عبارتهم"
    assert told(told_when) == 2011
    # but "at" today's level is no incident: "أدنى مستوى منذ فبراير 2010 عند 1077 دولارا"
    assert told("هبط الذهب إلى أدنى مستوى منذ فبراير 2010 عند 1077 دولارا") is None
    # "وقد قتل آنذاك خمسة جنود": at that time, an incident recalled
    assert told("وقد قتل آنذاك خمسة جنود أفغان وأصيب ثمانية آخرون") == MONTHS_AGO
    # sabq, 21 July 2015: "the last such crash, several weeks ago" is another crash
    assert told("وكان آخر حادث وقع قبل عدة أسابيع وأُصيب سبعة آخرون") == MONTHS_AGO
    assert told("قتل 15 شخصا في الهجوم الذي وقع قبل أسبوعين") is None  # may be this one
    # alweeam, 3 August 2015: "since June 2012" begins before the 9's window of words
    sentence = normalize("وبذلك يصل عدد حالات الإصابة المسجلة منذ شهر يونيو 2012 إلى 1059 حالة"
                         " تماثلة للشفاء منها 583 حالة، و9 حالات معزولة").text  # fmt: skip
    cut = sentence.index("2012")
    assert _earlier_year(sentence[cut:], day) == 2012  # the window alone
    assert _earlier_year(sentence[cut:], day, sentence[:cut]) is None  # with what precedes it


def test_a_ledger_linked_before_vetoes_existed_is_scored_afresh(ledger_path):
    """A ledger linked by 0.7.0 has pair scores but no vetoes: the migration marks it,
    an ingest of a few articles is then no incremental link, and the next link (even
    without rescoring) scores every pair and keeps the vetoes."""
    import sqlite3

    from ledger import Ledger, incremental
    from ledger.figures import link, needs_rescore

    linked(ledger_path, INCIDENTS, 4).close()
    with sqlite3.connect(ledger_path) as raw:  # as 0.7.0 left it
        raw.execute("DROP TABLE pair_vetoes")
        raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_pair_vetoes'")
    with Ledger(ledger_path) as ledger:
        assert needs_rescore(ledger.db) and not incremental.worth_it(ledger, 1)
        assert ledger.db.execute("SELECT count(*) FROM pair_vetoes").fetchone()[0] == 0
        link(ledger, rescore=False)
        assert not needs_rescore(ledger.db)
        assert ledger.db.execute("SELECT count(*) FROM pair_vetoes").fetchone()[0] > 0
        assert figure_of(ledger, "kabul-0807-aawsat", "ثمانية") != figure_of(
            ledger, "kabul-0808-aawsat", "8", "title"
        )


def test_an_articles_pairs_go_with_its_mentions(ledger_path):
    """A mention id may be reused after its article is read again: its old mentions'
    scored and told-apart pairs go with them (a stale veto would forbid a join outright)."""
    from ledger import ingest

    with linked(ledger_path, INCIDENTS, 4) as ledger:
        db = ledger.db
        article, ids = db.execute(
            "SELECT a.id, group_concat(m.id) FROM articles a JOIN mentions m "
            "ON m.article_id = a.id WHERE a.name LIKE '%#kabul-0808-aawsat'"
        ).fetchone()
        ids = [int(x) for x in ids.split(",")]
        marks = ", ".join("?" * len(ids))
        held = f"SELECT count(*) FROM {{}} WHERE mention_a IN ({marks}) OR mention_b IN ({marks})"
        assert db.execute(held.format("pair_vetoes"), ids + ids).fetchone()[0] > 0
        db.execute("UPDATE articles SET extractor = 'older' WHERE id = ?", [article])
        ingest(ledger, [str(INCIDENTS)])  # read again: its mentions are written anew
        for table in ("pair_scores", "pair_vetoes"):
            assert db.execute(held.format(table), ids + ids).fetchone()[0] == 0


def test_a_common_fraction_is_no_echo_of_one_figure():
    """One report's gold +0.5% and silver -0.5% share a value by chance (the same-value
    rule chained gold, silver and platinum into one figure); a fraction of two digits or
    more (the index fell 3.2%) still echoes one figure across a story's reports."""
    from ledger.pair_rules import story_value_pairs

    def percent(mid: int, value: float, article: str) -> ClaimRow:
        r = ClaimRow(mid, article, 0, None, None, "percent", "%", "2015-08-05")
        r.stated = ("exact", value, None, None)
        return r

    rows = [percent(1, 0.5, "a"), percent(2, 0.5, "b"), percent(3, 3.2, "a"),
            percent(4, 3.2, "b")]  # fmt: skip
    pairs = story_value_pairs(rows, {"a": 1, "b": 1})
    assert set(pairs) == {(3, 4)}


def test_prices_of_two_market_items_are_never_one_slot(tmp_path):
    """alweeam and alyaum, 7 August 2015: US crude settled at 43.87 dollars, Brent stood at
    49.92: one report prices several items side by side, and each is its own figure."""
    import json

    import numpy as np

    from ledger import Ledger, ingest
    from ledger.linking import load_claims
    from ledger.slots import Table

    texts = ["وانخفض الخام الأمريكي 79 سنتا عند التسوية إلى 43.87 دولار للبرميل.",
             "وارتفع سعر خام برنت 40 سنتا إلى 49.92 دولار للبرميل.",
             "وسجل خام برنت 49.90 دولار للبرميل في التعاملات الآجلة."]  # fmt: skip
    data = tmp_path / "oil.jsonl"
    data.write_text("\n".join(json.dumps({"id": f"oil{k}", "title": "النفط", "content": t,
                                          "date": "2015-08-07"}, ensure_ascii=False)
                              for k, t in enumerate(texts)), encoding="utf-8")  # fmt: skip
    ledger = Ledger(tmp_path / "l.db")
    ingest(ledger, [str(data)])
    rows = [r for r in load_claims(ledger.db) if r.kind == "money" and 40 < r.stated[1] < 60]
    ledger.close()
    assert sorted(r.item for r in rows) == ["brent", "brent", "wti"]
    wti = next(k for k, r in enumerate(rows) if r.item == "wti")
    brent = [k for k, r in enumerate(rows) if r.item == "brent"]
    ok = Table(rows).allowed(np.array([wti, brent[0]]), np.array([brent[0], brent[1]]))
    assert ok.tolist() == [False, True]


WAVE = Path(__file__).parent / "data" / "kabul_wave_excerpts.jsonl"


def test_the_injured_follow_the_killed_told_with_them(ledger_path):
    """Kabul, 7-9 August: the truck bomb's injured (more than 100, then about 400) and
    the twelves injured by the whole wave of attacks (told with its 49-51 dead) score
    as one toll; but each is told with its own killed, which are two figures, so the
    injured are two figures too (``linking.toll_siblings``)."""
    with linked(ledger_path, WAVE, 6) as ledger:
        truck = figure_of(ledger, "kabul-0808-aawsat-morning", "نحو 400")
        assert truck == figure_of(ledger, "kabul-0807-aawsat", "أكثر من مائة")
        assert figure_of(ledger, "kabul-0808-aawsat-morning", "15") != figure_of(
            ledger, "kabul-0808-aawsat-evening", "49"
        )
        for name in ("kabul-0808-aawsat-evening", "kabul-0809-3alyoum", "kabul-0809-alyaum"):
            assert figure_of(ledger, name, "مئات") != truck


def test_a_headline_toll_this_close_to_its_text_is_the_same_toll(ledger_path):
    """Kabul, 9 August: alyaum's headline says the wave killed 50, its text 51 (as
    aawsat's); 3alyoum says at least 50. A headline and its text never join when they
    disagree, but a toll within ``RETITLED_GAP`` of the text's is the toll retold: the
    50s and the 51s are one figure, not two kept apart by one article."""
    from ledger.pair_rules import RETITLED_GAP

    assert abs(51 - 50) / 51 <= RETITLED_GAP
    with linked(ledger_path, WAVE, 6) as ledger:
        headline = figure_of(ledger, "kabul-0809-alyaum", "50", "title")
        assert headline == figure_of(ledger, "kabul-0809-alyaum", "51")
        assert headline == figure_of(ledger, "kabul-0809-aawsat", "51")
        assert headline == figure_of(ledger, "kabul-0809-3alyoum", "50")


SERIES = Path(__file__).parent / "data" / "series_toll_excerpts.jsonl"


def test_each_report_s_count_of_the_whole_series_leads_too(ledger_path):
    """Kabul, 8-9 August 2015: aawsat's evening report leads with NATO's base (a soldier
    and eight contractors) and ends with the whole wave's toll ("وأسفرت موجة التفجيرات أمس
    عن مقتل 49 شخصا"); the next day aawsat says 51, aljazirah at least 44, each of the
    series. Each report's first count of a series is a lead of its own: the 49 and the 51
    are one figure, an update. The nine Taliban killed in a series in Kandahar and in
    Logar (which lies south of Kabul, no place of theirs) stay another figure."""
    with linked(ledger_path, SERIES, 4) as ledger:
        wave = figure_of(ledger, "kabul-0809-aawsat", "51")
        assert wave == figure_of(ledger, "kabul-0808-aawsat-evening-full", "49")
        assert wave == figure_of(ledger, "kabul-0809-aljazirah", "44")
        assert wave != figure_of(ledger, "kabul-0807-aawsat-kandahar", "تسعة")
        kind = ledger.db.execute(
            "SELECT conflict_kind FROM figures WHERE claim_id = ?", [wave]
        ).fetchone()[0]
        assert kind == "update"


RECALLED = Path(__file__).parent / "data" / "recalled_toll_excerpts.jsonl"


def test_an_incident_s_toll_recalled_in_later_stories_is_its_figure(ledger_path):
    """Suruç, 20 July 2015: aljazirah's report two days on (32 dead), then aawsat's on
    the US-Turkish "safe zone" (31 July) and on clashes with Kurdish rebels (7 August),
    stories of their own, each recalling "التفجير الانتحاري الذي أسفر عن مقتل 32 شخصا
    ... في مدينة سوروج": one figure, the incident's, across stories."""
    with linked(ledger_path, RECALLED, 3) as ledger:
        stories = {
            name: story for name, story in ledger.db.execute("SELECT name, story_id FROM articles")
        }
        assert len(set(stories.values())) > 1  # the later reports are stories of their own
        toll = figure_of(ledger, "suruc-aljazirah", "32")
        assert toll == figure_of(ledger, "strikes-aawsat", "32")
        assert toll == figure_of(ledger, "clashes-aawsat", "32")


def test_recalls_an_incident():
    from ledger.scope import recalls_an_incident

    for text, recalled in (
        ("التفجير الانتحاري الذي أسفر عن مقتل 32 شخصا في مدينة سوروج", True),
        ("ويأتي الحادث بعد يوم من مقتل 32 شخصا", True),
        ("غداة هجوم انتحاري ضرب مدينة سوروتش مما أودى بحياة 32 شخصا", True),
        ("قتل 32 شخصا في تفجير انتحاري", False),
        ("وقع الهجوم بعد الظهر. وقتل 32 شخصا", False),  # another sentence's
        # a relative clause or بعد with no incident recalls nothing; منذ is a running total
        ("طائرات التحالف العربي الذي تقوده المملكة قتلت 14 حوثيا", False),
        ("وقال المتحدث الذي طلب عدم ذكر اسمه إن 14 قتلوا", False),
        ("وقتل 40 بعد تحرير عدن", False),
        ("قتل 1000 منذ بدء المواجهات", False),
        ("في أعقاب التفجير قتل 7", True),
        # the incident named up to eight words before the relative clause (aljazirah,
        # Abha); بعد and the incident a few words on
        (
            "علق على تفجير مسجد قوات الطوارئ بمدينة أبها جنوب، الذي وقع ظهر اليوم وأسفر "
            "عنه مقتل 17 رجل أمن",
            True,
        ),
        ("فبعد مرور شهرين فقط على وفاة 4 أطفال", True),
    ):
        norm = normalize(text).text
        at = re.search(r"\d", norm).start()
        assert recalls_an_incident(norm, at) is recalled, text


def test_a_recalled_toll_needs_a_town_the_days_and_the_whole_count():
    """A country names no incident; a month later is another; "عشرة من منسوبي القوات"
    are the members, not the toll (``pair_rules.recalled_toll_pairs``)."""
    from ledger.pair_rules import recalled_toll_pairs

    def toll(mention, article, day, places, recalled=False):
        row = ClaimRow(mention, article, 0, None, "killed", "count", None, None)
        row.stated, row.day, row.recalled = ("exact", 32, None, None), day, recalled
        row.incident = (frozenset(), False, frozenset(places))
        return row

    july20, july31 = dt.date(2015, 7, 20), dt.date(2015, 7, 31)
    news, recall = toll(1, "a", july20, {"سروج"}), toll(2, "b", july31, {"سروج"}, True)
    assert set(recalled_toll_pairs([news, recall])) == {(1, 2)}
    assert not recalled_toll_pairs([news, toll(2, "b", july31, {"سروج"})])  # none recalls
    country = toll(3, "c", july31, {"تركيا"}, True)
    assert not recalled_toll_pairs([toll(1, "a", july20, {"تركيا"}), country])
    late = toll(4, "d", dt.date(2015, 8, 30), {"سروج"}, True)
    assert not recalled_toll_pairs([news, late])
    members = toll(5, "e", july31, {"سروج"}, True)
    members.partitive = True
    assert not recalled_toll_pairs([news, members])
    # a battle's fighters are no attack's dead (the Hadid rockets' 11 and "11 مسلحا من
    # داعش" in Diyala); a recall's weekday is the incident's as it remembers it (Kabul's
    # "ليل الخميس الجمعة" against the first reports' Friday): not compared
    fighters = toll(6, "f", july31, {"سروج"}, True)
    fighters.entity_key = "مسلح"
    assert not recalled_toll_pairs([news, fighters])
    news.weekday, thursday = "الجمعه", toll(7, "g", july31, {"سروج"}, True)
    thursday.weekday = "الخميس"
    assert recalled_toll_pairs([news, thursday])


def test_a_rule_s_joining_reason_is_kept_beside_a_surer_model_pair(monkeypatch):
    """Two reports' series counts the model already scored 0.93 keep that score, but
    the lead rule's reason is kept too, for it lets a rising toll's groups join
    (``linking._join_rising_leads`` reads the reason)."""
    import ledger.pair_rules as rules

    lead = Pair(1, 2, 0.8, f"{LEAD_REASON} killed")
    model = Pair(1, 2, 0.93, "same slot 93%; both killed")
    for name in ("lead_toll_pairs", "story_value_pairs", "same_value_pairs", "precision_pairs",
                 "verbatim_pairs", "named_item_pairs", "earlier_toll_pairs",
                 "anchored_toll_pairs", "described_part_pairs", "severe_pairs",
                 "recalled_toll_pairs"):  # fmt: skip
        monkeypatch.setattr(rules, name, lambda *a, **k: {})
    monkeypatch.setattr(rules, "lead_toll_pairs", lambda *a, **k: {(1, 2): lead})
    pairs = {(1, 2): model}
    rules.add_rule_pairs(pairs, [], {}, {})
    assert pairs[(1, 2)].score == 0.93
    assert pairs[(1, 2)].explanation.startswith(LEAD_REASON)
    assert pairs[(1, 2)].explanation.endswith(model.explanation)
    # nor does a surer rule that comes after the lead drop its reason
    copy = Pair(1, 2, 1.0, "the same words in both articles")
    monkeypatch.setattr(rules, "verbatim_pairs", lambda *a, **k: {(1, 2): copy})
    pairs = {}
    rules.add_rule_pairs(pairs, [], {}, {})
    assert pairs[(1, 2)].score == 1.0 and pairs[(1, 2)].explanation.startswith(LEAD_REASON)


def test_a_headline_above_its_text_is_not_retold():
    """A text below its headline may tell an earlier count (a headline's "240 ألفا و831
    قتيلا" over June's "230 ألفا و618") or a part: only a headline at most
    ``RETITLED_GAP`` below its text is the same toll retold (``pair_rules._retitled``)."""
    from ledger.pair_rules import _retitled

    def toll(mention: int, value: int, title: bool) -> ClaimRow:
        row = ClaimRow(mention, "a", 0, None, "killed", "count", None, None)
        row.title, row.stated = title, ("exact", value, None, None)
        return row

    assert _retitled(toll(1, 50, True), toll(2, 51, False))
    assert not _retitled(toll(1, 240831, True), toll(2, 230618, False))
    assert not _retitled(toll(1, 40, True), toll(2, 51, False))  # too far apart
    earlier = toll(2, 51, False)
    earlier.earlier = True
    assert not _retitled(toll(1, 50, True), earlier)


def test_a_decision_rewrites_only_the_figures_it_changes(ledger_path):
    """Splitting alriyadh's 12 dead off the 10 of the Abha excerpts re-groups what the
    split can reach (three figures) but rewrites only the figures whose members changed
    (``figures._unchanged_groups``): the others keep their rows as they were, and the
    ledger is the one a full re-grouping from the stored scores gives."""
    from ledger import decisions
    from ledger.figures import SETTINGS, _reachable, link, split_mention

    def groups(db) -> dict[int, frozenset]:
        found: dict[int, set] = {}
        for m, c in db.execute("SELECT id, claim_id FROM mentions WHERE claim_id IS NOT NULL"):
            found.setdefault(c, set()).add(m)
        return {c: frozenset(ms) for c, ms in found.items()}

    with linked(ledger_path, ABHA, 4) as ledger:
        db = ledger.db
        twelve = db.execute(
            "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.name LIKE '%#abha-0806-alriyadh' AND m.text = '12'"
        ).fetchone()[0]
        part = _reachable(db, {twelve}, decisions.apply_decisions(ledger, db).constraints,
                          SETTINGS)  # fmt: skip
        before = groups(db)
        db.execute("UPDATE figures SET note = 'as it was'")
        split_mention(ledger, twelve, note="another count")
        after = groups(db)
        same = [c for c, ms in after.items() if before.get(c) == ms and ms & part]
        assert same  # a figure the split could reach, left as it was ...
        notes = dict(db.execute("SELECT claim_id, note FROM figures"))
        assert all(notes[c] == "as it was" for c in same)  # ... and not rewritten
        assert notes[after_of(after, twelve)] is None
        db.execute("UPDATE figures SET note = NULL WHERE note = 'as it was'")
        rows = sorted(db.execute("SELECT * FROM figures"))
        link(ledger, rescore=False)  # every figure re-grouped from the stored scores
        assert groups(db) == after
        assert sorted(db.execute("SELECT * FROM figures")) == rows


def after_of(groups: dict[int, frozenset], mention: int) -> int:
    return next(c for c, ms in groups.items() if mention in ms)


def test_toll_siblings_pair_counts_told_together():
    """The killed count told within ``SIBLING_REACH`` of an injured count in its clause;
    none when two are, or when the killed is a part or far away in the sentence."""
    from ledger.linking import toll_siblings

    def row(mid, start, event, value, clause=0, **extra):
        r = ClaimRow(mid, "a", clause, None, event, "count", None, None)
        r.start, r.stated = clause + start, ("exact", value, None, None)
        for key, v in extra.items():
            setattr(r, key, v)
        return r

    together = [row(1, 10, "killed", 49), row(2, 30, "injured", None)]
    assert toll_siblings(together) == {2: 1}
    far = [row(1, 10, "killed", 12), row(2, 200, "injured", 9)]
    assert toll_siblings(far) == {}
    two = [row(1, 10, "killed", 8), row(2, 40, "killed", 15), row(3, 60, "injured", 100)]
    assert toll_siblings(two) == {}
    part = [row(1, 10, "killed", 12, partitive=True), row(2, 40, "injured", 9)]
    assert toll_siblings(part) == {}
    other_clause = [row(1, 10, "killed", 49), row(2, 30, "injured", 100, clause=500)]
    assert toll_siblings(other_clause) == {}


@pytest.mark.parametrize(
    ("word", "rare"),
    [
        ("زاركلي", "زاركلي"),  # a village
        ("رواندز", "رواندز"),  # a district
        ("بسيلوبي", "سيلوبي"),  # a town, its clitic stripped
        ("انتحاريين", None),  # a dual of a common word
        ("هجومين", None),
        ("شرطيين", None),
        ("عسير", None),  # a common name is no anchor of one incident
        ("قتلى", None),
    ],
)  # fmt: skip
def test_rare_words_are_names_not_inflections(word, rare):
    from ledger.linking import _rare_stem
    from ledger.normalize import normalize_word
    from ledger.words import keep

    assert _rare_stem(keep(normalize_word(word))) == (rare and normalize_word(rare))


def test_tolls_naming_the_same_rare_places_witness_a_conflict():
    """Zarkel, 1 August: alriyadh's witnesses give 8 dead in "قرية زاركلي قرب جبال
    قنديل", AFP's local official 6 "في قرية زاركلي في منطقة رواندز": worded apart, the
    model scores them 0.6-0.8, short of a witness; naming the same village and district
    makes them one incident's (``pair_rules.anchored_toll_pairs``)."""
    from ledger.pair_rules import ANCHOR_SCORE, anchored_toll_pairs

    def row(mid, event, value, anchors):
        r = ClaimRow(mid, str(mid), 0, None, event, "count", None, None)
        r.stated, r.anchors = ("exact", value, None, None), tuple(anchors)
        return r

    rows = [row(1, "killed", 8, {"زاركلي", "قنديل", "اربيل"}),
            row(2, "killed", 6, {"زاركلي", "رواندز", "اربيل"}),
            row(3, "killed", 6, {"زاركلي", "رواندز"}),
            row(4, "injured", 7, {"زاركلي", "قنديل", "اربيل"}),
            row(5, "killed", 6, {"سيلوبي"})]  # fmt: skip
    pairs = {(a, b): Pair(a, b, score, "same slot") for a, b, score in
             [(1, 2, 0.74), (1, 3, 0.74), (2, 5, 0.7), (1, 4, 0.7), (2, 3, 0.5)]}  # fmt: skip
    found = anchored_toll_pairs(pairs, rows)
    assert set(found) == {(1, 2)}  # 1 and 3 share one name only; 2-3 is too unlikely
    assert found[(1, 2)].score == ANCHOR_SCORE
    assert found[(1, 2)].explanation.startswith("both name")


WEAPONS = Path(__file__).parent / "data" / "weapons_list_excerpts.jsonl"


def test_two_reports_that_each_state_both_values_do_not_disagree(ledger_path):
    """Asir border guards, 26-27 July 2015: five outlets print one list ("8 مسدسات نصف،
    و12 مسدسا كاملا"), whose words around both numbers are alike. Each report states both
    values, so one report's 8 is the other's 8, never its 12 (``slots.Table.told_beside``):
    the 12s are one figure, the 8s another, and neither is flagged (a figure that still
    holds both through other reports is no conflict either: ``figures._Crossed``)."""
    with linked(ledger_path, WEAPONS, 5) as ledger:
        twelve = figure_of(ledger, "weapons-0726-3alyoum", "12")
        values = {v for (v,) in ledger.db.execute(
            "SELECT value FROM mentions WHERE claim_id = ?", [twelve])}  # fmt: skip
        assert values == {12}
        flagged = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert flagged.fetchone()[0] == 0


def test_small_counts_naming_nothing_in_common_witness_no_conflict():
    """sabq, 31 July 2015: "لقي أربعة أشخاص مصرعهم ... على طريق بيشة – الخميس" and
    "لقي ثلاثة أشخاص مصرعهم ... ينبع" are two crashes worded alike, scored 0.90 as one
    slot. Small counts of two reports that share no rare name keep their score but
    witness no conflict (``pair_rules.small_counts_unwitnessed``); a pair sharing a
    name, a surer pair, larger counts or one article still do."""
    from ledger.figures import _witnesses
    from ledger.pair_rules import NO_WITNESS, small_counts_unwitnessed

    def row(mid, article, value, anchors=()):
        r = ClaimRow(mid, article, 0, None, "killed", "count", None, None)
        r.stated, r.anchors = ("exact", value, None, None), tuple(anchors)
        return r

    rows = [row(1, "bisha", 4, {"بيشه"}), row(2, "yanbu", 3, {"ينبع"}),
            row(3, "istanbul", 3, {"بيشه"}), row(4, "big", 12), row(5, "big2", 16),
            row(6, "bisha", 3)]  # fmt: skip
    pairs = {(a, b): Pair(a, b, s, "same slot") for a, b, s in
             [(1, 2, 0.85), (1, 3, 0.85), (2, 4, 0.85), (4, 5, 0.85), (1, 6, 0.85),
              (2, 3, 0.93)]}  # fmt: skip
    pairs[(6, 2)] = Pair(6, 2, 0.76, "same slot; both count شخص; same story")
    marked = small_counts_unwitnessed(pairs, rows)
    assert set(marked) == {(1, 2), (6, 2)}  # 0.76: no witness of a toll's rise either
    assert marked[(1, 2)].score == 0.85 and marked[(1, 2)].explanation.endswith(NO_WITNESS)
    pairs.update(marked)
    found = _witnesses(pairs, Constraints())
    assert 2 not in found.strong[1] and 3 in found.strong[1] and 3 in found.strong[2]
    assert 2 not in found.rising[6]


def test_a_ledger_linked_before_0_10_is_scored_afresh(ledger_path):
    """A ledger linked by 0.9.0 has no pairs of tolls naming the same places nor small
    counts marked as no witness: the migration marks it, so its next link scores every
    pair with the rules of this version."""
    import sqlite3

    from ledger import Ledger
    from ledger.figures import needs_rescore

    linked(ledger_path, WAVE, 6).close()
    with sqlite3.connect(ledger_path) as raw:  # as 0.9.0 left it
        raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_witnesses'")
    with Ledger(ledger_path) as ledger:
        assert needs_rescore(ledger.db)


@pytest.mark.parametrize(
    ("data", "articles", "migration", "reason"),
    [
        # 0.10.0 marked small counts as no witness from 0.8 only
        ("kabul_wave_excerpts.jsonl", 6, "m015_rising_witnesses", "same slot"),
        # 0.11.0 scored no pairs of named market items
        ("sector_items_excerpts.jsonl", 6, "m016_named_items", "the same item"),
        # 0.15.0 paired no toll recalled in a later story
        ("recalled_toll_excerpts.jsonl", 3, "m017_recalled_tolls", "the same toll recalled"),
        # 0.16.0 read the bodies a toll rose by as the toll
        ("nile_boat_excerpts.jsonl", 5, "m018_parts_and_increments", "lead with the killed"),
        # 0.17.0 read any story told over more than five days as running coverage
        ("nile_boat_excerpts.jsonl", 5, "m019_incidents_told_for_days", "lead with the killed"),
        # 0.18.0 paired no two reports' counts of one boat's people
        ("libya_aboard_excerpts.jsonl", 2, "m020_one_outcome_per_figure", "the people aboard"),
        # 0.19.0 kept the soldiers among a siege's dead in pieces
        ("sevare_soldiers_excerpts.jsonl", 4, "m021_parts_of_other_people", "the same people"),
    ],
)
def test_a_ledger_linked_by_an_earlier_version_is_scored_afresh(
    ledger_path, data, articles, migration, reason
):
    """A migration that changes how pairs are scored makes the next link score every
    pair again (until then a decision takes no rising witness from the stored
    explanations): the pairs it adds are there after any full link."""
    import sqlite3

    from ledger import Ledger
    from ledger.figures import link, needs_rescore

    linked(ledger_path, Path(__file__).parent / "data" / data, articles).close()
    with sqlite3.connect(ledger_path) as raw:  # as the earlier version left it
        raw.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [migration])
        raw.execute("DELETE FROM pair_scores WHERE explanation LIKE ?", [f"%{reason}%"])
    with Ledger(ledger_path) as ledger:
        assert needs_rescore(ledger.db)
        link(ledger, rescore=False)  # a pending rescore is done by any full link
        assert not needs_rescore(ledger.db)
        found = ledger.db.execute(
            "SELECT count(*) FROM pair_scores WHERE explanation LIKE ?", [f"%{reason}%"]
        )
        assert found.fetchone()[0] > 0


def test_one_figure_told_to_other_precisions_is_one_figure():
    """2-3 August 2015: the index closed "عند مستوى 8807.24 نقطة" (3alyoum, SPA's text) and
    "إلى 8807 نقاط" (aleqtisadiya); "187.6 مليون سهم" (alriyadh) and 187,598,771 shares
    (alyaum). The coarser is the finer rounded or cut short: one figure
    (``pair_rules.precision_pairs``), when a unit, an outcome or a counted noun says they
    measure one thing ("rose" does not). A whole number is said to its last digit: 1650
    and 1651 are two."""
    import datetime as dt

    from ledger.pair_rules import precision_pairs

    def row(mid, value, event="fell", said_unit=None, entity="نقطه"):
        r = ClaimRow(mid, f"article-{mid}", 0, entity, event, "count", None, None)
        r.day, r.entity_key = dt.date(2015, 8, 2), entity
        r.stated, r.distinct, r.said_unit = ("exact", value, None, None), value, said_unit
        return r

    rows = [row(1, 8807.24), row(2, 8807.0), row(3, 187598771.0, event="traded", entity=None),
            row(4, 187600000.0, event="traded", said_unit=100000.0, entity=None),
            row(5, 1650.0), row(6, 1651.0), row(7, 8807.0, event="rose"),
            row(8, 1092.36, event="sold"), row(9, 1092.3, event="sold", said_unit=0.01),
            row(10, 109.0, event="rose", entity=None), row(11, 109.7, event="rose")]  # fmt: skip
    # 1092.30 is said to cents; wolves that "rose" to 109 are no index at 109.7 points
    assert set(precision_pairs(rows)) == {(1, 2), (3, 4)}


def test_a_figure_said_with_a_scale_word_allows_its_last_digit():
    """ "108.16 ألف صفقة" (alriyadh) is said to tens: alyaum's 108,159 deals agree."""
    from ledger.conflicts import SourceMention, find_conflict
    from ledger.intervals import said_precision

    assert said_precision("108.16 ألف") == 10
    assert said_precision("٦٫٩٣٥ مليون برميل") == 1000
    assert said_precision("431") is None
    assert said_precision("1092.30 دولار") == 0.01  # stored as 1092.3: said to cents
    assert said_precision("6.9» مليون برميل") == 100_000  # a headline's «6.9» مليون

    def deals(i, text, value):  # deals come whole: no fraction was cut off
        return SourceMention(i, text, "exact", value, None, None, None, f"a#{i}", None, None,
                             whole=True)  # fmt: skip

    assert find_conflict([deals(1, "108,159", 108159), deals(2, "108.16 ألف", 108160)]) is None
    assert find_conflict([deals(1, "108,159", 108159), deals(2, "108160", 108160)]) is not None


def test_a_whole_number_of_points_may_be_cut_short():
    """aleqtisadiya's "8820 نقطة" for the 8820.65 points of alweeam's report (6 August
    2015) is the same close with its fraction cut off, not another; small numbers are
    not read so loosely (3% and 3.8%), nor counts of whole things or of an unknown noun
    (151 and 152), nor negative figures."""
    from ledger.conflicts import SourceMention, find_conflict

    def said(i, text, value, whole=False, fractional=True):
        return SourceMention(i, text, "exact", value, None, None, None, f"a#{i}", None, None,
                             whole=whole, fractional=fractional)  # fmt: skip

    assert find_conflict([said(1, "8820", 8820), said(2, "8820.65", 8820.65)]) is None
    assert find_conflict([said(1, "8822", 8822), said(2, "8820.65", 8820.65)]) is not None
    assert find_conflict([said(1, "3", 3), said(2, "3.8", 3.8)]) is not None
    whole = said(1, "218", 218, whole=True, fractional=False)
    assert find_conflict([whole, said(2, "218.6", 218.6)]) is not None
    unknown = [said(1, "151", 151, fractional=False), said(2, "152", 152, fractional=False)]
    assert find_conflict(unknown) is not None
    assert find_conflict([said(1, "-150", -150), said(2, "-150.6", -150.6)]) is not None


SECTORS = Path(__file__).parent / "data" / "sector_items_excerpts.jsonl"


def test_a_market_list_item_is_read_by_its_name():
    """The sector, share or index whose name ends just before a number is its item
    (``linking._item_before``); a name told before (مؤشر القطاع), a counted noun (187
    مليون سهم وحجم السيولة) or a name too far back names none."""
    from ledger.linking import _item_before, same_item

    def items(sentence: str) -> list[str | None]:
        text = normalize(sentence).text
        return [_item_before(text, m.start()) for m in re.finditer(r"[0-9][0-9.]*", text)]

    assert items("وتصدرها قطاع التأمين بنسبة 5.15% ثم قطاع التشييد والبناء بنسبة 4.98% "
                 "تلاه قطاع الاستثمار الصناعي 4.43%") == [
        "قطاع|تامين", "قطاع|تشييد بناء", "قطاع|استثمار صناعي"]  # fmt: skip
    assert items("تلاه قطاع «التشييد والبناء» بنسبة 4.89%") == ["قطاع|تشييد بناء"]
    assert items("يتقدمها سهم «سابك» بأكثر من 4%") == ["سهم|سابك"]
    # a long name told short in brackets (aleqtisadiya, Reuters' text)
    assert items("وهبط سهم الشركة السعودية للصناعات الأساسية (سابك) عملاق إنتاج "
                 "البتروكيماويات 3.9 في المئة") == ["سهم|سابك"]  # fmt: skip
    assert items("مع تراجع مؤشر القطاع 4.4 في المئة") == [None]
    assert items("قفزت فوق مستوى 187 مليون سهم وحجم السيولة الذي ناهز 5 مليارات") == [None, None]
    assert items("وارتفع خام برنت 40 سنتا") == ["brent"]
    assert same_item("قطاع|تشييد", "قطاع|تشييد بناء") and same_item(None, "قطاع|نقل")
    assert not same_item("قطاع|استثمار صناعي", "قطاع|استثمار متعدد")
    assert not same_item("قطاع|تامين", "سهم|تامين") and not same_item("brent", "wti")


def test_one_sector_told_apart_by_outlets_is_one_figure(ledger_path):
    """The construction sector fell 4.98% in the agency's text (3alyoum) and 4.89% in
    alyaum's own: one named item, one session, one figure, and a disagreement; the other
    sectors of the same lists stay figures of their own. One outlet's roundups of two
    days (SABIC's 486.3 then 482.2 million riyals) are two sessions: never joined."""
    with linked(ledger_path, SECTORS, 6) as ledger:
        construction = figure_of(ledger, "sectors-0802-3alyoum", "4.98%")
        assert construction == figure_of(ledger, "sectors-0803-alyaum", "4.89%")
        assert construction == figure_of(ledger, "sectors-0803-aleqtisadiya", "4.9 في المائة")
        assert construction != figure_of(ledger, "sectors-0803-alyaum", "5.15%")
        assert construction != figure_of(ledger, "sectors-0802-3alyoum", "4.43%")
        flagged = ledger.db.execute(
            "SELECT conflict FROM figures WHERE claim_id = ?", [construction]
        ).fetchone()[0]
        assert flagged
        assert figure_of(ledger, "gulf-0723-aawsat", "486.3 مليون ريال") != figure_of(
            ledger, "gulf-0724-aawsat", "482.2 مليون ريال"
        )


def test_a_rare_figure_retold_for_weeks_is_one_figure():
    """Saudi crude exports in May, 6,935,000 barrels a day (JODI): told on 21 July 2015
    and again on 31 July; a measure or money of four significant digits or more is one
    figure up to ``RARE_DAYS`` apart (``pair_rules._rare``), a count like 431 arrested
    only ``DISTINCT_DAYS`` apart, and a market item's price (gold at 1096.40 on two days)
    never by its value alone."""
    import datetime as dt

    from ledger.pair_rules import same_value_pairs

    def row(mid, value, day, kind="measure", item=None):
        r = ClaimRow(mid, f"article-{mid}", 0, None, "fell", kind, "barrel", None)
        r.day, r.item = dt.date(2015, 7, day), item
        r.stated, r.distinct = ("exact", value, None, None), value
        return r

    rows = [row(1, 6935000.0, 21), row(2, 6935000.0, 31), row(3, 431.0, 21, kind="count"),
            row(4, 431.0, 31, kind="count"), row(5, 1096.4, 24, kind="money", item="gold"),
            row(6, 1096.4, 31, kind="money", item="gold")]  # fmt: skip
    assert set(same_value_pairs(rows)) == {(1, 2)}


def test_some_of_a_group_never_leads_a_toll():
    """Abha, 6 August 2015: a headline "ارتفاع شهداء ... إلى 12 من رجال الأمن" counts
    some of a group (the members, not the three workers killed with them): it leads no
    toll (``pair_rules.lead_toll_pairs``), so it is not one figure with another report's
    15 dead; two reports leading with the whole toll are."""
    import datetime as dt

    from ledger.pair_rules import lead_toll_pairs

    def row(mid, article, value, partitive=False, entity="شخص"):
        r = ClaimRow(mid, article, 0, entity, "killed", "count", None, "2015-08-06 18:00")
        r.day, r.entity_key, r.entity_class = dt.date(2015, 8, 6), entity, "person"
        r.stated, r.title, r.partitive = ("exact", value, None, None), True, partitive
        return r

    rows = [row(1, "a", 12.0, partitive=True, entity="رجل"), row(2, "b", 15.0), row(3, "c", 13.0)]
    related = {("a", "b"): 0.5, ("a", "c"): 0.5, ("b", "c"): 0.5}
    pairs = lead_toll_pairs(rows, {"a": 1, "b": 1, "c": 1}, related)
    assert set(pairs) == {(2, 3)}


def test_two_named_items_never_share_a_figure_however_others_join_them():
    """A sector's change is never another sector's (``linking.scope_keys_of``): an unnamed
    "4.9%" close to both the construction sector's 4.98% and the industrial investment
    sector's 4.43% joins one of them, never both, whatever the scores; the construction
    sector named shorter ("قطاع|تشييد") is the same item."""
    pairs = {(1, 2): Pair(1, 2, 0.9, "same slot 90%"), (2, 3): Pair(2, 3, 0.9, "same slot 90%"),
             (1, 3): Pair(1, 3, 0.9, "same slot 90%"), (3, 4): Pair(3, 4, 0.9, "same slot 90%"),
             (1, 4): Pair(1, 4, 0.9, "same slot 90%"), (2, 4): Pair(2, 4, 0.9, "same slot 90%")}  # fmt: skip
    sentence_of = {m: (f"article {m}", False, 0) for m in range(1, 5)}
    keys = {
        1: {"item": "قطاع|تشييد بناء"},
        2: {"item": "قطاع|استثمار صناعي"},
        4: {"item": "قطاع|تشييد"},
    }
    free, _ = cluster([1, 2, 3, 4], pairs, sentence_of, Constraints(), SETTINGS)
    assert len(set(free.values())) == 1
    kept, _ = cluster([1, 2, 3, 4], pairs, sentence_of, Constraints(), SETTINGS, keys=keys)
    assert kept[1] != kept[2] and kept[1] == kept[4]


FESTIVAL = Path(__file__).parent / "data" / "festival_excerpts.jsonl"


def test_a_regrouping_keeps_the_scope_the_link_kept(ledger_path):
    """A decision, an undo or a small ingest re-groups part of the ledger from the stored
    scores (``figures.relink``): it reads the same scope keys as the full link (the
    festival's first night and third day, the construction and insurance sectors), so
    re-grouping what was just linked changes no figure."""
    from ledger.figures import relink

    for data, count in ((FESTIVAL, 3), (SECTORS, 6)):
        path = ledger_path.with_name(f"{data.stem}.db")
        with linked(path, data, count) as ledger:
            before = dict(ledger.db.execute("SELECT id, claim_id FROM mentions"))
            relink(ledger, sorted(before))
            after = dict(ledger.db.execute("SELECT id, claim_id FROM mentions"))
            assert after == before


def test_the_day_of_an_event_a_count_is_told_of_is_its_scope(ledger_path):
    """The Eidiya festival's visitors, 21-22 July 2015: more than seven thousand "في أولى
    ليالي" (alriyadh: its headline says "سبعة آلاف" and is of the same night), nine
    thousand "في يومه الثاني" (alyaum), more than nine thousand "في يومه الثالث"
    (aljazirah). A count's day of an event (``ClaimRow.nth_day``) keeps it apart from
    another day's, in every figure however others join them (``linking.scope_keys_of``),
    and no disagreement is flagged between the first night and the third day."""
    from ledger.linking import _nth_day_near

    def nth(sentence: str) -> int | None:
        text = normalize(sentence).text
        number = re.search(r"[0-9]+|سبعه|تسعه", text)
        return _nth_day_near(text, number.start(), number.end())

    assert nth("بحضور أكثر من تسعة آلاف زائر في يومه الثالث, وذلك") == 3
    assert nth("عاش أكثر من سبعة آلاف زائر لمتنزه الملك عبدالله البيئي في الأحساء "
               "احتفالية جميلة في أولى ليالي مهرجان") == 1  # fmt: skip
    assert nth("ارتفع المؤشر 3% في ثاني أيام التداول") == 2
    assert nth("قتل 15 شخصا اليوم الأحد") is None  # today is no day of an event
    with linked(ledger_path, FESTIVAL, 3) as ledger:
        first = figure_of(ledger, "festival-0722-alriyadh", "أكثر من سبعة آلاف")
        assert first == figure_of(ledger, "festival-0722-alriyadh", "سبعة آلاف", "title")
        third = figure_of(ledger, "festival-0722-aljazirah", "أكثر من تسعة آلاف")
        assert first != third
        assert first != figure_of(ledger, "festival-0722-alyaum", "9 آلاف")
        flags = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert flags.fetchone()[0] == 0


FORECAST = Path(__file__).parent / "data" / "forecast_excerpts.jsonl"


def test_one_sentence_told_twice_pairs_its_numbers_in_order(ledger_path):
    """aleqtisadiya and aljazirah, 2 August 2015, print one sentence: the IMF cut its
    forecast "من 3.8 إلى 3.5 في المائة" (aljazirah: "من 3.8% إلى 3.5%"). aleqtisadiya's
    3.8 was read as a bare number, and the words around it are the words around the 3.5,
    so its 3.5 joined aljazirah's 3.8 as a disagreement. The start of a change takes the
    unit of its end (``QuantityRules._changed_from``): each outlet's 3.8 is the other's 3.8,
    the 3.5s are another figure, and nothing is flagged."""
    with linked(ledger_path, FORECAST, 2) as ledger:
        was = {
            figure_of(ledger, f"forecast-0802-{outlet}", text)
            for outlet, text in (("aleqtisadiya", "3.8"), ("aljazirah", "3.8%"))
        }
        now = {
            figure_of(ledger, f"forecast-0802-{outlet}", text)
            for outlet, text in (("aleqtisadiya", "3.5 في المائة"), ("aljazirah", "3.5%"))
        }
        assert len(was) == 1 and len(now) == 1 and was != now
        flagged = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert flagged.fetchone()[0] == 0


def test_a_figure_whose_reports_each_state_both_values_is_crossed():
    """Two values may still meet in one figure through a third report; when each of the
    two reports states the other's value too (of its kind, unit and event), they are two
    quantities both tell, not a disagreement (``figures._Crossed``)."""
    from ledger.figures import _Crossed

    def row(mid, article, value):
        r = ClaimRow(mid, article, 0, None, None, "count", None, None)
        r.stated = ("exact", value, None, None)
        return r

    rows = {1: row(1, "a", 12), 2: row(2, "b", 8), 3: row(3, "c", 8)}
    held = {"a": {("count", None, None): {8, 12}}, "b": {("count", None, None): {8, 12}},
            "c": {("count", None, None): {8}}}  # fmt: skip
    crossed = _Crossed(rows, lambda articles: {a: held[a] for a in articles})
    assert crossed(1, 2) and not crossed(1, 3)


ABHA_WORKERS = Path(__file__).parent / "data" / "abha_workers_excerpts.jsonl"


def test_a_part_named_alike_in_every_report_is_one_figure_told_as_it_rose(ledger_path):
    """Abha: the statements of 6-7 August count "ثلاثة من العاملين في الموقع" among the
    dead, that of 8 August "(4) من العاملين في الموقع من الجنسية البنجلاديشية" (the
    number in brackets). Each report names the part in the same words: one figure, and
    the rise from three to four is flagged as an update."""
    with linked(ledger_path, ABHA_WORKERS, 4) as ledger:
        three = figure_of(ledger, "abha-workers-0806-alriyadh", "ثلاثة")
        assert three == figure_of(ledger, "abha-workers-0808-aleqtisadiya", "4")
        assert three == figure_of(ledger, "abha-workers-0809-aawsat", "أربعة")
        conflict, kind = ledger.db.execute(
            "SELECT conflict, conflict_kind FROM figures WHERE claim_id = ?", [three]
        ).fetchone()
        assert (conflict, kind) == (1, "update")
        reasons = [r for (r,) in ledger.db.execute(
            "SELECT explanation FROM pair_scores WHERE explanation LIKE ?",
            [f"{DESCRIBED_REASON}%"])]  # fmt: skip
        assert reasons and all("العاملين في الموقع" in r for r in reasons)


def test_a_number_in_brackets_is_read_past_its_bracket():
    """ "(4) من العاملين": what follows the closing bracket follows the number."""
    text = normalize("و (4) من العاملين في الموقع من الجنسية البنجلاديشية").text
    end = text.index("4") + 1
    assert past_closing(text, end) == end + 1
    row = ClaimRow(1, "a", 0, "عامل", "killed", "count", None, None)
    read_scope(row, "و (4) من العاملين في الموقع", 3, 4)
    assert row.partitive and row.described == ("العاملين", "في", "الموقع")
    assert past_closing("15 شخصا", 2) == 2


def _part(mention: int, article: str, day: str, described: tuple) -> ClaimRow:
    row = ClaimRow(mention, article, 0, "عامل", "killed", "count", None, f"{day} 10:00:00")
    row.partitive, row.described = True, described
    row.day = dt.date.fromisoformat(day)
    return row


def test_parts_named_alike_join_only_in_a_short_story():
    """Two reports' parts named in the same words are one figure in an incident's
    coverage; a war told for weeks names its groups the same way every day ("من
    الحوثيين وقوات صالح"), so there they are left to the model."""
    words = ("الحوثيين", "وقوات", "صالح")
    rows = [_part(1, "a", "2015-08-01", words), _part(2, "b", "2015-08-02", words)]
    pairs = {(1, 2): Pair(1, 2, 0.3, "same slot 30%")}
    found = described_part_pairs(pairs, rows, {"a": 1, "b": 1})
    assert found[(1, 2)].score >= EVIDENCE
    rows.append(_part(3, "c", "2015-08-12", words))  # the story runs for 11 days
    assert not described_part_pairs(pairs, rows, {"a": 1, "b": 1, "c": 1})
    rows[0].anchors, rows[1].anchors = ("العريش",), ("رفح",)  # each names its own place
    assert not described_part_pairs(pairs, rows[:2], {"a": 1, "b": 1})
    rows[1].anchors = ("العريش",)
    assert described_part_pairs(pairs, rows[:2], {"a": 1, "b": 1})
    rows[0].described = rows[1].described = ("العاملين",)  # one word names no part
    assert not described_part_pairs(pairs, rows[:2], {"a": 1, "b": 1})


def _soldiers(mention: int, article: str, day: str, noun: str, value: int) -> ClaimRow:
    row = ClaimRow(mention, article, 0, noun, "killed", "count", None, f"{day} 10:00:00")
    row.entity_key, row.entity_class, row.stated = noun, "person", (None, value, None, None)
    row.day = dt.date.fromisoformat(day)
    return row


def test_soldiers_counted_as_jnud_or_askariyin_are_the_same_people():
    """The Sévaré siege (7-10 August 2015): "بينهم عسكريان" (alyaum), "بينهم خمسة جنود"
    (aawsat), "بينهم خمسة عسكريين" (alriyadh), "أربعة جنود" (aawsat, the final toll):
    جندي and عسكري name the same soldiers, so two reports' counts of them are one figure
    as sure as a lead pair (``pair_rules.named_people_pairs``); police are others."""
    from ledger.pair_rules import named_people_pairs

    rows = [_soldiers(1, "a", "2015-08-07", "عسكري", 2),
            _soldiers(2, "b", "2015-08-08", "جندي", 5)]  # fmt: skip
    pairs = {(1, 2): Pair(1, 2, 0.4, "same slot 40%")}
    found = named_people_pairs(pairs, rows, {"a": 1, "b": 1})
    assert found[(1, 2)].score >= EVIDENCE
    rows[1].entity_key = "شرطي"
    assert not named_people_pairs(pairs, rows, {"a": 1, "b": 1})


PLACES = Path(__file__).parent / "data" / "places_excerpts.jsonl"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("إصابة 22 شخصاً إثر حريق بعمارة سكنية بالرياض", {"الرياض"}),
        ("وفاة 12 شخصاً في أمطار وفيضانات باكستان", {"باكستان"}),
        ("حريق عمارة سكنية بالمدينة المنورة يسفر عن إصابة ١٤ شخصا", {"المدينه المنوره"}),
        ("مقتل 3 في خميس مشيط", {"خميس مشيط"}),
        ("قتل 20 في كابول", {"كابل"}),  # two spellings, one place
        ("وقتل 5 في لوجار وكراتشي", {"لوغار", "كراتشي"}),
        # where they were headed, what a border faces: not where it happened
        ("متطوعين متوجهين إلى كوباني", set()),
        ("في بلدة حدودية مع سوريا", set()),
        # common words that share a place's letters are no place
        ("وأن 29 شخصا لا يزالون في المستشفيات", set()),
        ("أعلن الخبر في المدينة", set()),
        ("حماة الوطن", set()),
        ("في مسقط رأسه", set()),
        ("للحج", set()),
        ("قتل مدنين اثنين", set()),
        # who speaks, acts or is helped, or where one was born, is not where it happened
        ("بحسب أنقرة قتل 400 في شمال العراق", {"العراق"}),
        ("أعلنت دولة الإمارات مقتل 3 جنود في اليمن", {"اليمن"}),
        ("مقاتلون مؤيدون لروسيا في أوكرانيا", {"أوكرانيا"}),
        ("أردني من مواليد الكويت", set()),
        ("أدانت تفجير الكويت", {"الكويت"}),  # the place of the attack condemned
        ("في محافظة صلاح الدين", {"صلاح الدين"}),  # three words
        # Saudi Arabia, not the adjective: "وزارة الداخلية السعودية"
        ("وزارة الداخلية السعودية", set()),
        ("قتل 3 في السعودية", {"السعودية"}),
        ("في المملكة العربية السعودية", {"السعودية"}),
        # a two-word place is read once; a road's two ends are no place
        ("قتل 5 في جنوب السودان", {"جنوب السودان"}),
        ("على طريق الرياض - الدمام", set()),
        ("في كل من الرياض وتبوك", {"الرياض", "تبوك"}),
        # a place another lies from is not where it happened; a region of one still is
        ("في قندهار، وفي ولاية لوغار جنوب كابل", {"قندهار", "لوغار"}),
        ("في مأرب شمال شرق صنعاء", {"مأرب"}),
        ("في ولاية لوغار جنوبي العاصمة كابل", {"لوغار"}),
        ("قتل 4 في جنوب لبنان", {"لبنان"}),
        ("في سوريا شرق لبنان", {"سوريا", "لبنان"}),  # a country is no town lying from
    ],
)
def test_places_named(text, places):
    from ledger.scope import places_named

    assert places_named(normalize(text).text) == {normalize(p).text for p in places}


def test_places_apart_knows_what_lies_within_what():
    from ledger.scope import places_apart, places_named

    def at(text):
        return places_named(normalize(text).text)

    assert not places_apart(at("في كراتشي"), at("في باكستان"))  # a city of the country
    assert not places_apart(at("بأبها"), at("بمنطقة عسير"))  # a city of its region
    assert not places_apart(at("في الرياض"), at("في السعودية"))
    assert places_apart(at("بالرياض"), at("بالمدينة المنورة"))  # two cities of a country
    assert places_apart(at("في إيران"), at("في باكستان"))
    assert not places_apart(at("في إيران"), frozenset())  # a clause naming none
    # a war's fronts and districts (Aden's Tawahi and Dar Saad, Marib's Sirwah)
    assert places_apart(at("في منطقة التواهي"), at("على ضاحية دار سعد"))
    assert not places_apart(at("في منطقة التواهي"), at("في عدن"))
    assert places_apart(at("في جبهة صرواح"), at("في جبل صبر"))
    assert not places_apart(at("في ريف حماة"), at("في سهل الغاب"))
    assert places_apart(at("في دوما"), at("في سهل الغاب"))


def test_tolls_of_two_places_are_two_figures(ledger_path):
    """Floods in Iran and in Pakistan, told the same day in the same words ("وفاة 12
    شخصاً في أمطار وفيضانات باكستان"، "مقتل 11 شخصاً ... إثر فيضانات في إيران"): the
    Iranian report's text says "مما أدى إلى مقتل 11 شخصا" and names no country, so its
    headline's place holds for it. Two fires, in Riyadh and in Medina, likewise."""
    with linked(ledger_path, PLACES, 6) as ledger:
        iran = figure_of(ledger, "floods-iran-0725-3alyoum", "11")
        assert iran == figure_of(ledger, "floods-iran-0725-3alyoum", "11", "title")
        pakistan = {
            figure_of(ledger, "floods-pakistan-0725-alriyadh", "12"),
            figure_of(ledger, "floods-pakistan-0725-3alyoum", "19"),
            figure_of(ledger, "floods-pakistan-0722-alriyadh", "14"),
        }
        assert iran not in pakistan
        riyadh = figure_of(ledger, "fire-riyadh-0724-sabq", "٢٢")
        assert riyadh != figure_of(ledger, "fire-medina-0803-alriyadh", "١٤")
        scored = ledger.db.execute(
            "SELECT count(*) FROM pair_scores p JOIN mentions a ON a.id = p.mention_a "
            "JOIN mentions b ON b.id = p.mention_b WHERE a.text IN ('11', '12') "
            "AND b.text IN ('11', '12') AND a.text != b.text"
        ).fetchone()[0]
        assert scored == 0  # not even scored as one: the pair is not allowed


SEVERE = Path(__file__).parent / "data" / "severe_excerpts.jsonl"


def test_the_badly_hurt_of_one_toll_told_twice_are_one_figure(ledger_path):
    """Abha: the interior ministry's first statement, retold by alyaum on 6 August, has
    nine injured "ثلاثة منهم إصاباتهم بالغة"; aljazirah's reporter on 7 August found
    "منها أربعة في حالة خطرة جداً" in hospital. Both count the badly hurt of the one toll:
    one figure, and the change from three to four is flagged
    (``pair_rules.severe_pairs``)."""
    from ledger.pair_rules import SEVERE_REASON

    with linked(ledger_path, SEVERE, 2) as ledger:
        three = figure_of(ledger, "abha-0807-aljazirah", "أربعة")
        members = ledger.db.execute(
            "SELECT a.name, m.text FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.claim_id = ?", [three]).fetchall()  # fmt: skip
        assert sorted(text for _name, text in members) == sorted(["ثلاثة", "أربعة"])
        assert three != figure_of(ledger, "abha-0806-alyaum", "تسعة")  # the badly hurt of them
        conflict, kind = ledger.db.execute(
            "SELECT conflict, conflict_kind FROM figures WHERE claim_id = ?", [three]
        ).fetchone()
        assert (conflict, kind) == (1, "update")
        reasons = [r for (r,) in ledger.db.execute("SELECT explanation FROM pair_scores")]
        assert SEVERE_REASON in reasons


def test_the_same_value_rules_keep_places_apart():
    """Floods killing 12 in Iran and 12 in Pakistan, told in one story's reports: neither
    the same value in a story nor the same distinctive figure makes them one (an outside
    review found the rules joined what the scoring kept apart)."""
    from ledger.pair_rules import same_value_pairs, story_value_pairs

    def toll(mid: int, article: str, place: str) -> ClaimRow:
        r = ClaimRow(mid, article, 0, "شخص", "killed", "count", None, "2015-07-25")
        r.stated, r.entity_key, r.distinct = ("exact", 212, None, None), "شخص", 212.0
        r.incident = (frozenset(), False, frozenset({normalize(place).text}))
        return r

    apart = [toll(1, "a", "إيران"), toll(2, "b", "باكستان")]
    together = [toll(3, "c", "كراتشي"), toll(4, "d", "باكستان")]
    story = {"a": 1, "b": 1, "c": 1, "d": 1}
    pakistan = {(2, 3), (2, 4), (3, 4)}  # Karachi is in Pakistan; Iran's 12 pairs with none
    assert set(story_value_pairs(apart + together, story)) == pakistan
    assert set(same_value_pairs(apart + together)) == pakistan


def test_the_gazetteer_holds_together():
    """Every place a place lies within has a row of its own, and no form is listed
    twice (an outside review found تكريت within a صلاح الدين the gazetteer never named, so
    that Tikrit and Iraq were two places)."""
    from ledger.lexicon import lexicon, read_tsv
    from ledger.scope import places_apart, places_named

    rows = list(read_tsv("places.tsv"))
    forms = [form for form, *_ in rows]
    assert len(forms) == len(set(forms))
    lex = lexicon()
    named = set(lex.places.values())
    assert set(lex.place_within.values()) <= named | set(lex.place_within)

    for form, place, *_within in rows:  # every form is read as its place
        assert normalize(place).text in places_named(normalize(form).text), form

    def at(text):
        return places_named(normalize(text).text)

    assert not places_apart(at("في تكريت"), at("في العراق"))
    assert not places_apart(at("في سيلوبي"), at("في محافظة شيرناك"))
    assert not places_apart(at("في نابلس"), at("في الضفة الغربية"))


def test_all_the_injured_with_some_badly_hurt_are_no_part_of_them():
    """ "أصيب نحو 30 آخرين بجراح بينهم إصابات خطيرة" counts all the injured, some of them
    badly: no pair of the badly hurt with "ثلاثة منهم إصاباتهم بالغة" (an outside
    review)."""
    from ledger.linking import read_scope
    from ledger.pair_rules import severe_pairs

    def hurt(mid, article, sentence, number, value):
        r = ClaimRow(mid, article, 0, None, "injured", "count", None, "2015-08-06")
        r.stated = ("exact", value, None, None)
        start = sentence.index(number)
        read_scope(r, sentence, start, start + len(number))
        return r

    part = hurt(1, "a", "وإصابة تسعة آخرين ثلاثة منهم إصاباتهم بالغة", "ثلاثة", 3)
    other = hurt(2, "b", "وفي المستشفى بقيت عدد من حالات منها أربعة في حالة خطرة جداً",
                 "أربعة", 4)  # fmt: skip
    total = hurt(3, "c", "وأصيب نحو 30 آخرين بجراح بينهم إصابات خطيرة", "30", 30)
    assert part.severe and other.severe and total.severe
    pairs = {(1, 2): Pair(1, 2, 0.5, "same slot 50%"), (1, 3): Pair(1, 3, 0.5, "same slot 50%")}
    found = severe_pairs(pairs, [part, other, total], {"a": 1, "b": 1, "c": 1})
    assert set(found) == {(1, 2)}


def test_a_statement_made_before_needs_no_qad():
    """The pluperfect is as often told without قد: "وكانت وزارة الداخلية أعلنت في بيان
    ... أن 15 شخصا قتلوا" (alriyadh, 23 July 2015), "وكانت الشرطة اعلنت الخميس مقتل 19"
    (27 July); a copula with no verb of saying is no statement."""
    from ledger.scope import stated_before

    for said, number in (
        ("وكانت وزارة الداخلية أعلنت في بيان في وقت متأخر من مساء الأربعاء أن 15 شخصا قتلوا", "15"),
        ("وكانت الشرطة اعلنت الخميس مقتل 19 شخصا في حادث الاصطدام", "19"),
        ("وكانت الوزارة قالت أمس الخميس أن الحصيلة 18 قتيلا", "18"),
    ):
        text = normalize(said).text
        assert stated_before(text, text.index(number)), said
    for plain, number in (
        ("وكانت الحصيلة 18 قتيلا", "18"),
        ("وكان المركب يحمل أكثر من 25 شخصا", "25"),
        # a month's name, a "كما" before the verb, a clause of its own between
        ("في كانون الثاني اعلنت الوزارة مقتل 5", "5"),
        ("وكان آخرها، حسبما أعلن الجيش، مقتل 7", "7"),
        ("كانت آخرها كما صرح المسؤول مقتل 4", "4"),
        ("بينما كان المسلحون يطلقون النار، قال شاهد إن 20 قتلوا", "20"),
    ):
        text = normalize(plain).text
        assert not stated_before(text, text.index(number)), plain


def test_the_bodies_a_toll_rose_by_are_not_the_toll():
    """ "ارتفع عدد الوفيات ... إلى 29 شخصا بعد انتشال 11 جثة جديدة" (aleqtisadiya, 24 July
    2015): the 11 are what the toll rose by, as are "11 جثمانا آخر" and "بعد وفاة اثنين من
    المصابين"; the toll itself, and the injured told after the dead ("آخرون"), are not."""
    from ledger.scope import increment_of_toll

    def increment(said: str, number: str) -> bool:
        nt = normalize(said)
        at = said.index(number)
        return increment_of_toll(nt.text, nt.to_normalized(at), nt.to_normalized(at + len(number)))

    rose = "ارتفع عدد حالات الوفيات في حادث غرق مركب جزيرة الوراق إلى 29 شخصًا بعد انتشال 11 جثة جديدة ."
    assert increment(rose, "11") and not increment(rose, "29")
    assert increment(
        "ارتفع عدد ضحايا غرق مركب الوراق إلى 31 قتيلاً بعد انتشال 13 جثة صباح أمس", "13"
    )
    more = "ذكرت وزارة الصحة أن رجال الإنقاذ انتشلوا 11 جثمانا آخر في حادث غرق مركب لترتفع حصيلة القتلى إلى 29 شخصا"
    assert increment(more, "11") and not increment(more, "29")
    assert increment("ارتفع عدد شهداء التفجير الى 15 بعد وفاة اثنين من المصابين", "اثنين")
    assert not increment("ارتفعت حصيلة القتلى إلى 5 وأصيب 20 آخرون", "20")
    assert not increment("انتشال 11 جثة جديدة", "11")  # no rise told: a count of its own
    assert not increment("ارتفعت أسعار النفط بعد مقتل 20 شخصا", "20")  # no toll's rise
    assert increment("ارتفعت الحصيلة إلى 29 بعد انتشال 11 جثة", "11")


NILE = Path(__file__).parent / "data" / "nile_boat_excerpts.jsonl"


def test_a_toll_that_rose_over_five_days_is_one_figure_without_its_parts(ledger_path):
    """The Nile boat sinking (22 July 2015): 15 dead, then 21, 29, 31 and 36 over five
    days, each report citing the last ("وكانت الشرطة اعلنت الخميس مقتل 19") -- one figure,
    an update; the bodies it rose by (11, 13) and the children among the dead ("بينهم نحو
    20 طفلا"، "تتضمن 20 طفلا") are not in it."""
    with linked(ledger_path, NILE, 5) as ledger:
        toll = figure_of(ledger, "nile-alweeam", "15", "title")
        for article, said in (
            ("nile-alriyadh-21", "21 على الأقل"),
            ("nile-aleqtisadiya-29", "29"),
            ("nile-almadina-31", "31"),
            ("nile-alriyadh-36", "36"),
        ):
            assert figure_of(ledger, article, said, "title") == toll, said
        assert figure_of(ledger, "nile-aleqtisadiya-29", "11") != toll
        assert figure_of(ledger, "nile-almadina-31", "13") != toll
        children = ledger.db.execute(
            "SELECT m.claim_id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.name LIKE '%#nile-alriyadh-36' AND m.value = 20 AND m.is_claim = 1"
        ).fetchall()
        assert children and all(c != toll for (c,) in children)
        kind = ledger.db.execute(
            "SELECT conflict_kind FROM figures WHERE claim_id = ?", [toll]
        ).fetchone()[0]
        assert kind == "update"


SOUDELOR = Path(__file__).parent / "data" / "soudelor_excerpts.jsonl"


def test_a_statement_made_before_tells_no_rise_of_the_report_s_own_toll(ledger_path):
    """aleqtisadiya on typhoon Soudelor (10 August 2015): 14 dead in China, "وقتل 12
    شخصا ... في مدينة ونتشو", and "وكانت السلطات التايوانية ذكرت ... ستة قتلى" in Taiwan.
    A statement told as made before may be another incident's (``ClaimRow.cited``): it
    does not make the report's 12 and 14 steps of one rising toll, so the 12 stays out of
    the 14s' figure and the headline's 14 in it."""
    with linked(ledger_path, SOUDELOR, 2) as ledger:
        china = figure_of(ledger, "soudelor-aleqtisadiya", "14")
        assert china == figure_of(ledger, "soudelor-aleqtisadiya", "14", "title")
        assert china == figure_of(ledger, "soudelor-alyaum", "14")
        assert figure_of(ledger, "soudelor-aleqtisadiya", "12") != china


SOUDELOR_TAIWAN = Path(__file__).parent / "data" / "soudelor_taiwan_excerpts.jsonl"


def test_a_figure_never_holds_two_outcomes(ledger_path):
    """aawsat on typhoon Soudelor (8 August 2015): its headline "ويحصد 4 أشخاص" names no
    outcome, and its text has four dead ("لقي أربعة أشخاص حتفهم") and four lost ("أربعة
    أشخاص فقدوا"). The headline may join either, but the missing never share a figure
    with the killed (``linking.scope_keys_of``), however the groups grow: alriyadh's "6
    قتلى و 4 مفقودين" the next day keeps its four with the four lost."""
    with linked(ledger_path, SOUDELOR_TAIWAN, 3) as ledger:
        rows = ledger.db.execute(
            "SELECT m.claim_id, m.event FROM mentions m WHERE m.is_claim = 1 AND m.value = 4"
        ).fetchall()
        events_of: dict[int, set] = {}
        for claim, event in rows:
            events_of.setdefault(claim, set()).add(event)
        assert {"killed", "missing"} <= {e for es in events_of.values() for e in es}
        assert all(not {"killed", "missing"} <= events for events in events_of.values())
        lost = {c for c, e in rows if e == "missing"}
        assert len(lost) == 1  # aawsat's and alriyadh's four missing: one figure


LIBYA_ABOARD = Path(__file__).parent / "data" / "libya_aboard_excerpts.jsonl"


def test_two_reports_counts_of_the_people_aboard_disagree(ledger_path):
    """The boat off Libya (6 August 2015): alweeam's "انقلاب قارب يقل 700 مهاجر" and
    "حوالي 700 شخص كانوا على القارب", aleqtisadiya's "كان المركب يقل اكثر من 600 شخص"
    (aboard, whatever the rescue the sentence opens on) and "يقل نحو 600 شخص": one
    boat's people (``pair_rules.aboard_pairs``), one figure, flagged."""
    with linked(ledger_path, LIBYA_ABOARD, 2) as ledger:
        rows = ledger.db.execute(
            "SELECT m.claim_id, m.event, f.conflict FROM mentions m "
            "JOIN figures f ON f.claim_id = m.claim_id "
            "WHERE m.is_claim = 1 AND m.value IN (600, 700)"
        ).fetchall()
        assert len(rows) == 5
        assert {event for _, event, _ in rows} == {"aboard"}
        assert len({claim for claim, _, _ in rows}) == 1
        assert all(conflict == 1 for _, _, conflict in rows)


def test_a_sentence_opening_on_an_earlier_day_tells_that_day_s_incident():
    """aawsat, 23 July 2015, on the Nile boat: "وفي 5 يوليو (تموز) الحالي، غرقت العبارة
    طابا ... وعلى متنها 37 فردًا": another ferry, 18 days before; a day of the last three
    is the report's own incident, told as it rose."""
    from ledger.linking import _dated_sentence

    said = normalize(
        "وفي 5 يوليو (تموز) الحالي، غرقت العبَّارة طابا على بعد 20 ميلا من ميناء سفاجا "
        "فور مغادرتها وعلى متنها 37 فردًا"
    ).text
    before = said[: said.index("37")]
    assert _dated_sentence(before, dt.date(2015, 7, 23)) == dt.date(2015, 7, 5).toordinal()
    assert _dated_sentence(before, dt.date(2015, 7, 7)) is None
    assert _dated_sentence(normalize("وفي 31 فبراير قتل 5").text, dt.date(2015, 7, 7)) is None


METAL_SNAPSHOTS = Path(__file__).parent / "data" / "metal_snapshots_excerpts.jsonl"


def test_a_commodity_s_quotes_of_other_hours_are_no_conflict(ledger_path):
    """Reuters' precious metals report of 21 July 2015 as aljazirah (timed 10:20 GMT) and
    aleqtisadiya (later in the day) printed it: palladium up 1.6% to 614.25 and up 1.7% to
    614.75, platinum up 0.6% and 0.5%. One figure each, but snapshots of a moving market,
    no conflict (``pair_rules.snapshots_unwitnessed``); two closes would be."""
    with linked(ledger_path, METAL_SNAPSHOTS, 2) as ledger:
        palladium = figure_of(ledger, "metals-aljazirah", "1.6 بالمئة")
        assert palladium == figure_of(ledger, "metals-aleqtisadiya", "1.7 في المائة")
        flagged = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert flagged.fetchone()[0] == 0
        said = ledger.db.execute(
            "SELECT count(*) FROM pair_scores WHERE explanation LIKE '%quotes of unknown%'"
        )
        assert said.fetchone()[0] > 0


def test_a_quote_is_a_close_only_when_told_so_beside_it():
    """ "عند التسوية" beside the quote makes it a close; a quote "بحلول الساعة 0723" is of
    an hour, even when its sentence recalls the last close after it."""
    from ledger.linking import ClaimRow, _set_keys

    def closing(text: str, number: str) -> bool:
        said = normalize(text).text
        row = ClaimRow(1, "a", 0, None, None, "money", "USD", "2015-07-31")
        start = said.index(number)
        _set_keys(row, said, start, start + len(number))
        return row.closing

    settled = "وزاد سعر الخام الأمريكي في عقود سبتمبر عند التسوية 0.81 دولار ليصل إلى 48.79 دولارا"
    assert closing(settled, "48.79")
    hourly = (
        "وانخفض سعر مزيج برنت 49 سنتا إلى 52.82 دولار للبرميل بحلول الساعة 0723 بتوقيت "
        "جرينتش بعد تراجعه سبع سنتات عند التسوية"
    )
    assert not closing(hourly, "52.82")


LIBYA = Path(__file__).parent / "data" / "libya_boat_excerpts.jsonl"


def test_the_same_people_counted_by_two_reports_are_one_figure(ledger_path):
    """The boat off Libya (5 August 2015): "كما نقلت 25 جثة" (aleqtisadiya, the first
    report) and "وانتشال 26 جثة" (aawsat, two days on, on the smugglers' arrest) count the
    same bodies in other words: one figure, flagged (``pair_rules.named_people_pairs``)."""
    with linked(ledger_path, LIBYA, 2) as ledger:
        bodies = figure_of(ledger, "libya-aleqtisadiya", "25")
        assert bodies == figure_of(ledger, "libya-aawsat", "26")
        flagged = ledger.db.execute(
            "SELECT conflict FROM figures WHERE claim_id = ?", [bodies]
        ).fetchone()[0]
        assert flagged == 1


def test_a_sentence_that_opens_on_an_earlier_date_tells_that_day_s_incident():
    """aawsat, 23 July 2015, on the Nile boat: "وفي 11 أكتوبر (تشرين الأول) 2014، سقطت
    شاحنة صغيرة من على معدية ... تم انتشال 24 جثة منها": the 24 are the 2014 ferry's, far
    as the year is from them."""
    import datetime as dt

    from ledger.linking import _dated_sentence

    day = dt.date(2015, 7, 23)
    said = normalize(
        "وفي 11 أكتوبر (تشرين الأول) 2014، سقطت شاحنة صغيرة من على معدية بمحافظة المنيا "
        "وراح ضحية الحادث 26 شخصًا بحسب البلاغات التي تلقتها سلطات الأمن، تم انتشال 24 جثة منها"
    ).text
    assert _dated_sentence(said[: said.index("24")], day) == 2014
    this_year = normalize("وفي يوليو 2015 قتل 5 أشخاص").text
    assert _dated_sentence(this_year[: this_year.index("5 ")], day) is None
    undated = normalize("قتل 15 شخصا وأصيب 20 في 2014 حادثا").text
    assert _dated_sentence(undated[: undated.index("20")], day) is None


def test_the_lightly_hurt_are_some_of_the_injured():
    """ "وخمسة آخرين إصاباتهم طفيفة" (aljazirah, 31 July 2015, beside a third policeman
    badly hurt) counts the lightly hurt; "إصابة ستة ... تراوحت إصابتهم بين البسيطة
    والمتوسطة" all six, in several states; "أصيب 10 أشخاص بجروح طفيفة" may be the whole
    toll, all lightly hurt."""
    from ledger.scope import light_count

    def light(said: str, number: str) -> bool:
        nt = normalize(said)
        return light_count(nt.text, nt.to_normalized(said.index(number) + len(number)))

    assert light("إصابة شرطي ثالث بجروح بليغة وخمسة آخرين إصاباتهم طفيفة", "وخمسة")
    assert not light("بإصابة ستة من رجال الشرطة تراوحت إصابتهم بين البسيطة والمتوسطة", "ستة")
    assert not light("أصيب 10 أشخاص بجروح طفيفة", "10")
    assert not light("أصيب 20 شخصا بينهم 3 حالتهم خطيرة", "20")


SITRA = Path(__file__).parent / "data" / "sitra_excerpts.jsonl"


def test_the_lightly_hurt_never_join_the_injured(ledger_path):
    """Sitra (28 July 2015): the ministry's six injured and the column's five lightly hurt
    beside a third policeman badly hurt are two figures, and no conflict; the six of
    two reports are one."""
    with linked(ledger_path, SITRA, 3) as ledger:
        six = figure_of(ledger, "sitra-3alyoum", "ستة")
        assert six == figure_of(ledger, "sitra-aawsat", "6")
        assert figure_of(ledger, "sitra-aljazirah", "خمسة") != six
        flags = ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1")
        assert flags.fetchone()[0] == 0


def test_passengers_are_not_all_aboard():
    """Garuda at Padang (2-3 August 2015): "كانت تقل 174 راكبا" and "طائرة ركاب تقل 178
    شخصا" (the crew too) are two counts; 700 migrants and about 700 people aboard one boat
    are one."""
    from ledger.linking import ClaimRow
    from ledger.slots import Table

    def aboard(i: int, noun: str, value: int) -> ClaimRow:
        row = ClaimRow(i, f"a{i}", 0, noun, "aboard", "count", None, "2015-08-03 20:00:00")
        row.entity_key, row.entity_class = noun, "civilian" if noun == "راكب" else "person"
        row.stated = ("exact", value, None, None)
        return row

    import numpy as np

    rows = [aboard(1, "راكب", 174), aboard(2, "شخص", 178), aboard(3, "مهاجر", 700),
            aboard(4, "شخص", 700)]  # fmt: skip
    table = Table(rows)
    allowed = table.allowed(np.array([0, 2]), np.array([1, 3]))
    assert allowed.tolist() == [False, True]


def test_another_side_s_smaller_count_rebuts_a_toll():
    """ "أما حزب العمال بالعراق فتحدث عن مقتل خمسة أشخاص فقط" (alwatan, 2 August 2015),
    "لكن ... قائد الجيش في الولاية، تحدث عن مقتل ثمانية جنود فقط" (aawsat, 21 July):
    another side's count, told as only so many after a turn to its speaker; not a
    market's "3 شركات فقط", nor a toll with no speaker turned to."""
    from ledger.scope import rebuts_a_toll

    def rebuts(said: str, number: str) -> bool:
        nt = normalize(said)
        at = said.index(number)
        return rebuts_a_toll(nt.text, nt.to_normalized(at), nt.to_normalized(at + len(number)))

    assert rebuts("أما حزب العمال بالعراق فتحدث عن مقتل خمسة أشخاص فقط قبل غارات أمس", "خمسة")
    assert rebuts("لكن عبد الرضي صافي، قائد الجيش في الولاية، تحدث عن مقتل ثمانية جنود فقط.",
                  "ثمانية")  # fmt: skip
    assert rebuts("لكن الحكومة قالت إنه لم يقتل سوى خمسة", "خمسة")
    assert not rebuts("وشهدت تداولات اليوم ارتفاع أسهم 3 شركات فقط في قيمتها", "3")
    assert not rebuts("قتل 5 أشخاص فقط في الهجوم", "5")
    assert not rebuts("لكن الشرطة قالت إن 12 شخصا قتلوا", "12")
    # "فقط" of the next number is not this one's
    assert not rebuts("لكن الجيش قال إن 3 قتلى و2 فقط أصيبوا", "3")


REBUTTAL = Path(__file__).parent / "data" / "rebuttal_excerpts.jsonl"


def test_another_side_s_count_disagrees_with_the_toll_it_answers(ledger_path):
    """alwatan (2 August 2015) leads with the Zarkel strike's six dead, gives Anadolu's
    260 killed in a week, then the PKK's "only five": the five answer the 260 (the
    nearest larger count told before them), one figure, a disagreement; not Zarkel's six."""
    with linked(ledger_path, REBUTTAL, 2) as ledger:
        week = figure_of(ledger, "pkk-alwatan", "حوالى 260")
        assert figure_of(ledger, "pkk-alwatan", "خمسة") == week
        assert figure_of(ledger, "pkk-aawsat", "نحو 260") == week
        assert figure_of(ledger, "pkk-alwatan", "ستة") != week
        kind = ledger.db.execute(
            "SELECT conflict_kind FROM figures WHERE claim_id = ?", [week]
        ).fetchone()[0]
        assert kind == "disagreement"


def test_a_named_part_keeps_apart_from_a_toll_only():
    """ "بينهم نحو 20 طفلا" is never the toll of 36 killed; but "سجلت منهم 9 حالات وفاة"
    (cases name no one) may be the 9 dead, and "خلية تضم 8 عناصر" arrested all 8 held."""
    import numpy as np

    from ledger.linking import ClaimRow
    from ledger.slots import Table

    def count(i: int, noun: str, cls: str, event: str, value: int, part: bool) -> ClaimRow:
        row = ClaimRow(i, f"a{i}", 0, noun, event, "count", None, "2015-07-31 10:00:00")
        row.entity_key, row.entity_class, row.part = noun, cls, part
        row.stated = ("exact", value, None, None)
        return row

    rows = [
        count(1, "طفل", "person", "killed", 20, True), count(2, "قتيل", "person", "killed", 36, False),
        count(3, "حاله", "event", "killed", 9, True), count(4, "قتيل", "person", "killed", 9, False),
        count(5, "عنصر", "person", "captured", 8, True), count(6, "شخص", "person", "captured", 8, False),
    ]  # fmt: skip
    table = Table(rows)
    apart = table.named_part_of(np.array([0, 2, 4]), np.array([1, 3, 5]))
    assert apart.tolist() == [True, False, False]


def test_some_of_a_toll_answers_no_toll():
    """ "لكن مدير المستشفى قال إن 5 منهم فقط في حالة خطرة" is told as only so many after a
    turn to its speaker, but counts some of the injured: it answers no toll."""
    from ledger.linking import ClaimRow
    from ledger.pair_rules import rebuttal_pairs

    def count(i: int, start: int, value: int, **marks) -> ClaimRow:
        row = ClaimRow(i, "a1", start, "شخص", "killed", "count", None, "2015-08-02 10:00:00")
        row.stated = ("exact", value, None, None)
        for name, on in marks.items():
            setattr(row, name, on)
        return row

    toll = count(1, 0, 260)
    assert set(rebuttal_pairs([toll, count(2, 100, 5, rebuttal=True, voice=1)])) == {(1, 2)}
    assert not rebuttal_pairs([toll, count(3, 100, 5, rebuttal=True, voice=1, part=True)])
    assert not rebuttal_pairs([toll, count(4, 100, 5, rebuttal=True, voice=1, severe=True)])


def test_a_toll_told_among_a_wars_fighting_tells_of_war():
    """Raids, shelling, clashes and the armed sides name a war's fighting (the
    ``hostility`` cues, behind a conjunction and a preposition); floods, a derailment and
    an outbreak do not."""
    from ledger.scope import tells_of_war

    for said in (
        "وقتل 20 مدنيا في غارات للطيران الحربي على ريف إدلب",  # Syria, July 2015
        "مقتل 12 شخصا في اشتباكات مع الحوثيين في تعز",
        "وأصيب خمسة بالقصف المدفعي على الأحياء السكنية",
        "قتلت جماعة بوكو حرام 11 شخصا في هجوم على قرية",
    ):
        assert tells_of_war(normalize(said).text), said
    for said in (
        "لقي 46 شخصا على الاقل حتفهم في الفيضانات التي تشهدها بورما منذ أيام",
        "قتل 27 شخصا على الأقل بالأمس لدى خروج قطاري ركاب عن السكة",
        "ارتفع عدد الوفيات بمرض الفيالقة في برونكس إلى عشرة",
        "والهجوم على الفندق أسفر عن مقتل 12 شخصا",  # one attack is no war
    ):
        assert not tells_of_war(normalize(said).text), said


def test_an_incident_told_for_days_is_no_running_coverage():
    """Myanmar's floods were told from 1 to 10 August 2015, the toll rising from 27 to 100
    dead: a story of up to ten days whose tolls are seldom told among a war's fighting is
    one incident, whose reports' leading tolls may pair; told among raids and clashes it
    is running coverage, each report about its own day's incident; and any story told
    over more than ten days is."""
    from ledger.pair_rules import HOSTILE_SHARE, _running_stories

    def toll(mid: int, day: int, hostile: bool = False, story: str = "a") -> ClaimRow:
        row = ClaimRow(mid, f"{story}{mid}", 0, "شخص", "killed", "count", None, None)
        row.day, row.hostile = dt.date(2015, 8, day), hostile
        return row

    floods = [toll(i, day) for i, day in enumerate((1, 2, 3, 4, 6, 10))]
    story_of = {r.article_id: 1 for r in floods}
    assert _running_stories(floods, story_of) == set()
    war = [toll(10 + i, day, hostile=i % 2 == 0, story="w") for i, day in enumerate((1, 3, 5, 8))]
    assert sum(r.hostile for r in war) >= HOSTILE_SHARE * len(war)
    story_of.update({r.article_id: 2 for r in war})
    assert _running_stories(floods + war, story_of) == {2}
    weeks = [toll(20, 1, story="x"), toll(21, 13, story="x")]
    story_of.update({r.article_id: 3 for r in weeks})
    assert _running_stories(floods + war + weeks, story_of) == {2, 3}
    short = [toll(30, 1, hostile=True, story="s"), toll(31, 4, hostile=True, story="s")]
    story_of.update({r.article_id: 4 for r in short})
    assert 4 not in _running_stories(short, story_of)  # five days or fewer: one incident


def test_a_count_told_and_earlier_is_an_earlier_count():
    """aljazirah, 9 August 2015, after the Sévaré siege's 12 dead: "وفي وقت سابق اشارت
    مصادر عسكرية لفرانس برس الى مقتل ثمانية" cites an earlier count, behind its و."""
    from ledger.scope import told_as_earlier

    assert told_as_earlier(normalize("وفي وقت سابق اشارت مصادر عسكرية لفرانس برس الى مقتل").text)
    assert told_as_earlier(normalize("وقال في وقت سابق إن").text)
    assert not told_as_earlier(normalize("وفي وقت لاحق اشارت مصادر عسكرية الى مقتل").text)


def test_a_toll_the_incident_comes_after_is_another_incidents():
    """aawsat, 8-10 August 2015: "والهجوم على سيفاري هو الثالث من نوعه خلال أقل من أسبوع في
    مالي بعد هجومين أوقعا 13 قتيلا في صفوف العسكريين" -- the 13 are two earlier attacks'
    dead, not the siege's, whose final toll the same report gives as 13; so "ويأتي الهجوم بعد
    أقل من أسبوع من مقتل نحو عشرة أشخاص" (Cameroon, July 2015). Such a count leads no
    report, and never joins its own report's toll."""
    import numpy as np

    from ledger.pair_rules import lead_toll_pairs
    from ledger.scope import follows_another
    from ledger.slots import Table

    def follows(said: str, number: str) -> bool:
        norm, start, _end = _at(said, number)
        return follows_another(norm, start)

    assert follows("والهجوم على سيفاري هو الثالث من نوعه خلال أقل من أسبوع في مالي بعد "
                   "هجومين أوقعا 13 قتيلا في صفوف العسكريين.", "13")  # fmt: skip
    assert follows("ويأتي الهجوم بعد أقل من أسبوع من مقتل نحو عشرة أشخاص في هجوم", "عشره")
    assert not follows("عملية احتجاز الرهائن التي انتهت بعد ساعات بمقتل 13 شخصا", "13")
    assert not follows("وجاء ذلك بعد ساعات من مقتل 20 شخصا. وقتل 5 آخرون", "5")

    def toll(mid: int, article: str, start: int, follows: bool, several: bool = False):
        row = ClaimRow(mid, article, start, "قتيل", "killed", "count", None, None)
        row.stated, row.entity_key, row.follows = ("exact", 13, None, None), "قتيل", follows
        row.day, row.incident = dt.date(2015, 8, 10), (frozenset(), several, frozenset())
        return row

    earlier, own = toll(1, "a", 0, True, several=True), toll(2, "a", 100, False)
    ok = Table([earlier, own, toll(3, "b", 0, False)]).allowed(np.array([0, 1]), np.array([1, 2]))
    assert ok.tolist() == [False, True]
    # one earlier incident's toll the report tells again ("ويأتي تحطم المروحية بعد مقتل ستة
    # ... وستة آخرون في هجوم انتحاري", alwatan, 7 August 2015) may join its other telling
    once, again = toll(5, "c", 0, True), toll(6, "c", 100, False)
    assert Table([once, again]).allowed(np.array([0]), np.array([1])).tolist() == [True]
    other = toll(4, "b", 0, False)
    leads = lead_toll_pairs([earlier, own, other], {"a": 1, "b": 1}, {("a", "b"): 1.0})
    assert set(leads) == {(2, 4)}  # the report leads with its own 13, not the earlier one


ROUNDUP = Path(__file__).parent / "data" / "flood_roundup_excerpts.jsonl"


def test_a_round_ups_toll_told_in_the_country_is_of_the_country_named_before(ledger_path):
    """aawsat, 4 August 2015, "كوارث في آسيا": "وفي فيتنام، يبذل عمال الإغاثة ... وقتل 32
    شخصًا في الفيضانات الأخيرة في البلاد" -- a round-up names each country once, then
    refers back to it: Vietnam's 32 is Vietnam's, never Burma's 27 of aljazirah's report
    (which the model joined, keeping Burma's rising toll in pieces); Burma's own toll, told
    "in Burma", stays Burma's."""
    from ledger.linking import SETTINGS, load_claims

    with linked(ledger_path, ROUNDUP, 2) as ledger:
        rows = {(r.article_id, r.stated[1]): r for r in load_claims(ledger.db, SETTINGS)
                if r.event == "killed"}  # fmt: skip
        names = dict(ledger.db.execute("SELECT id, name FROM articles"))
        by_name = {(names[a].rsplit("#", 1)[-1], v): r for (a, v), r in rows.items()}
        assert by_name[("asia-roundup-aawsat", 32)].incident[2] == {"فيتنام"}
        assert by_name[("burma-aljazirah", 27)].incident[2] == {"ميانمار"}
        vietnam = figure_of(ledger, "asia-roundup-aawsat", "32")
        assert vietnam != figure_of(ledger, "burma-aljazirah", "27")


SEVARE_SOLDIERS = Path(__file__).parent / "data" / "sevare_soldiers_excerpts.jsonl"


def test_the_soldiers_among_a_siege_s_dead_are_one_figure_apart_from_other_groups(ledger_path):
    """The hotel siege at Sévaré (7-9 August 2015), four reports whole: the soldiers among
    the dead were two (alyaum, "بينهم عسكريان"), three ("وفي وقت سابق اشارت مصادر ... هم
    ثلاثة عسكريين": aljazirah, told as earlier from its sentence's first words,
    ``scope.opens_as_earlier``), then five (alriyadh's and aljazirah's headlines): one
    figure, flagged. The other groups of that list are other figures however their values
    meet: aljazirah's three bodies ("ثلاث «جثث»": the quoted noun is read), the UN's five
    contractors (aawsat, "خمسة موظفين") and the five terrorists
    (``slots.Table.parts_of_others``)."""
    with linked(ledger_path, SEVARE_SOLDIERS, 4) as ledger:
        soldiers = figure_of(ledger, "sevare-alyaum", "عسكريان")
        assert figure_of(ledger, "sevare-aljazirah", "ثلاثة") == soldiers
        assert figure_of(ledger, "sevare-alriyadh", "5", "title") == soldiers
        assert figure_of(ledger, "sevare-aljazirah", "5", "title") == soldiers
        (flag,) = ledger.db.execute("SELECT conflict FROM figures WHERE claim_id = ?", [soldiers])
        assert flag == (1,)
        assert figure_of(ledger, "sevare-aljazirah", "ثلاث") != soldiers
        others = ledger.db.execute(
            "SELECT m.claim_id, m.entity FROM mentions m WHERE m.is_claim = 1 AND m.value = 5 "
            "AND m.entity IN ('موظف', 'إرهابي')"
        ).fetchall()
        assert {entity for _, entity in others} == {"موظف", "إرهابي"}
        assert all(claim != soldiers for claim, _ in others)
        bodies = ledger.db.execute(
            "SELECT entity FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.name LIKE '%#sevare-aljazirah' AND m.text = 'ثلاث'"
        ).fetchone()
        assert bodies == ("جثة",)


def test_a_count_after_a_list_s_named_people_is_another_item(ledger_path):
    """aljazirah's "ثمانية اشخاص هم ثلاثة عسكريين و«ارهابيان» اضافة الى ثلاث «جثث»": the
    three bodies come after the list's soldiers, so they are never another report's
    soldiers (alyaum's "بينهم عسكريان", alriyadh's "بينهم 5 عسكريين"), however others join
    them: a stored veto (``slots.Table.another_list_item``). A whole told before its parts
    is no item: "17 شخصا قتلوا، 12 جنديا وأفراد الطاقم الخمسة" may be the five soldiers
    of a first report."""
    with linked(ledger_path, SEVARE_SOLDIERS, 4) as ledger:
        bodies = mention_of(ledger, "sevare-aljazirah", "ثلاث")
        whole = mention_of(ledger, "sevare-aljazirah", "ثمانية")
        soldiers = ledger.db.execute(
            "SELECT m.id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE a.name NOT LIKE '%#sevare-aljazirah' AND m.entity = 'عسكري' "
            "AND m.is_claim = 1"
        ).fetchall()
        assert len(soldiers) >= 3
        for (soldier,) in soldiers:
            assert veto_reason(ledger, bodies, soldier) == "other people", soldier
            assert veto_reason(ledger, whole, soldier) is None, soldier


def test_a_ledger_linked_before_list_items_were_told_apart_is_scored_afresh(ledger_path):
    """A ledger linked by 0.20.0 lacks the vetoes of other list items: the migration makes
    the next link score every pair again and store them (a decision meanwhile re-groups
    with the stored vetoes only)."""
    import sqlite3

    from ledger import Ledger
    from ledger.figures import link, needs_rescore

    linked(ledger_path, SEVARE_SOLDIERS, 4).close()
    with sqlite3.connect(ledger_path) as raw:  # as 0.20.0 left it
        raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm022_other_list_items'")
        raw.execute("DELETE FROM pair_vetoes")
    with Ledger(ledger_path) as ledger:
        assert needs_rescore(ledger.db)
        link(ledger, rescore=False)
        assert not needs_rescore(ledger.db)
        (vetoes,) = ledger.db.execute("SELECT count(*) FROM pair_vetoes").fetchone()
        assert vetoes > 0


def test_a_bus_said_three_ways_is_one_target():
    """The Khurais crash (31 July 2015): okaz's "حادث مروري بين شاحنة وباص" and alriyadh's
    "حادث مروري مروع ... لحافلة" name one bus; told apart, its reports' tolls never met."""
    from ledger.scope import told_apart

    okaz = incident_marks(
        normalize("توفي 9 أشخاص وأصيب 41 آخرون إثر حادث مروري بين شاحنة وباص").text
    )
    riyadh = incident_marks(normalize("لقي تسعة أشخاص مصرعهم في حادث مروري لحافلة").text)
    bus = incident_marks(normalize("قتل 9 أشخاص في انقلاب أتوبيس").text)
    assert not told_apart(okaz, riyadh) and not told_apart(bus, riyadh)
    hotel = incident_marks(normalize("قتل 12 شخصا في هجوم على فندق").text)
    assert told_apart(hotel, riyadh)  # (a hotel and a bus are still two incidents)


@pytest.mark.parametrize(
    ("text", "number", "earlier"),
    [
        # aljazirah, 9 August 2015: the sentence opens on "earlier", its list is all earlier
        ("وفي وقت سابق اشارت مصادر عسكرية لفرانس برس الى مقتل ثمانية اشخاص هم ثلاثة "
         "عسكريين", "ثلاثه", True),
        ("وفي وقت سابق، قال المتحدث إن الهجوم أوقع 12 قتيلا", "12", True),
        # a clause of its own between: the number is the sentence's own
        ("وفي وقت سابق اعلنت الشرطة اعتقال مشتبه به، وقالت اليوم ان الهجوم اوقع 12 قتيلا",
         "12", False),
        ("قتل 12 شخصا في هجوم على فندق", "12", False),
    ],
)  # fmt: skip
def test_a_sentence_opening_on_earlier_tells_its_numbers_as_earlier(text, number, earlier):
    from ledger.scope import opens_as_earlier

    norm, start, _ = _at(text, number)
    assert opens_as_earlier(norm, start) is earlier


HARDA_FLOORS = Path(__file__).parent / "data" / "harda_floors_excerpts.jsonl"


def test_a_toll_s_lower_bounds_told_apart_are_flagged(ledger_path):
    """The Harda derailments (6 August 2015), five reports whole: Reuters' "at least 20"
    (aleqtisadiya, sabq), its update "at least 21" (aawsat) and AFP's "at least 27"
    (alweeam, alriyadh) are one figure; the bounds can all hold, but the reports stand by
    different counts, so the figure is flagged and its reason names the two bounds."""
    with linked(ledger_path, HARDA_FLOORS, 5) as ledger:
        toll = figure_of(ledger, "harda-aleqtisadiya", "20 على الاقل", "title")
        assert figure_of(ledger, "harda-aawsat", "21") == toll
        assert figure_of(ledger, "harda-alweeam", "27") == toll
        (flag, kind, reason) = ledger.db.execute(
            "SELECT conflict, conflict_kind, reason FROM figures WHERE claim_id = ?", [toll]
        ).fetchone()
        assert flag == 1 and kind == "disagreement"
        # the headline's bound rounds, so the text's is named
        assert reason.startswith("lower bounds: at least 20 «20» (harda, aleqtisadiya")
        assert "at least 27" in reason


MYANMAR_FLOODS = Path(__file__).parent / "data" / "myanmar_floods_excerpts.jsonl"


def test_a_toll_rising_over_days_is_one_figure_with_its_last_lead(ledger_path):
    """Myanmar's floods (1-10 August 2015), fourteen reports whole: the toll each report
    leads with rose 27 -> 46 -> 69 -> 100; "فيضانات ميانمار تخلِّف مئة قتيلٍ" four days
    after the 69 is the same toll, an update, not a figure of its own."""
    with linked(ledger_path, MYANMAR_FLOODS, 14) as ledger:
        toll = figure_of(ledger, "myanmar-aawsat-0803-2043", "ما لا يقل عن 46", "title")
        assert figure_of(ledger, "myanmar-aleqtisadiya-0810-1915", "مئة", "title") == toll
        (flag, kind) = ledger.db.execute(
            "SELECT conflict, conflict_kind FROM figures WHERE claim_id = ?", [toll]
        ).fetchone()
        assert flag == 1 and kind == "update"


def test_a_ledger_linked_before_leads_of_four_days_is_scored_afresh(ledger_path):
    """A ledger linked by 0.21.0 scored reports four days apart as no lead pair: the
    migration makes the next link score every pair again, and Myanmar's 100 dead join
    the toll."""
    import sqlite3

    from ledger import Ledger
    from ledger.figures import link, needs_rescore

    linked(ledger_path, MYANMAR_FLOODS, 14).close()
    with sqlite3.connect(ledger_path) as raw:  # as 0.21.0 left it
        raw.execute("DELETE FROM _sqlite_migrations WHERE name = 'm023_leads_over_four_days'")
    with Ledger(ledger_path) as ledger:
        assert needs_rescore(ledger.db)
        link(ledger, rescore=False)
        assert not needs_rescore(ledger.db)
