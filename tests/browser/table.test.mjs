// The table view (issue 16, item 4), in Chromium:
//   - the review as a table: 45 rows of the form's ten columns and 判定,
//     the exact header texts in Japanese and English, the choice
//     remembered after a reload; 関連規定 and 関連規定箇所 shown;
//   - the keyword search narrows the rows, full-width as half-width
//     (ＦＩＳＣ finds the 9 items citing FISC・安対基準);
//   - a filter (照会中の項目のみ) and the search survive a save;
//   - the whole review done with the keyboard alone (the count printed),
//     then 0 items pending;
//   - opening a review marks the reader's notifications about that review
//     read, and no other review's;
//   - the connector's table: 3 rows selected (one click, one Shift+click)
//     set to 一部対応 at once;
//   - screenshots, Japanese and English, 1366 and 390 px, long answers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, assertClean, assertNoSideScroll, launch, signedIn } from "./lib.mjs";

const C = accounts.connector;
const B = accounts.bank;
const CATALOG = "api-checklist-2018-08";
const LONG = "当社は社内規程に基づき、利用者情報の取扱いを年2回点検し、結果を取締役会に報告している。".repeat(12);
const QUESTION = "点検結果の報告書（直近1年分）を提出してください。";
const HEAD_JA = ["通番", "区分", "セキュリティ対応目標", "対象者", "現在の対応状況", "課題認識", "課題への対応計画", "関連規定", "関連規定箇所", "備考", "判定"];
const HEAD_EN = ["No.", "Category", "Security objective", "Party", "Current state", "Issues recognised", "Remediation plan", "Related regulations", "Clauses", "Notes", "Verdict"];

let browser;
let connector;
let bank;
let submission;
let other;

const unread = async (page) => (await api(page, "GET", "/api/v1/notifications?limit=200")).json.unread;
const shown = (page) => page.locator("#items [data-row]:visible");

before(async () => {
  browser = await launch();
  connector = await signedIn(browser, C.editor);
  const cat = await api(connector, "GET", `/api/v1/catalogs/${CATALOG}`);
  for (const it of cat.json.items.filter((i) => i.party !== "bank")) {
    const long = it.no === 7;
    const r = await api(connector, "PUT", `/api/v1/answers/${it.no}`, {
      status: long ? "partial" : "implemented",
      current: long ? LONG : `当社の対応${it.no}`,
      issues: long ? LONG : "",
      plan: long ? LONG : "",
      plan_due: long ? "2026-03-31" : null,
    });
    assert.equal(r.status, 200, `item ${it.no}: ${JSON.stringify(r.json)}`);
  }
  for (const name of ["submission", "other"]) {
    const sub = await api(connector, "POST", "/api/v1/submissions", {});
    assert.equal(sub.status, 201, JSON.stringify(sub.json));
    const share = await api(connector, "POST", `/api/v1/submissions/${sub.json.id}/shares`, { bank: B.org });
    assert.equal(share.status, 201, JSON.stringify(share.json));
    if (name === "submission") submission = sub.json.id;
    else other = sub.json.id;
  }
  bank = await signedIn(browser, B.reviewer);
});
after(async () => {
  await browser?.close();
});

test("opening a review marks the reader's notifications about it read, not another review's", async () => {
  assert.equal(await unread(bank), 2, "two shares, one notification each");
  // Waited for before the page is opened: its script marks them read as it
  // loads, which may be answered before goto() returns.
  const marked = bank.waitForResponse((r) => r.url().endsWith("/api/v1/notifications/read"));
  await bank.goto(`${BASE_URL}/reviews/${submission}`);
  await marked;
  assert.equal(await unread(bank), 1, "the other review's share stays unread");
  const left = (await api(bank, "GET", "/api/v1/notifications?limit=200")).json.notifications.filter((n) => !n.read);
  assert.deepEqual(left.map((n) => n.submission), [other]);
});

test("the review as a table: 45 rows of 11 columns, remembered", async () => {
  await bank.goto(`${BASE_URL}/reviews/${submission}`);
  await bank.getByRole("button", { name: "表形式", exact: true }).click();
  await bank.reload();
  assert.equal(await bank.getByRole("button", { name: "表形式", exact: true }).getAttribute("aria-pressed"), "true");
  assert.deepEqual(await bank.locator("#items .table-head span").allTextContents(), HEAD_JA);
  assert.equal(await shown(bank).count(), 45);
  assert.equal(await bank.locator("#items [data-row]:visible .cell:visible").count() >= 45 * 10, true);
  const row3 = bank.locator("#item-3 .cells .cell");
  assert.equal(await row3.count(), 11);
  assert.equal(await row3.nth(1).innerText(), "情報・セキュリティ管理態勢");
  assert.equal(await row3.nth(3).innerText(), "API接続先");
  assert.deepEqual(await bank.locator("#item-3 .c-refs p").allTextContents(), ["銀行API報告書・セキュリティ原則", "FISC・安対基準"]);
  assert.deepEqual(await bank.locator("#item-3 .c-clauses p").allTextContents(), ["3.3.1 API接続先の適格性 d\n3.3.3 内部からの不正アクセス対策 e", "統13、監1"]);
  const pos = await bank.locator("#items .table-head").evaluate((h) => getComputedStyle(h).position);
  assert.equal(pos, "sticky");
});

