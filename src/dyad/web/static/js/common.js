/* dyad web: shared helpers. Every value from the API is put in the DOM as text
   (textContent, createTextNode, setAttribute), never parsed as HTML. */
"use strict";

const dyad = (() => {
  const QUADS = {
    1: { label: "Verbal cooperation", cls: "q1" },
    2: { label: "Material cooperation", cls: "q2" },
    3: { label: "Verbal conflict", cls: "q3" },
    4: { label: "Material conflict", cls: "q4" },
  };
  const QUAD_COLOURS = { 1: "#4e9a6a", 2: "#1f6f43", 3: "#e0902f", 4: "#c0392b" };
  const SVGNS = "http://www.w3.org/2000/svg";

  /* h("a", {href: "/x", class: "c"}, "text", child) -> element; strings become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVGNS, tag);
    setAttrs(el, attrs);
    append(el, children);
    return el;
  }

  function setAttrs(el, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "href") el.setAttribute("href", safeHref(String(v)));
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }

  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  /* Only our own relative links and http(s) links to articles. */
  function safeHref(url) {
    if (url.startsWith("/") && !url.startsWith("//")) return url;
    if (url.startsWith("#") || url.startsWith("?")) return url;
    try {
      const u = new URL(url);
      if (u.protocol === "http:" || u.protocol === "https:") return u.href;
    } catch (e) { /* not a URL */ }
    return "#";
  }

  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v === null || v === undefined || v === "" || v === false) continue;
      if (Array.isArray(v)) v.forEach((x) => x !== "" && u.append(k, x));
      else u.append(k, String(v));
    }
    const text = u.toString();
    return text ? "?" + text : "";
  }

  async function api(path, params) {
    const resp = await fetch("/api" + path + qs(params), { headers: { Accept: "application/json" } });
    let data = null;
    try { data = await resp.json(); } catch (e) { data = null; }
    if (!resp.ok) throw new Error((data && data.error) || resp.status + " " + resp.statusText);
    return data;
  }

  function main() { return document.getElementById("main"); }

  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

  function showError(el, err) {
    clear(el).appendChild(h("p", { class: "error", role: "alert" }, "Could not load: ", String(err.message || err)));
  }

  function fmtNum(x, digits) {
    if (x === null || x === undefined) return "–";
    return Number(x).toLocaleString("en", { maximumFractionDigits: digits === undefined ? 1 : digits });
  }

  function quadBadge(q) {
    const info = QUADS[q];
    return h("span", { class: "badge " + (info ? info.cls : "q0"), title: info ? info.label : "no quad class" },
      info ? info.label : "–");
  }

  function scoreColour(score) {
    if (score === null || score === undefined) return "#999";
    const t = Math.max(-1, Math.min(1, score / 8));
    const grey = [150, 150, 150], red = [192, 57, 43], green = [31, 128, 67];
    const to = t < 0 ? red : green, a = Math.abs(t);
    const c = grey.map((g, i) => Math.round(g + (to[i] - g) * a));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function actorCodes(list) {
    return (list || []).map((a) => a.code).join(" + ") || "–";
  }

  function actorNode(list) {
    if (!list || !list.length) return h("span", { class: "muted" }, "–");
    return h("span", {}, list.map((a, i) => [
      i ? " + " : "",
      h("abbr", { title: [a.name, a.person].filter(Boolean).join(" · ") }, a.code),
    ]));
  }

  function dyadHref(actor, recipient) {
    return "/dyad" + qs({ actor, recipient });
  }

  function docHref(docId, eventId) {
    return "/documents/" + encodeURIComponent(docId) + (eventId ? "#ev=" + encodeURIComponent(eventId) : "");
  }

  function dateText(ev) {
    if (!ev.date_value) return "undated";
    return ev.date_value + (ev.date_end ? " – " + ev.date_end : "");
  }

  /* A card for one event (the document page and the read page). */
  function eventCard(ev, index, onFocus) {
    const a = ev.actor && ev.actor[0], r = ev.recipient && ev.recipient[0];
    const rows = [
      ["Who → whom", h("span", {}, actorNode(ev.actor), " → ", actorNode(ev.recipient))],
      ["Date", h("span", {}, dateText(ev), h("span", { class: "muted" },
        ` (${ev.date_precision || "?"}, ${ev.date_basis || "unknown"}${ev.date_text ? `, from “${ev.date_text}”` : ""})`))],
      ["Place", ev.place_name ? `${ev.place_name}${ev.place_country ? " (" + ev.place_country + ")" : ""}` : "–"],
      ["Said by", ev.attribution === "author" || !ev.attribution ? "the author"
        : `${ev.attribution_name || ev.attribution} (${ev.attribution})${ev.attribution_cue ? ", “" + ev.attribution_cue + "”" : ""}${ev.quoted ? ", quoted" : ""}`],
      ["Score", `${fmtNum(ev.score)} · CAMEO ${ev.cameo || "–"} · Goldstein ${fmtNum(ev.goldstein)}`],
      ["Rule", h("code", {}, ev.rule || "–")],
      ["Confidence", fmtNum(ev.confidence, 2)],
    ];
    const card = h("article", { class: "card event " + (QUADS[ev.quad_class] || { cls: "q0" }).cls,
      id: "ev-" + index, "data-event": ev.event_id || "", tabindex: "0" },
      h("header", {},
        h("strong", { class: "etype" }, ev.type || "?"),
        ev.mode ? h("span", { class: "mode" }, ev.mode) : null,
        (ev.aux || []).map((x) => h("span", { class: "chip aux" }, x)),
        quadBadge(ev.quad_class)),
      h("p", { class: "trigger-line" }, "“", ev.trigger || "", "”"),
      h("dl", {}, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
      h("footer", {},
        h("button", { type: "button", class: "link show-sentence", onclick: () => onFocus(index, true) }, "Show sentence"),
        a && r ? h("a", { class: "dyad-link", href: dyadHref(a.code, r.code) }, `Dyad ${a.code} → ${r.code}`) : null));
    card.addEventListener("keydown", (e) => { if (e.key === "Enter") onFocus(index, true); });
    return card;
  }

  /* The clean text with entities, places, triggers and event sentences marked. */
  function markedText(text, data) {
    const spans = [];
    (data.mentions || []).forEach((m) => spans.push({ start: m.start, end: m.end, kind: "ent",
      title: `${m.code} · ${m.name}${m.person ? " · " + m.person : ""}${m.metonym ? " (metonym)" : ""}` }));
    (data.places || []).forEach((p) => spans.push({ start: p.start, end: p.end, kind: "place",
      title: `place: ${p.name}${p.country ? " (" + p.country + ")" : ""}` }));
    (data.events || []).forEach((ev, i) => {
      if (ev.evidence_start !== null && ev.evidence_end !== null) {
        let end = Math.min(ev.evidence_end, text.length);
        while (end > ev.evidence_start && /\s/.test(text[end - 1])) end--;  // not the blank line after it
        spans.push({ start: ev.evidence_start, end, kind: "sent", ev: i });
      }
      if (ev.trigger_start !== null && ev.trigger_end !== null && ev.trigger_end > ev.trigger_start)
        spans.push({ start: ev.trigger_start, end: ev.trigger_end, kind: "trig", ev: i, quad: ev.quad_class,
          title: `${ev.type}${ev.mode ? " · " + ev.mode : ""} (${actorCodes(ev.actor)} → ${actorCodes(ev.recipient)})` });
    });
    const n = text.length;
    const cuts = new Set([0, n]);
    spans.forEach((sp) => {
      sp.start = Math.max(0, Math.min(n, sp.start)); sp.end = Math.max(sp.start, Math.min(n, sp.end));
      cuts.add(sp.start); cuts.add(sp.end);
    });
    const points = [...cuts].sort((x, y) => x - y);
    const root = h("div", { class: "doctext" });
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      if (b <= a) continue;
      const piece = text.slice(a, b);
      const cover = spans.filter((sp) => sp.start <= a && sp.end >= b);
      if (!cover.length) { root.appendChild(document.createTextNode(piece)); continue; }
      const classes = [], sents = [], titles = [];
      let trigEv = null;
      cover.forEach((sp) => {
        if (sp.kind === "sent") { sents.push(sp.ev); return; }
        classes.push(sp.kind);
        if (sp.kind === "trig") { classes.push("q" + (sp.quad || 0)); trigEv = sp.ev; }
        if (sp.title) titles.push(sp.title);
      });
      if (sents.length) classes.push("sent");
      const el = h("span", { class: classes.join(" "), title: titles.join("\n") || null,
        "data-sent": sents.length ? sents.join(" ") : null, "data-trig": trigEv === null ? null : trigEv }, piece);
      root.appendChild(el);
    }
    return root;
  }

  function legend() {
    return h("div", { class: "legend" },
      h("span", { class: "ent" }, "actor"), h("span", { class: "place" }, "place"),
      [1, 2, 3, 4].map((q) => h("span", { class: "trig q" + q }, QUADS[q].label)));
  }

  /* The document view: header, marked text, event cards; shared by /documents and /read. */
  function renderDocument(container, data, opts) {
    const d = data.document || {};
    const events = data.events || [];
    const text = markedText(d.text || "", data);
    const cards = h("div", { class: "cards" });
    function focus(i, scroll) {
      text.querySelectorAll(".focus").forEach((el) => el.classList.remove("focus"));
      cards.querySelectorAll(".card.active").forEach((el) => el.classList.remove("active"));
      const segs = [...text.querySelectorAll("[data-sent]")].filter((el) => el.dataset.sent.split(" ").includes(String(i)));
      segs.forEach((el) => el.classList.add("focus"));
      const card = cards.querySelector("#ev-" + i);
      if (card) card.classList.add("active");
      if (scroll && segs.length) segs[0].scrollIntoView({ block: "center", behavior: "smooth" });
      if (card && !scroll) card.scrollIntoView({ block: "nearest", behavior: "smooth" });
      if (events[i] && events[i].event_id && !opts.live) history.replaceState(null, "", "#ev=" + encodeURIComponent(events[i].event_id));
    }
    events.forEach((ev, i) => cards.appendChild(eventCard(ev, i, focus)));
    if (!events.length) cards.appendChild(h("p", { class: "muted" }, "No events were coded in this document."));
    text.addEventListener("click", (e) => {
      const t = e.target.closest("[data-trig]");
      if (t) focus(Number(t.dataset.trig), false);
    });

    const meta = [
      d.outlet || d.publisher, d.published, (d.authors || []).join(", "), d.language,
      d.section,
    ].filter(Boolean).join(" · ");
    const removedBox = h("div", { class: "removed" });
    const removedBtn = h("button", { type: "button", class: "secondary" },
      `Show removed boilerplate (${fmtNum(d.boilerplate_removed_chars || 0, 0)} characters)`);
    removedBtn.addEventListener("click", async () => {
      removedBtn.disabled = true;
      let paras = data.removed;
      let note = null;
      if (!opts.live) {
        try {
          const r = await api("/documents/" + encodeURIComponent(d.doc_id) + "/removed");
          paras = r.paragraphs;
          if (!r.kept_by_store) note = `The store keeps only the size of what was removed (${fmtNum(r.removed_chars, 0)} characters). Read the article again on the “Read an article” page to see the removed paragraphs.`;
        } catch (err) { note = String(err.message || err); }
      }
      clear(removedBox);
      if (note) removedBox.appendChild(h("p", { class: "muted" }, note));
      if (paras && paras.length) removedBox.appendChild(h("ol", { class: "removed-list" }, paras.map((p) => h("li", {}, p))));
      else if (!note) removedBox.appendChild(h("p", { class: "muted" }, "Nothing was removed."));
    });

    clear(container).append(
      h("div", { class: "dochead" },
        h("h1", {}, d.title || "(untitled document)"),
        d.subtitle ? h("p", { class: "subtitle" }, d.subtitle) : null,
        h("p", { class: "meta" }, meta || "no metadata"),
        h("p", { class: "meta" }, "Source: ", d.url ? h("a", { href: d.url, rel: "noopener noreferrer nofollow", target: "_blank" }, d.url) : (d.source || "–"),
          d.doc_id ? h("span", { class: "muted" }, " · id ", d.doc_id) : null),
        (data.errors || []).length ? h("p", { class: "error" }, data.errors.map((e) => `${e.stage}: ${e.message}`).join("; ")) : null),
      h("div", { class: "docgrid" },
        h("section", { class: "textcol" }, legend(), text, h("div", { class: "removed-wrap" }, removedBtn, removedBox)),
        h("aside", { class: "cardcol" }, h("h2", {}, `${events.length} event${events.length === 1 ? "" : "s"}`), cards)));
    return { focus, events };
  }

  /* Monthly stacked bars by quad class, optional mean-score line; onPick(period) on click. */
  function monthlyChart(rows, opts) {
    opts = opts || {};
    const byPeriod = new Map();
    rows.forEach((r) => {
      const p = String(r.period).slice(0, 7);
      if (!byPeriod.has(p)) byPeriod.set(p, { q: { 1: 0, 2: 0, 3: 0, 4: 0 }, scoreSum: 0, n: 0 });
      const e = byPeriod.get(p);
      e.q[r.quad_class] = (e.q[r.quad_class] || 0) + r.events;
      if (r.mean_score !== null && r.mean_score !== undefined) { e.scoreSum += r.mean_score * r.events; e.n += r.events; }
    });
    const keys = [...byPeriod.keys()].sort();
    if (!keys.length) return h("p", { class: "muted" }, "No dated events (by month) to chart.");
    const months = [];
    let [y, m] = keys[0].split("-").map(Number);
    const [y1, m1] = keys[keys.length - 1].split("-").map(Number);
    while (y < y1 || (y === y1 && m <= m1)) { months.push(`${y}-${String(m).padStart(2, "0")}`); m++; if (m > 12) { m = 1; y++; } }
    const W = 860, H = 260, L = 40, R = opts.score ? 40 : 12, T = 12, B = 34;
    const max = Math.max(1, ...months.map((k) => { const e = byPeriod.get(k); return e ? e.q[1] + e.q[2] + e.q[3] + e.q[4] : 0; }));
    const bw = (W - L - R) / months.length;
    const barW = Math.max(1, Math.min(bw * 0.8, 48));
    const yv = (v) => T + (H - T - B) * (1 - v / max);
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": opts.label || "events per month" });
    const raw = max / 5, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((x) => x >= raw));
    for (let v = 0; v <= max; v += step) {
      svg.appendChild(s("line", { x1: L, x2: W - R, y1: yv(v), y2: yv(v), class: "grid" }));
      svg.appendChild(s("text", { x: L - 6, y: yv(v) + 4, "text-anchor": "end", class: "axis" }, String(v)));
    }
    const every = Math.max(1, Math.ceil(months.length / 12));
    months.forEach((k, i) => {
      const e = byPeriod.get(k);
      const x = L + i * bw;
      const g = s("g", { class: "bar" + (opts.onPick ? " pick" : ""), "data-period": k });
      let acc = 0;
      [1, 2, 3, 4].forEach((q) => {
        const v = e ? e.q[q] : 0;
        if (!v) return;
        g.appendChild(s("rect", { x: x + (bw - barW) / 2, width: barW, y: yv(acc + v), height: yv(acc) - yv(acc + v),
          fill: QUAD_COLOURS[q] }, s("title", {}, `${k}: ${v} ${QUADS[q].label.toLowerCase()}`)));
        acc += v;
      });
      const total = e ? e.q[1] + e.q[2] + e.q[3] + e.q[4] : 0;
      const hitTitle = `${k}: ${total} event${total === 1 ? "" : "s"}` + (opts.score && e && e.n ? `, mean score ${fmtNum(e.scoreSum / e.n)}` : "");
      g.insertBefore(s("rect", { x, width: bw, y: T, height: H - T - B, class: "hit" }, s("title", {}, hitTitle)), g.firstChild);
      if (opts.onPick) g.addEventListener("click", () => opts.onPick(k, g));
      svg.appendChild(g);
      if (i % every === 0) svg.appendChild(s("text", { x: x + bw / 2, y: H - B + 16, "text-anchor": "middle", class: "axis" }, k));
    });
    if (opts.score) {
      const ys = (v) => T + (H - T - B) * (1 - (v + 10) / 20);
      [-10, 0, 10].forEach((v) => svg.appendChild(s("text", { x: W - R + 6, y: ys(v) + 4, class: "axis" }, String(v))));
      svg.appendChild(s("line", { x1: L, x2: W - R, y1: ys(0), y2: ys(0), class: "zero" }));
      const pts = months.map((k, i) => { const e = byPeriod.get(k); return e && e.n ? [L + i * bw + bw / 2, ys(e.scoreSum / e.n), e.scoreSum / e.n, k] : null; }).filter(Boolean);
      if (pts.length > 1) svg.appendChild(s("polyline", { points: pts.map((p) => p[0] + "," + p[1]).join(" "), class: "scoreline" }));
      pts.forEach((p) => svg.appendChild(s("circle", { cx: p[0], cy: p[1], r: 4, class: "scoredot", fill: scoreColour(p[2]) },
        s("title", {}, `${p[3]}: mean score ${fmtNum(p[2])}`))));
    }
    const legendEl = h("div", { class: "legend small" }, [1, 2, 3, 4].map((q) => h("span", { class: "sw q" + q }, QUADS[q].label)),
      opts.score ? h("span", { class: "sw line" }, "Mean score (right axis, −10 … 10)") : null);
    return h("figure", { class: "chartbox" }, svg, legendEl);
  }

  function table(columns, rows) {
    return h("table", { class: "data" },
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, c.label)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, columns.map((c) => h("td", { class: c.cls || null }, c.cell(r)))))));
  }

  function eventRowColumns() {
    return [
      { label: "Date", cell: (e) => e.date_value || "–" },
      { label: "Type", cell: (e) => h("span", {}, e.type, e.mode ? h("span", { class: "muted" }, " · " + e.mode) : null) },
      { label: "Actor", cell: (e) => actorNode(e.actor) },
      { label: "Recipient", cell: (e) => actorNode(e.recipient) },
      { label: "Quad", cell: (e) => quadBadge(e.quad_class) },
      { label: "Evidence", cls: "evidence", cell: (e) => h("a", { href: docHref(e.doc_id, e.event_id) }, (e.evidence || "").trim()) },
    ];
  }

  return { QUADS, QUAD_COLOURS, h, s, qs, api, main, clear, showError, fmtNum, quadBadge, scoreColour,
    actorNode, actorCodes, dyadHref, docHref, eventCard, renderDocument, monthlyChart, table, eventRowColumns };
})();
