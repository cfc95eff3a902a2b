// Contradictions in the connector's answers, in Chromium: the submit panel
// warns of them (each a link to the item) and still lets the connector
// submit; the bank sees the same points as chips on the items' cards. Both
// sides in Japanese and English, at 1366 px and 390 px, with long answers.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, assertClean, assertNoSideScroll, launch, look, signedIn } from "./lib.mjs";

const B = accounts.bank;
const C = accounts.connector;
const LONG = "当社は、API接続に係る利用者情報の取扱いについて、社内規程に基づき定期的に点検を実施しております。".repeat(12);

let browser;
let submission;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The card of item no, shot on its own (the whole review is 45 cards long).
async function card(page, no, name) {
  await assertNoSideScroll(page);
  await page.locator(`#item-${no}`).screenshot({ path: join(process.env.SHINSA_SHOTS, `${name}.png`) });
  assertClean(page);
}

test("the submit panel warns of two contradictions, each a link to its item", async () => {
  const page = await signedIn(browser, C.editor);
  const cat = await api(page, "GET", "/api/v1/catalogs/api-checklist-2018-08");
  for (const it of cat.json.items.filter((x) => x.party !== "bank")) {
    const r = await api(page, "PUT", `/api/v1/answers/${it.no}`, { status: "implemented", current: `${LONG}（通番${it.no}）` });
    assert.equal(r.status, 200);
  }
  // 1: implemented, yet an issue written down; 2: implemented, due far ahead.
  assert.equal((await api(page, "PUT", "/api/v1/answers/1", { issues: LONG })).status, 200);
  assert.equal((await api(page, "PUT", "/api/v1/answers/2", { plan_due: "2099-03-31" })).status, 200);
  await page.goto(`${BASE_URL}/submissions`);
  const panel = page.locator("#submit-warnings");
  assert.equal(await panel.locator("p").textContent(),
    "提出はできますが、確認をお勧めする点が 2 件あります。銀行の審査画面にも同じ点が表示されます。");
  assert.deepEqual(await panel.locator("li").allTextContents(), [
    "通番 1：「対応済」ですが「課題認識」に記入があります。課題が残っていれば「一部対応」に、解消済みであれば「課題認識」の記載を見直してください。",
    "通番 2：「対応済」ですが「対応予定日」が本日より後の日付です。対応状況か対応予定日を見直してください。",
  ]);
  await page.getByRole("button", { name: "提出する", exact: true }).waitFor();
  await look(page, "flags-1-submit-ja-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await look(page, "flags-2-submit-ja-390");
  await Promise.all([page.waitForURL(/\/answers#item-2$/), panel.getByRole("link", { name: /^通番 2：/ }).click()]);
  assert.equal(await page.locator("#plan_due-2").inputValue(), "2099-03-31");
  assertClean(page);
});

test("in English, and the warnings do not stop the submission", async () => {
  const page = await signedIn(browser, C.editor);
  await page.goto(`${BASE_URL}/lang/en?next=%2Fsubmissions`);
  const panel = page.locator("#submit-warnings");
  assert.equal(await panel.locator("p").textContent(),
    "You can submit, but 2 points are worth checking first. The bank sees the same points in its review.");
  assert.equal(await panel.locator("li").first().textContent(),
    "Item 1: “Implemented”, yet the issues (課題認識) have text. If an issue remains, choose “Partly implemented”; if it is resolved, revise the issues.");
  await look(page, "flags-3-submit-en-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await look(page, "flags-4-submit-en-390");
  await Promise.all([page.waitForURL(/\/submissions\/\d+$/), page.getByRole("button", { name: "Submit", exact: true }).click()]);
  submission = Number(new URL(page.url()).pathname.split("/").pop());
  const sh = await api(page, "POST", `/api/v1/submissions/${submission}/shares`, { bank: B.org });
  assert.equal(sh.status, 201, JSON.stringify(sh.json));
});

test("the bank sees the same flags on the items' cards", async () => {
  const page = await signedIn(browser, B.reviewer);
  await page.goto(`${BASE_URL}/reviews/${submission}`);
  assert.deepEqual(await page.locator("#item-1 .chip.flag").allTextContents(), ["対応済だが課題あり"]);
  assert.deepEqual(await page.locator("#item-2 .chip.flag").allTextContents(), ["対応済だが予定日が未来"]);
  assert.equal(await page.locator(".chip.flag").count(), 2);
  await card(page, 1, "flags-5-review-ja-1366-item1");
  await page.setViewportSize({ width: 390, height: 844 });
  await card(page, 2, "flags-6-review-ja-390-item2");
  const en = await signedIn(browser, B.reviewer);
  await en.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(`/reviews/${submission}`)}`);
  assert.deepEqual(await en.locator("#item-1 .chip.flag").allTextContents(), ["Implemented, with issues"]);
  assert.deepEqual(await en.locator("#item-2 .chip.flag").allTextContents(), ["Implemented, due date ahead"]);
  await card(en, 2, "flags-7-review-en-1366-item2");
  await en.setViewportSize({ width: 390, height: 844 });
  await card(en, 1, "flags-8-review-en-390-item1");
});
