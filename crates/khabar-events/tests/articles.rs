//! Quotes and events on short articles written for these tests in the style of Persian
//! outlets (IRNA, ISNA, Fars, BBC Persian). Not copies of any article.

use khabar_entities::{Day, Recognizer};
use khabar_events::{EventStatus, Layer, analyze};
use proptest::prelude::*;

fn run(text: &str, day: Option<Day>) -> Layer {
    let ents = Recognizer::builtin().recognize(text, day);
    let layer = analyze(text, &ents, day);
    let chars: Vec<char> = text.chars().collect();
    for q in &layer.quotes {
        let s: String = chars[q.start..q.end].iter().collect();
        assert_eq!(s, q.text, "quote span indexes text");
    }
    for e in &layer.events {
        assert!(e.evidence.start <= e.evidence.end && e.evidence.end <= chars.len());
    }
    layer
}

fn speaker_of<'a>(l: &'a Layer, prefix: &str) -> Option<&'a str> {
    let q = l
        .quotes
        .iter()
        .find(|q| q.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no quote {prefix:?}: {:#?}", l.quotes));
    q.speaker_name_en.as_deref()
}

const D1: Option<Day> = Some(Day(2023, 5, 15)); // a Monday

#[test]
fn a_second_speaker_named_before_an_office_is_not_the_first() {
    // Mehr-style match report: the home coach speaks, then the visiting coach, named by a first name that is
    // also a month and a surname no list has.
    let text = "سرمربی تیم فوتبال استقلال پس از تساوی برابر سپاهان گفت که تیمش شایسته پیروزی بود.\n\
                ریکاردو ساپینتو در نشست خبری پس از بازی اظهار کرد: ما موقعیت‌های زیادی ایجاد کردیم.\n\
                وی افزود: بازیکنانم از تصمیمات داور گلایه دارند.\n\
                محرم نویدکیا سرمربی سپاهان نیز گفت: بازی سختی بود و از عملکرد تیمم راضی هستم.";
    let l = run(text, D1);
    let fa = |prefix: &str| {
        l.quotes.iter().find(|q| q.text.starts_with(prefix)).and_then(|q| q.speaker_name_fa.clone())
    };
    assert_eq!(fa("ما موقعیت").as_deref(), Some("ریکاردو ساپینتو"));
    assert_eq!(fa("بازیکنانم").as_deref(), Some("ریکاردو ساپینتو"));
    assert_eq!(fa("بازی سختی").as_deref(), Some("محرم نویدکیا"));
}

#[test]
fn colon_quotes_and_pronoun_chain_irna_style() {
    let t = "به گزارش ایرنا، ناصر کنعانی سخنگوی وزارت امور خارجه صبح امروز در نشست خبری هفتگی گفت: ایران از هر ابتکاری برای پایان جنگ حمایت می‌کند.\n\n\
             وی در ادامه افزود: دیپلماسی منطقه‌ای در ماه‌های اخیر نتایج خوبی داشته است.\n\n\
             این مقام همچنین تاکید کرد که تهران به تعهدات خود پایبند است.\n\n\
             سخنگوی دستگاه دیپلماسی درباره مذاکرات گفت رایزنی‌ها با طرف‌های اروپایی ادامه دارد.";
    let l = run(t, D1);
    assert_eq!(
        speaker_of(&l, "ایران از هر ابتکاری"),
        Some("Nasser Kanaani")
    );
    assert_eq!(speaker_of(&l, "دیپلماسی منطقه‌ای"), Some("Nasser Kanaani"));
    assert_eq!(speaker_of(&l, "تهران به تعهدات"), Some("Nasser Kanaani"));
    assert_eq!(speaker_of(&l, "رایزنی‌ها با طرف‌های"), Some("Nasser Kanaani"));
    let q = l
        .quotes
        .iter()
        .find(|q| q.text.starts_with("تهران"))
        .unwrap();
    assert!(!q.direct, "گفت که is reported speech");
    assert_eq!(
        l.quotes
            .iter()
            .find(|q| q.text.starts_with("ایران"))
            .unwrap()
            .verb,
        "گفت"
    );
}

#[test]
fn quote_in_following_paragraphs_until_next_attribution_fars_style() {
    let t = "عباس عراقچی وزیر امور خارجه در جمع خبرنگاران تصریح کرد:\n\n\
             ما برای مذاکره آماده‌ایم اما زیر فشار مذاکره نمی‌کنیم.\n\n\
             هیچ کشوری نمی‌تواند اراده خود را بر ملت ایران تحمیل کند.\n\n\
             سرگئی لاوروف وزیر خارجه روسیه نیز اظهار داشت: مسکو از حق ایران دفاع می‌کند.";
    let l = run(t, Some(Day(2024, 11, 14)));
    let q = l
        .quotes
        .iter()
        .find(|q| q.text.starts_with("ما برای مذاکره"))
        .expect("quote after the colon");
    assert_eq!(q.speaker_name_en.as_deref(), Some("Abbas Araghchi"));
    assert!(
        q.text.contains("هیچ کشوری"),
        "continues into the next paragraph"
    );
    assert!(!q.text.contains("لاوروف"), "stops at the next attribution");
    assert_eq!(speaker_of(&l, "مسکو از حق"), Some("Sergey Lavrov"));
}

#[test]
fn headline_guillemets_and_according_to_bbc_style() {
    let t = "لاوروف: تحریم‌ها نتیجه‌ای نخواهد داشت\n\n\
             سرگئی لاوروف، وزیر خارجه روسیه، روز یکشنبه در مسکو گفت: «غرب باید واقعیت‌های جدید را بپذیرد.»\n\n\
             به گفته آقای لاوروف، روسیه به همکاری با ایران ادامه خواهد داد.";
    let l = run(t, D1);
    assert_eq!(speaker_of(&l, "تحریم‌ها نتیجه‌ای"), Some("Sergey Lavrov"));
    let q = l.quotes.iter().find(|q| q.text.starts_with("غرب")).unwrap();
    assert_eq!(q.text, "غرب باید واقعیت‌های جدید را بپذیرد.");
    assert!(q.direct);
    assert_eq!(speaker_of(&l, "روسیه به همکاری"), Some("Sergey Lavrov"));
}

#[test]
fn nested_quotes_isna_style() {
    let t = "ناصر کنعانی سخنگوی وزارت امور خارجه تصریح کرد: امیرعبداللهیان در این دیدار مواضع ایران را تشریح کرد و اسماعیل هنیه نیز اعلام کرد که مقاومت برای آتش‌بس پایدار آماده است.";
    let l = run(t, D1);
    let outer = l
        .quotes
        .iter()
        .position(|q| q.text.starts_with("امیرعبداللهیان"))
        .unwrap();
    assert_eq!(
        l.quotes[outer].speaker_name_en.as_deref(),
        Some("Nasser Kanaani")
    );
    let inner = l
        .quotes
        .iter()
        .find(|q| q.text.starts_with("مقاومت برای"))
        .unwrap();
    assert_eq!(inner.speaker_name_en.as_deref(), Some("Ismail Haniyeh"));
    assert_eq!(inner.nested_in, Some(outer));
}

#[test]
fn indirect_judgement_and_group_speaker() {
    let t = "اسماعیل هنیه در ادامه، تحولات اخیر منطقه را نشان‌دهنده شکست اشغالگران دانست.\n\n\
             همچنین فرماندهان مقاومت فلسطین تاکید کردند: مقاومت امروز از هر زمان دیگری قوی‌تر است.";
    let l = run(t, D1);
    let q = l
        .quotes
        .iter()
        .find(|q| q.text.starts_with("تحولات اخیر"))
        .unwrap();
    assert_eq!(q.speaker_name_en.as_deref(), Some("Ismail Haniyeh"));
    assert!(!q.direct);
    let g = l
        .quotes
        .iter()
        .find(|q| q.text.starts_with("مقاومت امروز"))
        .unwrap();
    assert_eq!(g.speaker, None);
    assert!(g.speaker_group.as_deref().unwrap().starts_with("فرماندهان"));
}

#[test]
fn group_speaker_ends_after_a_place_or_organization() {
    // The object after the group ("گزارشی") is not part of its name; "و" joins a second place.
    let t = "فرماندهان مقاومت فلسطین گزارشی از عملیات ارائه و تاکید کردند: دشمن امروز ضعیف‌تر از همیشه است.

             وزرای خارجه ایران و عراق در بیانیه‌ای مشترک تاکید کردند: همکاری دو کشور ادامه دارد.";
    let l = run(t, D1);
    let group = |prefix: &str| {
        l.quotes
            .iter()
            .find(|q| q.text.starts_with(prefix))
            .and_then(|q| q.speaker_group.clone())
            .unwrap_or_else(|| panic!("no group quote {prefix:?}: {:#?}", l.quotes))
    };
    assert_eq!(group("دشمن امروز"), "فرماندهان مقاومت فلسطین");
    assert_eq!(group("همکاری دو کشور"), "وزرای خارجه ایران و عراق");
}

#[test]
fn meetings_with_location_date_and_status() {
    let t = "به گزارش ایرنا، عباس عراقچی وزیر امور خارجه روز یکشنبه در مسکو با سرگئی لاوروف دیدار و گفت‌وگو کرد.\n\n\
             قرار است عراقچی هفته آینده با هاکان فیدان وزیر خارجه ترکیه دیدار کند.\n\n\
             عراقچی در ژنو با هیچ مقام آمریکایی دیدار نکرد.";
    let l = run(t, Some(Day(2024, 11, 14))); // Thursday
    let met = l
        .events
        .iter()
        .find(|e| e.actors.contains(&"sergey-lavrov".to_string()))
        .expect("meeting with Lavrov");
    assert_eq!(met.event_type, "CONSULT");
    assert_eq!(met.status, EventStatus::Reported);
    assert_eq!(met.location_en.as_deref(), Some("Moscow"));
    assert_eq!(met.date.as_deref(), Some("2024-11-10"));
    assert!(met.english.starts_with("Abbas Araghchi"), "{}", met.english);
    assert!(met.english.contains("met Sergey Lavrov"), "{}", met.english);
    let planned = l
        .events
        .iter()
        .find(|e| e.actors.contains(&"hakan-fidan".to_string()))
        .expect("planned meeting");
    assert_eq!(planned.status, EventStatus::Planned);
    assert_eq!(planned.date.as_deref(), Some("2024-11-21"));
    let neg = l
        .events
        .iter()
        .find(|e| e.status == EventStatus::Negated)
        .expect("negated meeting");
    assert_eq!(neg.actors[0], "abbas-araghchi");
    assert!(neg.english.contains("did not meet"), "{}", neg.english);
}

#[test]
fn a_press_conference_is_no_meeting_and_a_supervisor_is_not_condemned() {
    let t = "تهران- ایرنا- سخنگوی وزارت امور خارجه در نشست هفتگی با خبرنگاران، حمله به تاسیسات هسته‌ای تحت نظارت آژانس را محکوم کرد.\n\
             به گزارش ایرنا، اسماعیل بقائی روز دوشنبه در نشست خبری هفتگی افزود: آژانس بین‌المللی انرژی اتمی وظیفه دارد موضع روشنی اتخاذ کند.";
    let l = run(t, Some(Day(2025, 11, 10)));
    assert!(!l.events.iter().any(|e| e.event_type == "CONSULT"), "{:#?}", l.events);
    let condemn = l.events.iter().find(|e| e.mode == "condemn" || e.english.contains("condemned")).expect("the condemnation");
    assert_eq!(condemn.actors, ["esmaeil-baghaei"], "{condemn:#?}");
}

#[test]
fn a_partner_named_by_an_office_the_article_gives_a_person() {
    // The lead names the ambassador by office only; the next sentence names him. One meeting, with him.
    let t = "رئیس کل بانک مرکزی در دیدار سفیر روسیه در تهران بر ضرورت اتصال شبکه‌های پرداخت دو کشور تاکید کرد.\n\
             به گزارش تسنیم، محمدرضا فرزین روز سه‌شنبه در دیدار با الکسی ددهاف سفیر روسیه در تهران گفت: مبادلات رو به رشد است.";
    let l = run(t, Some(Day(2025, 11, 11)));
    let meetings: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0].actors.len(), 2, "{meetings:#?}");
    assert_eq!(meetings[0].actors[0], "mohammad-reza-farzin");
    assert!(meetings[0].actors[1].starts_with("local-"), "{meetings:#?}");
    assert!(meetings[0].english.contains("(Ambassador of Russia)"), "{}", meetings[0].english);
}

#[test]
fn according_to_with_guillemets_quotes_what_they_enclose() {
    let t = "کرملین بیانیه‌ای منتشر کرد.\n\
             به گفته دیمیتری پسکوف، سخنگوی کرملین، «روسیه همواره از مذاکره حمایت کرده است».";
    let l = run(t, Some(Day(2025, 12, 2)));
    let q = l.quotes.iter().find(|q| q.verb_en == "according to").expect("the quote");
    assert_eq!(q.text, "روسیه همواره از مذاکره حمایت کرده است");
    assert!(q.direct);
    assert_eq!(q.speaker.as_deref(), Some("dmitry-peskov"));
    // The role right after the name, without a comma of its own, is not quoted either.
    let t = "به گفته آنتونیو گوترش دبیرکل سازمان ملل، این اقدام تنش‌ها در منطقه را افزایش می‌دهد.";
    let l = run(t, Some(Day(2024, 7, 31)));
    let q = l.quotes.iter().find(|q| q.verb_en == "according to").expect("the quote");
    assert_eq!(q.text, "این اقدام تنش‌ها در منطقه را افزایش می‌دهد.");
    assert_eq!(q.speaker.as_deref(), Some("antonio-guterres"));
}

#[test]
fn a_speakers_own_present_action_is_planned_and_a_bare_later_in_the_sitting_is_that_sitting() {
    let t = "ترامپ: با ایران مذاکره می‌کنیم\n\
             دونالد ترامپ، رئیس جمهور آمریکا، روز سه‌شنبه در کاخ سفید به خبرنگاران گفت که آماده گفت‌وگو است.";
    let l = run(t, Some(Day(2025, 12, 2)));
    let talks = l.events.iter().find(|e| e.event_type == "CONSULT").expect("the talks");
    assert_eq!(talks.status, EventStatus::Planned, "{talks:#?}");
    // A performative present is done in saying it.
    let t = "عباس عراقچی در دیدار با نجیب میقاتی گفت: ما از تلاش‌ها برای برقراری آتش‌بس حمایت می‌کنیم.";
    let l = run(t, Some(Day(2024, 10, 4)));
    let support = l.events.iter().find(|e| e.event_type == "SUPPORT").expect("the support");
    assert_eq!(support.status, EventStatus::Reported, "{support:#?}");
    // "در ادامه جلسه،" after a public sitting of parliament is that sitting: no meeting of the next speaker.
    let t = "محمدباقر قالیباف در جلسه علنی امروز مجلس گفت: دولت باید به معیشت مردم توجه کند.\n\
             در ادامه جلسه، علیرضا سلیمی عضو هیئت رئیسه مجلس گفت: نمایندگان طرح مسکن را بررسی خواهند کرد.";
    let l = run(t, Some(Day(2025, 12, 5)));
    assert!(!l.events.iter().any(|e| e.event_type == "CONSULT"), "{:#?}", l.events);
    // So after a speech "در نطق پیش از دستور جلسه علنی مجلس" (the sitting named without "در").
    let t = "محمدباقر قالیباف امروز در نطق پیش از دستور جلسه علنی مجلس گفت: دولت باید قیمت‌ها را کنترل کند.\n\
             در ادامه جلسه، حمیدرضا حاجی بابایی نایب رئیس مجلس نیز گفت: مجلس در کنار دولت است.";
    let l = run(t, Some(Day(2025, 12, 9)));
    assert!(!l.events.iter().any(|e| e.event_type == "CONSULT"), "{:#?}", l.events);
}

#[test]
fn a_guillemet_quote_over_two_paragraphs_and_a_surname_written_apart() {
    let t = "محمدرضا موالی زاده استاندار خوزستان امروز در آیین آغاز طرح گفت: اعتبار این طرح تامین شده است.\n\n\
             وی ادامه داد: «۲۳ روستا از این طرح بهره‌مند می‌شوند.\n\n\
             همچنین لوله‌گذاری خط انتقال تا ۶ ماه آینده به پایان می‌رسد.»\n\n\
             مدیرعامل شرکت آب و فاضلاب خوزستان نیز گفت: این طرح با مشارکت قرارگاه اجرا می‌شود.";
    let l = run(t, Some(Day(2025, 12, 7)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("۲۳ روستا")).expect("the quote");
    assert!(q.text.ends_with("به پایان می‌رسد."), "{:?}", q.text);
    assert_eq!(q.speaker_name_fa.as_deref(), Some("محمدرضا موالی زاده"));
    let other = l.quotes.iter().find(|q| q.text.starts_with("این طرح با مشارکت")).expect("the last quote");
    assert_ne!(other.speaker_name_fa, q.speaker_name_fa, "{other:#?}");
}

#[test]
fn a_reported_clause_without_ke_is_its_own_subjects_action() {
    // "X گفت ایران از ... حمایت می‌کند": Iran supports, not the minister; the plan word heads the object.
    let t = "اوپک پلاس روز یکشنبه تصمیم گرفت کاهش تولید را تمدید کند.\n\
             عبدالعزیز بن سلمان وزیر انرژی عربستان پس از این نشست گفت: بازار به ثبات نیاز دارد.\n\
             محسن پاک‌نژاد وزیر نفت کشورمان نیز گفت ایران از تصمیم اوپک پلاس حمایت می‌کند.";
    let l = run(t, Some(Day(2025, 12, 1)));
    let support = l.events.iter().find(|e| e.event_type == "SUPPORT").expect("the support");
    assert_eq!(support.actors, ["country-ir", "opec-plus"], "{support:#?}");
    assert_eq!(support.status, EventStatus::Reported);
    // The Saudi minister, named with a patronymic, is the speaker of his quote.
    let q = l.quotes.iter().find(|q| q.text.starts_with("بازار به ثبات")).expect("the quote");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("عبدالعزیز بن سلمان"));
}

#[test]
fn countries_told_meeting_in_the_headline_are_their_officials_and_in_the_view_of() {
    let t = "گفتگوی تلفنی وزیران خارجه ایران و ترکیه\n\
             هاکان فیدان وزیر امور خارجه ترکیه در تماس تلفنی با سید عباس عراقچی گفت: آنکارا از کاهش تنش حمایت می‌کند.\n\
             به اعتقاد عراقچی، همکاری دو کشور می‌تواند الگویی برای منطقه باشد.";
    let l = run(t, Some(Day(2025, 12, 1)));
    let calls: Vec<_> = l.events.iter().filter(|e| e.mode == "phone").collect();
    assert_eq!(calls.len(), 1, "{calls:#?}");
    assert_eq!(calls[0].actors, ["hakan-fidan", "abbas-araghchi"]);
    let q = l.quotes.iter().find(|q| q.text.starts_with("همکاری دو کشور")).expect("the opinion");
    assert_eq!(q.speaker.as_deref(), Some("abbas-araghchi"));
    assert_eq!(q.verb_en, "in the view of");
    // Countries told after their officials did something else, earlier ("... اسفند سال گذشته توافق کردند").
    let t = "رئیسی و بن سلمان در تماس تلفنی بر همکاری توافق کردند.\n\
             ایران و عربستان اسفند سال گذشته با میانجیگری چین توافق کردند روابط خود را از سر بگیرند.";
    let l = run(t, Some(Day(2023, 10, 11)));
    assert!(l.events.iter().any(|e| e.actors == ["country-ir", "country-sa"]), "{:#?}", l.events);
}

#[test]
fn the_honorific_plural_says_too() {
    let t = "حضرت آیت‌الله خامنه‌ای رهبر انقلاب اسلامی صبح امروز در دیدار بسیجیان فرمودند: ملت ایران ایستادگی می‌کند.\n\
             ایشان افزودند: بسیج سرمایه بزرگ کشور است.";
    let l = run(t, Some(Day(2025, 11, 26)));
    assert_eq!(speaker_of(&l, "ملت ایران ایستادگی"), Some("Ali Khamenei"));
    assert_eq!(speaker_of(&l, "بسیج سرمایه"), Some("Ali Khamenei"));
}

