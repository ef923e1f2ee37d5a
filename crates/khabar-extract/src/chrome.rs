//! Site chrome rules: the data file `data/chrome.tsv` and the classification of a line as
//! chrome (comment forms, tags, share links, "کد خبر", "انتهای پیام", ...) or content.

use std::sync::LazyLock;

use regex::Regex;

use crate::fold::fold;

/// What a chrome rule does with a line it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The line is chrome.
    Drop,
    /// The line is chrome and so is everything after it, once the body has begun.
    End,
    /// The line opens links to other articles inside the body ("بیشتر بخوانید:"): it and the link titles after it
    /// (lines that are no paragraph, blank lines between them) are chrome; the article goes on after them.
    Aside,
    /// The line carries the article code (capture group 1).
    NewsId,
    /// The line is a labelled publication date.
    Date,
    /// "منبع خبر: X" (capture group 1 names the outlet).
    Source,
}

/// One rule of the chrome file.
#[derive(Debug, Clone)]
pub struct Rule {
    /// What to do on a match.
    pub action: Action,
    /// The pattern, compiled (anchored for whole-line rules).
    pub regex: Regex,
    /// The file's note on the rule.
    pub note: String,
}

/// A problem in the chrome rules file.
#[derive(Debug, thiserror::Error)]
#[error("chrome rules line {line}: {message}")]
pub struct RulesError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The chrome rules file shipped with khabar.
pub const BUILTIN_TSV: &str = include_str!("../../../data/chrome.tsv");

/// How a line was judged by the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// No rule matched.
    Content,
    /// A `drop` rule matched.
    Drop,
    /// An `end` rule matched.
    End,
    /// An `aside` rule matched.
    Aside,
    /// A `news_id` rule matched; `whole_line` when the line holds nothing else.
    NewsId {
        /// The code, ASCII digits.
        id: String,
        /// True when the line is only the code and its label.
        whole_line: bool,
    },
    /// A `date` rule matched (the caller parses the date).
    Date,
    /// A `source` rule matched: the outlet as written.
    Source(String),
}

/// The compiled chrome rules.
#[derive(Debug, Clone)]
pub struct ChromeRules {
    rules: Vec<Rule>,
}

