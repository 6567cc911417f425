/* Overview: counts, events over time by quad class, top dyads and actors, latest documents. */
"use strict";
(async () => {
  const { h, api, main, clear, showError, fmtNum, monthlyChart, table, dyadHref, docHref } = dyad;
  const root = main();
  try {
    const o = await api("/overview");
    const c = o.counts || {};
    const failuresBox = h("section", {});
    const stat = (label, value, href) => h("a", { class: "stat", href: href || null }, h("span", { class: "num" }, fmtNum(value, 0)), h("span", { class: "label" }, label));
    clear(root).append(
      h("h1", {}, "Overview"),
      h("div", { class: "stats" },
        stat("documents", c.documents),
        stat("event reports", c.events, "/events"),
        stat("unique events", c.unique_events, "/events"),
        stat("actor mentions", c.mentions),
        stat("failed inputs", c.failures, c.failures ? "#failures" : null)),
      h("section", {}, h("h2", {}, "Events per month by quad class"), monthlyChart(o.series || [], { label: "events per month" })),
      h("div", { class: "cols" },
        h("section", {}, h("h2", {}, "Top dyads"),
          (o.top_dyads || []).length ? table([
            { label: "Actor → recipient", cell: (r) => h("a", { href: dyadHref(r.actor_code, r.recipient_code), title: `${r.actor_name || ""} → ${r.recipient_name || ""}` }, `${r.actor_code} → ${r.recipient_code}`) },
            { label: "Events", cls: "num", cell: (r) => fmtNum(r.events, 0) },
            { label: "Mean score", cls: "num", cell: (r) => colourNum(r.mean_score) },
          ], o.top_dyads) : h("p", { class: "muted" }, "No dyads yet.")),
        h("section", {}, h("h2", {}, "Top actors"),
          (o.top_actors || []).length ? table([
            { label: "Actor", cell: (r) => h("a", { href: dyadHref(r.code), title: r.name || "" }, r.code) },
            { label: "Name", cell: (r) => r.name || "–" },
            { label: "Events", cls: "num", cell: (r) => fmtNum(r.events, 0) },
            { label: "Mean score", cls: "num", cell: (r) => colourNum(r.mean_score) },
          ], o.top_actors) : h("p", { class: "muted" }, "No actors yet."))),
      h("section", {}, h("h2", {}, "Latest documents"),
        (o.latest_documents || []).length ? table([
          { label: "Title", cell: (d) => h("a", { class: "doclink", href: docHref(d.doc_id) }, d.title || d.source || d.doc_id) },
          { label: "Outlet", cell: (d) => d.outlet || "–" },
          { label: "Published", cell: (d) => d.published || "–" },
          { label: "Events", cls: "num", cell: (d) => fmtNum(d.n_events, 0) },
        ], o.latest_documents) : h("p", { class: "muted" }, "The store is empty: ingest some articles first.")),
      failuresBox);
    if (c.failures) {
      const rows = await api("/failures");
      failuresBox.append(h("h2", { id: "failures" }, "Failed inputs"), table([
        { label: "Source", cell: (f) => f.source || "–" },
        { label: "Stage", cell: (f) => f.stage || "–" },
        { label: "Reason", cls: "evidence", cell: (f) => f.message || "–" },
      ], rows));
    }
  } catch (err) { showError(root, err); }

  function colourNum(v) {
    const el = dyad.h("span", { class: "scorenum" }, dyad.fmtNum(v));
    el.style.color = dyad.scoreColour(v);
    return el;
  }
})();
