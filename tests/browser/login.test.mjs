// The sign-in page (/login) in Chromium, in Japanese: what it shows, a wrong
// password, a right one for every account run.sh made. Found by labels and
// roles only, so that it holds when the page becomes a server template.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  BASE_URL, PASSWORD, accounts, assertClean, assertNoSideScroll, launch, newPage, shot, signIn,
} from "./lib.mjs";

const WRONG = "メールアドレス、パスワードまたは確認コードが正しくありません。二段階認証を設定している場合は、確認コードも入力してください。";
// The browser's own log line for the refused POST: expected on a wrong password.
const REFUSED = /^console\.error: Failed to load resource: the server responded with a status of 401 .*\/api\/v1\/session\)$/;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open() {
  const page = await newPage(browser);
  const r = await page.goto(`${BASE_URL}/login`);
  assert.equal(r.status(), 200);
  return page;
}

test("the sign-in page is in Japanese", async () => {
  const page = await open();
  assert.equal(await page.locator("html").getAttribute("lang"), "ja");
  await page.getByRole("heading", { name: "サインイン", exact: true }).waitFor();
  for (const label of ["メールアドレス", "パスワード"]) {
    assert.equal(await page.getByLabel(label, { exact: true }).isVisible(), true, `the field ${label}`);
  }
  assert.equal(await page.getByRole("button", { name: "サインイン", exact: true }).isVisible(), true);
  await assertNoSideScroll(page);
  await shot(page, "login");
  assertClean(page);
  await page.context().close();
});

test("a wrong password is refused in Japanese", async () => {
  const page = await open();
  const r = await signIn(page, accounts.connector.admin, "not the password at all");
  assert.equal(r.status(), 401);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.equal((await alert.textContent()).trim(), WRONG);
  assert.equal(await page.getByLabel("メールアドレス", { exact: true }).isVisible(), true, "the form stays");
  await assertNoSideScroll(page);
  await shot(page, "login-wrong-password");
  assertClean(page, { allow: [REFUSED] });
  await page.context().close();
});

// Every account signs in straight away (no password to change first); the
// session cookie then opens /api/v1/me as that person.
for (const [kind, who] of Object.entries(accounts)) {
  for (const [role, email] of Object.entries(who)) {
    if (role === "org") continue;
    test(`${kind} ${role} signs in`, async () => {
      const page = await open();
      const r = await signIn(page, email, PASSWORD);
      assert.ok(r.ok(), `the sign-in answered ${r.status()}`);
      await page.getByLabel("メールアドレス", { exact: true }).waitFor({ state: "hidden" });
      const me = await page.request.get(`${BASE_URL}/api/v1/me`);
      assert.equal(me.status(), 200);
      const body = await me.json();
      assert.deepEqual([body.email, body.role, body.org.kind, body.org.name, body.must_change_password],
        [email, role.replace(/\d+$/, ""), kind, who.org, false]); // approver2 is a second approver
      await assertNoSideScroll(page);
      if (kind === "connector" && role === "admin") await shot(page, "login-signed-in");
      assertClean(page);
      await page.context().close();
    });
  }
}
