// The account pages (/account, /account/password, /admin/users). The forms are
// shinsa.js data-api forms; this file adds what they cannot say alone:
// the new password typed twice, and what an answer shows once — the QR
// code and secret of a TOTP enrolment, the recovery codes, a new API
// token, a new user's one-time password. Everything is set as text or
// attributes, never as markup.
"use strict";

(function () {
  function byId(id) {
    return document.getElementById(id);
  }

  // The new password twice: checked before shinsa.js sends the form
  // (this listener is on the form, shinsa.js's on the document).
  const pw = byId("password-form");
  if (pw) {
    pw.addEventListener("submit", function (ev) {
      const again = byId("new-again");
      if (again.value === pw.elements["new"].value) return;
      ev.preventDefault();
      ev.stopPropagation();
      const box = pw.querySelector('[role="alert"]');
      box.textContent = pw.dataset.msgMismatch;
      box.hidden = false;
      box.focus();
    });
  }

  // A new password refused for a rule (password_short, _long, _utf8,
  // _same): the rule in the page's words under the field, which is marked
  // invalid until it is typed in again.
  const rule = byId("new-problem");
  if (pw && rule) {
    const field = pw.elements["new"];
    pw.addEventListener("shinsa:failed", function (ev) {
      const e = ev.detail && ev.detail.json && ev.detail.json.error;
      const p = e && Array.isArray(e.problems) ? e.problems.find((x) => /^password_/.test(x.code)) : null;
      const words = p ? window.shinsa.problemText(document.body, p) : "";
      if (!words) return;
      rule.textContent = words;
      rule.hidden = false;
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", "new-problem new-help");
    });
    field.addEventListener("input", function () {
      rule.hidden = true;
      field.removeAttribute("aria-invalid");
      field.setAttribute("aria-describedby", "new-help");
    });
  }

  // TOTP, step 1 answered: the QR code and secret; the password goes on
  // to the confirming form and leaves the first one.
  const begin = byId("totp-begin");
  if (begin) {
    begin.addEventListener("shinsa:done", function (ev) {
      const r = ev.detail.json;
      const svg = byId("totp-qr");
      svg.setAttribute("viewBox", "0 0 " + r.qr_size + " " + r.qr_size);
      svg.querySelector("path").setAttribute("d", r.qr_svg_path);
      byId("totp-secret").textContent = r.secret;
      const confirm = byId("totp-confirm");
      confirm.elements["password"].value = begin.elements["password"].value;
      begin.elements["password"].value = "";
      begin.hidden = true;
      byId("totp-setup").hidden = false;
      byId("totp-code").focus();
    });
  }

  // TOTP, step 2 answered: the recovery codes, shown once.
  const confirm = byId("totp-confirm");
  if (confirm) {
    confirm.addEventListener("shinsa:done", function (ev) {
      confirm.elements["password"].value = "";
      const list = byId("recovery-codes");
      for (const c of ev.detail.json.recovery_codes) {
        const li = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = c;
        li.appendChild(code);
        list.appendChild(li);
      }
      byId("totp-setup").hidden = true;
      byId("totp-done").hidden = false;
    });
  }

  // A new API token, shown once.
  const create = byId("token-create");
  if (create) {
    create.addEventListener("shinsa:done", function (ev) {
      create.elements["password"].value = "";
      byId("token-value").textContent = ev.detail.json.token;
      create.hidden = true;
      byId("token-shown").hidden = false;
    });
  }
})();

// A user added: the one-time password, shown once.
(function () {
  const add = document.getElementById("user-add");
  if (!add) return;
  add.addEventListener("shinsa:done", function (ev) {
    document.getElementById("added-email").textContent = ev.detail.json.email;
    document.getElementById("added-otp").textContent = ev.detail.json.one_time_password;
    add.reset();
    document.getElementById("user-added").hidden = false;
  });
  // The users page: every change carries the administrator's own password
  // (the API asks for it: a stolen session must not add or change users).
  // Captured before shinsa.js (on the document, bubbling) sends the form.
  const reauth = document.getElementById("reauth-password");
  if (reauth) {
    document.addEventListener("submit", function (ev) {
      const form = ev.target;
      if (!form.matches('form[data-api^="/api/v1/users"]')) return;
      if (!reauth.value) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        const box = form.querySelector('[role="alert"]');
        box.textContent = document.getElementById("reauth").dataset.msgMissing;
        box.hidden = false;
        reauth.focus();
        return;
      }
      let field = form.querySelector('input[name="password"]');
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = "password";
        form.appendChild(field);
      }
      field.value = reauth.value;
    }, true);
  }
})();

// The bank's approval setting (web/templates/admin_approval.html): saved
// in place (data-stay), then said so; a refusal shows in the form.
(function () {
  const form = document.getElementById("approval-form");
  if (!form) return;
  const status = form.querySelector('[role="status"]');
  form.addEventListener("input", () => (status.textContent = ""));
  form.addEventListener("shinsa:done", () => (status.textContent = status.dataset.msgSaved));
})();
