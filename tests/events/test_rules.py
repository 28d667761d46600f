"""One test per named rule of the events layer (gates, role rules), on team-written
sentences: the rule fires on its positive case and gives the expected event, and stays
silent on its negative case. The catalogue test keeps the tables and this file in step."""

from __future__ import annotations

import re

import pytest

import tests.helpers as helpers
from marsad.events import extract_events
from marsad.events.gates import AFTER_ROLES, GATES
from marsad.events.roles import (
    RESCUES,
    ROLE_RULES,
    leader_commits_state,
    leader_pledges,
)
from tests.helpers import extract

# rule -> (positive text, the event it gives as (type or "*", actor keys, target keys), or
# None when the positive text gives no event, and the negative text)
CASES: dict[str, tuple[str, tuple[str, tuple[str, ...], tuple[str, ...]] | None, str]] = {
    "refers_back": (
        "شنت إسرائيل غارات على غزة. وأسفرت الغارات عن سقوط قتلى.",
        ("ASSAULT", ("israel",), ("gaza",)),
        "وأسفرت الغارات عن سقوط قتلى."),
    "negated": (
        "لم يستقبل الرئيس الفرنسي إيمانويل ماكرون الرئيس الجزائري عبد المجيد تبون.", None,
        "استقبل الرئيس الفرنسي إيمانويل ماكرون الرئيس الجزائري عبد المجيد تبون."),
    "meeting_talked_of": (
        "والتقى وزير الخارجية التركي هاكان فيدان نظيره المصري بدر عبد العاطي في القاهرة، حيث "
        "تناول اللقاء سبل التعاون.",
        ("CONSULT", ("hakan_fidan",), ("badr_abdelatty",)),
        "والتقى الرئيس الروسي فلاديمير بوتين الرئيس التركي رجب طيب أردوغان في سوتشي. وخلال "
        "المحادثات بين الطرفين، أكد بوتين دعم بلاده لتركيا."),
    "ceremony_of_a_meeting": (
        "واستقبل الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين في مراسم استقبال "
        "رسمية بأنقرة.",
        ("CONSULT", ("vladimir_putin",), ("recep_tayyip_erdogan",)),
        "وجرت مراسم استقبال رسمية للرئيس الروسي فلاديمير بوتين في أنقرة."),
    "negated_modal": (
        "وقال الوزير إن الحكومة لا يمكنها طرد السفير الإيراني.", None,
        "وقال الوزير إن الحكومة الفرنسية طردت السفير الإيراني."),
    "demanded": (
        "تظاهر الآلاف أمام السفارة مطالبين بطرد السفير الإسرائيلي من الأردن.", None,
        "طردت الأردن السفير الإسرائيلي."),
    "planned": (
        "ومن المتوقع أن يزور الرئيس التركي رجب طيب أردوغان القاهرة.", None,
        "زار الرئيس التركي رجب طيب أردوغان القاهرة."),
    "meeting_to_come": (
        "وسيلتقي الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين الأحد.", None,
        "والتقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين الأحد."),
    "companion_of_a_visit": (
        "وزار الرئيس التركي رجب طيب أردوغان روسيا. ورافق أردوغان في زيارته وزير الخارجية "
        "هاكان فيدان.",
        ("CONSULT", ("recep_tayyip_erdogan",), ("russia",)),
        "وزار الرئيس التركي رجب طيب أردوغان روسيا. وقال أردوغان إن زيارته ناجحة."),
    "meeting_characterised": (
        "وزار الرئيس التركي رجب طيب أردوغان روسيا. ورأى محللون أن الزيارة تؤكد أن أنقرة "
        "باتت شريكا لروسيا.",
        ("CONSULT", ("recep_tayyip_erdogan",), ("russia",)),
        "وزار الرئيس التركي رجب طيب أردوغان روسيا. وقال محللون إن اللقاء بين بوتين وأردوغان "
        "كان إيجابيا."),
    "content_of": (
        "وتضمن الاتفاق انسحاب القوات الروسية من مالي.", None,
        "وبدأ انسحاب القوات الروسية من مالي."),
    "framed_background": (
        "وفي ظل التعاون العسكري بين مصر وليبيا، وصل الرئيس التركي رجب طيب أردوغان إلى "
        "القاهرة.",
        ("CONSULT", ("recep_tayyip_erdogan",), ("egypt",)),
        "بدأ التعاون العسكري بين مصر وليبيا."),
    "vehicle_named_by_cargo": (
        "وسيرت روسيا رحلات شحن لنقل الأسلحة إلى النيجر.", None,
        "وبدأت روسيا شحن الأسلحة إلى النيجر."),
    "topic_of_another": (
        "وتتوالى التقارير عن هجوم شنته روسيا على مدينة دوما السورية.", None,
        "وشنت روسيا هجوما على مدينة دوما السورية."),
    "told_as_habit": (
        "ويعلن الحوثيون بين الحين والآخر شن هجمات على السعودية.", None,
        "وأعلن الحوثيون شن هجمات على السعودية."),
    "told_as_earlier": (
        "ويستند القرار إلى عقوبات سابقة فرضتها وزارة الخزانة الأمريكية على إيران.", None,
        "فرضت وزارة الخزانة الأمريكية عقوبات على إيران."),
    "last_time_recalled": (
        "وكان الرئيس التونسي قيس سعيد قد التقى الرئيس الجزائري عبد المجيد تبون آخر مرة "
        "في أيلول الماضي.", None,
        "والتقى الرئيس التونسي قيس سعيد الرئيس الجزائري عبد المجيد تبون في تونس."),
    "standing_or_cause": (
        "وأطلق الاتحاد الإفريقي بعثة لمراقبة حظر السلاح على الصومال.", None,
        "وفرض مجلس الأمن الدولي حظر السلاح على الصومال."),
    "standing_since": (
        "وقال وزير الخارجية الروسي سيرغي لافروف إن روسيا تقيم علاقات مع مالي منذ زمن بعيد.",
        None,
        "وقال وزير الخارجية الروسي سيرغي لافروف إن روسيا أقامت علاقات مع مالي."),
    "standing_where": (
        "وسقطت صواريخ قرب مطارات تنتشر فيها قوات روسية في سوريا.",
        None,
        "وتنتشر قوات أمريكية في قاعدة عين الأسد."),
    "aimed_by_a_measure": (
        "وفرضت الولايات المتحدة عقوبات جديدة على كوريا الشمالية، تستهدف خمسة مسؤولين في الحزب "
        "الحاكم.",
        ("SANCTION", ("united_states",), ("north_korea",)),
        "وفرضت الولايات المتحدة عقوبات جديدة على كوريا الشمالية، واستهدفت طائرات أمريكية مواقع "
        "في سوريا."),
    "counted_again": (
        "وشنت إسرائيل غارات على غزة، وبلغت قرابة أربعين غارة.",
        ("ASSAULT", ("israel",), ("gaza",)),
        "وشنت إسرائيل أربعين غارة على غزة."),
    "negated_noun": (
        "ولم تؤكد النيجر بعد انتشار قوات تركية قرب أغاديز.", None,
        "وأكدت الحكومة النيجرية علنا انتشار قوات تركية قرب أغاديز."),
    "scheduled": (
        "وتعقد القمة المقررة بين الرئيس التركي رجب طيب أردوغان والرئيس الروسي فلاديمير بوتين "
        "في سوتشي.", None,
        "وعقدت القمة بين الرئيس التركي رجب طيب أردوغان والرئيس الروسي فلاديمير بوتين في "
        "سوتشي."),
    "forecast": (
        "وقال المتحدث باسم الجماعة إن هجمات الحوثيين على السفن سوف تتصاعد.", None,
        "وقال المتحدث باسم الجماعة إن هجمات الحوثيين على السفن تصاعدت خلال ساعات."),
    "own_act_quoted": (
        "أدانت وزارة الخارجية الروسية الضربات الأمريكية على سوريا. وأضافت الوزارة: ندين بشدة "
        "العدوان الأمريكي.",
        ("ACCUSE", ("russian_foreign_ministry",), ()),
        "وقال وزير الخارجية الروسي سيرغي لافروف: ندين الضربات الأمريكية على سوريا."),
    "framed_as": (
        "وتأتي المناورات العسكرية تأييدا من تركيا لقطر.", None,
        "وأعلنت تركيا تأييدها لقطر."),
    "known_agreement": (
        "وتمسكت إيران بالاتفاق النووي مع الدول الكبرى.", None,
        "وأعلنت إيران والولايات المتحدة عن اتفاق نووي."),
    "names_a_document": (
        "ووقعت تركيا وليبيا مذكرة تعاون عسكري.",
        ("AGREE", ("turkey", "libya"), ()),
        "وبدأ تعاون عسكري بين تركيا وليبيا."),
    "nobody_takes_part": (
        "وتصاعدت حدة الهجمات.", None,
        "شنت إسرائيل غارات على غزة."),
    "meeting_without_two_sides": (
        "وتأتي زيارة أردوغان في ظل توتر.", None,
        "وصل الرئيس التركي رجب طيب أردوغان إلى غينيا."),
    "sides_after_verb": (
        "التقى أردوغان بوتين في سوتشي. ووقّع الجانبان اتفاقية للتعاون.",
        ("AGREE", ("recep_tayyip_erdogan", "vladimir_putin"), ()),
        "التقى أردوغان بوتين في سوتشي. ووقّعت تركيا اتفاقية للتعاون."),
    "announcer_named": (
        "أعلنت الحكومة السودانية، مساء الأحد، الإفراج عن 30 معتقلا.",
        ("RETREAT", ("sudan_government",), ()),
        "قالت الحكومة السودانية إن الإفراج عن 30 معتقلا تم أمس."),
    "pair_meets": (
        "التقى أردوغان بوتين في سوتشي. وتناول لقاء الرئيسين مع ماكرون العلاقات.",
        ("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",)),
        "التقى أردوغان بوتين في سوتشي."),
    "pair_as_targets": (
        "التقى أردوغان بوتين في سوتشي. ورحّب الأمين العام للأمم المتحدة أنطونيو غوتيريش "
        "بتوقيع الطرفين على الاتفاق.",
        ("SUPPORT", ("antonio_guterres",), ("recep_tayyip_erdogan", "vladimir_putin")),
        "ورحّب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالاتفاق."),
    "sides_act": (
        "التقى أردوغان بوتين في سوتشي. ووقّع الجانبان اتفاقية للتعاون.",
        ("AGREE", ("recep_tayyip_erdogan", "vladimir_putin"), ()),
        "التقى أردوغان بوتين في سوتشي. وأكد وزير الخارجية التركي هاكان فيدان ضرورة "
        "وقف الحرب."),
    "purpose_of_main_verb": (
        "زار وزير الخارجية التركي هاكان فيدان القاهرة للقاء نظيره المصري بدر عبد العاطي.",
        ("CONSULT", ("hakan_fidan",), ("badr_abdelatty",)),
        "التقى أردوغان بوتين في سوتشي."),
    "capital_as_state": (
        "وردّت موسكو على العقوبات الأمريكية بطرد دبلوماسيين. وقالت روسيا إنها سترد.",
        ("SANCTION", ("russia",), ()),
        "وردّت روسيا على العقوبات الأمريكية بطرد دبلوماسيين."),
    "meeting_during_visit": (
        "وصل الرئيس التركي رجب طيب أردوغان إلى غينيا، حيث التقى الرئيس الانتقالي مامادي "
        "دومبويا.",
        ("CONSULT", ("recep_tayyip_erdogan",), ("mamadi_doumbouya",)),
        "وصل الرئيس التركي رجب طيب أردوغان إلى غينيا."),
    "verb_joined_after_comma": (
        "رحّب الرئيس اللبناني جوزيف عون بالاتفاق، وشكر الولايات المتحدة وفرنسا.",
        ("SUPPORT", ("joseph_aoun",), ("united_states", "france")),
        "اتهمت الحكومة الروسية الحكومة الأوكرانية بالتضليل."),
    "announcer_acts": (
        "أعلن رئيس الوزراء العراقي محمد شياع السوداني فرض حظر للتجول في بغداد.",
        ("COERCE", ("mohammed_shia_al_sudani",), ()),
        "اتهمت الحكومة الروسية الحكومة الأوكرانية بالتضليل."),
    "call_during_main_act": (
        "طالب وزير الخارجية الإيراني حسين أمير عبداللهيان خلال اتصال هاتفي مع الأمين العام "
        "للأمم المتحدة أنطونيو غوتيريش بعقد جلسة طارئة.",
        ("CONSULT", ("hossein_amir_abdollahian",), ("antonio_guterres",)),
        "أجرى الأمين العام للأمم المتحدة أنطونيو غوتيريش اتصالا هاتفيا مع وزير الخارجية "
        "الإيراني حسين أمير عبداللهيان."),
    "participle_of_main_subject": (
        "أكد الرئيس الجزائري عبد المجيد تبون دعم بلاده لفلسطين، مشيدا بموقف جنوب أفريقيا.",
        ("SUPPORT", ("abdelmadjid_tebboune",), ("south_africa",)),
        "اتهمت الحكومة الروسية الحكومة الأوكرانية بالتضليل."),
    "call_received_from": (
        "وتلقى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالا هاتفيا من الرئيس الأمريكي جو بايدن.",
        ("CONSULT", ("joe_biden",), ("tamim_bin_hamad",)),
        "وأجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس التركي رجب طيب أردوغان."),
    "violation_reacted_to": (
        "وقصف الجيش الإسرائيلي مواقع في لبنان ردا على انتهاكات حزب الله المتكررة لاتفاق وقف "
        "إطلاق النار.",
        ("ACCUSE", ("israel_defense_forces",), ("hezbollah",)),
        "واتهم الجيش الإسرائيلي حزب الله بخرق اتفاق وقف إطلاق النار."),
    "speaker_charges": (
        "وقال وزير الخارجية الأمريكي أنتوني بلينكن إن إيران مسؤولة عن الهجوم على الناقلة.",
        ("ACCUSE", ("antony_blinken",), ("iran",)),
        "وقال الوزير إن الحكومة غير مسؤولة عن الأزمة."),
    "dropped_subject": (
        "وصل الرئيس المصري عبد الفتاح السيسي إلى الرياض في زيارة التقى خلالها ولي العهد "
        "السعودي الأمير محمد بن سلمان.",
        ("CONSULT", ("abdel_fattah_el_sisi",), ("mohammed_bin_salman",)),
        "التقى أردوغان بوتين في سوتشي."),
    "subject_goes_on_after_kama": (
        "فرضت وزارة الخزانة الأمريكية عقوبات على إيران. كما فرضت عقوبات على حزب الله.",
        ("SANCTION", ("us_treasury",), ("hezbollah",)),
        "فرضت وزارة الخزانة الأمريكية عقوبات على إيران. وفرضت عقوبات على حزب الله."),
    "opening_subject_goes_on": (
        "وكانت بريطانيا بدأت منذ عام خفض قواتها في العراق، فانسحبت من قاعدتين في جنوب "
        "البلاد.",
        ("RETREAT", ("united_kingdom",), ()),
        "بدأت بريطانيا منذ عام خفض قواتها في العراق، فانسحبت من قاعدتين في جنوب البلاد."),
    "met_by_the_subject_before": (
        "ووصل الرئيس التركي رجب طيب أردوغان أمس إلى القاهرة، والتقى الرئيس المصري عبد "
        "الفتاح السيسي.",
        ("CONSULT", ("recep_tayyip_erdogan",), ("abdel_fattah_el_sisi",)),
        "التقى الرئيس المصري عبد الفتاح السيسي."),
    "asked_is_the_object": (
        "وقال الرئيس الفرنسي إيمانويل ماكرون إن باريس ترفض التصعيد، كما طالب الحكومة "
        "الجزائرية بالإفراج عن الكاتب.",
        ("REQUEST", ("emmanuel_macron",), ("algeria_government",)),
        "ودعت السعودية إلى ضبط النفس."),
    "asked_of_a_pronoun": (
        "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي أنتوني بلينكن، "
        "الذي طلب منه فتح معبر رفح.",
        ("REQUEST", ("antony_blinken",), ("abdel_fattah_el_sisi",)),
        "طلب وزير الخارجية الأمريكي أنتوني بلينكن فتح المعبر."),
    "meeting_members_act": (
        "اجتمع الرئيس اللبناني جوزيف عون مع رئيس مجلس النواب نبيه بري في بعبدا. ودعا "
        "المجتمعون إسرائيل إلى الانسحاب من الجنوب.",
        ("REQUEST", ("joseph_aoun", "nabih_berri"), ("israel",)),
        "اجتمع الرئيس اللبناني جوزيف عون مع رئيس مجلس النواب نبيه بري في بعبدا. ودعا "
        "الرئيس الأمريكي دونالد ترامب إسرائيل إلى الانسحاب من الجنوب."),
    "the_latter_acts": (
        "استدعت غانا سفيرها من توغو، إثر اتهام هذه الأخيرة بقصف قرية حدودية.",
        ("ASSAULT", ("togo",), ()),
        "استدعت غانا سفيرها من توغو، إثر اتهامات في الأسابيع الأخيرة بقصف قرية حدودية."),
    "noun_retells_sentence": (
        "وصل الرئيس السوري أحمد الشرع إلى الرياض، في أول زيارة خارجية له.",
        ("CONSULT", ("ahmed_al_sharaa",), ("riyadh",)),
        "وصل الرئيس السوري أحمد الشرع إلى الرياض، تزامنا مع زيارة وزير الخارجية التركي "
        "هاكان فيدان."),
    "definite_noun_of_the_subject": (
        "اقتحمت القوات الإسرائيلية مدينة نابلس، وامتدت المداهمات إلى مخيم بلاطة.",
        ("COERCE", ("israel_defense_forces",), ()),
        "وامتدت المداهمات إلى مخيم بلاطة."),
    "partner_is_no_agent": (
        "زار وزير الدفاع الروسي القاهرة أمس. وقالت مصر إن الزيارة ناجحة. وأكد مسؤول عسكري "
        "مصري مواصلة التعاون مع روسيا في مجال التدريب.",
        ("COOPERATE", ("egypt",), ("russia",)),
        "زار وزير الدفاع الروسي القاهرة أمس. وقالت مصر إن الزيارة ناجحة. وأكد مسؤول عسكري "
        "مواصلة التعاون مع روسيا في مجال التدريب."),
    "nisba_names_actor": (
        "ووصل مدربون عسكريون روس إلى باماكو، وفق ما أعلنت روسيا.",
        # (the source named after "وفق" takes no part; the deployment goes to Bamako)
        ("MOBILIZE", ("russia",), ("bamako",)),
        "ووصل مدربون عسكريون إلى باماكو."),
    "nisba_names_target": (
        "قررت الحكومة الفرنسية طرد 12 دبلوماسيا جزائريا. وقالت الجزائر إنها سترد.",
        ("SANCTION", ("france_government",), ("algeria",)),
        "قررت الحكومة الفرنسية طرد السفير الإيراني. وقالت الجزائر إنها سترد."),
    "envoy_names_state": (
        "قررت الجزائر طرد السفير الفرنسي ستيفان روماتيه. وقالت فرنسا إنها سترد.",
        ("SANCTION", ("algeria",), ("ستيفان روماتيه", "france")),
        "قررت الجزائر طرد السفير ستيفان روماتيه. وقالت فرنسا إنها سترد."),
    "dual_acts_with_pair": (
        "التقى ماكرون مع تبون، وتوصلا إلى اتفاق.",
        ("AGREE", ("abdelmadjid_tebboune", "emmanuel_macron"), ()),
        "التقى أردوغان بوتين في سوتشي."),
    "mutual_sides_act": (
        "وقّعت إثيوبيا مذكرة تفاهم مع كينيا.",
        ("AGREE", ("ethiopia", "kenya"), ()),
        "وقّعت إثيوبيا مذكرة تفاهم."),
    "second_side_past_relative": (
        "وقالت مصادر إن الاشتباكات اندلعت في العاصمة، بين «جهاز الردع» الذي يقوده قائد محلي "
        "منذ سنوات طويلة في المدينة، و«جهاز دعم الاستقرار».",
        ("ASSAULT", ("rada_force", "stability_support_apparatus"), ()),
        "وقالت مصادر إن الاشتباكات اندلعت في العاصمة، بين «جهاز الردع» الذي يقوده قائد محلي "
        "منذ سنوات طويلة في المدينة، وأضافت أن جهاز دعم الاستقرار لم يشارك."),
    "reaction_to_told_event": (
        "شنت إسرائيل غارات على غزة. ودان الاتحاد الأفريقي الهجوم.",
        ("ACCUSE", ("african_union",), ("israel",)),
        "شنت إسرائيل غارات على غزة. ودان الاتحاد الأفريقي إسرائيل."),
    "reacted_to_the_same_act": (
        "فرض الرئيس التونسي قيس سعيد حظر التجول. ورفضت حركة النهضة القرار، فيما أيدته "
        "حركة الشعب.",
        ("SUPPORT", ("peoples_movement_tunisia",), ("kais_saied",)),
        "فرض الرئيس التونسي قيس سعيد حظر التجول. وأيدت حركة الشعب القرار."),
    "own_state_not_target": (
        "حذّر رئيس الوزراء الإسرائيلي بنيامين نتنياهو من أن إسرائيل سترد على حزب الله.",
        ("THREATEN", ("benjamin_netanyahu",), ("hezbollah",)),
        "حذّر رئيس الوزراء الإسرائيلي بنيامين نتنياهو حزب الله."),
    "accepts_a_resignation": (
        "وافق مجلس النواب اللبناني، مساء الخميس، على استقالة رئيس الحكومة نواف سلام.",
        ("RETREAT", ("nawaf_salam",), ("lebanese_parliament",)),
        "وافق مجلس النواب اللبناني، مساء الخميس، على خطة الحكومة."),
    "resignation_accepted_by": (
        "وافق مجلس النواب اللبناني، مساء الخميس، على استقالة رئيس الحكومة نواف سلام.",
        ("RETREAT", ("nawaf_salam",), ("lebanese_parliament",)),
        "وأعلن رئيس الحكومة اللبنانية نواف سلام استقالته."),
    "spoken_for_by": (
        "ونفت وزارة الخارجية المصرية، على لسان المتحدث باسمها أحمد أبو زيد، الاتهامات "
        "الإثيوبية.",
        ("REJECT", ("egypt_foreign_ministry", "أحمد أبو زيد"), ()),
        "ونفت وزارة الخارجية المصرية الاتهامات الإثيوبية."),
    "withdrawn_from": (
        "انسحبت القوات الفرنسية من النيجر.",
        ("RETREAT", ("french_armed_forces",), ("niger",)),
        "طردت النيجر السفير الفرنسي من نيامي."),
    "passive_participle": (
        "وكان وزير الخارجية الأمريكي أنتوني بلينكن متهما بالتقصير.", None,
        "وانسحب الرئيس الفلسطيني محمود عباس من الاجتماع، متهما إسرائيل بعرقلة المفاوضات."),
    "main_subject_named": (
        "وقال الرئيس الجزائري عبد المجيد تبون إن بلاده لن تقبل التدخل، منددا بالغارات.",
        ("ACCUSE", ("abdelmadjid_tebboune",), ()),
        "وقال الرئيس الجزائري عبد المجيد تبون إن بلاده لن تقبل التدخل، منددا بموقف فرنسا."),
    "owed_is_asked": (
        "وأكد وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني أن على إسرائيل الانسحاب "
        "من غزة.",
        ("REQUEST", ("mohammed_bin_abdulrahman_al_thani",), ("israel",)),
        "وأكد وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني ضرورة انسحاب إسرائيل من "
        "غزة."),
    "reaction_to_a_nisba_thing": (
        "تتواصل الأزمة بين المغرب والجزائر. ورفضت الجزائر الاتهامات المغربية.",
        ("REJECT", ("algeria",), ("morocco",)),
        # (the ones attacked are no one blamed)
        "تتواصل الحرب بين العراق وإيران. وأدانت مصر الهجوم على القوات العراقية."),
    "object_of_a_reaction": (
        "وأدانت مصر قصف الجيش الإسرائيلي لمدينة غزة.",
        ("ASSAULT", ("israel_defense_forces",), ("gaza",)),
        "وأدانت مصر الهجوم، وقصف الجيش الإسرائيلي مدينة غزة."),
    "criticism_of_the_act_before": (
        "واصلت إسرائيل الغارات على غزة التي لقيت انتقادا من الرئيس الأمريكي دونالد ترامب.",
        ("ACCUSE", ("donald_trump",), ("israel",)),
        "وتلقت إسرائيل انتقادات من الأمم المتحدة."),
    "asked_from_after_the_object": (
        "أكدت مصر دعمها للسودان. وقالت مصر إنها تقدمت بطلب مساعدة عسكرية من روسيا.",
        ("REQUEST", ("egypt",), ("russia",)),
        # (right after the noun, "من X" names who asks)
        "وجاء الانسحاب بطلب من المجلس العسكري في النيجر."),
    "speaker_goes_on": (
        "وأكد الناطق باسم الخارجية الأردنية سفيان القضاة رفض المملكة للقرار. وحذر من "
        "عواقب الإجراءات الإسرائيلية على إسرائيل.",
        ("THREATEN", ("سفيان القضاة",), ("israel",)),
        # (a subject noun after the verb: someone else speaks)
        "وأكد الناطق باسم الخارجية الأردنية سفيان القضاة رفض المملكة للقرار. وحذر خبراء "
        "من عواقب الإجراءات الإسرائيلية على إسرائيل."),
    "named_by_speaker_goes_on": (
        "وأكد الناطق باسم الخارجية الأردنية سفيان القضاة رفض المملكة للقرار الإسرائيلي. "
        "وحذر من عواقب هذه الإجراءات.",
        ("THREATEN", ("سفيان القضاة",), ()),
        "وأكد الناطق باسم الخارجية الأردنية سفيان القضاة رفض المملكة للقرار. وحذر خبراء "
        "من عواقب الإجراءات."),
    "charge_behind_a_reaction": (
        "أعلنت كل من مالي والنيجر وبوركينا فاسو سحب سفرائها من الجزائر، وذلك على خلفية "
        "اتهام هذه الأخيرة بإسقاط طائرة مسيرة.",
        ("ACCUSE", ("mali", "niger", "burkina_faso"), ("algeria",)),
        "واندلع الخلاف بسبب اتهام السعودية قطر بدعم الإرهاب."),
    "named_by_charge_behind_a_reaction": (
        "أعلنت كل من مالي والنيجر وبوركينا فاسو سحب سفرائها من الجزائر، وذلك على خلفية "
        "اتهام هذه الأخيرة بإسقاط طائرة مسيرة.",
        ("ACCUSE", ("mali", "niger", "burkina_faso"), ("algeria",)),
        "واندلع الخلاف بسبب اتهام السعودية قطر بدعم الإرهاب."),
    "title_refers_back": (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره المصري. وانتقد الوزير الولايات "
        "المتحدة.",
        ("ACCUSE", ("sergey_lavrov",), ("united_states",)),
        # (the title with its own nisba is another minister)
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره المصري. وانتقد الوزير المصري "
        "الولايات المتحدة."),
    "named_by_title_refers_back": (
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره المصري. وندد الوزير بالغارات على "
        "غزة.",
        ("ACCUSE", ("sergey_lavrov",), ()),
        "التقى وزير الخارجية الروسي سيرغي لافروف نظيره المصري. وندد الوزير المصري بالغارات "
        "على غزة."),
    "call_for_violence_threatens": (
        "تتواصل الحرب بين إسرائيل وحماس. ودعا زعيم الحوثيين عبد الملك الحوثي إلى مهاجمة "
        "السفن الإسرائيلية في البحر الأحمر.",
        ("THREATEN", ("abdul_malik_al_houthi",), ("israel",)),
        "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف الهجمات على غزة."),
    "the_latter_as_genitive": (
        "وتأتي الضربات على وقع التوتر بين إيران والولايات المتحدة، وتهديد الأخيرة طهران "
        "بضربة عسكرية.",
        ("THREATEN", ("united_states",), ("iran",)),
        "وتأتي الضربات على وقع التوتر بين إيران والولايات المتحدة، وتهديد واشنطن طهران "
        "بضربة عسكرية."),
    "pronoun_subject_before": (
        "التقى الرئيس الأمريكي دونالد ترامب الرئيس الصيني شي جين بينغ، لكنه انتقد الصين "
        "بشدة.",
        ("ACCUSE", ("donald_trump",), ("china",)),
        "التقى الرئيس الأمريكي دونالد ترامب الرئيس الصيني شي جين بينغ، وانتقد الاتحاد "
        "الأوروبي الصين بشدة."),
    "named_by_pronoun_subject_before": (
        "ظهر الرئيس الأمريكي دونالد ترامب على غلاف مجلة تايم، لكنه أعرب عن استيائه من "
        "الصورة.",
        ("ACCUSE", ("donald_trump",), ()),
        "ظهر الرئيس الأمريكي دونالد ترامب على غلاف مجلة تايم، وأعرب عن استيائه من "
        "الصورة."),
    "necessity_is_a_demand": (
        "وأكد الرئيس اللبناني جوزيف عون ضرورة انسحاب الجيش الإسرائيلي من الجنوب.",
        ("REQUEST", ("joseph_aoun",), ("israel_defense_forces",)),
        "وأكد الرئيس اللبناني جوزيف عون انسحاب الجيش الإسرائيلي من الجنوب."),
    "future_retreat_concedes": (
        "وقال رئيس الوزراء العراقي مصطفى الكاظمي إنه سيقدم استقالته إلى البرلمان مطلع الشهر "
        "المقبل.",
        ("CONCEDE", ("mustafa_al_kadhimi",), ("iraqi_council_of_representatives",)),
        "وقدم رئيس الوزراء العراقي مصطفى الكاظمي استقالته إلى البرلمان."),
    "own_forces_called_threaten": (
        "ودعا قائد الجيش السوداني عبد الفتاح البرهان قواته إلى طرد قوات الدعم السريع من "
        "الخرطوم.",
        ("THREATEN", ("abdel_fattah_al_burhan",), ("rapid_support_forces",)),
        "ودعا قائد الجيش السوداني عبد الفتاح البرهان الأمم المتحدة إلى طرد قوات الدعم "
        "السريع من الخرطوم."),
    "envoy_told_to_leave": (
        "وبعد الخلاف مع فرنسا، طالبت الحكومة الجزائرية السفير الفرنسي بمغادرة البلاد.",
        ("SANCTION", ("algeria_government",), ("france",)),
        "وبعد الخلاف مع فرنسا، طالبت الحكومة الجزائرية السفير الفرنسي بتوضيح موقف بلاده."),
    "receiver_named_before": (
        "وتتزامن الجولة مع تقارير عن تلقي الجيش السوداني دعما عسكريا من روسيا.",
        ("AID", ("russia",), ("sudanese_armed_forces",)),
        "وتتزامن الجولة مع تقارير عن وصول دعم عسكري من روسيا إلى الجيش السوداني."),
    "aid_sent_to_before": (
        "نفذت الإمارات مساء الأحد ثلاث عمليات إنزال جوي على جنوب قطاع غزة تحمل مساعدات "
        "طبية.",
        ("AID", ("united_arab_emirates",), ("gaza_strip",)),
        "نفذت الإمارات مساء الأحد ثلاث عمليات إنزال جوي في قطاع غزة تحمل مساعدات طبية."),
    "seized_place_is_target": (
        "أعلنت قوات الدعم السريع سيطرتها على مخيم زمزم.",
        ("ASSAULT", ("rapid_support_forces",), ("zamzam_camp",)),
        "أعلنت قوات الدعم السريع سيطرتها على السودان."),
    "body_meets": (
        "وعقد الاجتماع الطارئ لمجلس وزراء الخارجية العرب مع وزير الخارجية التركي هاكان فيدان "
        "في القاهرة.",
        ("CONSULT", ("council_of_arab_foreign_ministers",), ("hakan_fidan",)),
        "وعقد اجتماع بين وزير الخارجية التركي هاكان فيدان ومجلس وزراء الخارجية العرب."),
    "repelled_attack": (
        "أعلنت القوات المسلحة السودانية صد هجوم على مدينة الأبيض.",
        ("ASSAULT", (), ("sudanese_armed_forces", "el_obeid")),
        "أعلنت القوات المسلحة السودانية شن هجوم على مدينة الأبيض."),
    "befallen_attack": (
        "أعلنت قيادة المنطقة تصدي الجيش السوداني لهجوم بالمسيرات نفذته قوات الدعم السريع على "
        "مدينة الأبيض.",
        ("ASSAULT", ("rapid_support_forces",), ("sudanese_armed_forces", "el_obeid")),
        "أعلنت قيادة المنطقة هجوما بالمسيرات نفذته قوات الدعم السريع على الجيش السوداني."),
    "interview_is_no_meeting": (
        "وقال الرئيس التركي رجب طيب أردوغان في مقابلة مع قناة الجزيرة إن بلاده ستدعم الحكومة.",
        ("COOPERATE", ("recep_tayyip_erdogan",), ()),
        "والتقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين."),
    "speakers_own_forces_act": (
        "وأعلن الجيش الأمريكي أن طائراته قصفت مواقع لتنظيم داعش في سوريا.",
        ("ASSAULT", ("us_armed_forces",), ("isis",)),
        "وأعلن الجيش الأمريكي أن مسلحين قصفوا مواقع لتنظيم داعش في سوريا."),
    "recalled_envoy_host": (
        "وقرر الرئيس التونسي قيس سعيد استدعاء سفير بلاده في ليبيا للتشاور احتجاجا على "
        "تصريحات عبد الحميد الدبيبة.",
        ("SANCTION", ("kais_saied",), ("libya",)),
        "واستدعت الجزائر السفير الفرنسي في العاصمة للتشاور."),
    "where_the_meeting_was": (
        "التقى أردوغان بوتين في أنقرة. وتظاهر آلاف المحتجين أثناء اللقاء.",
        ("PROTEST", (), ()),
        "التقى أردوغان بوتين في أنقرة. وتظاهر آلاف المحتجين في إسطنبول."),
    "crowd_names_its_country": (
        "وتظاهر آلاف الأردنيين في الشوارع. وتعيش الأردن أزمة.",
        ("PROTEST", (), ()),
        "وتظاهر آلاف المحتجين في عمّان."),
    "city_is_no_party": (
        "وقالت روسيا إن الرئيس التركي رجب طيب أردوغان شارك في القمة الروسية الإفريقية التي "
        "استضافتها سان بطرسبورغ.", None,
        "وقالت روسيا إن الرئيس التركي رجب طيب أردوغان شارك في القمة الروسية الإفريقية التي "
        "استضافتها موسكو."),
    "tour_stops_are_hosts": (
        # (the stops are hosts; with no visitor named the tour makes no event)
        "جولة إقليمية للوزير التركي تشمل مصر والأردن والعراق.", None,
        "زيارة للرئيس التركي رجب طيب أردوغان إلى مصر."),
    "host_receives_during": (
        "تعهد الرئيس البيلاروسي ألكسندر لوكاشينكو بتقديم الدعم، خلال استقباله أمس في مينسك "
        "المشير خليفة حفتر.",
        ("CONSULT", ("khalifa_haftar",), ("alexander_lukashenko",)),
        "وكان في استقباله الرئيس البيلاروسي ألكسندر لوكاشينكو."),
    "leader_by_title": (
        "وقال المتحدث إن وزير الخارجية الأمريكي ماركو روبيو تلقى اتصالا من الرئيس الروسي. "
        "وتحدث فلاديمير بوتين عن الحرب.",
        ("CONSULT", ("marco_rubio",), ("vladimir_putin",)),
        "وقال المتحدث إن وزير الخارجية الأمريكي ماركو روبيو تلقى اتصالا من الرئيس الروسي."),
    "named_by_leader_by_title": (
        "وأجرى الزعيم التركي ونظيره الروسي محادثات ثنائية. وقال رجب طيب أردوغان إن "
        "فلاديمير بوتين صديق.",
        ("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",)),
        "وأجرى الزعيم التركي ونظيره الروسي محادثات ثنائية."),
    "companions_travel_with": (
        "ووصل الرئيس التركي رجب طيب أردوغان إلى روسيا برفقة وزير الخارجية هاكان فيدان.",
        ("CONSULT", ("recep_tayyip_erdogan", "hakan_fidan"), ()),
        "ووصل الرئيس التركي رجب طيب أردوغان إلى روسيا."),
    "media_do_not_act": (
        "اتهمت صحيفة واشنطن بوست الحكومة الروسية بالتضليل.",
        ("ACCUSE", (), ("russian_government",)),
        "اتهمت الحكومة الروسية الحكومة الأوكرانية بالتضليل."),
    "leader_pledges": (
        "قال الرئيس الروسي فلاديمير بوتين إن روسيا ستزود إيران بأسلحة.",
        ("*", ("vladimir_putin",), ("iran",)),
        "قال الرئيس الروسي فلاديمير بوتين إن روسيا زودت إيران بأسلحة."),
    "attack_in_words": (
        "هاجم الرئيس الفلسطيني محمود عباس حركة حماس في كلمته.",
        ("ACCUSE", ("mahmoud_abbas",), ("hamas",)),
        "شنت إسرائيل هجوما على حركة حماس في غزة."),
    "chamber_approves": (
        "وافق البرلمان التركي على تمديد مهمة القوات التركية في ليبيا.",
        ("SUPPORT", ("turkish_grand_national_assembly",), ("turkish_armed_forces",)),
        "وافقت تركيا على المقترح الروسي."),
    "leader_commits_state": (
        "وأضاف وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني أن قطر مستعدة للحوار مع "
        "السعودية.",
        ("AGREE", ("mohammed_bin_abdulrahman_al_thani", "qatar"), ("saudi_arabia",)),
        "وأضاف وزير الخارجية القطري محمد بن عبد الرحمن آل ثاني أن مصر مستعدة للحوار مع "
        "السعودية."),
    "city_over_country": (
        "والتقى الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان بالعاصمة "
        "السعودية الرياض.",
        ("CONSULT", ("abdel_fattah_el_sisi",), ("recep_tayyip_erdogan",)),
        "والتقى الرئيس المصري عبد الفتاح السيسي الرئيس التركي رجب طيب أردوغان في السعودية."),
    "place_of_the_previous_act": (
        "اقتحمت القوات الإسرائيلية مدينة جنين صباح اليوم، وداهمت عدة منازل وسط حالة من "
        "التوتر الشديد بين السكان، واعتقلت الشاب محمد أحمد.",
        ("COERCE", ("israel_defense_forces",), ("محمد أحمد",)),
        "اقتحمت القوات الإسرائيلية مدينة جنين. واعتقلت الشرطة الفلسطينية الشاب محمد أحمد."),
    "place_past_the_reach": (
        "والتقى الوزير الروسي سيرغي لافروف، وهو من أقدم الدبلوماسيين في بلاده خلال العقود "
        "الماضية، بالرئيس المصري عبد الفتاح السيسي في مدينة الإسكندرية على البحر المتوسط.",
        ("CONSULT", ("sergey_lavrov",), ("abdel_fattah_el_sisi",)),
        "والتقى الوزير الروسي سيرغي لافروف، وهو من أقدم الدبلوماسيين في بلاده خلال العقود "
        "الماضية، بالرئيس المصري عبد الفتاح السيسي لبحث الأوضاع في مدينة الإسكندرية."),
    "state_owning_a_body": (
        "وأكد البيان استمرار التنسيق بين الحرس الثوري لإيران وسوريا.",
        ("COOPERATE", (), ("irgc", "syria")),
        "وأكد البيان استمرار التنسيق بين إيران وسوريا."),
    "agent_of_a_relative_clause": (
        "ونص اتفاق جدة، الذي رعته قطر، بين الحكومة السودانية وقوات الدعم السريع على وقف "
        "القتال.",
        ("AGREE", ("sudan_government", "rapid_support_forces"), ()),
        "ونص اتفاق جدة بين الحكومة السودانية وقوات الدعم السريع على وقف القتال."),
    "place_described_by_relative": (
        "وأعلنت وزارة الدفاع العراقية انسحاب القوات الأميركية من قاعدة عين الأسد التي تضم "
        "قوات للتحالف بقيادة الولايات المتحدة.",
        ("RETREAT", ("us_armed_forces",), ()),
        "وأعلنت وزارة الدفاع العراقية انسحاب القوات الأميركية من قاعدة عين الأسد."),
    "square_of_a_protest": (
        "وتظاهر مئات الطلاب، مساء الخميس، في ساحة النصر وسط عمّان، مطالبين بإصلاح التعليم.",
        ("PROTEST", (), ()),
        "وتظاهر مئات الطلاب، مساء الخميس، وسط عمّان، مطالبين بإصلاح التعليم."),
    "the_pair_acts_where_they_met": (
        "وصل الرئيس السوري أحمد الشرع إلى الرياض يوم 2 فبراير 2025. واستقبله ولي العهد "
        "السعودي الأمير محمد بن سلمان مساء اليوم نفسه. ودعا الجانبان الولايات المتحدة إلى "
        "رفع العقوبات عن سوريا.",
        ("REQUEST", ("ahmed_al_sharaa", "mohammed_bin_salman"), ("united_states",)),
        "وصل الرئيس السوري أحمد الشرع إلى الرياض يوم 2 فبراير 2025. ودعا الرئيس السوري "
        "الولايات المتحدة إلى رفع العقوبات عن سوريا."),
    "places_across_a_state": (
        "وشنت الطائرات الروسية غارات عنيفة على مدينة حلب وريف إدلب ومدينة حماة في سوريا.",
        ("ASSAULT", (), ()),
        "وشنت الطائرات الروسية غارات عنيفة على مدينة حلب في سوريا."),
    "city_of_the_acts_told": (
        "وصل وزير الخارجية الروسي سيرغي لافروف إلى الخرطوم في زيارة إلى السودان تستغرق "
        "يومين، والتقى رئيس مجلس السيادة عبد الفتاح البرهان.",
        ("CONSULT", ("sergey_lavrov",), ("abdel_fattah_al_burhan",)),
        "وصل وزير الخارجية الروسي سيرغي لافروف إلى السودان في زيارة تستغرق يومين، والتقى "
        "رئيس مجلس السيادة عبد الفتاح البرهان."),
    "place_of_what_is_asked": (
        "ودعا وزير الخارجية المصري بدر عبد العاطي إسرائيل إلى وقف فوري لإطلاق النار في قطاع "
        "غزة.",
        ("REQUEST", ("badr_abdelatty",), ("israel",)),
        "ودعا وزير الخارجية المصري بدر عبد العاطي في القاهرة إسرائيل إلى وقف فوري لإطلاق "
        "النار."),
    "the_place_left": (
        "وأكملت القوات الفرنسية انسحابها من تشاد الشهر الماضي.",
        ("RETREAT", ("french_armed_forces",), ("chad",)),
        "وأكملت القوات الفرنسية انسحابها الشهر الماضي."),
    "city_after_the_venue": (
        "وظهر الوزير خلال الاجتماع الطارئ لمجلس الأمن الدولي بمقر الأمم المتحدة، نيويورك، "
        "الخميس.",
        ("CONSULT", ("un_security_council",), ()),
        "وظهر الوزير خلال الاجتماع الطارئ لمجلس الأمن الدولي بمقر الأمم المتحدة في نيويورك "
        "الخميس."),
    "place_named_since_the_last_act": (
        "واعتقل الجيش الإسرائيلي شابين في نابلس، وامتدت المداهمات إلى الخليل المحتلة، "
        "وتحديدا مخيم الفوار للاجئين الفلسطينيين جنوب المدينة، واعتقل الفتى أحمد سالم.",
        ("COERCE", ("israel_defense_forces",), ("أحمد سالم",)),
        "واعتقل الجيش الإسرائيلي شابين في نابلس، وداهم منازل عدة، واعتقل الفتى أحمد سالم."),
}

