// Leaving a page asks only when something typed is not saved (issue 17):
// the bank's review page, whose bank items (39..43, 45) have a 対応状況
// select with no status yet, and the connector's answers page.
//   - the review page read and clicked, nothing typed: leaving asks nothing;
//   - a verdict comment typed: leaving asks (beforeunload);
//   - after 判定を保存, and after まとめて了承 (the page reloads): leaving
//     asks nothing;
//   - the answers page: read and left asks nothing; typed, saved, left
//     asks nothing.
// Chromium asks only on a page the person has used, so each case clicks
// the page first.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, PASSWORD, accounts, answeredAndShared, launch, look, newPage, signIn } from "./lib.mjs";

const C = accounts.connector;
const B = accounts.bank;
const CATALOG = "api-checklist-2018-08";
const TEXT = "照会・要改善の内容（了承・対象外は任意のメモ）";
const LONG = "当社は外部委託先の管理規程に基づき、委託先ごとに年1回の監査を実施している。".repeat(30);

let browser;
let connector;
let bank;
let submission;
const asked = [];

// A signed-in page that records each dialog and accepts it.
async function person(email) {
  const page = await newPage(browser);
  page.on("dialog", (d) => {
    asked.push(d.type());
    d.accept();
  });
  await page.goto(`${BASE_URL}/login`);
  const r = await signIn(page, email, PASSWORD);
  assert.equal(r.status(), 200, `sign-in of ${email}`);
  await page.waitForURL((u) => u.pathname !== "/login");
  return page;
}

// The dialogs opened while page is left for /notifications.
async function leave(page) {
  asked.length = 0;
  await page.locator("h1").first().click();
  await page.goto(`${BASE_URL}/notifications`);
  return asked.slice();
}

before(async () => {
  browser = await launch();
  connector = await person(C.editor);
  submission = await answeredAndShared(connector, CATALOG, B.org, LONG);
  bank = await person(B.reviewer);
});
after(async () => {
  await browser?.close();
});

const item = (page, no) => page.locator(`#item-${no}`);
const review = () => `${BASE_URL}/reviews/${submission}`;

test("the review page read and left asks nothing; its bank items show 未回答 chosen", async () => {
  await bank.goto(review());
  const st = item(bank, 39).locator("select[name=status]");
  assert.equal(await st.locator("option[selected]").count(), 1, "the rendered select marks its choice");
  assert.equal(await st.inputValue(), "");
  assert.deepEqual(await leave(bank), []);
});

test("a verdict comment typed: leaving asks", async () => {
  await bank.goto(review());
  await item(bank, 12).getByLabel(TEXT, { exact: true }).fill("まだ保存していない文");
  assert.deepEqual(await leave(bank), ["beforeunload"]);
});

test("after 判定を保存 and after まとめて了承, leaving asks nothing", async () => {
  await bank.goto(review());
  await item(bank, 7).getByLabel("判定", { exact: true }).selectOption("accepted");
  await item(bank, 7).getByRole("button", { name: "判定を保存", exact: true }).click();
  await item(bank, 7).locator(".save-state").filter({ hasText: "保存しました" }).waitFor({ state: "attached" });
  assert.deepEqual(await leave(bank), []);
  await bank.goto(review());
  asked.length = 0;
  const reloaded = bank.waitForEvent("load");
  await bank.locator("#accept-pending button").click();
  await reloaded;
  await bank.locator("#accept-pending").waitFor({ state: "detached" });
  assert.deepEqual(asked, ["confirm"], "only the confirmation was asked");
  await bank.setViewportSize({ width: 390, height: 844 });
  await look(bank, "leave-01-ja-390-after-accept");
  await bank.setViewportSize({ width: 1366, height: 768 });
  assert.deepEqual(await leave(bank), []);
});

test("the answers page read, or typed and saved, and left asks nothing", async () => {
  await connector.goto(`${BASE_URL}/answers`);
  assert.deepEqual(await leave(connector), []);
  await connector.goto(`${BASE_URL}/answers`);
  const box = connector.locator("#answer-12 textarea[name=current]");
  await box.fill("当社の対応12（改訂）");
  await box.blur();
  await connector.locator("#answer-12 .save-state, #answer-12 [role=status]").filter({ hasText: "保存しました" }).first().waitFor();
  assert.deepEqual(await leave(connector), []);
});
