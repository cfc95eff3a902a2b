// The answers page opened from the submit panel's list of what is missing
// (/answers?missing=FIELD#item-N): the field of that item is focused and
// marked with words (「未記入：現状」), so the person sees at once what to
// fill in; the mark goes once they type in it. The words come from the page
// (#missing-words, {1} the field's label as the grid names it).
"use strict";

(function () {
  const field = new URLSearchParams(window.location.search).get("missing");
  const item = document.getElementById(window.location.hash.slice(1));
  const words = document.getElementById("missing-words");
  const grid = document.getElementById("grid");
  if (!field || !/^[a-z_]+$/.test(field) || !item || !words || !grid) return;
  const input = item.querySelector(`[name="${field}"]`);
  if (!input) return;
  // data-label-plan_due is dataset.labelPlan_due: only "-x" is camel-cased.
  const label = grid.dataset["label" + field.charAt(0).toUpperCase() + field.slice(1)];
  const mark = document.createElement("p");
  mark.className = "missing-mark";
  mark.id = `missing-${field}-${item.id}`;
  mark.textContent = window.shinsa.fill(words.dataset.pattern, [label || field]);
  input.insertAdjacentElement("beforebegin", mark);
  input.classList.add("missing");
  // The field's own hint (a 対応予定日's date forms) is still said after the mark.
  const hint = input.getAttribute("aria-describedby");
  input.setAttribute("aria-describedby", hint ? `${mark.id} ${hint}` : mark.id);
  const clear = () => {
    mark.remove();
    input.classList.remove("missing");
    if (hint) input.setAttribute("aria-describedby", hint);
    else input.removeAttribute("aria-describedby");
  };
  input.addEventListener("input", clear, { once: true });
  input.addEventListener("change", clear, { once: true });
  // After the browser's own scroll to #item-N, which moves the focus to
  // the page itself: focused before it, the field would lose it again.
  const focus = () => setTimeout(() => {
    input.focus();
    input.scrollIntoView({ block: "center" });
  }, 0);
  if (document.readyState === "complete") focus();
  else window.addEventListener("load", focus, { once: true });
})();