test("the search narrows the rows, full-width as half-width", async () => {
  await bank.getByLabel("キーワード検索").fill("ＦＩＳＣ");
  assert.equal(await shown(bank).count(), 9);
  assert.equal(await bank.locator('[data-count-for="#items"]').textContent(), "9");
  await bank.getByLabel("キーワード検索").fill("FISC");
  assert.equal(await shown(bank).count(), 9);
  await bank.getByLabel("キーワード検索").fill("");
  assert.equal(await shown(bank).count(), 45);
});

test("a filter and the search survive a save", async () => {
  await bank.locator("#item-7 .c-objective").click();
  await bank.keyboard.press("q");
  const text = bank.locator("#verdict-7-t");
  assert.equal(await text.evaluate((t) => t === document.activeElement), true, "q puts the cursor in the text");
  await text.fill(QUESTION);
  await bank.locator("#item-7").getByRole("button", { name: "判定を保存", exact: true }).click();
  await bank.locator("#item-7 .save-state").filter({ hasText: "保存しました" }).waitFor();
  await bank.getByLabel("照会中の項目のみ").check();
  await bank.getByLabel("キーワード検索").fill("点検");
  assert.equal(await shown(bank).count(), 1);
  await bank.locator("#verdict-7-t").fill("あわせて是正の予定もお知らせください。");
  const button = bank.locator("#item-7").getByRole("button", { name: "判定を保存", exact: true });
  await button.scrollIntoViewIfNeeded();
  const y = await bank.evaluate(() => window.scrollY);
  await button.click();
  await bank.locator("#item-7 .save-state").filter({ hasText: "保存しました" }).waitFor();
  assert.equal(await bank.getByLabel("照会中の項目のみ").isChecked(), true);
  assert.equal(await bank.getByLabel("キーワード検索").inputValue(), "点検");
  assert.equal(await shown(bank).count(), 1);
  assert.equal(await bank.evaluate(() => window.scrollY), y);
  await bank.getByLabel("照会中の項目のみ").uncheck();
  await bank.getByLabel("キーワード検索").fill("");
  await bank.locator("#item-7 [data-open-row]").click();
});

test("the whole review with the keyboard alone", async () => {
  await bank.reload();
  await bank.locator("h1").click();
  let presses = 0;
  const press = async (key) => {
    presses++;
    await bank.keyboard.press(key);
  };
  await press("?");
  assert.equal(await bank.locator("#keys-help").isVisible(), true);
  await press("?");
  await press("j");
  const pending = () => bank.locator('#items [data-row][data-verdict="pending"] form[id^="verdict-"]').count();
  while (await bank.locator("#items [data-row].current").count()) {
    const cur = await bank.locator("#items [data-row].current").getAttribute("id");
    const put = bank.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(`/items/${cur.slice(5)}`));
    await press("a");
    await put;
    const next = await bank.locator("#items [data-row].current").getAttribute("id").catch(() => null);
    if (next === cur) break;
  }
  await bank.waitForFunction(() => !document.querySelector('#items [data-row][data-verdict="pending"] form[id^="verdict-"]'));
  console.log(`# keyboard: ${presses} key presses for the review (two of them ? to show and hide the keys)`);
  const review = await api(bank, "GET", `/api/v1/reviews/${submission}`);
  const left = review.json.items.filter((it) => it.party !== "bank" && it.verdict === null);
  assert.equal(left.length, 0);
  assert.equal(await pending(), 0);
  assert.equal(presses, 3 + 38);
  assertClean(bank);
});

test("the connector sets the status of 3 selected rows at once", async () => {
  await connector.goto(`${BASE_URL}/answers`);
  await connector.getByRole("button", { name: "表形式", exact: true }).click();
  await connector.getByLabel("通番1を選択").click();
  await connector.getByLabel("通番3を選択").click({ modifiers: ["Shift"] });
  assert.equal(await connector.locator("#bulk-status [data-selected]").textContent(), "3件選択中");
  await connector.getByLabel("変更後の対応状況").selectOption("partial");
  await connector.getByRole("button", { name: "選択した項目に適用", exact: true }).click();
  await connector.locator("#bulk-status [role=alert]").filter({ hasText: "3件の対応状況を変更しました。" }).waitFor();
  const answers = (await api(connector, "GET", "/api/v1/answers")).json.items;
  assert.deepEqual([1, 2, 3, 4].map((no) => answers.find((a) => a.no === no).status), ["partial", "partial", "partial", "implemented"]);
  assertClean(connector);
});

test("screenshots: Japanese and English, 1366 and 390 px", async () => {
  for (const [lang, head] of [["ja", HEAD_JA], ["en", HEAD_EN]]) {
    for (const [page, path, name] of [[bank, `/reviews/${submission}`, "review"], [connector, "/answers", "answers"]]) {
      await page.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(path)}`);
      if (name === "review") assert.deepEqual(await page.locator("#items .table-head span").allTextContents(), head);
      for (const [width, height] of [[1366, 768], [390, 844]]) {
        await page.setViewportSize({ width, height });
        await page.locator("#item-7").scrollIntoViewIfNeeded();
        await assertNoSideScroll(page);
        await page.screenshot({ path: `${process.env.SHINSA_SHOTS}/table-${name}-${lang}-${width}.png` });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
      assertClean(page);
    }
  }
});
