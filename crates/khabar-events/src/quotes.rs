//! Quotes: "X گفت: ...", "X گفت که ...", "X گفت ...", «...», a colon at a paragraph's end with
//! the quote in the following paragraphs, headline quotes ("کنعانی: ..."), indirect judgements
//! ("X ... را ... دانست"), nested attributions ("به تعبیر X ...", "... و Y نیز اعلام کرد که") and the answers
//! of an interview written as questions and answers.

use khabar_entities::Kind;

use crate::lexicon::{Lexicon, VerbUse};
use crate::speaker::{Clauses, Found, Subject};
use crate::text::{Doc, trim_quote};

/// A quote found in the text, before it is written out.
#[derive(Debug, Clone)]
pub struct RawQuote {
    /// The speaker, if resolved.
    pub who: Option<Subject>,
    /// The reporting verb as written (":" for a headline quote).
    pub verb: String,
    /// Its English gloss.
    pub verb_en: String,
    /// Quote content `s..e` of the text.
    pub s: usize,
    /// End.
    pub e: usize,
    /// True for direct speech.
    pub direct: bool,
    /// Index of the quote this one is nested in.
    pub nested_in: Option<usize>,
}

/// The result of the quote pass: quotes and, per sentence, the last person subject before it
/// (used to resolve pronouns in the event pass).
pub struct QuotePass {
    /// Quotes in order.
    pub quotes: Vec<RawQuote>,
    /// For each sentence, the person the pronouns in it refer to.
    pub last_person: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Colon(usize),
    Guillemet(usize),
    That(usize),
    Bare(usize),
    Deem,
    /// «...»، X گفت.
    Before(usize, usize),
}

/// Words naming a written statement whose text a report quotes ("بیانیه", "بیانیه‌ای", "پیام", "نامه"), or a
/// decree ("در حکمی ... منصوب کرد" / "در این حکم آمده است").
fn is_statement_word(k: &str) -> bool {
    ["بیانیه", "اطلاعیه", "پیام", "نامه", "متن", "حکم", "فرمان"]
        .iter()
        .any(|w| k.strip_prefix(w).is_some_and(|rest| matches!(rest, "" | "ای" | "ی")))
}

