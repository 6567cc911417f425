/* Documents: every stored document, newest first, a page at a time. */
"use strict";
(async () => {
  const { h, api, qs, main, clear, showError, fmtNum, table, docHref } = dyad;
  const root = main();
  const SIZE = 50;
  const page = Math.max(1, Number(new URLSearchParams(location.search).get("page")) || 1);
  try {
    const data = await api("/documents", { limit: SIZE, offset: (page - 1) * SIZE });
    const pages = Math.max(1, Math.ceil(data.total / SIZE));
    const link = (p, label) => (p < 1 || p > pages || p === page ? h("span", { class: "off" }, label)
      : h("a", { href: "/documents" + qs({ page: p }) }, label));
    clear(root).append(
      h("h1", {}, "Documents"),
      h("p", { class: "summary" }, `${fmtNum(data.total, 0)} document${data.total === 1 ? "" : "s"} · page ${page} of ${pages}`),
      data.documents.length ? table([
        { label: "Title", cell: (d) => h("a", { class: "doclink", href: docHref(d.doc_id) }, d.title || d.source || d.doc_id) },
        { label: "Outlet", cell: (d) => d.outlet || "–" },
        { label: "Published", cls: "nowrap", cell: (d) => d.published || "–" },
        { label: "Language", cell: (d) => d.language || "–" },
        { label: "Events", cls: "num", cell: (d) => fmtNum(d.n_events, 0) },
        { label: "Errors", cls: "num", cell: (d) => (d.n_errors ? h("span", { class: "badge q4" }, String(d.n_errors)) : "–") },
        { label: "Source", cls: "evidence", cell: (d) => d.source || "–" },
      ], data.documents) : h("p", { class: "muted" }, "The store is empty: ingest some articles first."),
      h("nav", { class: "pager" }, link(1, "« first"), link(page - 1, "‹ previous"), h("span", {}, ` page ${page} / ${pages} `),
        link(page + 1, "next ›"), link(pages, "last »")));
  } catch (err) { showError(root, err); }
})();