#[test]
fn informed_sources_are_a_group_not_the_last_speaker() {
    let t = "لاوروف در این دیدار بر اجرای پیمان مشارکت راهبردی تاکید کرد.\n\
             وی افزود: روسیه با هرگونه اقدام نظامی علیه ایران مخالف است.\n\
             منابع آگاه گفتند که دو طرف درباره پرونده هسته‌ای نیز گفتگو کردند.";
    let l = run(t, Some(Day(2025, 12, 3)));
    assert_eq!(speaker_of(&l, "روسیه با هرگونه"), Some("Sergey Lavrov"));
    let q = l.quotes.iter().find(|q| q.text.starts_with("دو طرف")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker, None, "{q:#?}");
    assert_eq!(q.speaker_group.as_deref(), Some("منابع آگاه"));
}

#[test]
fn this_act_condemned_is_the_act_told_before() {
    let t = "وزارت خزانه داری آمریکا روز پنجشنبه ۱۵ شخص و نهاد ایرانی را تحریم کرد.\n\n\
             اسماعیل بقائی سخنگوی وزارت امور خارجه این اقدام را محکوم کرد.";
    let l = run(t, Some(Day(2025, 11, 27)));
    let condemn = l.events.iter().find(|e| e.mode == "condemn" || e.english.contains("condemned")).expect("the condemnation");
    assert_eq!(condemn.actors, ["esmaeil-baghaei", "us-treasury"], "{condemn:#?}");
    // With nothing told before, "این اقدام" names nobody.
    let l = run("اسماعیل بقائی سخنگوی وزارت امور خارجه این اقدام را محکوم کرد.", Some(Day(2025, 11, 27)));
    let condemn = l.events.iter().find(|e| e.english.contains("condemned")).expect("the condemnation");
    assert_eq!(condemn.actors, ["esmaeil-baghaei"]);
}

#[test]
fn one_sentence_one_meeting() {
    // "در دیدار با" and "نشست" in one sentence tell one meeting, not a second one of Putin alone.
    let t = "به گزارش ایرنا، ولادیمیر پوتین در دیدار با مسعود پزشکیان در حاشیه نشست سران بریکس در شهر کازان گفت که روابط دو کشور خوب است.";
    let l = run(t, Some(Day(2024, 10, 23)));
    let meetings: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0].actors, ["vladimir-putin", "masoud-pezeshkian"]);
    assert_eq!(meetings[0].location_en.as_deref(), Some("Kazan"));
}

#[test]
fn a_place_told_with_the_trip_stays_with_the_meeting_the_headline_told() {
    // The headline tells the meeting without a place; the lead tells it with the trip to Jeddah.
    let t = "عراقچی با وزیر خارجه عمان دیدار کرد\n\n\
             وزیر امور خارجه کشورمان که برای شرکت در نشست وزیران خارجه کشورهای اسلامی به جده سفر کرده است، با بدر البوسعیدی همتای عمانی خود دیدار و گفتگو کرد.";
    let l = run(t, Some(Day(2025, 3, 7)));
    let meetings: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0].actors, ["abbas-araghchi", "badr-albusaidi"]);
    assert_eq!(meetings[0].location_en.as_deref(), Some("Jeddah"));
}

#[test]
fn a_former_office_is_not_what_a_later_role_phrase_means() {
    let t = "محمدجواد ظریف، وزیر امور خارجه اسبق کشورمان، گفت: «ما از مذاکره فرار نکرده‌ایم.»\n\n\
             در ادامه عباس عراقچی، وزیر امور خارجه، در واکنش به این مصاحبه گفت: دستگاه دیپلماسی از همه ظرفیت‌ها استفاده می‌کند.\n\n\
             به گفته وزیر خارجه، دور بعدی رایزنی‌ها هفته آینده برگزار می‌شود.";
    let l = run(t, Some(Day(2025, 1, 27)));
    assert_eq!(speaker_of(&l, "ما از مذاکره"), Some("Mohammad Javad Zarif"));
    assert_eq!(speaker_of(&l, "دستگاه دیپلماسی"), Some("Abbas Araghchi"));
    assert_eq!(speaker_of(&l, "دور بعدی"), Some("Abbas Araghchi"));
    // A bare head followed by other words is another office: "وزیر کشور" is not the foreign minister.
    let t = "عباس عراقچی، وزیر امور خارجه، گفت: الف است.\n\nوزیر کشور نیز گفت: ب است.";
    let l = run(t, Some(Day(2025, 1, 27)));
    assert_eq!(speaker_of(&l, "الف است"), Some("Abbas Araghchi"));
    assert_ne!(speaker_of(&l, "ب است"), Some("Abbas Araghchi"));
    // A connective opening the clause does not hide its subject.
    let t = "ظریف گفت: الف است.\n\nدر ادامه عباس عراقچی در واکنش به این مصاحبه گفت: ب است.\n\nسپس لاوروف افزود: ج است.";
    let l = run(t, Some(Day(2025, 1, 27)));
    assert_eq!(speaker_of(&l, "ب است"), Some("Abbas Araghchi"));
    assert_eq!(speaker_of(&l, "ج است"), Some("Sergey Lavrov"));
}

#[test]
fn a_light_verb_shared_with_the_next_conjunct() {
    // "دیدار و ... را ابلاغ کرد": met and conveyed.
    let t = "محمدرضا عارف معاون اول رئیس‌جمهور با نیکول پاشینیان در تهران دیدار و مراتب همدردی دولت ایران را ابلاغ کرد.";
    let l = run(t, Some(Day(2025, 7, 24)));
    let m = l.events.iter().find(|e| e.event_type == "CONSULT").expect("meeting");
    assert_eq!(m.actors, ["mohammad-reza-aref", "nikol-pashinyan"]);
    // A noun "گفت‌وگو" inside another verb's object is no talks.
    let t = "وانگ یی این توافق را پیروزی گفت‌وگو و صلح توصیف کرد.";
    assert!(run(t, Some(Day(2023, 3, 10))).events.is_empty());
}

#[test]
fn a_meeting_after_arriving_is_in_the_city_arrived_in() {
    let t = "مسعود پزشکیان که برای یک سفر رسمی وارد ایروان شده است، امروز با نیکول پاشینیان دیدار کرد.";
    let l = run(t, Some(Day(2025, 7, 15)));
    let m = l.events.iter().find(|e| e.event_type == "CONSULT").expect("meeting");
    assert_eq!(m.actors, ["masoud-pezeshkian", "nikol-pashinyan"]);
    assert_eq!(m.location_en.as_deref(), Some("Yerevan"));
}

#[test]
fn a_pair_subject_is_the_two_parties_told_before() {
    let t = "مسعود پزشکیان امروز در شهر کازان با ولادیمیر پوتین دیدار و گفت‌وگو کرد.\n\n\
             دو رئیس‌جمهور پیش از این در عشق‌آباد دیدار کرده بودند.\n\n\
             دو طرف از نقش چین قدردانی کردند.";
    let l = run(t, Some(Day(2024, 10, 23)));
    let meetings: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meetings.len(), 2, "{meetings:#?}");
    assert_eq!(meetings[0].location_en.as_deref(), Some("Kazan"));
    assert_eq!(meetings[0].date.as_deref(), Some("2024-10-23"));
    // The earlier meeting in Ashgabat: its day is not told.
    assert_eq!(meetings[1].actors, ["masoud-pezeshkian", "vladimir-putin"]);
    assert_eq!(meetings[1].location_en.as_deref(), Some("Ashgabat"));
    assert_eq!(meetings[1].date, None);
    // Both praised China: two subjects, one object.
    let praise = l.events.iter().find(|e| e.actors.contains(&"country-cn".to_string())).expect("praise");
    assert_eq!(praise.actors, ["masoud-pezeshkian", "vladimir-putin", "country-cn"]);
    assert_eq!(praise.sources, 2);
    assert!(praise.english.starts_with("Masoud Pezeshkian (President of Iran) and Vladimir Putin"), "{}", praise.english);
}

#[test]
fn a_body_outside_the_kb_acts_for_its_country_and_a_request_is_the_addressees() {
    // "وزارت امور خارجه اوکراین" is not in the knowledge base: Ukraine condemned, not the last person named.
    let t = "سرگئی لاوروف در مسکو با هاکان فیدان دیدار کرد.\n\n\
             وزارت امور خارجه اوکراین حملات موشکی روسیه به زیرساخت‌های انرژی این کشور را محکوم کرد.\n\n\
             لاوروف از عباس عراقچی خواست که با آژانس بین‌المللی انرژی اتمی همکاری کند.";
    let l = run(t, D1);
    let condemn = l.events.iter().find(|e| e.mode == "condemn" || e.event_type == "ACCUSE").expect("condemnation");
    assert_eq!(condemn.actors, ["country-ua", "country-ru"], "{condemn:#?}");
    // Araghchi is asked to cooperate: not Lavrov.
    assert!(
        !l.events.iter().any(|e| e.actors.first().is_some_and(|a| a == "sergey-lavrov") && e.event_type == "COOPERATE"),
        "{:#?}",
        l.events
    );
    let coop = l.events.iter().find(|e| e.event_type == "COOPERATE").expect("cooperation");
    assert_eq!(coop.actors[0], "abbas-araghchi");
    assert_eq!(coop.status, EventStatus::Hypothetical);
}

#[test]
fn phone_call_condemnation_and_praise() {
    let t = "ولادیمیر پوتین امشب در گفت‌وگوی تلفنی با عباس عراقچی درباره تحولات منطقه رایزنی کرد.\n\n\
             ناصر کنعانی حمله رژیم صهیونیستی به کنسولگری ایران در دمشق را به شدت محکوم کرد.\n\n\
             عراقچی از مواضع روسیه تمجید کرد.";
    let l = run(t, D1);
    let phone = l
        .events
        .iter()
        .find(|e| e.mode == "phone")
        .expect("phone call");
    assert!(
        phone.actors.contains(&"vladimir-putin".to_string())
            && phone.actors.contains(&"abbas-araghchi".to_string())
    );
    let acc = l
        .events
        .iter()
        .find(|e| e.event_type == "ACCUSE")
        .expect("condemnation");
    assert_eq!(acc.actors[0], "nasser-kanaani");
    assert!(
        acc.actors.contains(&"country-il".to_string()),
        "{:?}",
        acc.actors
    );
    assert_eq!(acc.cameo, "111");
    assert!(
        l.events
            .iter()
            .any(|e| e.event_type == "SUPPORT" && e.actors[0] == "abbas-araghchi")
    );
}

