// The connector's answers page (/answers): each item's form saves itself
// as it is typed (800 ms after the last keystroke, and when a field loses
// focus; the 対応予定日 only when it loses focus) with PUT
// /api/v1/answers/{no}, sending the revision it read; a 409 means someone
// else changed the item: nothing was saved, the other version is shown
// beside what the person typed, and a button loads it.
// Also the Excel import: a dry run first, then the import itself.
// Messages come from the page (data-msg-* / data-label-*).
"use strict";

(function () {
  const shinsa = window.shinsa;
  const grid = document.getElementById("grid");
  const FIELDS = ["status", "current", "issues", "plan", "plan_due", "notes"];
  const CHIPS = { implemented: "good", partial: "warn", not_implemented: "bad", not_applicable: "info", "": "none" };

  const el = shinsa.el;

  // The answer's values as the form holds them, for the API.
  function values(form) {
    const out = {};
    for (const f of FIELDS) {
      const v = form.elements[f].value;
      out[f] = (f === "status" || f === "plan_due") && v === "" ? null : v;
    }
    return out;
  }

  // The chip and the row's filter data follow what was saved.
  function showSaved(form, item) {
    const row = form.closest("[data-row]");
    const status = item.status || "";
    const select = form.elements.status;
    const chip = row.querySelector(".answer-head .chip");
    if (chip) {
      chip.className = "chip " + CHIPS[status];
      chip.textContent = status ? select.options[select.selectedIndex].textContent : chip.dataset.unset || chip.textContent;
    }
    row.dataset.status = status || "unset";
    row.dataset.plan = item.plan || item.plan_due ? "open" : "";
    recount();
  }

  // The counts at the top follow the rows (the connector's and common
  // items: the bank's are not the connector's to answer).
  function recount() {
    const n = {};
    for (const row of grid.querySelectorAll('[data-row]:not([data-party="bank"])')) {
      n[row.dataset.status] = (n[row.dataset.status] || 0) + 1;
    }
    for (const key of ["implemented", "partial", "not_implemented", "not_applicable", "unset"]) {
      const out = document.getElementById("count-" + key);
      if (out) out.textContent = String(n[key] || 0);
    }
  }

  function stateLine(form, text) {
    const p = form.querySelector(".save-state");
    if (p) p.textContent = text;
  }

  function conflictBox(form, current, typed) {
    // shown() is the import's, below: a status by its label.
    const rows = FIELDS.map((f) => [grid.getAttribute("data-label-" + f), shown(f, current[f]), shown(f, typed[f])]);
    const words = { message: grid.dataset.msgConflict, theirs: grid.dataset.msgTheirs, yours: grid.dataset.msgYours, load: grid.dataset.msgLoad };
    shinsa.conflict(form.querySelector(".conflict"), words, rows, function () {
      for (const f of FIELDS) form.elements[f].value = current[f] === null ? "" : current[f];
      form.dataset.revision = current.revision;
      delete form.dataset.conflict;
      showSaved(form, current);
      stateLine(form, "");
    });
  }

  async function save(form) {
    clearTimeout(form._timer);
    if (form.dataset.conflict || !form._dirty) return;
    if (form._saving) {
      form._again = true;
      return;
    }
    form._dirty = false;
    form._saving = true;
    const payload = values(form);
    payload.revision = form.dataset.revision;
    stateLine(form, shinsa.msg("Saving"));
    let res = null;
    try {
      // keepalive: a save started as the person leaves the page still
      // reaches the server. Browsers allow it for bodies up to 64 KiB and
      // refuse the request outright past that, so the bytes are counted:
      // a kanji is one character of the string but three bytes sent.
      const bytes = new TextEncoder().encode(JSON.stringify(payload)).length;
      res = await shinsa.call("PUT", "/api/v1/answers/" + form.dataset.no, payload, undefined,
        { keepalive: bytes < 60000 });
    } catch (e) {
      res = null;
    }
    form._saving = false;
    if (res && res.ok) {
      form.dataset.revision = res.json.revision;
      form.querySelector(".conflict").hidden = true;
      showSaved(form, res.json);
      stateLine(form, shinsa.msg("Saved"));
    } else if (res && res.status === 409 && res.json && res.json.error && res.json.error.current) {
      form.dataset.conflict = "1";
      stateLine(form, "");
      delete payload.revision;
      conflictBox(form, res.json.error.current, payload);
      return;
    } else {
      form._dirty = true;
      stateLine(form, "");
      const box = form.querySelector(".conflict");
      shinsa.showError(box, res);
    }
    if (form._again) {
      form._again = false;
      form._dirty = true;
      save(form);
    }
  }

  if (grid) {
    for (const form of grid.querySelectorAll("form.answer-form")) {
      const chip = form.closest("[data-row]").querySelector(".answer-head .chip");
      if (chip && form.elements.status.value === "") chip.dataset.unset = chip.textContent;
      form.addEventListener("submit", (ev) => ev.preventDefault());
      form.addEventListener("input", function (ev) {
        form._dirty = true;
        clearTimeout(form._timer);
        // A date is saved when its field is left: 令和9年 half typed is
        // no date yet, and a refusal while typing would only distract.
        if (ev.target.name === "plan_due") return;
        form._timer = setTimeout(() => save(form), 800);
      });
      form.addEventListener("change", function () {
        form._dirty = true;
      });
      form.addEventListener("focusout", () => save(form));
    }
    // Typed but not yet saved (or saving): the browser asks before leaving.
    const forms = () => Array.from(grid.querySelectorAll("form.answer-form"));
    shinsa.guardUnsaved(() => forms().some((f) => f._dirty || f._saving), () => forms().forEach(save));
    // One item saved now, as its own save does it (answers_table.js sets
    // several rows' status through this): true when it was saved.
    shinsa.saveAnswer = async function (form) {
      while (form._saving) await new Promise((r) => setTimeout(r, 50));
      form._dirty = true;
      await save(form);
      return !form._dirty && !form.dataset.conflict;
    };
  }

  // ---- Excel import: check (dry run), then import ----
  const imp = document.getElementById("import");
  if (!imp) return;
  const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const result = imp.querySelector(".import-result");
  const apply = document.getElementById("import-apply");

  function upload(dry) {
    const file = imp.elements.file.files[0];
    if (!file) return Promise.resolve({ ok: false, status: 400, json: { error: { message: shinsa.msg("Nofile") } } });
    const url = "/api/v1/answers/import?dry_run=" + (dry ? "1" : "0") + "&filename=" + encodeURIComponent(file.name);
    return shinsa.call("POST", url, file, XLSX).catch(() => null);
  }

  // A value as the grid shows it: a status by its label (対応済), not its
  // API name (implemented).
  function shown(field, v) {
    if (v === null || v === undefined) return "";
    if (field === "status") {
      const o = grid.querySelector('select[name="status"] option[value="' + CSS.escape(String(v)) + '"]');
      if (o) return o.textContent;
    }
    return String(v);
  }

  // A table with these column headings, added to the result: its body.
  function table(cls, headings) {
    const t = el("table", undefined, cls);
    const head = el("tr");
    for (const h of headings) {
      const th = el("th", h);
      th.scope = "col";
      head.append(th);
    }
    t.append(el("thead"), el("tbody"));
    t.tHead.append(head);
    result.append(t);
    return t.tBodies[0];
  }

  // A problem in the page's words; the API's English line (without its
  // cell, shown beside it) for a code the page has no words for.
  function problemText(p, line) {
    return shinsa.problemText(imp, p) || (line.startsWith(p.cell + ": ") ? line.slice(p.cell.length + 2) : line);
  }

  // Whether res is the reader's 422 with its problems as data.
  function problems(res) {
    return Boolean(res && res.status === 422 && res.json && res.json.error && Array.isArray(res.json.error.problems));
  }

  // A 422 from the reader: every problem with its cell ("SHEET!E6") in a
  // table, the cell first, so that the user can find each one in Excel.
  // The API keeps at most 200; its message counts them all.
  function showProblems(json) {
    const e = json.error;
    const total = /^(\d+) error/.exec(e.message || "");
    const n = total ? Number(total[1]) : e.problems.length;
    result.textContent = "";
    result.append(el("p", shinsa.fill(imp.dataset.msgErrors, [n])));
    const body = table("import-problems", [imp.dataset.msgCell, imp.dataset.msgProblem]);
    e.problems.forEach((p, i) => {
      const tr = el("tr");
      tr.append(el("td", p.cell), el("td", problemText(p, String((e.details || [])[i] || ""))));
      body.append(tr);
    });
    if (n > e.problems.length) result.append(el("p", shinsa.fill(imp.dataset.msgMore, [n - e.problems.length])));
  }

  function showChanges(json) {
    result.textContent = "";
    const changes = json.changes || [];
    if (!changes.length) {
      result.append(el("p", imp.dataset.msgNochange));
      result.hidden = false;
      return false;
    }
    result.append(el("p", imp.dataset.msgChanges));
    const body = table("import-changes", [imp.dataset.msgItem, imp.dataset.msgField, imp.dataset.msgBefore, imp.dataset.msgAfter]);
    for (const c of changes) {
      for (const f of c.fields) {
        const tr = el("tr");
        tr.append(el("td", String(c.no)), el("td", grid.getAttribute("data-label-" + f.field) || f.field));
        const before = el("td");
        before.append(el("del", shown(f.field, f.before)));
        const after = el("td");
        after.append(el("ins", shown(f.field, f.after)));
        tr.append(before, after);
        body.append(tr);
      }
    }
    result.hidden = false;
    return true;
  }

  imp.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    apply.hidden = true;
    result.hidden = true;
    const res = await upload(true);
    if (problems(res)) {
      showProblems(res.json);
      result.hidden = false;
      result.focus();
      return;
    }
    if (!res || !res.ok) {
      result.textContent = "";
      const box = el("div", undefined, "message");
      box.setAttribute("role", "alert");
      result.append(box);
      shinsa.showError(box, res);
      result.hidden = false;
      return;
    }
    if (showChanges(res.json)) apply.hidden = false;
    result.focus();
  });

  apply.addEventListener("click", async function () {
    apply.disabled = true;
    const res = await upload(false);
    apply.disabled = false;
    if (problems(res)) {
      // the file changed on disk since the check: its problems as the check shows them
      apply.hidden = true;
      showProblems(res.json);
      result.focus();
      return;
    }
    if (!res || !res.ok) {
      shinsa.showError(result, res);
      return;
    }
    result.textContent = imp.dataset.msgDone;
    window.location.reload();
  });
})();
