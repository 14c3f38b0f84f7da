"""What the extractor says about the forms DESIGN.md lists, one case at a time."""

from fractions import Fraction

import pytest

from ledger import extract_mentions


def count_events(text: str) -> list[str | None]:
    """What happened to each count claim of ``text``, in order."""
    return [m.event for m in extract_mentions(text) if m.is_claim and m.kind == "count"]


def one(text: str, claims_only: bool = True):
    mentions = [m for m in extract_mentions(text) if m.is_claim or not claims_only]
    assert len(mentions) == 1, [(m.text, m.kind) for m in mentions]
    m = mentions[0]
    assert text[m.start : m.end] == m.text
    return m


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "value"),
    [
        ("قتل أكثر من 9 آلاف معتقل", "أكثر من 9 آلاف", "more_than", 9000),
        ("تحتجز نحو 12 ألفاً من المسلحين", "نحو 12 ألفاً", "approx", 12000),
        ("أصيب حوالي 30 شخصا", "حوالي 30", "approx", 30),
        ("فر قرابة الـ 20 سجينا", "قرابة الـ 20", "approx", 20),
        ("قتل ما يزيد على 50 شخصا", "ما يزيد على 50", "more_than", 50),
        ("نقل أقل من 10 سجناء", "أقل من 10", "less_than", 10),
        ("قتل ما لا يقل عن 7 مدنيين", "ما لا يقل عن 7", "at_least", 7),
        ("قتل 7 مدنيين على الأقل", "7", "at_least", 7),
        ("يصل إلى 700 عامل", "يصل إلى 700", "at_most", 700),
        ("قتل زهاء 40 جنديا", "زهاء 40", "approx", 40),
        ("لحوالي 30 سجيناً", "حوالي 30", "approx", 30),
        ("قتل 25 شخصا تقريبا", "25", "approx", 25),
    ],
)
def test_qualifiers(text, span, qualifier, value):
    m = one(text)
    assert m.text.startswith(span) and m.qualifier == qualifier and m.value == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("بين 100 و 300 عنصر", 100, 300),
        ("ما بين 5 و10 آلاف", 5000, 10000),
        ("من 20 إلى 30 شخصا", 20, 30),
        ("قتل 10-15 شخصا", 10, 15),
        ("بين خمسة وعشرين", 5, 20),
        ("بين خمسة وعشرين وثلاثين", 25, 30),
        ("أكثر من 100 وأقل من 300 شخص", 100, 300),
    ],
)
def test_ranges(text, low, high):
    m = one(text)
    assert (m.qualifier, m.value, m.low, m.high) == ("range", None, low, high)


def test_change_from_to_is_two_values_not_a_range():
    mentions = [m for m in extract_mentions("ارتفع عدد القتلى من 10 إلى 15") if m.is_claim]
    assert [m.value for m in mentions] == [10, 15]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("نقلت العشرات من العناصر", 20, 99), ("آلاف المفقودين", 2000, 9999),
     ("عشرات الآلاف من اللاجئين", 20000, 99999), ("بضعة آلاف", 3000, 9000)],
)  # fmt: skip
def test_vague_quantities(text, low, high):
    m = one(text)
    assert (m.qualifier, m.low, m.high, m.value) == ("vague", low, high, None)


@pytest.mark.parametrize(
    ("text", "kind", "unit", "value"),
    [
        ("أكثر من 80% من العناصر", "percent", "%", 80),
        ("ارتفع بنسبة ٥ في المئة", "percent", "%", 5),
        ("نما بنسبة 3.5 بالمئة", "percent", "%", Fraction(7, 2)),
        ("بعمق 30 كيلو متراً", "measure", "km", 30),
        ("بتكلفة 5 ملايين دولار", "money", "USD", 5000000),
        ("بقيمة 200 ريال", "money", "SAR", 200),
        ("قبل أكثر من عامين ونصف", "duration", "year", Fraction(5, 2)),
        ("منذ 10 سنوات", "duration", "year", 10),
        ("خلال ساعة ونصف", "duration", "hour", Fraction(3, 2)),
        ("نصف مليون لاجئ", "count", None, 500000),
        ("درجة الحرارة سالب 5 درجات", "measure", "degree", -5),
    ],
)
def test_units_percents_fractions(text, kind, unit, value):
    m = one(text)
    assert (m.kind, m.unit, m.value) == (kind, unit, value)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("الاثنين، ٢٠ يونيو ٢٠٢٢", "date"),
        ("وفي 13 نيسان/أبريل الماضي", "date"),
        ("في كانون الثاني الفائت", "date"),
        ("في العشرين من الجاري", "date"),
        ("وأعلنت أفغانستان في 29 الشهر الماضي وفاة الملا عمر", "date"),
        ("في 2022/06/20", "date"),
        ("في العام 2019", "year"),
        ("عام 1436هـ", "year"),
        ("الساعة 14:54", "time"),
        ("لليوم الرابع على التوالي", "ordinal"),
        ("ثاني أكبر حادثة", "ordinal"),
        ("الحادي عشر من الشهر", "date"),
        ("يوم الاثنين", "weekday"),
        ("فجر الأحد", "weekday"),
        ("عصافير عديدة بحجر واحد", "phrase"),
        ("الطريق المعروف بـ M4", "name"),
        ("عاجل 24/7", "name"),
        ("طائرة F-16", "name"),
        ("المادة 12 من القانون", "reference"),
        # alriyadh, 2015: a football season written short first (1436/1437)
        ("للموسم الرياضي 36/1437هـ", "year"),
        # the powers named by their number (SaudiNewsNet, July 2015: the nuclear deal)
        ("الاتفاق الذري بين إيران والدول الخمس دائمة العضوية في مجلس الأمن", "phrase"),
        ("ضمن مجموعة الدول الخمس زائد واحد", "phrase"),
        ("المحادثات بين القوى الست وطهران", "phrase"),
        ("قمة مجموعة العشرين", "phrase"),
    ],
)
def test_not_claims_are_labelled(text, kind):
    mentions = extract_mentions(text)
    assert mentions and all(not m.is_claim for m in mentions), [(m.text, m.kind) for m in mentions]
    assert kind in {m.kind for m in mentions}


def test_weekday_is_not_two():
    (m,) = extract_mentions("وصل يوم الاثنين")
    assert (m.kind, m.label) == ("weekday", "monday")
    (c,) = extract_mentions("قتل اثنين من الجنود")
    assert c.is_claim and c.value == 2


