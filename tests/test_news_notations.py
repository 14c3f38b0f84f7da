"""Notations of real news, each class on short excerpts quoted from SaudiNewsNet.

Every case here was found by reading the corpus (a random sample of its ledger read
by hand, ``gold/corpus_mentions.jsonl``, and stories read whole, ``gold/stories``):
official statements, market reports and retrospective pieces, where numbers are
written in ways the seeds never show and where many numbers are not counts at all.
"""

from fractions import Fraction

import pytest

from ledger import extract_mentions


def only(text: str, literal: str):
    """The one mention whose literal text contains ``literal``."""
    found = [m for m in extract_mentions(text) if literal in m.text]
    assert len(found) == 1, [(m.text, m.kind) for m in extract_mentions(text)]
    return found[0]


# --------------------------------------------------------------- values read right
@pytest.mark.parametrize(
    ("text", "literal", "kind", "value"),
    [
        # the Saudi Press Agency's ر: groups least significant first
        ("وباعت هوندا 147 ألف سيارة في اليابان في تراجع نسبته 2ر27 بالمئة", "2ر27", "percent", "27.2"),
        ("انخفضت في مايو الماضي إلى 935ر6 مليون برميل يوميًا", "935ر6", "measure", "6935000"),
        ("آمال وأمنيات ما يزيد على (000ر22) مسلم ومسلمة من أنحاء العالم", "000ر22", "count", "22000"),
        ("ت ، ث ، ص ، ع ، ف ) ، تبلغ / 540ر999ر45 / ريال بمدة زمنية تقدر عامين", "540ر999ر45", "money", "45999540"),
        ("موقع متنزه عين نجم – البالغة مساحته (94/000ر59 متر مربع) لمصلحة بلدية الأحساء", "94/000ر59", "measure", "59000.94"),
        ("وبطاقة إنتاجية تبلغ ( 500ر307 ) متر مكعب في اليوم", "500ر307", "measure", "307500"),
        ("بمقدار 04ر8 نقطة أو 38ر0 في المائة ليسجل 17ر2111 نقطة", "17ر2111", "count", "2111.17"),
        ("يعمل على مشروع طوله 5ر1 كيلوجرام", "5ر1", "measure", "1.5"),
        # one dot before three digits: thousands, unless a scale, a percent or a price
        ("في استقطاب أكثر من 10.000 متبرع بالخلايا الجذعية حتى الآن", "10.000", "count", "10000"),
        ("خلال أعمال حج العام الماضي أكثر من 5.706 عامل، قدموا بتأشيرات عمل موسمية", "5.706", "count", "5706"),
        ("أظهرت بيانات رسمية أن الصادرات بلغت 6.935 مليون برميل يوميا", "6.935", "measure", "6935000"),
        ("تدفع شركة فلاي دبي معدل عائد نسبته 3.776 %، بما يفوق معدل المقايضة", "3.776", "percent", "3.776"),
        ("بواقع 8 في المائة وصولاً إلى سعر 7.500 درهم تلاه سهم الخليجية", "7.500", "money", "7.5"),
        # Arabic comma between thousands, a decimal comma after them
        ("بلغت القيمة 12،220,13 ريال", "12،220,13", "money", "12220.13"),
        # a unit after a closing bracket; a percent shared by a list
        ("بتكلفة إجمالية بلغت (164,781,745 ) ريالاً لتنفيذ المشروع", "164,781,745", "money", "164781745"),
        ("وتتوقع نموا بنحو 6.1 و3.7 و3.3 في المائة على التوالي", "3.3", "percent", "3.3"),
        # a scale after quotes, a compound duration, a ratio
        ("هبوط صادرات النفط السعودي إلى «6.9» مليون برميل في مايو", "6.9", "measure", "6900000"),
        ("وقطع المسافة في 14 دقيقة و53.34 ثانية", "14 دقيقة", "duration", "893.34"),
        ("ويصاب بالمرض واحد من كل أربعة أشخاص", "واحد", "fraction", "0.25"),
        ("بملياري يورو", "ملياري", "money", "2000000000"),
        # the full stop of a line typed before its last number (left to right): no decimal
        ("هو أخر من يسدد ليمنح فريقه الفوز 5 / .4", "4", "count", "4"),
        ("وسجل أهداف آرسنال في الدقائق 29 و34 و35 و38 و62 و.85", "85", "count", "85"),
        ("ارتفع المؤشر بنسبة .4% اليوم", ".4%", "percent", "0.4"),  # within a line: a decimal
    ],
)  # fmt: skip
def test_values(text, literal, kind, value):
    m = only(text, literal)
    assert m.is_claim and m.kind == kind
    assert m.value == Fraction(value)


