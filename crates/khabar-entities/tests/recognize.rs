//! Entity recognition on sentences written for these tests (not taken from any article).

use khabar_entities::{Day, Entity, Kind, Recognizer, Via};

fn tag(text: &str, date: Option<&str>) -> Vec<Entity> {
    Recognizer::builtin().recognize(text, date.and_then(|d| Day::parse(d, false)))
}

fn find<'a>(ents: &'a [Entity], id: &str) -> &'a Entity {
    ents.iter().find(|e| e.id == id).unwrap_or_else(|| {
        panic!("{id} not found in {:?}", ents.iter().map(|e| (&e.id, &e.mentions)).collect::<Vec<_>>())
    })
}

fn spans_index_text(text: &str, ents: &[Entity]) {
    let chars: Vec<char> = text.chars().collect();
    for e in ents {
        for m in &e.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text, "{}", e.id);
        }
    }
}

#[test]
fn spelling_variants_link_to_one_person() {
    for text in [
        "حسین امیرعبداللهیان در نیویورک سخنرانی کرد.",
        "حسین امیر عبداللهیان در نیویورک سخنرانی کرد.",
        "حسين اميرعبداللهيان در نيويورک سخنرانی کرد.",
    ] {
        let ents = tag(text, None);
        let p = find(&ents, "hossein-amir-abdollahian");
        assert_eq!(p.kind, Kind::Person);
        assert_eq!(p.name_en.as_deref(), Some("Hossein Amir-Abdollahian"));
        spans_index_text(text, &ents);
    }
}

#[test]
fn an_ordinary_word_of_the_name_lists_continues_no_name() {
    // "دیدار" and "روز" are in the name lists; after a surname they are the sentence's words, with no date too.
    let ents = tag("اسماعیل هنیه صبح امروز با آیت‌الله خامنه‌ای دیدار کرد.", None);
    assert_eq!(find(&ents, "ali-khamenei").mentions[0].text, "خامنه‌ای");
    let ents = tag("علیرضا کرمی روز پنجشنبه در گفت‌وگو با خبرنگار ایرنا افزود که کار ادامه دارد.", None);
    assert_eq!(local_persons(&ents), vec![("علیرضا کرمی".to_string(), vec!["علیرضا کرمی".to_string()])]);
}

#[test]
fn a_third_rare_word_ends_a_name_without_a_cue() {
    // "محمد سانوسی اوکونکو" (a made-up name): a first name, a surname of the lists and a rare word.
    let text = "به گزارش نشریه اویل اند گس، محمد سانوسی اوکونکو در پاسخ به پرسشی گفت که اوپک آماده است.";
    let ents = tag(text, None);
    assert_eq!(local_persons(&ents), vec![("محمد سانوسی اوکونکو".to_string(), vec!["محمد سانوسی اوکونکو".to_string()])]);
    spans_index_text(text, &ents);
    // Barkindo himself is in the knowledge base, OPEC's secretary general 2016-2022.
    let ents = tag("محمد سانوسی بارکیندو دبیرکل اوپک گفت که اوپک آماده است.", Some("2019-05-01"));
    assert_eq!(find(&ents, "mohammad-barkindo").kind, Kind::Person);
}

#[test]
fn honorific_and_surname_alone() {
    let text = "در این مراسم آیت‌الله رئیسی از خدمات دولت قدردانی شد.";
    let ents = tag(text, Some("2023-05-01"));
    let p = find(&ents, "ebrahim-raisi");
    assert_eq!(p.mentions[0].text, "رئیسی");
    assert_eq!(p.mentions[0].via, Via::Surname);
    assert_eq!(p.honorifics, vec!["آیت‌الله".to_string()]);
}

#[test]
fn a_surname_that_is_an_ordinary_word_does_not_stand_alone() {
    // "سریع" (fast) is also the surname of a person in the knowledge base.
    let ents = tag("پیش‌بینی سریع و دقیق سن مغز با این روش ممکن شد.", None);
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    // A rare surname does: "قالیباف" alone is the speaker of parliament.
    let ents = tag("قالیباف در جلسه علنی امروز سخن گفت.", None);
    find(&ents, "mohammad-bagher-ghalibaf");
    // Surnames listed as ordinary words in data/kb/ambiguous.tsv stand alone in no article...
    let ents = tag("این ابتکار عمل در منطقه مشرف به دریا اجرا شد.", None);
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    // ...but link to a person the article names in full.
    let text = "معصومه ابتکار در این نشست سخن گفت. ابتکار افزود که کار ادامه دارد.";
    let ents = tag(text, None);
    let p = ents.iter().find(|e| e.kind == Kind::Person).expect("a person");
    assert_eq!(p.mentions.len(), 2, "{:?}", p.mentions);
    spans_index_text(text, &ents);
}

#[test]
fn surname_after_full_name_links_in_document() {
    let text = "ناصر کنعانی در نشست خبری حاضر شد. کنعانی گفت این نشست مهم است.";
    let ents = tag(text, None);
    let p = find(&ents, "nasser-kanaani");
    assert_eq!(p.mentions.len(), 2);
    assert_eq!(p.mentions[1].text, "کنعانی");
    spans_index_text(text, &ents);
}

