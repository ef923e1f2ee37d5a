//! End-to-end tests of quotes and events in `khabar process` and of `khabar events-export`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn sample_corpus_quotes_index_text_and_events_are_marked() {
    let out = khabar()
        .arg("process")
        .arg(repo().join("corpus/sample"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut quotes = 0;
    let mut statuses = std::collections::HashSet::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
        for q in r["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                text[s..e].iter().collect::<String>(),
                q["text"].as_str().unwrap()
            );
            assert!(q["english"].as_str().is_some_and(|x| !x.is_empty()));
            quotes += 1;
        }
        for ev in r["events"].as_array().unwrap() {
            statuses.insert(ev["status"].as_str().unwrap().to_string());
            assert!(ev["english"].as_str().is_some_and(|x| !x.is_empty()));
        }
    }
    assert!(quotes >= 40, "{quotes} quotes");
    for s in ["reported", "planned", "negated"] {
        assert!(statuses.contains(s), "no {s} event in the sample corpus");
    }
}

#[test]
fn events_export_writes_plover_and_gdelt() {
    let f = repo().join("corpus/sample/sample-03-mehr.txt");
    let out = khabar()
        .args(["events-export", "--format", "gdelt"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    let mut lines = s.lines();
    assert!(lines.next().unwrap().starts_with("GLOBALEVENTID\tSQLDATE"));
    assert!(
        lines.any(|l| l.contains("\t040\t")
            && l.contains("abbas-araghchi")
            && l.contains("rafael-grossi")),
        "{s}"
    );
    let out = khabar()
        .args(["events-export", "--format", "plover"])
        .arg(&f)
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let ev: serde_json::Value = serde_json::from_str(s.lines().next().unwrap()).unwrap();
    assert_eq!(ev["event_type"], "CONSULT");
    assert!(ev["summary"].as_str().unwrap().contains("2024-11-14"));
}
