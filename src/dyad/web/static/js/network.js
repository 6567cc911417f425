/* Network: actors as nodes, directed edges coloured by mean score and sized by events. */
"use strict";
(async () => {
  const { h, s, api, main, clear, showError, fmtNum, scoreColour, dyadHref } = dyad;
  const root = main();
  const p = new URLSearchParams(location.search);
  const st = { start: p.get("start") || "", end: p.get("end") || "", top: p.get("top") || "25", include_aux: p.get("include_aux") || "" };
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
    // Fruchterman-Reingold layout: every pair repels (k²/d), linked pairs attract (d²/k), a cooling step
    const k = Math.sqrt((W * H) / Math.max(nodes.length, 1)) * 0.75;
    const weight = new Map();
    edges.forEach((e) => { const key = Math.min(e.a, e.b) + ":" + Math.max(e.a, e.b); weight.set(key, (weight.get(key) || 0) + 1); });
    // a dense graph (most pairs linked) reads better on a circle, busiest actors first
    const density = edges.length / Math.max(1, nodes.length * (nodes.length - 1));
    if (density > 0.15 && nodes.length > 8) {
      const order = nodes.map((n, i) => i).sort((i, j) => nodes[j].events - nodes[i].events);
      order.forEach((i, r) => {
        const t = (2 * Math.PI * r) / nodes.length - Math.PI / 2;
        nodes[i].x = W / 2 + (W * 0.42) * Math.cos(t); nodes[i].y = H / 2 + (H * 0.42) * Math.sin(t);
      });
    }
    let temp = W / 8;
    for (let it = 0; it < (density > 0.15 && nodes.length > 8 ? 0 : 500); it++) {
      nodes.forEach((n) => { n.vx = 0; n.vy = 0; });
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(0.5, Math.hypot(dx, dy)), f = (k * k) / d;
        a.vx += (dx / d) * f; a.vy += (dy / d) * f; b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
      }
      weight.forEach((w, key) => {
        const [i, j] = key.split(":").map(Number), a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(0.5, Math.hypot(dx, dy)), f = (d * d) / k;
        a.vx -= (dx / d) * f; a.vy -= (dy / d) * f; b.vx += (dx / d) * f; b.vy += (dy / d) * f;
      });
      nodes.forEach((n) => {
        n.vx += (W / 2 - n.x) * 0.02; n.vy += (H / 2 - n.y) * 0.02;  // a little gravity
        const d = Math.max(0.5, Math.hypot(n.vx, n.vy)), step = Math.min(d, temp);
        n.x += (n.vx / d) * step; n.y += (n.vy / d) * step;
      });
      temp = Math.max(1, temp * 0.985);
    }
    const maxE = Math.max(1, ...edges.map((e) => e.events));
    const maxN = Math.max(1, ...nodes.map((n) => n.events));
    const dense = nodes.length > 15;
    const rMin = dense ? 5 : 8, rSpan = dense ? 9 : 14, wSpan = dense ? 5 : 8;
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
      const rB = rMin + rSpan * Math.sqrt(b.events / maxN);
      const ex = b.x - (dx / d) * (rB + 2), ey = b.y - (dy / d) * (rB + 2);
      const cx = (a.x + ex) / 2 - (dy / d) * 30, cy = (a.y + ey) / 2 + (dx / d) * 30;
      const link = s("a", { href: dyadHref(e.source, e.target), class: "edge" },
        s("path", { d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, stroke: colour, "stroke-width": 1.2 + wSpan * Math.sqrt(e.events / maxE), "stroke-opacity": dense ? 0.55 : 0.85,
          fill: "none", "marker-end": `url(#${mid})`, "data-source": e.source, "data-target": e.target },
        s("title", {}, `${e.source} → ${e.target}: ${e.events} events (${e.reports} reports), mean score ${fmtNum(e.mean_score)}`)),
        s("path", { d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, class: "hit", fill: "none" }));
      svg.appendChild(link);
    });
    nodes.forEach((n) => {
      const r = rMin + rSpan * Math.sqrt(n.events / maxN);
      const g = s("g", { class: "node", "data-code": n.code, tabindex: "0" },
        s("circle", { cx: n.x, cy: n.y, r }, s("title", {}, `${n.code} · ${n.name}: ${n.events} events`)),
        s("text", { x: n.x, y: n.y - r - 4, "text-anchor": "middle", "font-size": Math.round(13 * scale) }, n.code));
      // hovering (or focusing) an actor shows only its edges
      const on = () => {
        svg.classList.add("focus");
        svg.querySelectorAll("a.edge").forEach((a) => {
          const pth = a.querySelector("path[data-source]");
          a.classList.toggle("hot", pth.dataset.source === n.code || pth.dataset.target === n.code);
        });
      };
      const off = () => svg.classList.remove("focus");
      g.addEventListener("mouseenter", on); g.addEventListener("mouseleave", off);
      g.addEventListener("focus", on); g.addEventListener("blur", off);
      svg.appendChild(g);
    });
    clear(box).appendChild(svg);
  }
})();
