// The sign-in page: posts the form as JSON to /api/v1/session, keeps the
// CSRF token in memory only, and signs out with it. No inline script: the
// page's Content-Security-Policy allows scripts from this origin alone.
"use strict";

(function () {
  const form = document.getElementById("login");
  const message = document.getElementById("message");
  const panel = document.getElementById("signed-in");
  let csrf = null;

  function show(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function signedIn(me) {
    csrf = me.csrf_token || null;
    document.getElementById("who").textContent =
      me.org.name + " — " + me.email + "（" + me.role + "）";
    document.getElementById("change-password").hidden = !me.must_change_password;
    form.hidden = true;
    panel.hidden = false;
  }

  form.addEventListener("submit", async function (ev) {
    ev.preventDefault();
    show("");
    const body = {
      email: form.email.value,
      password: form.password.value,
    };
    if (form.totp.value.trim() !== "") body.totp = form.totp.value.trim();
    try {
      const r = await fetch("/api/v1/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
      const data = await r.json();
      form.password.value = "";
      if (r.ok) signedIn(data);
      else if (r.status === 429) show("試行回数が多すぎます。しばらくしてからお試しください。");
      else if (r.status === 401) show("メールアドレス、パスワードまたは確認コードが正しくありません。");
      else show(data.error ? data.error.message : "サインインできませんでした。");
    } catch (e) {
      show("サーバーに接続できませんでした。");
    }
  });

  document.getElementById("logout").addEventListener("click", async function () {
    await fetch("/api/v1/session", {
      method: "DELETE",
      headers: { "X-CSRF-Token": csrf || "" },
      credentials: "same-origin",
    });
    csrf = null;
    panel.hidden = true;
    form.hidden = false;
    form.email.focus();
  });

})();