def test_a_protest_with_a_place_and_nobody_named_is_an_event() -> None:
    _, events = traced("خرجت مظاهرات حاشدة في مدينة إربد.")
    assert ("PROTEST", (), ()) in events


ALL_RULES = (*GATES, *AFTER_ROLES, *ROLE_RULES, leader_pledges, leader_commits_state,
             *RESCUES)


def traced(text: str) -> tuple[set[str], list[tuple[str, tuple[str, ...], tuple[str, ...]]]]:
    """The steps and rules that fired on ``text``, and its events as (type, actor keys,
    target keys)."""
    doc = extract(text)
    res = helpers._PIPE.resources  # type: ignore[union-attr]
    trace: dict = {}
    evs = extract_events(doc, res.triggers, **res.event_maps, trace=trace)
    key = {e.id: e.kb_id or e.name for e in doc.entities}
    fired = {detail if step == "gate" else step for steps in trace.values()
             for step, detail in steps}
    return fired, [(ev.type, tuple(key[i] for i in ev.actors), tuple(key[i] for i in ev.targets))
                   for ev in evs]


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_fires_on_its_case_only(rule: str) -> None:
    positive, expected, negative = CASES[rule]
    fired, events = traced(positive)
    assert rule in fired, (rule, fired, events)
    if expected is not None:
        etype, actors, targets = expected
        assert any(etype in ("*", t) and set(a) == set(actors) and set(g) == set(targets)
                   for t, a, g in events), (expected, events)
    else:
        assert not events, events
    fired, events = traced(negative)
    assert rule not in fired, (rule, fired, events)