def test_clitics_and_conjoined_tolls():
    text = "استشهاد عشرة أشخاص وثلاثة أطفال وإصابة تسعة آخرين"
    claims = [m for m in extract_mentions(text) if m.is_claim]
    assert [(m.text, m.value) for m in claims] == [("عشرة", 10), ("ثلاثة", 3), ("تسعة", 9)]
    assert [m.event for m in claims] == ["killed", "killed", "injured"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the killed verb of "30 شخصا قتلوا" has its own number: the hundred are injured
        ("أن 30 شخصا قتلوا وأصيب نحو مائة بجروح", ["killed", "injured"]),
        ("أن نحو 390 مقاتلا كرديا من حزب العمال الكردستاني قتلوا وجرح 400 آخرون",
         ["killed", "injured"]),
        # a verb right before the next number is that number's, not the first one's
        ("عددا يصل إلى 390 إرهابيا تم شل قدرتهم على إلحاق الأذى وجرح 400 آخرون",
         [None, "injured"]),
        # a list of counts shares the verb after it
        ("بأن 12 جنديا وخمسة من أفراد الطاقم قتلوا في الحادث", ["killed", "killed"]),
        # but another number's own clause keeps its verb: the witnesses were not killed
        ("قال ثلاثة شهود لرويترز إن أكثر من 27 شخصا قتلوا", [None, "killed"]),
        # rescued is not captured, though ضبط comes later in the sentence
        ("وتم إنقاذ 6 أشخاص فيما تم ضبط سائق المركب واثنين من معاونيه", ["rescued", "captured"]),
        # the evacuated are not the injured, nor the people taken out of a building
        ("ارتفاع الشهداء إلى 15 وإخلاء 8 مصابين بطائرة للرياض", ["killed", "evacuated"]),
        ("إخلاء 15 شخصاً وإصابة امرأتين باختناق في حريق عمارة سكنية بجدة",
         ["evacuated", "injured"]),
        # the dead and the hurt told together still count both
        ("أسفر الانفجار عن مقتل وإصابة 120 شخصا", ["casualties"]),
        ("سقط 120 قتيلا وجريحا في الهجوم", ["casualties"]),
        ("قتل 10 وأصيب 20 في الهجوم", ["killed", "injured"]),
        # but not a toll and the next one's noun (alyaum, 8 August 2015)
        ("ارتفع عدد شهداء جريمة تفجير مسجد قوات الطوارئ بمنطقة عسير الى 15 شهيداً"
         " والمصابين الى 40 شخصا", ["killed", "injured"]),
        ("ارتفعت الحصيلة إلى 20 قتيلاً والجرحى إلى 45", ["killed", "injured"]),
        # people who fell are the dead; a fall of shells or of the index is no toll
        # (alwatan, 1 August 2015: "سقوط 16 جنديا ورجل أمن في المواجهات")
        ("وأشارت تقارير إعلامية تركية إلى سقوط 16 جنديا ورجل أمن في المواجهات", ["killed"]),
        ("وأدى سقوط 300 قذيفة على البلدة إلى مقتل سبعة أشخاص", [None, "killed"]),
        # but the wounded who fell are the wounded
        ("أسفر الهجوم عن سقوط 30 جريحا", ["injured"]),
        ("أدى إلى سقوط 3 مدنيين جرحى", ["injured"]),
        # the badly hurt are alive, however far back the dead were named (aljazirah, 7
        # August 2015: "... عدد الشهداء وصل إلى خمسة عشر ... وفي المستشفى بقيت هناك عدد من
        # حالات منها أربعة في حالة خطرة جداً")
        ("وصل عدد الشهداء إلى 15 شهيدا، وفي المستشفى بقيت هناك عدد من حالات منها أربعة"
         " في حالة خطرة جداً", ["killed", "injured"]),
        # but a death told before a grave state is a death
        ("ارتفع عدد القتلى إلى 20 بعد وفاة 3 كانوا في حالة خطرة", ["killed", "died"]),
        # a verb before "while" is the other clause's (alriyadh, 2 August 2015: only three
        # rose, while 161 companies were clad in red)
        ("ومن بين 165 شركة نشطة في السوق ارتفعت فقط ثلاث بينما اكتست 161 شركة باللون الأحمر",
         ["rose", "rose", None]),
        ("قتل 5 جنود فيما أصيب 10 آخرون", ["killed", "injured"]),
    ],
)  # fmt: skip
def test_toll_verbs_belong_to_their_own_number(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("ان 32 جريحا ما زالوا في المستشفى.", ["hospitalized"]),
        # the hundred is the whole the 29 are some of: it stays the injured
        ("وأن 29 شخصا من أصل مائة جريح لا يزالون في المستشفيات.", ["hospitalized", "injured"]),
        ("إن 32 من الجرحى الذين بلغ عددهم نحو مائة ما زالوا في المستشفيات.",
         ["hospitalized", "injured"]),
        ("قتل 10 وأصيب 20 في الهجوم", ["killed", "injured"]),
        # still being treated (Khurais, alyaum 2 August 2015)
        ("تقدم واجبها الإنساني تجاه 7 مصابين من الاشقاء العمانيين ما زالوا يتلقون العلاج",
         ["hospitalized"]),
    ],
)  # fmt: skip
def test_still_in_hospital(text, events):
    assert count_events(text) == events


def test_entities_map_plural_and_singular_to_one_lemma():
    a = one("فرار 5 سجناء")
    b = one("فر سجين واحد")
    assert a.entity == b.entity == "سجين"


def test_urls_are_not_figures():
    assert not extract_mentions("انظر https://example.com/news/2015/07/21/500.html")


@pytest.mark.parametrize(
    "text",
    [
        # SaudiNewsNet, August 2015: a referees' camp "from the 12th to the 24th of it"
        "يقام المعسكر في برونو التشيكية من 12 شوال وحتى 24 منه، بمشاركة 50 حكما",
        "خلال الفترة من 12 الشهر الحالي إلى 24 منه، وسيشارك فيه 50 حكما",
    ],
)
def test_the_last_day_of_a_range_in_the_month_named_is_a_date(text):
    claims = [m.text for m in extract_mentions(text) if m.is_claim]
    assert claims == ["50"]


def test_year_versus_count():
    assert one("يبلغ نحو 2000، وهم هربوا").value == 2000
    assert extract_mentions("في 2019 وقعت")[0].kind == "year"
    assert one("في 2000 حالة").value == 2000


def test_extraction_is_a_pure_function_of_text():
    text = "نقلت 750 من أفراد داعش في 13 نيسان"
    assert [m.to_json() for m in extract_mentions(text)] == [
        m.to_json() for m in extract_mentions(text)
    ]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a futures contract's delivery month (corpus: 357 prices read as "repatriated")
        ("وارتفع سعر الخام الأمريكي في العقود الآجلة تسليم سبتمبر 12 سنتا إلى 48.57 دولار"
         " للبرميل.", ["rose", "rose"]),
        ("ونزلت عقود الذهب الأميركية الآجلة تسليم أغسطس 0.8 بالمئة إلى 1084 دولارا للأوقية.",
         [None, None]),
        ("وتم تسليم 14 برجا إضافيا لدبابات.", ["repatriated"]),  # handed over
    ],
)  # fmt: skip
def test_a_month_after_a_cue_names_a_date_not_an_event(text, events):
    assert [m.event for m in extract_mentions(text) if m.is_claim] == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # Abha, alriyadh 7 August 2015: the hospital's count of the injured
        ("استقبلت طوارئ مستشفى عسير المركزي 40 إصابة مابين حرجة ومتوسطة وطفيفة.",
         ["injured"]),
        ("تم نقل 8 مصابين إلى الرياض.", ["injured"]),
        # a MERS bulletin: the cases recovered stay the recovered
        ("توفي منهم 472 حالة فيما شفيت 586 إصابة.", ["died", "recovered"]),
        # and the cases still treated are in hospital, not recovered (MERS bulletins of
        # 3-10 August 2015)
        ("1064 حالة، 583 منها تماثلت للشفاء، و 10 تحت العلاج ، و 471 حالة وفاة.",
         [None, "recovered", "hospitalized", "died"]),
        ("تماثلت للشفاء منها 583 حالة، و9 حالات معزولة لتلقيها العلاج في مستشفيات المملكة",
         ["recovered", "hospitalized"]),
        ("منها 586 حالة و17 حالة تخضع للعلاج في مستشفيات المملكة", [None, "hospitalized"]),
    ],
)  # fmt: skip
def test_the_hurt_received_or_moved_are_still_the_hurt(text, events):
    assert count_events(text) == events


