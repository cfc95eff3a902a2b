// The bank's review page as a workspace, in Chromium (issue 16, items 1
// and 2): nothing typed is lost and each item is one conversation.
//   - the 判定 select of a pending item starts empty (未判定);
//   - 照会 chosen on 通番33 with a question typed, then 通番7 saved: the
//     page does not reload, 33's choice and question are still there, the
//     counts follow 7's save; then 33 is saved, and after a reload the
//     question is in 33's thread with the 照会 chip;
//   - leaving with unsaved text makes the browser ask (beforeunload);
//   - a verdict saved at a revision the item is no longer at shows both
//     versions side by side and keeps the typed text;
//   - the connector replies in the same thread; the bank accepts and the
//     query shows 解決済.
// Screenshots in Japanese and English, at 1366 and 390 px wide, with a
// long answer on item 33.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, answeredAndShared, api, expectProblem, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector;
const B = accounts.bank;
const CATALOG = "api-checklist-2018-08";
const TEXT = "照会・要改善の内容（了承・対象外は任意のメモ）";
const QUESTION = "委託先の監査報告書（直近2年分）を提出してください。";
const LONG = "当社は外部委託先の管理規程に基づき、委託先ごとに年1回の監査を実施している。".repeat(40);

let browser;
let connector;
let bank;
let submission;

before(async () => {
  browser = await launch();
  connector = await signedIn(browser, C.editor);
  submission = await answeredAndShared(connector, CATALOG, B.org, LONG);
  bank = await signedIn(browser, B.reviewer);
});
after(async () => {
  await browser?.close();
});

const item = (page, no) => page.locator(`#item-${no}`);
const save = (page, no) => item(page, no).getByRole("button", { name: "判定を保存", exact: true });
// Attached, not visible: a filter may hide the item its save moved out of.
const saved = (page, no) => item(page, no).locator(".save-state").filter({ hasText: "保存しました" }).waitFor({ state: "attached" });

test("a pending item's verdict starts empty", async () => {
  await bank.goto(`${BASE_URL}/reviews/${submission}`);
  const select = item(bank, 33).getByLabel("判定", { exact: true });
  assert.equal(await select.inputValue(), "");
  assert.equal(await select.locator("option:checked").textContent(), "未判定");
});

test("saving item 7 keeps what is typed on item 33; 33 saved shows in its thread", async () => {
  let loads = 0;
  bank.on("load", () => loads++);
  await bank.locator("#f-verdict").selectOption("pending");
  await item(bank, 33).getByLabel("判定", { exact: true }).selectOption("query");
  await item(bank, 33).getByLabel(TEXT, { exact: true }).fill(QUESTION);
  await bank.evaluate(() => window.scrollTo(0, document.getElementById("item-7").offsetTop - 40));
  const y = await bank.evaluate(() => window.scrollY);
  await item(bank, 7).getByLabel("判定", { exact: true }).selectOption("accepted");
  await save(bank, 7).click();
  await saved(bank, 7);
  assert.equal(loads, 0, "the page did not reload");
  assert.equal(await item(bank, 33).getByLabel("判定", { exact: true }).inputValue(), "query");
  assert.equal(await item(bank, 33).getByLabel(TEXT, { exact: true }).inputValue(), QUESTION);
  assert.equal(await bank.locator("#f-verdict").inputValue(), "pending", "the filter stays");
  assert.equal(await item(bank, 7).isHidden(), true, "7 is no longer pending: the filter hides it");
  assert.equal(await bank.evaluate(() => window.scrollY), y, "the scroll position stays");
  await bank.getByText("了承 1", { exact: true }).waitFor();
  await bank.locator("#f-verdict").selectOption("");
  await save(bank, 33).click();
  await saved(bank, 33);
  await bank.getByText("照会 1", { exact: true }).waitFor();
  await bank.reload();
  const entry = item(bank, 33).locator(".thread .message-entry");
  assert.equal(await entry.count(), 1);
  assert.equal(await entry.locator(".wrap").textContent(), QUESTION);
  assert.equal(await entry.locator(".chip").textContent(), "照会");
  assert.equal(await item(bank, 33).getByLabel(TEXT, { exact: true }).inputValue(), "", "the box is for the next message");
  await look(bank, "workspace-01-bank-query");
});

