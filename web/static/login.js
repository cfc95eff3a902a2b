// The sign-in page: posts the form as JSON to /api/v1/session and goes on
// to where the person was going (data-next on the form, a path of ours
// the server checked), or to the password change a one-time password
// needs. Messages come from the form's data-msg-* attributes; the
// throttled one has "{1}" for the wait Retry-After gives.
"use strict";

(function () {
  const form = document.getElementById("login");
  if (!form) return;
  const message = form.querySelector('[role="alert"]');

  function show(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    show("");
    const body = { email: form.email.value, password: form.password.value };
    if (form.totp.value.trim() !== "") body.totp = form.totp.value.trim();
    let res = null;
    try {
      res = await window.shinsa.call("POST", "/api/v1/session", body);
    } catch (e) {
      res = null;
    }
    // Refused only for the TOTP code: the password stays typed (in this
    // page only; the retry sends it again and the server checks it again)
    // and the code is asked for alone. Any other answer clears it.
    if (res && res.status === 401 && res.json && res.json.error && res.json.error.code === "code_required") {
      form.totp.value = "";
      show(form.dataset.msgCode);
      form.totp.focus();
      return;
    }
    form.password.value = "";
    if (!res) show(window.shinsa.msg("Network"));
    else if (res.ok) window.location.assign(res.json.must_change_password ? "/account/password" : form.dataset.next || "/");
    else if (res.status === 429)
      // Retry-After is in seconds; said in whole minutes, rounded up.
      show(window.shinsa.fill(form.dataset.msgThrottled, [Math.max(1, Math.ceil(Number(res.retryAfter || 60) / 60))]));
    else if (res.status === 401) show(form.dataset.msgDenied);
    else window.shinsa.showError(message, res);
  });
})();