#[test]
fn talk_is_not_said() {
    // "گفت وگو" (talk, written with a space) is not the verb "گفت".
    let t = "عراقچی و لاوروف درباره برنامه هسته‌ای گفت وگو کردند.";
    let l = run(t, D1);
    assert!(l.quotes.is_empty(), "{:?}", l.quotes);
    assert!(l.events.iter().any(|e| e.event_type == "CONSULT"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn never_panics_and_spans_index_text(words in proptest::collection::vec(prop_oneof![
        Just("گفت"), Just("افزود"), Just(":"), Just("«"), Just("»"), Just("وی"), Just("عراقچی"), Just("با"), Just("لاوروف"),
        Just("دیدار"), Just("کرد"), Just("نکرد"), Just("در"), Just("مسکو"), Just("."), Just("\n\n"), Just("که"), Just("را"),
        Just("دانست"), Just("،"), Just("سخنگوی"), Just("وزارت"), Just("امور"), Just("خارجه"), Just("به"), Just("تعبیر"), Just("x"),
        Just("\u{200c}"), Just("محکوم"), Just("قرار"), Just("است"), Just("روز"), Just("یکشنبه"), Just("تلفنی"),
    ], 0..60)) {
        let text = words.join(" ");
        run(&text, D1);
        run(&text, None);
    }
}

#[test]
fn quote_before_its_attribution_bbc_style() {
    let t = "سرگئی لاوروف روز دوشنبه وارد تهران شد.\n\n«روسیه به همکاری با ایران ادامه می‌دهد»، آقای لاوروف گفت.\n\nبه گفته وی، تحریم‌ها مانع این همکاری نخواهد شد.";
    let l = run(t, D1);
    let q = l
        .quotes
        .iter()
        .find(|q| q.text.starts_with("روسیه به همکاری"))
        .expect("quote before the verb");
    assert_eq!(q.text, "روسیه به همکاری با ایران ادامه می‌دهد");
    assert_eq!(q.speaker_name_en.as_deref(), Some("Sergey Lavrov"));
    assert_eq!(speaker_of(&l, "تحریم‌ها مانع"), Some("Sergey Lavrov"));
}

#[test]
fn officials_named_by_a_foreign_office() {
    let t = "شهباز شریف نخست وزیر پاکستان نیز این حمله را محکوم کرد.\n\n\
             وزیر کشور پاکستان هم روز گذشته در اسلام آباد با سفیر ایران دیدار و درباره امنیت مرزها گفتگو کرد.\n\n\
             وزیر کشور پاکستان گفت: امنیت مرزها برای دو کشور مهم است.";
    let l = run(t, D1);
    // The role written after the subject names no object of "محکوم کرد".
    let condemn = l.events.iter().find(|e| e.event_type == "ACCUSE").expect("a condemnation");
    assert_eq!(condemn.actors, vec!["shehbaz-sharif".to_string()]);
    // "وزیر کشور پاکستان" is neither the previous sentence's subject nor Iran's interior minister: an
    // official of Pakistan.
    let consult = l.events.iter().find(|e| e.event_type == "CONSULT").expect("a meeting");
    assert_eq!(consult.actors, vec!["country-pk".to_string(), "country-ir".to_string()]);
    let q = l.quotes.iter().find(|q| q.text.starts_with("امنیت مرزها")).expect("the quote");
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_name_fa.as_deref(), Some("وزیر کشور پاکستان"));
}

#[test]
fn an_unheld_office_is_what_he_refers_to() {
    // An office the knowledge base cannot name on the day is the subject "وی" refers to, not the person
    // named before; it acts for the organization it names. A press conference is no meeting.
    let t = "عباس عراقچی دیروز به مسقط سفر کرد.

             سخنگوی وزارت امور خارجه در نشست خبری هفتگی خود حمله به سفارت را محکوم کرد.

             وی گفت: مسئولیت امنیت اماکن دیپلماتیک بر عهده دولت میزبان است.";
    // August 2024: one spokesperson left and the next came, both known only by the month.
    let l = run(t, Some(Day(2024, 8, 15)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("مسئولیت امنیت")).expect("the quote");
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_name_fa.as_deref(), Some("سخنگوی وزارت امور خارجه"));
    let condemn = l.events.iter().find(|e| e.event_type == "ACCUSE").expect("a condemnation");
    assert_eq!(condemn.actors, vec!["mfa-iran".to_string()]);
    assert!(!l.events.iter().any(|e| e.mode == "meet"), "{:#?}", l.events);
}

#[test]
fn a_sitting_of_parliament_is_no_meeting() {
    // Those present at a sitting of parliament or a press conference did not meet each other.
    let t = "محمدباقر قالیباف رئیس مجلس در جلسه علنی امروز مجلس گفت: بودجه با اولویت معیشت بررسی می‌شود.

             عبدالناصر همتی وزیر امور اقتصادی و دارایی نیز در این جلسه حضور داشت.";
    let l = run(t, Some(Day(2024, 11, 25)));
    assert!(!l.events.iter().any(|e| e.event_type == "CONSULT"), "{:#?}", l.events);
    assert_eq!(speaker_of(&l, "بودجه با اولویت"), Some("Mohammad Bagher Ghalibaf"));
}

#[test]
fn coordination_keeps_the_place_of_its_first_item() {
    // "درباره قفقاز جنوبی و افغانستان": Afghanistan is no subject. "در نشست مشترک با X" is a meeting
    // with X. "با X درباره ... و حملات رژیم صهیونیستی": the regime is no party to the call.
    let t = "سرگئی لاوروف روز دوشنبه در نشست مشترک با عباس عراقچی گفت: روسیه از ایران حمایت می‌کند.

             دو کشور درباره تحولات قفقاز جنوبی و افغانستان تبادل نظر کردند.

             مسعود پزشکیان در گفتگوی تلفنی با محمد بن سلمان ولیعهد و نخست‌وزیر عربستان سعودی درباره تحولات فلسطین و حملات رژیم صهیونیستی رایزنی کرد.";
    let l = run(t, Some(Day(2024, 11, 12)));
    let met = l.events.iter().find(|e| e.mode == "meet").expect("a meeting");
    assert_eq!(met.actors, ["sergey-lavrov", "abbas-araghchi"]);
    assert_eq!(met.date.as_deref(), Some("2024-11-11"));
    assert!(!l.events.iter().any(|e| e.actors.contains(&"country-af".to_string())), "{:#?}", l.events);
    let call = l.events.iter().find(|e| e.mode == "phone").expect("a phone call");
    assert!(!call.actors.contains(&"country-il".to_string()), "{:?}", call.actors);
    assert!(call.actors.contains(&"mohammed-bin-salman".to_string()), "{:?}", call.actors);
}

#[test]
fn objects_marked_by_a_preposition() {
    // "از X حمایت/قدردانی کرد", "به X حمله کرد / تبریک گفت": the cue's own preposition marks its object;
    // another preposition still marks a modifier ("حمله آمریکا به ایران را محکوم کرد": the United States).
    let t = "روسیه از حق ایران برای غنی‌سازی حمایت کرد.\n\n\
             مسعود پزشکیان از تلاش‌های عراق قدردانی کرد.\n\n\
             اسرائیل به لبنان حمله کرد.\n\n\
             عباس عراقچی حمله آمریکا به ایران را محکوم کرد.";
    let l = run(t, D1);
    let actors = |ty: &str| -> Vec<Vec<String>> {
        l.events.iter().filter(|e| e.event_type == ty).map(|e| e.actors.clone()).collect()
    };
    assert!(actors("SUPPORT").contains(&vec!["country-ru".to_string(), "country-ir".to_string()]), "{:?}", actors("SUPPORT"));
    assert!(actors("SUPPORT").contains(&vec!["masoud-pezeshkian".to_string(), "country-iq".to_string()]), "{:?}", actors("SUPPORT"));
    assert_eq!(actors("ASSAULT"), vec![vec!["country-il".to_string(), "country-lb".to_string()]]);
    assert_eq!(actors("ACCUSE"), vec![vec!["abbas-araghchi".to_string(), "country-us".to_string()]]);
}

#[test]
fn role_phrases_of_subjects_and_objects() {
    let t = "محمدباقر قالیباف رئیس مجلس شورای اسلامی امروز وارد بیروت شد و با نبیه بری رئیس مجلس لبنان دیدار و گفت‌وگو کرد.\n\n\
             رئیس مجلس لبنان نیز در این دیدار از حمایت‌های جمهوری اسلامی ایران قدردانی کرد.\n\n\
             ناصر کنعانی سخنگوی وزارت امور خارجه اظهارات بنیامین نتانیاهو نخست وزیر رژیم صهیونیستی را محکوم کرد.\n\n\
             رافائل گروسی در این سفر علاوه بر وزیر امور خارجه، با رئیس سازمان انرژی اتمی ایران و رئیس‌جمهور نیز دیدار می‌کند.";
    let l = run(t, Some(Day(2024, 8, 1)));
    let of = |ty: &str| -> Vec<Vec<String>> {
        l.events.iter().filter(|e| e.event_type == ty).map(|e| e.actors.clone()).collect()
    };
    // "رئیس مجلس لبنان" is the Lebanese speaker named before, not Iran's.
    assert_eq!(of("SUPPORT"), vec![vec!["nabih-berri".to_string(), "country-ir".to_string()]]);
    // The object's role phrase ("نخست وزیر رژیم صهیونیستی") and the subject's name no further object.
    assert_eq!(of("ACCUSE"), vec![vec!["nasser-kanaani".to_string(), "benjamin-netanyahu".to_string()]]);
    // "و رئیس‌جمهور نیز" coordinates objects of "با": the subject stays Grossi, and "رئیس‌جمهور" on
    // 2024-08-01 is Pezeshkian.
    let grossi: Vec<String> = ["rafael-grossi", "mohammad-eslami", "masoud-pezeshkian"].map(String::from).to_vec();
    assert!(of("CONSULT").contains(&grossi), "{:?}", of("CONSULT"));
}

#[test]
fn every_entity_of_a_prepositional_phrase_is_a_modifier() {
    // "حمله X به بندر الحدیده و زیرساخت‌های یمن را محکوم کرد": Yemen is in the phrase of "به", as the port is;
    // "به شدت" and "در ادامه" are adverbs, no prepositions.
    let t = "اسماعیل بقائی حمله هوایی رژیم صهیونیستی به بندر الحدیده و زیرساخت‌های غیرنظامی یمن را به شدت محکوم کرد.\n\n\
             عباس عراقچی به شدت اقدام آمریکا را محکوم کرد.\n\n\
             محمدباقر قالیباف در ادامه حمله انگلیس به غیرنظامیان در نوار غزه را محکوم کرد.";
    let l = run(t, D1);
    let accuse: Vec<Vec<String>> = l.events.iter().filter(|e| e.event_type == "ACCUSE").map(|e| e.actors.clone()).collect();
    assert_eq!(
        accuse,
        vec![
            vec!["esmaeil-baghaei".to_string(), "country-il".to_string()],
            vec!["abbas-araghchi".to_string(), "country-us".to_string()],
            vec!["mohammad-bagher-ghalibaf".to_string(), "country-gb".to_string()]
        ]
    );
}

#[test]
fn a_subject_that_names_no_actor_gives_no_event() {
    // The commanders praised Iran; the martyr named on the way did not praise anyone.
    let t = "فرماندهان مقاومت فلسطین با گرامیداشت یاد شهید حاج قاسم سلیمانی از نقش جمهوری اسلامی ایران تمجید کردند.";
    let l = run(t, D1);
    assert!(
        !l.events.iter().any(|e| e.actors.first().is_some_and(|a| a == "qasem-soleimani")),
        "{:?}",
        l.events.iter().map(|e| &e.actors).collect::<Vec<_>>()
    );
}

#[test]
fn a_match_is_no_meeting() {
    // In a sports report "دیدار با قطر" is a match; a minister's meeting with a coach stays a meeting.
    let t = "امیر قلعه‌نویی سرمربی تیم ملی فوتبال ایران پیش از دیدار با قطر در ورزشگاه آزادی گفت: آماده‌ایم.\n\n\
             تیم ملی ایران فردا با قطر دیدار می‌کند.\n\n\
             عباس عراقچی با وزیر امور خارجه قطر دیدار کرد.";
    let l = run(t, D1);
    let consult: Vec<&Vec<String>> = l.events.iter().filter(|e| e.event_type == "CONSULT").map(|e| &e.actors).collect();
    assert_eq!(consult.len(), 1, "{consult:?}");
    assert_eq!(consult[0][0], "abbas-araghchi");
}

#[test]
fn a_reported_clause_with_its_own_subject() {
    // "X گفته بود که دو رهبر ... گفت‌وگو خواهند کرد": the two leaders' talks, not the spokesman's;
    // "X گفت که با Y دیدار خواهد کرد": X's own meeting.
    let t = "ولادیمیر پوتین و شی جین‌پینگ در مسکو دیدار کردند.\n\n\
             دمیتری پسکوف سخنگوی کرملین گفته بود که دو رهبر درباره جنگ اوکراین نیز گفت‌وگو خواهند کرد.\n\n\
             عباس عراقچی اعلام کرد که فردا با سرگئی لاوروف دیدار خواهد کرد.";
    let l = run(t, Some(Day(2025, 5, 8)));
    let consult: Vec<Vec<String>> = l.events.iter().filter(|e| e.event_type == "CONSULT").map(|e| e.actors.clone()).collect();
    assert!(!consult.iter().any(|a| a.contains(&"dmitry-peskov".to_string())), "{consult:?}");
    assert!(consult.contains(&vec!["abbas-araghchi".to_string(), "sergey-lavrov".to_string()]), "{consult:?}");
    // The planned talks are the two leaders' (the meeting told first is reported, not planned).
    assert!(
        l.events.iter().any(|e| e.event_type == "CONSULT"
            && e.status == EventStatus::Planned
            && e.actors.contains(&"vladimir-putin".to_string())
            && e.actors.contains(&"xi-jinping".to_string())),
        "{consult:?}"
    );
}

#[test]
fn a_threat_with_its_condition_was_made() {
    // "در صورت ادامه حملات" is the threat's condition; the threat itself is reported.
    let t = "نعیم قاسم دبیرکل حزب‌الله لبنان رژیم صهیونیستی را در صورت ادامه حملات به پاسخ کوبنده تهدید کرد.";
    let l = run(t, D1);
    let threat = l.events.iter().find(|e| e.event_type == "THREATEN").expect("a threat");
    assert_eq!(threat.status, EventStatus::Reported);
    assert_eq!(threat.actors[0], "naim-qassem");
}

#[test]
fn the_cues_marker_after_its_object_opens_a_modifier() {
    // "از حمایت‌های ایران از مقاومت لبنان قدردانی کرد": Iran is praised, Lebanon is in the second "از" phrase;
    // "درگذشت X را به دولت عربستان سعودی تسلیت گفت": after "را" the marker names the recipient.
    let t = "نبیه بری از حمایت‌های جمهوری اسلامی ایران از مقاومت لبنان قدردانی کرد.\n\n\
             مسعود پزشکیان درگذشت دبیرکل سازمان همکاری اسلامی را به دولت عربستان سعودی تسلیت گفت.";
    let l = run(t, Some(Day(2025, 7, 24)));
    let support: Vec<&Vec<String>> = l.events.iter().filter(|e| e.event_type == "SUPPORT").map(|e| &e.actors).collect();
    assert!(support.contains(&&vec!["nabih-berri".to_string(), "country-ir".to_string()]), "{support:?}");
    assert!(support.iter().any(|a| a[0] == "masoud-pezeshkian" && a.iter().any(|x| x.contains("saudi") || x == "country-sa")), "{support:?}");
}

#[test]
fn the_issuer_of_a_statement_speaks_its_text() {
    // "X در بیانیه‌ای ..." then "در این بیانیه آمده است: ...": X's words, also when X is an organization;
    // a person named after it speaks for himself.
    let t = "سپاه پاسداران انقلاب اسلامی در بیانیه‌ای نسبت به هرگونه اقدام علیه ایران هشدار داد.\n\n\
             به گزارش فارس، در این بیانیه آمده است: نیروهای مسلح در آمادگی کامل قرار دارند.\n\n\
             مسعود پزشکیان در پیامی به ملت ایران تبریک گفت. در این پیام آمده است: ملت ایران پیروز است.";
    let l = run(t, D1);
    let who = |p: &str| l.quotes.iter().find(|q| q.text.starts_with(p)).and_then(|q| q.speaker.clone());
    assert_eq!(who("نیروهای مسلح").as_deref(), Some("irgc"));
    assert_eq!(who("ملت ایران پیروز").as_deref(), Some("masoud-pezeshkian"));
}

#[test]
fn a_manner_phrase_is_no_partner_and_an_unknown_partner_no_dyad() {
    // "با میانجی‌گری عمان": Oman mediates; "با نخست وزیر و رئیس جمهور عراق" names nobody known here (no
    // country of the office is found for "نخست وزیر"): no one-sided "met" event is made from it.
    let t = "عباس عراقچی و استیو ویتکاف روز شنبه در مسقط با میانجی‌گری عمان گفت‌وگو کردند.\n\n\
             علی لاریجانی امروز با برخی دیگر از مقام‌های ارشد دیدار کرد.";
    let l = run(t, Some(Day(2025, 4, 12)));
    let consult: Vec<&Vec<String>> = l.events.iter().filter(|e| e.event_type == "CONSULT").map(|e| &e.actors).collect();
    assert!(consult.iter().all(|a| !a.contains(&"country-om".to_string())), "{consult:?}");
    assert!(consult.iter().any(|a| a.contains(&"steve-witkoff".to_string())), "{consult:?}");
    assert!(consult.iter().all(|a| a.len() >= 2), "{consult:?}");
}

#[test]
fn topic_and_relative_clauses_hold_no_actor() {
    // "X و Y همچنین درباره ... روابط با آمریکا گفت‌وگو کردند": both are subjects, the United States is in the
    // topic; "آلمان از هرگونه توافقی که مانع دستیابی ایران ... شود حمایت می‌کند": Iran is in a relative clause.
    let t = "امانوئل ماکرون و فریدریش مرتس در پاریس دیدار کردند.\n\n\
             ماکرون و مرتس همچنین درباره جنگ اوکراین و روابط با آمریکا گفت‌وگو کردند.\n\n\
             آلمان از هرگونه توافقی که مانع دستیابی ایران به سلاح هسته‌ای شود حمایت می‌کند.";
    let l = run(t, Some(Day(2025, 5, 24)));
    let all: Vec<&Vec<String>> = l.events.iter().map(|e| &e.actors).collect();
    assert!(all.iter().all(|a| !a.contains(&"country-us".to_string()) && !a.contains(&"country-ir".to_string())), "{all:?}");
    assert!(
        l.events.iter().filter(|e| e.event_type == "CONSULT").all(|e| e.actors.len() == 2),
        "{all:?}"
    );
}

#[test]
fn an_unnamed_source_speaks_and_is_whom_vey_refers_to() {
    // "یک منبع آگاه": no person of the article, and "وی" after it is the source, not Araghchi.
    let t = "به گزارش ایسنا، عباس عراقچی گفت: مذاکرات ادامه دارد.\n\n\
             یک منبع آگاه به خبرنگار ما گفت: دور بعدی هفته آینده است.\n\n\
             وی افزود: محل مذاکرات هنوز تعیین نشده است.";
    let l = run(t, D1);
    for p in ["دور بعدی", "محل مذاکرات"] {
        let q = l.quotes.iter().find(|q| q.text.starts_with(p)).unwrap();
        assert_eq!(q.speaker, None, "{p}");
        assert_eq!(q.speaker_name_fa.as_deref(), Some("یک منبع آگاه"), "{p}");
    }
    assert_eq!(speaker_of(&l, "مذاکرات ادامه"), Some("Abbas Araghchi"));
}

#[test]
fn the_partner_of_a_meeting_without_ba_is_its_genitive() {
    // "X در دیدار Y ... گفت": Y is the partner, no "با" needed; "دو طرف" then are X and Y.
    let t = "مسعود پزشکیان امروز در دیدار محمد شیاع السودانی نخست وزیر عراق در تهران گفت: روابط دو کشور \
             گسترش می‌یابد.\n\n\
             دو طرف همچنین یادداشت تفاهم همکاری در زمینه برق را امضا کردند.";
    let l = run(t, D1);
    let meet = l.events.iter().find(|e| e.event_type == "CONSULT").expect("a meeting");
    assert_eq!(meet.actors, ["masoud-pezeshkian", "mohammed-shia-al-sudani"]);
    let sign = l.events.iter().find(|e| e.event_type == "AGREE").expect("an agreement");
    assert_eq!(sign.actors, ["masoud-pezeshkian", "mohammed-shia-al-sudani"]);
}

#[test]
fn a_provinces_office_is_not_the_national_one() {
    // The provincial head of the Red Crescent speaks first; the national head is named after: the quotes are
    // the provincial head's (a described speaker), not the national head's.
    let t = "رئیس جمعیت هلال احمر استان آذربایجان غربی گفت: تیم‌های ارزیاب به مناطق روستایی اعزام شده‌اند.\n\n\
             وی افزود: ۱۲ نفر دچار جراحات سطحی شده‌اند.\n\n\
             پیرحسین کولیوند رئیس جمعیت هلال احمر نیز از آماده‌باش نیروهای امدادی خبر داد.";
    let l = run(t, D1);
    for p in ["تیم‌های ارزیاب", "۱۲ نفر"] {
        let q = l.quotes.iter().find(|q| q.text.starts_with(p)).unwrap();
        assert_eq!(q.speaker, None, "{p}: {q:?}");
        assert_eq!(q.speaker_name_fa.as_deref(), Some("رئیس جمعیت هلال احمر استان آذربایجان غربی"), "{p}");
    }
}

#[test]
fn a_body_the_knowledge_base_lacks_speaks_by_its_name() {
    // "پژوهشکده بیمه" and "ستاد مدیریت بحران استان تهران" are bodies outside the knowledge base: their name is the
    // speaker's, and the English line says a body speaks, not an official.
    let t = "پژوهشکده بیمه اعلام کرد: نرخ تورم به ۳۵ درصد رسید.\n\n\
             ستاد مدیریت بحران استان تهران اعلام کرد: مدارس فردا تعطیل است.";
    let l = run(t, D1);
    for (p, who) in [("نرخ تورم", "پژوهشکده بیمه"), ("مدارس فردا", "ستاد مدیریت بحران استان تهران")] {
        let q = l.quotes.iter().find(|q| q.text.starts_with(p)).unwrap();
        assert_eq!(q.speaker, None, "{p}");
        assert_eq!(q.speaker_name_fa.as_deref(), Some(who), "{p}");
        assert!(q.english.starts_with(&format!("a body named only in Persian ({who})")), "{}", q.english);
    }
}

#[test]
fn a_counterpart_is_the_subjects_office_in_the_country_named() {
    // "همتای ایرانی خود": Lavrov's office (foreign minister) in Iran, named later in the article. The meeting
    // told again with the day ("روز دوشنبه") is one meeting, on that day, in the place the lead told.
    let t = "وزیر خارجه روسیه در دیدار با همتای ایرانی خود در مسکو تاکید کرد که غرب باید به تعهداتش عمل کند.\n\n\
             سرگئی لاوروف روز دوشنبه در نشست مشترک با عباس عراقچی گفت: روسیه از حقوق ایران حمایت کرده است.\n\n\
             عراقچی در تماس تلفنی با همتای ترکیه‌ای‌اش گفت: آتش‌بس ضروری است.";
    let l = run(t, Some(Day(2024, 11, 12))); // a Tuesday
    let meet: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meet.len(), 1, "{meet:#?}");
    assert_eq!(meet[0].actors, ["sergey-lavrov", "abbas-araghchi"]);
    assert_eq!(meet[0].location.as_deref(), Some("moscow"));
    assert_eq!(meet[0].date.as_deref(), Some("2024-11-11"));
    // No Turkish foreign minister is named: the call has no known partner, and no one-sided event is made.
    assert!(!l.events.iter().any(|e| e.mode == "phone"), "{:#?}", l.events);
}

#[test]
fn an_object_described_by_its_country_acts_for_it() {
    // "۱۲ شخص و نهاد ایرانی را تحریم کرد": Iran is the target; "حمله به شرکت‌های ایرانی را محکوم کرد": the Iranian
    // companies are the victims of the attack, not the condemned.
    let t = "آمریکا روز سه‌شنبه ۱۲ شخص و نهاد ایرانی را تحریم کرد.\n\n\
             عباس عراقچی حمله به شرکت‌های ایرانی در ایران را محکوم کرد.";
    let l = run(t, D1);
    let sanction = l.events.iter().find(|e| e.event_type == "SANCTION").expect("a sanction");
    assert_eq!(sanction.actors, ["country-us", "country-ir"]);
    let accuse = l.events.iter().find(|e| e.event_type == "ACCUSE").expect("a condemnation");
    assert_eq!(accuse.actors, ["abbas-araghchi"]);
}

#[test]
fn appreciation_and_thanks_are_praise() {
    let t = "عباس عراقچی از تلاش‌های عمان برای برگزاری مذاکرات تقدیر کرد.\n\n\
             مسعود پزشکیان از قطر به دلیل میزبانی نشست تشکر کرد.";
    let l = run(t, D1);
    let praise: Vec<&Vec<String>> = l.events.iter().filter(|e| e.mode == "praise").map(|e| &e.actors).collect();
    assert_eq!(praise, [&vec!["abbas-araghchi".to_string(), "country-om".to_string()], &vec!["masoud-pezeshkian".to_string(), "country-qa".to_string()]]);
}

#[test]
fn a_quote_then_this_is_what_x_said() {
    // "«...» این را X ... گفت.": the guillemets before the sentence are X's, and "او" after is X.
    let t = "اقتصاد ایران مقاوم است\n\n\
             «اقتصاد ایران مقاوم شده است.» این را حمید پورمحمدی رئیس سازمان برنامه و بودجه روز سه‌شنبه گفت.\n\n\
             او افزود: بودجه سال آینده بسته شد.";
    let l = run(t, D1);
    assert_eq!(speaker_of(&l, "اقتصاد ایران مقاوم شده"), Some("Hamid Pourmohammadi"));
    assert_eq!(speaker_of(&l, "بودجه سال آینده"), Some("Hamid Pourmohammadi"));
}

#[test]
fn the_object_ends_at_ra_before_a_relative_clause() {
    // "قطعنامه X را که به پیشنهاد آلمان ... تصویب شد، محکوم کردند": the resolution's body is condemned, the
    // comma inside the relative clause does not start the object; an attack "در ایالت ... پاکستان" is in
    // Pakistan, Pakistan is not condemned.
    let t = "وزارت امور خارجه در بیانیه‌ای قطعنامه شورای حکام آژانس بین‌المللی انرژی اتمی را که به پیشنهاد آلمان، \
             فرانسه و انگلیس تصویب شد، محکوم کرد.\n\n\
             اسماعیل بقائی حمله تروریستی در ایالت خیبر پختونخوا پاکستان را که به کشته شدن ده‌ها نفر منجر شد، محکوم کرد.";
    let l = run(t, D1);
    let accuse: Vec<&Vec<String>> = l.events.iter().filter(|e| e.event_type == "ACCUSE").map(|e| &e.actors).collect();
    assert_eq!(accuse[0], &vec!["mfa-iran".to_string(), "iaea-bog".to_string()], "{accuse:?}");
    assert!(accuse.iter().all(|a| !a.contains(&"country-pk".to_string())), "{accuse:?}");
}

#[test]
fn a_nation_acts_for_its_country() {
    // "ملت فلسطین از حمایت‌های ایران قدردانی کرد": Palestine praised Iran, not the person named before.
    let t = "علی خامنه‌ای گفت: پیروزی نزدیک است.\n\nملت فلسطین از حمایت‌های جمهوری اسلامی ایران قدردانی کرد.";
    let l = run(t, D1);
    let praise = l.events.iter().find(|e| e.mode == "praise").expect("praise");
    assert_eq!(praise.actors, ["country-ps", "country-ir"]);
}

#[test]
fn a_place_in_the_topic_is_not_where_it_happened() {
    // "درباره آتش‌بس در غزه گفت‌وگو کرد": the call was about Gaza, not in Gaza; "درباره جنگ غزه وارد ریاض شد"
    // still arrives in Riyadh.
    let t = "عبدالفتاح السیسی در تماس تلفنی با تمیم بن حمد آل ثانی درباره آتش‌بس در غزه گفت‌وگو کرد.\n\n\
             ابراهیم رئیسی برای شرکت در نشست سران درباره جنگ غزه وارد ریاض شد و با محمد بن سلمان دیدار کرد.";
    let l = run(t, Some(Day(2023, 11, 11)));
    let phone = l.events.iter().find(|e| e.mode == "phone").expect("a call");
    assert_eq!(phone.location, None, "{phone:?}");
    let meet = l.events.iter().find(|e| e.actors.contains(&"mohammed-bin-salman".to_string())).expect("a meeting");
    assert_eq!(meet.location.as_deref(), Some("riyadh"), "{meet:?}");
}

#[test]
fn a_quantified_group_is_the_subject() {
    // "همه اعضای اوپک توافق پاریس را امضا کرده‌اند": the members signed; not the person named before, and OPEC is
    // no object of it.
    let t = "محمد سانوسی بارکیندو گفت: اوپک از مؤلفان توافق پاریس است.\n\n\
             همه اعضای اوپک توافق پاریس را امضا کرده‌اند.";
    let l = run(t, D1);
    assert!(l.events.iter().all(|e| e.event_type != "AGREE"), "{:#?}", l.events);
}