def test_catalogue_every_rule_has_an_example_and_a_test() -> None:
    names = [f.__name__ for f in ALL_RULES]
    assert len(names) == len(set(names)), "a rule is listed twice"
    arabic = re.compile(r"[\u0621-\u064A]{2,}")
    for f in ALL_RULES:
        assert f.__doc__ and arabic.search(f.__doc__), f"{f.__name__} lacks an Arabic example"
        assert f.__name__ in CASES, f"{f.__name__} has no test case in CASES"
    assert set(CASES) <= set(names), f"cases for unknown rules: {set(CASES) - set(names)}"


def test_an_act_asked_of_someone_is_no_event() -> None:
    # the demand verb, its object, then إلى or ب before the act asked for
    fired, events = traced("ودعا الرئيس الفرنسي إيمانويل ماكرون الحكومة الجزائرية إلى طرد "
                           "السفير الإيراني.")
    assert "demanded" in fired and all(t != "SANCTION" for t, _, _ in events), events


def test_a_failed_agreement_is_no_event() -> None:
    fired, events = traced("وتظاهر الآلاف بعد فشل اتفاق بين الحكومة السورية والمعارضة.")
    assert "negated_noun" in fired and all(t != "AGREE" for t, _, _ in events), events


def test_a_list_a_content_cue_opens_is_content() -> None:
    # the third item of what the demands contained is no sanction of its own
    fired, events = traced("وتضمنت الشروط وقف التعاون العسكري مع روسيا وإغلاق المعابر الحدودية "
                           "وتقليص التمثيل الدبلوماسي مع تركيا.")
    assert "content_of" in fired and all("turkey" not in g for _, _, g in events), events


