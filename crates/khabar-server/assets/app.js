// khabar's web UI: a small single-page application over the JSON API (/api/openapi.json).
//
// Scraped text is untrusted. Every page is built with DOM nodes: text goes in as text nodes
// (never innerHTML), attribute names come from this file only, and links are either the
// UI's own "#/..." routes or http(s) URLs checked by safeHref. The server's
// Content-Security-Policy allows no inline script on top of that.
"use strict";

const app = () => document.getElementById("app");
const SVG = "http://www.w3.org/2000/svg";

function safeHref(v) {
  v = String(v);
  if (v.startsWith("#/") || v.startsWith("/api/")) return v;
  try {
    const u = new URL(v);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (e) { /* not a URL */ }
  return "#";
}

// h("a", {href: "#/x", class: "c"}, "text", child, [more]) — strings become text nodes.
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVG, tag);
  setAttrs(el, attrs);
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.setAttribute("class", v);
    else if (k === "href") el.setAttribute("href", safeHref(v));
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
}

function en(text) {
  return text ? h("span", { lang: "en", class: "en" }, text) : null;
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && String(v).trim() !== "") q.set(k, v);
  }
  const url = "/api/" + path + (q.toString() ? "?" + q : "");
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body;
  try { body = await res.json(); } catch (e) { body = { error: res.statusText }; }
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}

function go(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && String(v) !== "") q.set(k, v);
  location.hash = "#" + path + (q.toString() ? "?" + q : "");
}

function show(...nodes) {
  const m = app();
  m.replaceChildren(...nodes.flat());
  window.scrollTo(0, 0);
}

function failure(e) {
  show(h("div", { class: "card error" }, "خطا · Error: ", e.message || String(e)));
}

function dates(jalali, gregorian) {
  const j = jalali ? jalali.replace("T", " ") : null;
  const g = gregorian ? gregorian.slice(0, 10) : null;
  if (!j && !g) return "—";
  return h("span", { class: "dates" }, j ? h("bdi", { dir: "ltr" }, j) : null, g ? [" ", en("(" + g + ")")] : null);
}

function entityLink(key, label, kind, title) {
  return h("a", { class: "ent " + (kind || "").toLowerCase(), href: "#/entity/" + encodeURIComponent(key), title: title || null }, label);
}

// ---- search ----------------------------------------------------------------------------

async function searchPage(params) {
  const p = Object.fromEntries(params.entries());
  document.getElementById("q").value = p.q || "";
  const filters = h("form", { class: "filters", onsubmit: (ev) => {
      ev.preventDefault();
      const f = new FormData(ev.target);
      go("/search", { ...p, from: f.get("from"), to: f.get("to"), agency: f.get("agency"), person: f.get("person"), offset: "" });
    } },
    h("label", {}, "از · from", h("input", { name: "from", value: p.from || "", placeholder: "1403/01/01 or 2024-03-20" })),
    h("label", {}, "تا · to", h("input", { name: "to", value: p.to || "", placeholder: "1403/12/29" })),
    h("label", {}, "رسانه · outlet", h("input", { name: "agency", value: p.agency || "", placeholder: "mehr" })),
    h("label", {}, "شخص · person", h("input", { name: "person", value: p.person || "", placeholder: "عراقچی / Araghchi" })),
    h("button", { type: "submit" }, "اعمال ", en("Apply")));
  show(filters, h("p", { class: "muted" }, "…"));
  let r;
  try { r = await api("search", p); } catch (e) { show(filters, h("div", { class: "card error" }, "خطا · Error: ", e.message)); return; }
  const offset = Number(p.offset || 0);
  const limit = Number(p.limit || 20);
  const hits = r.hits.map((hit) => h("article", { class: "card hit", "data-id": hit.id },
    h("h3", {}, h("a", { href: "#/article/" + hit.id }, hit.title || hit.source)),
    h("div", { class: "muted" }, dates(hit.published_jalali, hit.published), " · ", hit.agency || "—",
      hit.copies > 1 ? [" · ", h("span", { title: "copies of this story in the archive" }, hit.copies + " نسخه ", en("copies"))] : null),
    h("p", { class: "snippet" }, (hit.snippet.parts || [{ text: hit.snippet.text, hit: false }]).map((part) => part.hit ? h("mark", { class: "hit" }, part.text) : part.text)),
    hit.also_in.length ? h("div", { class: "muted" }, "همچنین در · also in: ",
      hit.also_in.map((o, i) => [i ? "، " : "", o, o === hit.first_publisher ? " (نخستین · first)" : ""])) : null));
  const pager = h("div", { class: "pager" },
    offset > 0 ? h("a", { href: "#/search?" + new URLSearchParams({ ...p, offset: Math.max(0, offset - limit) }) }, "← قبلی · previous ") : null,
    offset + limit < r.total ? h("a", { href: "#/search?" + new URLSearchParams({ ...p, offset: offset + limit }) }, " بعدی · next →") : null);
  const summary = h("p", { class: "muted", id: "summary" }, r.total + " خبر (" + r.articles + " نسخه) · ", en(r.total + " stories, " + r.articles + " articles"));
  show(filters, h("div", { class: "layout" }, facetsPanel(r.facets, p), h("section", { id: "results" }, summary, hits, pager)));
}