/// Finds the quotes of a text.
pub fn find(doc: &Doc, cl: &Clauses<'_, '_>) -> QuotePass {
    let lex = Lexicon::builtin();
    let mut quotes: Vec<RawQuote> = Vec::new();
    let mut last: Option<usize> = None;
    // The latest subject was an office nobody in the knowledge base held then ("سخنگوی وزارت امور خارجه"):
    // "وی" and subjectless clauses after it are that official's, not the person named before.
    let mut last_role: Option<String> = None;
    let mut last_person = Vec::with_capacity(doc.sents.len());
    let mut quoted_until = 0usize;
    let mut outer: Option<usize> = None;
    let person = |w: &Option<Subject>| match w {
        Some(Subject::Entity(p)) if cl.m.ents[*p].kind == Kind::Person => Some(*p),
        _ => None,
    };
    // A person becomes the one "وی" refers to; an unheld office too, until the next person.
    let remember = |w: &Option<Subject>, last: &mut Option<usize>, last_role: &mut Option<String>| {
        if let Some(p) = person(w) {
            *last = Some(p);
            *last_role = None;
        } else if let Some(Subject::Role(r)) = w {
            *last_role = Some(r.clone());
        } else if let Some(Subject::Group(g)) = w
            && unnamed_source(g)
        {
            // One unnamed source ("یک منبع آگاه") is whom "وی" refers to next, as an unheld office is.
            *last_role = Some(g.clone());
        }
    };
    // Who issued the last statement, message or letter told ("سپاه در بیانیه‌ای ..."): the speaker of "در این
    // بیانیه آمده است: ...".
    let mut issuer: Option<Subject> = None;
    for &(ss, se) in &doc.sents {
        last_person.push(if last_role.is_some() { None } else { last });
        let mut quoted_here = false;
        let range = doc.toks_in(ss, se);
        if let Some(t) = range.clone().find(|&t| is_statement_word(&doc.toks[t].key))
            && !doc.toks.get(t.wrapping_sub(1)).is_some_and(|x| matches!(x.key.as_str(), "این" | "ان"))
            && let Some(f) = cl.subject(ss, doc.toks[t].s, None).filter(|f| f.named)
        {
            issuer = Some(f.who);
        }
        // Headline form: "کنعانی: ..." at a paragraph's start.
        let (ps, pe) = doc.paragraph_of(ss);
        if ss == ps
            && ss >= quoted_until
            && let Some(q) = headline(doc, cl, ps, pe)
        {
            quoted_until = quoted_until.max(q.e);
            remember(&q.who, &mut last, &mut last_role);
            outer = Some(quotes.len());
            quotes.push(q);
            quoted_here = true;
        }
        let mut clause_s = ss;
        let mut t = range.start;
        while t < range.end {
            let tok = &doc.toks[t];
            let inside = tok.s < quoted_until;
            let last_entity = if last_role.is_some() { None } else { last };
            // "به تعبیر X" / "به گفته X" / "به اعتقاد X".
            if tok.key == "به"
                && let Some(&(_, verb_en)) = doc.toks.get(t + 1).and_then(|x| ACCORDING_TO.iter().find(|(k, _)| *k == x.key))
                && let Some(q) = according_to(doc, cl, t, se, verb_en, if inside { None } else { last_entity })
            {
                let nested_in = if inside { outer } else { None };
                if !inside {
                    quoted_until = quoted_until.max(q.e);
                    outer = Some(quotes.len());
                }
                t = doc.tok_from(q.e).max(t + 1);
                quotes.push(RawQuote { nested_in, ..q });
                quoted_here = true;
                continue;
            }
            let Some((rows, n)) = lex.verb_phrases.longest_at(&doc.toks, t) else {
                t += 1;
                continue;
            };
            let verb = &lex.verbs[rows[0]];
            let ve = doc.toks[t + n - 1].e;
            let next = doc.toks.get(t + n);
            let next_next = doc.toks.get(t + n + 1);
            // "گفت وگو" is a noun.
            if next.is_some_and(|x| {
                x.key.starts_with("وگو")
                    || (x.key == "و" && next_next.is_some_and(|y| y.key.starts_with("گو")))
            }) {
                t += n;
                continue;
            }
            // The clause starts after the last colon, guillemet or semicolon.
            if let Some(c) = (clause_s..tok.s)
                .rev()
                .find(|&c| matches!(doc.chars[c], ':' | '«' | '؛'))
            {
                clause_s = c + 1;
            }
            let after = doc.next_nonspace(ve);
            let form = match (verb.use_, after) {
                (VerbUse::Say, Some((c, ':'))) => Some(Form::Colon(c + 1)),
                (VerbUse::Say, Some((c, '«'))) => Some(Form::Guillemet(c)),
                (VerbUse::Say, _)
                    if next.is_some_and(|x| x.key == "که")
                        && !doc.gap_has(ve, next.map_or(ve, |x| x.s), &['،', '.', ',']) =>
                {
                    Some(Form::That(next.map_or(ve, |x| x.e)))
                }
                (VerbUse::Say, Some((c, ch)))
                    if next.is_some_and(|x| x.s == c)
                        && !matches!(next.map(|x| x.key.as_str()), Some("و" | "را" | "تا"))
                        && ch != '.' =>
                {
                    Some(Form::Bare(c))
                }
                (VerbUse::Deem, _) => Some(Form::Deem),
                (VerbUse::Say, after)
                    if after.is_none_or(|(_, ch)| matches!(ch, '.' | '!' | '؟' | '\n')) =>
                {
                    preceding_guillemets(doc, ss, tok.s)
                }
                _ => None,
            };
            let Some(form) = form else {
                t += n;
                continue;
            };
            let subj_from = if let Form::Before(_, qe) = form {
                // "«...» این را X گفت": the subject follows "این را".
                let ts = doc.toks_in(qe + 1, tok.s);
                if ts.len() >= 2 && doc.toks[ts.start].key == "این" && doc.toks[ts.start + 1].key == "را" {
                    doc.toks[ts.start + 1].e
                } else {
                    qe + 1
                }
            } else {
                clause_s
            };
            let subj = cl.subject(subj_from, tok.s, if inside { None } else { last_entity });
            if inside && !subj.as_ref().is_some_and(|f| f.named) {
                t += n;
                continue;
            }
            let span = match form {
                Form::Colon(c) => colon_content(doc, c, ss, se),
                Form::Guillemet(c) => Some(guillemet(doc, c)),
                Form::That(c) | Form::Bare(c) => Some((c, se)),
                Form::Deem => deem_object(doc, subj.as_ref(), clause_s, tok.s),
                Form::Before(a, b) => Some((a, b)),
            };
            let Some((qs, qe)) = span.map(|(a, b)| trim_quote(&doc.chars, a, b)) else {
                t += n;
                continue;
            };
            if doc.toks_in(qs, qe).len() < 2 {
                t += n;
                continue;
            }
            // "در این بیانیه آمده است:", "متن این پیام به این شرح است:": the statement's issuer speaks.
            let of_statement = is_statement_word(&tok.key)
                || (tok.key == "به" || tok.key == "بدین")
                    && doc.toks_in(clause_s, tok.s).any(|i| is_statement_word(&doc.toks[i].key));
            let subj = if of_statement && !subj.as_ref().is_some_and(|f| f.named) {
                issuer.clone().map(|who| Found { who, s: tok.s, e: tok.e, named: true }).or(subj)
            } else {
                subj
            };
            // A subject naming no one known, inside which a body or country is named ("دفتر نخست وزیری انگلیس در
            // بیانیه‌ای اعلام کرد"): that described speaker, not the last person.
            let subj = subj.or_else(|| {
                (!inside && matches!(form, Form::Colon(_) | Form::That(_) | Form::Bare(_)))
                    .then(|| cl.unnamed_subject(subj_from, tok.s))
                    .flatten()
                    .map(|r| Found { who: Subject::Role(r), s: tok.s, e: tok.e, named: false })
            });
            let who = subj.map(|f: Found| f.who).or(if inside {
                None
            } else {
                last_entity.map(Subject::Entity).or_else(|| {
                    // An unnamed source stays a described speaker ("یکی از کارگران ..." → "وی افزود").
                    last_role.clone().map(|r| if unnamed_source(&r) { Subject::Group(r) } else { Subject::Role(r) })
                })
            });
            // "X، عضو کمیسیون ...، گفت: ... / نماینده مردم اردستان در مجلس افزود: ...": "افزود" (added) goes on with
            // the last speaker, here described by another office nobody in the article holds.
            let goes_on = matches!(who, Some(Subject::Role(_)))
                && !inside
                && matches!(tok.key.as_str(), "افزود" | "افزودند" | "اضافه" | "ادامه")
                && last_role.is_none()
                && last.is_some_and(|p| quotes.last().is_some_and(|q| q.nested_in.is_none() && person(&q.who) == Some(p)));
            let who = if goes_on { last.map(Subject::Entity) } else { who };
            let nested_in = if inside { outer } else { None };
            if !inside {
                remember(&who, &mut last, &mut last_role);
                if !matches!(form, Form::Deem | Form::Before(..)) {
                    quoted_until = quoted_until.max(qe);
                    outer = Some(quotes.len());
                }
            }
            quotes.push(RawQuote {
                who,
                verb: doc.slice(tok.s, ve),
                verb_en: verb.gloss.clone(),
                s: qs,
                e: qe,
                direct: matches!(
                    form,
                    Form::Colon(_) | Form::Guillemet(_) | Form::Bare(_) | Form::Before(..)
                ),
                nested_in,
            });
            quoted_here = true;
            t += n;
        }
        if !quoted_here
            && ss >= quoted_until
            && let Some(f) = cl.subject(ss, se, if last_role.is_some() { None } else { last })
        {
            remember(&Some(f.who), &mut last, &mut last_role);
        }
    }
    named_after_role(doc, cl, &mut quotes);
    interview_answers(doc, cl, &mut quotes);
    QuotePass {
        quotes,
        last_person,
    }
}