def test_which_way_the_counted_went_is_said_right_after_them():
    """Customs over Eid 2015: "... الشاحنات القادمة والمغادرة ... و67,700 شاحنة قادمة، أما
    المغادرة ... 71,260 شاحنة": the first are arriving trucks, the second departing."""
    text = ("بلغ عدد الشاحنات القادمة والمغادرة 139 ألف شاحنة، منها 67,700 شاحنة قادمة، أما"
            " الشاحنات المغادرة فبلغ عددها 71,260 شاحنة")  # fmt: skip
    assert count_events(text)[1:] == ["arrived", "left"]


def test_a_noun_beyond_another_number_is_not_counted():
    """alriyadh, 2 August 2015: "witnesses reported eight civilians killed and seven
    others injured": the seven are not witnesses."""
    text = "أفاد شهود عيان امس بمقتل ثمانية مدنيين واصابة سبعة آخرين في قصف"
    assert [m.entity for m in extract_mentions(text) if m.is_claim] == ["مدني", None]


def test_a_verb_after_some_of_a_number_is_theirs():
    """alyaum, 5 August 2015: "1064 cases, 583 of them recovered": the total is cases of
    the disease, not the recovered."""
    text = "بلغ اجمالي المصابين بفايروس كورونا 1064 حالة، 583 منها تماثلت للشفاء."
    assert count_events(text) == ["injured", "recovered"]


def test_a_verb_whose_object_is_some_of_them_is_not_the_counts():
    """aawsat, 11 August 2015: about 100 gathered; the police arrested some of them."""
    text = "وتجمع نحو 100 شخص للاحتجاج واعتقلت الشرطة عددا منهم."
    assert [m.event for m in extract_mentions(text) if m.is_claim] == [None]


def test_a_verb_before_of_them_and_a_number_is_the_later_numbers():
    """MERS, alriyadh 10 August 2015: the 1,078 are all the cases, the 586 recovered."""
    text = ("وبذلك يصل عدد الحالات المسجلة منذ شهر يونيو 2012 إلى 1078 حالة تماثلت للشفاء "
            "منها 586 حالة.")  # fmt: skip
    events = {m.text: m.event for m in extract_mentions(text) if m.is_claim}
    assert events["1078"] != "recovered" and events["586"] == "recovered"


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # okaz, 9 August 2015: the 1,071 are all the cases; 471 of them died
        ("فيما وصل مجمل عدد الإصابات الى يوم امس وفقا لوزارة الصحة الى 1071 حالة توفي منها"
         " 471 وشفيت 585 حالة.", ["injured", "died", "recovered"]),
        ("وصل 500 حاج إلى مكة.", ["arrived"]),
        ("وصل عدد الحجاج إلى 500 حاج.", [None]),  # the count reached 500
    ],
)  # fmt: skip
def test_what_a_count_reached_is_not_what_befell_it(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a quoted name of two words or more is not the number's event (alweeam, 31 July)
        ("أكثر من 10 ألاف زائر لمعرض الفيصل «شاهد وشهيد» بالطائف", [None]),
        # one quoted word is the reporter's distance (aawsat, 9 August)
        ("وأشار اللواء التركي إلى أن الحادث نتج عنه «استشهاد» 15 مصليًا.", ["killed"]),
        ("وقال ضابط إن «أربعة أشخاص قتلوا».", ["killed"]),
        # a crowd protesting a killing takes part in a sit-in (aawsat, 9 August)
        ("قال المرصد إن نحو ألف سوري بدأوا اعتصاما في مدينة اللاذقية احتجاجا على قتل العقيد.",
         ["participated"]),
    ],
)  # fmt: skip
def test_quoted_names_and_protests_are_not_the_numbers_event(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("قتل 20 شخصا في 3 غارات.", ["killed", None]),  # air strikes are not killed
        # damaged houses are hit, never injured
        ("أصيب 5 أشخاص وتضررت 3 منازل.", ["injured", "affected"]),
        ("استقبلت الطوارئ 40 إصابة.", ["injured"]),  # a toll's cases stay its cases
        ("وسجلت 5 حالات وفاة.", ["died"]),
        # alriyadh, 22 July 2015: ambulance teams sent to a crash are not its injured
        ("أن جميع المصابين حالتهم الصحية خطيرة، مشيراً إلى مباشرة ٤ فرق أرضية للموقع",
         [None]),
        ("أسفر الحادث عن إصابة 3 عائلات", ["injured"]),
        # aawsat, 9 August 2015: the party's members, not the party, were killed
        ("مقتل 390 من حزب العمال الكردستاني خلال أسبوعين", ["killed"]),
    ],
)  # fmt: skip
def test_only_the_living_are_killed_or_injured(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # alweeam, 24 July 2015: kills and injures nine, a quoted number
        ("مسلح يقتل ويصيب «9» أشخاص داخل سينما في لويزيانا.", ["casualties"]),
        # alweeam, 2 August 2015: the copula's subject names the killed
        ("أعلنت البعثة مقتل وإصابة 3440 عراقيا خلال الشهر. وذكر البيان أن عدد القتلى بلغ"
         " 1332 عراقيا بينما بلغ عدد الجرحى 2108.", ["casualties", "killed", "injured"]),
    ],
)  # fmt: skip
def test_both_tolls_and_the_subject_of_a_copula(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # alweeam, 23 July 2015: injuries counted after the deaths of a list
        ("أوضحت الإدارة العامة لهيئة الهلال الأحمر أنها باشرت 8 حالات وفاة و 133 إصابة"
         " خلال شهر رمضان المنصرم.", ["died", "injured"]),
        # Egypt's heatwave: the injuries are injuries, whatever the deaths before them
        ("مصر: 21 حالة وفاة و 66 إصابة بسبب ارتفاع درجات الحرارة", ["died", "injured"]),
        # a verb after the total is the part's, not the total's: the 1078 are not dead
        ("إجمالي عدد الذين تعرضوا للإصابة بكورونا بلغ 1078 توفي منهم 472 حالة فيما شفيت"
         " 586 إصابة", ["injured", "died", "recovered"]),
        # alriyadh, 10 August 2015: the others are missing, not among the six dead
        ("قالت السلطات التايوانية إن الإعصار خلف ستة قتلى وأربعة آخرين في عداد المفقودين.",
         ["killed", "missing"]),
        ("مقتل 5 أشخاص وإصابة 7 آخرين.", ["killed", "injured"]),
        # aawsat, 2015: the subject after أن has its verb after it, not the quote's before
        ('وتابع "تشير معلوماتنا الى مقتل 15 شخصا على الاقل في الهجوم"، مضيفا ان 38 شخصا'
         " اخرين اصيبوا بجروح.", ["killed", "injured"]),
        ("وقال إن 5 أشخاص قتلوا وأصيب 20 آخرون.", ["killed", "injured"]),
        # mortars are destroyed, not killed
        ("وتمكن من قتل 28 إرهابيا وتدمير ثمانية هاونات.", ["killed", None]),
        # aawsat, 9 August 2015: a sit-in's crowd, not the killing it was about
        ("قال المرصد إن نحو ألف سوري بدأوا اعتصامًا في مدينة اللاذقية للدعوة لإنزال العقاب"
         " بأحد أفراد عائلته الذي يتهمونه بقتل ضابط.", ["participated"]),
        ("قتل 5 متظاهرين خلال احتجاجات في بغداد.", ["killed"]),
        # aljazirah, 8 August 2015: "a number of" security men and three workers, killed
        ("أدى إلى استشهاد عدد من رجال الأمن وثلاثة من العاملين في الموقع وإصابة آخرين.",
         ["killed"]),
        # 3alyoum, August 2015: the soldiers met their death, they did not carry supplies
        ("وقال إن الحادث نجم عن خلل فني بينما كانت الطائرة تنقل إمدادات، وأضاف أن خمسة جنود"
         " كانوا على متن الطائرة لاقوا حتفهم.", ["killed"]),
        # alriyadh, 2015: the migrants drowned, whatever the crossing
        ("ويعتقد أن 3500 من المهاجرين واللاجئين لاقوا حتفهم في البحر المتوسط العام الماضي"
         " وأن قرابة ألفين لفظوا أنفاسهم خلال الرحلة.", ["killed", "died"]),
        # aawsat, July 2015: "and that his horse was hurt" is a clause of its own subject,
        # not what befell the armed men around him
        ("وأضاف أن القائد كان محاطا بنحو ما بين 70 و80 مسلحا، وأن حصانه أصيب في الهجوم",
         [None]),
        # aawsat, 2 August 2015: "and that all of them" points back to the four, whose
        # own clause says they were aboard (the count of those aboard); the three died
        ("أن 4 أشخاص كانوا على متن الطائرة المتوجهة إلى مطار بلاكبوش، هم 3 ركاب وربان، وأن"
         " جميعهم لقوا حتفهم في الحادث", ["aboard", "killed"]),
        # the health ministry's bulletins (alyaum, 4 and 7 August 2015): the verb before
        # the number, its care after the noun; a quoted name between noun and care
        ("تماثلت منها 583 حالة للشفاء ، فيما تخضع 9 حالات للعلاج ، فيما وافت المنية 471 حالة",
         ["recovered", "hospitalized", "died"]),
        ("13 إصابة بـ «كورونا» تحت العلاج", ["hospitalized"]),
        # the interior ministry, 31 July 2015: three border guards killed, then seven
        # subjected to injury (تعرض ... للإصابة), not killed with them
        ("وقد نتج عن ذلك استشهاد العريف أحمد جعفر حسن المجيشي ، والجندي أول محمد علي ياسين"
         " العمري تغمدهم الله بواسع رحمته وتقبلهم في الشهداء ، كما تعرض (7) سبعة من رجال"
         " حرس الحدود للإصابة وتم نقلهم إلى المستشفى .", ["injured"]),
    ],
)  # fmt: skip
def test_a_list_gives_each_number_its_own_outcome(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        # alwatan, 26 July 2015: "the first six months of the year" is no toll of six
        ("قتل 1592 مدنيا خلال الأشهر الستة الأولى من العام.", "month", 6),
        ("عقدت خلال الأشهر الخمسة الماضية ست ورش عمل.", "month", 5),
        ("خلال الأيام الثلاثة الماضية.", "day", 3),
    ],
)  # fmt: skip
def test_a_definite_number_after_a_time_noun_is_a_duration(text, unit, value):
    durations = [m for m in extract_mentions(text) if m.kind == "duration"]
    assert [(m.unit, m.value) for m in durations] == [(unit, value)]


