/* Document: the clean article with highlights and its event cards. */
"use strict";
(async () => {
  const { api, main, showError, renderDocument } = dyad;
  const root = main();
  const id = decodeURIComponent(location.pathname.split("/").pop() || "");
  try {
    const data = await api("/documents/" + encodeURIComponent(id));
    document.title = (data.document.title || "Document") + " · dyad";
    const view = renderDocument(root, data, { live: false });
    const m = /^#ev=(.+)$/.exec(location.hash);
    if (m) {
      const want = decodeURIComponent(m[1]);
      const i = view.events.findIndex((e) => e.event_id === want);
      if (i >= 0) view.focus(i, true);
    }
  } catch (err) { showError(root, err); }
})();