/// Marks that open an interviewer's question paragraph ("* ارزیابی شما چیست؟").
const QUESTION_MARKS: &[char] = &['*', '-', '–', '—', '■', '●', '•', '▪', '◾', '□'];

/// Whether paragraph `ps..pe` is an interviewer's question: opened by a mark or by "سوال:"/"پرسش:"/"خبرنگار:",
/// ending with a question mark, and short.
fn question_paragraph(doc: &Doc, ps: usize, pe: usize) -> bool {
    let text: String = doc.chars[ps..pe].iter().collect();
    let t = text.trim();
    let labelled = ["سوال", "سؤال", "پرسش", "خبرنگار"]
        .iter()
        .any(|w| t.strip_prefix(w).is_some_and(|r| r.trim_start().starts_with(':')));
    let marked = t.starts_with(QUESTION_MARKS);
    (marked || labelled) && t.ends_with(['؟', '?']) && doc.toks_in(ps, pe).len() <= 60
}

/// Interviews written as questions and answers: the paragraphs after each question, up to the next one, are
/// the interviewee's words ("X در گفت‌وگو با خبرآنلاین ... پاسخ داد. / * سوال؟ / پاسخ"). The interviewee is
/// the named person of the sentence telling the interview ("در گفت‌وگو با", "در مصاحبه با"), before the first
/// question; answers already holding a quote are left to it.
fn interview_answers(doc: &Doc, cl: &Clauses<'_, '_>, quotes: &mut Vec<RawQuote>) {
    let mut questions: Vec<usize> =
        (0..doc.paras.len()).filter(|&i| question_paragraph(doc, doc.paras[i].0, doc.paras[i].1)).collect();
    // Scraped pages lose the bold type that marks questions: then short paragraphs that end with a question mark
    // and are each followed by another paragraph are the questions, when there are two or more.
    if questions.is_empty() {
        let bare: Vec<usize> = (0..doc.paras.len().saturating_sub(1))
            .filter(|&i| {
                let (ps, pe) = doc.paras[i];
                let text: String = doc.chars[ps..pe].iter().collect();
                let (ns, ne) = doc.paras[i + 1];
                let next: String = doc.chars[ns..ne].iter().collect();
                text.trim().ends_with(['؟', '?'])
                    && doc.toks_in(ps, pe).len() <= 40
                    && !next.trim().ends_with(['؟', '?'])
            })
            .collect();
        if bare.len() >= 2 {
            questions = bare;
        }
    }
    let Some(&first_q) = questions.first() else { return };
    let told = |&(ss, se): &(usize, usize)| {
        let r = doc.toks_in(ss, se);
        r.clone().any(|t| {
            matches!(doc.toks[t].key.as_str(), "گفتگو" | "گفتوگو" | "مصاحبه")
                && doc.toks.get(t + 1).is_some_and(|x| x.key == "با")
        })
    };
    let Some(who) = doc
        .sents
        .iter()
        .filter(|s| s.1 <= doc.paras[first_q].0 && told(s))
        .find_map(|&(ss, se)| cl.subject(ss, se, None).filter(|f| f.named))
        .and_then(|f| match f.who {
            Subject::Entity(p) if cl.m.ents[p].kind == Kind::Person => Some(p),
            _ => None,
        })
    else {
        return;
    };
    for (qi, &q) in questions.iter().enumerate() {
        let end = questions.get(qi + 1).copied().unwrap_or(doc.paras.len());
        for &(ps, pe) in &doc.paras[q + 1..end] {
            let (s, e) = trim_quote(&doc.chars, ps, pe);
            if doc.toks_in(s, e).len() < 3 || quotes.iter().any(|x| x.s < e && s < x.e) {
                continue;
            }
            // In text order; the nesting indices after the insertion point move by one.
            let at = quotes.partition_point(|x| x.s < s);
            for x in quotes.iter_mut() {
                if let Some(n) = x.nested_in.as_mut()
                    && *n >= at
                {
                    *n += 1;
                }
            }
            quotes.insert(at, RawQuote {
                who: Some(Subject::Entity(who)),
                verb: "پاسخ داد".into(),
                verb_en: "answered (interview)".into(),
                s,
                e,
                direct: true,
                nested_in: None,
            });
        }
    }
}

