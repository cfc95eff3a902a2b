// What every Shinsa page shares. No inline script: the CSP allows scripts
// from this origin only. Pages render on the server; their forms change
// things through the JSON API, with the CSRF token the page carries in
// <meta name="csrf-token">. Messages come from the page (data-msg-* on
// <body>), so this file speaks no language of its own.
//
//   <form data-api="/api/v1/x" data-method="PUT">   fields sent as JSON:
//       data-type="int" | "json" | "lines" | "list" (checkboxes gathered
//       into an array; data-int on them for numbers) on a field;
//       data-empty="omit" | "null" for an empty field; the form's
//       data-confirm asks first, data-next="/x/{id}" goes there after
//       (with {key} from the answer), data-stay stays, else the page
//       reloads. A [role=alert] inside the form shows what went wrong;
//       an error with "problems" (a file's reader) is said with the form's
//       data-problem-CODE words ({1}… its values) under its
//       data-msg-problems line, each after its place ("基準.csv:3：…"),
//       whatever the status; a problem with "items" (a refused decision)
//       has them as its {2}, each a link to data-item-href + N, joined by
//       data-list-sep.
//   <form data-api=... data-upload>   the chosen file's bytes as the body
//       (data-content-type, else the file's type); ?filename= is added.
//   <button data-action="logout">     signs out.
//   <select|input data-filter="KEY" data-target="#id">   shows only the
//       [data-row] elements of #id whose data-KEY holds the value (words
//       separated by spaces; data-filter="text" matches the row's text,
//       its [data-text] if it has one, full-width and half-width alike);
//       a [data-group] with none shown is hidden; [data-count-for="#id"]
//       shows how many rows are shown.
"use strict";