function facetsPanel(f, p) {
  const list = (title, rows, param) => rows && rows.length ? h("div", { class: "facet" }, h("h4", {}, title),
    h("ul", {}, rows.slice(0, 12).map((row) => h("li", {},
      h("a", { href: "#/search?" + new URLSearchParams({ ...p, [param]: row.id, offset: "" }), title: row.title || row.id }, row.label, row.en ? [" ", en(row.en)] : null),
      h("span", { class: "muted" }, row.count))))) : null;
  const agencies = (f.agencies || []).map(([id, n]) => ({ id, label: id, count: n }));
  const ents = (rows) => (rows || []).map((e) => ({ id: e.id, label: e.name_fa || e.id, en: e.name_en, count: e.stories }));
  const months = fillMonths(f.months || []);
  const max = Math.max(1, ...months.map((m) => m.stories));
  const histogram = months.length ? h("div", { class: "facet" }, h("h4", {}, "زمان · ", en("date")),
    h("div", { class: "bars", id: "histogram" }, months.map((m) => {
      const a = h("a", { href: "#/search?" + new URLSearchParams({ ...p, from: m.month + "-01", to: monthEnd(m.month), offset: "" }),
        title: (m.month_jalali || "") + " / " + m.month + ": " + m.stories });
      a.style.height = (m.stories ? Math.max(4, Math.round(70 * m.stories / max)) : 1) + "px";
      return a;
    })),
    h("div", { class: "muted" }, h("bdi", { dir: "ltr" }, months[0].month_jalali || months[0].month), " … ",
      h("bdi", { dir: "ltr" }, months[months.length - 1].month_jalali || months[months.length - 1].month))) : null;
  return h("aside", { class: "card", id: "facets" },
    histogram,
    list("رسانه‌ها · outlets", agencies, "agency"),
    list("اشخاص · people", ents(f.persons), "person"),
    list("سازمان‌ها · organizations", ents(f.organizations), "q"),
    list("مکان‌ها · places", ents(f.places), "q"));
}

// The histogram's months with the empty ones in between (at most ten years of bars).
function fillMonths(rows) {
  if (rows.length < 2) return rows;
  const at = new Map(rows.map((r) => [r.month, r]));
  const [y0, m0] = rows[0].month.split("-").map(Number);
  const [y1, m1] = rows[rows.length - 1].month.split("-").map(Number);
  const span = (y1 - y0) * 12 + (m1 - m0);
  if (span > 120) return rows;
  const out = [];
  for (let i = 0; i <= span; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12), m = (m0 - 1 + i) % 12 + 1;
    const key = y + "-" + String(m).padStart(2, "0");
    out.push(at.get(key) || { month: key, month_jalali: null, stories: 0 });
  }
  return out;
}

function monthEnd(month) {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return month + "-" + String(d).padStart(2, "0");
}

// ---- article ---------------------------------------------------------------------------