@pytest.mark.parametrize(
    ("text", "literal", "low", "high"),
    [
        ("وأوضح أنه قتل الكثيرون بين 20 أو 30 شخصا", "20", 20, 30),
        ("بنسب تراوحت مابين 4.37% إلى 2.17%", "4.37", Fraction("2.17"), Fraction("4.37")),
        ("الدعم على مستويات 8,500 - 8,000 نقطة", "8,500", 8000, 8500),
    ],
)
def test_ranges(text, literal, low, high):
    m = only(text, literal)
    assert m.qualifier == "range" and (m.low, m.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "literal", "qualifier"),
    [
        ("وأشار إلى أن الزيادة تجاوزت 200 في المائة", "200", "more_than"),
        ("بعد أن قاربت 37% من قيمته", "37", "approx"),
        ("تم إصدار 200 تأشيرة على أقل تقدير", "200", "at_least"),
        (
            "ان لا يقل عمر اللاعب عند طلب الانتقال ضمن لائحة انتقال لاعبي كرة السلة عن (30 سنة)",
            "30",
            "at_least",
        ),
        ("مدة لا يتجاوز مدّة الـ 3 دقائق", "3", "at_most"),
        ("خلال الـ 30 سنة المقبلة أو نحو ذلك", "30", "approx"),
        ("وتتوقع نموا بنحو 6.1 و3.7 و3.3 في المائة", "3.7", "approx"),
    ],
)
def test_qualifiers(text, literal, qualifier):
    assert only(text, literal).qualifier == qualifier


