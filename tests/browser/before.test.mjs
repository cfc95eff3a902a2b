// Before and after on a re-review, in Chromium (issue 16 item 3): the
// bank's review of version 2 shows, for each changed item, version 1's
// answer beside the new one with the words removed struck through and the
// words added underlined, version 1's thread under the item (read-only),
// and the decision on version 1 with its condition at the top; in Japanese
// and English, at 1366 and 390 px, with answers of several hundred
// characters.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, launch, look, signedIn } from "./lib.mjs";

const B = accounts.bank;
const C = accounts.connector;
const LONG = "当社は、インターネットバンキングの利用者認証について、ID・パスワードに加えてワンタイムパスワードによる多要素認証を導入しています。"
  + "不正ログインの兆候を検知するため、ログイン元のIPアドレスや端末情報を記録し、通常と異なる利用があった場合には利用者へ電子メールで通知しています。".repeat(3)
  + "認証情報は暗号化して保管し、アクセスできる担当者を限定しています。";
const OLD3 = LONG + "管理画面は社内ネットワークからのみ利用可能です。";
const NEW3 = LONG + "管理画面にも多要素認証を導入し、社内ネットワークからのみ利用可能です。";
const CONDITION = "条件：通番3の管理画面への多要素認証の導入を2026年9月末までに完了し、完了報告を提出すること。";

let browser;
let bank;
let connector;
let v2;

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function submitAndShare() {
  const s = await api(connector, "POST", "/api/v1/submissions");
  assert.equal(s.status, 201, JSON.stringify(s.json));
  const sh = await api(connector, "POST", `/api/v1/submissions/${s.json.id}/shares`, { bank: B.org });
  assert.equal(sh.status, 201, JSON.stringify(sh.json));
  return s.json.id;
}

test("version 1: answered, reviewed with a thread on item 3, decided with a condition", async () => {
  connector = await signedIn(browser, C.admin);
  bank = await signedIn(browser, B.reviewer);
  const cat = await api(connector, "GET", "/api/v1/catalogs/api-checklist-2018-08");
  const items = cat.json.items.filter((x) => x.party !== "bank");
  for (const it of items) {
    const body = it.no === 3 ? { status: "partial", current: OLD3, issues: "管理画面が多要素認証に未対応", plan: "2026年9月末までに管理画面へ導入", plan_due: "2026-09-30" }
      : { status: "implemented", current: `当社の対応${it.no}：` + LONG };
    const r = await api(connector, "PUT", `/api/v1/answers/${it.no}`, body);
    assert.equal(r.status, 200, JSON.stringify(r.json));
  }
  const v1 = await submitAndShare();
  for (const it of items) {
    const r = await api(bank, "PUT", `/api/v1/reviews/${v1}/items/${it.no}`, { verdict: "accepted" });
    assert.equal(r.status, 200, JSON.stringify(r.json));
  }
  let r = await api(bank, "POST", `/api/v1/reviews/${v1}/items/3/messages`, { text: "管理画面の多要素認証の導入時期を教えてください。" });
  assert.equal(r.status, 201);
  r = await api(connector, "POST", `/api/v1/reviews/${v1}/items/3/messages`, { text: "2026年9月末までに導入する予定です。", bank: B.org });
  assert.equal(r.status, 201);
  r = await api(bank, "POST", `/api/v1/reviews/${v1}/decision`, { decision: "conditional", reason: CONDITION });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  // Version 2: item 3 now done.
  r = await api(connector, "PUT", "/api/v1/answers/3", { status: "implemented", current: NEW3, issues: "", plan: "", plan_due: null });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  v2 = await submitAndShare();
});

