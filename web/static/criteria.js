// The criteria page (web/templates/review_criteria_list.html). Its forms
// are the data-api forms of shinsa.js; this fills in what they cannot:
//   - the import form's query (its data-query, for criteria_preview.js):
//     format= from the select (none: the API guesses from the name) and
//     name= the chosen file's name;
//   - a mapping form's items: the numbers typed ("1, 2") into the hidden
//     JSON field the form sends ([1,2]);
//   - a suggestion's button adds its item to that criterion's form and
//     opens it, to be saved with the form's own button.
"use strict";

(function () {
  const form = document.getElementById("criteria-import");
  if (form) {
    const format = document.getElementById("import-format");
    const file = document.getElementById("import-file");
    const update = function () {
      const q = [];
      if (format.value) q.push("format=" + encodeURIComponent(format.value));
      if (file.files[0]) q.push("name=" + encodeURIComponent(file.files[0].name));
      form.dataset.query = q.join("&");
    };
    format.addEventListener("change", update);
    file.addEventListener("change", update);
    update();
  }

  // The numbers in text as typed in Japan (全角 digits, 2〜5 ranges), for
  // the hidden field and to see whether a suggestion is there already; the
  // server reads the text itself (items_text, lib/jpinput.h).
  function numbers(text) {
    const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    const out = [];
    for (const m of t.matchAll(/(\d+)\s*(?:[〜～~\-－]\s*(\d+))?/g)) {
      const a = Number(m[1]), b = m[2] ? Number(m[2]) : a;
      for (let k = a; k <= b && k - a < 1000; k++) out.push(k);
    }
    return out;
  }

  function sync(input) {
    const hidden = input.form.querySelector('input[name="items"]');
    hidden.value = JSON.stringify(numbers(input.value));
  }

  for (const input of document.querySelectorAll("form.mapping .items-text")) {
    input.addEventListener("input", () => sync(input));
  }

  document.addEventListener("click", function (ev) {
    const b = ev.target.closest("button[data-take]");
    if (!b) return;
    const f = document.getElementById(b.dataset.form);
    if (!f) return;
    const input = f.querySelector(".items-text");
    const no = Number(b.dataset.take);
    // Added to the text as it was typed (never rewritten: 2〜5 stays 2〜5).
    if (!numbers(input.value).includes(no)) {
      const typed = input.value.replace(/[\s、,，・]+$/, "");
      input.value = typed ? typed + "、" + no : String(no);
    }
    sync(input);
    const rel = f.querySelector('select[name="relation"]');
    if (rel && rel.value === "none") rel.value = "intersects";
    const details = f.closest("details");
    if (details) details.open = true;
    input.focus();
  });
})();
