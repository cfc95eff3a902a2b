// The review screen's item forms (web/templates/review_item_work.html,
// form[data-work]): each saves through the JSON API on its own, without
// reloading the page (shinsa.js sends it: data-stay). After a save only
// that item's card is put back from the server's page, as the server now
// renders it (thread, chips, the revision it is at), with whatever is
// typed in the card's other forms carried over; the counts at the top
// follow; filters and the scroll position stay. Nothing typed elsewhere is
// touched. A verdict sent at a revision the item is no longer at comes
// back 409 with the item as it is: both are shown side by side and the
// typed text stays. The browser asks before the page is left with
// anything typed and not saved.
"use strict";

(function () {
  const shinsa = window.shinsa;
  const items = document.getElementById("items");
  if (!items) return;

  // Whether a field holds something other than what the page was given.
  function edited(el) {
    if (el.type === "hidden" || el.type === "submit" || el.type === "button") return false;
    // A select with no option marked selected shows its first: that is
    // what was rendered, not a change.
    if (el.tagName === "SELECT" && !el.multiple) {
      const shown = Array.from(el.options).find((o) => o.defaultSelected) || el.options[0];
      return el.value !== (shown ? shown.value : "");
    }
    if (el.tagName === "SELECT") return Array.from(el.options).some((o) => o.selected !== o.defaultSelected);
    return el.value !== el.defaultValue;
  }

  const forms = () => Array.from(items.querySelectorAll("form[data-work]"));
  shinsa.guardUnsaved(() => forms().some((f) => f._saving || Array.from(f.elements).some(edited)));

  // A query or an improvement needs its text: the browser says so first.
  function needText(form) {
    const v = form.elements.verdict;
    if (v && form.elements.text) form.elements.text.required = v.value === "query" || v.value === "improvement";
  }
  items.addEventListener("change", (ev) => ev.target.form && ev.target.name === "verdict" && needText(ev.target.form));
  forms().forEach(needText);

  items.addEventListener("submit", (ev) => {
    if (ev.target.matches("form[data-work]")) ev.target._saving = true;
  }, true);

  // The page as the server renders it now.
  async function freshPage() {
    const r = await fetch(window.location.pathname + window.location.search, { credentials: "same-origin" });
    if (!r.ok) return null;
    return new DOMParser().parseFromString(await r.text(), "text/html");
  }

  // The counts at the top, and the accept-all button's count, as doc has them.
  function recount(doc) {
    const counts = document.querySelector(".review-counts");
    const fresh = doc.querySelector(".review-counts");
    if (counts && fresh) counts.replaceWith(document.adoptNode(fresh));
    const bulk = document.getElementById("accept-pending");
    if (!bulk) return;
    const nb = doc.getElementById("accept-pending");
    bulk.hidden = !nb;
    if (!nb) return;
    bulk.dataset.confirm = nb.dataset.confirm;
    bulk.querySelector("button").textContent = nb.querySelector("button").textContent;
  }

  // row put back as doc has it; typed text of the other forms (and of
  // keep, if given: the form whose save was refused) goes with it.
  function replaceRow(row, doc, saved, keep) {
    const fresh = doc.getElementById(row.id);
    if (!fresh) return null;
    for (const f of row.querySelectorAll("textarea, select, input")) {
      if (!f.id || (saved && saved.contains(f) && saved !== keep) || !edited(f)) continue;
      const twin = fresh.querySelector("#" + CSS.escape(f.id));
      // Chosen files stay chosen, as typed text does (review_files.js).
      if (twin && f.type === "file") twin.files = f.files;
      else if (twin) twin.value = f.value;
    }
    const open = Array.from(row.querySelectorAll("details"), (d) => d.open);
    fresh.querySelectorAll("details").forEach((d, i) => {
      if (i < open.length) d.open = open[i];
    });
    const y = window.scrollY;
    const node = document.adoptNode(fresh);
    // The table view's marks on the row (review_table.js) stay with it.
    for (const c of ["open", "current"]) node.classList.toggle(c, row.classList.contains(c));
    row.replaceWith(node);
    shinsa.applyFilters("#items");
    window.scrollTo(window.scrollX, y);
    node.querySelectorAll("form[data-work]").forEach(needText);
    return node;
  }

  async function refresh(form, keep) {
    const row = form.closest("[data-row]");
    let doc = null;
    try {
      doc = await freshPage();
    } catch (e) {
      doc = null;
    }
    form._saving = false;
    if (!doc) {
      // Saved, but the page could not be read again: reloading shows it.
      window.location.reload();
      return;
    }
    recount(doc);
    const node = replaceRow(row, doc, form, keep);
    const again = node && node.querySelector("#" + CSS.escape(form.id));
    const state = again && again.querySelector(".save-state");
    if (state && !keep) state.textContent = shinsa.msg("Saved");
  }

  items.addEventListener("shinsa:done", (ev) => {
    if (ev.target.matches("form[data-work]")) refresh(ev.target, null);
  });

  items.addEventListener("shinsa:failed", (ev) => {
    const form = ev.target;
    if (!form.matches("form[data-work]")) return;
    form._saving = false;
    const res = ev.detail;
    const current = res && res.status === 409 && res.json && res.json.error ? res.json.error.current : null;
    if (!current || !form.elements.verdict) return;
    form.querySelector('[role="alert"]').hidden = true;
    const label = (v) => {
      const o = v ? form.elements.verdict.querySelector('option[value="' + CSS.escape(v) + '"]') : null;
      return o ? o.textContent : form.elements.verdict.options[0].textContent;
    };
    const rows = [
      [items.dataset.labelVerdict, label(current.verdict), label(form.elements.verdict.value)],
      [items.dataset.labelText, current.comment, form.elements.text.value],
    ];
    const words = { message: items.dataset.msgConflict, theirs: items.dataset.msgTheirs, yours: items.dataset.msgYours, load: items.dataset.msgLoad };
    shinsa.conflict(form.querySelector(".conflict"), words, rows, () => refresh(form, form));
  });
})();