def test_a_counted_nouns_lemma_has_its_class():
    """A mention stores its counted noun's lemma (فريق for "4 فرق"): linking and the
    casualty check find its class by it, though the lexicon lists only the plural."""
    from ledger.lexicon import lexicon

    assert lexicon().entity_of_lemma("فريق").cls == "group"
    assert lexicon().entity_of_lemma("سجين").cls == "person"
    assert lexicon().entity_of_lemma("كلمة") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # alriyadh, July 2015 (the ministry's statement on the cells): digits, then words
        ("وقد استشهد في تلك العمليات الأمنية ضد تلك الخلايا (37) سبعة وثلاثون مابين رجال أمن"
         " ومواطنين ، كما أصيب (120) مائة وعشرون مابين رجال أمن ومواطنين ، كما قتل في هذه"
         " العمليات (6) ستة إرهابيين .",
         [("(37) سبعة وثلاثون", 37, "رجل", "killed"), ("(120) مائة وعشرون", 120, "رجل", "injured"),
          ("(6) ستة", 6, "إرهابي", "killed")]),
        ("بلغ عدد من ألقي القبض عليه حتى تاريخه (431) أربعمائة وواحداً وثلاثين موقوفاً",
         [("(431) أربعمائة وواحداً وثلاثين", 431, "موقوف", "captured")]),
        # words in brackets after the digits, and the other way round
        ("وذلك عبر تفجير 65000 (خمسة وستين ألف) اسطوانة غاز",
         [("65000 (خمسة وستين ألف)", 65000, "أسطوانة", None)]),
        ("فوافق منهم ستة وثلاثون (36) شخصية ليكونوا أعضاء مؤسسين",
         [("ستة وثلاثون (36)", 36, "شخصية", None)]),
        ("رفع الحد الأدنى للمعاش الى ثلاثة آلاف (3,000) ريال.",
         [("ثلاثة آلاف (3,000) ريال", 3000, None, None)]),
        # a number followed by another number of another value is two numbers
        ("قتل 5 (ستة) أشخاص", [("5", 5, None, "killed"), ("ستة", 6, "شخص", "killed")]),
        # a percent after digits is their unit, not the number again
        ("ارتفع المؤشر 100 بالمئة", [("100 بالمئة", 100, None, "rose")]),
        # a scale word after the brackets is the number's
        ("وذلك عبر تفجير 65 (خمسة وستين) ألف اسطوانة غاز",
         [("65 (خمسة وستين) ألف", 65000, "أسطوانة", None)]),
        ("رصد مبلغ 5 (خمسة) ملايين ريال", [("5 (خمسة) ملايين ريال", 5000000, None, "recorded")]),
    ],
)  # fmt: skip
def test_a_number_said_again_in_words_is_one_mention(text, expected):
    """Statements write a number twice, in digits and in words: one claim, whose
    counted noun follows the second writing (it was two, the first with no noun)."""
    claims = [m for m in extract_mentions(text) if m.is_claim]
    assert [(m.text, m.value, m.entity, m.event) for m in claims] == expected


def test_a_range_said_again_in_words_is_one_range():
    """Both bounds may be written twice: the range spans them, its noun after both."""
    claims = [m for m in extract_mentions("قتل ما بين 5 (خمسة) و10 (عشرة) أشخاص") if m.is_claim]
    assert [(m.text, m.low, m.high, m.entity) for m in claims] == [
        ("ما بين 5 (خمسة) و10 (عشرة)", 5, 10, "شخص")
    ]


def test_a_sectors_name_is_no_event():
    """A market report's sectors are named by what they do (قطاع التشييد والبناء، قطاع
    النقل): the name says nothing of what befell the number after it (3alyoum, 2 August
    2015); the same words outside a sector's name still do."""
    text = ("وتصدرها قطاع التأمين بنسبة 5.15% ثم قطاع التشييد والبناء بنسبة 4.98% "
            "تلاه قطاع الاستثمار الصناعي 4.43% و قطاع البتروكيماويات 4.36%، و قطاع النقل 3.82%")  # fmt: skip
    assert [m.event for m in extract_mentions(text) if m.is_claim] == [None] * 5
    assert [m.event for m in extract_mentions("تم بناء 300 وحدة سكنية")] == ["built"]