// Renders chars[start, end) with entity mentions as links and quotes marked with their speaker.
function annotated(chars, start, end, mentions, quotes, speakerOf) {
  const cuts = new Set([start, end]);
  for (const m of mentions.concat(quotes)) {
    if (m.end <= start || m.start >= end) continue;
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  let quoteEl = null, quoteOf = null, linkEl = null, linkOf = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = chars.slice(a, b).join("");
    const q = quotes.find((x) => x.start <= a && x.end >= b) || null;
    const m = mentions.find((x) => x.start <= a && x.end >= b) || null;
    if (q !== quoteOf) {
      quoteOf = q; linkEl = null; linkOf = null;
      if (q) {
        quoteEl = h("span", { class: "quote", title: (q.speaker_name_fa || "?") + " — " + q.verb + (q.speaker_name_en ? " (" + q.speaker_name_en + ")" : "") });
        if (a === q.start) out.push(speakerOf(q));
        out.push(quoteEl);
      } else quoteEl = null;
    }
    const target = quoteEl ? (n) => quoteEl.append(n) : (n) => out.push(n);
    if (m) {
      if (m !== linkOf) {
        linkOf = m;
        linkEl = entityLink(m.key, "", m.kind, m.title);
        linkEl.setAttribute("data-entity", m.key);
        target(linkEl);
      }
      linkEl.append(document.createTextNode(text));
    } else {
      linkOf = null; linkEl = null;
      target(document.createTextNode(text));
    }
  }
  return out;
}

async function articlePage(id) {
  let a;
  try { a = await api("articles/" + encodeURIComponent(id)); } catch (e) { failure(e); return; }
  const r = a.record;
  const chars = Array.from(r.text || "");
  const byId = new Map();
  const mentions = [];
  for (const e of r.entities || []) {
    byId.set(e.id, e);
    const title = (e.name_en ? e.name_en + " · " : "") + e.type;
    for (const m of e.mentions || []) mentions.push({ start: m.start, end: m.end, key: e.key, kind: e.type, title });
  }
  const quotes = (r.quotes || []).filter((q) => !q.nested_in && q.nested_in !== 0);
  const speakerOf = (q) => {
    const e = q.speaker ? byId.get(q.speaker) : null;
    const label = [q.speaker_name_fa || q.speaker_group || "؟", q.speaker_name_en ? [" ", en(q.speaker_name_en)] : null];
    return h("span", { class: "speaker", title: "گوینده · speaker" }, e ? h("a", { href: "#/entity/" + encodeURIComponent(e.key) }, label) : label);
  };
  const segs = (r.segments || []).slice().sort((x, y) => x.start - y.start);
  const body = h("div", { class: "article-text", id: "article-text" });
  if (segs.length) {
    for (const sg of segs) {
      const tag = sg.field === "title" ? "h1" : "p";
      const cls = sg.field === "kicker" ? "kicker" : sg.field === "lead" ? "lead" : null;
      body.append(h(tag, { class: cls, "data-field": sg.field }, annotated(chars, sg.start, sg.end, mentions, quotes, speakerOf)));
    }
  } else {
    body.append(...annotated(chars, 0, chars.length, mentions, quotes, speakerOf));
  }
  const ag = r.agency ? [r.agency.name_fa, " ", en(r.agency.name_en)] : "—";
  const origin = r.agency_origin ? [" · به نقل از ", r.agency_origin.name_fa, " ", en("via " + r.agency_origin.name_en)] : null;
  const src = /^https?:\/\//.test(r.source) ? h("a", { href: r.source, rel: "noopener noreferrer nofollow", target: "_blank" }, r.source) : h("span", { class: "en" }, r.source);
  const meta = h("div", { class: "card muted" },
    h("div", {}, "رسانه · ", en("outlet"), ": ", ag, origin),
    h("div", {}, "انتشار · ", en("published"), ": ", dates(r.published_jalali, r.published)),
    r.news_id ? h("div", {}, "کد خبر · ", en("news id"), ": ", r.news_id) : null,
    h("div", {}, "منبع · ", en("source"), ": ", src),
    a.copies && a.copies.length > 1 ? h("div", {}, "نسخه‌های همین خبر · ", en("copies of this story"), ": ",
      a.copies.map((c, i) => [i ? "، " : "", c.id === a.id ? h("b", {}, c.agency || c.source) : h("a", { href: "#/article/" + c.id }, c.agency || c.source)])) : null);
  const legend = h("div", { class: "legend muted" }, h("span", { class: "person" }, "شخص person"), h("span", { class: "org" }, "سازمان org"),
    h("span", { class: "location" }, "مکان place"), h("span", { class: "quote" }, "نقل‌قول quote"));
  const kinds = [["PERSON", "اشخاص · people"], ["ORG", "سازمان‌ها · organizations"], ["LOCATION", "مکان‌ها · places"], ["EVENT", "رویدادها · named events"]];
  const entityList = h("aside", { class: "card", id: "entities" }, kinds.map(([k, title]) => {
    const es = (r.entities || []).filter((e) => e.type === k);
    if (!es.length) return null;
    return h("div", { class: "facet" }, h("h4", {}, title), h("ul", {}, es.map((e) => {
      const role = (e.roles || []).find((x) => x.in_text) || null;
      return h("li", {}, h("span", {}, entityLink(e.key, e.name_fa, k), " ", en(e.name_en), role ? h("div", { class: "muted" }, role.role_fa, " ", en(role.role_en)) : null),
        h("span", { class: "muted" }, (e.mentions || []).length));
    })));
  }));
  const events = (r.events || []).length ? h("section", { class: "card events", id: "events" }, h("h3", {}, "رویدادها · ", en("events (PLOVER)")),
    h("ul", {}, r.events.map((ev) => h("li", {}, h("b", { class: "en" }, ev.type + " / " + ev.mode), " · ", ev.status, " · ", en(ev.english),
      h("div", { class: "muted" }, chars.slice(ev.evidence.start, ev.evidence.end).join("")))))) : null;
  const quoteList = quotes.length ? h("section", { class: "card quotes", id: "quotes" }, h("h3", {}, "نقل‌قول‌ها · ", en("quotes")),
    h("ul", {}, quotes.map((q) => h("li", {}, speakerOf(q), " ", q.verb, ": «", q.text, "»", q.english ? h("div", { class: "muted" }, en(q.english)) : null)))) : null;
  show(h("div", { class: "layout article" }, entityList, h("section", {}, meta, legend, h("div", { class: "card" }, body), quoteList, events)));
}

