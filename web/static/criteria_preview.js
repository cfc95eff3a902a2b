// The criteria page's preview (review_criteria_preview.html): the chosen
// file (#criteria-import, its query kept by criteria.js) or the pasted
// list (#criteria-paste) goes first to POST /api/v1/criteria/preview, and
// what was read is shown as a tree (区分 → criteria with their keys as
// written; the rows that cannot be read marked; the lines left out
// folded). "Replace with this" sends the very bytes previewed to POST
// /api/v1/criteria with the preview's base, so that a list changed in
// between is refused (409, said in the page's words), then reloads.
// Nothing typed is lost: the pasted text stays in its box whatever the
// answer, and the page asks before it is left with text not yet used.
"use strict";

(function () {
  const S = window.shinsa;
  const panel = document.getElementById("criteria-preview");
  if (!panel) return;
  const fileForm = document.getElementById("criteria-import");
  const pasteForm = document.getElementById("criteria-paste");
  const text = document.getElementById("paste-text");
  const replaceForm = document.getElementById("criteria-replace");
  const replaceButton = replaceForm.querySelector('button[type="submit"]');
  const editButton = replaceForm.querySelector("[data-edit]");
  const words = panel.dataset;
  // A pasted list's refusals are the reader's, worded as the file's are
  // (one translation per problem code: the file form carries them).
  for (const [k, v] of Object.entries(fileForm.dataset)) if (k.startsWith("problem")) pasteForm.dataset[k] = v;

  let pending = null; // what was previewed: {query, body, type, base, pasted (null for a file)}
  let replaced = false;
  S.guardUnsaved(() => !replaced && text.value.trim() !== "");

  function say(form, line) {
    const box = form.querySelector('[role="alert"]');
    box.textContent = line;
    box.hidden = false;
    box.focus();
  }

  function leaf(c) {
    const li = S.el("li", undefined, "tree-leaf" + (c.damaged ? " damaged" : ""));
    li.append(S.el("span", c.key, "tree-key"), " ");
    li.append(c.text === null ? S.el("span", words.wordsUnreadable, "muted") : S.el("span", c.text, "tree-text"));
    if (c.damaged) li.append(" ", S.el("span", words.wordsFix, "chip warn"));
    return li;
  }

  function node(heading, into) {
    const li = S.el("li", undefined, "tree-node");
    const ul = S.el("ul", undefined, "plain");
    li.append(S.el("span", heading, "tree-heading"), ul);
    into.append(li);
    return ul;
  }

  // The criteria under their headings, in the order read: the section,
  // then the 区分 when it is another; how many headings.
  function tree(criteria, into) {
    let n = 0, h1 = null, ul1 = null, h2 = null, ul2 = null;
    for (const c of criteria) {
      const top = c.section !== null ? c.section : c.category;
      if (ul1 === null || top !== h1) {
        ul1 = node(top || words.wordsNoSection, into);
        h1 = top;
        ul2 = null;
        n++;
      }
      let list = ul1;
      if (c.section !== null && c.category !== c.section) {
        if (ul2 === null || c.category !== h2) {
          ul2 = node(c.category, ul1);
          h2 = c.category;
          n++;
        }
        list = ul2;
      } else {
        ul2 = null;
      }
      list.append(leaf(c));
    }
    return n;
  }

  // A left-out line's place ("NAME:LINE") in words: 「3行目」 in the
  // pasted text (its name is the paste form's), 「基準.txt 3行目」 in a file.
  function place(at) {
    const i = at.lastIndexOf(":");
    if (i < 0) return at;
    const name = at.slice(0, i), line = at.slice(i + 1);
    if (name === pasteForm.dataset.name) return S.fill(words.wordsLine, [line]);
    return S.fill(words.wordsFileLine, [name, line]);
  }

  function show(p) {
    const t = panel.querySelector("[data-tree]");
    t.textContent = "";
    const headings = tree(p.criteria, t);
    panel.querySelector("[data-counts]").textContent = S.fill(words.wordsCounts, [p.title || p.name, headings, p.count]);
    const damaged = panel.querySelector("[data-damaged]");
    damaged.textContent = S.fill(words.wordsDamaged, [p.damaged]);
    damaged.hidden = p.damaged === 0;
    const left = panel.querySelector("[data-left]");
    left.querySelector("summary").textContent = S.fill(words.wordsLeft, [p.left_out.length]);
    const ol = left.querySelector("ol");
    ol.textContent = "";
    for (const l of p.left_out) ol.append(S.el("li", place(l.at) + S.msg("Placesep") + l.text));
    left.open = false;
    left.hidden = p.left_out.length === 0;
    replaceForm.querySelector('[role="alert"]').hidden = true;
    replaceButton.disabled = false;
    editButton.hidden = pending.pasted === null;
    panel.hidden = false;
    panel.querySelector("h2").focus();
  }

  async function preview(form, body, query, type, pasted) {
    form.querySelector('[role="alert"]').hidden = true;
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    let res = null;
    try {
      res = await S.call("POST", "/api/v1/criteria/preview" + (query ? "?" + query : ""), body, type);
    } catch (e) {
      res = null;
    }
    button.disabled = false;
    if (!res || !res.ok) {
      pending = null;
      panel.hidden = true;
      S.showError(form, res);
      return;
    }
    pending = { query: query, body: body, type: type, base: res.json.base, pasted: pasted };
    show(res.json);
  }

  fileForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const file = document.getElementById("import-file").files[0];
    if (file) preview(fileForm, file, fileForm.dataset.query, file.type || "application/octet-stream", null);
  });

  pasteForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const value = text.value;
    if (!value.trim()) return say(pasteForm, pasteForm.dataset.wordsEmpty);
    const bytes = new Blob([value]).size;
    const max = Number(pasteForm.dataset.maxBytes);
    if (bytes > max) {
      const mb = (n, digits) => (n / 1048576).toFixed(digits);
      return say(pasteForm, S.fill(pasteForm.dataset.wordsTooLarge, [mb(max, 0), mb(bytes, 1)]));
    }
    const query = "format=text&name=" + encodeURIComponent(pasteForm.dataset.name);
    preview(pasteForm, value, query, "text/plain; charset=utf-8", value);
  });

  // Text changed after it was read: the preview is no longer of it.
  text.addEventListener("input", function () {
    if (!pending || pending.pasted === null || panel.hidden) return;
    const stale = text.value !== pending.pasted;
    replaceButton.disabled = stale;
    const box = replaceForm.querySelector('[role="alert"]');
    if (stale) box.textContent = pasteForm.dataset.wordsStale;
    box.hidden = !stale;
  });

  editButton.addEventListener("click", function () {
    text.scrollIntoView({ block: "center" });
    text.focus();
  });

  // When the list changed meanwhile, the time it was imported in the
  // page's language and Japan's time.
  function localTimes(res) {
    const e = res && res.json && res.json.error;
    for (const p of (e && e.problems) || []) {
      if (p.code !== "criteria_changed" || !p.args[1]) continue;
      const d = new Date(p.args[1]);
      const lang = document.documentElement.lang === "en" ? "en-GB" : "ja-JP";
      if (!isNaN(d)) p.args[1] = d.toLocaleString(lang, { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });
    }
  }

  replaceForm.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    if (!pending) return;
    replaceButton.disabled = true;
    const q = (pending.query ? pending.query + "&" : "") + "base=" + encodeURIComponent(pending.base);
    let res = null;
    try {
      res = await S.call("POST", "/api/v1/criteria?" + q, pending.body, pending.type);
    } catch (e) {
      res = null;
    }
    if (res && res.ok) {
      replaced = true;
      window.location.reload();
      return;
    }
    // a list changed meanwhile: only a new preview may replace it
    replaceButton.disabled = Boolean(res && res.status === 409);
    localTimes(res);
    S.showError(replaceForm, res);
  });
})();