def test_a_demand_behind_the_title_of_its_subject() -> None:
    # the comma that closes the subject's title does not end the demand
    fired, events = traced("ودعا الرئيس الليبي محمد المنفي، الحكومة الليبية إلى طرد السفير "
                           "الإيراني.")
    assert "demanded" in fired and all(t != "SANCTION" for t, _, _ in events), events


def test_power_gained_is_no_arrival() -> None:
    _, events = traced("وقال الرئيس الروسي فلاديمير بوتين إن الرئيس الانتقالي مامادي دومبويا الذي "
                       "وصل إلى السلطة بانقلاب يحظى بدعم شعبي.")
    assert all(t != "CONSULT" for t, _, _ in events), events


def test_talks_named_after_a_city_are_held_there() -> None:
    # "بعد محادثات جنيف": the city is where the talks were, no side of them
    _, events = traced("والتقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين بعد "
                       "محادثات سان بطرسبورغ.")
    assert all("saint_petersburg" not in (*a, *g) for _, a, g in events), events


def test_an_aside_between_dashes_takes_no_part() -> None:
    # the subject comes after the aside; what the aside names is no side
    _, events = traced("كما التقى - بحسب بيان السفارة الأمريكية - الرئيس التركي رجب طيب أردوغان "
                       "الرئيس الروسي فلاديمير بوتين.")
    assert events == [("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",))], events


