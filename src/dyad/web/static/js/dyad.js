/* Dyad: two actors, monthly events by quad class and mean score, the events behind each month. */
"use strict";
(async () => {
  const { h, api, qs, main, clear, showError, fmtNum, monthlyChart, table, eventRowColumns } = dyad;
  const root = main();
  const p = new URLSearchParams(location.search);
  let st = { actor: p.get("actor") || "", recipient: p.get("recipient") || "", both: p.get("both") || "",
    start: p.get("start") || "", end: p.get("end") || "", include_aux: p.get("include_aux") || "" };

  let actors = [];
  try { actors = await api("/actors", { limit: 1000 }); } catch (e) { actors = []; }
  if (!st.actor) {
    try {
      const o = await api("/overview");
      const top = (o.top_dyads || [])[0];
      if (top) st = Object.assign(st, { actor: top.actor_code, recipient: top.recipient_code });
    } catch (e) { /* leave empty */ }
  }

  const list = h("datalist", { id: "actor-codes" }, actors.map((a) => h("option", { value: a.code }, `${a.name || ""} (${a.events})`)));
  const form = h("form", { class: "filters", id: "dyad-form" },
    h("label", {}, "Actor", h("input", { name: "actor", list: "actor-codes", value: st.actor, required: true, size: 12 })),
    h("label", {}, "Recipient", h("input", { name: "recipient", list: "actor-codes", value: st.recipient, size: 12 })),
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "both", value: "true", checked: st.both === "true" }), "both directions"),
    h("label", {}, "From", h("input", { name: "start", value: st.start, placeholder: "YYYY-MM", size: 9 })),
    h("label", {}, "To", h("input", { name: "end", value: st.end, placeholder: "YYYY-MM", size: 9 })),
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "include_aux", value: "true", checked: st.include_aux === "true" }), "include aux events"),
    h("button", { type: "submit" }, "Show"));
  const title = h("h1", {}, "Dyad");
  const chartBox = h("section", { class: "chartsec" });
  const eventsBox = h("section", { class: "dyad-events" });
  clear(root).append(title, list, form, chartBox, eventsBox);

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = {};
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.type === "checkbox") { if (el.checked) next[el.name] = "true"; }
      else if (el.value.trim()) next[el.name] = el.value.trim();
    }
    st = next;
    history.pushState(null, "", "/dyad" + qs(st));
    load();
  });

  function params() {
    return { actor: st.actor, recipient: st.recipient, both: st.both, start: st.start, end: st.end, include_aux: st.include_aux };
  }

  async function showEvents(period, bar) {
    chartBox.querySelectorAll(".bar.selected").forEach((g) => g.classList.remove("selected"));
    if (bar) bar.classList.add("selected");
    clear(eventsBox).appendChild(h("p", { class: "loading" }, "Loading…"));
    try {
      const r = await api("/dyad/events", Object.assign(params(), { period, limit: 50 }));
      const evs = r.events;
      clear(eventsBox).append(h("h2", {}, period ? `Events in ${period}` : "Events of this dyad", ` (${fmtNum(r.total, 0)} report${r.total === 1 ? "" : "s"})`),
        r.total > evs.length ? h("p", { class: "muted" }, `Showing the latest ${evs.length}; click a month, or open the `,
          h("a", { href: "/events" + qs({ actor: st.actor, recipient: st.recipient, include_aux: st.include_aux, start: st.start, end: st.end }) }, "events table"),
          " for all of them.") : null,
        evs.length ? table(eventRowColumns(), evs) : h("p", { class: "muted" }, "No events."));
    } catch (err) { showError(eventsBox, err); }
  }

  async function load() {
    if (!st.actor) { clear(chartBox).appendChild(h("p", { class: "muted" }, "Pick an actor (and a recipient) to see their events over time.")); return; }
    const name = (code) => { const a = actors.find((x) => x.code === code); return a && a.name ? `${code} (${a.name})` : code; };
    title.textContent = `Dyad: ${name(st.actor)} ${st.both === "true" ? "↔" : "→"} ${st.recipient ? name(st.recipient) : "anyone"}`;
    clear(chartBox).appendChild(h("p", { class: "loading" }, "Loading…"));
    try {
      const data = await api("/dyad", params());
      const total = data.series.reduce((n, r) => n + r.events, 0);
      clear(chartBox).append(
        h("p", { class: "summary" }, `${fmtNum(total, 0)} event${total === 1 ? "" : "s"} dated to the month or day. Click a month to list its events.`),
        monthlyChart(data.series, { score: true, onPick: showEvents, label: "dyad events per month" }));
      showEvents(null, null);
    } catch (err) { showError(chartBox, err); }
  }
  window.addEventListener("popstate", () => location.reload());
  load();
})();