/// A group phrase for one unnamed source ("یک منبع آگاه", "یکی از کارگران معترض"): whom "وی" refers to next.
fn unnamed_source(group: &str) -> bool {
    group.starts_with("یک ") || group.starts_with("یکی ")
}

/// The lead names an office ("مدیر شرکت ... منطقه سبزوار گفت: ...") and the next sentence a person the knowledge
/// base does not know, with no role of their own, as its subject ("عیسی افتخاری ... اظهار کرد"): Persian news
/// names the speaker so, and the office's quotes are that person's. Only an office told in the first sentences,
/// the sentence right after it, and a person first named there with no role phrase after the name count.
fn named_after_role(doc: &Doc, cl: &Clauses<'_, '_>, quotes: &mut [RawQuote]) {
    let mut done: Vec<String> = Vec::new();
    for (i, &(ss, se)) in doc.sents.iter().enumerate().take(4) {
        let Some(Found { who: Subject::Role(r), .. }) = cl.subject(ss, se, None) else { continue };
        // An office told again (the headline's, then the lead's) is tried again with the sentence after it.
        if done.contains(&r) {
            continue;
        }
        let Some(&(ns, ne)) = doc.sents.get(i + 1) else { continue };
        // The subject is named before what the sentence quotes ("وی ادامه داد: مهدی طارمی ..." names a player).
        let ne = (ns..ne).find(|&c| matches!(doc.chars[c], ':' | '«')).unwrap_or(ne);
        let Some(Found { who: Subject::Entity(p), named: true, e: pe, .. }) = cl.subject(ns, ne, None) else { continue };
        // "علیرضا جهانبخش کاپیتان تیم ملی نیز گفت": a person with an office of their own is someone else.
        if cl.role_after(pe, ne).is_some() {
            continue;
        }
        let e = &cl.m.ents[p];
        let first = e.mentions.iter().map(|m| m.start).min().unwrap_or(0);
        if e.kind != Kind::Person || e.kb || !e.roles.is_empty() || first < ns || first >= ne {
            continue;
        }
        for q in quotes.iter_mut() {
            if matches!(&q.who, Some(Subject::Role(x)) if *x == r) {
                q.who = Some(Subject::Entity(p));
            }
        }
        done.push(r);
    }
}