#[test]
fn the_office_of_the_lead_is_the_person_named_next() {
    // The lead names an office, the next sentence a person the knowledge base does not know: the office's quotes
    // are that person's. A person with an office of their own after the name is someone else.
    let t = "مدیر شرکت ملی پخش فرآورده‌های نفتی منطقه سبزوار گفت: مصرف نفت کوره ۵۸ درصد کاهش یافت.\n\n\
             عیسی افتخاری سهم بنزین این منطقه را ۳۸ میلیون لیتر اعلام کرد.";
    let l = run(t, D1);
    let q = l.quotes.iter().find(|q| q.text.starts_with("مصرف نفت کوره")).unwrap();
    assert_eq!(q.speaker_name_fa.as_deref(), Some("عیسی افتخاری"), "{q:#?}");
    assert!(q.speaker.is_some());
    let t = "مدیر شرکت ملی پخش فرآورده‌های نفتی منطقه سبزوار گفت: مصرف نفت کوره ۵۸ درصد کاهش یافت.\n\n\
             عیسی افتخاری کارشناس انرژی نیز این کاهش را تایید کرد.";
    let l = run(t, D1);
    let q = l.quotes.iter().find(|q| q.text.starts_with("مصرف نفت کوره")).unwrap();
    assert_eq!(q.speaker, None);
}

#[test]
fn a_place_in_the_emphasis_of_a_meeting_is_not_where_it_was_held() {
    let t = "وزیر امور خارجه کشورمان در دیدار با بدر البوسعیدی وزیر خارجه عمان بر ضرورت توقف جنایات رژیم صهیونیستی در غزه و لبنان تاکید کرد.\n\n\
             سید عباس عراقچی که به مسقط سفر کرده است، عصر امروز با بدر البوسعیدی وزیر خارجه عمان دیدار و گفت‌وگو کرد.\n\n\
             در این دیدار دو طرف درباره روابط دوجانبه تبادل نظر کردند.";
    let l = run(t, Some(Day(2024, 12, 4)));
    let meetings: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    // One meeting, in Muscat: the lead's "در غزه" is in what was stressed, and "در این دیدار ..." tells the same
    // meeting again.
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0].actors, ["abbas-araghchi", "badr-albusaidi"]);
    assert_eq!(meetings[0].location.as_deref(), Some("muscat"));
}

#[test]
fn a_relative_clause_on_an_indefinite_noun_has_no_actor() {
    // The initiative would help, not Iran.
    let t = "عراقچی گفت: جمهوری اسلامی ایران از هرگونه ابتکاری که به توقف کشتار مردم غزه و لبنان کمک کند استقبال می‌کند.";
    let l = run(t, Some(Day(2024, 12, 4)));
    assert!(l.events.is_empty(), "{:#?}", l.events);
    // A relative clause closed by its own verb leaves the main clause's event to its subject.
    let t = "عراقچی در سفری که به دوحه داشت با وزیر خارجه قطر دیدار کرد.";
    let l = run(t, Some(Day(2024, 12, 4)));
    assert!(l.events.iter().any(|e| e.event_type == "CONSULT" && e.actors[0] == "abbas-araghchi"), "{:#?}", l.events);
}

#[test]
fn a_sitting_of_parliament_and_a_count_of_deputies() {
    let t = "محمدباقر قالیباف در نشست علنی امروز مجلس گفت که نمایندگان از منافع ملی حمایت خواهند کرد.\n\n\
             همچنین در این جلسه، ۲۱۰ نماینده در بیانیه‌ای قطعنامه شورای حکام را محکوم کردند.";
    let l = run(t, Some(Day(2024, 11, 25)));
    // An open sitting is no meeting, and the 210 deputies are not the speaker.
    assert!(!l.events.iter().any(|e| e.event_type == "CONSULT"), "{:#?}", l.events);
    assert!(
        !l.events.iter().any(|e| e.actors.first().is_some_and(|a| a == "mohammad-bagher-ghalibaf")),
        "{:#?}",
        l.events
    );
}

#[test]
fn a_person_named_inside_the_next_quote_is_not_the_offices_speaker() {
    let t = "سرمربی تیم ملی فوتبال گفت: بازیکنان آماده‌اند.\n\n\
             به گزارش خبرنگار ورزشی، سرمربی تیم ملی فوتبال کشورمان در نشست خبری اظهار کرد: ما برای کسب سه امتیاز به میدان می‌رویم.\n\n\
             وی ادامه داد: مهدی طارمی در شرایط خوبی قرار دارد.";
    let l = run(t, D1);
    assert!(
        !l.quotes.iter().any(|q| q.speaker_name_fa.as_deref() == Some("مهدی طارمی")),
        "{:#?}",
        l.quotes
    );
    // Named before the quote, the person is the office's speaker.
    let t = "سرمربی تیم ملی فوتبال گفت: بازیکنان آماده‌اند.\n\n\
             به گزارش خبرنگار ورزشی، مهدی طارمی در نشست خبری اظهار کرد: ما برای کسب سه امتیاز به میدان می‌رویم.";
    let l = run(t, D1);
    let q = l.quotes.iter().find(|q| q.text.starts_with("ما برای کسب")).expect("the second quote");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("مهدی طارمی"), "{:#?}", l.quotes);
    // The office is the knowledge base's head coach at the article's date.
    assert_eq!(speaker_of(&l, "بازیکنان آماده"), Some("Amir Ghalenoei"));
}

#[test]
fn signing_an_order_is_no_agreement() {
    let t = "دونالد ترامپ رئیس‌جمهور آمریکا فرمان اجرایی اعمال تعرفه بر کالاهای کانادا را امضا کرد.\n\n\
             عراقچی و وزیر خارجه عمان نامه‌ای را امضا کردند.\n\n\
             ایران و عمان یادداشت تفاهمی را امضا کردند.";
    let l = run(t, Some(Day(2025, 2, 3)));
    let agree: Vec<_> = l.events.iter().filter(|e| e.event_type == "AGREE").collect();
    assert_eq!(agree.len(), 1, "{agree:#?}");
    assert_eq!(agree[0].actors, ["country-ir", "country-om"]);
}

#[test]
fn one_of_a_group_is_an_unnamed_speaker() {
    let t = "کارگران شرکت فولاد مقابل استانداری تجمع کردند.\n\n\
             یکی از کارگران معترض گفت: سه ماه است حقوق نگرفته‌ایم.\n\n\
             وی افزود: خواسته ما پرداخت فوری معوقات است.";
    let l = run(t, D1);
    assert_eq!(l.quotes.len(), 2, "{:#?}", l.quotes);
    for q in &l.quotes {
        assert_eq!(q.speaker, None);
        assert_eq!(q.speaker_group.as_deref(), Some("یکی از کارگران معترض"), "{q:#?}");
    }
}

#[test]
fn advice_and_announcements_are_speech() {
    let t = "محسن سعیدی مدیرکل هواشناسی گفت: غلظت ذرات معلق بالا است.\n\n\
             وی توصیه کرد: افراد بیمار از تردد غیرضروری خودداری کنند.\n\n\
             سعیدی اعلام داشت: مدارس فردا تعطیل است.";
    let l = run(t, D1);
    let verbs: Vec<&str> = l.quotes.iter().map(|q| q.verb.as_str()).collect();
    assert_eq!(verbs, ["گفت", "توصیه کرد", "اعلام داشت"], "{:#?}", l.quotes);
}

#[test]
fn the_seat_of_a_partners_office_is_not_the_meetings_place() {
    let t = "محمدرضا ظفرقندی وزیر بهداشت امروز در دیدار با جمیله العلمی نماینده سازمان جهانی بهداشت در ایران بر همکاری تاکید کرد.\n\n\
             عراقچی با کاظم جلالی سفیر ایران در مسکو دیدار کرد.\n\n\
             سید عباس عراقچی وزیر امور خارجه در تهران با رافائل گروسی مدیرکل آژانس بین‌المللی انرژی اتمی دیدار کرد.";
    let l = run(t, Some(Day(2025, 12, 31)));
    let meetings: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meetings.len(), 3, "{meetings:#?}");
    assert_eq!(meetings[0].location, None, "{:?}", meetings[0]);
    assert_eq!(meetings[1].location, None, "{:?}", meetings[1]);
    // The subject's own office before "در" does not hide the place.
    assert_eq!(meetings[2].location.as_deref(), Some("ir-city-tehran"), "{:?}", meetings[2]);
}

#[test]
fn a_three_word_honorific_keeps_the_subject_and_later_in_this_session_is_that_session() {
    // Mizan-style: "حجت الاسلام والمسلمین" (three words as scraped) before the name; the body inside the
    // council's name is no subject of the session.
    let t = "به گزارش میزان، حجت الاسلام والمسلمین غلامحسین محسنی اژه‌ای در جلسه امروز شورای عالی قوه قضاییه گفت: دستگاه قضایی با محتکران برخورد خواهد کرد.\n\
             در ادامه این جلسه، اصغر جهانگیر سخنگوی قوه قضاییه گزارشی از مبارزه با قاچاق کالا ارائه کرد.";
    let l = run(t, Some(Day(2025, 12, 2)));
    let sessions: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(sessions.len(), 1, "{sessions:#?}");
    assert_eq!(
        sessions[0].actors,
        vec!["gholam-hossein-mohseni-ejei".to_string(), "asghar-jahangir".to_string()]
    );
    // "به گفته حجت الاسلام والمسلمین X، ..." names X.
    let t = "به گفته حجت الاسلام والمسلمین غلامحسین محسنی اژه‌ای، رسیدگی به پرونده‌ها سرعت گرفته است.";
    let l = run(t, Some(Day(2025, 12, 2)));
    assert_eq!(speaker_of(&l, "رسیدگی به پرونده"), Some("Gholam-Hossein Mohseni-Ejei"));
}

#[test]
fn telling_of_ones_own_meeting_with_someone_is_that_meeting() {
    // Tasnim-style: "از دیدار خود با X خبر داد" — the subject met X; the talks told in the quote are that meeting.
    let t = "محمدرضا فرزین رئیس کل بانک مرکزی از دیدار خود با وزیر امور اقتصادی و دارایی خبر داد و گفت: در این دیدار درباره سیاست‌های پولی گفت‌وگو کردیم.";
    let l = run(t, Some(Day(2025, 12, 3)));
    let meetings: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0].actors[0], "mohammad-reza-farzin");
    assert_eq!(meetings[0].actors.len(), 2, "{meetings:#?}");
}

#[test]
fn a_coach_named_by_team_and_sport_in_the_lead_is_the_coach_named_later() {
    // YJC-style match report: the lead says "سرمربی تیم فوتبال پرسپولیس", the body "X سرمربی پرسپولیس".
    let t = "سرمربی تیم فوتبال پرسپولیس پس از پیروزی برابر ملوان گفت: بازیکنانم برای قهرمانی می‌جنگند.\n\
             به گزارش خبرنگار ورزشی، اوسمار ویرا سرمربی پرسپولیس در نشست خبری پس از بازی گفت: بازی سختی بود.";
    let l = run(t, Some(Day(2025, 11, 30)));
    let fa = |prefix: &str| {
        l.quotes.iter().find(|q| q.text.starts_with(prefix)).and_then(|q| q.speaker_name_fa.clone())
    };
    assert_eq!(fa("بازیکنانم").as_deref(), Some("اوسمار ویرا"));
    assert_eq!(fa("بازی سختی").as_deref(), Some("اوسمار ویرا"));
}

#[test]
fn asking_someone_is_a_request_only_with_the_one_asked_written() {
    let t = "اسماعیل بقائی سخنگوی وزارت امور خارجه از شورای امنیت سازمان ملل خواست در برابر این تجاوز واکنش نشان دهد.";
    let l = run(t, Some(Day(2025, 9, 9)));
    let r = l.events.iter().find(|e| e.event_type == "REQUEST").expect("the request");
    assert_eq!(r.actors, vec!["esmaeil-baghaei".to_string(), "unsc".to_string()]);
    assert_eq!(r.status, EventStatus::Reported);
    // "خواست" as a noun ("به خواست مردم", "خواست ملت") asks nobody.
    let t = "اسماعیل بقائی گفت این تصمیم به خواست مردم گرفته شد و خواست ملت ایران صلح است.";
    let l = run(t, Some(Day(2025, 9, 9)));
    assert!(!l.events.iter().any(|e| e.event_type == "REQUEST"), "{:#?}", l.events);
}

#[test]
fn readiness_for_a_meeting_is_no_meeting() {
    let t = "کارولین لیویت سخنگوی کاخ سفید روز جمعه گفت که دونالد ترامپ آماده دیدار با رهبران ایران است.";
    let l = run(t, Some(Day(2025, 12, 6)));
    let m = l.events.iter().find(|e| e.event_type == "CONSULT").expect("the meeting");
    assert_eq!(m.status, EventStatus::Hypothetical, "{m:#?}");
    let t = "عباس عراقچی آمادگی ایران را برای گفت‌وگو با سه کشور اروپایی اعلام کرد.";
    let l = run(t, Some(Day(2025, 12, 6)));
    assert!(
        l.events.iter().filter(|e| e.event_type == "CONSULT").all(|e| e.status == EventStatus::Hypothetical),
        "{:#?}",
        l.events
    );
    // A meeting told as done stays reported.
    let t = "عباس عراقچی روز جمعه با سرگئی لاوروف در مسکو دیدار کرد.";
    let l = run(t, Some(Day(2025, 12, 6)));
    assert_eq!(l.events[0].status, EventStatus::Reported);
}

#[test]
fn a_country_told_acting_before_its_body_is_that_body_and_a_part_of_a_country_is_in_it() {
    // Tasnim-style: the headline says the United States sanctioned, the lead says its Treasury did.
    let t = "آمریکا ۱۵ شخص و نهاد را تحریم کرد\n\
             وزارت خزانه‌داری آمریکا روز پنجشنبه ۱۵ شخص و نهاد را به اتهام مشارکت در فروش نفت تحریم کرد.\n\
             ارتش رژیم صهیونیستی بامداد امروز به مواضعی در جنوب سوریه حمله کرد.";
    let l = run(t, Some(Day(2025, 12, 4)));
    let sanctions: Vec<_> = l.events.iter().filter(|e| e.event_type == "SANCTION").collect();
    assert_eq!(sanctions.len(), 1, "{sanctions:#?}");
    assert_eq!(sanctions[0].actors, vec!["us-treasury".to_string()]);
    let attack = l.events.iter().find(|e| e.event_type == "ASSAULT").expect("the attack");
    assert_eq!(attack.location.as_deref(), Some("country-sy"), "{attack:#?}");
}

#[test]
fn clubs_meeting_on_the_pitch_is_a_match() {
    let t = "پرسپولیس و سپاهان روز جمعه در ورزشگاه آزادی با یکدیگر دیدار کردند.\n\
             باشگاه پرسپولیس در بیانیه‌ای از هواداران خود قدردانی کرد.";
    let l = run(t, Some(Day(2025, 12, 5)));
    assert!(l.events.is_empty(), "{:#?}", l.events);
}

#[test]
fn a_headline_told_by_countries_folds_into_the_dated_act_of_their_official() {
    // The headline (no day told: the article's day) and the body (Tuesday) tell one act.
    let t = "لاوروف: روسیه از ایران حمایت می‌کند\n\
             سرگئی لاوروف وزیر خارجه روسیه روز سه شنبه در مسکو گفت که کشورش از حق ایران برای غنی‌سازی حمایت می‌کند.";
    let l = run(t, Some(Day(2025, 12, 10)));
    let support: Vec<_> = l.events.iter().filter(|e| e.event_type == "SUPPORT").collect();
    assert_eq!(support.len(), 1, "{support:#?}");
    assert_eq!(support[0].actors[0], "sergey-lavrov");
}

#[test]
fn interview_answers_are_the_interviewees_and_a_surname_in_two_words_names_him() {
    // Khabaronline-style Q&A: questions opened by "*", answers in the paragraphs after them.
    let t = "کنعانی مقدم: توافق موقت به نفع ایران است\n\n\
             حسین کنعانی مقدم، تحلیلگر مسائل سیاسی، در گفت‌وگو با خبرآنلاین به پرسش‌هایی درباره آینده مذاکرات پاسخ داد.\n\n\
             * ارزیابی شما از دور جدید مذاکرات چیست؟\n\n\
             به نظر من طرفین به یک توافق موقت نزدیک شده‌اند و این توافق به نفع ایران است.\n\n\
             * آیا آمریکا به تعهداتش عمل خواهد کرد؟\n\n\
             تجربه گذشته نشان می‌دهد که نمی‌توان به آمریکا اعتماد کرد.";
    let l = run(t, Some(Day(2025, 12, 11)));
    let fa = |prefix: &str| {
        l.quotes.iter().find(|q| q.text.starts_with(prefix)).and_then(|q| q.speaker_name_fa.clone())
    };
    assert_eq!(fa("توافق موقت").as_deref(), Some("حسین کنعانی مقدم"));
    assert_eq!(fa("به نظر من").as_deref(), Some("حسین کنعانی مقدم"));
    assert_eq!(fa("تجربه گذشته").as_deref(), Some("حسین کنعانی مقدم"));
    // The questions are nobody's quote.
    assert!(!l.quotes.iter().any(|q| q.text.contains("چیست")), "{:#?}", l.quotes);
    // Without the interview told, a paragraph after a question is no one's.
    let t = "* ارزیابی شما از دور جدید مذاکرات چیست؟\n\nبه نظر من طرفین به یک توافق موقت نزدیک شده‌اند.";
    assert!(run(t, Some(Day(2025, 12, 11))).quotes.is_empty());
}