# --------------------------------------------------------------- not claims
@pytest.mark.parametrize(
    ("text", "literal", "kind"),
    [
        # dates with spaces, dashes, ranges of days, days written as ordinals
        ("حادث إطلاق النار على دورية الأمن العام شرق مدينة الرياض بتاريخ 19 / 6 / 1436هـ", "19", "date"),
        ("ثم هبط خلال ثلاثة أشهر فقط وتحديدا في 18 / 7 / 2012 إلى 84.75 ريال", "18", "date"),
        ("وذلك بتاريخ ٢٢ – ١٠ – ١٤٣٦هـ في مقر الوزارة", "٢٢", "date"),
        ("خلال الفترة من 19 إلى 21 / 10 / 1436هـ بمكة", "19", "date"),
        ("في الفترة 5-7 ذي الحجة 1434هـ", "5", "date"),
        ("منذ بداية موسم العمرة في الثاني من شهر صفر الماضي", "الثاني", "date"),
        ("في السادس من أغسطس الجاري", "السادس", "date"),
        ("في الثامنة من مساء اليوم", "الثامنة", "time"),
        ("وبحلول الساعة 1100 بتوقيت جرينتش تراجع خام برنت", "1100", "time"),
        # list and footnote numbers
        ("بتاريخ 10/1/1436. 2 - حادث إطلاق النار على دورية الأمن العام", "2", "list"),
        ("شملت الآتي :- 1- حادث استهداف المصلين بقرية الدالوه", "1", "list"),
        ("2 - تعيين الأستاذ عضوا في المجلس", "2", "list"),
        ("الكلمات المنتفخة إلى أطرافه العُليا.»(3) وشجر العدن", "3", "list"),
        # references, labels, names
        ("أما آخر مآثر الأمم المتحدة للعرب فهو القرار (2216) الصادر بشأن الحرب في اليمن", "2216", "reference"),
        ("قرار مجلس الأمن الدولي 2216 بشأن اليمن", "2216", "reference"),
        ("والصادر بالمرسوم رقم 83 لسنة 2002 حتى تسمح", "83", "reference"),
        ("عملاً بأحكام المادة 4 من القانون رقم 19 لعام 2012", "19", "reference"),
        ("وحددت المادة (21) من اللائحة", "21", "reference"),
        ("نصت المادة السادسة من نظام المرور", "السادسة", "reference"),
        ("الجناية (رقم 40 لسنة 2015 حصر أمن دولة)", "40", "reference"),
        ("خطف عناصر من جبهة النصرة مساء أمس قائد الفرقة 30 العقيد المنشق", "30", "name"),
        # a label behind a clitic; a preposition after the number is no counted noun
        ("وهاجمت جبهة النصرة الجمعة مقرا للفرقة 30 في المنطقة نفسها", "30", "name"),
        ("وقتل خمسة من أفراد الفرقة 30 أثناء تصديهم للمهاجمين", "30", "name"),
        # a unit's number with its arm after it (SaudiNewsNet, July-August 2015: Yemen's
        # brigades; "22 ميكا" was read as 22 killed), and behind a clitic's lam
        ("وسيطرت المقاومة على معسكر اللواء 22 ميكا في تعز", "22", "name"),
        # with an adjective between, its arm after still names it (read as 22 killed)
        ("وقتل 10 حوثيين في محيط اللواء المتمرد 22 ميكا", "22", "name"),
        ("تقدماً عسكرياً باتجاه اللواء 35 مدرع إلى الشمال الغربي من مدينة تعز", "35", "name"),
        ("الغارات الأربع استهدفت اللواء 17 مشاة حرس جمهوري", "17", "name"),
        ("استهدف نقطة عسكرية تابعة للواء 135 أحد ألوية المنطقة الأولى بحضرموت", "135", "name"),
        ("مقتل قائد الفرقة 11 دبابات", "11", "name"),
        # a clock time written with a comma, and in GMT after it
        ("وقبيل الساعة 04,00 (01,00 تغ) قامت ثلاث مقاتلات اف-16 من سلاح الجو التركي", "04,00", "time"),
        ("وقبيل الساعة 04,00 (01,00 تغ) قامت ثلاث مقاتلات اف-16 من سلاح الجو التركي", "01,00", "time"),
        # alyaum, 7 August 2015 (Sévaré): the Arabic comma between hours and minutes;
        # it was read as 13 soldiers
        ("في اتصال مع فرانس برس نحو الساعة 13،00 بالتوقيت المحلي ان القوات المسلحة", "13،00",
         "time"),
        # aawsat, 21 July 2015: GMT written in two letters
        ("مساء أمس (السبت) عند الساعة 02.17 صباحًا (06.14 ت غ).", "06.14", "time"),
        ("حيث وقع الحادث في الأسبوع ٣٧ من الدوري", "٣٧", "ordinal"),
        ("وسجل الهدف في الدقيقة 50 من المباراة", "50", "time"),
        ("تم تخريج الدورتين (35) و (10) من المستفيدين", "10", "ordinal"),
        ("ويندوز 7 هو الأكثر استخداما", "7", "name"),
        ("وشنت نحو 30 طائرة تركية من طراز إف - 16 موجة جديدة من الغارات", "16", "name"),
        ("المواقع في الجبيل2 الصناعية", "2", "name"),
        ("سجل مؤشر CAC 40 ارتفاعا", "40", "name"),
        ("طائرة من طراز Embraer 300 هبطت", "300", "name"),
        ("مدير شرطة منطقة عسير اللواء محمد أبو قرنين سمح", "قرنين", "name"),
        ("داود أوغلو يتوعد داعش بعد &#8220;تفجير سروج", "8220", "code"),
        # phone numbers, codes
        ("ومركز الاتصال السياحي على الرقم 19988 وغيرها من الوسائل", "19988", "phone"),
        ("يمكن الاشتراك عن طريق إرسال رسالة SMS إلى 88548", "88548", "phone"),
        ("أعلن الموقع أن رقم الطلب 3601115991 مقبول", "3601115991", "code"),
        # years
        ("وُلد الإمام الشافعي في غزة عام 150 للهجرة النبوية الموافق 767 م", "767", "year"),
        ("أن تاريخها يعود إلى نحو عام 600 ميلادي", "600", "year"),
        ("تأسست عام 1869 رابطة للعمال", "1869", "year"),
        ("يوسف السليمان سعودي الجنسية من مواليد 1415", "1415", "year"),
        # idioms and "one"
        ("ما لا يختلف عليه اثنان أن عروض غوتييه من أمتع العروض", "اثنان", "phrase"),
        ("أنه لا يعمل إلى من جهة واحدة، لذا", "واحدة", "phrase"),
        ("وحدد لكل واحدة منها دورها", "واحدة", "phrase"),
        ("بحيث لا تركز دائما على نقطة واحدة في الطريق", "واحدة", "phrase"),
        ("ويمضي معنا الزائر الواحد حوالي 20 دقيقة", "الواحد", "phrase"),
        ("لم يطلع عليها مسؤول أميركي واحد.", "واحد", "phrase"),
        ("في محافظة وأحد رفيدة", "وأحد", "phrase"),
        ("تحقق أرباحا ربع سنوية", "ربع", "phrase"),
        ("قال بيش آرجيال المختص في مؤسسة \"ست\" السويسرية للطاقة", "ست", "name"),
        # a calibre names a weapon; the two years of "بين عامي" are both years
        ("قصفت الميليشيات الأحياء بمدافع الهاون عيار 120", "120", "name"),
        ("عاش النبي بين عامي 570 و632", "570", "year"),
        ("عاش النبي بين عامي 570 و632", "632", "year"),
    ],
)  # fmt: skip
def test_not_claims(text, literal, kind):
    m = only(text, literal)
    assert not m.is_claim and m.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "في تطورات الخبر تحديث (1) وقال المتحدث",  # an update's number
        "بإجمالي كمية تجاوزت 715 ألف سهم",  # كمية is not "like a hundred"
        "لست أدري ما الذي حدث",  # لست is not "for six"
        "يا ست الدنيا",  # a lady, not six
    ],
)
def test_no_count_where_there_is_none(text):
    wrong = [m.text for m in extract_mentions(text) if m.is_claim and m.value in (1, 100, 6)]
    assert not wrong


