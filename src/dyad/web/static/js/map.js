/* Map: event places as points coloured by quad class, over bundled country outlines. */
"use strict";
(async () => {
  const { h, s, api, main, clear, showError, fmtNum, QUADS, QUAD_COLOURS, qs } = dyad;
  const root = main();
  const p = new URLSearchParams(location.search);
  const st = { start: p.get("start") || "", end: p.get("end") || "", type: p.get("type") || "", include_aux: p.get("include_aux") || "" };
  const form = h("form", { class: "filters", method: "get", action: "/map" },
    h("label", {}, "From", h("input", { name: "start", value: st.start, placeholder: "YYYY-MM", size: 9 })),
    h("label", {}, "To", h("input", { name: "end", value: st.end, placeholder: "YYYY-MM", size: 9 })),
    h("label", {}, "Type", h("input", { name: "type", value: st.type, placeholder: "e.g. ASSAULT", size: 10 })),
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "include_aux", value: "true", checked: st.include_aux === "true" }), "include aux events"),
    h("button", { type: "submit" }, "Show"));
  const box = h("div", { class: "mapbox" });
  const info = h("p", { class: "summary" });
  clear(root).append(h("h1", {}, "Map"), form, info, box,
    h("div", { class: "legend small" }, [1, 2, 3, 4].map((q) => h("span", { class: "sw q" + q }, QUADS[q].label)),
      h("span", { class: "sw ring" }, "hollow: placed at the country's centre (no finer place)")));
  try {
    const [outlines, data] = await Promise.all([
      api("/outlines").catch((err) => ({ countries: [], source: null, error: String(err.message || err) })),
      api("/map", st)]);
    draw(outlines, data.points);
    const n = data.points.reduce((k, x) => k + x.events, 0);
    info.textContent = `${fmtNum(n, 0)} event${n === 1 ? "" : "s"} at ${data.points.length} place/class point${data.points.length === 1 ? "" : "s"}. ` +
      (outlines.source ? `Country outlines: ${outlines.source}.` : `No country outlines: ${outlines.error}`);
  } catch (err) { showError(box, err); }

  function draw(outlines, points) {
    const W = 960, H = 480;
    const x = (lon) => ((lon + 180) / 360) * W, y = (lat) => ((90 - lat) / 180) * H;
    const top = y(84), bottom = y(-58);  // the inhabited latitudes (Antarctica left out)
    const svg = s("svg", { viewBox: `0 ${top} ${W} ${bottom - top}`, class: "map", role: "img", "aria-label": "map of event places" });
    svg.appendChild(s("rect", { x: 0, y: top, width: W, height: bottom - top, class: "sea" }));
    const land = s("g", { class: "land" });
    outlines.countries.forEach((c) => {
      const d = c.rings.map((ring) => "M" + ring.map((pt) => x(pt[0]).toFixed(1) + "," + y(pt[1]).toFixed(1)).join("L") + "Z").join("");
      land.appendChild(s("path", { d, "data-iso3": c.iso3 || "" }, s("title", {}, c.name)));
    });
    svg.appendChild(land);
    const maxE = Math.max(1, ...points.map((pt) => pt.events));
    const dots = s("g", { class: "dots" });
    points.slice().sort((a, b) => b.events - a.events).forEach((pt, k) => {
      const off = (pt.quad_class - 2.5) * 3;  // separate the classes of one place a little
      const r = 3 + 9 * Math.sqrt(pt.events / maxE);
      const colour = QUAD_COLOURS[pt.quad_class] || "#777";
      const href = "/events" + qs({ country: pt.place_country || null, include_aux: st.include_aux, start: st.start, end: st.end });
      dots.appendChild(s("a", { href, class: "point" },
        s("circle", { cx: x(pt.lon) + off, cy: y(pt.lat), r, fill: pt.approximate ? "none" : colour, stroke: colour,
          "stroke-width": pt.approximate ? 2.5 : 1, "data-quad": pt.quad_class, "data-k": k },
        s("title", {}, `${pt.place_name || pt.place_country || "?"}${pt.place_country ? " (" + pt.place_country + ")" : ""}: ` +
          `${pt.events} event${pt.events === 1 ? "" : "s"}, ${(QUADS[pt.quad_class] || { label: "no class" }).label.toLowerCase()}` +
          (pt.approximate ? " (country centre)" : "")))));
    });
    svg.appendChild(dots);
    clear(box).appendChild(svg);
  }
})();
