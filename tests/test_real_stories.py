"""Linking and flagging on short excerpts of real stories that several outlets covered
(tests/data/README.md says where each comes from)."""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from excerpts import figure_of, linked, veto_reason

from ledger import Ledger, ingest
from ledger.figures import link

DATA = Path(__file__).parent / "data" / "saudinewsnet_excerpts.jsonl"


@contextmanager
def linked_records(folder: Path, records: list[dict]) -> Iterator[Ledger]:
    """A ledger in ``folder`` of ``records`` (one JSON collection), ingested and linked."""
    path = folder / "records.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with Ledger(folder / "l.db") as ledger:
        report = ingest(ledger, [str(path)])
        assert report.added == len(records) and not report.problems, report
        link(ledger)
        yield ledger


@pytest.fixture
def stories(ledger_path):
    ledger = linked(ledger_path, DATA, 7)
    yield ledger
    ledger.close()


def test_abha_toll_is_one_figure_flagged_for_the_outlet_that_says_13(stories):
    ids = {
        figure_of(stories, "abha-aawsat", "10"),
        figure_of(stories, "abha-alwatan", "عشرة"),
        figure_of(stories, "abha-alyaum", "10"),
        figure_of(stories, "abha-aleqtisadiya", "13"),
    }
    assert len(ids) == 1
    (fig,) = ids
    conflict, reason = stories.db.execute(
        "SELECT conflict, reason FROM figures WHERE claim_id = ?", [fig]
    ).fetchone()
    assert conflict == 1
    assert "«13»" in reason and "aleqtisadiya" in reason and "30% apart" in reason


def test_abha_workers_and_wounded_agree(stories):
    workers = {
        figure_of(stories, "abha-aawsat", "3"),
        figure_of(stories, "abha-alwatan", "ثلاثة"),
        figure_of(stories, "abha-aleqtisadiya", "ثلاثة"),
    }
    wounded = {
        figure_of(stories, "abha-aawsat", "تسعة"),
        figure_of(stories, "abha-alwatan", "تسعة"),
        figure_of(stories, "abha-aleqtisadiya", "تسعة"),
    }
    assert len(workers) == 1 and len(wounded) == 1 and workers != wounded
    for fig in workers | wounded:
        assert (
            stories.db.execute("SELECT conflict FROM figures WHERE claim_id = ?", [fig]).fetchone()[
                0
            ]
            == 0
        )


def test_pkk_toll_agrees_across_outlets_and_days(stories):
    ids = {
        figure_of(stories, "pkk-aawsat", "نحو 260"),
        figure_of(stories, "pkk-alweeam", "260"),
        figure_of(stories, "pkk-alyaum", "ما لا يقل عن 260"),
    }
    assert len(ids) == 1
    assert (
        stories.db.execute(
            "SELECT conflict FROM figures WHERE claim_id = ?", [ids.pop()]
        ).fetchone()[0]
        == 0
    )
    # the wounded are another figure
    assert figure_of(stories, "pkk-alyaum", "حوالى 400") != figure_of(
        stories, "pkk-alyaum", "ما لا يقل عن 260"
    )


def test_one_statement_copied_and_one_figure_reported_independently_link(tmp_path):
    """431 arrested (July 2015): outlets printing the ministry's sentence, and others
    writing their own, report one figure."""
    records = [
        {"id": "1", "source": "alriyadh", "date": "2015-07-21 10:00:00",
         "content": "أعلنت وزارة الداخلية السعودية، أمس، القبض على 431 عنصرا أغلبهم سعوديون."},
        {"id": "2", "source": "alyaum", "date": "2015-07-21 11:00:00",
         "content": "الرياض - واس\nأعلنت وزارة الداخلية السعودية، أمس، القبض على 431 عنصرا أغلبهم سعوديون."},
        {"id": "3", "source": "okaz", "date": "2015-07-22 08:00:00",
         "content": "ثمن الأهالي إنجاز رجال الأمن في ضبط 431 إرهابيا خلال الأسابيع الماضية."},
    ]  # fmt: skip
    with linked_records(tmp_path, records) as ledger:
        claims = {
            c for (c,) in ledger.db.execute("SELECT claim_id FROM mentions WHERE value = 431")
        }
        assert len(claims) == 1


