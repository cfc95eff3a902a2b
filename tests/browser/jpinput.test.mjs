// Dates as people in Japan type them, in Chromium (issue 17 item 3): the
// connector types era dates and full-width digits into its plan's due
// field, a share's expiry and an answer's 対応予定日, sees them saved as
// days (2027-07-31), and a day that does not exist (令和9年2月30日)
// refused in the page's own language, what was typed kept in the field;
// the bank does the same with its required date and a re-assessment.
// Japanese and English, 1366 px and 390 px, with long answers.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, assertClean, assertNoSideScroll, expectProblem, launch, look, signedIn } from "./lib.mjs";

const B = accounts.bank;
const C = accounts.connector;
const LONG = "当社は、API接続に係る利用者情報の取扱いについて、社内規程に基づき定期的に点検を実施しております。".repeat(12);

let browser;
let plan;
let submission;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The shares panel, shot on its own (the submission's 45 long answers
// follow it).
async function panel(page, name) {
  await assertNoSideScroll(page);
  await page.locator("section[aria-labelledby=shares-head]").screenshot({ path: join(process.env.SHINSA_SHOTS, `${name}.png`) });
  assertClean(page);
}

// Submits form (a locator) and waits for the API's answer to it.
async function send(page, form, button) {
  const [r] = await Promise.all([
    page.waitForResponse((x) => x.url().startsWith(`${BASE_URL}/api/v1/`) && x.request().method() !== "GET"),
    form.getByRole("button", { name: button, exact: true }).click(),
  ]);
  return r;
}

// Types text into field, submits form with button: a 400, whose words
// in form's alert are words, with what was typed kept in the field.
async function refused(page, form, field, text, button, words) {
  await field.fill(text);
  assert.equal((await send(page, form, button)).status(), 400);
  const alert = form.locator("[role=alert]");
  await alert.waitFor();
  assert.equal(await alert.textContent(), words);
  assert.equal(await field.inputValue(), text);
  expectProblem(page, /status of 400 .*\/api\/v1\/.*\)$/);
}

// shoot(page, first), then at width px wide (390 or 1366) shoot(page, then).
async function twice(page, shoot, first, width, then) {
  await shoot(page, first);
  await page.setViewportSize(width === 390 ? { width: 390, height: 844 } : { width: 1366, height: 768 });
  await shoot(page, then);
}

// Types text into field and submits form: saved, the page reloads.
async function saved(page, form, field, text, button) {
  await field.fill(text);
  await Promise.all([page.waitForEvent("load"), send(page, form, button)]);
}

const NO_DAY_JA = "入力内容を確認してください。令和9年2月30日 (2027-02-30) は存在しない日付です。月と日を確かめてください（入力した文字は消えていません）。";

test("setup: long answers, item 3 partial (a plan), one submission", async () => {
  const page = await signedIn(browser, C.editor);
  const cat = await api(page, "GET", "/api/v1/catalogs/api-checklist-2018-08");
  for (const it of cat.json.items.filter((x) => x.party !== "bank")) {
    const r = await api(page, "PUT", `/api/v1/answers/${it.no}`, { status: "implemented", current: `${LONG}（通番${it.no}）` });
    assert.equal(r.status, 200);
  }
  const r = await api(page, "PUT", "/api/v1/answers/3", { status: "partial", issues: LONG, plan: LONG, plan_due: "2026-12-31" });
  assert.equal(r.status, 200);
  const plans = await api(page, "GET", "/api/v1/plans");
  plan = plans.json.find((p) => p.no === 3).id;
  const s = await api(page, "POST", "/api/v1/submissions");
  assert.equal(s.status, 201, JSON.stringify(s.json));
  submission = s.json.id;
  await page.close();
});