def test_taking_captives_is_told_by_a_number_after_it():
    """alyaum, 10 August 2015: "مقتل تسعة مسلحين حوثيين ... بالإضافة إلى أسر سته حوثيين
    بينهم ثلاثة اطفال": the six and the three children were captured, not killed. "أسر"
    before a number is the taking of captives; before a noun, after what is given to
    families (تكريم، إيواء، زار) or before whose families they are, it is families."""
    text = "مقتل تسعة مسلحين حوثيين بالإضافة إلى أسر سته حوثيين بينهم ثلاثة اطفال"
    assert [m.event for m in extract_mentions(text) if m.is_claim] == [
        "killed", "captured", "captured"]  # fmt: skip
    for families in ("تكريم أسر 7 من شهداء الواجب", "إيواء أسر 25 نازحا", "زار أسر 300 سجين"):
        assert "captured" not in [m.event for m in extract_mentions(families)], families


@pytest.mark.parametrize(
    ("text", "started"),
    [
        ("انخفضت توقعات نموه من 3.8 إلى 3.5 في المائة", ("3.8", Fraction("3.8"), "percent", "%")),
        ("وستكون زيادة رأس المال من 200 إلى 450 مليون ريال", ("200", 200_000_000, "money", "SAR")),
        ("انخفض من 131 إلى 123.5 مليار دولار", ("131", 131_000_000_000, "money", "USD")),
        ("انخفاض التوليد المائي من 1100 إلى 950 ميغاواط", ("1100", 1100, "measure", "MW")),
        # 900 what? 900 million as likely as 900 billion: left as it is written
        ("ارتفعت من 900 إلى 1.2 مليار ريال", ("900", 900, "count", None)),
        ("ارتفع عدد القتلى من 13 إلى 15 شخصا", ("13", 13, "count", None)),
        # no scale on the end, or the start of its order unscaled: the unit alone
        ("ارتفع السعر من 5000 إلى 7 آلاف ريال", ("5000", 5000, "money", "SAR")),
        ("ارتفعت من 0.5 إلى 6%", ("0.5", Fraction("0.5"), "percent", "%")),
    ],
)
def test_the_start_of_a_change_takes_the_unit_of_its_end(text, started):
    """A change told "من X إلى Y unit" (SaudiNewsNet, 2015: the IMF's forecast, a capital
    increase, Gulf market capitalisation, Sudan's hydropower) states X in Y's unit and
    scale; read alone, 200 was 200 of nothing, not 200 million riyals."""
    first = next(m for m in extract_mentions(text) if m.is_claim)
    assert (first.text, first.value, first.kind, first.unit) == started


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the boat off Libya (alweeam, aleqtisadiya, 6 August 2015), the Nile boat (23-25 July)
        ("انقلاب قارب يقل 700 مهاجر قبالة ساحل ليبيا", ["aboard"]),
        ("تلقت نداء استغاثة قرابة الساعة السابعة من مركب معدني يقل نحو 600 شخص", ["aboard"]),
        ("وكان أكثر من 35 شخصا على متن المركب .", ["aboard"]),
        ("تلقت إنذارا بغرق قارب على متنه نحو 700 شخص، من بينهم أطفال", ["aboard"]),
        # the dead who were aboard are the dead; "لا يقل عن" is at least, not a boat
        ("لقى 21 شخصاً على الأقل مصرعهم بعد ما اصطدم مركب رحلات كانوا يستقلونه بصندل نهري",
         ["killed"]),
        ("قتل مساء أول من أمس ما لا يقل عن 16 شخصا، وأصيب ستة آخرين", ["killed", "injured"]),
        # "تقل عن"، "يقل كثيرا عن": less than (China's PMI, aleqtisadiya 25 July 2015)
        ("ونزلت القراءة الأولية لمؤشر مديري المشتريات في الصين إلى 48.2 لتسجل أدنى مستوياتها"
         " وتقل عن مستوى الخمسين", [None]),
        # the dead a plane carried are the dead ("راح ضحيتها"، "لقيا مصرعهما")
        ("وكان المتوفون قد رحلوا جراء حادثة الطائرة التي كانت تقلهم وتحطمت، وراح ضحيتها"
         " ثلاثة أشخاص من الأسرة", ["killed"]),
        ("مضيفةً أن رجلين داخل الطائرة التي كانت تقلهما لقيا مصرعهما", ["killed"]),
    ],
)  # fmt: skip
def test_the_people_aboard_a_boat_or_a_plane(text, events):
    assert [m.event for m in extract_mentions(text) if m.is_claim and m.kind == "count"] == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the Sévaré hotel siege (alriyadh 7 August, alweeam 9 August 2015): the soldiers
        # among the dead are dead, whatever the hostage-taking or the liberation says
        ("أعلن مصدر عسكري مالي أن عملية احتجاز الرهائن في أحد فنادق مدينة سيفاري لا تزال"
         " متواصلة مساء الجمعة، وأوقعت ثمانية قتلى بينهم ثلاثة عسكريين.", ["killed", "killed"]),
        ("تمكنت قوات الجيش من تحرير أربعة من الرهائن، في العملية التي سقط خلالها 12 قتلى على"
         " الأقل، بينهم خمسة جنود", ["freed", "killed", "killed"]),
        # the injured's part is injured; a part after a count of people keeps its verb
        ("قتل 5 جنود وأصيب 10 آخرون بينهم 3 مدنيين", ["killed", "injured", "injured"]),
        ("قتل 12 شخصا بينهم خمسة عسكريين", ["killed", "killed"]),
        # a count naming its own casualty after the part keeps it
        ("سقوط عشرة قتلى بينهم امرأة و15 جريحا", ["killed", "injured"]),
    ],
)  # fmt: skip
def test_a_part_of_a_toll_is_of_that_toll(text, events):
    assert count_events(text) == events


