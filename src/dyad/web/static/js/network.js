/* Network: actors as nodes, directed edges coloured by mean score and sized by events. */
"use strict";
(async () => {
  const { h, s, api, main, clear, showError, fmtNum, scoreColour, dyadHref } = dyad;
  const root = main();
  const p = new URLSearchParams(location.search);
  const st = { start: p.get("start") || "", end: p.get("end") || "", top: p.get("top") || "40", include_aux: p.get("include_aux") || "" };
  const form = h("form", { class: "filters", method: "get", action: "/network" },
    h("label", {}, "From", h("input", { name: "start", value: st.start, placeholder: "YYYY-MM", size: 9 })),
    h("label", {}, "To", h("input", { name: "end", value: st.end, placeholder: "YYYY-MM", size: 9 })),
    h("label", {}, "Actors", h("input", { name: "top", value: st.top, type: "number", min: 2, max: 300, size: 4 })),
    h("label", { class: "check" }, h("input", { type: "checkbox", name: "include_aux", value: "true", checked: st.include_aux === "true" }), "include aux events"),
    h("button", { type: "submit" }, "Show"));
  const box = h("div", { class: "netbox" });
  const info = h("p", { class: "summary" });
  clear(root).append(h("h1", {}, "Network"), form, info, box,
    h("div", { class: "legend small" }, h("span", { class: "sw grad" }, "edge colour: mean score, conflict (red) … cooperation (green); width: events; click an edge for its dyad")));
  try {
    const data = await api("/network", st);
    if (!data.edges.length) { info.textContent = "No dyads in this period."; return; }
    info.textContent = `${data.nodes.length} actors, ${data.edges.length} directed edges.`;
    draw(data);
  } catch (err) { showError(box, err); }

  function draw(data) {
    const W = 900, H = 600;
    const nodes = data.nodes.map((n, i) => ({ ...n, x: W / 2 + 250 * Math.cos((2 * Math.PI * i) / data.nodes.length),
      y: H / 2 + 220 * Math.sin((2 * Math.PI * i) / data.nodes.length), vx: 0, vy: 0 }));
    const idx = new Map(nodes.map((n, i) => [n.code, i]));
    const edges = data.edges.map((e) => ({ ...e, a: idx.get(e.source), b: idx.get(e.target) })).filter((e) => e.a !== undefined && e.b !== undefined);
    const spring = nodes.length < 6 ? 260 : 140;
    // a small force layout: repulsion between all nodes, springs along edges, pull to the centre
    for (let it = 0; it < 400; it++) {
      const cool = 1 - it / 400;
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 25), f = 4000 / d2;
        const d = Math.sqrt(d2); dx /= d; dy /= d;
        a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
      }
      edges.forEach((e) => {
        const a = nodes[e.a], b = nodes[e.b];
        const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy)), f = (d - spring) * 0.02;
        a.vx += (dx / d) * f; a.vy += (dy / d) * f; b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
      });
      nodes.forEach((n) => {
        n.vx += (W / 2 - n.x) * 0.01; n.vy += (H / 2 - n.y) * 0.01;
        n.x += Math.max(-20, Math.min(20, n.vx)) * cool; n.y += Math.max(-20, Math.min(20, n.vy)) * cool;
        n.x = Math.max(50, Math.min(W - 50, n.x)); n.y = Math.max(30, Math.min(H - 30, n.y));
        n.vx *= 0.5; n.vy *= 0.5;
      });
    }
    const maxE = Math.max(1, ...edges.map((e) => e.events));
    const maxN = Math.max(1, ...nodes.map((n) => n.events));
    // fit the drawing to the nodes (with room for labels), keeping the canvas's proportions
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    let x0 = Math.min(...xs) - 70, x1 = Math.max(...xs) + 70, y0 = Math.min(...ys) - 50, y1 = Math.max(...ys) + 40;
    const scale = Math.max((x1 - x0) / W, (y1 - y0) / H, 0.7);
    const cxm = (x0 + x1) / 2, cym = (y0 + y1) / 2;
    x0 = cxm - (W * scale) / 2; y0 = cym - (H * scale) / 2;
    const svg = s("svg", { viewBox: `${x0} ${y0} ${W * scale} ${H * scale}`, class: "network", role: "img", "aria-label": "actor network" });
    const defs = s("defs", {});
    svg.appendChild(defs);
    edges.forEach((e, k) => {
      const a = nodes[e.a], b = nodes[e.b];
      const colour = scoreColour(e.mean_score);
      const mid = "arrow-" + k;
      defs.appendChild(s("marker", { id: mid, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto" },
        s("path", { d: "M0,0 L10,5 L0,10 z", fill: colour })));
      // curve so that A->B and B->A do not overlap; stop short of the target circle
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
      const rB = 8 + 14 * Math.sqrt(b.events / maxN);
      const ex = b.x - (dx / d) * (rB + 2), ey = b.y - (dy / d) * (rB + 2);
      const cx = (a.x + ex) / 2 - (dy / d) * 30, cy = (a.y + ey) / 2 + (dx / d) * 30;
      const link = s("a", { href: dyadHref(e.source, e.target), class: "edge" },
        s("path", { d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, stroke: colour, "stroke-width": 1.5 + 8 * Math.sqrt(e.events / maxE),
          fill: "none", "marker-end": `url(#${mid})`, "data-source": e.source, "data-target": e.target },
        s("title", {}, `${e.source} → ${e.target}: ${e.events} events (${e.reports} reports), mean score ${fmtNum(e.mean_score)}`)),
        s("path", { d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, class: "hit", fill: "none" }));
      svg.appendChild(link);
    });
    nodes.forEach((n) => {
      const r = 8 + 14 * Math.sqrt(n.events / maxN);
      svg.appendChild(s("g", { class: "node" },
        s("circle", { cx: n.x, cy: n.y, r }, s("title", {}, `${n.code} · ${n.name}: ${n.events} events`)),
        s("text", { x: n.x, y: n.y - r - 4, "text-anchor": "middle", "font-size": Math.round(13 * scale) }, n.code)));
    });
    clear(box).appendChild(svg);
  }
})();
