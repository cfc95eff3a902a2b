// The review page's keys and rows (web/templates/review_table_*.html):
// j / k the next / previous pending item shown; a (了承) and n (対象外) set
// the item's verdict and save it through the item's own form (the save of
// review_work.js), then go on to the next pending item; q (照会) and i
// (要改善) choose the verdict and put the cursor in its text, which they
// need; t or Enter opens or closes the item's conversation; ? shows the
// keys. No key does anything while the person types in a field. Also:
// opening the review marks the reader's notifications about it read.
"use strict";

(function () {
  const shinsa = window.shinsa;
  const items = document.getElementById("items");
  if (!items) return;
  const help = document.getElementById("keys-help");
  const helpButton = document.querySelector("[data-keys-toggle]");
  let current = null; // the id of the item the keys act on
  const opened = new Set(); // ids of the rows whose conversation is open
  const sent = new Set(); // ids given a verdict by key whose save is not back

  const rows = () => Array.from(items.querySelectorAll("[data-row]")).filter((r) => !r.hidden && !r.closest("[hidden]"));
  const pending = (r) => r.dataset.verdict === "pending" && !sent.has(r.id) && r.querySelector('form[id^="verdict-"]');

  // Rows are replaced after each save (review_work.js): marks follow ids.
  function mark() {
    for (const r of items.querySelectorAll("[data-row]")) {
      r.classList.toggle("current", r.id === current);
      const open = opened.has(r.id);
      r.classList.toggle("open", open);
      const b = r.querySelector("[data-open-row]");
      if (b) b.setAttribute("aria-expanded", String(open));
    }
  }
  new MutationObserver(mark).observe(items, { childList: true, subtree: true });

  function go(row) {
    if (!row) return;
    current = row.id;
    mark();
    row.scrollIntoView({ block: "center" });
  }

  function step(dir) {
    const list = rows();
    const at = list.findIndex((r) => r.id === current);
    for (let i = at + dir; i >= 0 && i < list.length; i += dir) {
      if (pending(list[i])) return go(list[i]);
    }
  }

  function toggle(row, open) {
    if (open) opened.add(row.id);
    else opened.delete(row.id);
    mark();
  }

  function verdictForm(row) {
    return row ? row.querySelector('form[id^="verdict-"]') : null;
  }

  function choose(form, verdict) {
    form.elements.verdict.value = verdict;
    form.elements.verdict.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // a / n: set and save, then on to the next pending item.
  function decide(verdict) {
    const row = current && document.getElementById(current);
    const form = verdictForm(row);
    if (!form) return;
    choose(form, verdict);
    sent.add(row.id);
    form.requestSubmit();
    step(1);
  }

  // q / i: the text is needed, so the cursor goes there.
  function ask(verdict) {
    const row = current && document.getElementById(current);
    const form = verdictForm(row);
    if (!form) return;
    toggle(row, true);
    const details = form.closest("details");
    if (details) details.open = true;
    choose(form, verdict);
    form.elements.text.focus();
  }

  items.addEventListener("shinsa:done", (ev) => sent.delete((ev.target.closest("[data-row]") || {}).id));
  items.addEventListener("shinsa:failed", (ev) => {
    const row = ev.target.closest("[data-row]");
    if (!row) return;
    sent.delete(row.id);
    toggle(row, true);
  });

  function showHelp(on) {
    if (!help) return;
    help.hidden = !on;
    if (helpButton) helpButton.setAttribute("aria-expanded", String(on));
  }
  if (helpButton) helpButton.addEventListener("click", () => showHelp(help.hidden));

  items.addEventListener("click", function (ev) {
    const row = ev.target.closest("[data-row]");
    if (!row) return;
    const b = ev.target.closest("[data-open-row]");
    if (b) toggle(row, !opened.has(row.id));
    current = row.id;
    mark();
  });

  const typing = (el) => el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing || typing(ev.target)) return;
    // Enter keeps its meaning on a link, a button or a summary.
    if (ev.key === "Enter" && ev.target.closest && ev.target.closest("a, button, summary")) return;
    const row = current && document.getElementById(current);
    const acts = {
      j: () => step(1),
      k: () => step(-1),
      a: () => decide("accepted"),
      n: () => decide("not_applicable"),
      q: () => ask("query"),
      i: () => ask("improvement"),
      t: () => row && toggle(row, !opened.has(row.id)),
      Enter: () => row && toggle(row, !opened.has(row.id)),
      "?": () => showHelp(help && help.hidden),
    };
    const act = acts[ev.key];
    if (!act) return;
    ev.preventDefault();
    act();
  });

  // The reader has now seen this review: its notifications are read. One
  // request, keepalive so that leaving the page at once does not cut it.
  const id = Number(window.location.pathname.split("/")[2]);
  const bank = new URLSearchParams(window.location.search).get("bank");
  const which = bank ? { submission: id, bank: bank } : { submission: id };
  shinsa.call("POST", "/api/v1/notifications/read", which, undefined, { keepalive: true }).catch(function () {
    // unread stays unread: お知らせ still lists them
  });
})();