def test_talks_that_name_nobody_are_the_dual_subject_s() -> None:
    fired, events = traced("والتقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين. "
                           "وأكد الرئيسان بعد محادثات سان بطرسبورغ ضرورة التعاون.")
    assert "pair_meets" in fired, fired
    assert ("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",)) in events, events


def test_a_meeting_behind_a_time_word_is_no_object_blocked() -> None:
    # "خلال اجتماعه" tells when the denial was made: the meeting is an event of its own
    _, events = traced("نفى الرئيس التركي رجب طيب أردوغان، خلال اجتماعه بالرئيس الروسي فلاديمير "
                       "بوتين، وجود خلافات بين البلدين.")
    assert ("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",)) in events, events
    assert ("REJECT", ("recep_tayyip_erdogan",), ()) in events, events


def test_a_body_s_own_session_is_a_meeting() -> None:
    # the noun's pronoun stands for the one body named: its own session
    _, events = traced("وبدأ البرلمان التركي، الأحد، اجتماعاته في أنقرة.")
    assert events == [("CONSULT", ("turkish_grand_national_assembly",), ())], events
    # one person alone holds no meeting
    _, events = traced("وأكد الرئيس التركي رجب طيب أردوغان خلال اجتماعه في أنقرة ضرورة التعاون.")
    assert all(t != "CONSULT" for t, _, _ in events), events