impl ChromeRules {
    /// The rules shipped with khabar (`data/chrome.tsv`).
    pub fn builtin() -> &'static ChromeRules {
        static R: LazyLock<ChromeRules> =
            LazyLock::new(|| ChromeRules::parse(BUILTIN_TSV).expect("data/chrome.tsv is valid"));
        &R
    }

    /// Parses a rules file: `action<TAB>regex<TAB>note` lines, `#` comments.
    pub fn parse(tsv: &str) -> Result<ChromeRules, RulesError> {
        let mut rules = Vec::new();
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| RulesError { line: i + 1, message };
            let mut cols = line.splitn(3, '\t');
            let action = match cols.next().unwrap_or("").trim() {
                "drop" => Action::Drop,
                "end" => Action::End,
                "aside" => Action::Aside,
                "news_id" => Action::NewsId,
                "date" => Action::Date,
                "source" => Action::Source,
                other => return Err(err(format!("unknown action {other:?}"))),
            };
            let pattern = cols.next().ok_or_else(|| err("missing regex".into()))?.trim();
            let note = cols.next().unwrap_or("").trim().to_string();
            let anchored = match action {
                Action::NewsId | Action::Source => format!("(?i){pattern}"),
                _ => format!("(?i)^(?:{pattern})$"),
            };
            let regex = Regex::new(&anchored).map_err(|e| err(format!("bad regex: {e}")))?;
            rules.push(Rule { action, regex, note });
        }
        Ok(ChromeRules { rules })
    }

    /// The rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Judges one line (raw; folded here). The first matching rule wins.
    pub fn judge(&self, line: &str) -> Verdict {
        self.judge_folded(&fold(line))
    }

    /// Judges one line already folded with [`crate::fold::fold`].
    pub fn judge_folded(&self, folded: &str) -> Verdict {
        let folded = folded.trim_matches(|c: char| c.is_whitespace() || c == '|');
        if folded.is_empty() {
            return Verdict::Content;
        }
        for rule in &self.rules {
            let Some(cap) = rule.regex.captures(folded) else { continue };
            return match rule.action {
                Action::Drop => Verdict::Drop,
                Action::End => Verdict::End,
                Action::Aside => Verdict::Aside,
                Action::Date => Verdict::Date,
                Action::Source => Verdict::Source(cap.get(1).map_or("", |m| m.as_str()).trim().to_string()),
                Action::NewsId => {
                    let m = cap.get(0).expect("group 0");
                    let rest = format!("{}{}", &folded[..m.start()], &folded[m.end()..]);
                    let whole_line = rest.chars().filter(|&c| crate::fold::is_word_char(c)).count() <= 2
                        || self.judge_folded(rest.trim()) != Verdict::Content;
                    Verdict::NewsId { id: cap[1].to_string(), whole_line }
                }
            };
        }
        Verdict::Content
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(s: &str) -> Verdict {
        ChromeRules::builtin().judge(s)
    }

    #[test]
    fn chrome_of_many_outlets() {
        for line in [
            "برچسب‌ها",
            "برچسب ها: فلسطین، غزه",
            "کلیدواژه ها: مذاکرات",
            "نظر شما",
            "شما در حال پاسخ به نظر «» هستید.",
            "اخبار مرتبط: اولین جلسه برگزار شد",
            "انتهای پیام",
            "انتهای پیام/",
            "انتشار یافته: ۱",
            "در انتظار بررسی: ۰",
        ] {
            assert_eq!(judge(line), Verdict::End, "{line}");
        }
        for line in [
            "captcha",
            "  • captcha",
            "نظرات حاوی توهین و هرگونه نسبت ناروا به اشخاص حقیقی و حقوقی منتشر نمی‌شود.",
            "نظراتی که غیر از زبان فارسی یا غیر مرتبط با خبر باشد منتشر نمیشود.",
            "اشتراک گذاری",
            "کپی لینک",
            "چاپ",
            "لینک کوتاه: https://example.ir/x1",
            "تعداد بازدید: ۱۲۳",
            "زمان مطالعه: ۳ دقیقه",
            "سرویس سیاسی",
            "سرویس دفاعی و امنیتی",
            "گفتگوی اختصاصی",
            "سرویس: سیاسی",
            "سیاسی >> سیاست خارجی",
            "دنیا",
            "گزارش ویژه",
            "گروه فرهنگ و هنر:",
            "خانه > سیاست > سیاست خارجی",
            "صفحه اصلی سیاست اقتصاد جامعه فرهنگ ورزش بین الملل",
            "سیاسی | اقتصادی | اجتماعی | بین‌الملل | استان‌ها",
            "کارگری",
            "ورزش > فوتبال ایران",
            "اقتصاد > کلان",
            "بین الملل » غرب آسیا » لبنان",
            "بانک و بیمه",
            "تلگرام | واتس اپ | توییتر",
            "https://www.example.ir/news/123",
            "نمونه khabar: متن ساختگی برای آزمون، بر پایه رویدادهای عمومی",
            "علی محمدی - کارشناس مسائل بین‌الملل",
            "نویسنده: علی محمدی",
            "به قلم سارا احمدی",
            "<p>",
            "</div> <br/>",
            "<div class=\"news-body\">",
        ] {
            assert_eq!(judge(line), Verdict::Drop, "{line}");
        }
    }

    #[test]
    fn news_id_forms() {
        assert_eq!(judge("کد خبر 6142565"), Verdict::NewsId { id: "6142565".into(), whole_line: true });
        assert_eq!(judge("كد خبر: ۳۶۴۸۲"), Verdict::NewsId { id: "36482".into(), whole_line: true });
        assert_eq!(judge("کدخبر:۱۲۳۴۵"), Verdict::NewsId { id: "12345".into(), whole_line: true });
        assert_eq!(judge("شناسه خبر: 998877 | سرویس سیاسی"), Verdict::NewsId { id: "998877".into(), whole_line: true });
        assert_eq!(judge("شناسه: 2189345"), Verdict::NewsId { id: "2189345".into(), whole_line: true });
    }

    #[test]
    fn dates_and_sources() {
        assert_eq!(judge("تاریخ انتشار: ۰۸:۱۷ - ۲۹ آذر ۱۴۰۲ - 20 December 2023"), Verdict::Date);
        assert_eq!(judge("منبع خبر: ایسنا"), Verdict::Source("ایسنا".into()));
    }

    #[test]
    fn content_is_not_chrome() {
        for line in [
            "سخنگوی وزارت امور خارجه گفت: نظر شما درباره این موضوع مهم است و باید شنیده شود.",
            "وی افزود: انتهای پیام ما این است که مقاومت پیروز است و این پیام را به جهان می‌رسانیم.",
            "او با اشاره به برچسب‌هایی که به ایران زده می‌شود گفت این اتهامات بی‌پایه است.",
            "دیدار شمخانی با فرماندهان ارشد مقاومت فلسطین",
            "چاپ کتاب‌های درسی امسال با تاخیر انجام شد.",
            "خانه ملت میزبان نشست سیاست و اقتصاد شد",
            "سیاست اقتصادی دولت در مجلس بررسی شد",
            "نرخ تورم > ۳۰ درصد شد",
            "او گفت «ما می‌مانیم» و رفت",
            // A name with a comma and an office opens a sentence; an author byline has a dash and no sentence.
            "محمد مهاجری، روزنامه‌نگار اصول‌گرا، در شبکه ایکس نوشت: بازداشت روزنامه‌نگاران به سود هیچکس نیست.",
            "حسین کنعانی مقدم، تحلیلگر مسائل سیاسی، در گفت‌وگو با خبرآنلاین به پرسش‌ها پاسخ داد.",
            "نویسنده کتاب در این مراسم گفت: این اثر حاصل ده سال پژوهش است.",
            // Markup with words in it is the words' line.
            "<b>رئیس جمهور امروز به مشهد سفر کرد</b>",
        ] {
            assert_eq!(judge(line), Verdict::Content, "{line}");
        }
    }

    #[test]
    fn bad_rules_file_names_the_line() {
        let e = ChromeRules::parse("# c\ndrop\t(unclosed\tnote\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = ChromeRules::parse("frobnicate\tx\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
