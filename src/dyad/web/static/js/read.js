/* Read an article: paste text, give a URL or upload a file, and see it coded live. */
"use strict";
(async () => {
  const { h, main, clear, showError, renderDocument, fmtNum, api } = dyad;
  const root = main();
  let info = { token_required: false, max_read_bytes: 2000000 };
  try { info = await api("/info"); } catch (e) { /* defaults */ }

  const text = h("textarea", { name: "text", rows: 10, placeholder: "Paste an article (plain text or HTML)…" });
  const url = h("input", { name: "url", type: "url", placeholder: "https://…", size: 50 });
  const file = h("input", { name: "file", type: "file", accept: ".txt,.html,.htm,.text,text/plain,text/html" });
  const token = h("input", { name: "token", type: "password", placeholder: "server token", autocomplete: "off", size: 30 });
  const status = h("p", { class: "summary", role: "status" });
  const out = h("div", { class: "read-result" });
  const form = h("form", { class: "readform", id: "read-form" },
    h("p", { class: "muted" }, `One article at a time, up to ${fmtNum(info.max_read_bytes / 1e6, 1)} MB. Nothing is stored.`),
    h("label", { class: "block" }, "Text", text),
    h("label", { class: "block" }, "or a URL ", url),
    h("label", { class: "block" }, "or a file ", file),
    info.token_required ? h("label", { class: "block" }, "Token ", token) : null,
    h("button", { type: "submit" }, "Code it"));
  clear(root).append(h("h1", {}, "Read an article"), form, status, out);

  function fileBase64(f) {
    return new Promise((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => { const v = String(r.result); resolve(v.slice(v.indexOf(",") + 1)); };
      r.onerror = () => reject(r.error);
      r.readAsDataURL(f);
    });
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = {};
    if (file.files && file.files[0]) {
      if (file.files[0].size > info.max_read_bytes) { status.textContent = "That file is too large."; return; }
      body.file_name = file.files[0].name;
      body.file_base64 = await fileBase64(file.files[0]);
    } else if (url.value.trim()) body.url = url.value.trim();
    else if (text.value.trim()) body.text = text.value;
    else { status.textContent = "Paste some text, give a URL or choose a file."; return; }
    status.textContent = "Coding…";
    clear(out);
    const t0 = performance.now();
    try {
      const headers = { "Content-Type": "application/json", Accept: "application/json" };
      if (info.token_required) headers["X-Dyad-Token"] = token.value;
      const resp = await fetch("/api/read", { method: "POST", headers, body: JSON.stringify(body) });
      let data = null;
      try { data = await resp.json(); } catch (err) { data = null; }
      if (!resp.ok) throw new Error((data && data.error) || resp.status + " " + resp.statusText);
      status.textContent = `Coded in ${fmtNum((performance.now() - t0) / 1000, 2)} s: ${data.events.length} event${data.events.length === 1 ? "" : "s"}.`;
      renderDocument(out, data, { live: true });
    } catch (err) { status.textContent = ""; showError(out, err); }
  });
})();
