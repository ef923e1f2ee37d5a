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

#[test]
fn lookup_lists_exact_names_first_and_stops_quietly_on_a_closed_pipe() {
    // "سازمان ملل" is one of the United Nations' own names; the bodies whose names contain it come after.
    let (ok, out) = khabar(&["kb", "lookup", "سازمان ملل"]);
    assert!(ok);
    assert!(out.starts_with("un\tOrg\tUnited Nations"), "{out}");
    // `khabar kb lookup a | head -1`: the reader closes the pipe after one line of ~200 KB.
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["kb", "lookup", "a"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("panicked"), "{err}");
}
