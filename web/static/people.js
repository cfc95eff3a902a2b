// People on the account pages: one's own 氏名 and 部署 on /account, and on
// /admin/users the list brought up to date as soon as a user is added and a
// new one-time password shown once. Text is set as text, never as markup.
"use strict";

(function () {
  function byId(id) {
    return document.getElementById(id);
  }

  // A form saved in place says so in its status line until typed in again.
  function saidSaved(form) {
    const status = form.querySelector("[role=status][data-msg-saved]");
    if (!status) return;
    form.addEventListener("input", () => (status.textContent = ""));
    form.addEventListener("shinsa:done", () => (status.textContent = status.dataset.msgSaved));
  }

  const profile = byId("profile-form");
  if (profile) {
    saidSaved(profile);
    // The saved values as the server keeps them (trimmed, say).
    profile.addEventListener("shinsa:done", function (ev) {
      profile.elements["name"].value = ev.detail.json.name;
      profile.elements["department"].value = ev.detail.json.department;
    });
  }

  // Two-step verification just enabled: the chip and its words say so at
  // once, not only after a reload.
  const confirm = byId("totp-confirm");
  if (confirm) {
    confirm.addEventListener("shinsa:done", function () {
      const chip = byId("totp-chip");
      const text = byId("totp-chip-text");
      chip.textContent = chip.dataset.on;
      chip.classList.replace("none", "good");
      text.textContent = text.dataset.on;
    });
  }

  // A user added: the list and its count are read again from the page as
  // the server now renders it, so the new row is there with its forms;
  // what is typed elsewhere (the administrator's password) stays.
  const add = byId("user-add");
  if (add) {
    add.addEventListener("shinsa:done", async function () {
      const res = await fetch(window.location.pathname, { credentials: "same-origin" });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      const body = doc.querySelector("#users tbody");
      const lead = doc.getElementById("users-lead");
      if (body) document.querySelector("#users tbody").replaceWith(document.adoptNode(body));
      if (lead) byId("users-lead").textContent = lead.textContent;
    });
  }

  // A new password issued: the one-time password, shown once in its row.
  document.addEventListener("shinsa:done", function (ev) {
    const form = ev.target;
    if (!form.matches || !form.matches("form.people-reset")) return;
    const box = form.querySelector(".people-otp");
    box.querySelector("code").textContent = ev.detail.json.one_time_password;
    // Once: the button goes, so a second click cannot end this password too.
    form.querySelector("button").remove();
    box.hidden = false;
    box.focus();
  });
})();
