/* Events: a filterable, sortable, paginated table with CSV download of the filter's result. */
"use strict";
(async () => {
  const { h, api, qs, main, clear, showError, fmtNum, quadBadge, actorNode, docHref, dyadHref } = dyad;
  const root = main();
  const FIELDS = ["type", "actor", "recipient", "country", "start", "end", "aux", "include_aux", "source", "doc", "sort", "desc", "page", "size"];
  const SORTABLE = { date: "Date", type: "Type", actor: "Actor", recipient: "Recipient", quad_class: "Quad", score: "Score", country: "Country", outlet: "Outlet" };

  function stateFromUrl() {
    const p = new URLSearchParams(location.search);
    const st = {};
    FIELDS.forEach((f) => { if (p.get(f)) st[f] = p.get(f); });
    return st;
  }

  let types = [];
  try { types = await api("/event-types"); } catch (e) { types = []; }

  const form = h("form", { class: "filters", id: "filters" });
  const input = (name, label, attrs) => h("label", {}, label, h("input", Object.assign({ name }, attrs || {})));
  form.append(
    h("label", {}, "Type", h("select", { name: "type" }, h("option", { value: "" }, "any"), types.map((t) => h("option", { value: t }, t)))),
    input("actor", "Actor", { placeholder: "RUS or RUS.MIL", size: 10 }),
    input("recipient", "Recipient", { placeholder: "code", size: 10 }),
    input("country", "Country", { placeholder: "ISO3", size: 5 }),
    input("start", "From", { placeholder: "YYYY-MM-DD", size: 10 }),
    input("end", "To", { placeholder: "YYYY-MM-DD", size: 10 }),
    h("label", {}, "Aux mode", h("select", { name: "aux" }, ["", "historical", "future", "hypothetical", "negation"].map((x) => h("option", { value: x }, x || "asserted only")))),
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "include_aux", value: "true" }), "include aux events"),
    input("source", "Source / outlet", { size: 14 }),
    h("button", { type: "submit" }, "Filter"),
    h("a", { href: "/events", class: "button secondary" }, "Reset"));
  const summary = h("p", { class: "summary" });
  const tableBox = h("div", { class: "tablebox" });
  const pager = h("nav", { class: "pager" });
  clear(root).append(h("h1", {}, "Events"), form, summary, tableBox, pager);

  function fillForm(st) {
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") el.checked = st[el.name] === "true";
      else el.value = st[el.name] || "";
    }
  }

  function go(st, push) {
    const url = "/events" + qs(st);
    if (push) history.pushState(null, "", url);
    load(st);
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const st = stateFromUrl();
    const next = { sort: st.sort, desc: st.desc };
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") { if (el.checked) next[el.name] = "true"; }
      else if (el.value.trim()) next[el.name] = el.value.trim();
    }
    go(next, true);
  });
  window.addEventListener("popstate", () => load(stateFromUrl()));

  async function load(st) {
    fillForm(st);
    clear(tableBox).appendChild(h("p", { class: "loading" }, "Loading…"));
    try {
      const data = await api("/events", st);
      const csvParams = Object.assign({}, st); delete csvParams.page; delete csvParams.size;
      clear(summary).append(`${fmtNum(data.total, 0)} event report${data.total === 1 ? "" : "s"} · page ${data.page} of ${data.pages} · `,
        h("a", { href: "/api/events.csv" + qs(csvParams), download: "dyad-events.csv", id: "csv" }, "Download CSV"));
      const head = (key, label) => {
        if (!SORTABLE[key]) return h("th", {}, label);
        const active = (st.sort || "date") === key;
        const desc = active && st.desc === "true";
        const next = Object.assign({}, st, { sort: key, desc: active && !desc ? "true" : null, page: null });
        return h("th", { class: "sortable" + (active ? " active" : ""), "aria-sort": active ? (desc ? "descending" : "ascending") : null },
          h("a", { href: "/events" + qs(next), onclick: (e) => { e.preventDefault(); go(next, true); } }, label, active ? (desc ? " ▼" : " ▲") : ""));
      };
      const rows = data.events.map((e) => h("tr", {},
        h("td", { class: "nowrap" }, e.date_value || "–", e.date_precision ? h("span", { class: "muted" }, " " + e.date_precision) : null),
        h("td", {}, e.type, e.mode ? h("span", { class: "muted" }, " · " + e.mode) : null, (e.aux || []).map((x) => h("span", { class: "chip aux" }, x))),
        h("td", {}, actorNode(e.actor)),
        h("td", {}, actorNode(e.recipient)),
        h("td", {}, quadBadge(e.quad_class)),
        h("td", { class: "num" }, fmtNum(e.score)),
        h("td", {}, e.place_name ? `${e.place_name}${e.place_country ? " (" + e.place_country + ")" : ""}` : (e.place_country || "–")),
        h("td", {}, e.outlet || "–"),
        h("td", { class: "evidence" }, h("a", { href: docHref(e.doc_id, e.event_id) }, (e.evidence || "").trim()),
          e.actor && e.actor[0] && e.recipient && e.recipient[0] ? h("a", { class: "dyad-link small", href: dyadHref(e.actor[0].code, e.recipient[0].code) }, " dyad") : null)));
      clear(tableBox).appendChild(h("table", { class: "data events" },
        h("thead", {}, h("tr", {}, head("date", "Date"), head("type", "Type"), head("actor", "Actor"), head("recipient", "Recipient"),
          head("quad_class", "Quad"), head("score", "Score"), head("country", "Place"), head("outlet", "Outlet"), h("th", {}, "Evidence"))),
        h("tbody", {}, rows.length ? rows : h("tr", {}, h("td", { colspan: 9, class: "muted" }, "No events match these filters.")))));
      clear(pager);
      const page = data.page, pages = data.pages;
      const link = (p, label) => p < 1 || p > pages || p === page ? h("span", { class: "off" }, label)
        : h("a", { href: "/events" + qs(Object.assign({}, st, { page: p })), onclick: (e) => { e.preventDefault(); go(Object.assign({}, st, { page: p }), true); } }, label);
      pager.append(link(1, "« first"), link(page - 1, "‹ previous"), h("span", {}, ` page ${page} / ${pages} `), link(page + 1, "next ›"), link(pages, "last »"));
    } catch (err) { showError(tableBox, err); clear(summary); }
  }
  load(stateFromUrl());
})();
