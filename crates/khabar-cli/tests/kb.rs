//! `khabar kb` end to end.

use std::process::Command;

fn khabar(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_khabar")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn stats_are_json_counts_per_type() {
    let (ok, out) = khabar(&["kb", "stats"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for (k, min) in [("persons", 500), ("organizations", 300), ("places", 500), ("events", 20)] {
        assert!(v[k].as_u64().unwrap() >= min, "{k}: {}", v[k]);
    }
}

#[test]
fn lookup_finds_any_spelling_with_dated_roles() {
    let (ok, out) = khabar(&["kb", "lookup", "امير عبداللهيان"]);
    assert!(ok);
    assert!(out.contains("hossein-amir-abdollahian\tPerson\tHossein Amir-Abdollahian"), "{out}");
    assert!(out.contains("وزیر امور خارجه"), "{out}");
    let (ok, out) = khabar(&["kb", "lookup", "Kanaani"]);
    assert!(ok && out.contains("nasser-kanaani"), "{out}");
    let (ok, _) = khabar(&["kb", "lookup", "نامی که وجود ندارد"]);
    assert!(!ok);
}