// ---- entity ----------------------------------------------------------------------------

function monthBars(rows, key) {
  rows = fillMonths(rows);
  const max = Math.max(1, ...rows.map((r) => r[key] || 0));
  return [h("div", { class: "bars" }, rows.map((r) => {
    const b = h("span", { class: "bar", title: (r.month_jalali || "") + " / " + r.month + ": " + (r[key] || 0) });
    b.style.height = (r[key] ? Math.max(4, Math.round(70 * r[key] / max)) : 1) + "px";
    return b;
  })), rows.length ? h("div", { class: "muted" }, h("bdi", { dir: "ltr" }, rows[0].month), " … ", h("bdi", { dir: "ltr" }, rows[rows.length - 1].month)) : null];
}

async function entityPage(id) {
  let e;
  try { e = await api("entities/" + encodeURIComponent(id)); } catch (err) { failure(err); return; }
  const head = h("div", { class: "card", id: "entity", "data-entity": e.id },
    h("h1", {}, e.name_fa || e.id, " ", en(e.name_en)),
    h("div", { class: "muted" }, e.type, e.kb ? " · knowledge base: " + e.id : " · not in the knowledge base (name transliterated)",
      e.description ? [" · ", e.description] : null),
    h("div", { class: "muted" }, e.stories + " خبر، " + e.articles + " نسخه · ", en(e.stories + " stories, " + e.articles + " articles")),
    h("div", {}, h("a", { href: "#/search?" + new URLSearchParams(e.type === "PERSON" ? { person: e.id } : { q: e.name_fa || "" }) }, "جستجوی خبرها · ", en("search its articles")), " · ",
      h("a", { href: "#/timeline?" + new URLSearchParams({ actor: e.id }) }, "گاه‌شمار · ", en("timeline"))));
  const roles = e.roles.length ? h("section", { class: "card" }, h("h3", {}, "سمت‌ها · ", en("roles")), h("table", {},
    h("tr", {}, h("th", {}, "سمت"), h("th", {}, en("role")), h("th", {}, en("from")), h("th", {}, en("to"))),
    e.roles.map((r) => h("tr", {}, h("td", {}, r.role_fa), h("td", {}, en(r.role_en)), h("td", {}, en(r.start)), h("td", {}, en(r.end || "—")))))) : null;
  const quotes = e.quotes.length ? h("section", { class: "card quotes" }, h("h3", {}, "نقل‌قول‌ها در گذر زمان · ", en("quotes over time")),
    monthBars(e.quotes_by_month, "count"),
    h("ul", {}, e.quotes.map((q) => h("li", {}, h("a", { href: "#/article/" + q.article }, (q.published || "").slice(0, 10) || "—"), " ", q.verb, ": «", q.text, "»")))) : null;
  const events = e.events.length ? h("section", { class: "card events" }, h("h3", {}, "رویدادها · ", en("events")),
    h("ul", {}, e.events.map((r) => h("li", {}, h("a", { href: "#/article/" + r.article }, (r.event.date || "—")), " ", h("b", { class: "en" }, r.event.type), " ", en(r.event.english))))) : null;
  const co = e.cooccurring.length ? h("aside", { class: "card facet" }, h("h4", {}, "هم‌آیندها · ", en("named with")),
    h("ul", {}, e.cooccurring.map((c) => h("li", {}, h("span", {}, entityLink(c.id, c.name_fa || c.id, c.type), " ", en(c.name_en)), h("span", { class: "muted" }, c.stories))))) : h("aside", {});
  const recent = h("section", { class: "card" }, h("h3", {}, "تازه‌ترین خبرها · ", en("latest articles")),
    h("ul", {}, e.recent.map((a) => h("li", {}, h("a", { href: "#/article/" + a.id }, a.title || "#" + a.id), " ", h("span", { class: "muted" }, a.agency || "", " ", a.published_jalali || "")))));
  show(head, h("div", { class: "layout" }, co, h("section", {}, roles, quotes, events, recent)));
}