def test_a_visit_to_several_states_is_one_visit_to_each() -> None:
    _, events = traced("وزار الرئيس التركي رجب طيب أردوغان مصر والأردن.")
    assert events == [("CONSULT", ("recep_tayyip_erdogan",), ("egypt",)),
                      ("CONSULT", ("recep_tayyip_erdogan",), ("jordan",))], events
    # a reception by two hosts stays one event
    _, events = traced("واستقبل الرئيس المصري عبد الفتاح السيسي والملك الأردني عبد الله الثاني "
                       "الرئيس التركي رجب طيب أردوغان.")
    assert len([t for t, _, _ in events if t == "CONSULT"]) == 1, events


def test_names_after_a_clause_of_contrast_take_no_part() -> None:
    # "في حين" opens a clause of its own: Ankara is no side of the meeting
    _, events = traced("والتقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير بوتين، في "
                       "حين تتابع واشنطن المحادثات.")
    assert events == [("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",))], events


def test_a_reception_during_a_visit_is_told_apart() -> None:
    # the host past an adverb and a title is the subject of "استقبله"; the reception
    # "during" the visit is a second event
    _, events = traced("بدأ الرئيس التركي رجب طيب أردوغان زيارة إلى روسيا، استقبله خلالها الرئيس "
                       "الروسي فلاديمير بوتين.")
    assert events == [("CONSULT", ("recep_tayyip_erdogan",), ("russia",)),
                      ("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",))], events


