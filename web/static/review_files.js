// Files in review threads (web/templates/review_thread_file_input.html):
// a message form whose file input holds files sends them first, one by
// one, as raw bytes to the input's data-api (POST .../files?name=), then
// the message itself (shinsa.js and review_work.js, as without files)
// naming them by sha256 in its hidden "files" field. A file over the
// limit (data-max bytes) is refused here, before it is sent: the server
// would drop the connection rather than answer such a body. A refusal
// of an upload is shown in the form and nothing is posted; the typed text
// and the chosen files stay. File inputs of a row put back after a save
// get the page's words for their button too (shinsa.filePick).
"use strict";

(function () {
  const shinsa = window.shinsa;
  const items = document.getElementById("items");
  if (!items) return;

  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeType === 1) n.querySelectorAll(".file-pick[hidden]").forEach((p) => shinsa.filePick(p));
  }).observe(items, { childList: true, subtree: true });

  // The refusal of a file too big to send, in the words the server's own
  // refusal has on the page (problem.attachment_too_large).
  function tooLarge(form, input, file) {
    const mib = (Math.floor((file.size / 1048576) * 100) / 100).toFixed(2);
    const words = shinsa.problemText(document.body, { code: "attachment_too_large", args: [file.name, mib, input.dataset.maxMib] });
    // A refusal with no code is said as its message alone.
    shinsa.showError(form, { status: 413, json: { error: { message: words } } });
  }

  // Uploads input's files: their sha256s, or null having shown the refusal.
  async function upload(form, input) {
    const shas = [];
    for (const file of input.files) {
      const url = input.dataset.api + "?name=" + encodeURIComponent(file.name);
      let res = null;
      try {
        res = await shinsa.call("POST", url, file, "application/octet-stream");
      } catch (e) {
        res = null;
      }
      if (!res || !res.ok) {
        shinsa.showError(form, res);
        return null;
      }
      shas.push(res.json.sha256);
    }
    return shas;
  }

  // Before shinsa.js sends the form (this listens on window, first).
  window.addEventListener("submit", async (ev) => {
    const form = ev.target;
    const input = form.matches && form.matches("form[data-work]") ? form.querySelector("input[data-thread-files]") : null;
    if (!input || !input.files.length || form._filesSent) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    const box = form.querySelector('[role="alert"]');
    if (box) box.hidden = true;
    const big = Array.from(input.files).find((f) => f.size > Number(input.dataset.max));
    if (big) {
      tooLarge(form, input, big);
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    const state = form.querySelector(".save-state");
    button.disabled = true;
    if (state) state.textContent = input.dataset.sending;
    const shas = await upload(form, input);
    button.disabled = false;
    if (state) state.textContent = "";
    if (!shas) return;
    form.elements.files.value = JSON.stringify(shas);
    form._filesSent = true;
    form.requestSubmit();
  }, true);

  // A message refused after its files went up: they go up again with the
  // next try (the server keeps one copy).
  items.addEventListener("shinsa:failed", (ev) => {
    const form = ev.target;
    if (!form._filesSent) return;
    form._filesSent = false;
    form.elements.files.value = "";
  });
})();