// ---- network ---------------------------------------------------------------------------

async function networkPage(params) {
  const p = Object.fromEntries(params.entries());
  const form = h("form", { class: "filters", onsubmit: (ev) => {
      ev.preventDefault();
      const f = new FormData(ev.target);
      go("/network", { type: f.get("type"), from: f.get("from"), to: f.get("to") });
    } },
    h("label", {}, "نوع · type", h("input", { name: "type", value: p.type || "CONSULT" })),
    h("label", {}, "از · from", h("input", { name: "from", value: p.from || "" })),
    h("label", {}, "تا · to", h("input", { name: "to", value: p.to || "" })),
    h("button", { type: "submit" }, "نمایش ", en("Show")));
  let net;
  try { net = await api("network", p); } catch (e) { show(form, h("div", { class: "card error" }, e.message)); return; }
  const W = 1000, H = 640;
  const nodes = net.nodes.map((n, i) => ({ ...n, x: W / 2 + 250 * Math.cos(2 * Math.PI * i / net.nodes.length), y: H / 2 + 250 * Math.sin(2 * Math.PI * i / net.nodes.length), vx: 0, vy: 0 }));
  const at = new Map(nodes.map((n) => [n.id, n]));
  const edges = net.edges.filter((e) => at.has(e.source) && at.has(e.target));
  // Fruchterman–Reingold: repulsion k²/d between all nodes, attraction d²/k along edges,
  // moves capped by a temperature that cools to zero.
  const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.5;
  for (let step = 0, temp = W / 8; step < 300; step++, temp *= 0.985) {
    for (const n of nodes) { n.vx = 0; n.vy = 0; }
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j];
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.sqrt(dx * dx + dy * dy)), f = k * k / d;
      a.vx += f * dx / d; a.vy += f * dy / d; b.vx -= f * dx / d; b.vy -= f * dy / d;
    }
    for (const e of edges) {
      const a = at.get(e.source), b = at.get(e.target);
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.sqrt(dx * dx + dy * dy)), f = d * d / k;
      a.vx -= f * dx / d; a.vy -= f * dy / d; b.vx += f * dx / d; b.vy += f * dy / d;
    }
    for (const n of nodes) {
      // A little gravity keeps separate components on the page.
      n.vx += (W / 2 - n.x) * 0.05; n.vy += (H / 2 - n.y) * 0.05;
      const v = Math.sqrt(n.vx * n.vx + n.vy * n.vy) || 1, m = Math.min(v, temp);
      n.x = Math.min(W - 120, Math.max(20, n.x + n.vx / v * m));
      n.y = Math.min(H - 20, Math.max(20, n.y + n.vy / v * m));
    }
  }
  const svg = s("svg", { class: "network", viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "actor network" },
    edges.map((e) => {
      const a = at.get(e.source), b = at.get(e.target);
      return s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": Math.min(8, 1 + e.stories) },
        s("title", {}, (a.name_en || a.id) + " — " + (b.name_en || b.id) + ": " + e.stories + " stories"));
    }),
    nodes.map((n) => {
      const g = s("g", { class: "node", "data-entity": n.id });
      g.addEventListener("click", () => go("/entity/" + encodeURIComponent(n.id)));
      g.append(s("circle", { cx: n.x, cy: n.y, r: 5 + Math.min(12, 2 * Math.sqrt(n.stories)) }, s("title", {}, (n.name_fa || "") + " · " + (n.name_en || n.id))),
        s("text", { x: n.x + 10, y: n.y + 4 }, n.name_en || n.name_fa || n.id));
      return g;
    }));
  const table = h("section", { class: "card" }, h("h3", {}, "جفت‌ها · ", en("pairs (stories)")), h("table", {},
    edges.slice(0, 50).map((e) => h("tr", {},
      h("td", {}, entityLink(e.source, at.get(e.source).name_fa || e.source, at.get(e.source).type), " ", en(at.get(e.source).name_en)),
      h("td", {}, entityLink(e.target, at.get(e.target).name_fa || e.target, at.get(e.target).type), " ", en(at.get(e.target).name_en)),
      h("td", {}, e.stories), h("td", {}, en((e.first || "") + (e.last && e.last !== e.first ? " … " + e.last : ""))),
      h("td", {}, e.articles.map((id, i) => [i ? " " : "", h("a", { href: "#/article/" + id }, "#" + id)]))))));
  show(form, nodes.length ? svg : h("p", { class: "muted" }, "هیچ رویدادی · no events"), table);
}