def test_a_body_in_the_title_after_a_name_takes_no_part() -> None:
    # "X الأمين العام لمجلس الأمن": the council names X's office
    _, events = traced("والتقى المشير خليفة حفتر سيرغي شويغو الأمين العام لمجلس الأمن الروسي.")
    assert events == [("CONSULT", ("khalifa_haftar",), ("sergei_shoigu",))], events


def test_subject_behind_its_title_after_an_complementiser() -> None:
    # "أن الرئيس الروسي X استقبل Y": X is the subject (the host); a venue takes no part
    _, events = traced("وأكد الكرملين أن الرئيس الروسي فلاديمير بوتين استقبل المشير خليفة حفتر في "
                       "مبنى الكرملين.")
    assert events == [("CONSULT", ("khalifa_haftar",), ("vladimir_putin",))], events


def test_a_meeting_called_for_is_no_meeting() -> None:
    for text in ("وأدانت روسيا الغارات الأمريكية، وطلبت عقد اجتماع لمجلس الأمن الدولي.",
                 "روسيا تدعو لاجتماع مجلس الأمن الدولي"):
        fired, events = traced(text)
        # the meeting asked for is the request's object (blocked_noun) or gated (demanded)
        assert all(t != "CONSULT" for t, _, _ in events), events
    assert any(t == "REQUEST" for t, _, _ in traced(
        "وأدانت روسيا الغارات الأمريكية، وطلبت عقد اجتماع لمجلس الأمن الدولي.")[1])


def test_an_arrival_with_no_visitor_is_no_visit() -> None:
    fired, events = traced("وقال المسؤول إن الشحنة التي وصلت إلى النيجر كانت كبيرة.")
    assert "meeting_without_two_sides" in fired and not events, events


def test_a_landing_and_the_reception_after_it_are_two() -> None:
    # "حطّ" is an arrival; the reception joined on, its host past "في المطار", is another
    _, events = traced("وحطّ الرئيس التركي رجب طيب أردوغان في موسكو، واستقبله في المطار الرئيس "
                       "الروسي فلاديمير بوتين. وقالت روسيا إن الزيارة ناجحة.")
    assert ("CONSULT", ("recep_tayyip_erdogan",), ("vladimir_putin",)) in events, events
    assert len([t for t, _, _ in events if t == "CONSULT"]) == 2, events


def test_a_stop_still_to_come_is_no_visit() -> None:
    fired, events = traced("وزار الرئيس التركي رجب طيب أردوغان روسيا، على أن يختتم جولته في "
                           "إيران.")
    assert "meeting_to_come" in fired, fired
    assert events == [("CONSULT", ("recep_tayyip_erdogan",), ("russia",))], events


def test_a_clause_of_time_keeps_its_own_subject() -> None:
    # the sides of the agreement do not make the call: "قبل أن" opens a clause with its own
    # subject
    _, events = traced("واتفقت تركيا وروسيا على التعاون، قبل أن يجري الرئيس التركي رجب طيب أردوغان "
                       "اتصالا هاتفيا بالرئيس الروسي فلاديمير بوتين.")
    calls = [{*a, *g} for t, a, g in events if t == "CONSULT"]
    assert calls == [{"recep_tayyip_erdogan", "vladimir_putin"}], events


def test_who_attended_a_meeting_told_makes_no_new_one() -> None:
    fired, events = traced("والتقى الرئيس التركي رجب طيب أردوغان الرئيس الروسي فلاديمير "
                           "بوتين. وحضر اللقاء وزير الخارجية التركي هاكان فيدان.")
    assert "meeting_characterised" in fired, fired
    assert len([t for t, _, _ in events if t == "CONSULT"]) == 1, events


def test_an_amount_reached_is_no_arrival() -> None:
    _, events = traced("وقال الرئيس الروسي فلاديمير بوتين إن صادرات الغاز إلى تركيا قد تصل إلى "
                       "40 مليار متر مكعب، بما يصل إلى نصف حاجتها.")
    assert all(t != "CONSULT" for t, _, _ in events), events
    _, events = traced("ووصل الرئيس الروسي فلاديمير بوتين إلى طهران.")
    assert [t for t, _, _ in events] == ["CONSULT"]


def test_a_habit_told_with_a_single_word() -> None:
    fired, events = traced("ولطالما نفت الحكومة المالية وجود مقاتلي فاغنر على أراضيها.")
    assert "told_as_habit" in fired and not events, events


def test_an_envoy_of_another_clause_makes_no_appointment() -> None:
    _, events = traced("وتأتي الزيارة بعد أن عُيّن صدام حفتر نائبا للقائد العام، بينما تسعى "
                       "المبعوثة الأممية إلى ليبيا هانا تيتيه إلى تنفيذ خطتها.")
    assert all(t != "COOPERATE" for t, _, _ in events), events


def test_a_protest_noun_refers_back_to_the_protest_told() -> None:
    fired, events = traced("وتظاهر آلاف المحتجين في عمّان. وأعلن وزير الداخلية الأردني مازن "
                           "الفراية توقيف عشرات بعد الاحتجاجات.")
    assert "refers_back" in fired and [t for t, _, _ in events].count("PROTEST") == 1, events


def test_an_attack_in_words_is_criticism() -> None:
    _, events = traced("وهاجم وزير الخارجية الروسي سيرغي لافروف الغرب وسياساته في إفريقيا.")
    assert [(t, a) for t, a, _ in events] == [("ACCUSE", ("sergey_lavrov",))], events
    _, events = traced("وهاجمت قوات الدعم السريع مدينة الفاشر.")
    assert [t for t, _, _ in events] == ["ASSAULT"], events
    # a person's attack on a town is no criticism
    _, events = traced("وهاجم المشير خليفة حفتر مدينة طرابلس بعد أيام من فشل المفاوضات.")
    assert "ACCUSE" not in [t for t, _, _ in events], events


def test_a_cause_named_is_background() -> None:
    fired, events = traced("واندلع الخلاف بسبب اتهام السعودية قطر بدعم الإرهاب.")
    assert "standing_or_cause" in fired and not events, events
    # an accusation 'على خلفية' is the subject's own charge, news of its own
    fired, _ = traced("واستدعت غانا سفيرها من توغو على خلفية اتهامها توغو بقصف قرية "
                      "حدودية.")
    assert "standing_or_cause" not in fired


def test_what_is_asked_for_with_talab_is_no_event() -> None:
    fired, events = traced("وأرسل رئيس الوزراء العراقي عادل عبد المهدي كتابا بطلب الاستقالة.")
    assert "demanded" in fired and all(t != "RETREAT" for t, _, _ in events), events


def test_what_a_demand_noun_asks_for_is_no_event() -> None:
    fired, events = traced("وأرسلت قطر وفدا إلى الخرطوم، إثر مطالبة الاتحاد الإفريقي بمنح "
                           "البعثة المشتركة تفويضا جديدا.")
    assert "demanded" in fired and all(t != "COOPERATE" for t, _, _ in events), events


def test_what_a_sanction_or_an_airdrop_targets_is_no_attack() -> None:
    for text in ("وفرضت الولايات المتحدة عقوبات جديدة استهدفت شركات إيرانية.",
                 "وشاركت طائرات نقل مصرية في عملية الإنزال التي استهدفت بلدات شمال "
                 "غزة."):
        _, events = traced(text)
        assert all(t != "ASSAULT" for t, _, _ in events), (text, events)


def test_an_airport_receiving_flights_is_no_visit() -> None:
    _, events = traced("وأكد مسؤول ليبي أن بحوزته وثائق تثبت استقبال مطارات النيجر نحو 250 "
                       "رحلة شحن.")
    assert all(t != "CONSULT" for t, _, _ in events), events