def test_an_article_does_not_contradict_itself(tmp_path):
    """Parallel items of one report (two places, two tolls) are two figures, not a
    flagged one."""
    from ledger.figures import conflicts

    text = (
        "قتل 5 أشخاص في غارة على ريف حلب الشمالي صباح اليوم.\n"
        "وفي ريف إدلب قتل 8 أشخاص في غارة مماثلة صباح اليوم."
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    with Ledger(tmp_path / "l.db") as ledger:
        ingest(ledger, [str(tmp_path / "a.txt")])
        link(ledger)
        assert conflicts(ledger) == []


def test_a_bare_number_naming_other_people_is_not_a_toll_s(tmp_path):
    """alweeam, 4 and 6 August 2015: "إسلام 286 رجلا وامرأة" (286 converts) is not the
    Kuwait bombing's "وجرح 286" two days later: a distinctive number joins a toll's dead or
    hurt only when it names no event and no other people (``pair_rules.same_value_pairs``)."""
    records = [
        {"id": "1", "source": "alweeam", "date": "2015-08-04 18:13:41",
         "title": "إسلام 286 رجلا وامرأة في رمضان بتعاوني شمال الرياض",
         "content": "حقق المكتب التعاوني للدعوة في شمال الرياض عددا من الإنجازات خلال شهر "
                    "رمضان في مقدمتها إعلانه عن إسلام 286 رجلا وامرأة."},
        {"id": "2", "source": "alweeam", "date": "2015-08-06 01:12:19",
         "content": "في أول جلسة لمحاكمة المتهمين بتفجير مسجد الإمام الصادق في الكويت، الذي "
                    "أودى بحياة 27 شخصا وجرح 286، اعترف المتهم الرئيسي."},
        {"id": "3", "source": "alriyadh", "date": "2015-08-06 02:00:00",
         "content": "وأسفر تفجير مسجد الإمام الصادق في الكويت عن مقتل 27 شخصا وإصابة 286 آخرين."},
    ]  # fmt: skip
    with linked_records(tmp_path, records) as ledger:
        rows = ledger.db.execute(
            "SELECT m.claim_id, m.event FROM mentions m WHERE m.value = 286 AND m.is_claim = 1"
        ).fetchall()
        hurt = {claim for claim, event in rows if event == "injured"}
        converts = {claim for claim, event in rows if event is None}
        assert len(hurt) == 1 and converts and not hurt & converts


def test_two_reports_leading_with_the_dead_and_hurt_together_are_one_figure(tmp_path):
    """The Khurais crash (31 July 2015): 3alyoum leads "مصرع وإصابة 55 عمانياً" and okaz
    "يصرع ويصيب 50 عمانياً", the dead and the hurt counted together: each report's lead,
    one figure (``pair_rules.LEAD_EVENTS``), in disagreement."""
    from ledger.figures import conflicts

    records = [
        {"id": "1", "source": "3alyoum", "date": "2015-07-31 04:15:50",
         "title": "حالة استنفار قصوى بعد مصرع وإصابة 55 عمانياً بخريص",
         "content": "أعلنت الجهات المختصة حالة الاستنفار القصوى في مستشفيات الأحساء بعد حادث "
                    "اصطدام حافلة معتمرين عمانيين بشاحنة فجر اليوم قرب هجرة خريص."},
        {"id": "2", "source": "okaz", "date": "2015-07-31 12:22:50",
         "title": "ارتطام يصرع ويصيب 50 عمانياً في خريص",
         "content": "وقع حادث مروري بين شاحنة وحافلة تقل معتمرين عمانيين قرب هجرة خريص على "
                    "طريق الأحساء."},
    ]  # fmt: skip
    with linked_records(tmp_path, records) as ledger:
        rows = ledger.db.execute(
            "SELECT claim_id, event FROM mentions WHERE value IN (50, 55) AND is_claim = 1"
        ).fetchall()
        assert {event for _, event in rows} == {"casualties"}
        assert len({claim for claim, _ in rows}) == 1
        assert [c["claim_id"] for c in conflicts(ledger)] == [rows[0][0]]


def test_a_whole_told_before_its_list_may_be_a_first_report_s_count(tmp_path):
    """The Zabul helicopter crash (6-7 August 2015): alriyadh's first "مقتل خمسة جنود" and
    aawsat's next-day "17 شخصا قتلوا، 12 جنديا وأفراد الطاقم الخمسة" are one toll that
    rose. The 17 is told before the soldiers of its list, so it is the whole, not another
    item of the list (``slots.Table.another_list_item``): nothing keeps it from the five."""
    records = [
        {"id": "1", "source": "alriyadh", "date": "2015-08-06 18:56:00",
         "title": "مقتل خمسة جنود في تحطم طائرة هليكوبتر عسكرية أفغانية",
         "content": "قال مسؤول إن طائرة هليكوبتر تابعة للجيش الأفغاني تحطمت في إقليم بجنوب "
                    "أفغانستان اليوم الخميس مما أسفر عن مقتل خمسة جنود."},
        {"id": "2", "source": "aawsat", "date": "2015-08-07 06:25:00",
         "content": "وقال جنرال في القوات الجوية الأفغانية طلب عدم الكشف عن اسمه إن «17 شخصا "
                    "قتلوا، 12 جنديا وأفراد الطاقم الخمسة»، في مقاطعة شينكاي في ولاية زابل."},
    ]  # fmt: skip
    with linked_records(tmp_path, records) as ledger:
        (whole,) = ledger.db.execute("SELECT id FROM mentions WHERE text = '17'").fetchone()
        fives = ledger.db.execute(
            "SELECT id FROM mentions WHERE text = 'خمسة' AND entity = 'جندي'"
        ).fetchall()
        assert len(fives) == 2  # the headline's and the text's
        for (five,) in fives:
            assert veto_reason(ledger, whole, five) is None


def test_some_of_a_count_and_a_whole_after_a_part_are_no_list_items(tmp_path):
    """Two of an outside review's cases: "قتل 13 جنديا وشرطيا على الأقل، ثلاثة منهم في
    مكمن" (aljazirah, 1 August 2015): the three are some of the soldiers and police
    (``ClaimRow.among``), so alriyadh's "مقتل ثلاثة جنود" of that ambush is free to join
    them; and "مقتل 22 شخصا بينهم 21 سائحا، والهجوم على فندق في سوسة ... مقتل 38 شخصا"
    (almadina): the 38 is another incident's whole told after the Bardo toll's part, not
    an item of its list, so it stays Sousse's 38 (``slots.Table.another_list_item``)."""
    path = Path(__file__).parent / "data" / "list_items_excerpts.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with linked_records(tmp_path, records) as ledger:
        vetoed = ledger.db.execute(
            "SELECT count(*) FROM pair_vetoes v JOIN mentions a ON a.id = v.mention_a "
            "JOIN mentions b ON b.id = v.mention_b WHERE a.value = b.value"
        ).fetchone()[0]
        assert vetoed == 0
        assert figure_of(ledger, "tn-a", "38") == figure_of(ledger, "tn-b", "38")
        assert figure_of(ledger, "tn-a", "38") != figure_of(ledger, "tn-a", "22")


def test_a_link_footer_repeating_the_headline_is_read_as_the_headline(tmp_path):
    """alweeam, 23 July 2015: its text ends "رابط الخبر بصحيفة الوئام: <headline>", and
    the footer's "أكثر من «3» آلاف" is the headline's bound told again, rounded as a
    headline rounds (``linking.HEADLINE_SQL``), not a sentence of the text."""
    from ledger.figures import figure

    title = "غارات التحالف تقتل أكثر من «3» آلاف من داعش والنصرة"
    text = ("أفاد المرصد السوري لحقوق الانسان بأن طائرات التحالف الدولي قتلت 3042 عنصرا من "
            "تنظيم داعش وجبهة النصرة خلال عشرة أشهر.\n" + f"رابط الخبر بصحيفة الوئام: {title}")  # fmt: skip
    records = [{"id": "1", "source": "alweeam", "date": "2015-07-23 17:23:00", "title": title,
                "content": text}]  # fmt: skip
    with linked_records(tmp_path, records) as ledger:
        footer = ledger.db.execute(
            "SELECT id, claim_id FROM mentions WHERE field = 'text' AND sentence LIKE 'رابط%'"
        ).fetchone()
        assert footer
        rows = figure(ledger, footer[1])["mention_rows"]
        (said,) = [bool(r["headline"]) for r in rows if r["mention_id"] == footer[0]]
        assert said


def test_a_wreck_s_survivors_and_those_rescued_from_it_are_one_figure(tmp_path):
    """The Nile boat (sabq 23 July, aleqtisadiya 25 July 2015): "إنقاذ ستة أشخاص" and
    "نجا سبعة أشخاص" count the same people, the survivors."""
    records = [
        {"id": "1", "source": "sabq", "date": "2015-07-23 19:21:00",
         "title": "غرق مركب نزهة في النيل بمنطقة الوراق",
         "content": "لقي 21 شخصا مصرعهم في غرق مركب نزهة بعد اصطدامه بصندل في النيل بمنطقة"
                    " الوراق في الجيزة.\nوكانت الشرطة قد أعلنت في وقت سابق إنقاذ ستة أشخاص."},
        {"id": "2", "source": "aleqtisadiya", "date": "2015-07-25 23:31:00",
         "title": "ارتفاع ضحايا مركب الوراق في النيل",
         "content": "ارتفع عدد قتلى غرق مركب نزهة في النيل بمنطقة الوراق في الجيزة إلى 36."
                    "\nوأضافت المصادر أن البحث لا يزال جاريا عن شخصين مفقودين فيما نجا سبعة"
                    " أشخاص من الحادث بينهم مصابون."},
    ]  # fmt: skip
    with linked_records(tmp_path, records) as ledger:
        assert figure_of(ledger, "1", "ستة") == figure_of(ledger, "2", "سبعة")


def test_two_days_round_ups_of_separate_incidents_are_two_figures(tmp_path):
    """Iraq's daily round-ups (3alyoum 9 August, SPA 10 August 2015): "مصرع وإصابة 19
    شخصاً في أحداث منفصلة" and the next day's "17 قتيلا وجريحًا بحوادث عنف منفصلة" each
    count their own day's incidents: no update of one toll."""
    records = [
        {"id": "1", "source": "3alyoum", "date": "2015-08-09 17:28:58",
         "title": "مصرع وإصابة 19 شخصاً في أحداث منفصلة بالعراق",
         "content": "لقي 6 أشخاص مصرعهم , بينما أصيب 13 آخرون بجروح متفاوتة في حين تم العثور"
                    " على جثتين مجهولتي الهوية اليوم في حوادث أمنية منفصلة في بغداد وكركوك."},
        {"id": "2", "source": "was", "date": "2015-08-10 20:31:09",
         "title": "عام / 17 قتيلا وجريحًا بحوادث عنف منفصلة في العراق",
         "content": "لقي شخصان مصرعهما وأصيب 15 آخرون بجروح مختلفة , بينما عثرت الشرطة"
                    " العراقية على ثلاث جثث مجهولة الهوية في حوادث أمنية منفصلة في مناطق"
                    " متفرقة في العاصمة العراقية بغداد."},
    ]  # fmt: skip
    with linked_records(tmp_path, records) as ledger:
        assert figure_of(ledger, "1", "19", "title") != figure_of(ledger, "2", "17", "title")
        assert figure_of(ledger, "1", "6") != figure_of(ledger, "2", "شخصان")
        assert (
            ledger.db.execute("SELECT count(*) FROM figures WHERE conflict = 1").fetchone()[0] == 0
        )
