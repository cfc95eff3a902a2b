// Notifications in Chromium: the header's count and the お知らせ page, for a
// bank's reviewer (a share and the connector's reply, in Japanese) and a
// connector's editor (a query, an improvement, in English), at 1366 and 390
// px, with long answers and long thread texts; one marked read, then all;
// the e-mail opt-out on the account page.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { accounts, api, assertClean, assertNoSideScroll, launch, shot, signedIn } from "./lib.mjs";

const LONG = "外部委託先の管理態勢について、委託先の選定基準と定期的な評価の手順を定めている。".repeat(30);
const QUERY = "委託先の評価結果を経営陣に報告する頻度と、その記録の保管場所を教えてください。".repeat(8);
const BANK = accounts.bank.org;
const CONNECTOR = accounts.connector.org;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The header's count as a person reads it: the link's text.
async function bell(page) {
  return (await page.locator("header a.bell").innerText()).replace(/\s+/g, " ").trim();
}

// Both widths: a laptop, then a phone; the page looked at each time.
async function both(page, name) {
  await assertNoSideScroll(page);
  await shot(page, `${name}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoSideScroll(page);
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1366, height: 768 });
  assertClean(page);
}

test("the round's events reach the header and お知らせ of the right people", async () => {
  const conn = await signedIn(browser, accounts.connector.admin);
  for (const no of [...Array(38).keys()].map((i) => i + 1).concat([44])) {
    const r = await api(conn, "PUT", `/api/v1/answers/${no}`, { status: "implemented", current: `${no}: ${LONG}` });
    assert.equal(r.status, 200, `answer ${no}`);
  }
  let r = await api(conn, "POST", "/api/v1/submissions");
  assert.equal(r.status, 201);
  const sub = r.json.id;
  r = await api(conn, "POST", `/api/v1/submissions/${sub}/shares`, { bank: BANK });
  assert.equal(r.status, 201);

  const rev = await signedIn(browser, accounts.bank.reviewer);
  await rev.goto(`${process.env.BASE_URL}/inbox`);
  assert.equal(await bell(rev), "お知らせ 1 （未読1件）");
  for (const [no, verdict] of [[3, "query"], [5, "improvement"]]) {
    r = await api(rev, "PUT", `/api/v1/reviews/${sub}/items/${no}`, { verdict, comment: QUERY });
    assert.equal(r.status, 200, `${verdict} on ${no}`);
  }

  const ed = await signedIn(browser, accounts.connector.editor);
  await ed.goto(`${process.env.BASE_URL}/lang/en?next=%2Freviews`);
  assert.equal(await bell(ed), "Notifications 2 (2 unread)");
  assert.equal(await ed.locator("td .unread-thread").innerText(), "Unread from the bank: 2");
  await both(ed, "notify-1-en-connector-reviews");
  r = await api(ed, "POST", `/api/v1/reviews/${sub}/items/3/messages`, { bank: BANK, text: QUERY });
  assert.equal(r.status, 201);
  await ed.goto(`${process.env.BASE_URL}/notifications`);
  await ed.getByRole("heading", { name: "Notifications", exact: true }).waitFor();
  assert.deepEqual(await ed.locator("li.notification .what a").allInnerTexts(), [
    `${BANK} asked for an improvement on item 5 (submission ${sub})`,
    `${BANK} raised a query on item 3 (submission ${sub})`,
  ]);
  await both(ed, "notify-2-en-connector");

  // The bank's reviewer: the share and the reply, newest first, unread.
  await rev.goto(`${process.env.BASE_URL}/inbox`);
  assert.equal(await bell(rev), "お知らせ 2 （未読2件）");
  assert.equal(await rev.locator("td .unread-thread").innerText(), "回答あり（1件）");
  await both(rev, "notify-3-ja-bank-inbox");
  await rev.getByRole("link", { name: /^お知らせ/ }).click();
  await rev.getByRole("heading", { name: "お知らせ", exact: true }).waitFor();
  assert.deepEqual(await rev.locator("li.notification .what").allInnerTexts(), [
    `未読 ${CONNECTOR}から通番3について回答がありました（提出番号${sub}）`,
    `未読 ${CONNECTOR}が提出物を共有しました（提出番号${sub}）`,
  ]);
  await both(rev, "notify-4-ja-bank");

  // One marked read: the page reloads with one unread left.
  await rev.locator("li.notification").nth(1).getByRole("button", { name: "既読にする" }).click();
  await rev.waitForLoadState();
  await rev.locator("header a.bell .count", { hasText: "1" }).waitFor();
  assert.equal(await rev.locator("li.notification.unread").count(), 1);
  // All read: no count in the header any more. (Opening the review would
  // also have marked the reply read: tests/browser/table.test.mjs.)
  await rev.getByRole("button", { name: "すべて既読にする" }).click();
  await rev.waitForLoadState();
  await rev.locator("li.notification.unread").first().waitFor({ state: "detached" });
  assert.equal(await bell(rev), "お知らせ");
  assert.equal(await rev.locator("p.lead").innerText(), "未読のお知らせは0件です。新しいものから表示しています。");
  await both(rev, "notify-5-ja-bank-all-read");
  // The reply's link opens the review at item 3.
  await rev.getByRole("link", { name: /回答がありました/ }).click();
  await rev.waitForURL(new RegExp(`/reviews/${sub}#item-3$`));
  for (const p of [conn, rev, ed]) await p.context().close();
});

test("each person turns their own e-mail off on the account page", async () => {
  const page = await signedIn(browser, accounts.bank.viewer);
  await page.goto(`${process.env.BASE_URL}/account`);
  const box = page.getByLabel("お知らせをメールでも受け取る");
  assert.equal(await box.isChecked(), true);
  await box.uncheck();
  await page.locator("#notify-email").getByRole("button", { name: "保存" }).click();
  await page.waitForLoadState();
  await page.getByLabel("お知らせをメールでも受け取る").waitFor();
  assert.equal(await page.getByLabel("お知らせをメールでも受け取る").isChecked(), false);
  const r = await api(page, "GET", "/api/v1/notifications");
  assert.equal(r.json.email, false);
  await both(page, "notify-6-ja-account");
  await page.context().close();
});