def test_no_function_of_the_events_layer_needs_scrolling() -> None:
    # issue #14: no function in marsad/events/ longer than 80 lines
    import ast
    from pathlib import Path

    import marsad.events as pkg

    long = []
    for path in Path(pkg.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > 80:
                    long.append(f"{path.name}:{node.name} ({size} lines)")
    assert not long, long


def test_a_city_after_the_venue_is_the_place_not_a_side() -> None:
    doc = extract("وظهر الوزير خلال الاجتماع الطارئ لمجلس الأمن الدولي بمقر الأمم المتحدة، "
                  "نيويورك، الخميس.")
    res = helpers._PIPE.resources  # type: ignore[union-attr]
    evs = extract_events(doc, res.triggers, **res.event_maps)
    key = {e.id: e.kb_id for e in doc.entities}
    assert [(key[ev.location or ""], [key[t] for t in ev.targets]) for ev in evs] == [
        ("new_york_city", [])]


def test_a_state_or_a_people_s_land_still_raids() -> None:
    # a state with no capital in the article, or a land with a nisba, is no town
    fired, events = traced("وشنت إسرائيل غارات على مدينة صور.")
    assert ("ASSAULT", ("israel",), ("tyre",)) in events


def test_a_crowd_borrows_no_actor_and_a_city_is_where_it_marched() -> None:
    # the sentence's attacker does not march; the residents' city is where they marched
    fired, events = traced("قصف الجيش الإسرائيلي مواقع في غزة، فخرجت مسيرات غاضبة في بيروت.")
    assert ("PROTEST", (), ()) in events, events
    assert ("ASSAULT", ("israel_defense_forces",), ()) in events, events
    fired, events = traced("خرج سكان نيالا في مسيرات حاشدة.")
    assert ("PROTEST", (), ()) in events and "city_is_no_party" in fired, events
    # a group named as the crowd's members still marches
    fired, events = traced("وتظاهر المئات من أنصار التيار الصدري أمام السفارة.")
    assert ("PROTEST", ("sadrist_movement",), ()) in events, events


def test_a_verb_joined_on_goes_on_with_the_last_verb_s_subject() -> None:
    # the strikes named as what Russia condemned are no subject for the verb joined on
    fired, events = traced("أدانت روسيا، الضربات الأمريكية على مواقع في سوريا، وطلبت عقد "
                           "اجتماع عاجل لمجلس الأمن الدولي. وقالت الولايات المتحدة إنها سترد.")
    assert ("REQUEST", ("russia",), ("un_security_council",)) in events, events


def test_a_nisba_d_unit_is_the_army_the_article_names() -> None:
    # the state goes unnamed; its army is named: an act of force is the army's
    fired, events = traced("قال الجيش الإسرائيلي إنه يلاحق المسلحين. وقصفت الطائرات الحربية "
                           "الإسرائيلية مباني لحزب الله.")
    assert ("ASSAULT", ("israel_defense_forces",), ("hezbollah",)) in events
    # a shipment is no act of force: no army for it
    fired, events = traced("قال الجيش الإسرائيلي إنه يراقب المعبر. ووصلت مساعدات إسرائيلية "
                           "إلى المدينة.")
    assert not any(ev[0] == "AID" and ev[1] for ev in events), events


def test_a_place_noun_s_nisba_names_no_side() -> None:
    # "في العاصمة الليبية" says where the clashes were; militias' nisba says whose they are
    fired, events = traced("اندلعت اشتباكات مسلحة في العاصمة الليبية طرابلس بين مليشيات "
                           "متناحرة. وأعلنت ليبيا الحداد.")
    assert not fired & {"nisba_names_actor", "nisba_names_target"}, events
    fired, events = traced("اندلعت اشتباكات مسلحة بين مليشيات ليبية متناحرة. وأعلنت ليبيا "
                           "الحداد.")
    assert ("ASSAULT", ("libya",), ()) in events


def test_a_clash_in_the_towns_of_a_list_has_no_town_for_a_side() -> None:
    # the towns after a dual or plural place noun are where the clash was, not its sides
    _, events = traced("واندلعت اشتباكات عنيفة في قريتي مرجانة وكفر سنبل فجر اليوم.")
    assert [e for e in events if e[0] == "ASSAULT"] == [("ASSAULT", (), ())], events


def test_a_verbs_form_behind_a_preposition_can_be_a_documents_content() -> None:
    # "تقضي بنشر": نشر behind ب is the verbal noun, what the memorandum provides for
    fired, events = traced("ووقع البلدان مذكرة تفاهم تقضي بنشر قوات مشتركة على الحدود.")
    assert "content_of" in fired and all(t != "MOBILIZE" for t, _, _ in events), events


def test_any_act_is_no_act_that_happened() -> None:
    # "أي هجوم": whatever attack may come, not one told
    fired, events = traced("هددت إيران بالرد على أي هجوم إسرائيلي يستهدف منشآتها النووية.")
    assert "planned" in fired and [t for t, _, _ in events] == ["THREATEN"], events


def test_a_verb_s_form_behind_a_topic_preposition_is_the_topic() -> None:
    # a verb never follows بشأن or يتعلق: the form is the verbal noun, what is talked about
    fired, events = traced("واستمعت محكمة العدل الدولية إلى مرافعات السودان بشأن طلب الخرطوم "
                           "وقف الحرب.")
    assert "topic_of_another" in fired and not [e for e in events if e[0] == "REQUEST"], events
    fired, events = traced("ورفع السودان دعوى ضد الإمارات فيما يتعلق بالهجمات على مدينة "
                           "الجنينة.")
    assert "topic_of_another" in fired and not [e for e in events if e[0] == "ASSAULT"], events
    _, events = traced("وطلب السودان من الإمارات وقف الحرب.")
    assert [e[0] for e in events] == ["REQUEST"], events


def test_an_act_told_with_without_did_not_happen() -> None:
    fired, events = traced("وقد نددت الحكومة المالية بتصريحات الرئيس الغاني نانا أكوفو أدو دون "
                           "أن تنفيها.")
    assert "negated" in fired and not [e for e in events if e[0] == "REJECT"], events
    fired, events = traced("ودخلت القوات التركية إلى سوريا دون تنسيق مع الحكومة السورية.")
    assert "negated_noun" in fired and not [e for e in events if e[0] == "COOPERATE"], events
    fired, events = traced("وأعلنت الحكومة الأردنية تجميد إنشاء قاعدة أمريكية في المفرق.")
    assert "negated_noun" in fired and not events, events


def test_what_a_trip_is_for_is_no_event() -> None:
    # a purpose is no happening told (annotation.md: statements of purpose)
    fired, events = traced("ووصل وزير الخارجية التركي هاكان فيدان إلى الرياض للمشاركة في "
                           "اجتماع مع نظيره السعودي.")
    assert "planned" in fired and [e[0] for e in events] == ["CONSULT"], events
    fired, events = traced("واستدعت الخارجية الجزائرية السفير الفرنسي للتعبير عن رفضها "
                           "للتصريحات.")
    assert not [e for e in events if e[0] == "REJECT"], events


def test_an_agreement_behind_a_preposition_is_known_unless_its_making_is_told() -> None:
    fired, events = traced("ونددت الحكومة اللبنانية بالانتهاكات الإسرائيلية المتكررة لاتفاق وقف "
                           "إطلاق النار.")
    assert "known_agreement" in fired and [e[0] for e in events] == ["ACCUSE"], events
    # a relative clause after it tells its making: the signing is told
    fired, events = traced("وتأتي الشحنة تنفيذا لبروتوكول التعاون العسكري الذي وقعه الرئيس "
                           "المصري عبد الفتاح السيسي والرئيس الصومالي حسن شيخ محمود في القاهرة.")
    assert ("AGREE", ("abdel_fattah_el_sisi", "hassan_sheikh_mohamud"), ()) in events, events


def test_a_plan_s_content_is_no_event() -> None:
    # annotation.md: plans are not events
    fired, events = traced("وتوصلت واشنطن وبغداد إلى تفاهم بشأن خطط انسحاب القوات الأمريكية "
                           "من العراق.")
    assert "topic_of_another" in fired and not [e for e in events if e[0] == "RETREAT"], events
    _, events = traced("وبدأ انسحاب القوات الأمريكية من العراق.")
    assert [e[0] for e in events] == ["RETREAT"], events


def test_a_commitment_is_no_agreement_noun_and_a_noun_opening_like_a_future_is_no_verb() -> None:
    # "التزام" begins with the letters of the article: no agreement named behind على
    fired, _ = traced("وأكد الرئيس اللبناني على التزام لبنان بالقرار الدولي.")
    assert "known_agreement" not in fired
    # "سياسية" opens like a future verb (سيـ): no forecast
    fired, _ = traced("وقال الوزير إن هجمات الجيش على المدينة سياسية بامتياز.")
    assert "forecast" not in fired
    # a noun in a relative clause is no subject of the future verb after it
    fired, _ = traced("وقال مسؤول إن المعتقلين الذين شملهم العفو سيفرج عنهم فورا.")
    assert "forecast" not in fired


def test_the_sides_after_a_named_cooperation_agreement_sign_it() -> None:
    # "اتفاقية تعاون عسكري بين تونس والجزائر": the cooperation names the document
    _, events = traced("تم توقيع اتفاقية تعاون عسكري بين تونس والجزائر.")
    assert [(t, set(a)) for t, a, _ in events] == [("AGREE", {"tunisia", "algeria"})], events