test("leaving with unsaved text asks", async () => {
  await item(bank, 12).getByLabel(TEXT, { exact: true }).fill("まだ保存していない文");
  const asked = [];
  bank.removeAllListeners("dialog");
  bank.on("dialog", (d) => {
    asked.push(d.type());
    d.dismiss();
  });
  await bank.goto(`${BASE_URL}/reviews`).catch(() => null);
  assert.deepEqual(asked, ["beforeunload"]);
  assert.equal(new URL(bank.url()).pathname, `/reviews/${submission}`, "the page stayed");
  assert.equal(await item(bank, 12).getByLabel(TEXT, { exact: true }).inputValue(), "まだ保存していない文");
  await item(bank, 12).getByLabel(TEXT, { exact: true }).fill("");
  bank.removeAllListeners("dialog");
  bank.on("dialog", (d) => d.accept());
});

test("a verdict saved at an old revision shows both versions and keeps the typing", async () => {
  // Someone else answers item 12 after this page was read.
  const r = await api(bank, "PUT", `/api/v1/reviews/${submission}/items/12`, { verdict: "not_applicable", text: "別の担当者のメモ" });
  assert.equal(r.status, 200);
  await item(bank, 12).getByLabel("判定", { exact: true }).selectOption("improvement");
  await item(bank, 12).getByLabel(TEXT, { exact: true }).fill("手順書を改訂してください");
  await save(bank, 12).click();
  const box = item(bank, 12).locator(".conflict");
  await box.getByText("現在保存されている内容", { exact: true }).waitFor();
  expectProblem(bank, /status of 409 /);
  assert.deepEqual(await box.locator("dd").allTextContents(), ["対象外", "別の担当者のメモ", "要改善", "手順書を改訂してください"]);
  await item(bank, 12).screenshot({ path: `${process.env.SHINSA_SHOTS}/workspace-04-ja-1366-conflict.png` });
  await box.getByRole("button", { name: "最新の内容を表示する（入力した文はそのまま残ります）" }).click();
  await item(bank, 12).getByText("別の担当者のメモ", { exact: true }).waitFor();
  assert.equal(await item(bank, 12).getByLabel(TEXT, { exact: true }).inputValue(), "手順書を改訂してください");
  await save(bank, 12).click();
  await saved(bank, 12);
  assert.equal(await item(bank, 12).locator(".thread .message-entry").count(), 2);
});

test("the connector replies in the thread; the bank accepts and the query is resolved", async () => {
  await connector.goto(`${BASE_URL}/reviews/${submission}?bank=${encodeURIComponent(B.org)}`);
  await item(connector, 33).getByLabel("銀行への回答", { exact: true }).fill("別紙3として監査報告書を添付しました。");
  await item(connector, 33).getByRole("button", { name: "送信", exact: true }).click();
  await saved(connector, 33);
  assert.deepEqual(await item(connector, 33).locator(".thread .message-entry .wrap").allTextContents(),
    [QUESTION, "別紙3として監査報告書を添付しました。"]);
  await look(connector, "workspace-02-connector-reply");
  await bank.reload();
  await item(bank, 33).getByLabel("判定", { exact: true }).selectOption("accepted");
  await save(bank, 33).click();
  await saved(bank, 33);
  const first = item(bank, 33).locator(".thread .message-entry").first();
  assert.deepEqual(await first.locator(".chip").allTextContents(), ["照会", "解決済"]);
  assert.equal(await item(bank, 33).getByText("判定コメント：").count(), 0, "the query is not shown as the item's comment");
  await look(bank, "workspace-03-bank-resolved");
});

test("screenshots: Japanese and English, 1366 and 390 px", async () => {
  for (const [lang, prefix] of [["ja", "ja"], ["en", "en"]]) {
    await bank.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(`/reviews/${submission}#item-33`)}`);
    await bank.locator("#item-33").waitFor();
    for (const [width, height] of [[1366, 768], [390, 844]]) {
      await bank.setViewportSize({ width, height });
      await look(bank, `workspace-10-${prefix}-${width}`);
      // What a person sees at the end of item 33's long answer: its thread
      // and form, and item 12 (the improvement that followed the conflict).
      await bank.locator("#item-33 .thread").scrollIntoViewIfNeeded();
      await bank.screenshot({ path: `${process.env.SHINSA_SHOTS}/workspace-11-${prefix}-${width}-item33-view.png` });
      await bank.locator("#item-12").screenshot({ path: `${process.env.SHINSA_SHOTS}/workspace-12-${prefix}-${width}-item12.png` });
    }
  }
  await bank.setViewportSize({ width: 1366, height: 768 });
});