#[test]
fn interview_questions_that_lost_their_marks_are_still_questions() {
    // Mehr-style interview as scraped: the bold type of the questions is gone, two short paragraphs end with "؟".
    let t = "عباس علی‌آبادی وزیر نیرو در گفت‌وگو با خبرگزاری مهر به پرسش‌هایی درباره منابع آبی کشور پاسخ داد.\n\n\
             آقای وزیر، وضعیت ذخایر سدهای تهران چگونه است؟\n\n\
             ذخایر سدهای تهران نسبت به سال گذشته ۴۰ درصد کاهش یافته است.\n\n\
             برنامه وزارت نیرو برای تابستان چیست؟\n\n\
             ما برنامه مدیریت فشار را در همه مناطق اجرا می‌کنیم.";
    let l = run(t, Some(Day(2025, 5, 26)));
    for prefix in ["ذخایر سدهای", "ما برنامه"] {
        let q = l.quotes.iter().find(|q| q.text.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix}: {:#?}", l.quotes));
        assert_eq!(q.speaker.as_deref(), Some("abbas-aliabadi"));
    }
    assert!(!l.quotes.iter().any(|q| q.text.contains("چگونه است")), "{:#?}", l.quotes);
    // One question alone (a rhetorical one in a report) makes no interview.
    let t = "عباس علی‌آبادی وزیر نیرو در گفت‌وگو با خبرگزاری مهر از کمبود آب خبر داد.\n\n\
             چرا مصرف آب کاهش نمی‌یابد؟\n\n\
             کارشناسان معتقدند که قیمت آب پایین است.";
    let l = run(t, Some(Day(2025, 5, 26)));
    assert!(!l.quotes.iter().any(|q| q.text.starts_with("کارشناسان")), "{:#?}", l.quotes);
}

#[test]
fn an_added_fact_opened_by_gofta_ni_ast_has_its_own_subject_and_no_day() {
    let t = "سید عباس عراقچی وزیر امور خارجه امروز با هاکان فیدان وزیر امور خارجه ترکیه تلفنی گفت‌وگو کرد.\n\
             گفتنی است وزیر خارجه ترکیه ماه گذشته به تهران سفر کرده و با مسعود پزشکیان رئیس جمهور دیدار کرده بود.";
    let l = run(t, Some(Day(2025, 12, 12)));
    let met = l
        .events
        .iter()
        .find(|e| e.actors.contains(&"masoud-pezeshkian".to_string()))
        .expect("the meeting with the president");
    assert_eq!(met.actors[0], "hakan-fidan", "{met:#?}");
    // "ماه گذشته": some day of last month, not the article's day.
    assert_eq!(met.date, None, "{met:#?}");
}

#[test]
fn a_country_object_right_after_the_subjects_office_is_the_object() {
    let t = "همچنین دونالد ترامپ رئیس جمهور آمریکا ایران را به اقدام نظامی تهدید کرد.";
    let l = run(t, Some(Day(2025, 12, 13)));
    let th = l.events.iter().find(|e| e.event_type == "THREATEN").expect("the threat");
    assert_eq!(th.actors, vec!["donald-trump".to_string(), "country-ir".to_string()]);
}

#[test]
fn protesting_workers_speak_as_a_group() {
    // ILNA-style labour report: the workers' words are theirs, not the official's named before.
    let t = "اسکندر مومنی وزیر کشور دیروز از اهواز بازدید کرد.\n\
             کارگران معترض می‌گویند سه ماه است حقوق دریافت نکرده‌اند.";
    let l = run(t, Some(Day(2025, 12, 13)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("سه ماه")).expect("the workers' quote");
    assert_eq!(q.speaker, None, "{q:#?}");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("کارگران معترض"), "{q:#?}");
}

#[test]
fn an_official_named_by_an_office_the_article_gives_nobody_speaks_for_himself_and_meets_nobody_alone() {
    // IRNA provincial style: the governor is named, the consul general only by office.
    let t = "استاندار خوزستان در دیدار با سرکنسول عراق در اهواز بر توسعه همکاری‌های تجاری تاکید کرد.\n\
             محمدرضا موالی‌زاده روز یکشنبه در این دیدار اظهار داشت: مرزهای شلمچه و چذابه نقش مهمی در تجارت دارند.\n\
             سرکنسول عراق در اهواز نیز در این دیدار گفت: دولت عراق از گسترش روابط با استان خوزستان استقبال می‌کند.";
    let l = run(t, Some(Day(2024, 10, 13)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("دولت عراق")).expect("the consul's quote");
    assert_eq!(q.speaker, None, "{q:#?}");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("سرکنسول عراق"), "{q:#?}");
    // The partner alone is not the one who met: no "Iraq met".
    assert!(!l.events.iter().any(|e| e.actors == vec!["country-iq".to_string()]), "{:#?}", l.events);
}

#[test]
fn a_phone_call_about_a_country_is_not_with_it_and_a_coordinated_clause_holds_no_object() {
    let t = "به گزارش ایسنا به نقل از رویترز، ولادیمیر پوتین رئیس جمهور روسیه و رجب طیب اردوغان رئیس جمهور ترکیه \
             امروز در تماس تلفنی درباره اوضاع سوریه گفت‌وگو کردند.\n\
             اردوغان در این گفت‌وگو گفت: ترکیه خواهان حفظ تمامیت ارضی سوریه است و با هرگونه تلاش برای تجزیه این کشور مخالفت می‌کند.\n\
             دیمیتری پسکوف سخنگوی کرملین گفت: دو رهبر توافق کردند که تماس‌ها ادامه یابد.";
    let l = run(t, Some(Day(2024, 12, 11)));
    let syria = "country-sy".to_string();
    assert!(!l.events.iter().any(|e| e.actors.contains(&syria)), "{:#?}", l.events);
    let call = l.events.iter().find(|e| e.event_type == "CONSULT").expect("the call");
    assert_eq!(call.actors, vec!["vladimir-putin".to_string(), "recep-tayyip-erdogan".to_string()]);
    // "دو رهبر": the two of the call.
    let agree = l.events.iter().find(|e| e.event_type == "AGREE").expect("the agreement");
    assert_eq!(agree.actors, call.actors);
}

#[test]
fn a_capital_asked_is_its_country_and_an_object_alone_tells_no_event() {
    let t = "شینزو آبه نخست وزیر ژاپن از تلاش‌های ایران برای حفظ برجام استقبال کرد و از تهران خواست به این توافق پایبند بماند.";
    let l = run(t, Some(Day(2019, 12, 20)));
    let r = l.events.iter().find(|e| e.event_type == "REQUEST").expect("the request");
    assert_eq!(r.actors[1], "country-ir", "{r:#?}");
    // The capital stands for its country only where the article names the country.
    let t = "شینزو آبه نخست وزیر ژاپن از تهران خواست به برجام پایبند بماند.";
    assert!(!run(t, Some(Day(2019, 12, 20))).events.iter().any(|e| e.event_type == "REQUEST"));
    // Nobody acts in "روابط تهران و ریاض ... کمک خواهد کرد": no "Saudi Arabia is to aid".
    let t = "علی شمخانی گفت: نگاه به آینده در روابط تهران و ریاض به ثبات منطقه کمک خواهد کرد.";
    let l = run(t, Some(Day(2023, 3, 10)));
    assert!(l.events.is_empty(), "{:#?}", l.events);
}

#[test]
fn a_meeting_told_in_a_city_and_in_its_country_is_one() {
    let t = "عراقچی در دوحه با همتای قطری دیدار کرد\n\
             سید عباس عراقچی وزیر امور خارجه که به قطر سفر کرده، امروز با محمد بن عبدالرحمن آل ثانی نخست وزیر و وزیر امور خارجه قطر دیدار کرد.";
    let l = run(t, Some(Day(2025, 1, 1)));
    let meets: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(meets.len(), 1, "{meets:#?}");
    assert_eq!(meets[0].location.as_deref(), Some("doha"));
}

#[test]
fn a_bodys_public_relations_speak_for_the_body_and_its_statement_is_the_bodys() {
    // Defa Press style: the statement of the IRGC Navy's public relations, then quoted from.
    let t = "روابط عمومی نیروی دریایی سپاه پاسداران انقلاب اسلامی در اطلاعیه‌ای اعلام کرد: دو فروند پهپاد متجاوز رهگیری و وادار به بازگشت شدند.\n\
             در این اطلاعیه آمده است: نیروی دریایی سپاه هرگونه تحرک در خلیج فارس را رصد می‌کند.";
    let l = run(t, Some(Day(2024, 7, 26)));
    for prefix in ["دو فروند", "نیروی دریایی سپاه هرگونه"] {
        let q = l.quotes.iter().find(|q| q.text.starts_with(prefix)).unwrap_or_else(|| panic!("{prefix}: {:#?}", l.quotes));
        assert_eq!(q.speaker.as_deref(), Some("irgc-navy"), "{q:#?}");
    }
}

#[test]
fn according_to_an_unnamed_source_and_a_body_whose_name_joins_nouns_with_va() {
    // BBC Persian style: a driver who would not be named, then a body the knowledge base does not hold.
    let t = "به گفته یک راننده در بندرعباس که نخواست نامش فاش شود، «بیشتر کامیون‌ها در پایانه خاموش مانده‌اند».\n\
             سازمان راهداری و حمل و نقل جاده‌ای در بیانیه‌ای اعلام کرد که اعتصاب گسترده نیست.";
    let l = run(t, Some(Day(2024, 5, 23)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("بیشتر کامیون")).expect("the driver's words");
    assert_eq!(q.speaker, None, "{q:#?}");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("یک راننده"));
    assert!(q.direct);
    assert_eq!(q.text, "بیشتر کامیون‌ها در پایانه خاموش مانده‌اند");
    let q = l.quotes.iter().find(|q| q.text.starts_with("اعتصاب")).expect("the statement");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("سازمان راهداری و حمل و نقل جاده‌ای"));
    // "و" before another body or an office ends the name.
    let t = "وزارت امور خارجه و وزیر کشور در بیانیه‌ای اعلام کردند که اعتصاب گسترده نیست.";
    let l = run(t, Some(Day(2024, 5, 23)));
    assert_eq!(l.quotes[0].speaker.as_deref(), Some("mfa-iran"), "{:#?}", l.quotes);
}

