// The share form's bank (web/templates/connector_bank_picker.html): the
// text box becomes a combobox (WAI-ARIA 1.2, list autocomplete) whose
// options are GET /api/v1/banks?q=TEXT, asked 150 ms after the last key.
// Not a <datalist>: Chromium filters its options by the typed substring,
// so 株式会社デモ銀行 would hide デモ銀行; the server compares name keys.
// The script only helps: choosing fills the registered name, and a name
// typed and sent as it is still finds its bank on the server. Escape
// closes the list and keeps what was typed. Enter with the list open
// chooses the marked option, or the only one; with several and none
// marked it sends nothing and says to choose.
"use strict";

(function () {
  const input = document.getElementById("share-bank");
  const list = document.getElementById("share-bank-list");
  if (!input || !list || !window.shinsa) return;
  const box = input.closest(".bank-picker");
  const popup = list.parentElement;
  const note = popup.querySelector(".bank-note");
  const status = document.getElementById("share-bank-status");
  let names = [];
  let active = -1;
  let timer = 0;
  let asked = 0; // the latest request: an older answer is dropped
  let firstOnLoad = false; // ArrowDown opened the list: mark its first

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function mark(i) {
    active = i;
    list.querySelectorAll('[role="option"]').forEach(function (li, k) {
      li.setAttribute("aria-selected", k === i ? "true" : "false");
      if (k === i) li.scrollIntoView({ block: "nearest" });
    });
    if (i >= 0) input.setAttribute("aria-activedescendant", list.id + "-" + i);
    else input.removeAttribute("aria-activedescendant");
  }

  function close() {
    popup.hidden = true;
    input.setAttribute("aria-expanded", "false");
    mark(-1);
  }

  function render(banks, more) {
    names = banks.map((b) => b.name);
    list.replaceChildren();
    names.forEach(function (name, i) {
      const li = window.shinsa.el("li", name);
      li.id = list.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      list.append(li);
    });
    list.hidden = names.length === 0;
    const words = names.length === 0 ? box.dataset.msgNone : more ? box.dataset.msgMore : "";
    note.textContent = words;
    note.hidden = !words;
    status.textContent = names.length === 0 ? box.dataset.msgNone : window.shinsa.fill(box.dataset.msgCount, [names.length]);
    popup.hidden = false;
    input.setAttribute("aria-expanded", "true");
    mark(firstOnLoad && names.length ? 0 : -1);
    firstOnLoad = false;
  }

  async function load() {
    const mine = ++asked;
    let res = null;
    try {
      res = await window.shinsa.call("GET", "/api/v1/banks?q=" + encodeURIComponent(input.value));
    } catch (e) {
      res = null;
    }
    if (mine !== asked || document.activeElement !== input) return;
    // No list is no loss: the text box still sends what was typed.
    if (!res || !res.ok || !res.json || !Array.isArray(res.json.banks)) close();
    else render(res.json.banks, res.json.more === true);
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(load, 150);
  }

  function choose(i) {
    if (i < 0 || i >= names.length) return;
    input.value = names[i];
    clearTimeout(timer);
    asked++;
    close();
    input.focus();
  }

  // While an input method composes (でも before it becomes デモ) the text
  // is not yet what the person means: ask once it is committed.
  input.addEventListener("input", function (ev) {
    if (!ev.isComposing) soon();
  });
  input.addEventListener("compositionend", soon);
  input.addEventListener("click", function () {
    if (popup.hidden) soon();
  });
  input.addEventListener("blur", function () {
    clearTimeout(timer);
    asked++;
    close();
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.isComposing || ev.keyCode === 229) return; // the IME's own keys
    const open = !popup.hidden;
    if (ev.key === "ArrowDown") {
      ev.preventDefault();
      if (!open) {
        firstOnLoad = !ev.altKey;
        clearTimeout(timer);
        load();
      } else if (names.length) mark((active + 1) % names.length);
    } else if (ev.key === "ArrowUp" && open) {
      ev.preventDefault();
      if (names.length) mark(active <= 0 ? names.length - 1 : active - 1);
    } else if (ev.key === "Enter" && open && active >= 0) {
      ev.preventDefault(); // chooses; a second Enter sends the form
      choose(active);
    } else if (ev.key === "Enter" && open && names.length === 1) {
      ev.preventDefault(); // the one candidate is what was meant
      choose(0);
    } else if (ev.key === "Enter" && open && names.length > 1) {
      // Several candidates, none chosen: the text as typed (株式会社み)
      // is no bank's name; the list stays and says to choose.
      ev.preventDefault();
      note.textContent = box.dataset.msgChoose;
      note.hidden = false;
      status.textContent = box.dataset.msgChoose;
    } else if (ev.key === "Escape" && open) {
      ev.preventDefault();
      close();
    } else if (ev.key === "Tab") {
      close();
    }
  });
  // Keep the focus in the box while a pointer (mouse or touch) chooses.
  popup.addEventListener("mousedown", (ev) => ev.preventDefault());
  list.addEventListener("click", function (ev) {
    const li = ev.target.closest('[role="option"]');
    if (li) choose(Array.prototype.indexOf.call(list.children, li));
  });
})();
