//! `khabar serve`: the JSON API, tested against a real server process on loopback.

mod common;

use common::{enc, get, request, sample_archive, serve};
use serde_json::Value;

fn search(addr: &str, q: &str) -> Value {
    let r = get(addr, &format!("/api/search?q={}&limit=50", enc(q)));
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

fn ids(v: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = v["hits"].as_array().unwrap().iter().map(|h| h["id"].as_i64().unwrap()).collect();
    ids.sort();
    ids
}

#[test]
fn search_matches_every_spelling_and_marks_the_words() {
    let s = serve(sample_archive());
    let zwnj = search(&s.addr, "بین\u{200c}المللی");
    assert!(zwnj["total"].as_u64().unwrap() >= 3, "{zwnj}");
    for spelling in ["بینالمللی", "بين المللي", "بین المللی"] {
        assert_eq!(ids(&search(&s.addr, spelling)), ids(&zwnj), "{spelling}");
    }
    let r = search(&s.addr, "گروسی");
    let hit = &r["hits"][0];
    let parts = hit["snippet"]["parts"].as_array().unwrap();
    let marked: Vec<&str> = parts.iter().filter(|p| p["hit"] == true).map(|p| p["text"].as_str().unwrap()).collect();
    assert!(!marked.is_empty() && marked.iter().all(|m| *m == "گروسی"), "{parts:?}");
    let joined: String = parts.iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert_eq!(joined, hit["snippet"]["text"].as_str().unwrap());
    // Facets count stories per outlet; every hit's outlet is among them.
    let outlets: Vec<&str> = r["facets"]["agencies"].as_array().unwrap().iter().map(|a| a[0].as_str().unwrap()).collect();
    for h in r["hits"].as_array().unwrap() {
        if let Some(a) = h["agency"].as_str() {
            assert!(outlets.contains(&a), "{a} not in {outlets:?}");
        }
    }
}

#[test]
fn search_facets_have_people_places_and_a_date_histogram() {
    let s = serve(sample_archive());
    let r = search(&s.addr, "عراقچی");
    let f = &r["facets"];
    let persons: Vec<&str> = f["persons"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert!(persons.contains(&"abbas-araghchi"), "{persons:?}");
    assert!(f["persons"][0]["name_en"].is_string());
    assert!(!f["places"].as_array().unwrap().is_empty());
    let months = f["months"].as_array().unwrap();
    assert!(!months.is_empty());
    let stories: u64 = months.iter().map(|m| m["stories"].as_u64().unwrap()).sum();
    assert!(stories <= r["total"].as_u64().unwrap(), "{months:?}");
    assert!(months.iter().all(|m| m["month_jalali"].as_str().is_some_and(|j| j.starts_with("14"))), "{months:?}");
    // Filters by date: Jalali and Gregorian give the same answer.
    let a = get(&s.addr, &format!("/api/search?q={}&from=1403/01/01&to=1403/12/29", enc("عراقچی"))).json();
    let b = get(&s.addr, &format!("/api/search?q={}&from=2024-03-20&to=2025-03-20", enc("عراقچی"))).json();
    assert_eq!(ids(&a), ids(&b));
    assert!(a["total"].as_u64().unwrap() < r["total"].as_u64().unwrap());
}

#[test]
fn article_and_entity_pages() {
    let s = serve(sample_archive());
    let r = search(&s.addr, "گروسی ارعاب");
    let id = r["hits"][0]["id"].as_i64().unwrap();
    let a = get(&s.addr, &format!("/api/articles/{id}"));
    assert_eq!(a.status, 200);
    let a = a.json();
    let rec = &a["record"];
    let text: Vec<char> = rec["text"].as_str().unwrap().chars().collect();
    let araghchi = rec["entities"].as_array().unwrap().iter().find(|e| e["id"] == "abbas-araghchi").expect("Araghchi in the record");
    assert_eq!(araghchi["key"], "abbas-araghchi");
    for m in araghchi["mentions"].as_array().unwrap() {
        let (st, en) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(text[st..en].iter().collect::<String>(), m["text"].as_str().unwrap());
    }
    // The story's copies: Mehr first (it published first), Eghtesad News after it.
    let copies: Vec<&str> = a["copies"].as_array().unwrap().iter().map(|c| c["agency"].as_str().unwrap_or("")).collect();
    assert_eq!(copies, ["mehr", "eghtesadnews"]);

    let e = get(&s.addr, "/api/entities/abbas-araghchi");
    assert_eq!(e.status, 200);
    let e = e.json();
    assert_eq!(e["name_en"], "Abbas Araghchi");
    assert_eq!(e["kb"], true);
    assert!(e["roles"].as_array().unwrap().iter().any(|r| r["role_en"] == "Minister of Foreign Affairs"), "{}", e["roles"]);
    assert!(e["stories"].as_u64().unwrap() >= 2 && e["stories"].as_u64().unwrap() <= e["articles"].as_u64().unwrap());
    assert!(!e["quotes"].as_array().unwrap().is_empty());
    assert!(!e["quotes_by_month"].as_array().unwrap().is_empty());
    // Named with: most stories first, never more than the entity's own stories.
    let co: Vec<(&str, u64)> =
        e["cooccurring"].as_array().unwrap().iter().map(|c| (c["id"].as_str().unwrap(), c["stories"].as_u64().unwrap())).collect();
    assert_eq!(co[0].0, "country-ir", "{co:?}");
    assert!(co.windows(2).all(|w| w[0].1 >= w[1].1) && co[0].1 <= e["stories"].as_u64().unwrap(), "{co:?}");
    let grossi = get(&s.addr, "/api/entities/rafael-grossi").json();
    let with_grossi: Vec<(&str, u64)> =
        grossi["cooccurring"].as_array().unwrap().iter().map(|c| (c["id"].as_str().unwrap(), c["stories"].as_u64().unwrap())).collect();
    assert!(with_grossi.contains(&("iaea", 2)) && with_grossi.contains(&("abbas-araghchi", 1)), "{with_grossi:?}");
    assert!(e["events"].as_array().unwrap().iter().any(|r| r["event"]["type"] == "CONSULT"));

    let missing = get(&s.addr, "/api/entities/no-such-person");
    assert_eq!(missing.status, 404);
    assert!(missing.json()["error"].as_str().unwrap().contains("no-such-person"));
    assert_eq!(get(&s.addr, "/api/articles/999999").status, 404);
}

#[test]
fn network_counts_meetings_by_story() {
    let s = serve(sample_archive());
    let n = get(&s.addr, "/api/network").json();
    let edge = n["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "abbas-araghchi" && e["target"] == "rafael-grossi")
        .unwrap_or_else(|| panic!("no Araghchi–Grossi edge: {}", n["edges"]));
    // Mehr's story and Eghtesad News' copy of it are one story.
    assert_eq!(edge["stories"], 1, "{edge}");
    let nodes: Vec<&str> = n["nodes"].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap()).collect();
    for e in n["edges"].as_array().unwrap() {
        assert!(nodes.contains(&e["source"].as_str().unwrap()) && nodes.contains(&e["target"].as_str().unwrap()));
    }
    let t = get(&s.addr, "/api/timeline?type=consult").json();
    let months = t["months"].as_array().unwrap();
    assert!(!months.is_empty() && months.iter().all(|m| m["type"] == "CONSULT"));
    let ev = get(&s.addr, &format!("/api/events?type=CONSULT&actor={}&limit=5", enc("Abbas Araghchi"))).json();
    assert!(!ev["events"].as_array().unwrap().is_empty());
    let q = get(&s.addr, &format!("/api/quotes?speaker={}", enc("عراقچی"))).json();
    assert!(q["quotes"].as_array().unwrap().iter().all(|q| q["speaker"] == "abbas-araghchi"), "{q}");
}

#[test]
fn bad_requests_get_json_errors() {
    let s = serve(sample_archive());
    for path in [
        "/api/search?limit=abc",
        "/api/search?limit=0",
        "/api/search?limit=100000",
        "/api/search?from=tomorrow",
        "/api/search?offset=-1",
        "/api/search?colour=red",
        "/api/articles/abc",
        "/api/events?type=%3Cscript%3E",
        "/api/network?type=x%20y",
        "/api/quotes?to=1400/13/40",
    ] {
        let r = get(&s.addr, path);
        assert_eq!(r.status, 400, "{path}: {}", r.text());
        assert!(r.header("content-type").unwrap().starts_with("application/json"), "{path}");
        assert!(r.json()["error"].as_str().is_some_and(|e| !e.is_empty()), "{path}");
    }
    let r = get(&s.addr, "/api/search?from=tomorrow");
    assert!(r.json()["error"].as_str().unwrap().contains("tomorrow"));
    let r = get(&s.addr, "/api/nothing-here");
    assert_eq!(r.status, 404);
    assert!(r.json()["error"].is_string());
    // A body over the limit is refused, declared or not.
    let big = vec![b'x'; 200 * 1024];
    let r = request(&s.addr, "POST", "/api/search", &[("Content-Type", "application/json")], &big);
    assert_eq!(r.status, 413, "{}", r.text());
    let r = request(&s.addr, "GET", "/api/search?q=x", &[("Transfer-Encoding", "chunked")], &chunked(&big));
    assert_eq!(r.status, 413, "{}", r.text());
    // The server still answers.
    assert_eq!(get(&s.addr, "/api/stats").status, 200);
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for c in body.chunks(8192) {
        out.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        out.extend_from_slice(c);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

#[test]
fn openapi_describes_every_route() {
    let s = serve(sample_archive());
    let doc = get(&s.addr, "/api/openapi.json");
    assert_eq!(doc.status, 200);
    let doc = doc.json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for p in paths.keys() {
        let concrete = p.replace("{id}", if p.contains("entities") { "abbas-araghchi" } else { "1" });
        let r = get(&s.addr, &concrete);
        assert_eq!(r.status, 200, "{p}: {}", r.text());
        // Every documented parameter is accepted (unknown ones are a 400).
        for param in doc["paths"][p]["get"]["parameters"].as_array().into_iter().flatten() {
            if param["in"] != "query" {
                continue;
            }
            let name = param["name"].as_str().unwrap();
            let value = match param["schema"]["type"].as_str() {
                Some("integer") => "5",
                Some("boolean") => "true",
                _ if name == "from" || name == "to" => "1403/01/01",
                _ if name == "type" => "CONSULT",
                _ => "abc",
            };
            let r = get(&s.addr, &format!("{concrete}?{name}={value}"));
            assert_eq!(r.status, 200, "{p}?{name}={value}: {}", r.text());
        }
    }
    for route in ["/api/search", "/api/articles/{id}", "/api/entities/{id}", "/api/quotes", "/api/events", "/api/timeline", "/api/network", "/api/stats"] {
        assert!(paths.contains_key(route), "{route} undocumented");
    }
}

#[test]
fn ui_is_served_with_a_strict_content_security_policy() {
    let s = serve(sample_archive());
    let page = get(&s.addr, "/");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    let html = page.text();
    assert!(html.contains("dir=\"rtl\"") && html.contains("/app.js"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    let font = get(&s.addr, "/fonts/Vazirmatn-Regular.woff2");
    assert_eq!(font.status, 200);
    assert_eq!(&font.body[..4], b"wOF2");
    let js = get(&s.addr, "/app.js").text();
    for sink in ["innerHTML =", "innerHTML=", "outerHTML", "insertAdjacentHTML", "document.write", "eval("] {
        assert!(!js.contains(sink), "the UI must build pages from text nodes, not {sink}");
    }
    // The hostile article's markup is stored and served as text, inside JSON strings.
    let r = search(&s.addr, "onmouseover");
    let id = r["hits"][0]["id"].as_i64().expect("the hostile article is searchable");
    let a = get(&s.addr, &format!("/api/articles/{id}")).json();
    assert!(a["record"]["text"].as_str().unwrap().contains("<script>window.__pwned = 1</script>"));
}

#[test]
fn a_running_server_sees_what_a_later_ingest_stores() {
    let base = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("serve-live-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let db = base.join("db");
    let corpus = common::repo().join("corpus/sample");
    common::ingest(&db, &[&corpus.join("sample-01-irna.txt")]);
    let s = serve(&db);
    assert_eq!(search(&s.addr, "گروسی")["total"], 0);
    common::ingest(&db, &[&corpus.join("sample-03-mehr.txt")]);
    assert_eq!(search(&s.addr, "گروسی")["total"], 1);
    drop(s);
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn demo_ingests_the_sample_corpus_and_serves_it() {
    let db = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("demo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&db);
    let s = common::start(&["demo", "--db", db.to_str().unwrap()]);
    assert!(s.url.starts_with("http://127.0.0.1:"), "{}", s.url);
    let st = get(&s.addr, "/api/stats").json();
    let samples = std::fs::read_dir(common::repo().join("corpus/sample")).unwrap().count() as u64;
    assert_eq!(st["articles"].as_u64().unwrap(), samples, "{st}");
    assert_eq!(st["indexed"], st["articles"]);
    drop(s);
    let _ = std::fs::remove_dir_all(&db);
}
