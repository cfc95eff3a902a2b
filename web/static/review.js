// The review screen (web/templates/review_show.html). Its forms are the
// data-api forms of shinsa.js; this keeps a filtered list's place (a link
// to #item-N opens that item's panel even when a filter hid it), and
// accepts every pending item at once (#accept-pending): one PUT per item
// through the same API route as the item's own form, in order, stopping
// at the first refusal so that what was done is what the page then shows.
"use strict";

(function () {
  function reveal() {
    const id = window.location.hash.slice(1);
    const el = id ? document.getElementById(id) : null;
    if (!el || !el.hasAttribute("data-row")) return;
    el.hidden = false;
    const group = el.closest("[data-group]");
    if (group) group.hidden = false;
    el.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  const bulk = document.getElementById("accept-pending");
  if (!bulk) return;
  bulk.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    if (bulk.dataset.confirm && !window.confirm(bulk.dataset.confirm)) return;
    const forms = Array.from(document.querySelectorAll('[data-row][data-verdict="pending"] form[id^="verdict-"]'));
    const button = bulk.querySelector("button");
    const status = bulk.querySelector('[role="status"]');
    bulk.querySelector('[role="alert"]').hidden = true;
    button.disabled = true;
    let done = 0;
    for (const f of forms) {
      let res = null;
      try {
        res = await window.shinsa.call("PUT", f.dataset.api, { verdict: "accepted" });
      } catch (e) {
        res = null;
      }
      if (!res || !res.ok) {
        button.disabled = false;
        window.shinsa.showError(bulk, res);
        return;
      }
      done++;
      status.textContent = window.shinsa.fill(bulk.dataset.msgProgress, [done, forms.length]);
    }
    window.location.reload();
  });
})();