test("ja: the plan's due typed 令和9年2月30日 is refused in Japanese, 令和９年７月３１日 is saved as 2027-07-31", async () => {
  const page = await signedIn(browser, C.editor);
  await page.goto(`${BASE_URL}/plans/${plan}`);
  const form = page.locator("#plan-update");
  const due = form.getByLabel("対応予定日", { exact: true });
  assert.equal(await due.getAttribute("type"), "text");
  assert.equal(await due.getAttribute("placeholder"), "例：2027-07-31、令和9年7月31日");
  assert.equal(await form.locator("#plan-due-hint").textContent(),
    "日付は 2027-07-31、2027/7/31、2027年7月31日、令和9年7月31日、R9.7.31 のいずれの形でも入力できます（全角数字も可）。");
  await refused(page, form, due, "令和9年2月30日", "更新する", NO_DAY_JA);
  await twice(page, look, "jpinput-1-plan-ja-refused-1366", 390, "jpinput-2-plan-ja-refused-390");
  await saved(page, form, due, "令和９年７月３１日", "更新する");
  assert.equal(await page.locator("#plan-due").inputValue(), "2027-07-31");
  const got = await api(page, "GET", `/api/v1/plans/${plan}`);
  assert.equal(got.json.due, "2027-07-31");
  await twice(page, look, "jpinput-3-plan-ja-saved-390", 1366, "jpinput-4-plan-ja-saved-1366");
  await page.close();
});

test("ja: a share's expiry typed 令和9年2月30日 is refused in Japanese, 令和9年7月31日 is saved", async () => {
  const page = await signedIn(browser, C.editor);
  await page.goto(`${BASE_URL}/submissions/${submission}`);
  const form = page.locator("#share");
  await form.getByLabel("銀行名", { exact: true }).fill(B.org);
  const expires = form.getByLabel("有効期限（任意）", { exact: true });
  await refused(page, form, expires, "令和9年2月30日", "共有する", NO_DAY_JA);
  await twice(page, panel, "jpinput-5-share-ja-refused-1366", 390, "jpinput-6-share-ja-refused-390");
  await saved(page, form, expires, "令和9年7月31日", "共有する");
  const shares = await api(page, "GET", "/api/v1/shares");
  assert.deepEqual(shares.json.map((s) => [s.bank, s.expires_at]), [[B.org, "2027-08-01T00:00:00Z"]]);
  assert.equal(await page.locator("table.shares tbody tr td").nth(3).textContent(), "2027-07-31まで");
  await panel(page, "jpinput-6b-share-ja-saved-390");
  await page.close();
});

test("en: R9.7.30 and ２０２７／７／３１ saved; 2027-02-30 refused in English", async () => {
  const page = await signedIn(browser, C.editor);
  await page.goto(`${BASE_URL}/lang/en?next=%2Fplans%2F${plan}`);
  const form = page.locator("#plan-update");
  const due = form.getByLabel("Due", { exact: true });
  assert.equal(await due.getAttribute("placeholder"), "e.g. 2027-07-31 or 令和9年7月31日");
  await refused(page, form, due, "2027-02-30", "Save",
    "Check what you entered.2027-02-30 is not a real date: check the month and the day (what you typed is kept).");
  await look(page, "jpinput-7-plan-en-refused-1366");
  await saved(page, form, due, "R9.7.30", "Save");
  assert.equal(await page.locator("#plan-due").inputValue(), "2027-07-30");
  await page.setViewportSize({ width: 390, height: 844 });
  await look(page, "jpinput-8-plan-en-saved-390");

  // One share in force per bank: the first goes, then it is shared again.
  const first = (await api(page, "GET", "/api/v1/shares")).json[0].id;
  assert.equal((await api(page, "DELETE", `/api/v1/submissions/${submission}/shares/${first}`)).status, 200);
  await page.goto(`${BASE_URL}/submissions/${submission}`);
  const share = page.locator("#share");
  await share.getByLabel("Bank name", { exact: true }).fill(B.org);
  await saved(page, share, share.getByLabel("Expiry date (optional)", { exact: true }), "２０２７／７／３１", "Share");
  const shares = await api(page, "GET", "/api/v1/shares");
  assert.deepEqual(shares.json.map((s) => [s.expires_at, s.in_force]), [["2027-08-01T00:00:00Z", false], ["2027-08-01T00:00:00Z", true]]);
  await twice(page, panel, "jpinput-9-share-en-saved-390", 1366, "jpinput-10-share-en-saved-1366");
  await page.close();
});

// Item no's card on the answers page, shot on its own (45 long answers).
// A refused save is tried again each time focus moves in the form (what
// was typed stays unsaved until it reads), so its 400s may recur.
const REFUSED_3 = /status of 400 .*\/api\/v1\/answers\/3\)$/;
async function card(page, no, name) {
  await assertNoSideScroll(page);
  await page.locator(`#item-${no}`).screenshot({ path: join(process.env.SHINSA_SHOTS, `${name}.png`) });
  assertClean(page, { allow: [REFUSED_3] });
}