// ---- timeline --------------------------------------------------------------------------

const COLORS = ["#0b6e69", "#c0392b", "#8e44ad", "#d68910", "#2471a3", "#7d6608", "#1e8449", "#a04000", "#566573", "#b03a2e"];

async function timelinePage(params) {
  const p = Object.fromEntries(params.entries());
  const form = h("form", { class: "filters", onsubmit: (ev) => {
      ev.preventDefault();
      const f = new FormData(ev.target);
      go("/timeline", { actor: f.get("actor"), type: f.get("type"), from: f.get("from"), to: f.get("to") });
    } },
    h("label", {}, "کنشگر · actor", h("input", { name: "actor", value: p.actor || "" })),
    h("label", {}, "نوع · type", h("input", { name: "type", value: p.type || "" })),
    h("label", {}, "از · from", h("input", { name: "from", value: p.from || "" })),
    h("label", {}, "تا · to", h("input", { name: "to", value: p.to || "" })),
    h("button", { type: "submit" }, "نمایش ", en("Show")));
  let t, ev;
  try {
    [t, ev] = await Promise.all([api("timeline", p), api("events", { ...p, limit: 200 })]);
  } catch (e) { show(form, h("div", { class: "card error" }, e.message)); return; }
  const months = fillMonths([...new Set(t.months.map((m) => m.month))].sort().map((month) => ({ month }))).map((m) => m.month);
  const types = [...new Set(t.months.map((m) => m.type))].sort();
  const W = 1000, H = 260, pad = 30;
  const stack = months.map((m) => t.months.filter((x) => x.month === m));
  const max = Math.max(1, ...stack.map((xs) => xs.reduce((a, x) => a + x.stories, 0)));
  const bw = months.length ? (W - 2 * pad) / months.length : 0;
  const svg = s("svg", { class: "timeline", viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "events per month" },
    stack.map((xs, i) => {
      let y = H - pad;
      return xs.map((x) => {
        const hgt = (H - 2 * pad) * x.stories / max;
        y -= hgt;
        return s("rect", { x: pad + i * bw + 1, y, width: Math.max(1, bw - 2), height: hgt, fill: COLORS[types.indexOf(x.type) % COLORS.length] },
          s("title", {}, x.month + " (" + (x.month_jalali || "") + ") " + x.type + ": " + x.stories + " stories"));
      });
    }),
    months.map((m, i) => (i % Math.ceil(months.length / 12 || 1) === 0) ? s("text", { x: pad + i * bw, y: H - 10 }, m) : null));
  const legend = h("div", { class: "muted" }, types.map((ty, i) => {
    const sw = h("span", { class: "swatch" });
    sw.style.background = COLORS[i % COLORS.length];
    return h("span", { class: "en" }, sw, ty, "  ");
  }));
  const list = h("section", { class: "card events", id: "timeline-events" }, h("h3", {}, "رویدادها · ", en("events")),
    h("ul", {}, ev.events.map((r) => h("li", {}, h("a", { href: "#/article/" + r.article }, r.event.date || (r.published || "").slice(0, 10) || "—"), " ",
      h("b", { class: "en" }, r.event.type), " ", en(r.event.english)))));
  show(form, months.length ? [svg, legend] : h("p", { class: "muted" }, "هیچ رویدادی · no events"), list);
}