#[test]
fn role_alone_resolves_by_the_article_date() {
    let text = "سخنگوی وزارت امور خارجه در نشست خبری هفتگی به پرسش‌ها پاسخ داد.";
    let kanaani = tag(text, Some("2023-12-20"));
    assert_eq!(find(&kanaani, "nasser-kanaani").mentions[0].via, Via::Role);
    let baghaei = tag(text, Some("2025-03-10"));
    find(&baghaei, "esmaeil-baghaei");
    assert!(!baghaei.iter().any(|e| e.id == "nasser-kanaani"));
    // Without a date a role names nobody.
    assert!(!tag(text, None).iter().any(|e| e.kind == Kind::Person));
    // In August 2024 one left the office and the other came, both given only by the month: neither is named.
    let handover = tag(text, Some("2024-08-15"));
    assert!(!handover.iter().any(|e| e.kind == Kind::Person), "{:?}", handover.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn short_titles_name_the_same_office() {
    // Media write "وزیر خارجه" and "وزارت خارجه" for "وزیر امور خارجه" and "وزارت امور خارجه".
    let text = "سخنگوی وزارت خارجه گفت که وزیر خارجه کشورمان هفته آینده به مسکو می‌رود.";
    let ents = tag(text, Some("2025-03-10"));
    spans_index_text(text, &ents);
    assert_eq!(find(&ents, "esmaeil-baghaei").mentions[0].text, "سخنگوی وزارت خارجه");
    assert_eq!(find(&ents, "abbas-araghchi").mentions[0].text, "وزیر خارجه");
    // The short title of another country's minister binds to the name after it.
    let text = "عراقچی با وزیر خارجه عمان بدر البوسعیدی دیدار کرد.";
    let ents = tag(text, Some("2025-03-10"));
    let b = find(&ents, "badr-albusaidi");
    assert!(b.roles.iter().any(|r| r.in_text && r.role_fa == "وزیر امور خارجه عمان"), "{:?}", b.roles);
    assert_eq!(b.mentions.len(), 1, "the title is bound to the name, not a second mention: {:?}", b.mentions);
    // "فرمانده کل سپاه" is the commander of the IRGC ("سپاه پاسداران انقلاب اسلامی").
    find(&tag("فرمانده کل سپاه به رژیم صهیونیستی هشدار داد.", Some("2024-10-19")), "hossein-salami");
    // "وزیر اقتصاد" is the minister of economic affairs and finance.
    let ents = tag("وزیر اقتصاد درباره بازار ارز سخن گفت.", Some("2024-11-02"));
    find(&ents, "abdolnaser-hemmati");
    // A country's short name in the title ("عربستان" for "عربستان سعودی").
    let ents = tag("عراقچی با فیصل بن فرحان وزیر خارجه عربستان گفت‌وگو کرد.", Some("2025-11-16"));
    assert!(find(&ents, "faisal-bin-farhan").roles.iter().any(|r| r.in_text), "{:?}", find(&ents, "faisal-bin-farhan").roles);
    // "مجلس" for "مجلس شورای اسلامی" in an office ("نایب رئیس مجلس").
    let ents = tag("حمیدرضا حاجی بابایی نایب رئیس مجلس به خبرنگاران گفت که جلسات ادامه دارد.", Some("2025-12-05"));
    let p = find(&ents, "hamidreza-haji-babaei");
    assert!(p.roles.iter().any(|r| r.in_text && r.role_fa == "نایب رئیس مجلس شورای اسلامی"), "{:?}", p.roles);
    // The heads of the branches of state by their constitutional names.
    find(&tag("رئیس قوه مقننه افزود که طرح بررسی می‌شود.", Some("2024-11-25")), "mohammad-bagher-ghalibaf");
    find(&tag("رئیس قوه مجریه در این سفر گفت که روابط گسترش می‌یابد.", Some("2024-11-25")), "masoud-pezeshkian");
}

#[test]
fn a_role_alone_is_not_a_former_holder_named_in_the_article() {
    // Zarif was foreign minister 2013–2021 and Mohseni-Ejei prosecutor-general 2009–2014: in a 2025
    // article naming them, "وزیر خارجه" and "دادستان کل کشور" are the holders of 2025.
    let text = "محمدجواد ظریف و غلامحسین محسنی اژه‌ای در این نشست بودند. وزیر خارجه و دادستان کل کشور نیز سخن گفتند.";
    let ents = tag(text, Some("2025-01-27"));
    assert_eq!(find(&ents, "abbas-araghchi").mentions[0].text, "وزیر خارجه");
    assert_eq!(find(&ents, "mohammad-movahedi-azad").mentions[0].text, "دادستان کل کشور");
    assert_eq!(find(&ents, "mohammad-javad-zarif").mentions.len(), 1);
    // A former office alone names no holder of the article's day.
    let ents = tag("وزیر امور خارجه سابق در این نشست سخن گفت.", Some("2025-01-27"));
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    // In 2019 the minister named in the article is the one meant.
    let ents = tag(text, Some("2019-05-01"));
    assert_eq!(find(&ents, "mohammad-javad-zarif").mentions.len(), 2);
}

#[test]
fn a_role_written_with_zwnj_where_the_kb_has_a_space() {
    // The knowledge base writes "معاون اول رئیس جمهور"; the text "رئیس‌جمهور" with ZWNJ.
    let text = "همزمان عارف معاون اول رئیس‌جمهور با سفیر عربستان دیدار کرد.";
    let ents = tag(text, Some("2025-07-24"));
    assert_eq!(find(&ents, "mohammad-reza-aref").mentions[0].text, "عارف");
    // "رئیس‌جمهور فرانسه" is Macron in 2019.
    find(&tag("ظریف با رئیس‌جمهور فرانسه دیدار کرد.", Some("2019-08-25")), "emmanuel-macron");
    // A number before an office makes a group, not its holder.
    let ents = tag("دو رئیس‌جمهور پیش از این دیدار کرده بودند.", Some("2024-10-23"));
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn a_three_word_foreign_name_before_a_role_head() {
    let text = "خوان کارلوس گاریدو سرمربی پرسپولیس پس از بازی گفت که بازیکنان خوب بودند.";
    let ents = tag(text, None);
    spans_index_text(text, &ents);
    let p = ents.iter().find(|e| e.kind == Kind::Person).expect("a person");
    assert_eq!(p.mentions[0].text, "خوان کارلوس گاریدو");
}

#[test]
fn a_local_role_of_an_office_and_a_known_body_or_place_has_english() {
    let role_en = |text: &str| -> Vec<(String, Option<String>)> {
        let ents = tag(text, None);
        spans_index_text(text, &ents);
        ents.iter()
            .filter(|e| !e.kb && e.kind == Kind::Person)
            .flat_map(|e| e.roles.iter().map(|r| (r.role_fa.clone(), r.role_en.clone())))
            .collect()
    };
    assert_eq!(
        role_en("فرزین در دیدار با الکسی ددهاف سفیر روسیه در تهران گفت که همکاری ادامه دارد."),
        vec![("سفیر روسیه".to_string(), Some("Ambassador of Russia".to_string()))]
    );
    // An office whose words are not one known body or place gets no English guess.
    let got = role_en("یاشار گولر وزیر دفاع ترکیه در آنکارا سخن گفت.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, None);
}

#[test]
fn a_knowledge_base_surname_after_another_first_name_is_another_person() {
    // "صحرایی" alone is Reza Morad Sahraei; "علی صحرایی" is somebody else.
    for text in ["در جلسه امروز علی صحرایی گفت: امید داریم.", "علی صحرایی مدیرعامل شرکت بورس گفت: امید داریم."] {
        let ents = tag(text, Some("2025-12-06"));
        spans_index_text(text, &ents);
        assert!(!ents.iter().any(|e| e.id == "reza-morad-sahraei"), "{text}: {:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
        assert_eq!(local_persons(&ents), vec![("علی صحرایی".to_string(), vec!["علی صحرایی".to_string()])], "{text}");
    }
    find(&tag("رضا مراد صحرایی گفت: امید داریم.", None), "reza-morad-sahraei");
    // A first name and a surname of two words open the sentence before an office.
    let text = "بازار رشد کرد. حسین عبده تبریزی کارشناس بازار سرمایه نیز گفت: بازار هنوز به ثبات نرسیده است.";
    let ents = tag(text, None);
    assert_eq!(local_persons(&ents), vec![("حسین عبده تبریزی".to_string(), vec!["حسین عبده تبریزی".to_string()])]);
}

#[test]
fn names_that_open_a_sentence() {
    // Two words and an office at a sentence start: a first name that is also an ordinary word ("محرم", a
    // month) and a surname the lexicons lack.
    let text = "بازی مساوی شد. محرم نویدکیا سرمربی سپاهان نیز گفت: بازی سختی بود.";
    let ents = tag(text, None);
    spans_index_text(text, &ents);
    assert_eq!(local_persons(&ents), vec![("محرم نویدکیا".to_string(), vec!["محرم نویدکیا".to_string()])]);
    assert!(!ents.iter().any(|e| e.id == "muharram"), "the month is not named");
    // Two words neither the lexicons nor the name lists know open the sentence: a transliterated name.
    let text = "ریکاردو ساپینتو در نشست خبری پس از بازی اظهار کرد: ما موقعیت زیادی داشتیم.";
    assert_eq!(local_persons(&tag(text, None)), vec![("ریکاردو ساپینتو".to_string(), vec!["ریکاردو ساپینتو".to_string()])]);
    // Ordinary words opening a sentence are no name, nor are unknown words inside it.
    for text in [
        "امروز رئیس سازمان برنامه گفت که بودجه آماده است.",
        "در این نشست ریکاردو ساپینتو حضور داشت.",
        "ماه محرم در راه است.",
        // Unknown words opening a sentence that says nothing are terms, not a speaker.
        "کریپتو ماینینگ غیرمجاز در تهران کشف شد.",
    ] {
        let ents = tag(text, None);
        assert!(local_persons(&ents).is_empty(), "{text}: {:?}", local_persons(&ents));
    }
    // The month still links where the article names it unambiguously.
    find(&tag("در ماه محرم عزاداری برگزار شد. محرم امسال در تابستان است.", None), "muharram");
}

#[test]
fn a_ministry_followed_by_another_country_is_not_irans() {
    // Only some countries' ministries are in the knowledge base; Iran's is written without "ایران".
    let text = "وزارت امور خارجه اوکراین حملات روسیه را محکوم کرد.";
    let ents = tag(text, Some("2024-10-16"));
    assert!(!ents.iter().any(|e| e.id == "mfa-iran"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    find(&ents, "country-ua");
    find(&tag("وزارت امور خارجه ایران بیانیه‌ای صادر کرد.", None), "mfa-iran");
}

#[test]
fn a_ministry_followed_by_a_foreign_place_is_not_irans() {
    let text = "وزارت بهداشت غزه اعلام کرد شمار قربانیان افزایش یافته است.";
    let ents = tag(text, Some("2024-12-02"));
    assert!(!ents.iter().any(|e| e.id.starts_with("health-")), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    find(&ents, "gaza-strip");
}

#[test]
fn a_town_named_after_its_office_and_again_without_a_cue() {
    // "فرماندار X" names the town X; once named, the town is found without its cue too.
    let text = "سیل به ۳۰۰ خانه در ایذه خسارت زد. فرماندار ایذه گفت تیم‌های امدادی در ایذه حضور دارند.";
    let ents = tag(text, Some("2025-04-03"));
    spans_index_text(text, &ents);
    assert_eq!(find(&ents, "ir-city-izeh").mentions.len(), 3);
    // Without a cue anywhere the town is not taken ("ایذه" could be another word elsewhere).
    assert!(!tag("سیل به ۳۰۰ خانه در ایذه خسارت زد.", None).iter().any(|e| e.id == "ir-city-izeh"));
    // A town whose name is an ordinary word is found only with its cue: "نور" (light) is no town.
    let text = "امام جمعه نور در خطبه‌ها از نور ایمان سخن گفت.";
    let ents = tag(text, None);
    let nur = find(&ents, "ir-city-nur");
    assert_eq!(nur.mentions.len(), 1, "{:?}", nur.mentions);
    assert_eq!(nur.mentions[0].start, "امام جمعه ".chars().count());
}

#[test]
fn role_beside_a_name_binds_to_it() {
    let text = "علی باقری سرپرست وزارت امور خارجه در دوحه با مقامات قطری دیدار کرد.";
    let ents = tag(text, Some("2024-06-20"));
    let p = find(&ents, "ali-bagheri-kani");
    assert!(p.roles.iter().any(|r| r.in_text && r.role_fa.contains("سرپرست وزارت امور خارجه")), "{:?}", p.roles);
    find(&ents, "mfa-iran");
}

#[test]
fn shared_surname_needs_context() {
    // Two Larijanis are in the knowledge base: a bare surname with an honorific is not guessed
    // unless the article or the date decides.
    let ents = tag("دکتر لاریجانی در این جلسه حضور داشت.", None);
    assert!(!ents.iter().any(|e| e.id.contains("larijani")), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    let ents = tag("علی لاریجانی به بیروت رفت. دکتر لاریجانی در بیروت گفت.", None);
    assert_eq!(find(&ents, "ali-larijani").mentions.len(), 2);
}

#[test]
fn organizations_and_places() {
    let text = "جنبش حماس و جهاد اسلامی از غزه و کرانه باختری خبر دادند و آژانس بین‌المللی انرژی اتمی بیانیه داد.";
    let ents = tag(text, None);
    assert_eq!(find(&ents, "hamas").kind, Kind::Org);
    assert_eq!(find(&ents, "iaea").kind, Kind::Org);
    // "غزه" alone is the Gaza Strip ("شهر غزه" the city).
    assert_eq!(find(&ents, "gaza-strip").kind, Kind::Location);
    assert!(ents.iter().any(|e| e.kind == Kind::Location && e.name_en.as_deref().is_some_and(|n| n.contains("West Bank"))));
    spans_index_text(text, &ents);
}

#[test]
fn a_country_named_like_a_common_word_needs_its_full_name() {
    // "مالی" is mostly "financial".
    let ents = tag("ما به فشار بر منابع مالی تهران ادامه می‌دهیم.", None);
    assert!(!ents.iter().any(|e| e.id == "country-ml"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    let ents = tag("جمهوری مالی و نیجر بیانیه دادند. ارتش مالی اعلام کرد.", None);
    assert_eq!(find(&ents, "country-ml").mentions.len(), 2);
}

#[test]
fn a_place_named_like_a_common_word_needs_its_country() {
    // "در آستانه سفر" is "on the eve of the trip"; Astana is linked once Kazakhstan is named.
    let ents = tag("پوتین در آستانه سفر به تهران گفت: روابط خوب است.", None);
    assert!(!ents.iter().any(|e| e.id == "astana"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    let text = "نشست آستانه با حضور ایران و روسیه در پایتخت قزاقستان برگزار شد.";
    let ents = tag(text, None);
    find(&ents, "astana");
    spans_index_text(text, &ents);
    // Only for rows that say so: Dushanbe (a weekday) still needs its own full name, not Tajikistan.
    let ents = tag("دوشنبه گذشته وزیر خارجه تاجیکستان به تهران آمد.", None);
    assert!(!ents.iter().any(|e| e.id == "dushanbe"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn an_organization_named_with_another_form_of_its_country_or_parent() {
    // The knowledge base writes "وزارت خزانه‌داری آمریکا" and "نیروی زمینی سپاه پاسداران"; the country and the
    // parent body may be written in any of their forms, and no revolution is found inside the IRGC's name.
    let text = "وزارت خزانه‌داری ایالات متحده اعلام کرد. نیروی زمینی سپاه پاسداران انقلاب اسلامی اطلاعیه داد.";
    let ents = tag(text, None);
    assert_eq!(find(&ents, "us-treasury").mentions[0].text, "وزارت خزانه‌داری ایالات متحده");
    assert_eq!(find(&ents, "irgc-ground").mentions[0].text, "نیروی زمینی سپاه پاسداران انقلاب اسلامی");
    assert!(!ents.iter().any(|e| e.kind == Kind::Event), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    spans_index_text(text, &ents);
}

#[test]
fn small_towns_listed_after_a_place_cue() {
    // A small town needs a cue word ("شهر", "شهرستان‌های"); in a list the cue covers every item.
    let text = "سیل در شهرستان‌های شوشتر، ایذه و باغملک خسارت زد.";
    let ents = tag(text, None);
    for id in ["ir-city-shushtar", "ir-city-izeh", "ir-city-bagh-e-malek"] {
        find(&ents, id);
    }
    spans_index_text(text, &ents);
    // The cue's plural written apart, as copies with a space for the ZWNJ have it.
    let text = "استاندار از فرمانداران شهرستان های دزفول، شوشتر و بهبهان گزارش خواست.";
    let ents = tag(text, None);
    for id in ["ir-city-dezful", "ir-city-shushtar", "ir-city-behbahan"] {
        find(&ents, id);
    }
    // After a place without a cue, a small town's name is not taken for it.
    let ents = tag("سیل به تهران و ایذه رسید.", None);
    assert!(!ents.iter().any(|e| e.id == "ir-city-izeh"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    // A town whose name starts with a place word carries its own cue.
    let text = "زمین‌لرزه‌ای حوالی بندر گناوه را لرزاند و در بندر ریگ نیز احساس شد.";
    let ents = tag(text, None);
    find(&ents, "ir-city-bandar-ganaveh");
    find(&ents, "ir-city-bandar-rig");
    spans_index_text(text, &ents);
}

#[test]
fn a_country_inside_an_organization_name_is_not_the_country() {
    let text = "شرکت ایران خودرو تولید خود را افزایش داد.";
    let ents = tag(text, None);
    assert!(!ents.iter().any(|e| e.kind == Kind::Location), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn ambiguous_short_form_needs_the_full_name() {
    assert!(!tag("آژانس املاک در این محله فعال است.", None).iter().any(|e| e.id == "iaea"));
    let ents = tag("آژانس بین‌المللی انرژی اتمی گزارش داد. آژانس همچنین اعلام کرد.", None);
    assert_eq!(find(&ents, "iaea").mentions.len(), 2);
    // Common nouns that are also short forms of organizations.
    let ents = tag("مجمع عمومی سهامداران در حوزه محیط زیست و انرژی اتمی و کنگره شهدای استان تصمیم گرفت.", None);
    assert!(!ents.iter().any(|e| e.kind == Kind::Org), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn names_outside_the_knowledge_base() {
    let text = "در این نشست سرهنگ کامران صادقی و سید مجتبی ابطحی سخنرانی کردند و به شهادت رعد فتحی حازم، اشاره شد. \
                بهرام جهانگیری رئیس انجمن صنفی نیز حضور داشت.";
    let ents = tag(text, None);
    let local: Vec<&str> = ents.iter().filter(|e| !e.kb && e.kind == Kind::Person).map(|e| e.name_fa.as_str()).collect();
    for name in ["کامران صادقی", "مجتبی ابطحی", "رعد فتحی حازم", "بهرام جهانگیری"] {
        assert!(local.contains(&name), "{name} not in {local:?}");
    }
    let abtahi = ents.iter().find(|e| e.name_fa == "مجتبی ابطحی").unwrap();
    assert_eq!(abtahi.honorifics, vec!["سید".to_string()]);
    spans_index_text(text, &ents);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_index_text(text in "[ آ-ی‌،.0-9a-z]{0,80}") {
        let ents = tag(&text, Some("2024-01-01"));
        spans_index_text(&text, &ents);
    }
}

fn local_persons(ents: &[Entity]) -> Vec<(String, Vec<String>)> {
    ents.iter()
        .filter(|e| e.kind == Kind::Person && !e.kb)
        .map(|e| (e.name_fa.clone(), e.mentions.iter().map(|m| m.text.clone()).collect()))
        .collect()
}

#[test]
fn names_outside_the_knowledge_base_before_a_role() {
    // A first name of the name lists and a surname the lexicons do not know, before a role head; the
    // surname alone later is the same person.
    let text = "حمیدرضا کاظمی‌فر استاندار گیلان امروز گفت: کار ادامه دارد. کاظمی‌فر افزود که بودجه تامین شد.";
    let ents = tag(text, None);
    assert_eq!(
        local_persons(&ents),
        vec![("حمیدرضا کاظمی‌فر".to_string(), vec!["حمیدرضا کاظمی‌فر".to_string(), "کاظمی‌فر".to_string()])]
    );
    spans_index_text(text, &ents);
    // Two words the lexicons do not know, before a role head: a transliterated foreign name.
    let text = "یوهانس کلاینرت سفیر آلمان در تهران گفت روابط دو کشور مهم است. کلاینرت همچنین از میزبانی تشکر کرد.";
    let ents = tag(text, None);
    assert_eq!(
        local_persons(&ents),
        vec![("یوهانس کلاینرت".to_string(), vec!["یوهانس کلاینرت".to_string(), "کلاینرت".to_string()])]
    );
    spans_index_text(text, &ents);
    // A word the lexicons do not know and a first name of the lists.
    let text = "کامیل ادریس نخست وزیر سودان روز پنجشنبه در خارطوم سخن گفت.";
    assert_eq!(local_persons(&tag(text, None)), vec![("کامیل ادریس".to_string(), vec!["کامیل ادریس".to_string()])]);
    // Two rare words, neither a verb nor an adjective, before a role head: a foreign name.
    let text = "یاشار گولر وزیر دفاع ترکیه در آنکارا سخن گفت.";
    assert_eq!(local_persons(&tag(text, None)), vec![("یاشار گولر".to_string(), vec!["یاشار گولر".to_string()])]);
    // Ordinary words before a role head are no name.
    // "سفر" is in the first-name list; "قریب‌الوقوع" (imminent) is an adjective.
    for text in [
        "صبح امروز وزیر کشور گفت که انتخابات برگزار می‌شود.",
        "به گفته همین سفیر روابط خوب است.",
        "سفیر چین با اشاره به سفر قریب‌الوقوع وزیر امور خارجه چین به تهران گفت: روابط خوب است.",
    ] {
        assert!(local_persons(&tag(text, None)).is_empty(), "{text}: {:?}", local_persons(&tag(text, None)));
    }
}

#[test]
fn names_outside_the_knowledge_base_without_a_cue() {
    // A first name a person of the knowledge base bears and a surname of the lists or a rare word, with no
    // honorific or role around them.
    let text = "وی درباره غیبت مهدی قایدی گفت که قایدی در تمرین حاضر بود.";
    let ents = tag(text, None);
    assert_eq!(
        local_persons(&ents),
        vec![("مهدی قایدی".to_string(), vec!["مهدی قایدی".to_string(), "قایدی".to_string()])]
    );
    spans_index_text(text, &ents);
    // An Arabic patronymic chain is part of the name.
    let text = "در سوی دیگر، مساعد بن محمد العیبان سخن گفت.";
    assert_eq!(local_persons(&tag(text, None))[0].0, "مساعد بن محمد العیبان");
    // The name lists' ordinary words ("سفر", "اقدام", "دیدار") are no first names without a cue.
    for text in [
        "سفر عراقچی به جده با هدف گفت‌وگو انجام شد.",
        "ما با هرگونه اقدام یکجانبه علیه ایران مخالفیم.",
        "این دومین دیدار پزشکیان و پوتین است.",
        "امروز سه‌شنبه ۲۳ بهمن ۱۴۰۳ جلسه برگزار شد.",
    ] {
        assert!(local_persons(&tag(text, None)).is_empty(), "{text}: {:?}", local_persons(&tag(text, None)));
    }
    // A surname of the knowledge base with another first name is not guessed to be its bearer, nor a new
    // person; a spelling variant of the knowledge base is the person ("امانوئل مکرون").
    let ents = tag("دیدار با امانوئل مکرون در پاریس انجام شد.", None);
    assert!(local_persons(&ents).is_empty());
    find(&ents, "emmanuel-macron");
}

#[test]
fn rare_surname_after_an_honorific_and_a_first_name() {
    // "سید" + a first name + a surname outside the lists; the name stops there ("روز" is a name of the
    // lists too).
    let text = "سید محمدرضا موالی‌زاده روز پنجشنبه در آیین افتتاح گفت: کار ادامه دارد.";
    assert_eq!(local_persons(&tag(text, None))[0].0, "محمدرضا موالی‌زاده");
    // A cue word that is also a first name ("امیر": emir) before a rare word is that first name.
    let text = "امیر ساعدوند در نشست خبری گفت: آماده‌ایم.";
    assert_eq!(local_persons(&tag(text, None))[0].0, "امیر ساعدوند");
    // ... but not before a surname of the knowledge base ("امیر عبداللهیان") or a country ("امیر قطر").
    let ents = tag("امیر قطر و حسین امیر عبداللهیان دیدار کردند.", Some("2023-01-01"));
    assert!(local_persons(&ents).is_empty(), "{:?}", local_persons(&ents));
}

#[test]
fn the_leader_by_his_epithets() {
    // "رهبر معظم انقلاب", "مقام معظم رهبری": written forms of the office "رهبر انقلاب" (data/kb/role_aliases.tsv).
    for text in ["با موافقت رهبر معظم انقلاب، دو هزار محکوم عفو شدند.", "مقام معظم رهبری در پیامی از مردم تشکر کردند."] {
        let ents = tag(text, Some("2025-02-11"));
        find(&ents, "ali-khamenei");
        spans_index_text(text, &ents);
    }
}

#[test]
fn an_event_named_inside_an_office_is_part_of_it() {
    // "رهبر انقلاب اسلامی" names the Leader, not the revolution; "آیت‌الله خامنه‌ای" before his office is he.
    let text = "السودانی همچنین با آیت‌الله خامنه‌ای رهبر انقلاب اسلامی دیدار خواهد کرد.";
    let ents = tag(text, Some("2025-01-06"));
    find(&ents, "ali-khamenei");
    assert!(!ents.iter().any(|e| e.id == "islamic-revolution" || !e.kb), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    spans_index_text(text, &ents);
}

#[test]
fn a_verb_after_a_first_name_is_no_surname() {
    // "جان" is a first name of the knowledge base (John) and "باختند" a rare word, but a verb.
    let text = "در موج قبلی بیش از ۱۴۰ هزار نفر جان باختند.";
    assert!(local_persons(&tag(text, None)).is_empty(), "{:?}", local_persons(&tag(text, None)));
}

#[test]
fn a_place_after_a_media_word_names_the_outlet() {
    // "شبکه الجزیره" is the channel, not Algiers; "خبرگزاری دفاع مقدس" no Iran–Iraq war; the places
    // told on their own stay (Algiers where the article names Algeria).
    let text = "به گزارش خبرگزاری دفاع مقدس به نقل از شبکه الجزیره، نشست در الجزیره پایتخت الجزایر و تهران برگزار شد.";
    let ents = tag(text, None);
    let algiers = find(&ents, "algiers");
    assert_eq!(algiers.mentions.len(), 1, "{:?}", algiers.mentions);
    assert!(algiers.mentions[0].start > text.chars().position(|c| c == '،').unwrap());
    assert!(!ents.iter().any(|e| e.id == "iran-iraq-war"));
    find(&ents, "ir-city-tehran");
    // "الجزیره" alone, in Iranian news mostly the channel, is no city.
    let ents = tag("به گزارش ایسنا به نقل از الجزیره، جنگنده‌ها اردوگاه نصیرات را بمباران کردند.", None);
    assert!(!ents.iter().any(|e| e.id == "algiers"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn a_role_written_after_a_name_outside_the_knowledge_base_is_kept_as_written() {
    let roles = |text: &str| -> Vec<(String, Vec<String>)> {
        tag(text, Some("2024-11-02"))
            .into_iter()
            .filter(|e| e.id.starts_with("local-"))
            .map(|e| (e.name_fa, e.roles.into_iter().map(|r| r.role_fa).collect()))
            .collect()
    };
    // Ends before a time word, after a place, before a verb.
    assert_eq!(
        roles("حمیدرضا کاظمی‌پور استاندار خوزستان امروز در جلسه شورای مدیریت بحران گفت: آماده‌ایم."),
        vec![("حمیدرضا کاظمی‌پور".to_string(), vec!["استاندار خوزستان".to_string()])]
    );
    assert_eq!(
        roles("کامیل ادریس نخست‌وزیر سودان دیدار کرد."),
        vec![("کامیل ادریس".to_string(), vec!["نخست‌وزیر سودان".to_string()])]
    );
    // After a comma, and only where the role follows the name.
    assert_eq!(
        roles("سید مرتضی بهرامی‌نیا، مدیرکل بنیاد مسکن استان کرمان از اجرای طرح خبر داد."),
        vec![("مرتضی بهرامی‌نیا".to_string(), vec!["مدیرکل بنیاد مسکن استان کرمان".to_string()])]
    );
}

#[test]
fn a_plural_of_a_common_word_is_no_name() {
    // "خبرنگاران" is rare in the lexicons (few plurals are listed) but is the plural of "خبرنگار".
    let ents = tag("به گزارش خبرنگار ورزشی باشگاه خبرنگاران جوان، امیر سرمربی تیم گفت که آماده‌ایم.", None);
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.name_fa).collect::<Vec<_>>());
    // A rare surname is still one.
    let ents = tag("تسوکاسا کاوادا سفیر ژاپن گفت که همکاری ادامه دارد.", None);
    assert!(ents.iter().any(|e| e.kind == Kind::Person && e.name_fa == "تسوکاسا کاوادا"));
}

#[test]
fn an_earlier_tenure_of_the_office_named_is_not_listed() {
    // Trump's second presidency began in January 2025; the first (2017–2021) is not the office the article names.
    let ents = tag("دونالد ترامپ رئیس‌جمهور آمریکا فرمان اجرایی را امضا کرد.", Some("2025-02-03"));
    let t = find(&ents, "donald-trump");
    let named: Vec<_> = t.roles.iter().filter(|r| r.in_text).map(|r| r.start.clone()).collect();
    assert_eq!(named, vec![Some("2025-01-20".to_string())], "{:?}", t.roles);
    // Aref's second first vice-presidency began in 2024 (a year, no day): in September 2024 his first (2001–2005)
    // is still not the one named.
    let ents = tag("محمدرضا عارف معاون اول رئیس جمهور در پیامی به نخست وزیر سریلانکا تبریک گفت.", Some("2024-09-24"));
    let a = find(&ents, "mohammad-reza-aref");
    let named: Vec<_> = a.roles.iter().filter(|r| r.in_text).map(|r| r.start.clone()).collect();
    assert_eq!(named, vec![Some("2024".to_string())], "{:?}", a.roles);
    // "وزیر اقتصاد این کشور" is the minister of a country told before, not Iran's.
    let ents = tag("رئیس‌جمهور مکزیک وزیر اقتصاد این کشور را مامور اجرای طرح کرد.", Some("2025-02-03"));
    assert!(!ents.iter().any(|e| e.id == "abdolnaser-hemmati"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn a_title_and_the_first_name_of_a_person_named_in_full() {
    let text = "پزشکیان با شیخ تمیم بن حمد آل ثانی امیر قطر گفت‌وگو کرد. شیخ تمیم از مواضع ایران قدردانی کرد.";
    let ents = tag(text, Some("2024-12-28"));
    spans_index_text(text, &ents);
    let t = find(&ents, "tamim-bin-hamad");
    assert!(t.mentions.iter().any(|m| m.text == "تمیم" && m.via == Via::FirstName), "{:?}", t.mentions);
    assert!(!ents.iter().any(|e| e.id.starts_with("local-")), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    // Not when the article does not name them in full.
    assert!(!tag("شیخ تمیم از مواضع ایران قدردانی کرد.", Some("2024-12-28")).iter().any(|e| e.id == "tamim-bin-hamad"));
}

#[test]
fn a_deputy_of_an_office_is_not_its_holder() {
    let ents = tag("معاون وزیر آموزش و پرورش از استخدام معلمان خبر داد.", Some("2025-05-24"));
    assert!(!ents.iter().any(|e| e.id == "alireza-kazemi"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    assert!(!tag("دفتر رئیس‌جمهور بیانیه‌ای منتشر کرد.", Some("2025-05-24")).iter().any(|e| e.id == "masoud-pezeshkian"));
    // The office itself still is.
    find(&tag("وزیر آموزش و پرورش از استخدام معلمان خبر داد.", Some("2025-05-24")), "alireza-kazemi");
    // A role of a name outside the knowledge base keeps a body's "و" ("آموزش و پرورش").
    let ents = tag("زهرا رحیمی، مدیرکل آموزش و پرورش استان تهران گفت که مدارس آماده‌اند.", Some("2025-05-24"));
    let z = ents.iter().find(|e| e.name_fa == "زهرا رحیمی").expect("person");
    assert_eq!(z.roles[0].role_fa, "مدیرکل آموزش و پرورش استان تهران");
}

#[test]
fn rights_groups_and_sports_bodies_are_organizations() {
    // Written as scraped (ZWNJ lost, spaces for ZWNJ) and as edited.
    let text = "سازمان عفو بینالملل و دیده بان حقوق بشر از دولت خواستند. فیفا و کمیته بین‌المللی المپیک و پزشکان بدون مرز بیانیه دادند.";
    let ents = tag(text, None);
    spans_index_text(text, &ents);
    for id in ["amnesty", "hrw", "fifa", "ioc", "msf"] {
        assert_eq!(find(&ents, id).kind, Kind::Org, "{id}");
    }
}

#[test]
fn football_clubs_are_organizations_and_hide_their_province() {
    // "استقلال خوزستان" is a club, not the province of Khuzestan; "استقلال" alone is "independence" unless the
    // article names the club in full.
    let text = "پرسپولیس برابر استقلال خوزستان به پیروزی رسید. سالروز استقلال کشور گرامی باد.";
    let ents = tag(text, None);
    spans_index_text(text, &ents);
    assert_eq!(find(&ents, "persepolis").kind, Kind::Org);
    assert_eq!(find(&ents, "esteghlal-khuzestan").kind, Kind::Org);
    assert!(!ents.iter().any(|e| e.id == "ir-prov-khuzestan" || e.id == "esteghlal"), "{ents:?}");
    let text = "باشگاه استقلال اعلام کرد سرمربی جدید استقلال هفته آینده معرفی می‌شود.";
    let ents = tag(text, None);
    assert_eq!(find(&ents, "esteghlal").mentions.len(), 2);
}

#[test]
fn the_judiciary_spokesperson_is_the_one_of_the_articles_year() {
    let text = "سخنگوی قوه قضاییه در نشست خبری گفت که پرونده در حال رسیدگی است.";
    for (day, id) in [("2023-06-01", "masoud-setayeshi"), ("2025-06-01", "asghar-jahangir")] {
        let ents = tag(text, Some(day));
        assert!(ents.iter().any(|e| e.id == id), "{day}: {:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    }
    // In a year of handover given only by the year, nobody is named.
    let ents = tag(text, Some("2024-06-01"));
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn the_sunni_friday_prayer_leader_is_of_no_town_named_ahel() {
    let text = "مولوی عبدالحمید امام جمعه اهل سنت زاهدان خواستار توجه به مشکلات مردم شد.";
    let ents = tag(text, None);
    assert!(!ents.iter().any(|e| e.id == "ir-city-ahel"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    assert_eq!(find(&ents, "ir-city-zahedan").kind, Kind::Location);
}

#[test]
fn an_outlet_named_after_a_body_is_not_the_body() {
    let text = "به گزارش خبرگزاری خانه ملت، محمدحسین فرهنگی در مجلس شورای اسلامی گفت که طرح بررسی می‌شود.";
    let ents = tag(text, None);
    let majlis = find(&ents, "majlis");
    assert_eq!(majlis.mentions.len(), 1, "{:?}", majlis.mentions);
    assert_eq!(majlis.mentions[0].text, "مجلس شورای اسلامی");
}

#[test]
fn a_member_of_parliament_is_named_by_the_constituency() {
    let text = "محمدحسین فرهنگی نماینده مردم تبریز، آذرشهر و اسکو در مجلس شورای اسلامی گفت که طرح بررسی می‌شود.";
    let ents = tag(text, None);
    spans_index_text(text, &ents);
    let mp = ents.iter().find(|e| e.id.starts_with("local-")).expect("the member");
    let role = &mp.roles[0];
    assert_eq!(role.role_fa, "نماینده مردم تبریز، آذرشهر و اسکو در مجلس شورای اسلامی");
    assert_eq!(role.role_en.as_deref(), Some("Member of Parliament for Tabriz, Azarshahr and Osku"));
}

#[test]
fn a_relative_sharing_a_surname_is_another_person_and_a_title_before_a_common_word_names_nobody() {
    // IRNA-style obituary: "استاد آواز ایران" is the master of Persian singing ("آواز" is looked up as written,
    // with its madda); the son shares the surname.
    let text = "پیکر محمدرضا شجریان، استاد آواز ایران، امروز در مشهد تشییع شد.\n\
                همایون شجریان فرزند استاد در این مراسم گفت: پدرم همیشه می‌گفت هنر باید در خدمت مردم باشد.\n\
                شجریان روز پنجشنبه در سن ۸۰ سالگی درگذشت.";
    let ents = tag(text, Some("2020-10-11"));
    spans_index_text(text, &ents);
    let persons: Vec<&str> = ents.iter().filter(|e| e.kind == Kind::Person).map(|e| e.name_fa.as_str()).collect();
    assert_eq!(persons, vec!["محمدرضا شجریان", "همایون شجریان"], "{persons:?}");
    // The surname alone is still the person named first.
    let father = ents.iter().find(|e| e.name_fa == "محمدرضا شجریان").unwrap();
    assert!(father.mentions.iter().any(|m| m.text == "شجریان"), "{:?}", father.mentions);
}

#[test]
fn a_surname_that_is_an_adjective_before_a_copula_is_the_adjective() {
    // "متکی" is Mottaki's surname and the adjective "reliant".
    let ents = tag("وزیر دفاع تصریح کرد: صنعت دفاعی کشور بر توان داخلی متکی است.", Some("2025-01-29"));
    assert!(!ents.iter().any(|e| e.id == "manouchehr-mottaki"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    find(&tag("متکی گفت که صنعت دفاعی کشور قوی است.", Some("2009-01-29")), "manouchehr-mottaki");
}

#[test]
fn an_office_of_another_chamber_is_not_the_bare_titles_holder() {
    // "رئیس مجلس" alone is the Majlis speaker; inside "رئیس مجلس نمایندگان عراق" it is Iraq's.
    let text = "رئیس مجلس نمایندگان عراق روز گذشته وارد تهران شد.";
    let ents = tag(text, Some("2024-12-09"));
    assert!(!ents.iter().any(|e| e.id == "mohammad-bagher-ghalibaf"), "{ents:?}");
    assert_eq!(find(&ents, "mahmoud-al-mashhadani").mentions[0].text, "رئیس مجلس نمایندگان عراق");
    spans_index_text(text, &ents);
    // A chamber of a country the knowledge base has no speaker for: nobody.
    for text in ["رئیس مجلس سنای پاکستان گفت که روابط خوب است.", "رئیس مجلس ملی پاکستان گفت که روابط خوب است."] {
        let ents = tag(text, Some("2024-12-09"));
        assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{text}: {ents:?}");
    }
    // The office's own body named at length still binds ("قوه قضاییه ایران").
    let ents = tag("سخنگوی قوه قضاییه ایران گفت که پرونده در دست بررسی است.", Some("2025-03-01"));
    assert_eq!(find(&ents, "asghar-jahangir").mentions[0].text, "سخنگوی قوه قضاییه");
    let ents = tag("رئیس مجلس امروز گفت که روابط خوب است.", Some("2024-12-09"));
    find(&ents, "mohammad-bagher-ghalibaf");
}

#[test]
fn a_club_that_is_also_a_word_is_linked_beside_another_club() {
    let text = "دیدار تیم‌های استقلال و پرسپولیس با تساوی به پایان رسید و سرمربی استقلال از نتیجه راضی بود.";
    let ents = tag(text, Some("2024-12-04"));
    assert_eq!(find(&ents, "esteghlal").mentions.len(), 2);
    find(&ents, "persepolis");
    spans_index_text(text, &ents);
    // Independence, with no club named.
    let ents = tag("مردم برای استقلال کشور جنگیدند.", Some("2024-12-04"));
    assert!(!ents.iter().any(|e| e.id == "esteghlal"), "{ents:?}");
}

#[test]
fn an_office_alone_in_late_2024_is_the_new_governments() {
    // Raisi's officials surely left by October 2024 (`<2024-10` in roles.tsv); the office alone is then its new holder.
    for (text, id) in [
        ("سخنگوی وزارت امور خارجه این تحریم‌ها را محکوم کرد.", "esmaeil-baghaei"),
        ("سخنگوی دولت در نشست خبری گفت که جلسه برگزار شد.", "fatemeh-mohajerani"),
    ] {
        let ents = tag(text, Some("2024-10-15"));
        find(&ents, id);
        spans_index_text(text, &ents);
    }
}

#[test]
fn an_office_still_to_come_or_past_is_not_its_holder_today() {
    // "رئیس‌جمهور منتخب آمریکا" in November 2024 is the president-elect (whose tenure begins within months), not
    // Iran's president nor the US one in office.
    let text = "رئیس جمهور منتخب آمریکا اعلام کرد که تعرفه‌ها را افزایش می‌دهد.";
    let ents = tag(text, Some("2024-11-26"));
    let persons: Vec<&str> = ents.iter().filter(|e| e.kind == Kind::Person).map(|e| e.id.as_str()).collect();
    assert_eq!(persons, ["donald-trump"]);
    assert_eq!(find(&ents, "donald-trump").mentions[0].text, "رئیس جمهور منتخب آمریکا");
    assert!(find(&ents, "donald-trump").roles.iter().all(|r| !r.in_text), "the office is not yet held");
    spans_index_text(text, &ents);
    // Long before the tenure, nobody is its elect.
    let ents = tag(text, Some("2024-06-01"));
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    let ents = tag("نخست وزیر سابق ژاپن در توکیو سخنرانی کرد.", Some("2024-11-26"));
    assert!(!ents.iter().any(|e| e.kind == Kind::Person), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    // The office alone is its holder on the day.
    let ents = tag("نخست وزیر ژاپن در توکیو سخنرانی کرد.", Some("2024-11-26"));
    find(&ents, "shigeru-ishiba");
    let ents = tag("کلودیا شینباوم رئیس جمهور مکزیک گفت مکزیک پاسخ می‌دهد.", Some("2024-11-26"));
    let p = find(&ents, "claudia-sheinbaum");
    assert!(p.roles.iter().any(|r| r.role_en.as_deref() == Some("President of Mexico") && r.in_text), "{:?}", p.roles);
}

#[test]
fn a_committee_named_short_is_the_committee() {
    // "کمیسیون امنیت ملی" for "کمیسیون امنیت ملی و سیاست خارجی" (data/kb/role_aliases.tsv).
    let ents = tag("ابراهیم عزیزی رئیس کمیسیون امنیت ملی مجلس گفت مذاکره ادامه دارد.", Some("2024-12-23"));
    let p = find(&ents, "ebrahim-azizi");
    assert!(p.roles.iter().any(|r| r.in_text && r.role_en.as_deref() == Some("Chairman of the National Security and Foreign Policy Committee")), "{:?}", p.roles);
}

#[test]
fn an_arabic_name_of_three_words_before_an_office_is_whole() {
    let text = "محمدرضا عارف در دیدار اثیر داوود الغریری وزیر بازرگانی عراق گفت تجارت افزایش می‌یابد.";
    let ents = tag(text, Some("2024-12-22"));
    let p = ents.iter().find(|e| e.id.starts_with("local-")).unwrap_or_else(|| panic!("{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>()));
    assert_eq!(p.mentions[0].text, "اثیر داوود الغریری");
    spans_index_text(text, &ents);
}

fn persons(ents: &[Entity]) -> Vec<&str> {
    ents.iter().filter(|e| e.kind == Kind::Person).map(|e| e.id.as_str()).collect()
}

#[test]
fn an_office_several_hold_at_once_names_nobody_by_date() {
    // Iran's parliament has two deputy speakers, the Guardian Council twelve members: the title alone, on a day
    // when the knowledge base knows several holders or only some, is nobody in particular.
    for text in [
        "نایب رئیس مجلس امروز در جلسه علنی گفت که طرح اعلام وصول شد.",
        "عضو شورای نگهبان گفت: این طرح بررسی شد.",
        "نماینده مجلس امروز گفت: دولت باید پاسخگو باشد.",
    ] {
        let ents = tag(text, Some("2024-11-02"));
        assert_eq!(persons(&ents), Vec::<&str>::new(), "{text}");
    }
    // Bound to a name, the office is that person's.
    let text = "حمیدرضا حاجی بابایی نایب رئیس مجلس امروز گفت که طرح اعلام وصول شد.";
    let ents = tag(text, Some("2024-11-02"));
    let p = find(&ents, "hamidreza-haji-babaei");
    assert!(p.roles.iter().any(|r| r.role_en.as_deref() == Some("Deputy Speaker of the Majlis") && r.in_text));
    // An office one person holds at a time still names its holder by date.
    let ents = tag("وزیر امور خارجه امروز گفت که مذاکرات ادامه دارد.", Some("2024-11-02"));
    assert_eq!(persons(&ents), vec!["abbas-araghchi"]);
}

#[test]
fn a_name_in_a_place_s_name_is_not_the_person() {
    for text in [
        "مراسم تشییع صبح فردا از مدرسه عالی شهید مطهری برگزار می‌شود.",
        "وی در فرودگاه بین‌المللی امام خمینی به خبرنگاران گفت که سفر مهمی بود.",
        "بیمار به بیمارستان شهید بهشتی منتقل شد.",
        "ترافیک در بزرگراه شهید همت سنگین است.",
        "نماز جمعه تهران در مصلای امام خمینی اقامه شد.",
    ] {
        let ents = tag(text, Some("2024-11-02"));
        assert_eq!(persons(&ents), Vec::<&str>::new(), "{text}");
    }
    // The person themself, with the same honorifics, is still found.
    let ents = tag("سردار شهید حاج قاسم سلیمانی در فرودگاه بغداد به شهادت رسید.", Some("2024-11-02"));
    assert_eq!(persons(&ents), vec!["qasem-soleimani"]);
    assert_eq!(find(&ents, "baghdad").kind, Kind::Location);
}

#[test]
fn a_name_that_ends_a_longer_one_is_the_same_person() {
    // A made-up cleric: named without his first name in the title, with it in the text.
    let text = "پیام تسلیت در پی درگذشت آیت الله مرادی خوانساری\nآیت الله محمد مرادی خوانساری دیروز درگذشت. پیکر آیت الله مرادی خوانساری فردا تشییع می‌شود.";
    let ents = tag(text, Some("2024-11-02"));
    let locals = local_persons(&ents);
    assert_eq!(locals.len(), 1, "{locals:?}");
    assert_eq!(locals[0].0, "محمد مرادی خوانساری");
    assert_eq!(locals[0].1.len(), 3);
    spans_index_text(text, &ents);
}

#[test]
fn a_listed_surname_in_two_words_is_one_surname() {
    // Scraped copies write the lost ZWNJ of "قلعه‌خانی" as a space; "قلعه" also starts place names and "امیر" is
    // also a rank.
    for (text, name) in [
        ("امیر قلعه خانی سرمربی تیم ملی کشتی گفت: بازیکنان ما عالی بودند.", "امیر قلعه خانی"),
        ("علی قلعه خانی سرمربی تیم ملی کشتی گفت: بازیکنان ما عالی بودند.", "علی قلعه خانی"),
        ("مهندس قلعه خانی گفت: بازیکنان ما عالی بودند.", "قلعه خانی"),
    ] {
        let ents = tag(text, Some("2024-10-15"));
        let locals = local_persons(&ents);
        assert_eq!(locals.len(), 1, "{text}: {locals:?}");
        assert_eq!(locals[0].1, [name], "{text}");
        spans_index_text(text, &ents);
    }
    // Later mentions take the surname in both its words, never its second word alone.
    let text = "قلعه خانی فهرست را اعلام کرد. علی قلعه خانی سرمربی تیم ملی کشتی گفت: آماده‌ایم. قلعه خانی افزود: نگران نیستیم.";
    let ents = tag(text, Some("2024-10-15"));
    let locals = local_persons(&ents);
    assert_eq!(locals.len(), 1, "{locals:?}");
    assert_eq!(locals[0].1, ["قلعه خانی", "علی قلعه خانی", "قلعه خانی"]);
    spans_index_text(text, &ents);
    // The same for a person of the knowledge base, whose lists spell the surname "قلعه نوئی".
    let text = "قلعه نویی فهرست را اعلام کرد. امیر قلعه نویی سرمربی تیم ملی گفت: آماده‌ایم. قلعه نویی افزود: نگران نیستیم.";
    let ents = tag(text, Some("2024-10-15"));
    let e = find(&ents, "amir-ghalenoei");
    let m: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(m, ["قلعه نویی", "امیر قلعه نویی", "قلعه نویی"]);
    spans_index_text(text, &ents);
    // Two words that are no listed surname together stay apart: "قلعه" here starts a place.
    let ents = tag("علی رضایی در قلعه نو گفت: بازیکنان ما عالی بودند.", Some("2024-10-15"));
    assert!(local_persons(&ents).iter().all(|(_, m)| m.iter().all(|m| !m.contains("قلعه"))), "{:?}", local_persons(&ents));
}

#[test]
fn a_short_form_with_topic_words_is_linked_on_its_topic_only() {
    // "آژانس" is the IAEA in nuclear news, any agency elsewhere.
    let text = "محمد اسلامی گفت: بازرسان آژانس همچنان در ایران حضور دارند و برنامه هسته‌ای ایران صلح‌آمیز است.";
    let ents = tag(text, Some("2024-11-21"));
    assert_eq!(find(&ents, "iaea").mentions[0].text, "آژانس");
    spans_index_text(text, &ents);
    let text = "این آژانس مسافرتی تورهای نوروزی را با تخفیف عرضه می‌کند.";
    let ents = tag(text, Some("2024-11-21"));
    assert!(ents.iter().all(|e| e.id != "iaea"), "{:?}", ents.iter().map(|e| &e.id).collect::<Vec<_>>());
    // "شورای امنیت" is the UN Security Council where the article is about the UN; "شورای امنیت کشور" is Iran's
    // Interior Ministry council, whatever the article is about.
    let text = "آنتونیو گوترش در نشست شورای امنیت گفت: همه طرف‌ها به قطعنامه پایبند باشند.";
    let ents = tag(text, Some("2025-06-23"));
    assert_eq!(find(&ents, "unsc").mentions[0].text, "شورای امنیت");
    let text = "شورای امنیت کشور امروز درباره قطعنامه سازمان ملل تصمیم گرفت.";
    let ents = tag(text, Some("2025-06-23"));
    find(&ents, "country-security-council-iran");
    assert!(ents.iter().all(|e| e.id != "unsc"));
    let text = "شورای امنیت مدرسه امروز تشکیل جلسه داد.";
    assert!(tag(text, Some("2025-06-23")).iter().all(|e| e.id != "unsc"));
}

#[test]
fn the_oil_companys_chief_by_name_and_by_office_on_the_day() {
    let text = "حمید بورد مدیرعامل شرکت ملی نفت ایران در گفتگو با شانا گفت: تولید نفت افزایش یافته است.";
    let ents = tag(text, Some("2024-12-08"));
    let p = find(&ents, "hamid-bovard");
    assert!(p.roles.iter().any(|r| r.in_text && r.role_fa == "مدیرعامل شرکت ملی نفت ایران"), "{:?}", p.roles);
    // The office alone names its holder on the day: Khojastehmehr in 2023, Bovard in 2025.
    let text = "مدیرعامل شرکت ملی نفت ایران گفت: تولید نفت افزایش یافته است.";
    assert!(tag(text, Some("2023-05-01")).iter().any(|e| e.id == "mohsen-khojastehmehr"));
    assert!(tag(text, Some("2025-05-01")).iter().any(|e| e.id == "hamid-bovard"));
}

#[test]
fn a_first_name_and_a_surname_suffix_written_apart_are_a_surname() {
    // "حسن‌زاده", "علی‌پور" lose their ZWNJ to a space; "زاده" is also a word of the stop list.
    for (text, name) in [
        ("صمد حسن زاده رئیس اتاق بازرگانی ایران گفت: صادرات رشد داشته است.", "صمد حسن زاده"),
        ("علی حسن زاده گفت: صادرات رشد داشته است.", "علی حسن زاده"),
        ("وی درباره غیبت مهدی علی پور گفت که او آماده است.", "مهدی علی پور"),
    ] {
        let ents = tag(text, Some("2024-11-10"));
        let locals = local_persons(&ents);
        assert_eq!(locals.len(), 1, "{text}: {locals:?}");
        assert_eq!(locals[0].0, name, "{text}");
        spans_index_text(text, &ents);
    }
    // Later, the surname in its two words is the same person (an interview's speaker labels).
    let text = "صمد حسن زاده رئیس اتاق بازرگانی ایران به پرسش‌ها پاسخ داد.\nحسن زاده: صادرات رشد داشته است.";
    let locals = local_persons(&tag(text, Some("2024-11-10")));
    assert_eq!(locals.len(), 1, "{locals:?}");
    assert_eq!(locals[0].1, ["صمد حسن زاده", "حسن زاده"]);
    // "زاده" after a word that is no first name is no surname.
    let text = "این کودک زاده تهران است.";
    assert!(local_persons(&tag(text, Some("2024-11-10"))).is_empty());
}

#[test]
fn an_office_of_a_body_whose_name_starts_with_a_verb_stem() {
    // "ستاد" (headquarters) is also a past stem; inside the body's name it is no verb.
    let text = "محسن اسلامی سخنگوی ستاد انتخابات کشور گفت: نتایج اعلام شد.";
    let ents = tag(text, Some("2024-07-01"));
    let p = ents.iter().find(|e| e.id.starts_with("local-")).expect("the spokesman");
    assert_eq!(p.roles[0].role_fa, "سخنگوی ستاد انتخابات کشور", "{:?}", p.roles);
    find(&ents, "election-hq-iran");
}

#[test]
fn a_sunni_clerics_title_is_an_honorific() {
    // "مولوی" (Mawlawi) is a title like "شیخ": the name after it is a person, with the office after the name.
    let text = "مولوی عبدالحمید امام جمعه اهل سنت زاهدان نیز در این دیدار خواستار توجه به مشکلات استان شد.";
    let ents = tag(text, Some("2024-02-24"));
    let locals = local_persons(&ents);
    assert_eq!(locals.len(), 1, "{locals:?}");
    assert_eq!(locals[0].0, "عبدالحمید");
    spans_index_text(text, &ents);
}

#[test]
fn the_martyr_soleimani_is_qasem_soleimani() {
    // "سلیمانی" alone is two persons of the knowledge base (and a common surname); "شهید سلیمانی" is his epithet.
    let text = "علی لاریجانی در مراسم بزرگداشت شهید سلیمانی گفت: راه او ادامه دارد.";
    let ents = tag(text, Some("2024-01-03"));
    assert_eq!(find(&ents, "qasem-soleimani").mentions[0].text, "شهید سلیمانی");
    assert!(ents.iter().all(|e| e.id != "gholamreza-soleimani"));
    spans_index_text(text, &ents);
}

#[test]
fn an_office_held_twice_is_named_once_by_the_nearer_tenure() {
    // Larijani was the SNSC's secretary 2005-08 to 2007-10 and again from 2025-08; an article of 2025-06 that
    // calls him so means the second tenure, and lists the office once.
    let text = "علی لاریجانی دبیر شورای عالی امنیت ملی با وزیر خارجه عمان دیدار کرد.";
    let snsc = |date: &str| -> Vec<(String, Option<String>)> {
        let ents = tag(text, Some(date));
        find(&ents, "ali-larijani")
            .roles
            .iter()
            .filter(|r| r.role_fa == "دبیر شورای عالی امنیت ملی")
            .map(|r| (r.role_fa.clone(), r.start.clone()))
            .collect()
    };
    assert_eq!(snsc("2025-06-07"), vec![("دبیر شورای عالی امنیت ملی".to_string(), Some("2025-08".to_string()))]);
    assert_eq!(snsc("2009-01-10"), vec![("دبیر شورای عالی امنیت ملی".to_string(), Some("2005-08".to_string()))]);
    // Inside a tenure, that tenure.
    assert_eq!(snsc("2006-03-01"), vec![("دبیر شورای عالی امنیت ملی".to_string(), Some("2005-08".to_string()))]);
}

#[test]
fn a_former_office_is_the_one_former_holder_the_article_names() {
    // Rouhani was president 2013-2021: in 2025, "رئیس جمهور سابق" in an article that names him is him.
    let text = "روحانی: برجام می‌توانست اقتصاد را نجات دهد\n\nرئیس جمهور سابق در دیدار با فعالان اقتصادی گفت: اگر برجام اجرا می‌شد وضع دیگری داشتیم.\n\nحسن روحانی افزود: ما با خروج آمریکا مواجه شدیم.";
    let ents = tag(text, Some("2025-01-22"));
    let p = find(&ents, "hassan-rouhani");
    assert!(p.mentions.iter().any(|m| m.text == "رئیس جمهور سابق"), "{:?}", p.mentions);
    spans_index_text(text, &ents);
    // Not the current holder, and not anyone when the article names no former holder, or another country's.
    for text in [
        "رئیس جمهور سابق در دیدار با فعالان اقتصادی گفت: اگر برجام اجرا می‌شد وضع دیگری داشتیم.",
        "حسن روحانی گفت: رئیس جمهور سابق آمریکا برجام را نابود کرد.",
    ] {
        let ents = tag(text, Some("2025-01-22"));
        assert!(
            !ents.iter().any(|e| e.mentions.iter().any(|m| m.text.starts_with("رئیس جمهور"))),
            "{text}: {:?}",
            ents.iter().map(|e| (&e.id, &e.mentions)).collect::<Vec<_>>()
        );
    }
}