(function () {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.content : "";

  function msg(key) {
    return document.body.dataset["msg" + key] || key;
  }

  // opts.keepalive: the request outlives the page (a save as it closes).
  async function call(method, url, payload, contentType, opts) {
    const headers = { "X-CSRF-Token": csrf };
    let body = payload;
    if (contentType) {
      headers["Content-Type"] = contentType;
    } else if (payload !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(payload);
    }
    const r = await fetch(url, {
      method: method,
      headers: headers,
      body: body,
      credentials: "same-origin",
      keepalive: Boolean(opts && opts.keepalive),
    });
    let json = null;
    try {
      json = await r.json();
    } catch (e) {
      json = null;
    }
    return { ok: r.ok, status: r.status, json: json, retryAfter: r.headers.get("Retry-After") };
  }

  // The dataset key of data-PREFIX-A-B for a code "a_b": "prefixAB".
  function dataKey(prefix, code) {
    return prefix + code.split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  }

  // A page's words (a {{pattern}} message) with {1}… filled from args;
  // a placeholder with no value stays as written.
  function fill(words, args) {
    return words.replace(/\{([1-9])\}/g, (m, d) => (d <= args.length ? String(args[d - 1]) : m));
  }

  // A problem in the page's words: holder's data-problem-CODE filled from
  // its values; "" when the page has no words for its code.
  function problemText(holder, p) {
    const words = holder && typeof p.code === "string" ? holder.dataset[dataKey("problem", p.code)] : "";
    if (!words) return "";
    return fill(words, Array.isArray(p.args) ? p.args : []);
  }

  // A problem's words as a node whose {2} is its items (a refused
  // decision's 通番), each a link to holder's data-item-href + N, joined by
  // its data-list-sep; "" when the page has no words for its code.
  function problemItems(holder, p) {
    const words = holder.dataset[dataKey("problem", p.code)];
    if (!words) return "";
    const args = (Array.isArray(p.args) ? p.args : []).slice();
    const list = document.createElement("span");
    p.items.forEach((n, i) => {
      if (i) list.append(holder.dataset.listSep || ", ");
      const a = document.createElement("a");
      a.href = holder.dataset.itemHref + encodeURIComponent(String(n));
      a.textContent = String(n);
      list.append(a);
    });
    const out = document.createElement("span");
    const [head, ...rest] = words.split("{2}");
    out.append(fill(head, args));
    for (const part of rest) out.append(list.cloneNode(true), fill(part, args));
    return out;
  }

  // The problems of e in holder's words, each after its place; null when
  // there are none or one has no words (the API's own lines say it then).
  // A line is a string, or a node when its items are links.
  function problemLines(holder, e) {
    if (!holder || !holder.dataset.msgProblems || !e || !Array.isArray(e.problems) || !e.problems.length) return null;
    const lines = [holder.dataset.msgProblems];
    for (const p of e.problems) {
      const linked = Array.isArray(p.items) && holder.dataset.itemHref !== undefined;
      const words = linked ? problemItems(holder, p) : problemText(holder, p);
      if (!words) return null;
      lines.push(p.cell ? p.cell + msg("Placesep") + words : words);
    }
    return lines;
  }

  // The problems of a refusal in <body>'s words (data-problem-CODE); null
  // when there are none or one has no words there.
  function bodyProblems(e) {
    if (!e || !Array.isArray(e.problems) || !e.problems.length) return null;
    const out = [];
    for (const p of e.problems) {
      const words = problemText(document.body, p);
      if (!words) return null;
      out.push(words);
    }
    return out;
  }

  // The API's error as lines for people: what failed, then each detail;
  // a file's problems in the words of holder (the form), when it has them.
  function errorLines(res, holder) {
    if (!res) return [msg("Network")];
    const e = res.json && res.json.error ? res.json.error : null;
    // Problems the page has words for, whatever the status (a file's
    // reader, a decision refused for its items: 409).
    const worded = problemLines(holder, e);
    if (worded) return worded;
    if (res.status === 409) {
      const worded409 = bodyProblems(e);
      // A refusal with words of its own says just that: the generic
      // line is about an edit made elsewhere, which this may not be.
      if (worded409) return worded409;
      const m = e && document.documentElement.lang === "en" ? e.message : "";
      return [msg("Conflict"), m].filter(Boolean);
    }
    // The page's words for the error's code first; the API's own message
    // (English, but it names what is wrong) and details under it.
    const code = e && typeof e.code === "string" ? e.code : "";
    // A refusal the page made itself (no file chosen, bad JSON) has no
    // code: its message is already the page's own words.
    if (!code && e && e.message) return [e.message];
    const said = code && document.body.dataset[dataKey("err", code)];
    const lines = [said || msg("Failed") + "（" + res.status + "）"];
    // A refusal's problem (its rule, its values) in the words every page
    // carries on <body> ({{patterns problem}} in head.html); its English message is for
    // API clients.
    const refusal = bodyProblems(e);
    if (refusal) return lines.concat(refusal);
    // No words for it: the API's own message only on an English page; a
    // Japanese page keeps to its generic line.
    if (document.documentElement.lang !== "en") return lines;
    if (e && e.message) lines.push(msg("Detail") + e.message);
    if (e && Array.isArray(e.details)) for (const d of e.details) lines.push(String(d));
    return lines;
  }

  function showError(where, res) {
    const box = where.querySelector('[role="alert"]') || where;
    box.textContent = "";
    const lines = errorLines(res, where.closest ? where.closest("form") : null);
    if (lines.length === 1) {
      box.textContent = lines[0];
    } else {
      const p = document.createElement("p");
      p.textContent = lines[0];
      const ul = document.createElement("ul");
      for (const l of lines.slice(1)) {
        const li = document.createElement("li");
        li.append(l);
        ul.appendChild(li);
      }
      box.append(p, ul);
    }
    box.hidden = false;
    if (box.focus) box.focus();
  }

  function fieldValue(el) {
    const t = el.dataset.type;
    let v = el.value;
    if (v === "" && el.dataset.empty === "omit") return undefined;
    if (v === "" && el.dataset.empty === "null") return null;
    if (t === "int") return v === "" ? null : Number(v);
    if (t === "json") return v === "" ? null : JSON.parse(v);
    if (t === "lines") return v.split("\n").map((s) => s.trim()).filter(Boolean);
    return v;
  }

  function formJson(form) {
    const out = {};
    for (const el of form.elements) {
      if (!el.name || el.disabled || el.type === "submit" || el.type === "button" || el.type === "file") continue;
      if (el.type === "checkbox" && el.dataset.type === "list") {
        if (!out[el.name]) out[el.name] = [];
        if (el.checked) out[el.name].push(el.dataset.int !== undefined ? Number(el.value) : el.value);
        continue;
      }
      if (el.type === "checkbox") {
        out[el.name] = el.checked;
        continue;
      }
      if (el.type === "radio" && !el.checked) continue;
      const v = fieldValue(el);
      if (v !== undefined) out[el.name] = v;
    }
    return out;
  }

  function nextUrl(template, json) {
    return template.replace(/\{([a-z_]+)\}/g, function (m, k) {
      return json && json[k] !== undefined ? encodeURIComponent(json[k]) : m;
    });
  }

  async function send(form) {
    const method = form.dataset.method || "POST";
    if (form.dataset.upload === undefined) {
      let payload;
      try {
        payload = formJson(form);
      } catch (e) {
        return { ok: false, status: 400, json: { error: { message: msg("Badjson") } } };
      }
      return call(method, form.dataset.api, payload);
    }
    const input = form.querySelector('input[type="file"]');
    const file = input && input.files[0];
    if (!file) return { ok: false, status: 400, json: { error: { message: msg("Nofile") } } };
    const url = form.dataset.api + (form.dataset.api.includes("?") ? "&" : "?") + "filename=" + encodeURIComponent(file.name);
    return call(method, url, file, form.dataset.contentType || file.type || "application/octet-stream");
  }

  document.addEventListener("submit", async function (ev) {
    const form = ev.target;
    if (!form.matches("form[data-api]")) return;
    ev.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    const buttons = form.querySelectorAll('button[type="submit"], button:not([type])');
    buttons.forEach((b) => (b.disabled = true));
    const box = form.querySelector('[role="alert"]');
    if (box) box.hidden = true;
    let res = null;
    try {
      res = await send(form);
    } catch (e) {
      res = null;
    }
    buttons.forEach((b) => (b.disabled = false));
    if (!res || !res.ok) {
      showError(form, res);
      form.dispatchEvent(new CustomEvent("shinsa:failed", { detail: res, bubbles: true }));
      return;
    }
    form.dispatchEvent(new CustomEvent("shinsa:done", { detail: res, bubbles: true }));
    if (form.dataset.stay !== undefined) return;
    if (form.dataset.next) window.location.assign(nextUrl(form.dataset.next, res.json));
    else window.location.reload();
  });

  document.addEventListener("click", async function (ev) {
    const b = ev.target.closest('[data-action="logout"]');
    if (!b) return;
    try {
      await call("DELETE", "/api/v1/session");
    } finally {
      window.location.assign("/login");
    }
  });

  // Text as the search compares it: full-width and half-width alike
  // (ＡＰＩ = API, ｱ = ア), case ignored.
  function fold(s) {
    return s.normalize("NFKC").toLowerCase();
  }
  // What a row's text search reads: its [data-text] (the table's cells,
  // not the form's choices), else all of it.
  function folded(row) {
    return fold((row.querySelector("[data-text]") || row).textContent);
  }

  function applyFilters(target) {
    const root = document.querySelector(target);
    if (!root) return;
    const controls = document.querySelectorAll('[data-filter][data-target="' + target + '"]');
    let shown = 0;
    for (const row of root.querySelectorAll("[data-row]")) {
      let ok = true;
      for (const c of controls) {
        const v = c.type === "checkbox" ? (c.checked ? c.value : "") : c.value.trim();
        if (!v) continue;
        const key = c.dataset.filter;
        if (key === "text") ok = ok && folded(row).includes(fold(v));
        else ok = ok && (row.dataset[key] || "").split(" ").includes(v);
      }
      row.hidden = !ok;
      if (ok) shown++;
    }
    for (const g of root.querySelectorAll("[data-group]")) g.hidden = !g.querySelector("[data-row]:not([hidden])");
    for (const out of document.querySelectorAll('[data-count-for="' + target + '"]')) out.textContent = String(shown);
  }

  for (const c of document.querySelectorAll("[data-filter][data-target]")) {
    c.addEventListener("input", () => applyFilters(c.dataset.target));
    c.addEventListener("change", () => applyFilters(c.dataset.target));
  }
  const targets = new Set(Array.from(document.querySelectorAll("[data-filter][data-target]"), (c) => c.dataset.target));
  targets.forEach(applyFilters);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // A save refused because the item changed elsewhere (409): into box,
  // words.message, then side by side what is saved now (words.theirs) and
  // what the person typed (words.yours), one row per field: rows are
  // [label, theirs, yours]. Then a button (words.load) that calls onLoad;
  // after it only what was typed stays on screen, until the page is left.
  function conflict(box, words, rows, onLoad) {
    box.textContent = "";
    box.append(el("p", words.message));
    const pair = el("div", undefined, "conflict-pair");
    for (const [title, side] of [[words.theirs, 1], [words.yours, 2]]) {
      const part = el("div");
      part.append(el("p", title, "conflict-title"));
      const dl = el("dl", undefined, "facts");
      for (const r of rows) dl.append(el("dt", r[0]), el("dd", r[side] === null || r[side] === undefined ? "" : String(r[side]), "text"));
      part.append(dl);
      pair.append(part);
    }
    box.append(pair);
    const load = el("button", words.load, "secondary");
    load.type = "button";
    load.addEventListener("click", function () {
      onLoad();
      load.remove();
      box.querySelector("p").remove();
      pair.firstChild.remove();
    });
    box.append(load);
    box.hidden = false;
    box.focus();
  }

  // The browser asks before the page is left while unsaved() is true;
  // flush() (if given) starts what saves can still be started.
  function guardUnsaved(unsaved, flush) {
    window.addEventListener("beforeunload", function (ev) {
      if (!unsaved()) return;
      if (flush) flush();
      ev.preventDefault();
      ev.returnValue = "";
    });
  }

  window.shinsa = {
    applyFilters: applyFilters,
    conflict: conflict,
    el: el,
    guardUnsaved: guardUnsaved,
    call: call,
    csrf: csrf,
    msg: msg,
    fill: fill,
    showError: showError,
    formJson: formJson,
    dataKey: dataKey,
    problemText: problemText,
  };
})();

