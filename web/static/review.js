// The review screen (web/templates/review_show.html). Its forms are the
// data-api forms of shinsa.js; this only keeps a filtered list's place:
// a link to #item-N opens that item's panel even when a filter hid it.
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
})();