def test_a_fall_by_so_much_carries_no_one():
    """ "تقل أسعار الطاقة 39%"، "يقل بحوالي 25 بالمئة": a fall, not a boat's passengers."""
    assert [m.event for m in extract_mentions("تقل أسعار الطاقة 39%") if m.is_claim] == [None]
    said = "وعدد الزوار يقل بحوالي 25 شخصا عن العام الماضي"
    assert [m.event for m in extract_mentions(said) if m.is_claim] != ["aboard"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the Khurais bus crash (alweeam, 3alyoum, 31 July 2015): "وفيات" is the deaths
        # counted, not a conjunction and "فيات"; "يصرع" kills; "متوفين" are the dead
        ("اتضح وجود 7 وفيات في الموقع، و27 إصابة تراوحت بين الخطيرة والمتوسطة",
         ["died", "injured"]),
        ("تصادم حافلة معتمرين عمانيين بشاحنة يصرع 7ويصيب 27 بالأحساء", ["killed", "injured"]),
        ("قال إنها بلغت أكثر من 15 منها 9 متوفين", [None, "died"]),
        # and a conjunction stays one: the two are killed
        ("مقتل جنديين وإصابة 24", ["killed", "injured"]),
    ],
)  # fmt: skip
def test_the_dead_counted_by_their_own_nouns(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # Myanmar's floods (aleqtisadiya, aljazirah, aawsat, August 2015): the homeless and
        # those hit by the floods are counts of their own, not of the dead beside them
        ("شردت مياه الفيضانات في ميانمار ما يقارب 260 ألف شخص، كما قتلت 69.",
         ["displaced", "killed"]),
        ("وقتل 27 شخصا على الاقل وتضرر اكثر من 150 الفا آخرين في بورما",
         ["killed", "affected"]),
        ("الفيضانات تتسبب في مقتل 27 شخصًا وتشريد الآلاف في بورما", ["killed", "displaced"]),
        ("ذكر مسؤولون أن معونات سترسل إلى عشرات الآلاف من المتضررين", ["affected"]),
    ],
)  # fmt: skip
def test_the_homeless_and_the_hit_are_counts_of_their_own(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the Harda derailment (alweeam, alriyadh, 6 August 2015): a toll that "reached"
        # 27 is of the killed; nobody arrived (the source misspells إلى)
        ("وصرح قائد شرطة السكك الحديد في ولاية ماديا بأن عدد القتلى وصل إلأى 27 شخصا "
         "نتيجة الحادثين", ["killed"]),
        # aawsat, 21 July 2015; sabq, 1 August 2015: levels reached, not arrivals
        ("وأضاف أن عدد الجرحى وصل إلى 200 حاليا", ["injured"]),
        ("خلال الأشهر الستة الأولى من العام 2015م بزيادة وصلت إلى 7235 فرصة عمل", ["rose"]),
        # people who come are still arrivals, today too ("اليوم" is no "إليه")
        ("وصل 300 حاج إلى مكة.", ["arrived"]),
        ("وصل اليوم 300 حاج إلى مكة.", ["arrived"]),
        ("وصول 500 ألف حاج", ["arrived"]),
    ],
)  # fmt: skip
def test_a_count_that_reached_a_number_arrived_nowhere(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # typhoon Soudelor (alyaum, aawsat, August 2015): the lost are missing, not killed
        ("قتل 14 شخصاً على الأقل وفقد أربعة آخرون جراء إعصار اجتاح شرق الصين",
         ["killed", "missing"]),
        ("وقالت السلطات إنّ أربعة أشخاص فقدوا وأصيب 64 آخرون", ["missing", "injured"]),
        # aawsat, 26 July 2015: those who lost their lives died
        ("عندما فجر الإرهابيون وسائل المواصلات اللندنية، وفقد 52 شخصا أرواحهم", ["died"]),
        # aawsat, 8 August 2015: those who lost their jobs are not missing
        ("وإن أكثر من 350 من الصحافيين فقدوا أعمالهم جراء مصادرة عدد من المواقع", [None]),
        # aawsat, 23 July 2015: "فقد" as "so ... has" (فـ + قد) is no loss
        ("فقد قتل 21 شخصًا على الاقل مساء أمس، في ثلاث هجمات", ["killed", None]),
        # the smugglers off Libya (aawsat, 7 August 2015): a charge of murder kills nobody
        ("ويواجه المهربون الخمسة تهم القتل والمساعدة على الهجرة غير الشرعية.", [None]),
    ],
)  # fmt: skip
def test_the_lost_are_missing_and_the_charged_unharmed(text, events):
    assert count_events(text) == events


def test_an_index_that_lost_value_fell():
    """ "وفقد مؤشرها العام 4.36%" (alriyadh, 2 August 2015): a loss of value is a fall."""
    said = "جاءت نتائج الشركات مخيبة للآمال وفقد مؤشرها العام 4.36%، بفعل أسهم كل من سابك"
    assert [m.event for m in extract_mentions(said) if m.is_claim] == ["fell"]


def test_a_count_s_cases_of_death_are_not_the_next_count_s():
    """alriyadh, aljazirah (31 July 2015) on the Khurais crash: "(9) حالات وفاة" are the
    nine's deaths; the 39 after them are still being treated, not dead."""
    said = "بلوغ مجمل عدد المصابين (50) حالة سجلت منهم (9) حالات وفاة و(39) حالة يتلقون العلاج"
    events = {m.text: m.event for m in extract_mentions(said) if m.is_claim}
    assert events["9"] == "died" and events["39"] != "died"


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the Nile boat (sabq, aleqtisadiya, 23 and 25 July 2015): the people searched for
        # are missing, whatever the rescue beside them
        ("وأوضحت المصادر أنه تم إنقاذ خمسة أشخاص، والبحث جار عن ستة آخرين على الأقل",
         ["rescued", "missing"]),
        ("وأضافت المصادر أن البحث لا يزال جاريا عن شخصين مفقودين", ["missing"]),
        # alriyadh, 9 August 2015
        ("حرس الحدود السعودي يبحث عن 4 مواطنين فقدوا داخل البحر", ["missing"]),
        # a search in files finds no one
        ("تم البحث في 30 ملفا", [None]),
    ],
)  # fmt: skip
def test_the_sought_are_missing(text, events):
    assert count_events(text) == events


def test_a_search_for_a_share_or_a_sum_is_no_one_missing():
    """ "تبحث عن" before a percent or a sum: no count, no one missing (and no error)."""
    for said in ("وتبحث الشركة عن شريك بنسبة 30%", "البحث عن تمويل بقيمة 5 ملايين ريال"):
        assert "missing" not in [m.event for m in extract_mentions(said) if m.is_claim]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the boat off Libya (aleqtisadiya, aawsat, 6 August 2015): the verb right before
        # the number carries it, whatever rescue its sentence opens on
        ("ونجحت عملية اغاثة مكثفة في انقاذ 400 من الناجين كما نقلت 25 جثة، الا انه بحسب "
         "عدد من المصادر كان المركب يقل اكثر من 600 شخص.", ["rescued", "killed", "aboard"]),
        ("دخلت سفن عملية إنقاذ واسعة لإنقاذ الناجين من قارب انقلب قبالة سواحل ليبيا، وعلى "
         "متنه نحو 700 شخص، معظمهم مهاجرون من أفريقيا.", ["aboard"]),
        # the Nile boat (alriyadh, aawsat, aleqtisadiya, July 2015): aboard, said right
        # after the people counted
        ("وأوضحت المصادر أن رجال الإنقاذ انتشلوا 29 جثة، وكان أكثر من 35 شخصا على متن "
         "المركب .", ["killed", "aboard"]),
        ("وقال شهود عيان، إن أكثر من 30 شابا وفتاة كانوا يستقلون المركب، لكن بسبب احتكاكه "
         "بزورق آخر فقد توازنه وغرق في النيل", ["aboard"]),
        ("وتابعوا أن تقديرات النيابة تشير إلى تواجد 47 شخصا على ظهر المركب وقت الحادث.",
         ["aboard"]),
        # aawsat, 7 August 2015: those who survived the boat, landed from another ship,
        # are its survivors, not its people aboard
        ("وكان أكثر من 360 مهاجرا نجوا من غرق مركبهم قبالة سواحل ليبيا بعيد ظهر أمس، وصلوا "
         "إلى باليرمو على متن سفينة تابعة للبحرية الآيرلندية.", ["survived"]),
        ("وأضافت المصادر أن البحث لا يزال جاريا عن شخصين مفقودين فيما نجا 7 أشخاص",
         ["missing", "survived"]),
        # aleqtisadiya, 10 August 2015: aboard small ships, and rescued: the rescued
        ("اعلن خفر السواحل الايطاليين ان اكثر من الف مهاجر على متن سفن صغيرة انقذوا نهاية "
         "الاسبوع من خلال عمليات منفصلة", ["rescued"]),
        # aawsat, 6 August 2015: killed, and they had been aboard
        ("ما أسفر عن مقتل 17 شخصًا كانوا على متنها في ضربة لسلاح الجو", ["killed"]),
        # aleqtisadiya, 7 August 2015: flights are not aboard, nor the passengers they carried
        ("نقلت 24636 مسافرًا على متن 212 رحلة جوية .", ["transferred", "transferred"]),
    ],
)  # fmt: skip
def test_the_people_aboard_are_counted_by_their_own_verb(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # the Myanmar floods (aawsat, alriyadh, aljazirah, 3-4 August 2015): the number's own
        # verb after it, opening a clause of its own, beats the clause before's
        ("وقال موظف إن «46 شخصًا لقوا مصرعهم، وأكثر من مائتي ألف تضرروا بالفيضانات».",
         ["killed", "affected"]),
        ("وقتل 30 شخصا وأصيب نحو مائة.", ["killed", "injured"]),
        # aleqtisadiya, 3 August 2015: forced to leave their homes, the displaced
        ("كما تسببت في مقتل سبعة وعشرين شخصا لحد الآن، وأجبرت أكثر من مئة وخمسين ألفا على "
         "ترك منازلهم.", ["killed", "displaced"]),
        ("النيران المشتعلة كانت أجبرت ليل الخميس إلى الجمعة نحو 1400 شخص إلى مغادرة منازلهم.",
         ["displaced"]),
        ("غادر 8 مصابين المستشفى.", ["left"]),  # leaving hospital is no leaving home
        # aleqtisadiya, 10 August 2015: the counted noun says its outcome first
        ("فيضانات ميانمار تخلف مئة قتيل ومليون متضرر", ["killed", "affected"]),
        ("تلحق أضرارًا بأكثر من مائتي ألف شخص", ["affected"]),
        ("من بينهم 250 الف نزحوا من الرمادي", ["displaced"]),
        # aleqtisadiya, 6 August 2015: the next count's cue is not this one's aftercare
        ("ما أسفر عن سقوط 46 قتيلا وإجلاء أكثر من 210 آلاف شخص.", ["killed", "evacuated"]),
    ],
)  # fmt: skip
def test_a_count_s_own_verb_and_the_homes_left(text, events):
    assert count_events(text) == events