/// "Name: text" at a paragraph's start.
fn headline(doc: &Doc, cl: &Clauses<'_, '_>, ps: usize, pe: usize) -> Option<RawQuote> {
    let t0 = doc.tok_from(ps);
    let first = doc.toks.get(t0)?;
    let (me, who) = match cl.m.starting_at(first.s) {
        Some((me, ent)) if cl.m.ents[ent].kind == Kind::Person => (me, Subject::Entity(ent)),
        Some(_) => return None,
        // An office right before the colon ("عضو کمیسیون امنیت ملی: ..."): the person the article gives it, or
        // the office as written.
        None if crate::speaker::role_head_at(doc, t0) => {
            let (ne, words) = cl.np(t0, pe);
            if doc.next_nonspace(ne).is_none_or(|(_, ch)| ch != ':') {
                return None;
            }
            let who = cl.m.resolve_role(&words, None).map_or_else(|| Subject::Role(doc.slice(first.s, ne)), Subject::Entity);
            (ne, who)
        }
        None => return None,
    };
    let colon = (me..pe).find(|&c| doc.chars[c] == ':')?;
    let between = doc.toks_in(me, colon);
    if between.len() > 6 || doc.gap_has(me, colon, &['.', '؟', '!', '\n']) {
        return None;
    }
    let lex = Lexicon::builtin();
    if between
        .clone()
        .any(|i| lex.verb_phrases.longest_at(&doc.toks, i).is_some())
    {
        return None;
    }
    let (s, e) = trim_quote(&doc.chars, colon + 1, pe);
    (doc.toks_in(s, e).len() >= 2).then(|| RawQuote {
        who: Some(who),
        verb: ":".into(),
        verb_en: "said".into(),
        s,
        e,
        direct: true,
        nested_in: None,
    })
}

/// Nouns after "به" that attribute the rest of the sentence to the person after them, with the English of the
/// phrase: "به گفته X" (according to X), "به اعتقاد X" (in X's view).
const ACCORDING_TO: &[(&str, &str)] = &[
    ("گفته", "according to"),
    ("تعبیر", "according to"),
    ("اعتقاد", "in the view of"),
    ("عقیده", "in the view of"),
    ("باور", "in the view of"),
    ("نظر", "in the view of"),
];