test("the answers page: 令和9年2月30日 refused in Japanese as the field is left, 令和9年8月31日 saved", async () => {
  const page = await signedIn(browser, C.editor);
  await page.goto(`${BASE_URL}/answers`);
  const form = page.locator("#answer-3");
  const due = form.getByLabel("対応予定日", { exact: true });
  assert.equal(await due.inputValue(), "2026-12-31");
  // The PUT of item 3 answered with status (earlier refused saves may
  // still be answered as focus moves).
  const put = (status) => page.waitForResponse((r) => r.url().endsWith("/api/v1/answers/3") && r.request().method() === "PUT" && r.status() === status);
  // Half typed, nothing is sent: the date is saved when the field is left.
  await due.fill("令和9年");
  await page.waitForTimeout(1200);
  assert.equal(await form.locator(".conflict").isHidden(), true);
  await due.fill("令和9年2月30日");
  await Promise.all([put(400), due.press("Tab")]);
  const box = form.locator(".conflict");
  await box.waitFor();
  assert.equal(await box.textContent(), NO_DAY_JA);
  assert.equal(await due.inputValue(), "令和9年2月30日");
  expectProblem(page, REFUSED_3);
  await card(page, 3, "jpinput-11-answers-ja-refused-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await card(page, 3, "jpinput-12-answers-ja-refused-390");
  // Waited for before the field is filled: focusing it leaves the field
  // Tab moved to, in the same form, and that already saves the form (the
  // PUT may go with the new date before Tab is pressed).
  const saved = put(200);
  await due.fill("令和9年8月31日");
  await due.press("Tab");
  const good = await saved;
  assert.equal((await good.json()).plan_due, "2027-08-31");
  await box.waitFor({ state: "hidden" });
  await card(page, 3, "jpinput-13-answers-ja-saved-390");
  await page.close();
});

test("the bank: its required date 令和9年6月30日 and a re-assessment on Ｒ９．１０．１, saved as days", async () => {
  const page = await signedIn(browser, B.reviewer);
  await page.goto(`${BASE_URL}/plans/${plan}`);
  const form = page.locator("#plan-required");
  await saved(page, form, form.getByLabel("銀行の求める期限", { exact: true }), "令和9年6月30日", "期限を保存");
  assert.equal(await page.locator("#required-due").inputValue(), "2027-06-30");
  await look(page, "jpinput-14-required-ja-saved-1366");
  await page.goto(`${BASE_URL}/portfolio`);
  await page.getByText("再審査の周期を設定", { exact: true }).click();
  const cycle = page.locator("form[id^=cycle-]");
  await cycle.getByLabel("周期（月）", { exact: false }).fill("12");
  await saved(page, cycle, cycle.getByLabel("次回再審査日", { exact: true }), "Ｒ９．１０．１", "周期を保存");
  const cycles = await api(page, "GET", "/api/v1/cycles");
  assert.deepEqual(cycles.json.map((c) => [c.connector, c.months, c.next_due]), [[C.org, 12, "2027-10-01"]]);
  await page.getByText("再審査の周期を設定", { exact: true }).click();
  await twice(page, look, "jpinput-15-portfolio-ja-saved-1366", 390, "jpinput-16-portfolio-ja-saved-390");
  await page.close();
});

test("the bank in English: a re-assessment on 2027-02-29 refused in English", async () => {
  const page = await signedIn(browser, B.reviewer);
  await page.goto(`${BASE_URL}/lang/en?next=%2Fportfolio`);
  await page.getByText("Set the re-assessment cycle", { exact: true }).click();
  const cycle = page.locator("form[id^=cycle-]");
  await refused(page, cycle, cycle.getByLabel("Next re-assessment", { exact: true }), "2027-02-29", "Save the cycle",
    "Check what you entered.2027-02-29 is not a real date: check the month and the day (what you typed is kept).");
  await twice(page, look, "jpinput-17-portfolio-en-refused-1366", 390, "jpinput-18-portfolio-en-refused-390");
  await page.close();
});