def test_a_quoted_counted_noun_is_read():
    """aljazirah, 9 August 2015, on the siege at Sévaré: "ثلاث «جثث بادية امام الفندق»"
    counts bodies, not the soldiers counted before them."""
    said = ("وفي وقت سابق اشارت مصادر عسكرية لفرانس برس الى مقتل ثمانية اشخاص هم ثلاثة "
            "عسكريين و»ارهابيان» اضافة الى ثلاث «جثث بادية امام الفندق».")  # fmt: skip
    entities = [m.entity for m in extract_mentions(said) if m.is_claim]
    assert entities == ["شخص", "عسكري", "إرهابي", "جثة"]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # aawsat, 11 August 2015: the dead "هم" (they are) four soldiers and five staff
        ("وتشير الحصيلة الرسمية للهجوم على فندق بيبلوس إلى سقوط 13 قتيلا هم أربعة عسكريين "
         "ماليين وخمسة موظفين في شركات.", ["killed", "killed", "killed"]),
        ("قتل 12 شخصا بينهم خمسة عسكريين", ["killed", "killed"]),
        # no toll before "هم": nothing to be some of
        ("وأكد أن الطلاب هم 30 طالبا في الصف", [None]),
    ],
)  # fmt: skip
def test_the_dead_they_are_are_dead(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # alweeam, 8 August 2015, on Sévaré: five dead and two hurt, not 5 dead-and-hurt
        ("وتحدث البيان عن حصيلة من خمسة قتلى وجريحين من جانب القوات", ["killed", "injured"]),
        # aawsat, 2 August 2015: "الحصيلة حتى الآن قتيلان وخمسة جرحى"
        ("الحصيلة حتى الآن قتيلان وخمسة جرحى", ["killed", "injured"]),
        ("سقط قتيلان وثلاثة جرحى", ["killed", "injured"]),
        ("أسفر الهجوم عن 120 قتيلا وجريحا", ["casualties"]),  # the dead and hurt together
    ],
)  # fmt: skip
def test_a_dual_casualty_noun_counts_itself(text, events):
    assert count_events(text) == events


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # an outside review's counter-examples to the 0.20.0 readings: "هم" far before the
        # count opens no list of it; its own verb still speaks
        ("وأوضح أن الجرحى هم من المارة و5 أشخاص لقوا حتفهم", ["killed"]),
        ("وقال إن القتلى هم من عائلة واحدة و3 آخرين أصيبوا بجروح", ["injured"]),
        # a casualty verb before the count beats the homes they fled
        ("قتل 30 شخصا أثناء محاولتهم الفرار من منازلهم", ["killed"]),
        # victims of poisoning counted in cases, a crowd beside victims: no dead
        ("ارتفعت حصيلة ضحايا التسمم الغذائي إلى 85 حالة", ["rose"]),
        ("وبعد تكريم ذوي ضحايا الحادث ارتفع عدد الحضور إلى 300 شخص", ["rose"]),
        # taken to hospital after the hurt: still the hurt
        ("أصيب 3 أشخاص و4 آخرون نقلوا إلى المستشفى", ["injured", "injured"]),
    ],
)  # fmt: skip
def test_a_count_s_own_verb_and_they_are_stay_in_their_clause(text, events):
    assert count_events(text) == events


def test_a_measure_is_hit_by_nothing():
    """ "أضرارا" (damage) beside a measure: only people are affected or displaced."""
    said = "وبلغ عمق الحفرة نحو عشرة أمتار بعد أن ألحق الانفجار أضرارا بالمنازل"
    assert [m.event for m in extract_mentions(said) if m.is_claim] == [None]


def test_the_members_of_the_forces_are_counted_as_such():
    """alriyadh, 8 August 2015, on Sévaré: "بين القتلى «خمسة من القوات المالية»" counts
    members of the forces (`lexicon/entities.tsv`: قوات, one people with the soldiers for
    linking); a number the forces did something to names no forces ("هاجمت القوات ...
    وقتلت 5"), and "عسكريين" stays a plural, never a dual of two."""
    said = "وأضاف أن القتلى هم «خمسة من القوات المالية وخمسة إرهابيين وأجنبيان»."
    assert [m.entity for m in extract_mentions(said) if m.is_claim] == ["قوات", "إرهابي"]
    said = "هاجمت القوات الحكومية القرية وقتلت 5 في الهجوم"
    assert [m.entity for m in extract_mentions(said) if m.is_claim] == [None]
    said = "استقبل المهنئين من منسوبي الوزارة من مدنيين وعسكريين"
    assert [m for m in extract_mentions(said) if m.is_claim] == []