/// "به تعبیر X ..." / "به گفته X، ...": the rest of the sentence, attributed to X, with `verb_en` the phrase's
/// English ([`ACCORDING_TO`]).
fn according_to(
    doc: &Doc,
    cl: &Clauses<'_, '_>,
    t: usize,
    se: usize,
    verb_en: &str,
    last: Option<usize>,
) -> Option<RawQuote> {
    let mut i = t + 2;
    loop {
        let h = crate::speaker::honorific_at(doc, i);
        if h == 0 {
            break;
        }
        i += h;
    }
    let x = doc.toks.get(i)?;
    let pronoun = crate::speaker::PRONOUNS
        .contains(&x.key)
        .then(|| last.map(|p| (x.e, p)))
        .flatten();
    let person = cl.m.starting_at(x.s).or(pronoun).or_else(|| {
        // The honorific may be part of the mention.
        cl.m.starting_at(doc.toks[t + 2].s)
    });
    let (who, me) = match person {
        Some((me, ent)) if cl.m.ents[ent].kind == Kind::Person && me <= se => (Subject::Entity(ent), me),
        Some(_) => return None,
        // An unnamed source, a group or an office nobody is named for ("به گفته یک راننده در بندرعباس که نخواست
        // نامش فاش شود، «...»"): its description runs to the first comma.
        None => {
            let f = cl.candidates(x.s, se, None).into_iter().next().filter(|f| f.s == x.s)?;
            let who = match f.who {
                Subject::Entity(_) => return None,
                w => w,
            };
            let limit = doc.toks_in(f.e, se).take(15).next_back().map_or(se, |k| doc.toks[k].e);
            let comma = (f.e..limit).find(|&c| doc.chars[c] == '،')?;
            (who, comma)
        }
    };
    // Skip an appositive role up to its comma ("به گفته X، سخنگوی ...، ...", "به گفته X دبیرکل سازمان ملل، ...").
    let me = match cl.role_after(me, se) {
        Some(re) if doc.next_nonspace(re).is_some_and(|(_, ch)| ch == '،') => re,
        _ => me,
    };
    let mut s = me;
    if let Some((c, '،')) = doc.next_nonspace(me) {
        s = c + 1;
        let limit = doc
            .toks_in(s, se)
            .take(10)
            .next_back()
            .map_or(se, |k| doc.toks[k].e);
        if let Some(c2) = (s..limit).find(|&c| doc.chars[c] == '،')
            && crate::speaker::role_head_at(doc, doc.tok_from(s))
        {
            s = c2 + 1;
        }
    }
    // The words in guillemets ("به گفته X، «...».") are quoted directly: the quote is what they enclose.
    let open = doc.next_nonspace(s).filter(|&(c, ch)| ch == '«' && c < se);
    let (qs, qe, direct) = match open {
        Some((c, _)) => {
            let (a, b) = guillemet(doc, c);
            let (a, b) = trim_quote(&doc.chars, a, b);
            (a, b, true)
        }
        None => {
            let (a, b) = trim_quote(&doc.chars, s, se);
            (a, b, false)
        }
    };
    (doc.toks_in(qs, qe).len() >= 2).then(|| RawQuote {
        who: Some(who),
        verb: doc.slice(doc.toks[t].s, doc.toks[t + 1].e),
        verb_en: verb_en.into(),
        s: qs,
        e: qe,
        direct,
        nested_in: None,
    })
}

/// After "گفت:": the rest of the paragraph (up to the next attribution in it), or, when the
/// colon ends its paragraph, the following paragraphs until one that attributes speech.
fn colon_content(doc: &Doc, c: usize, _ss: usize, _se: usize) -> Option<(usize, usize)> {
    let lex = Lexicon::builtin();
    let (_, pe) = doc.paragraph_of(c.saturating_sub(1));
    let has_verb = |s: usize, e: usize| {
        doc.toks_in(s, e)
            .any(|i| lex.verb_phrases.longest_at(&doc.toks, i).is_some())
    };
    let (rs, re) = trim_quote(&doc.chars, c, pe);
    if rs >= re {
        // Quote in the following paragraphs.
        let pi = doc.paras.partition_point(|&(_, e)| e < c);
        let mut end = None;
        let start = doc.paras.get(pi + 1)?.0;
        for &(s, e) in doc.paras.iter().skip(pi + 1).take(6) {
            let first = doc.toks.get(doc.tok_from(s));
            if has_verb(s, e)
                || first.is_some_and(|x| {
                    x.key == "به"
                        && doc
                            .toks
                            .get(doc.tok_from(s) + 1)
                            .is_some_and(|y| y.key == "گزارش")
                })
            {
                break;
            }
            end = Some(e);
        }
        return end.map(|e| (start, e));
    }
    // The content opens with a guillemet ("گفت: «..."): the quote is what it encloses, even across paragraphs.
    if let Some(open) = (c..rs).find(|&i| doc.chars[i] == '«')
        && doc.chars[c..open].iter().all(|&ch| ch.is_whitespace() || ch == ':')
    {
        return Some(guillemet(doc, open));
    }
    // Stop at a later sentence of the paragraph that attributes speech again ("Y گفت: ...", "Y گفت که ...").
    let mut end = pe;
    for &(s, e) in &doc.sents {
        if s <= c || s >= pe {
            continue;
        }
        let attributes = doc.toks_in(s, e).any(|i| {
            lex.verb_phrases
                .longest_at(&doc.toks, i)
                .is_some_and(|(_, n)| {
                    let ve = doc.toks[i + n - 1].e;
                    // "X گفت: ..." or "X گفت که ...".
                    matches!(doc.next_nonspace(ve), Some((_, ':'))) || doc.toks.get(i + n).is_some_and(|x| x.key == "که")
                })
        });
        if attributes {
            end = s;
            break;
        }
    }
    Some((c, end))
}