// ---- quotes ----------------------------------------------------------------------------

async function quotesPage(params) {
  const p = Object.fromEntries(params.entries());
  const form = h("form", { class: "filters", onsubmit: (ev) => {
      ev.preventDefault();
      const f = new FormData(ev.target);
      go("/quotes", { speaker: f.get("speaker"), from: f.get("from"), to: f.get("to") });
    } },
    h("label", {}, "گوینده · speaker", h("input", { name: "speaker", value: p.speaker || "" })),
    h("label", {}, "از · from", h("input", { name: "from", value: p.from || "" })),
    h("label", {}, "تا · to", h("input", { name: "to", value: p.to || "" })),
    h("button", { type: "submit" }, "نمایش ", en("Show")));
  let r;
  try { r = await api("quotes", { ...p, limit: 200 }); } catch (e) { show(form, h("div", { class: "card error" }, e.message)); return; }
  show(form, h("section", { class: "card quotes" }, h("ul", {}, r.quotes.map((q) => h("li", {},
    h("span", { class: "speaker" }, q.speaker ? h("a", { href: "#/entity/" + encodeURIComponent(q.speaker) }, q.speaker_name_fa || "؟", " ", en(q.speaker_name_en)) : [q.speaker_name_fa || "؟", " ", en(q.speaker_name_en)]),
    q.verb, ": «", q.text, "» ", h("a", { href: "#/article/" + q.article }, (q.published || "").slice(0, 10) || "#" + q.article),
    q.english ? h("div", { class: "muted" }, en(q.english)) : null)))));
}

// ---- home ------------------------------------------------------------------------------

async function homePage() {
  let st;
  try { st = await api("stats"); } catch (e) { failure(e); return; }
  show(h("div", { class: "card" },
    h("h2", {}, "بایگانی خبر · ", en("the archive")),
    h("p", {}, st.articles + " خبر، " + st.entities + " موجودیت، " + st.quotes + " نقل‌قول، " + st.events + " رویداد · ",
      en(st.articles + " articles, " + st.entities + " entities, " + st.quotes + " quotes, " + st.events + " events")),
    h("p", {}, h("a", { href: "#/search" }, "همه خبرها · ", en("all articles")), " · ", h("a", { href: "#/network" }, "چه کسی با چه کسی دیدار کرد · ", en("who met whom")))));
}

function render() {
  const { parts, params } = route();
  const [page, id] = parts;
  const run = page === "search" ? searchPage(params)
    : page === "article" && id ? articlePage(id)
    : page === "entity" && id ? entityPage(id)
    : page === "network" ? networkPage(params)
    : page === "timeline" ? timelinePage(params)
    : page === "quotes" ? quotesPage(params)
    : homePage();
  run.catch(failure);
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("/search", { q: document.getElementById("q").value });
  });
  window.addEventListener("hashchange", render);
  render();
});