def test_a_share_of_what_was_hit_is_a_fall():
    """A percent beside "تضررت" (was hit) tells a fall, not people affected."""
    said = "وبالمثل تضررت الثروة الحيوانية جراء النزاع مع انخفاض قطعان الابقار بنسبة 30%"
    assert [m.event for m in extract_mentions(said) if m.is_claim] == ["fell"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "two" restating a dual is one count of two, not a second one (an outside review:
        # aawsat, 9 August 2015, "«خمسة قتلى وجريحين اثنين»")
        ("عن «خمسة قتلى وجريحين اثنين» من القوات", [("خمسة", "قتيل"), ("جريحين اثنين", "جريح")]),
        ("مقتل جنديين اثنين", [("جنديين اثنين", "جندي")]),
        # ... and after a plural the lexicon cannot read as a dual, two counts the noun before
        ("أسفرت عن إصابة مجندين اثنين ومسلحين اثنين أيضا", [("اثنين", "مجند"), ("اثنين", "مسلح")]),
        ("قتل اثنين من الجنود", [("اثنين", "جندي")]),
    ],
)  # fmt: skip
def test_two_restating_a_dual_counts_once(text, expected):
    assert [(m.text, m.entity) for m in extract_mentions(text) if m.is_claim] == expected


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a toll's noun before what it reached names what is counted, whatever cue the
        # rest of the sentence holds (Harda, alweeam and alriyadh 6 August 2015; the Nile
        # boat, alriyadh 25 July 2015; Sévaré, aljazirah 8 August 2015)
        ("وصرح قائد شرطة السكك الحديد بأن عدد القتلى وصل إلأى 27 شخصا نتيجة الحادثين وانه"
         " تم اخلاء كل العربات وانتشال كل الجثث.", ["killed"]),
        ("ذكرت وزارة الصحة أن رجال الإنقاذ انتشلوا 11 جثمانا آخر في حادث غرق مركب لترتفع"
         " حصيلة القتلى إلى 29 شخصا .", ["killed", "killed"]),
        ("عملية تحرير الرهائن في مالي متواصلة وارتفاع القتلى إلى ثمانية", ["killed"]),
        ("فقد وصلت حصيلة عدد الإصابات إلى 116 حالة ووفاة شخصين.", ["injured", "died"]),
        ("وارتفعت حصيلة القتلى والجرحى إلى 50 شخصا.", ["casualties"]),
        # "راح ضحيته" (went as its victims): killed, a strong cue (Khurais, alyaum 2 August)
        ("مؤكدا ان عملية الإخلاء تمت بنجاح للحادث المؤلم والذي راح ضحيته 9 عمانيين و50"
         " مصابا كانوا في طريقهم لبلدهم", ["killed", "injured"]),
        # how many the noun before are: none of what befell some of them (alyaum, 4 August)
        ("حادث شنيع توفي على إثره 9 وأصيب 39 من ركاب الحافلة البالغ عددهم 55 راكباً.",
         ["died", "injured", None]),
        ("وتم انهاء كافة الاجراءات الرسمية للمتوفين البالغ عددهم 7 ونقلهم الى سلطنة عمان",
         ["died"]),
        # survivors counted are the survivors (the Nile boat, alriyadh 27 July 2015)
        ('انه جرى "انتشال 36 جثة وتسعة ناجين بينهم اربعة مصابين".',
         ["killed", "survived", "injured"]),
        # a boat carrying people: aboard; a truck carrying meals is no count of people
        ("يعتقد انها كانت تحمل ما يصل الى 600 شخص معظمهم سوريون", ["aboard"]),
        ("6 شاحنات متجهة إلى مديرية سيئون وشاحنة تحمل 16500 وجبة غذائية", [None, None]),
        # evacuated, in the passive (Soudelor, aawsat 8 August 2015)
        ("مع مرور مركز الإعصار عبر تايوان، وأجلي أكثر من 7500 شخص.", ["evacuated"]),
        # forced into shelters: the displaced (Myanmar, aleqtisadiya 3 August 2015)
        ("كما تسببت في مقتل سبعة وعشرين شخصا لحد الآن، وأجبرت أكثر من مئة وستة وخمسين ألف"
         " شخص على اللجوء إلى ملاجئ مؤقتة.", ["killed", "displaced"]),
        # a verb agreeing with a subject told before it is that subject's: the three after
        # it are hurt, not "killed and hurt" (Sévaré, almadina 8 August 2015; Stockholm)
        ("إن جنديين من جيش مالي قتلا وأصيب ثلاثة آخرون في تبادل إطلاق النار",
         ["killed", "injured"]),
        ("قالت الشرطة السويدية إنّ شخصين قتلا وأصيب ثالث بجروح بالغة اليوم", ["killed"]),
        # headlines' present tense (the Bronx, Soudelor, the Nile; corpus headlines)
        ("نيويورك: داء المحاربين القدماء يودي بحياة سبعة أشخاص", ["killed"]),
        ("الإعصار «سودلور» يودي بـ 14 شخصا في الصين", ["killed"]),
        ("إعصار«سوديلور» يجتاح تايوان ويحصد 4 أشخاص", ["killed"]),
        ("حصد الفريق 3 نقاط في المباراة", [None]),  # points reaped: no toll
        # "فقد" right before a count: lost, the missing (Myanmar, aawsat 1 August 2015),
        # unless their jobs were what was lost
        ("قتل 27 شخصًا في أنحاء البلاد، كما فقد أربعة آخرون في منطقة ماندالاي",
         ["killed", "missing"]),
        ("فيما فقد أكثر من 350 من الصحافيين والعاملين في وسائل الإعلام أعمالهم", [None]),
        # people who fell are the dead, the verb as the noun (Sévaré, a Yemeni front)
        ("وسقط خمسة من المتعاقدين مع مهمة الأمم المتحدة في مالي قتلى في عملية احتجاز"
         " الرهائن.", ["killed"]),
        ("حيث سقط 13 مسلحا حوثيا على الأقل جراء غارات على مواقع متفرقة", ["killed"]),
        ("سقط 3 صواريخ على البلدة.", [None]),
        # "and their number": the noun before it names what befell them, or the verb before
        # befell them all
        ("وأفادت شهادات الناجين وعددهم نحو 360 شخصًا، وصلوا أمس", ["survived"]),
        ("وجرى إخلاء ساكني العمارة وعددهم 15 شخصا، فيما باشرت وحدات المكافحة عملها",
         ["evacuated"]),
        # two tolls' nouns joined by و count both, wherever they stand (Yemen's fronts;
        # Khurais, 3alyoum 31 July 2015)
        ("وأشارت المصادر عن أن عشرات الحوثيين سقطوا بين قتيل وجريح في المواجهات",
         ["casualties"]),
        ("معلنة عن سقوط أكثر من 145من ميليشيات الحوثي بين قتيل وجريح وأسر 11 آخرين",
         ["casualties", "captured"]),
        ("وعن الإحصائية بعدد المصابين والمتوفين قال إنها بلغت أكثر من 15 منها 9 متوفين",
         ["casualties", "died"]),
        # an outside review's counter-examples: all of them aboard befell it; survivors
        # sought are no cue for the drowned; "أجلوا" before no count is no evacuation
        ("قتل جميع ركاب الطائرة البالغ عددهم 150 شخصا", ["killed"]),
        ("وتضاءلت الآمال في العثور على ناجين من حادث غرق قارب، ويقدر أنه أسفر عن غرق أكثر"
         " من مائتي مهاجر أمس", [None]),
        ("أكثر من 163 ألفا أجلوا عن منازلهم وانقطعت الكهرباء عن أكثر من مليوني منزل",
         [None, None]),
        ("ضحى 3 أشخاص من أجلي", [None]),
        # a crew named by its work did something; nothing befell the count
        ("فرق الانقاذ ذكرت ان حريقين جديدين اندلعا في مقاطعة شاستا", [None]),
    ],
)  # fmt: skip
def test_what_befell_a_count_is_its_own_toll_or_verb(text, events):
    assert count_events(text) == events