def test_one_is_still_a_count_in_a_toll():
    m = only("أسفر الانفجار عن مقتل شخص واحد وإصابة آخرين", "واحد")
    assert m.is_claim and m.value == 1


# --------------------------------------------------------------- counted entities
@pytest.mark.parametrize(
    ("text", "literal", "entity"),
    [
        ("بينما يعانون من 3 أمراض مزمنة", "3", None),  # never the verb يعانون
        ("كانوا قد ظلوا 5 سنوات", "5", None),
        ("قتل 17 شخصا أمس الخميس", "17", "شخص"),
        ("تطالب بالإفراج عن الموقوفين الثلاثة", "الثلاثة", "موقوف"),
        ("وارتفعت الأسعار 5.3% وهو أعلى معدل", "5.3", None),  # a percent counts no noun
        ("بلغ عدد الزوار 750 ألف مسافر", "750", "مسافر"),
        ("حدد القرار (8) دوائر انتخابية", "8", "دائرة"),  # a broken plural the lexicon knows
        # a party's name is no counted noun: the Kurdistan Workers' Party, not workers
        (
            "أنّ حزب العمال الكردستاني واصل شن هجمات على قوات الأمن التركية، التي قتل نحو 20 "
            "من أفرادها",
            "20",
            None,
        ),
        ("أصيب نحو 30 من العمال في الحادث", "30", "عامل"),
    ],
)
def test_counted_entities(text, literal, entity):
    assert only(text, literal).entity == entity