#[test]
fn confirming_and_denying_report_speech() {
    let t = "پنتاگون در بیانیه‌ای تایید کرد که در این حمله سه نظامی آمریکایی زخمی شدند.\n\n\
             سخنگوی وزارت امور خارجه ایران این ادعا را تکذیب کرد و گفت: ایران در این حمله نقشی نداشته است.\n\n\
             شورای نگهبان این لایحه را تایید کرد.";
    let l = run(t, Some(Day(2024, 8, 4)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("در این حمله")).expect("the confirmation");
    assert_eq!(q.speaker.as_deref(), Some("pentagon"));
    assert_eq!(q.verb_en, "confirmed");
    // Approving a bill says nothing.
    assert!(!l.quotes.iter().any(|q| q.text.contains("لایحه")), "{:#?}", l.quotes);
}

#[test]
fn a_country_named_by_its_people_in_a_reported_clause_is_the_object() {
    let t = "شورای اتحادیه اروپا امروز در بیانیه‌ای اعلام کرد که ۸ فرد و نهاد ایرانی را به اتهام ارسال موشک به روسیه تحریم کرده است.\n\nایران این اقدام را محکوم کرد.";
    let l = run(t, Some(Day(2024, 10, 14)));
    let s = l.events.iter().find(|e| e.event_type == "SANCTION").expect("the sanctions");
    assert_eq!(s.actors, vec!["council-eu".to_string(), "country-ir".to_string()], "{s:#?}");
}

#[test]
fn a_countrys_jets_act_for_it_and_condemning_these_attacks_condemns_their_doer() {
    let t = "جنگنده‌های رژیم صهیونیستی بامداد امروز اردوگاه نصیرات در مرکز نوار غزه را بمباران کردند.\n\n\
             جنبش حماس نیز در بیانیه‌ای این حملات را محکوم کرد.\n\n\
             جمهوری اسلامی ایران نقش داشتن در این حمله را رد کرده است.";
    let l = run(t, Some(Day(2024, 12, 2)));
    let bomb = l.events.iter().find(|e| e.event_type == "ASSAULT").expect("the bombing");
    assert_eq!(bomb.actors, vec!["country-il".to_string()], "{bomb:#?}");
    let c = l.events.iter().find(|e| e.event_type == "ACCUSE").expect("the condemnation");
    assert_eq!(c.actors, vec!["hamas".to_string(), "country-il".to_string()], "{c:#?}");
    // Denying a role in the attack rejects nobody the attack names.
    assert!(
        l.events.iter().filter(|e| e.event_type == "REJECT").all(|e| e.actors.len() == 1),
        "{:#?}",
        l.events
    );
}

#[test]
fn a_phone_call_told_as_a_noun_phrase_is_a_call() {
    let t = "رایزنی تلفنی عراقچی و لاوروف\n\nوزیران امور خارجه ایران و روسیه امروز در تماسی تلفنی درباره تحولات منطقه گفت‌وگو کردند.";
    let l = run(t, Some(Day(2025, 1, 15)));
    let call = l.events.iter().find(|e| e.event_type == "CONSULT").expect("the call");
    assert_eq!(call.mode, "phone", "{call:#?}");
    assert_eq!(call.actors, vec!["abbas-araghchi".to_string(), "sergey-lavrov".to_string()]);
}

#[test]
fn a_body_told_acting_in_the_headline_is_its_part_that_acts_in_the_body() {
    let t = "اتحادیه اروپا ۸ فرد و نهاد ایرانی را تحریم کرد\n\n\
             شورای اتحادیه اروپا امروز در بیانیه‌ای اعلام کرد که ۸ فرد و نهاد ایرانی را به اتهام ارسال موشک به روسیه تحریم کرده است.\n\n\
             وزارت امور خارجه ایران این تحریم‌ها را محکوم کرد.";
    let l = run(t, Some(Day(2024, 10, 14)));
    let s: Vec<_> = l.events.iter().filter(|e| e.event_type == "SANCTION").collect();
    assert_eq!(s.len(), 1, "{s:#?}");
    assert_eq!(s[0].actors, vec!["council-eu".to_string(), "country-ir".to_string()]);
}

#[test]
fn a_demand_names_what_is_asked_before_its_verb_and_an_unknown_subject_is_not_the_last() {
    let t = "عباس عراقچی وزیر امور خارجه امروز با هاکان فیدان دیدار کرد.\n\n\
             وی همچنین خواستار توقف فوری حملات رژیم صهیونیستی به لبنان شد.\n\n\
             بیانیه پایانی این نشست خواستار توقف فوری جنگ در غزه شد.";
    let l = run(t, Some(Day(2024, 11, 11)));
    let asks: Vec<_> = l.events.iter().filter(|e| e.event_type == "REQUEST").collect();
    assert_eq!(asks.len(), 1, "{asks:#?}");
    assert_eq!(asks[0].actors, vec!["abbas-araghchi".to_string()]);
    // The attacks' target is no place of the demand.
    assert_eq!(asks[0].location, None, "{:#?}", asks[0]);
}

#[test]
fn an_adverbial_after_the_objects_ra_holds_no_object() {
    let t = "مائو نینگ سخنگوی وزارت خارجه چین گفت چین با تحریم‌های یکجانبه علیه ایران مخالف است.\n\n\
             وزارت خزانه‌داری آمریکا هفته گذشته چندین شرکت چینی را به اتهام خرید نفت ایران تحریم کرده بود.";
    let l = run(t, Some(Day(2025, 2, 28)));
    let s = l.events.iter().find(|e| e.event_type == "SANCTION").expect("the sanctions");
    assert_eq!(s.actors, vec!["us-treasury".to_string(), "country-cn".to_string()], "{s:#?}");
}

#[test]
fn a_plan_takes_no_past_day_of_an_earlier_clause() {
    // "روز گذشته" is the day he arrived; the meeting is still to come.
    let t = "محمود المشهدانی رئیس مجلس نمایندگان عراق روز گذشته وارد تهران شد و قرار است با مسعود پزشکیان \
             رئیس جمهور کشورمان دیدار کند.";
    let l = run(t, Some(Day(2024, 12, 9)));
    let e = l
        .events
        .iter()
        .find(|e| e.actors.contains(&"masoud-pezeshkian".to_string()))
        .expect("planned meeting");
    assert_eq!(e.status, EventStatus::Planned);
    assert!(e.english.starts_with("Mahmoud al-Mashhadani"), "{}", e.english);
    assert_eq!(e.date.as_deref(), Some("2024-12-09"));
}

#[test]
fn this_attack_condemned_after_a_condemnation_is_its_doers() {
    // The attack is Russia's: the first condemnation blamed Russia; its condemner did not attack.
    let t = "ولودیمیر زلنسکی رئیس جمهور اوکراین حمله موشکی روسیه به کییف را محکوم کرد و خواستار افزایش فشار بر \
             مسکو شد.\n\nوزارت امور خارجه فرانسه نیز در بیانیه‌ای این حمله را محکوم کرد.";
    let l = run(t, Some(Day(2025, 4, 15)));
    let france = l
        .events
        .iter()
        .find(|e| e.actors.first().is_some_and(|a| a == "mfa-france"))
        .unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(france.event_type, "ACCUSE");
    assert_eq!(france.actors, vec!["mfa-france".to_string(), "country-ru".to_string()], "{}", france.english);
}

#[test]
fn a_body_attached_to_another_is_named_without_the_attachment() {
    let t = "مرکز لرزه‌نگاری کشوری وابسته به موسسه ژئوفیزیک دانشگاه تهران اعلام کرد این زلزله در عمق ۱۰ کیلومتری \
             زمین رخ داده است.";
    let l = run(t, Some(Day(2025, 1, 21)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("این زلزله")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker_name_fa.as_deref(), Some("مرکز لرزه‌نگاری کشوری"));
}

#[test]
fn a_condolence_message_its_text_and_a_second_condolence_for_the_same_death() {
    let t = "حضرت آیت‌الله خامنه‌ای رهبر معظم انقلاب اسلامی در پیامی درگذشت عالم ربانی آیت‌الله حسین نوری همدانی را \
             تسلیت گفتند.\n\nمتن پیام رهبر انقلاب به این شرح است: درگذشت عالم ربانی را به حوزه‌های علمیه و خاندان \
             محترم ایشان تسلیت عرض می‌کنم.\n\nرئیس جمهور نیز در پیامی درگذشت این مرجع تقلید را تسلیت گفت.";
    let l = run(t, Some(Day(2025, 6, 5)));
    // "عالم ربانی" is an epithet, not a person, in both places.
    assert!(!l.events.iter().any(|e| e.actors.iter().any(|a| a.starts_with("local-"))), "{:#?}", l.events);
    let q = l.quotes.iter().find(|q| q.text.starts_with("درگذشت عالم ربانی")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker.as_deref(), Some("ali-khamenei"));
    // "این مرجع تقلید" is the one the first condolence named.
    let second = l
        .events
        .iter()
        .find(|e| e.actors.first().is_some_and(|a| a == "masoud-pezeshkian"))
        .unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(second.actors, vec!["masoud-pezeshkian".to_string(), "hossein-nouri-hamedani".to_string()]);
}

#[test]
fn an_act_told_again_without_its_target_is_the_same_act() {
    let t = "ترامپ ایران را به حمله نظامی تهدید کرد\n\nرئیس جمهور آمریکا در مصاحبه با شبکه ان‌بی‌سی ایران را تهدید کرد که \
             در صورت عدم توافق هسته‌ای، بمباران خواهد شد.";
    let l = run(t, Some(Day(2025, 3, 31)));
    let threats: Vec<_> = l.events.iter().filter(|e| e.event_type == "THREATEN").collect();
    assert_eq!(threats.len(), 1, "{threats:#?}");
    assert_eq!(threats[0].actors, vec!["donald-trump".to_string(), "country-ir".to_string()]);
}

#[test]
fn a_place_after_a_meeting_noun_is_no_party_to_it() {
    let t = "مسعود پزشکیان و ولادیمیر پوتین پس از دیدار در کاخ کرملین این سند را امضا کردند.";
    let l = run(t, Some(Day(2025, 1, 17)));
    assert!(!l.events.iter().any(|e| e.actors.iter().any(|a| a == "kremlin")), "{:#?}", l.events);
    let signed = l.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(signed.actors, vec!["masoud-pezeshkian".to_string(), "vladimir-putin".to_string()]);
}

#[test]
fn a_town_attacked_is_where_the_attack_was() {
    let t = "ارتش رژیم صهیونیستی ساعاتی بعد شهر رفح را بمباران کرد.";
    let l = run(t, Some(Day(2024, 5, 6)));
    let attack = l.events.iter().find(|e| e.event_type == "ASSAULT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(attack.location_en.as_deref(), Some("Rafah"));
    assert!(!attack.actors.iter().any(|a| a == "rafah"));
}

#[test]
fn seizures_and_arrests_are_coercion() {
    let t = "پلیس عراق ۱۰ عضو داعش را دستگیر کرد.\n\nعباس عراقچی بازداشت دو تبعه ایرانی در انگلیس را محکوم کرد.";
    let l = run(t, Some(Day(2024, 4, 11)));
    let arrest = l.events.iter().find(|e| e.event_type == "COERCE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(arrest.mode, "arrest");
    assert_eq!(arrest.actors, vec!["country-iq".to_string(), "isis".to_string()]);
    assert!(arrest.english.contains("arrested"), "{}", arrest.english);
    // "بازداشت" as a noun, the object of a condemnation, is no arrest.
    assert_eq!(l.events.iter().filter(|e| e.event_type == "COERCE").count(), 1, "{:#?}", l.events);
}

#[test]
fn a_list_of_names_with_commas_is_one_subject() {
    let t = "سید عباس عراقچی، سرگئی لاوروف و هاکان فیدان در دوحه درباره تحولات سوریه گفتگو کردند.\n\n\
             عراقچی پیش از این نشست با شیخ محمد بن عبدالرحمن آل ثانی نخست وزیر قطر دیدار کرده بود.";
    let l = run(t, Some(Day(2024, 12, 7)));
    let three = l.events.iter().find(|e| e.actors.len() == 3).unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(three.actors, vec!["abbas-araghchi".to_string(), "sergey-lavrov".to_string(), "hakan-fidan".to_string()]);
    // "پیش از این نشست": before the meeting just told, on the same day, not at an untold earlier time.
    let qatar = l
        .events
        .iter()
        .find(|e| e.actors.contains(&"mohammed-bin-abdulrahman-al-thani".to_string()))
        .unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(qatar.date.as_deref(), Some("2024-12-07"));
    // The countries of a group of ministers are not the group: no event of Russia and Turkey without Iran.
    let l = run("وزرای امور خارجه ایران، روسیه و ترکیه در دوحه گفتگو کردند.", Some(Day(2024, 12, 7)));
    assert!(!l.events.iter().any(|e| !e.actors.contains(&"country-ir".to_string())), "{:#?}", l.events);
}

#[test]
fn the_time_of_a_meeting_not_yet_set_tells_a_planned_meeting() {
    let t = "ولادیمیر پوتین و دونالد ترامپ تلفنی گفتگو کردند.\n\nدیمیتری پسکوف سخنگوی کرملین گفت: زمان دیدار پوتین و ترامپ \\
             هنوز مشخص نشده است.";
    let l = run(t, Some(Day(2025, 2, 23)));
    let e = l
        .events
        .iter()
        .find(|e| e.event_type == "CONSULT" && e.mode == "meet")
        .unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.status, EventStatus::Planned, "{}", e.english);
    assert_eq!(e.actors, vec!["vladimir-putin".to_string(), "donald-trump".to_string()]);
    // The call was reported; the meeting is not.
    assert!(!l.events.iter().any(|e| e.mode == "meet" && e.status == EventStatus::Reported), "{:#?}", l.events);
}

#[test]
fn a_rank_before_a_name_is_the_persons_title() {
    // "امیر" is also an emir's title; before "سرتیپ" and a name it is a rank, and the named person speaks.
    let t = "امیر سرتیپ عزیز نصیرزاده وزیر دفاع و پشتیبانی نیروهای مسلح در مراسمی در تهران گفت: توان دفاعی کشور \
             روز به روز افزایش می‌یابد.";
    let l = run(t, Some(Day(2024, 10, 1)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("توان دفاعی")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker.as_deref(), Some("aziz-nasirzadeh"));
}

#[test]
fn an_office_in_the_headline_and_the_lead_is_the_person_named_next() {
    let t = "نماینده مردم تبریز: مجلس از این طرح حمایت می‌کند\n\nنماینده مردم تبریز، آذرشهر و اسکو در مجلس شورای \
             اسلامی گفت: طرح مالیات بر عایدی سرمایه به زودی بررسی می‌شود.\n\nمحمود عباس‌زاده مشکینی روز پنجشنبه در \
             گفتگو با خبرنگار ایرنا افزود: این طرح از سفته‌بازی جلوگیری می‌کند.";
    let l = run(t, Some(Day(2025, 2, 21)));
    let lead = l.quotes.iter().find(|q| q.text.starts_with("طرح مالیات")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(lead.speaker_name_fa.as_deref(), Some("محمود عباس‌زاده مشکینی"));
}

#[test]
fn an_unknown_part_of_a_named_body_speaks_not_the_last_person() {
    let t = "امانوئل ماکرون رئیس جمهور فرانسه در پاریس سخنرانی کرد.\n\nبه گزارش ایسنا به نقل از رویترز، دفتر نخست وزیری \
             انگلیس در بیانیه‌ای اعلام کرد: دو رهبر بر ضرورت صلح تاکید کردند.";
    let l = run(t, Some(Day(2025, 3, 10)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("دو رهبر")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker, None, "{q:#?}");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("دفتر نخست وزیری انگلیس"));
}

#[test]
fn a_cue_used_as_an_adverbial_takes_the_object_after_it() {
    // "ضمن/با + cue + infinitive or marker": the act is the subject's, its object follows ("با محکوم کردن حملات
    // رژیم صهیونیستی به لبنان": the attacker, not the place after "به").
    let t = "مسعود پزشکیان در گفتگوی تلفنی با رجب طیب اردوغان ضمن تشکر از مواضع ترکیه اظهار داشت: جنایات باید متوقف شود.\n\n\
             رئیس جمهور ترکیه نیز در این گفتگو با محکوم کردن حملات رژیم صهیونیستی به لبنان گفت: ترکیه در کنار لبنان است.\n\n\
             عباس عراقچی با قدردانی از مواضع روسیه گفت: همکاری دو کشور گسترش خواهد یافت.";
    let l = run(t, Some(Day(2024, 10, 3)));
    let find = |ty: &str, first: &str| {
        l.events
            .iter()
            .find(|e| e.event_type == ty && e.actors.first().map(String::as_str) == Some(first))
            .unwrap_or_else(|| panic!("no {ty} by {first}: {:#?}", l.events))
    };
    let thanks = find("SUPPORT", "masoud-pezeshkian");
    assert_eq!(thanks.actors, ["masoud-pezeshkian", "country-tr"]);
    let condemn = find("ACCUSE", "recep-tayyip-erdogan");
    assert_eq!(condemn.actors, ["recep-tayyip-erdogan", "country-il"]);
    assert_eq!(condemn.status, EventStatus::Reported);
    // The future inside the quote is not the praise's tense.
    let praise = find("SUPPORT", "abbas-araghchi");
    assert_eq!(praise.actors, ["abbas-araghchi", "country-ru"]);
    assert_eq!(praise.status, EventStatus::Reported);
    // A cue after "با" without its marker is a manner: "با حمایت آمریکا" is no support by the subject.
    let t = "ارتش اسرائیل با حمایت آمریکا به غزه حمله کرد.";
    let l = run(t, Some(Day(2024, 10, 3)));
    assert!(!l.events.iter().any(|e| e.event_type == "SUPPORT"), "{:#?}", l.events);
}

#[test]
fn a_demand_places_nothing_and_a_pair_demands_together() {
    let t = "آنتونیو گوترش دبیرکل سازمان ملل متحد در نیویورک خواستار آتش بس فوری در غزه شد.\n\n\
             سید ابراهیم رئیسی در تماس تلفنی با ولادیمیر پوتین درباره روابط دو کشور گفتگو کرد.\n\n\
             دو رئیس جمهور همچنین خواستار توقف فوری حملات اسرائیل شدند.";
    let l = run(t, Some(Day(2024, 3, 8)));
    let asks: Vec<_> = l.events.iter().filter(|e| e.event_type == "REQUEST").collect();
    assert_eq!(asks.len(), 2, "{asks:#?}");
    // Where the demand was made, not the place it asks about.
    assert_eq!(asks[0].location_en.as_deref(), Some("New York"));
    // "دو رئیس جمهور": both ask; neither is asked.
    assert_eq!(asks[1].actors, ["ebrahim-raisi", "vladimir-putin"]);
    assert_eq!(asks[1].sources, 2);
}

#[test]
fn an_office_shared_by_two_titles_is_one_subject() {
    // "سفیر و نماینده دائم ایران": one person's title, not Iran as a second subject (nor Iran condemned).
    let t = "امیرسعید ایروانی سفیر و نماینده دائم ایران در سازمان ملل در این نشست حملات رژیم صهیونیستی را محکوم کرد.\n\n\
             مسعود پزشکیان رئیس‌جمهور و ولادیمیر پوتین رئیس‌جمهور روسیه پیمان همکاری دو کشور را امضا کردند.";
    let l = run(t, Some(Day(2024, 10, 14)));
    let condemn = l.events.iter().find(|e| e.event_type == "ACCUSE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(condemn.actors, ["amir-saeid-iravani", "country-il"]);
    assert_eq!(condemn.sources, 1);
    // Two names, each with an office: two subjects.
    let signed = l.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(signed.actors, ["masoud-pezeshkian", "vladimir-putin"]);
    assert_eq!(signed.sources, 2);
}

#[test]
fn affixes_written_apart_read_as_their_words() {
    // Copies with a space for the ZWNJ: "می کند", "جنگنده های". The forces act for their country (not the last
    // person named), the present tense is read, and the town attacked is the place.
    let t = "عباس عراقچی از طرح چین حمایت می کند.\n\n\
             جنگنده های رژیم صهیونیستی بامداد امروز شهر نبطیه در جنوب لبنان را بمباران کردند.\n\n\
             حزب الله لبنان پایگاه نظامی رژیم صهیونیستی را با موشک هدف قرار داد.";
    let l = run(t, Some(Day(2024, 9, 26)));
    let support = l.events.iter().find(|e| e.event_type == "SUPPORT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(support.actors, ["abbas-araghchi", "country-cn"]);
    let attacks: Vec<_> = l.events.iter().filter(|e| e.event_type == "ASSAULT").collect();
    assert_eq!(attacks.len(), 2, "{attacks:#?}");
    assert_eq!(attacks[0].actors, ["country-il"]);
    assert_eq!(attacks[0].location.as_deref(), Some("nabatieh"));
    // "هدف قرار داد": an attack on the object.
    assert_eq!(attacks[1].actors, ["hezbollah", "country-il"]);
}

#[test]
fn help_to_nobody_named_and_a_decision_supported_are_no_plans() {
    // "به ثبات بازار کمک خواهد کرد" helps no actor; "از این تصمیم حمایت می‌کند" supports now ("تصمیم" after a
    // preposition and a demonstrative tells no plan).
    let t = "محسن پاک‌نژاد وزیر نفت گفت: ایران از این تصمیم حمایت می‌کند زیرا به ثبات بازار کمک خواهد کرد.";
    let l = run(t, Some(Day(2024, 12, 5)));
    assert!(!l.events.iter().any(|e| e.event_type == "AID"), "{:#?}", l.events);
    let support = l.events.iter().find(|e| e.event_type == "SUPPORT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(support.status, EventStatus::Reported);
    // Help to someone named is aid.
    let l = run("چین به ایران کمک کرد.", Some(Day(2024, 12, 5)));
    assert!(l.events.iter().any(|e| e.event_type == "AID" && e.actors == ["country-cn", "country-ir"]), "{:#?}", l.events);
}

#[test]
fn an_act_called_new_is_the_one_told_before() {
    let t = "وزارت خزانه‌داری آمریکا شش شرکت چینی را تحریم کرد.\n\n\
             اسماعیل بقائی سخنگوی وزارت امور خارجه تحریم‌های جدید را محکوم کرد.";
    let l = run(t, Some(Day(2024, 11, 21)));
    let condemn = l.events.iter().find(|e| e.event_type == "ACCUSE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(condemn.actors, ["esmaeil-baghaei", "us-treasury"]);
}

#[test]
fn the_friday_preacher_is_the_friday_prayer_leader_told_before() {
    let t = "حجت الاسلام والمسلمین کاظم صدیقی امام جمعه موقت تهران در خطبه‌های نماز جمعه گفت: دشمن شکست خورده است.\n\n\
             خطیب نماز جمعه تهران با اشاره به تحولات سوریه گفت: جبهه مقاومت زنده است.";
    let l = run(t, Some(Day(2024, 12, 13)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("جبهه مقاومت")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker.as_deref(), Some("kazem-seddiqi"));
}

#[test]
fn an_arrival_abroad_is_a_visit_and_a_return_home_is_none() {
    let t = "عبداللطیف رشید رئیس جمهور عراق صبح امروز وارد تهران شد.\n\n\
             مسعود پزشکیان رئیس جمهور پس از پایان سفر به نیویورک وارد تهران شد.\n\n\
             عباس عراقچی وزیر امور خارجه وارد مذاکره با طرف اروپایی شد.";
    let l = run(t, Some(Day(2024, 12, 8)));
    let visits: Vec<_> = l.events.iter().filter(|e| e.mode == "visit").collect();
    // Rashid's arrival in Tehran; not Pezeshkian's return to Tehran; no place, no visit.
    assert_eq!(visits[0].actors, ["abdul-latif-rashid"]);
    assert_eq!(visits[0].location.as_deref(), Some("ir-city-tehran"));
    assert_eq!(visits[0].date.as_deref(), Some("2024-12-08"));
    assert!(
        !visits.iter().any(|e| e.actors[0] != "abdul-latif-rashid" && e.location.as_deref() == Some("ir-city-tehran")),
        "{visits:#?}"
    );
    assert!(!visits.iter().any(|e| e.actors[0] == "abbas-araghchi"), "{visits:#?}");
    // The place after the arrival, not the trip before it.
    let t = "حسن روحانی رئیس‌جمهور که پس از سفر به مالزی امروز وارد توکیو شده است، با شینزو آبه نخست‌وزیر ژاپن دیدار کرد.";
    let l = run(t, Some(Day(2019, 12, 20)));
    let met = l.events.iter().find(|e| e.mode == "meet").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(met.location.as_deref(), Some("tokyo"));
}

#[test]
fn a_condemned_attack_is_the_last_one_by_another_country_and_of_its_kind() {
    // Two attacks told: Lebanon's prime minister condemns Israel's, not Hezbollah's reply.
    let t = "جنگنده‌های رژیم صهیونیستی بامداد امروز شهر نبطیه را بمباران کردند.\n\n\
             حزب‌الله لبنان در واکنش، پایگاه نظامی رژیم صهیونیستی را با موشک هدف قرار داد.\n\n\
             نجیب میقاتی نخست‌وزیر لبنان این حمله را محکوم کرد.";
    let l = run(t, Some(Day(2024, 9, 26)));
    let condemn = l.events.iter().find(|e| e.event_type == "ACCUSE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(condemn.actors, ["najib-mikati", "country-il"]);
    // "این تحریم‌ها" is the sanctions, not the attack told after them.
    let t = "وزارت خزانه‌داری آمریکا شش شرکت چینی را تحریم کرد.\n\n\
             ارتش اسرائیل شهر رفح را بمباران کرد.\n\n\
             وزارت امور خارجه چین این تحریم‌ها را محکوم کرد.";
    let l = run(t, Some(Day(2024, 9, 26)));
    let condemn = l.events.iter().find(|e| e.event_type == "ACCUSE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(condemn.actors, ["mfa-china", "us-treasury"]);
}

#[test]
fn a_clause_after_a_finite_verb_and_vav_has_its_own_subject() {
    // "چین ... است و مجلس از ... حمایت می‌کند": the parliament supports, not China; with no subject found in
    // that clause, nobody.
    let t = "محمدباقر قالیباف رئیس مجلس شورای اسلامی گفت: چین شریک راهبردی ایران است و مجلس از گسترش همکاری‌ها حمایت می‌کند.";
    let l = run(t, Some(Day(2024, 12, 9)));
    assert!(!l.events.iter().any(|e| e.actors.first().map(String::as_str) == Some("country-cn")), "{:#?}", l.events);
    let t = "محمدباقر قالیباف گفت: چین شریک راهبردی ایران است و دولت ما از گسترش همکاری‌ها با روسیه حمایت می‌کند.";
    let l = run(t, Some(Day(2024, 12, 9)));
    assert!(!l.events.iter().any(|e| e.actors.first().map(String::as_str) == Some("country-cn")), "{:#?}", l.events);
    // The same subject going on after "و" with a preposition still acts.
    let t = "عباس عراقچی وارد ریاض شد و از مواضع عربستان سعودی قدردانی کرد.";
    let l = run(t, Some(Day(2024, 10, 8)));
    assert!(l.events.iter().any(|e| e.event_type == "SUPPORT" && e.actors == ["abbas-araghchi", "country-sa"]), "{:#?}", l.events);
}

#[test]
fn an_office_of_a_country_named_in_full_is_the_person_named_for_it() {
    // "سفیر جمهوری خلق چین" in the body and "سفیر چین" in the headline: one office, one person.
    let t = "دیدار سفیر چین با رئیس مجلس\n\n\
             محمدباقر قالیباف رئیس مجلس شورای اسلامی با کونگ پیو سفیر جمهوری خلق چین در تهران دیدار کرد.\n\n\
             سفیر چین نیز در این دیدار گفت: پکن به روابط خود با تهران اهمیت می‌دهد.";
    let l = run(t, Some(Day(2024, 12, 9)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("پکن")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker_name_fa.as_deref(), Some("کونگ پیو"));
    assert!(!l.events.iter().any(|e| e.actors.contains(&"country-cn".to_string())), "{:#?}", l.events);
}

#[test]
fn an_office_of_a_body_named_with_vav_is_written_whole() {
    let t = "سخنگوی سازمان امداد و نجات جمعیت هلال احمر گفت: سه نفر در این حادثه جان باختند.";
    let l = run(t, Some(Day(2025, 1, 9)));
    let q = l.quotes.first().unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker_name_fa.as_deref(), Some("سخنگوی سازمان امداد و نجات جمعیت هلال احمر"));
}

#[test]
fn a_former_office_is_not_the_person_the_article_names_for_it_now() {
    let t = "جو بایدن رئیس جمهور آمریکا گفت: تعرفه‌ها اعمال نمی‌شود.\n\nرئیس جمهور سابق آمریکا گفت: ما پیروز می‌شویم.";
    let l = run(t, Some(Day(2024, 11, 26)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("ما پیروز")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker, None, "{q:#?}");
}

#[test]
fn a_pair_is_the_two_who_met_not_the_last_two_actors() {
    let t = "سید عباس عراقچی وزیر امور خارجه در گفتگوی تلفنی با هاکان فیدان وزیر خارجه ترکیه رایزنی کرد.\n\n\
             عراقچی همچنین از مواضع ترکیه در حمایت از مردم فلسطین قدردانی کرد.\n\n\
             دو وزیر توافق کردند که رایزنی‌ها را ادامه دهند.";
    let l = run(t, Some(Day(2024, 10, 19)));
    let agreed = l.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(agreed.actors, ["abbas-araghchi", "hakan-fidan"]);
}

#[test]
fn a_headline_opened_by_an_office_quotes_the_person_given_it() {
    let t = "عضو کمیسیون امنیت ملی: مذاکره با آمریکا باید با حفظ خطوط قرمز باشد\n\n\
             احمد بخشایش اردستانی عضو کمیسیون امنیت ملی و سیاست خارجی مجلس شورای اسلامی گفت: هرگونه مذاکره باید با \
             حفظ خطوط قرمز باشد.";
    let l = run(t, Some(Day(2024, 12, 23)));
    let q = l.quotes.iter().find(|q| q.verb == ":").unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert!(q.text.starts_with("مذاکره با آمریکا"), "{q:#?}");
    assert_eq!(q.speaker_name_fa.as_deref(), Some("احمد بخشایش اردستانی"));
    // An office nobody is named for stays the office.
    let l = run("وزیر کشور پاکستان: مرزها امن است\n\nاو گفت مرزها امن است.", Some(Day(2024, 12, 23)));
    let q = l.quotes.iter().find(|q| q.verb == ":").unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker, None);
    assert_eq!(q.speaker_name_fa.as_deref(), Some("وزیر کشور پاکستان"));
}

#[test]
fn a_trip_told_as_a_noun_is_a_visit_and_dushanbe_is_no_monday() {
    let t = "در جریان سفر مسعود پزشکیان رئیس جمهور به تاشکند، ۱۰ سند همکاری به امضا رسید.\n\n\
             در سفر آتی عباس عراقچی به مسکو، سند همکاری امضا می‌شود.\n\n\
             مسعود پزشکیان و شوکت میرضیایف پیش از این در دوشنبه پایتخت تاجیکستان با یکدیگر دیدار کرده بودند.";
    let l = run(t, Some(Day(2024, 12, 4)));
    let visits: Vec<_> = l.events.iter().filter(|e| e.mode == "visit").collect();
    assert_eq!(visits.len(), 2, "{visits:#?}");
    assert_eq!(visits[0].actors, ["masoud-pezeshkian"]);
    assert_eq!(visits[0].location.as_deref(), Some("tashkent"));
    assert_eq!(visits[0].status, EventStatus::Reported);
    assert_eq!(visits[1].location.as_deref(), Some("moscow"));
    assert_eq!(visits[1].status, EventStatus::Planned);
    // The earlier meeting was in Dushanbe, on no day the text tells (not "Monday").
    let met = l.events.iter().find(|e| e.mode == "meet").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(met.location.as_deref(), Some("dushanbe"));
    assert_eq!(met.date, None);
}

#[test]
fn a_countrys_support_and_an_officials_praise_are_two_acts() {
    let t = "سرگئی لاوروف در این گفتگو گفت: روسیه از حق ایران برای استفاده صلح‌آمیز از انرژی هسته‌ای حمایت می‌کند.\n\n\
             عباس عراقچی نیز با قدردانی از مواضع روسیه گفت: همکاری دو کشور گسترش می‌یابد.";
    let l = run(t, Some(Day(2025, 1, 15)));
    let support: Vec<_> = l.events.iter().filter(|e| e.event_type == "SUPPORT").collect();
    assert_eq!(support.len(), 2, "{support:#?}");
    assert_eq!(support[0].actors, ["country-ru", "country-ir"]);
    assert_eq!(support[1].actors, ["abbas-araghchi", "country-ru"]);
}

#[test]
fn a_meeting_at_this_gathering_is_where_the_gathering_was() {
    // IRNA style: the summit is told with its city, a later meeting only as "در حاشیه این نشست".
    let t = "رئیس جمهور کشورمان در حاشیه نشست سران بریکس در کازان با ولادیمیر پوتین رئیس جمهور روسیه دیدار و گفتگو کرد.\n\
             مسعود پزشکیان همچنین در حاشیه این نشست با شی جین پینگ رئیس جمهور چین دیدار کرد.\n\
             عراقچی که رئیس جمهور را در این نشست همراهی می‌کند، هفته گذشته با وزیر خارجه عمان تلفنی گفتگو کرده بود.";
    let l = run(t, Some(Day(2024, 10, 23)));
    let with = |id: &str| l.events.iter().find(|e| e.actors.iter().any(|a| a == id)).unwrap_or_else(|| panic!("{id}: {:#?}", l.events));
    assert_eq!(with("vladimir-putin").location_en.as_deref(), Some("Kazan"));
    assert_eq!(with("xi-jinping").location_en.as_deref(), Some("Kazan"));
    // A phone call is nowhere.
    assert_eq!(with("badr-albusaidi").location_en, None);
    // A gathering told without its place gives none.
    let t = "وزیر امور خارجه کشورمان به بیاریتز محل برگزاری نشست سران گروه هفت سفر کرد.\n\
             وی در حاشیه این نشست با امانوئل مکرون رئیس جمهور فرانسه دیدار کرد.";
    let l = run(t, Some(Day(2019, 8, 25)));
    let met = l.events.iter().find(|e| e.actors.iter().any(|a| a == "emmanuel-macron")).expect("the meeting");
    assert_eq!(met.location_en, None, "{met:#?}");
}

#[test]
fn condemning_an_act_done_to_someone_does_not_condemn_them() {
    // ISNA style: reactions to an assassination whose doer the article does not name.
    let t = "ترور اسماعیل هنیه رئیس دفتر سیاسی حماس در تهران با واکنش‌های گسترده‌ای روبرو شد.\n\
             وزارت امور خارجه روسیه در بیانیه‌ای ترور هنیه را محکوم کرد.\n\
             قطر و مصر هم با صدور بیانیه‌های جداگانه این اقدام را محکوم کردند.\n\
             سازمان ملل بازداشت خبرنگاران در ترکیه را محکوم کرد.";
    let l = run(t, Some(Day(2024, 7, 31)));
    let condemned: Vec<_> = l.events.iter().filter(|e| e.event_type == "ACCUSE").collect();
    assert_eq!(condemned.len(), 3, "{condemned:#?}");
    for e in &condemned {
        assert!(!e.actors.iter().any(|a| a == "ismail-haniyeh" || a == "country-tr"), "{e:#?}");
    }
    // A condolence for a death does name the dead.
    let t = "رئیس جمهور درگذشت اسماعیل هنیه را تسلیت گفت.";
    let l = run(t, Some(Day(2024, 7, 31)));
    assert!(l.events.iter().any(|e| e.actors.iter().any(|a| a == "ismail-haniyeh")), "{:#?}", l.events);
}

#[test]
fn a_place_in_what_is_condemned_is_not_where_it_was_condemned() {
    let t = "وزارت امور خارجه جمهوری آذربایجان حمله به سفارت این کشور در تهران را محکوم کرد.";
    let l = run(t, Some(Day(2023, 1, 27)));
    let e = l.events.iter().find(|e| e.event_type == "ACCUSE").expect("the condemnation");
    assert_eq!(e.location, None, "{e:#?}");
    // Where an attack hit is where it happened.
    let t = "ارتش رژیم صهیونیستی امروز مواضعی در نبطیه را بمباران کرد.";
    let l = run(t, Some(Day(2024, 9, 26)));
    let e = l.events.iter().find(|e| e.event_type == "ASSAULT").expect("the attack");
    assert_eq!(e.location_en.as_deref(), Some("Nabatieh"), "{e:#?}");
    // The victim's office after the act's name is the victim's, not an object of the condemnation.
    let t = "ناصر کنعانی سخنگوی وزارت امور خارجه با صدور بیانیه‌ای ترور اسماعیل هنیه رئیس دفتر سیاسی حماس در تهران را به شدت محکوم کرد.";
    let l = run(t, Some(Day(2024, 7, 31)));
    let e = l.events.iter().find(|e| e.event_type == "ACCUSE").expect("the condemnation");
    assert_eq!(e.actors, ["nasser-kanaani"], "{e:#?}");
    assert_eq!(e.location, None, "{e:#?}");
}

#[test]
fn a_subject_described_by_its_countries_is_those_countries_not_the_last_speaker() {
    // Al-Mayadeen style: the spokesman speaks, then jets "American and British" bombed; the jets are not his.
    let t = "یحیی سریع سخنگوی نیروهای مسلح یمن اعلام کرد که یک کشتی متعلق به آمریکا را در خلیج عدن هدف قرار دادند.\n\
             پیشتر جنگنده‌های آمریکایی و انگلیسی مواضعی در صنعا را بمباران کرده بودند.";
    let l = run(t, Some(Day(2024, 1, 15)));
    let bombed = l.events.iter().find(|e| e.location_en.as_deref() == Some("Sanaa")).expect("the bombing");
    assert_eq!(bombed.actors, ["country-us"], "{bombed:#?}");
    // With no country the article names, nobody: not the spokesman.
    let t = "یحیی سریع سخنگوی نیروهای مسلح یمن سخنرانی کرد.\n\
             پیشتر جنگنده‌های انگلیسی مواضعی در صنعا را بمباران کرده بودند.";
    let l = run(t, Some(Day(2024, 1, 15)));
    assert!(!l.events.iter().any(|e| e.actors.iter().any(|a| a == "yahya-saree")), "{:#?}", l.events);
}

#[test]
fn added_goes_on_with_the_last_speaker_described_by_another_office() {
    // ICANA style: the MP is named with his committee, then described by his constituency with "افزود".
    let t = "محمدرضا صباغیان عضو کمیسیون برنامه و بودجه مجلس در گفت‌وگو با خبرنگار ما گفت: اعتبارات عمرانی استان کافی نیست.\n\
             نماینده مردم اردستان در مجلس شورای اسلامی افزود: دولت باید سهم استان‌ها را افزایش دهد.\n\
             وی تاکید کرد: کمیسیون این موضوع را پیگیری می‌کند.";
    let l = run(t, Some(Day(2025, 1, 24)));
    let fa = |prefix: &str| l.quotes.iter().find(|q| q.text.starts_with(prefix)).and_then(|q| q.speaker_name_fa.clone());
    for prefix in ["اعتبارات", "دولت باید", "کمیسیون این"] {
        assert_eq!(fa(prefix).as_deref(), Some("محمدرضا صباغیان"), "{prefix}: {:#?}", l.quotes);
    }
    // "گفت" after another office is that office's.
    let t = "محمدرضا صباغیان عضو کمیسیون برنامه و بودجه مجلس گفت: اعتبارات عمرانی استان کافی نیست.\n\
             نماینده مردم کاشان در مجلس گفت: دولت باید سهم استان‌ها را افزایش دهد.";
    let l = run(t, Some(Day(2025, 1, 24)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("دولت باید")).expect("the second quote");
    assert_eq!(q.speaker, None, "{q:#?}");
}

#[test]
fn talks_held_between_two_parties_are_consultations_and_talks_as_a_topic_are_none() {
    // Tasnim style, as scraped (no ZWNJ): the talks are the subject of "برگزار شد".
    let t = "دور نخست گفتگوهای غیرمستقیم ایران و آمریکا با میانجیگری عمان بعدازظهر امروز در مسقط برگزار شد.";
    let l = run(t, Some(Day(2025, 4, 12)));
    let e = l.events.iter().find(|e| e.mode == "consult").unwrap_or_else(|| panic!("the talks: {:#?}", l.events));
    assert_eq!(e.actors, ["country-ir", "country-us"], "{e:#?}");
    assert_eq!(e.location_en.as_deref(), Some("Muscat"), "{e:#?}");
    assert_eq!((e.status, e.date.as_deref()), (EventStatus::Reported, Some("2025-04-12")), "{e:#?}");
    // Still to come.
    let t = "دور دوم مذاکرات ایران و آمریکا شنبه آینده در رم برگزار خواهد شد.";
    let l = run(t, Some(Day(2025, 4, 14)));
    let e = l.events.iter().find(|e| e.mode == "consult").unwrap_or_else(|| panic!("the talks: {:#?}", l.events));
    assert_eq!((e.status, e.date.as_deref()), (EventStatus::Planned, Some("2025-04-19")), "{e:#?}");
    // Talks the knowledge base names as one event: the countries its name writes, named elsewhere too.
    let t = "عراقچی: ایران و آمریکا به توافق نزدیک شده‌اند\n\
             دور سوم مذاکرات غیرمستقیم ایران و آمریکا امروز در مسقط برگزار شد.";
    let l = run(t, Some(Day(2025, 4, 26)));
    let e = l.events.iter().find(|e| e.mode == "consult").unwrap_or_else(|| panic!("the talks: {:#?}", l.events));
    assert_eq!(e.actors, ["country-ir", "country-us"], "{e:#?}");
    // A topic ("درباره ..."), a part of another meeting's agenda, or talks whose verb is not one of holding.
    for t in [
        "عباس عراقچی درباره دور بعدی گفتگوهای ایران و آمریکا گفت: تصمیم گیری نشده است.",
        "دو وزیر در این دیدار درباره دور بعدی مذاکرات ایران و آمریکا رایزنی کردند.",
        "مذاکرات ایران و آمریکا نتیجه‌ای نداشته است.",
    ] {
        let l = run(t, Some(Day(2025, 4, 14)));
        assert!(
            !l.events.iter().any(|e| e.actors.iter().any(|a| a == "country-us")),
            "{t}: {:#?}",
            l.events
        );
    }
}

#[test]
fn what_was_done_is_dated_no_later_than_the_article() {
    // The agreement was made today; "هفته آینده" is when what was agreed will happen.
    let t = "عباس عراقچی و سرگئی لاوروف امروز توافق کردند نشست بعدی هفته آینده در مسکو برگزار شود.";
    let l = run(t, Some(Day(2024, 11, 30)));
    let e = l.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.date.as_deref(), Some("2024-11-30"), "{e:#?}");
}

#[test]
fn the_text_of_a_decree_is_its_issuers() {
    let t = "رهبر معظم انقلاب اسلامی در حکمی سرلشکر محمد پاکپور را به فرماندهی کل سپاه پاسداران انقلاب اسلامی منصوب کردند.\n\
             در متن حکم آمده است: انتظار می‌رود آمادگی و توان رزمی سپاه را در همه عرصه‌ها ارتقا دهید.";
    let l = run(t, Some(Day(2025, 6, 13)));
    assert_eq!(speaker_of(&l, "انتظار می‌رود"), Some("Ali Khamenei"), "{:#?}", l.quotes);
}

#[test]
fn a_name_after_an_opening_phrase_with_a_demonstrative_is_the_speaker() {
    // "در این دیدار X گفت" without a comma: X speaks, not the person named in the sentence before.
    let t = "علی لاریجانی دبیر شورای عالی امنیت ملی امروز با محمد اسلامی دیدار کرد.\n\
             در این دیدار محمد اسلامی رئیس سازمان انرژی اتمی گفت: همکاری ادامه دارد.\n\
             پس از این نشست اسلامی در جمع خبرنگاران گفت: گزارش به آژانس ارسال می‌شود.";
    let l = run(t, Some(Day(2025, 10, 16)));
    assert_eq!(speaker_of(&l, "همکاری ادامه"), Some("Mohammad Eslami"), "{:#?}", l.quotes);
    assert_eq!(speaker_of(&l, "گزارش به آژانس"), Some("Mohammad Eslami"), "{:#?}", l.quotes);
    // A possessor after a noun with no demonstrative is inside the phrase: "در سفر X" is X's trip.
    let t = "علی لاریجانی دبیر شورای عالی امنیت ملی امروز در تهران سخنرانی کرد.\n\
             در سفر پزشکیان به نیویورک وی گفت: ایران به دنبال جنگ نیست.";
    let l = run(t, Some(Day(2025, 10, 16)));
    assert_ne!(speaker_of(&l, "ایران به دنبال"), Some("Masoud Pezeshkian"), "{:#?}", l.quotes);
}

#[test]
fn an_agreement_reached_is_dated_by_its_announcement_and_placed_nowhere_by_its_topic() {
    // Tasnim style: the agreement is quoted from the Qatari prime minister's announcement of the evening before.
    let t = "محمد بن عبدالرحمن آل ثانی نخست‌وزیر قطر شامگاه گذشته در یک نشست خبری اعلام کرد: حماس و رژیم صهیونیستی بر سر آتش‌بس در غزه و تبادل اسرا به توافق رسیدند.";
    let l = run(t, Some(Day(2025, 1, 15)));
    let e = l.events.iter().find(|e| e.event_type == "AGREE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["hamas", "country-il"], "{e:#?}");
    assert_eq!((e.date.as_deref(), e.location.as_deref()), (Some("2025-01-14"), None), "{e:#?}");
}

#[test]
fn a_country_right_before_ra_is_the_object_not_the_subjects_office() {
    // The subject "نیروهای این کشور" runs on into the object with no mark between: Ukraine is what was hit.
    let t = "ارتش روسیه بامداد امروز به پایتخت اوکراین حمله کرد.\n\
             وزارت دفاع روسیه اعلام کرد: نیروهای این کشور تاسیسات نظامی اوکراین را هدف قرار دادند.";
    let l = run(t, Some(Day(2025, 5, 25)));
    assert!(
        l.events.iter().all(|e| e.actors.first().map(String::as_str) != Some("country-ua")),
        "{:#?}",
        l.events
    );
}

#[test]
fn attending_the_sitting_told_before_is_no_meeting() {
    // ICANA style: a public sitting of parliament, then the president "در جلسه حضور داشت".
    let t = "در جلسه علنی امروز، نمایندگان به عدم ابقای وزیر اقتصاد رای دادند.\n\
             مسعود پزشکیان رئیس جمهور که در جلسه حضور داشت، در دفاع از وزیر گفت: مشکلات به یک نفر مربوط نیست.";
    let l = run(t, Some(Day(2025, 3, 2)));
    assert!(!l.events.iter().any(|e| e.event_type == "CONSULT"), "{:#?}", l.events);
    // With no sitting told before, attending a meeting is one.
    let t = "مسعود پزشکیان رئیس جمهور امروز در جلسه شورای عالی امنیت ملی حضور داشت.";
    let l = run(t, Some(Day(2025, 3, 2)));
    assert!(l.events.iter().any(|e| e.event_type == "CONSULT"), "{:#?}", l.events);
}

#[test]
fn a_claim_of_responsibility_names_the_attacker_where_the_attack_was_told() {
    // Mehr style: the attackers are "تروریست‌ها" (nobody named) until a group claims the attack.
    let t = "حمله تروریستی به پاسگاه مرزی در شهرستان سراوان؛ پنج مرزبان شهید شدند\n\
             تروریست‌ها بامداد امروز به این پاسگاه حمله کردند و پس از درگیری گریختند.\n\
             گروهک تروریستی جیش العدل مسئولیت این حمله را بر عهده گرفت.\n\
             سخنگوی وزارت امور خارجه این حمله تروریستی را به شدت محکوم کرد.";
    let l = run(t, Some(Day(2024, 9, 24)));
    let attack = l.events.iter().find(|e| e.event_type == "ASSAULT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(attack.actors, ["jaish-al-adl"], "{attack:#?}");
    assert_eq!(attack.location_en.as_deref(), Some("Saravan"), "{attack:#?}");
    let condemned = l.events.iter().find(|e| e.event_type == "ACCUSE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(condemned.actors.last().map(String::as_str), Some("jaish-al-adl"), "{condemned:#?}");
    // Whom the attack told before hit.
    let t = "منابع خبری از حمله پهپادی به پایگاه نظامی آمریکا در استان دیرالزور سوریه خبر دادند.\n\
             گروه مقاومت اسلامی عراق با انتشار بیانیه‌ای مسئولیت این حمله را بر عهده گرفت.";
    let l = run(t, Some(Day(2024, 8, 4)));
    let attack = l.events.iter().find(|e| e.event_type == "ASSAULT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!((attack.actors.len(), attack.sources), (2, 1), "{attack:#?}");
    assert_eq!(attack.actors[1], "country-us", "{attack:#?}");
    // Nobody claimed it, or a group did not: no attacker (not claiming is no denial either).
    for t in [
        "تروریست‌ها بامداد امروز به یک پاسگاه مرزی در سراوان حمله کردند.\nتاکنون هیچ گروهی مسئولیت این حمله را بر عهده نگرفته است.",
        "تروریست‌ها بامداد امروز به یک پاسگاه مرزی در سراوان حمله کردند.\nجیش العدل مسئولیت این حمله را بر عهده نگرفت.",
    ] {
        let l = run(t, Some(Day(2024, 9, 24)));
        assert!(!l.events.iter().any(|e| e.event_type == "ASSAULT"), "{:#?}", l.events);
    }
}

#[test]
fn a_meeting_of_him_with_someone_is_the_meeting_of_the_person_named_before() {
    // Reuters via Persian media: "دیدار وی با Y" after the visitor is named in the sentence.
    let t = "به گزارش رویترز، این توافق در جریان سفر محمد بن سلمان ولیعهد عربستان به واشنگتن و دیدار وی با دونالد ترامپ در کاخ سفید امضا شد.";
    let l = run(t, Some(Day(2025, 11, 19)));
    let met = l.events.iter().find(|e| e.mode == "meet").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(met.actors, ["mohammed-bin-salman", "donald-trump"], "{met:#?}");
}

#[test]
fn a_phone_call_had_and_reported_by_media_is_a_consultation() {
    let t = "رسانه‌های عبری زبان گزارش دادند که بنیامین نتانیاهو با دونالد ترامپ تماس تلفنی داشته است.";
    let l = run(t, Some(Day(2025, 5, 5)));
    let call = l.events.iter().find(|e| e.mode == "phone").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(call.actors, ["benjamin-netanyahu", "donald-trump"], "{call:#?}");
    // What the media reported is no quote.
    assert!(l.quotes.is_empty(), "{:#?}", l.quotes);
}

#[test]
fn releasing_someone_named_is_a_retreat_and_freeing_funds_is_none() {
    let t = "جمهوری آذربایجان سه شهروند ایران را آزاد کرد.";
    let l = run(t, Some(Day(2025, 5, 5)));
    let e = l.events.iter().find(|e| e.event_type == "RETREAT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!((e.mode.as_str(), e.cameo.as_str()), ("release", "0841"));
    assert_eq!(e.actors, ["country-az", "country-ir"], "{e:#?}");
    assert_eq!(e.english, "Azerbaijan released Iran, 2025-05-05");
    // Funds "از منابع ایران" are no one released; with no object named there is no event.
    for t in ["دولت آمریکا شش میلیارد دلار از منابع ایران را آزاد کرد.", "بانک مرکزی منابع ارزی را آزاد کرد."] {
        let l = run(t, Some(Day(2025, 5, 5)));
        assert!(!l.events.iter().any(|e| e.event_type == "RETREAT"), "{t}: {:#?}", l.events);
    }
}

#[test]
fn the_country_of_a_subject_written_as_an_office_is_no_object() {
    let t = "مسعود پزشکیان با رجب طیب اردوغان گفتگو کرد.\n\
             رئیس جمهور ایران در پایان از مواضع ترکیه در حمایت از فلسطین قدردانی کرد.";
    let l = run(t, Some(Day(2024, 10, 1)));
    let e = l.events.iter().find(|e| e.event_type == "SUPPORT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["masoud-pezeshkian", "country-tr"], "{e:#?}");
    // A country right after a name is the object when "را" closes it.
    let t = "بنیامین نتانیاهو ایران را تهدید کرد.";
    let l = run(t, Some(Day(2024, 10, 1)));
    let e = l.events.iter().find(|e| e.event_type == "THREATEN").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["benjamin-netanyahu", "country-ir"], "{e:#?}");
}

#[test]
fn an_office_with_two_adjectives_before_its_body_is_one_role() {
    // The ministry inside the subject's office is no object of the condemnation.
    let t = "کاظم غریب‌آبادی معاون حقوقی و بین‌المللی وزارت خارجه این اقدام را محکوم کرد.";
    let l = run(t, Some(Day(2025, 8, 29)));
    let e = l.events.iter().find(|e| e.event_type == "ACCUSE").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["kazem-gharibabadi"], "{e:#?}");
}

#[test]
fn a_partner_named_in_three_words_before_an_office_after_ba() {
    let t = "امیرخان متقی سرپرست وزارت خارجه طالبان در دیدار با حسن کاظمی قمی سفیر ایران در کابل گفت: طالبان به معاهده پایبند است.";
    let l = run(t, Some(Day(2025, 6, 2)));
    let e = l.events.iter().find(|e| e.mode == "meet").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors.len(), 2, "{e:#?}");
    assert_eq!(e.actor_names_en[1], "Hassan Kazemi Qomi", "{e:#?}");
}

#[test]
fn a_nation_after_its_government_is_one_object_phrase() {
    // "دولت و ملت سوریه" after "از" is the object; the speaker of "ما" supports them, not Syria anyone.
    let t = "علی لاریجانی با بشار اسد رئیس جمهور سوریه دیدار کرد.\n\
             لاریجانی پس از این دیدار گفت: ما از دولت و ملت سوریه و لبنان در هر شرایطی حمایت می‌کنیم.";
    let l = run(t, Some(Day(2024, 11, 4)));
    let e = l.events.iter().find(|e| e.event_type == "SUPPORT").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["ali-larijani", "country-sy", "country-lb"], "{e:#?}");
}

#[test]
fn a_trip_told_with_the_verb_to_go() {
    // "برای سفری ... به X رفت": a visit; the meeting that follows is in X.
    let t = "سید عباس عراقچی وزیر امور خارجه که برای سفری دو روزه به مسقط رفته است، امروز با بدر البوسعیدی همتای عمانی خود دیدار کرد.";
    let l = run(t, Some(Day(2024, 11, 2)));
    let e = l.events.iter().find(|e| e.mode == "meet").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.location.as_deref(), Some("muscat"), "{e:#?}");
    let t = "عراقچی صبح امروز برای سفری دو روزه به مسقط رفت.";
    let l = run(t, Some(Day(2024, 11, 2)));
    let e = l.events.iter().find(|e| e.mode == "visit").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!((e.status, e.location.as_deref()), (EventStatus::Reported, Some("muscat")), "{e:#?}");
}

#[test]
fn speakers_at_a_security_council_session_do_not_meet() {
    let t = "آنتونیو گوترش دبیرکل سازمان ملل متحد در نشست شورای امنیت گفت: حمله به تاسیسات هسته‌ای نقض حقوق بین‌الملل است.\n\n\
             امیر سعید ایروانی سفیر و نماینده دائم ایران در سازمان ملل نیز در این نشست گفت: ایران حق دفاع از خود را محفوظ می‌داند.";
    let l = run(t, Some(Day(2025, 6, 23)));
    assert!(l.events.iter().all(|e| e.event_type != "CONSULT"), "{:#?}", l.events);
    assert_eq!(speaker_of(&l, "ایران حق دفاع"), Some("Amir Saeid Iravani"));
}

#[test]
fn sanctions_imposed_against_a_target() {
    let day = Some(Day(2024, 12, 6));
    for t in [
        "آمریکا تحریم‌های جدیدی علیه ناوگان سایه نفت ایران اعمال کرد.",
        "وزارت خزانه‌داری آمریکا از اعمال تحریم‌های جدید علیه ۳۵ شرکت و نفتکش مرتبط با صادرات نفت ایران خبر داد.",
        "اتحادیه اروپا تحریم‌هایی را علیه ایران وضع کرد.",
    ] {
        let l = run(t, day);
        let e = l.events.iter().find(|e| e.event_type == "SANCTION").unwrap_or_else(|| panic!("{t}: {:#?}", l.events));
        assert_eq!(e.actors.last().map(String::as_str), Some("country-ir"), "{t}: {e:#?}");
        assert_eq!(e.status, EventStatus::Reported, "{t}");
    }
    let l = run("آمریکا تحریم‌های تازه‌ای علیه ایران اعمال خواهد کرد.", day);
    let e = l.events.iter().find(|e| e.event_type == "SANCTION").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.status, EventStatus::Planned);
    // Sanctions talked about, not imposed, are no event; nor is a trip after restored ties the traveller's act.
    let l = run("بقائی درباره تحریم‌های آمریکا علیه ایران گفت که این تحریم‌ها ظالمانه است.", day);
    assert!(l.events.iter().all(|e| e.event_type != "SANCTION"), "{:#?}", l.events);
    let l = run("عراقچی وارد ریاض شد. این سفر پس از از سرگیری روابط دیپلماتیک صورت می‌گیرد.", day);
    assert!(l.events.iter().all(|e| e.event_type != "COOPERATE"), "{:#?}", l.events);
}

#[test]
fn an_interview_with_a_spaced_surname_as_speaker_label() {
    let t = "صمد حسن زاده رئیس اتاق بازرگانی ایران در گفتگو با خبرنگار ایرنا درباره تجارت خارجی سخن گفت.\n\n\
             ایرنا: وضعیت صادرات غیرنفتی را چگونه ارزیابی می‌کنید؟\n\n\
             حسن زاده: صادرات غیرنفتی در هفت ماه نخست امسال ۱۰ درصد رشد داشته است.\n\n\
             ایرنا: مهم‌ترین مانع صادرکنندگان چیست؟\n\n\
             حسن زاده: بازگشت ارز صادراتی مهم‌ترین مشکل است.";
    let l = run(t, Some(Day(2024, 11, 10)));
    let fa = |prefix: &str| l.quotes.iter().find(|q| q.text.starts_with(prefix)).and_then(|q| q.speaker_name_fa.clone());
    assert_eq!(fa("صادرات غیرنفتی در").as_deref(), Some("صمد حسن زاده"), "{:#?}", l.quotes);
    assert_eq!(fa("بازگشت ارز").as_deref(), Some("صمد حسن زاده"), "{:#?}", l.quotes);
    // The interviewer's questions are no one's quotes.
    assert!(l.quotes.iter().all(|q| !q.text.contains("ارزیابی")), "{:#?}", l.quotes);
}

#[test]
fn this_ministry_is_the_ministry_named_before() {
    // "این وزارتخانه" is the last organization whose name starts with "وزارت", not Mossad named after it.
    let t = "وزارت اطلاعات از بازداشت یک شبکه جاسوسی مرتبط با موساد در کرمانشاه خبر داد.\n\n\
             این وزارتخانه در اطلاعیه‌ای اعلام کرد: اعضای این شبکه پیش از اقدام دستگیر شدند.";
    let l = run(t, Some(Day(2025, 6, 23)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("اعضای این شبکه")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker.as_deref(), Some("mois-iran"), "{q:#?}");
    // With no such organization named before, the reference names no one.
    let t = "موساد از این حادثه خبر داد.\n\nاین وزارتخانه در اطلاعیه‌ای اعلام کرد: تحقیقات ادامه دارد.";
    let l = run(t, Some(Day(2025, 6, 23)));
    let q = l.quotes.iter().find(|q| q.text.starts_with("تحقیقات")).unwrap_or_else(|| panic!("{:#?}", l.quotes));
    assert_eq!(q.speaker, None, "{q:#?}");
}

#[test]
fn a_ceasefire_between_two_parties_takes_effect() {
    let day = Some(Day(2024, 11, 27));
    for t in [
        "توافق آتش‌بس میان رژیم صهیونیستی و حزب الله لبنان از ساعت ۴ بامداد امروز به اجرا درآمد.",
        "آتش‌بس میان اسرائیل و حزب الله برقرار شد.",
    ] {
        let l = run(t, day);
        let e = l.events.iter().find(|e| e.mode == "ceasefire").unwrap_or_else(|| panic!("{t}: {:#?}", l.events));
        assert_eq!(e.actors, ["country-il", "hezbollah"], "{t}");
        assert_eq!(e.event_type, "RETREAT");
    }
    // The truce as a complement or a topic is none; talks "بین X و Y" are held between them.
    for t in ["نقض آتش‌بس میان اسرائیل و حزب الله ادامه یافت.", "درباره آتش‌بس میان ایران و اسرائیل گفتگو کردند."] {
        let l = run(t, day);
        assert!(l.events.iter().all(|e| e.mode != "ceasefire"), "{t}: {:#?}", l.events);
    }
    let l = run("مذاکرات بین ایران و آمریکا در مسقط برگزار شد.", day);
    let e = l.events.iter().find(|e| e.mode == "consult").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["country-ir", "country-us"]);
}

#[test]
fn a_threat_names_its_target_in_the_clause_it_introduces() {
    let t = "دونالد ترامپ رئیس جمهور آمریکا تهدید کرد که اگر ایران به توافق تن ندهد، این کشور را بمباران خواهد کرد.";
    let l = run(t, Some(Day(2025, 3, 30)));
    let e = l.events.iter().find(|e| e.event_type == "THREATEN").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["donald-trump", "country-ir"], "{e:#?}");
    // An object before the cue stays the object.
    let l = run("بنیامین نتانیاهو ایران را تهدید کرد که پاسخ آمریکا سخت خواهد بود.", Some(Day(2025, 3, 30)));
    let e = l.events.iter().find(|e| e.event_type == "THREATEN").unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(e.actors, ["benjamin-netanyahu", "country-ir"], "{e:#?}");
}

#[test]
fn aid_sent_to_a_target() {
    let day = Some(Day(2024, 10, 1));
    for (t, status) in [
        ("ایران تاکنون ۱۰۰ تن کمک به لبنان ارسال کرده است.", EventStatus::Reported),
        ("کمک‌های بشردوستانه ایران به لبنان ارسال شد.", EventStatus::Reported),
        ("چین کمک‌هایی به لبنان فرستاد.", EventStatus::Reported),
        ("کمک‌های ایران به لبنان ارسال خواهد شد.", EventStatus::Planned),
        ("چین کمک‌هایی به لبنان خواهد فرستاد.", EventStatus::Planned),
    ] {
        let l = run(t, day);
        let e = l.events.iter().find(|e| e.event_type == "AID").unwrap_or_else(|| panic!("{t}: {:#?}", l.events));
        assert_eq!(e.actors.last().map(String::as_str), Some("country-lb"), "{t}: {e:#?}");
        assert_eq!(e.actors.len(), 2, "{t}: {e:#?}");
        assert_eq!(e.status, status, "{t}");
    }
    // Aid asked for, or sent by no one named, is none.
    for t in ["لبنان از کشورهای منطقه کمک خواست.", "کمک‌ها به لبنان ارسال شد."] {
        let l = run(t, day);
        assert!(l.events.iter().all(|e| e.event_type != "AID"), "{t}: {:#?}", l.events);
    }
}

#[test]
fn sanctions_asked_of_someone_are_theirs_to_impose() {
    let day = Some(Day(2024, 10, 22));
    for t in [
        "ایران از شورای امنیت سازمان ملل خواست تحریم تسلیحاتی علیه اسرائیل اعمال کند.",
        "ایران از اتحادیه اروپا خواست که تحریم‌هایی علیه اسرائیل وضع کند.",
    ] {
        let l = run(t, day);
        let e = l.events.iter().find(|e| e.event_type == "SANCTION").unwrap_or_else(|| panic!("{t}: {:#?}", l.events));
        assert_ne!(e.actors[0], "country-ir", "{t}: the requester imposes nothing: {e:#?}");
        assert_eq!(e.actors.last().map(String::as_str), Some("country-il"), "{t}");
        assert_ne!(e.status, EventStatus::Reported, "{t}");
        assert!(l.events.iter().any(|e| e.event_type == "REQUEST" && e.actors[0] == "country-ir"), "{t}");
    }
}

#[test]
fn an_office_of_a_place_whose_name_holds_and() {
    // "سیستان و بلوچستان" is one province: the office's phrase runs over its "و".
    for t in [
        "به گفته استاندار سیستان و بلوچستان، ۲۰ پروژه عمرانی افتتاح شد.",
        "استاندار سیستان و بلوچستان گفت: ۲۰ پروژه عمرانی افتتاح شد.",
    ] {
        let l = run(t, Some(Day(2024, 2, 24)));
        let q = l.quotes.iter().find(|q| q.text.starts_with("۲۰ پروژه")).unwrap_or_else(|| panic!("{t}: {:#?}", l.quotes));
        assert_eq!(q.speaker_name_fa.as_deref(), Some("استاندار سیستان و بلوچستان"), "{t}: {q:#?}");
    }
}

#[test]
fn a_session_named_by_an_organization_is_another_gathering() {
    // "در نشست اوپک پلاس" is not the cabinet session told before: Iran is no participant of that one.
    let t = "به گزارش شانا، محسن پاک‌نژاد روز دوشنبه در حاشیه نشست هیئت دولت در جمع خبرنگاران افزود: صادرات نفت کاهش نیافته است.\n\n\
             وزیر نفت درباره نشست آینده اوپک نیز گفت: ایران در نشست اوپک پلاس از تمدید کاهش تولید حمایت می‌کند.";
    let l = run(t, Some(Day(2024, 11, 25)));
    let cabinet = l.events.iter().find(|e| e.actors.contains(&"mohsen-paknejad".to_string())).expect("the cabinet session");
    assert_eq!(cabinet.actors, ["mohsen-paknejad"], "{:#?}", l.events);
    // The same session again, unnamed, is the one told before.
    let t = "به گزارش ایرنا، عباس عراقچی روز یکشنبه در نشست وزیران خارجه کشورهای همسایه افغانستان شرکت کرد.\n\n\
             در ادامه نشست، سرگئی لاوروف نیز درباره وضع افغانستان سخن گفت.";
    let l = run(t, Some(Day(2024, 11, 25)));
    let both = l.events.iter().find(|e| e.actors.contains(&"abbas-araghchi".to_string())).expect("the session");
    assert!(both.actors.contains(&"sergey-lavrov".to_string()), "{:#?}", l.events);
}

#[test]
fn a_pronoun_object_after_a_coordinated_verb_is_no_subject() {
    // "و او را ... متهم کرد": the ambassador accused Guterres; "او" opens no clause of its own.
    let t = "در همین حال، سفیر اسرائیل در سازمان ملل سخنان آنتونیو گوترش را رد کرد و او را به جانبداری از حماس متهم کرد.";
    let l = run(t, Some(Day(2024, 12, 22)));
    let accused = l.events.iter().find(|e| e.event_type == "ACCUSE").expect("the accusation");
    assert_eq!(accused.actors, ["country-il", "antonio-guterres"], "{:#?}", l.events);
}

#[test]
fn a_place_in_an_adverbial_cues_object_is_not_where_the_act_was() {
    let t = "مسعود پزشکیان رئیس جمهور عصر سه‌شنبه در تماس تلفنی با امیر قطر، با قدردانی از تلاش‌های قطر برای برقراری آتش‌بس در غزه گفت: جنایات باید متوقف شود.";
    let l = run(t, Some(Day(2024, 12, 3)));
    let praise = l.events.iter().find(|e| e.event_type == "COOPERATE" || e.english.contains("praised")).expect("the praise");
    assert!(praise.actors.contains(&"country-qa".to_string()), "{praise:#?}");
    assert_eq!(praise.location, None, "{praise:#?}");
}

#[test]
fn this_session_after_a_joint_press_conference_is_that_conference() {
    let t = "به گزارش تسنیم، سرگئی لاوروف روز پنجشنبه در نشست خبری مشترک با هاکان فیدان در مسکو گفت: روسیه از راه حل سیاسی حمایت می‌کند.\n\n\
             هاکان فیدان وزیر امور خارجه ترکیه نیز در این نشست گفت: گفت‌وگوهای سازنده‌ای داشتیم.";
    let l = run(t, Some(Day(2024, 4, 2)));
    let consult: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(consult.len(), 1, "{consult:#?}");
    assert_eq!(consult[0].actors, ["sergey-lavrov", "hakan-fidan"], "{consult:#?}");
}

#[test]
fn a_group_of_officials_named_by_their_countries_acts_for_them() {
    // "رئیسان جمهور ایران و روسیه": the two countries signed, not the last person named before.
    let t = "پوتین و پزشکیان پیمان مشارکت راهبردی امضا کردند\n\n\
             رئیسان جمهور ایران و روسیه در مسکو سند پیمان جامع مشارکت راهبردی دو کشور را امضا کردند.";
    let l = run(t, Some(Day(2025, 1, 17)));
    let signed: Vec<_> = l.events.iter().filter(|e| e.event_type == "AGREE").collect();
    assert!(signed.iter().any(|e| e.actors == ["country-ir", "country-ru"]), "{signed:#?}");
    assert!(!signed.iter().any(|e| e.actors.len() == 3), "{signed:#?}");
    // The same call told again by the ministers' countries, on the same day, is the ministers' call.
    let t = "به گزارش ایرنا، عباس عراقچی روز دوشنبه در تماس تلفنی با هاکان فیدان درباره سوریه گفت‌وگو کرد.\n\n\
             وزرای خارجه ایران و ترکیه در این تماس تلفنی بر حفظ تمامیت ارضی سوریه تاکید کردند.";
    let l = run(t, Some(Day(2025, 12, 15)));
    let calls: Vec<_> = l.events.iter().filter(|e| e.event_type == "CONSULT").collect();
    assert_eq!(calls.len(), 1, "{calls:#?}");
    assert_eq!(calls[0].actors, ["abbas-araghchi", "hakan-fidan"], "{calls:#?}");
}

#[test]
fn a_passive_act_with_its_doer_and_a_condemnation_of_it() {
    // The doer by its demonym, a country the article names ("رژیم صهیونیستی").
    let t = "یکی از فرماندهان ارشد حزب الله در حمله هوایی رژیم صهیونیستی به ضاحیه بیروت به شهادت رسید.\n\n\
             به گزارش مهر، فواد شکر از فرماندهان ارشد حزب الله شامگاه سه شنبه توسط جنگنده‌های اسرائیلی در ضاحیه بیروت ترور شد.\n\n\
             نجیب میقاتی نخست وزیر لبنان این حمله را نقض آشکار حاکمیت لبنان خواند و آن را محکوم کرد.";
    let l = run(t, Some(Day(2024, 7, 30)));
    let hit = l.events.iter().find(|e| e.event_type == "ASSAULT").expect("the assassination");
    assert_eq!(hit.actors, ["country-il", "fuad-shukr"], "{:#?}", l.events);
    assert_eq!(hit.mode, "assassinate");
    let condemned = l.events.iter().find(|e| e.english.contains("condemned")).unwrap_or_else(|| panic!("{:#?}", l.events));
    assert_eq!(condemned.actors, ["najib-mikati", "country-il"], "{:#?}", l.events);
    // No doer named: no event (who acted is unknown).
    let l = run("فواد شکر شامگاه سه شنبه در ضاحیه بیروت ترور شد.", Some(Day(2024, 7, 30)));
    assert!(!l.events.iter().any(|e| e.event_type == "ASSAULT"), "{:#?}", l.events);
}
