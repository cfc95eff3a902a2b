// The answers page's table view (web/templates/connector_bulk.html and
// connector_table_cells.html): rows are selected with their boxes (Shift
// and click selects the range from the last one clicked), and the bulk
// form sets the chosen 対応状況 on each selected row in the table's order,
// one save per row through connector.js's own save (PUT
// /api/v1/answers/{no}); at the first row that cannot be saved it stops,
// says which, and changes no further row.
"use strict";

(function () {
  const shinsa = window.shinsa;
  const grid = document.getElementById("grid");
  const bulk = document.getElementById("bulk-status");
  if (!grid || !bulk) return;
  const boxes = () => Array.from(grid.querySelectorAll("input[data-select]"));
  const selected = () => boxes().filter((b) => b.checked && !b.closest("[data-row]").hidden);
  const said = bulk.querySelector("[data-selected]");
  const alert = bulk.querySelector('[role="alert"]');
  let last = null;

  function count() {
    said.textContent = shinsa.fill(bulk.dataset.msgSelected, [selected().length]);
  }

  grid.addEventListener("click", function (ev) {
    const box = ev.target.closest("input[data-select]");
    if (!box) return;
    if (ev.shiftKey && last && last !== box) {
      const all = boxes().filter((b) => !b.closest("[data-row]").hidden);
      const a = all.indexOf(last), b = all.indexOf(box);
      if (a >= 0 && b >= 0) for (let i = Math.min(a, b); i <= Math.max(a, b); i++) all[i].checked = box.checked;
    }
    last = box;
    count();
  });

  // The bulk form shows with the table only.
  grid.addEventListener("shinsa:view", (ev) => (bulk.hidden = ev.detail !== "table"));
  bulk.hidden = !grid.classList.contains("as-table");
  count();

  function say(text) {
    alert.textContent = text;
    alert.hidden = false;
    alert.focus();
  }

  bulk.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    alert.hidden = true;
    const rows = selected().map((b) => b.closest("[data-row]"));
    if (!rows.length) return say(bulk.dataset.msgNone);
    const status = bulk.elements.status.value;
    const button = bulk.querySelector("button");
    button.disabled = true;
    let done = 0;
    for (const row of rows) {
      const form = row.querySelector("form.answer-form");
      form.elements.status.value = status;
      const ok = await shinsa.saveAnswer(form);
      if (!ok) {
        button.disabled = false;
        say(shinsa.fill(bulk.dataset.msgStopped, [form.dataset.no, rows.length, done]));
        return;
      }
      done++;
      said.textContent = shinsa.fill(bulk.dataset.msgProgress, [rows.length, done]);
    }
    button.disabled = false;
    say(shinsa.fill(bulk.dataset.msgDone, [done]));
  });
})();