// Phones and narrow windows: under 700px (shinsa.css) a table of the page
// is read as one block per row, each cell under its column's header. The
// header's words go on each cell as data-label (the page's own words, so
// this speaks no language either) and the table gets class "stack". Rows
// a script adds later (a refreshed list) are labelled as they come. A table
// whose head spans columns is left as it is: its cells have no one header.
(function () {
  "use strict";
  function label(table) {
    const head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!head) return;
    const names = [];
    for (const th of head.cells) {
      if (th.colSpan > 1) return;
      names.push(th.textContent.replace(/\s+/g, " ").trim());
    }
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        // A row whose cells span columns (a group's title) stays whole.
        if (row.cells.length !== names.length) continue;
        for (let i = 0; i < row.cells.length; i++)
          if (names[i] && !row.cells[i].hasAttribute("data-label")) row.cells[i].setAttribute("data-label", names[i]);
      }
    }
    table.classList.add("stack");
  }
  function labelAll() {
    document.querySelectorAll("main table").forEach(label);
  }
  document.addEventListener("DOMContentLoaded", function () {
    labelAll();
    const main = document.querySelector("main");
    if (main) new MutationObserver(labelAll).observe(main, { childList: true, subtree: true });
  });
})();

// File inputs in the page's language (templates/file_pick.html): the
// browser's own "Choose File / No file chosen" is in the browser's
// language, so each input followed by a .file-pick is hidden visually
// (it keeps its focus and keys: Space opens the chooser) and the
// .file-pick shows a label styled as a button and the chosen file's
// name, or its "none" words when none is chosen.
(function () {
  "use strict";
  function filePick(pick) {
    const input = pick.previousElementSibling;
    if (!input || input.type !== "file" || !input.id) return;
    const name = pick.querySelector(".file-pick-name");
    pick.querySelector("label").htmlFor = input.id;
    const show = function () {
      const names = Array.from(input.files || [], (f) => f.name);
      name.textContent = names.length ? names.join("、") : name.dataset.none;
    };
    input.addEventListener("change", show);
    // A reset (or a script's reset) empties the input without "change".
    if (input.form) input.form.addEventListener("reset", () => setTimeout(show, 0));
    input.classList.add("file-pick-input");
    pick.hidden = false;
    show();
  }
  // For a script that adds such an input later (a row put back after a save).
  window.shinsa.filePick = filePick;
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".file-pick").forEach(filePick);
  });
})();