/// «...» starting at `c`: up to the matching », or the paragraph's end.
fn guillemet(doc: &Doc, c: usize) -> (usize, usize) {
    let (_, pe) = doc.paragraph_of(c);
    // A quote of several paragraphs closes in a later one ("«... .\n... .»"): up to three more paragraphs,
    // while no new quote opens at the start of one.
    let para = doc.paras.partition_point(|&(_, e)| e <= c);
    let limit = doc.paras.get(para + 3).or(doc.paras.last()).map_or(pe, |&(_, e)| e.max(pe));
    let mut depth = 0;
    for i in c..limit {
        match doc.chars[i] {
            '«' if i >= pe && depth == 1 && doc.paragraph_of(i).0 == i => break,
            '«' => depth += 1,
            '»' => {
                depth -= 1;
                if depth == 0 {
                    return (c + 1, i);
                }
            }
            _ => {}
        }
    }
    (c + 1, pe)
}

/// "X ...، Y را Z دانست": the object clause Y ... Z, starting after the last comma or
/// coordinated verb ("... کرده و") between the subject and "را".
fn deem_object(
    doc: &Doc,
    subj: Option<&Found>,
    clause_s: usize,
    verb_s: usize,
) -> Option<(usize, usize)> {
    let from = subj.map_or(clause_s, |f| f.e);
    let toks = doc.toks_in(from, verb_s);
    let ra = toks.clone().find(|&i| doc.toks[i].key == "را")?;
    let mut start = None;
    let mut prev_e = from;
    for i in toks.start..ra {
        let x = &doc.toks[i];
        if doc.gap_has(prev_e, x.s, &['،', ',', ':', '؛']) {
            start = Some(x.s);
        }
        if x.key == "و" && i > toks.start && is_verbish(&doc.toks[i - 1].key) {
            start = doc.toks.get(i + 1).map(|y| y.s);
        }
        prev_e = x.e;
    }
    start.map(|s| (s, verb_s))
}

fn is_verbish(k: &str) -> bool {
    const ENDS: [&str; 14] = [
        "کرد",
        "کرده",
        "کردند",
        "نمود",
        "نموده",
        "شد",
        "شده",
        "داد",
        "داده",
        "داشت",
        "داشته",
        "است",
        "بود",
        "دانسته",
    ];
    ENDS.contains(&k)
}

/// A sentence that opens with «...» followed by "، X گفت.": the guillemets' content. Also «...» closing the
/// sentence before one that opens "این را X ... گفت." ("this is what X said").
fn preceding_guillemets(doc: &Doc, ss: usize, verb_s: usize) -> Option<Form> {
    let (open, _) = doc.next_nonspace(ss)?;
    if doc.chars[open] != '«' {
        let toks = doc.toks_in(ss, verb_s);
        let this = toks.len() >= 2 && doc.toks[toks.start].key == "این" && doc.toks[toks.start + 1].key == "را";
        if !this {
            return None;
        }
        // The «...» right before "این را" (the sentence may start at its "»"), in the same paragraph.
        let first = doc.toks[toks.start].s;
        let close = (0..first).rev().find(|&c| !doc.chars[c].is_whitespace() || doc.chars[c] == '\n')?;
        if doc.chars[close] != '»' {
            return None;
        }
        let mut depth = 0usize;
        for c in (0..close).rev() {
            match doc.chars[c] {
                '\n' => return None,
                '»' => depth += 1,
                '«' if depth > 0 => depth -= 1,
                '«' => {
                    let (a, b) = guillemet(doc, c);
                    return (b == close).then_some(Form::Before(a, b));
                }
                _ => {}
            }
        }
        return None;
    }
    let (a, b) = guillemet(doc, open);
    (b < verb_s && doc.chars.get(b) == Some(&'»')).then_some(Form::Before(a, b))
}
