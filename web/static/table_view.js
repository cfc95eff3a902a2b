// The switch between 表形式 and カード形式 (web/templates/table_switch.html)
// on the review page (#items) and the answers page (#grid): the same rows,
// laid out as the A3 form's table (class "as-table", shinsa.css) or as
// cards. The choice is remembered in localStorage, one per page kind.
"use strict";

(function () {
  const sw = document.querySelector(".view-switch[data-view-for]");
  const box = sw ? document.querySelector(sw.dataset.viewFor) : null;
  if (!box) return;
  const key = "shinsa.view." + box.id;

  function show(view) {
    const table = view === "table";
    box.classList.toggle("as-table", table);
    document.body.classList.toggle("wide-table", table);
    for (const b of sw.querySelectorAll("[data-view]")) b.setAttribute("aria-pressed", String(b.dataset.view === view));
    box.dispatchEvent(new CustomEvent("shinsa:view", { detail: view, bubbles: true }));
  }

  sw.addEventListener("click", function (ev) {
    const b = ev.target.closest("[data-view]");
    if (!b) return;
    try {
      window.localStorage.setItem(key, b.dataset.view);
    } catch (e) {
      // storage refused (private mode): the view changes, not remembered
    }
    show(b.dataset.view);
  });

  let saved = null;
  try {
    saved = window.localStorage.getItem(key);
  } catch (e) {
    saved = null;
  }
  show(saved === "table" ? "table" : "cards");
})();
