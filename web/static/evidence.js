// The connector's evidence files on the answers page (/answers): the
// organisation's list (#evidence: edit title, items and 有効期限; remove
// after a confirmation) and each item's files with the form that attaches
// one (templates/connector_item_files.html). One list draws both: the one
// the page was made with (#evidence's data-files, what GET
// /api/v1/attachments gives), then GET /api/v1/attachments after each change. An upload is
// checked for size before it is sent (a body over the server's allowance
// is dropped, not answered), sent with its progress, and a refusal is
// shown beside the field it is about; what was typed stays.
// Words come from #evidence's data-msg-* and <body>'s data-problem-*.
"use strict";

(function () {
  const shinsa = window.shinsa;
  const box = document.getElementById("evidence");
  if (!box) return;
  const d = box.dataset;
  const el = shinsa.el;
  let files = [];

  function sizeText(n) {
    if (n < 1024 * 1024) return shinsa.fill(d.msgSizeKb, [Math.max(1, Math.ceil(n / 1024))]);
    return shinsa.fill(d.msgSizeMb, [(n / (1024 * 1024)).toFixed(1)]);
  }

  // "expired", "expiring" (within 30 days of the server's today) or "".
  function expiry(a) {
    if (!a.valid_until || !d.today) return "";
    if (a.valid_until < d.today) return "expired";
    const soon = new Date(d.today + "T00:00:00Z");
    soon.setUTCDate(soon.getUTCDate() + 30);
    return a.valid_until <= soon.toISOString().slice(0, 10) ? "expiring" : "";
  }

  // 有効期限 with its mark; short: the date alone (under its column's head).
  function validNode(a, short) {
    const span = el("span", a.valid_until ? (short ? a.valid_until : shinsa.fill(d.msgValid, [a.valid_until])) : "", "valid");
    const state = expiry(a);
    if (state) span.append(" ", el("span", state === "expired" ? d.msgExpired : d.msgExpiring, "chip " + (state === "expired" ? "bad" : "warn")));
    return span;
  }

  // A kind in a sentence (a refusal's "内容（実行ファイル）").
  function kindText(t) {
    return d[shinsa.dataKey("msgKind", t)] || t;
  }

  // A kind as the lists show it ("PDF", "PNG 画像").
  function typeText(t) {
    return d[shinsa.dataKey("msgType", t)] || t;
  }

  function download(a) {
    const link = el("a", a.name);
    link.href = "/api/v1/attachments/" + a.id + "/file";
    link.setAttribute("download", "");
    return link;
  }

  // One file under an item: name (a download), title, kind, size, 有効期限.
  function itemLine(a) {
    const li = el("li", "", "file");
    li.dataset.attachment = String(a.id);
    li.append(download(a));
    if (a.title) li.append(" ", el("span", a.title, "file-title"));
    li.append(" ", el("span", typeText(a.type) + "・" + sizeText(a.size), "muted"));
    if (a.valid_until) li.append(" ", validNode(a));
    return li;
  }

  function libraryRow(a) {
    const tr = document.createElement("tr");
    tr.dataset.attachment = String(a.id);
    const cells = [download(a), a.title, a.items.join(d.msgItemSep), typeText(a.type), sizeText(a.size), validNode(a, true)];
    for (const c of cells) {
      const td = document.createElement("td");
      td.append(c);
      tr.append(td);
    }
    if (d.canEdit) {
      const td = document.createElement("td");
      const edit = el("button", d.msgEdit, "secondary");
      edit.type = "button";
      edit.addEventListener("click", () => openEdit(a));
      const remove = el("button", d.msgRemove, "danger");
      remove.type = "button";
      remove.addEventListener("click", () => removeFile(a));
      td.append(edit, " ", remove);
      tr.append(td);
    }
    return tr;
  }

  function draw() {
    const body = document.querySelector("#evidence-list tbody");
    body.replaceChildren(...files.map(libraryRow));
    box.querySelector(".evidence-table").hidden = !files.length;
    box.querySelector("[data-evidence-none]").hidden = files.length > 0;
    document.querySelectorAll("[data-files-for]").forEach((holder) => {
      const no = Number(holder.dataset.filesFor);
      const mine = files.filter((a) => a.items.includes(no));
      holder.querySelector("[data-files-list]").replaceChildren(...mine.map(itemLine));
      holder.querySelector("[data-files-none]").hidden = mine.length > 0;
    });
  }

  async function load() {
    let res = null;
    try {
      res = await shinsa.call("GET", "/api/v1/attachments");
    } catch (e) {
      res = null;
    }
    if (!res || !res.ok || !Array.isArray(res.json)) {
      box.querySelector(".evidence-state").textContent = d.msgLoadFailed;
      return;
    }
    files = res.json;
    draw();
  }

  // ---- a refusal beside its field ----

  // The field a refusal's code is about: items, valid_until, title or file.
  function fieldOf(code) {
    if (/^attachment_(no_items|item_)|^(not_a_list|range_backwards|list_too_long)$/.test(code || "")) return "items";
    if (/^not_(a_day|a_date|in_era)$/.test(code || "")) return "valid_until";
    if (code === "too_long") return "title";
    return "file";
  }

  function clearErrors(form) {
    form.querySelectorAll(".field-problem").forEach((p) => {
      p.hidden = true;
      p.textContent = "";
    });
    form.querySelectorAll("[aria-invalid]").forEach((i) => i.removeAttribute("aria-invalid"));
  }

  function showFieldError(form, field, text) {
    const name = field === "file" && !form.elements.file ? "title" : field;
    const input = form.elements[name];
    const p = document.getElementById(input.id + "-error");
    p.textContent = text;
    p.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }

  // The words of a refusal: the problem in <body>'s words, else the
  // page's generic lines (shinsa.showError's), one text.
  function refusalText(res) {
    const e = res && res.json && res.json.error;
    let p = e && Array.isArray(e.problems) && e.problems[0];
    // A file's kinds come as tokens ("pdf", "exe"): said in the page's words.
    if (p && /^attachment_(mismatch|refused)$/.test(p.code) && Array.isArray(p.args))
      p = Object.assign({}, p, { args: p.args.map((a, i) => (i ? kindText(a) : a)) });
    const words = p ? shinsa.problemText(document.body, p) : "";
    if (words) return { code: p.code, text: words };
    const tmp = document.createElement("div");
    tmp.append(el("div", ""));
    tmp.firstChild.setAttribute("role", "alert");
    shinsa.showError(tmp, res);
    return { code: e ? e.code : "", text: tmp.textContent };
  }

  // ---- attaching ----

  function send(url, file, onProgress) {
    return new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open("POST", url);
      x.setRequestHeader("X-CSRF-Token", document.querySelector('meta[name="csrf-token"]').content);
      x.setRequestHeader("Content-Type", "application/octet-stream");
      x.upload.addEventListener("progress", (ev) => ev.lengthComputable && onProgress(Math.floor((ev.loaded * 100) / ev.total)));
      x.addEventListener("load", () => {
        let json = null;
        try {
          json = JSON.parse(x.responseText);
        } catch (e) {
          json = null;
        }
        resolve({ ok: x.status >= 200 && x.status < 300, status: x.status, json: json });
      });
      x.addEventListener("error", () => resolve(null));
      x.send(file);
    });
  }

  async function attach(form) {
    clearErrors(form);
    const state = form.querySelector(".attach-state");
    const bar = form.querySelector("progress");
    const file = form.elements.file.files[0];
    if (!file) return showFieldError(form, "file", d.msgNoFile);
    const max = Number(d.maxBytes);
    if (max && file.size > max) {
      const mib = (file.size / (1024 * 1024)).toFixed(1);
      return showFieldError(form, "file", shinsa.problemText(document.body, { code: "attachment_too_large", args: [file.name, mib, d.maxMib] }));
    }
    const items = [form.elements.this_item.checked ? form.dataset.no : "", form.elements.items.value.trim()].filter(Boolean).join(",");
    if (!items) return showFieldError(form, "items", d.msgNoItems);
    const q = new URLSearchParams({ name: file.name, items: items });
    if (form.elements.title.value) q.set("title", form.elements.title.value);
    if (form.elements.valid_until.value.trim()) q.set("valid_until", form.elements.valid_until.value.trim());
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    const progress = (pc) => {
      bar.value = pc;
      state.textContent = shinsa.fill(d.msgSending, [pc]);
    };
    progress(0);
    const res = await send("/api/v1/attachments?" + q.toString(), file, progress);
    button.disabled = false;
    bar.hidden = true;
    state.textContent = "";
    if (!res || !res.ok) {
      const r = refusalText(res);
      return showFieldError(form, fieldOf(r.code), r.text);
    }
    form.reset();
    state.textContent = shinsa.fill(d.msgAttached, [res.json.name]);
    await load();
  }

  document.querySelectorAll(".attach-form").forEach((form) => {
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      attach(form);
    });
  });

  // ---- the library: edit and remove ----

  const edit = document.getElementById("evidence-edit");
  let editing = null;

  // "２、３、5〜7" as numbers (the API's PATCH takes an array); null if a
  // part is not a number or a range.
  function numbers(text) {
    const out = [];
    for (const part of text.normalize("NFKC").split(/[、,，\s]+/).filter(Boolean)) {
      const m = /^(\d+)(?:[〜~～\-ー](\d+))?$/.exec(part);
      if (!m) return null;
      const lo = Number(m[1]), hi = m[2] ? Number(m[2]) : lo;
      if (hi < lo || hi - lo > 1000) return null;
      for (let n = lo; n <= hi; n++) out.push(n);
    }
    return out;
  }

  function openEdit(a) {
    editing = a;
    clearErrors(edit);
    edit.querySelector("#evidence-edit-head").textContent = shinsa.fill(d.msgEditHeading, [a.name]);
    edit.elements.title.value = a.title;
    edit.elements.items.value = a.items.join(d.msgItemSep);
    edit.elements.valid_until.value = a.valid_until || "";
    edit.hidden = false;
    edit.elements.title.focus();
  }

  if (edit) {
    edit.querySelector("[data-edit-cancel]").addEventListener("click", () => {
      edit.hidden = true;
      editing = null;
    });
    edit.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      clearErrors(edit);
      const items = numbers(edit.elements.items.value);
      if (!items) {
        const p = { code: "not_a_list", args: [edit.elements.items.value] };
        return showFieldError(edit, "items", shinsa.problemText(document.body, p));
      }
      const valid = edit.elements.valid_until.value.trim();
      const body = { title: edit.elements.title.value, items: items, valid_until: valid || null };
      let res = null;
      try {
        res = await shinsa.call("PATCH", "/api/v1/attachments/" + editing.id, body);
      } catch (e) {
        res = null;
      }
      if (!res || !res.ok) {
        const r = refusalText(res);
        return showFieldError(edit, fieldOf(r.code), r.text);
      }
      edit.hidden = true;
      box.querySelector(".evidence-state").textContent = shinsa.fill(d.msgSaved, [editing.name]);
      editing = null;
      await load();
    });
  }

  async function removeFile(a) {
    if (!window.confirm(shinsa.fill(d.msgConfirmRemove, [a.name]))) return;
    let res = null;
    try {
      res = await shinsa.call("DELETE", "/api/v1/attachments/" + a.id);
    } catch (e) {
      res = null;
    }
    const line = box.querySelector(".evidence-state");
    line.textContent = res && res.ok ? shinsa.fill(d.msgRemoved, [a.name]) : refusalText(res).text;
    await load();
  }

  // The files as the page was made (data-files): no request at load.
  let given = null;
  try {
    given = JSON.parse(d.files || "null");
  } catch (e) {
    given = null;
  }
  if (Array.isArray(given)) {
    files = given;
    draw();
  } else {
    load();
  }
})();