async function item3Shows(page, { before, after }) {
  const card = page.locator("#item-3");
  const oldSide = card.locator(".ba-old");
  const newSide = card.locator(".ba-new");
  assert.equal(await oldSide.count(), 5, "status, current, issues, plan, plan_due");
  assert.equal(await oldSide.nth(0).locator("p.wrap").innerText(), before.status);
  assert.equal(await newSide.nth(0).locator("p.wrap").innerText(), after.status);
  assert.equal(await oldSide.nth(0).locator("del").innerText(), before.status);
  assert.equal(await newSide.nth(0).locator("ins").innerText(), after.status);
  assert.equal(await oldSide.nth(1).locator("p.wrap").innerText(), OLD3);
  assert.equal(await newSide.nth(1).locator("p.wrap").innerText(), NEW3);
  assert.deepEqual(await oldSide.nth(1).locator("del").allInnerTexts(), ["は"]);
  assert.deepEqual(await newSide.nth(1).locator("ins").allInnerTexts(), ["にも多要素認証を導入し、"]);
  assert.deepEqual(await oldSide.nth(2).locator("del").allInnerTexts(), ["管理画面が多要素認証に未対応"]);
  const thread = card.locator(".prev-thread");
  assert.equal(await thread.locator("h5").innerText(), before.thread);
  assert.deepEqual(await thread.locator("p.wrap").allInnerTexts(),
    ["管理画面の多要素認証の導入時期を教えてください。", "2026年9月末までに導入する予定です。"]);
}

test("the review of version 2 in Japanese: version 1 beside it, its thread, the condition at the top", async () => {
  await bank.goto(`${BASE_URL}/reviews/${v2}`);
  const prev = bank.locator("#previous-decision");
  assert.equal(await prev.locator("h2").innerText(), "前回（第1版）の審査結果");
  assert.equal(await prev.locator("dd.wrap").innerText(), CONDITION);
  assert.equal(await prev.locator(".chip").innerText(), "条件付適合");
  await item3Shows(bank, { before: { status: "一部対応", thread: "第1版でのやり取り（参照のみ）" }, after: { status: "対応済" } });
  assert.equal(await bank.locator("#item-4 .before-after").count(), 0, "an unchanged item has no before and after");
  await look(bank, "before-1-ja-1366");
  await bank.locator("#previous-decision").screenshot({ path: join(process.env.SHINSA_SHOTS, "before-1-ja-1366-decision.png") });
  await bank.locator("#item-3").screenshot({ path: join(process.env.SHINSA_SHOTS, "before-1-ja-1366-item3.png") });
  await bank.setViewportSize({ width: 390, height: 844 });
  await look(bank, "before-2-ja-390");
  await bank.locator("#item-3").screenshot({ path: join(process.env.SHINSA_SHOTS, "before-2-ja-390-item3.png") });
  // The link to the whole diff, which the bank may now read.
  await Promise.all([bank.waitForEvent("load"), bank.getByRole("link", { name: "第1版と第2版の差分を見る", exact: true }).click()]);
  assert.equal(await bank.locator("table.diff tbody tr").count(), 5);
  await look(bank, "before-3-ja-390-diff");
  await bank.setViewportSize({ width: 1366, height: 768 });
});

test("the same in English", async () => {
  await bank.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(`/reviews/${v2}`)}`);
  assert.equal(await bank.locator("html").getAttribute("lang"), "en");
  assert.equal(await bank.locator("#previous-decision h2").innerText(), "Decision on the previous version (1)");
  assert.equal(await bank.locator("#previous-decision dd.wrap").innerText(), CONDITION);
  await item3Shows(bank, { before: { status: "Partly implemented", thread: "Thread on version 1 (read-only)" }, after: { status: "Implemented" } });
  await look(bank, "before-4-en-1366");
  await bank.locator("#item-3").screenshot({ path: join(process.env.SHINSA_SHOTS, "before-4-en-1366-item3.png") });
  await bank.setViewportSize({ width: 390, height: 844 });
  await look(bank, "before-5-en-390");
  await bank.locator("#item-3").screenshot({ path: join(process.env.SHINSA_SHOTS, "before-5-en-390-item3.png") });
});