def test_every_kind_found_is_a_documented_kind():
    from ledger.model import CLAIM_KINDS, NON_CLAIM_KINDS

    text = "\n".join(
        [
            "2 - تعيين الأستاذ عضوا في المجلس",
            "ومركز الاتصال السياحي على الرقم 19988 وغيرها",
            "أعلن الموقع أن رقم الطلب 3601115991 مقبول",
            "قتل 17 شخصا في 3-1 فاز الفريق بنتيجة 3-1",
        ]
    )
    kinds = {m.kind for m in extract_mentions(text)}
    assert kinds <= set(CLAIM_KINDS) | set(NON_CLAIM_KINDS)
    assert {"list", "phone", "code"} <= kinds


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an aside between dashes: an age, not minus forty (alriyadh, 7 August 2015)
        ("وقالت الشرطة إنها عثرت على عبد الرحمن هارون -40 عاما- على مقربة من النفق.", 40),
        ("ويقول الشاب إبراهيم الأحمد -15عاما-، إنه تعود على ذلك.", 15),
        # no duration is negative (almadina, 6 August 2015)
        ("الفائز مع ألمانيا بكأس العالم الماضية -17 عاما في بايرن.", 17),
        ("انخفاضاً طفيفاً -0.5%، كما انخفضت معدلات الشواغر.", -0.5),
        ("بلغت درجة الحرارة -5 درجات.", -5),
    ],
)
def test_a_dash_opening_an_aside_is_no_minus_sign(text, value):
    claims = [m for m in extract_mentions(text) if m.is_claim]
    assert claims[0].value == value


@pytest.mark.parametrize(
    "text",
    ["فقدت الكتيبة 20 مقاتلا", "خسر اللواء 50 جنديا", "وأسرت الكتيبة 7 عناصر",
     "وتضم الفرقة 30 عضوا", "وقتل في الهجوم على الفوج 12 جنديا",
     "فقدت الكتيبة الثالثة 20 مقاتلا", "وخسر اللواء المتمرد 15 مدرعة"],
)  # fmt: skip
def test_a_unit_followed_by_what_it_counts_is_counted(text):
    """After a military unit's noun, a number followed by its arm names the unit ("اللواء
    35 مدرع"); followed by a counted noun it counts ("فقدت الكتيبة 20 مقاتلا": 20 fighters),
    as an outside review checked."""
    assert [m.is_claim for m in extract_mentions(text) if m.text[:1].isdigit()] == [True]


@pytest.mark.parametrize(
    ("text", "literal", "kind", "value"),
    [
        # a space lost between a word and its number: a stopword, an event, or a unit or
        # counted noun after it says the number is a figure, not a name
        ("ما أدى إلى مقتل20 وإصابة 45.", "20", "count", "20"),
        (
            "صرف بدل طبيعة العمل المقررة للموظفين بمقدار15% من أول مربوط للمرتبة",
            "15",
            "percent",
            "15",
        ),
        ("هجوم انتحاري يوقع15 قتيلا في أفغانستان", "15", "count", "15"),
        ("انخفض السعر الفوري للذهب1% إلى 1084.46 دولارًا للأوقية", "1%", "percent", "1"),
        ("في انعقاد مجلس التعليم عن تمويل100 مشروع صغير لشباب جازان", "100", "count", "100"),
        ("يضم ما يصل إلى35 جناحا فندقيا", "35", "count", "35"),
        # a scale word after it, an event behind a clitic (an outside review's cases)
        ("وأن البرنامج توفر80 مليار ريال سنويا", "80", "money", "80000000000"),
        ("وأعلن الجيش بمقتل18 من عناصر تنظيم داعش", "18", "count", "18"),
    ],
)
def test_a_number_joined_to_a_word_by_a_lost_space_is_read(text, literal, kind, value):
    m = only(text, literal)
    assert (m.kind, m.value) == (kind, Fraction(value))


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("وجددت دعوتها إلى تطبيق بيان (جنيف1) لإنهاء الأزمة", "جنيف1"),
        ("في بطولة خليجي20 في عدن", "خليجي20"),
        ("تمهيدا لإطلاق نظام ويندوز10 هذا الأسبوع", "ويندوز10"),
        ("ومشروع نور2 ونور3 في المغرب", "نور2"),
        ("تنطلق فعاليات «القصبة3» يوم 01 سبتمبر", "القصبة3"),  # quoted
        ("والحرب مستمرة منذ حوالي1979 في البلاد", "حوالي1979"),  # a year
    ],
)
def test_a_word_joined_to_its_number_with_no_figure_after_is_a_name(text, literal):
    assert only(text, literal).kind == "name"
