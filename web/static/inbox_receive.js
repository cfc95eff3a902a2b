// The inbox's upload of a package exported on another Shinsa server
// (templates/review_inbox_receive.html): the zip is sent as it is to
// POST /api/v1/inbox/packages; the answer says which connector and
// version were received and the key's fingerprint to compare with the one
// the connector published, and links to the review. A file over the
// limit is refused here, before sending: the server would drop such a
// connection rather than answer it.
"use strict";

(function () {
  const form = document.getElementById("receive");
  if (!form) return;
  const result = form.querySelector(".receive-result");
  const button = form.querySelector("button[type=submit]");

  // kind: "good" (received), "bad" (refused here) or "" (under way).
  function say(lines, kind, link) {
    result.className = "receive-result notice" + (kind ? " " + kind : "");
    result.textContent = "";
    for (const l of lines) result.append(shinsa.el("p", l));
    if (link) {
      const a = shinsa.el("a", form.dataset.msgOpen);
      a.href = link;
      const p = shinsa.el("p");
      p.append(a);
      result.append(p);
    }
    result.hidden = false;
    result.focus();
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) return say([form.dataset.msgNone], "bad");
    if (file.size > Number(form.dataset.max)) return say([form.dataset.msgTooLarge], "bad");
    button.disabled = true;
    say([form.dataset.msgSending], "");
    const url = "/api/v1/inbox/packages?name=" + encodeURIComponent(file.name);
    const res = await shinsa.call("POST", url, file, "application/zip").catch(() => null);
    button.disabled = false;
    if (!res || !res.ok) {
      result.className = "receive-result notice bad";
      return shinsa.showError(result, res);
    }
    const j = res.json;
    say([shinsa.fill(form.dataset.msgDone, [j.connector, j.version, j.submission, j.files]),
      shinsa.fill(j.pinned ? form.dataset.msgPinned : form.dataset.msgKept, [j.fingerprint, j.connector])],
    "good", "/reviews/" + encodeURIComponent(String(j.submission)));
    form.reset();
  });
})();
