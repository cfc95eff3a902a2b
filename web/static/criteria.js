// The criteria page (web/templates/review_criteria_list.html). Its forms
// are the data-api forms of shinsa.js; this fills in what they cannot:
//   - the import form's query: ?format= from the select (none: the API
//     guesses from the name) and &name= the chosen file's name;
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
      form.dataset.api = "/api/v1/criteria" + (q.length ? "?" + q.join("&") : "");
    };
    format.addEventListener("change", update);
    file.addEventListener("change", update);
    update();
  }

  function numbers(text) {
    return text.split(/[^0-9]+/).filter(Boolean).map(Number);
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
    const have = numbers(input.value);
    const no = Number(b.dataset.take);
    if (!have.includes(no)) have.push(no);
    input.value = have.join(", ");
    sync(input);
    const rel = f.querySelector('select[name="relation"]');
    if (rel && rel.value === "none") rel.value = "intersects";
    const details = f.closest("details");
    if (details) details.open = true;
    input.focus();
  });
})();
