// Files in review threads, in Chromium (issue 18, part E): the bank asks a
// query on item 33 (a long answer); the connector answers it with a PNG
// screenshot chosen in the reply form (the button in the page's words), a
// file over 20 MiB being refused on the page first with the typed text
// kept; the bank sees the file in the thread as a download link and
// downloads it byte-equal. Screenshots of both sides in Japanese and
// English, at 1366 and 390 px wide.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, answeredAndShared, api, assertNoSideScroll, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector;
const B = accounts.bank;
const LONG = "当社は外部委託先の管理規程に基づき、委託先ごとに年1回の監査を実施している。".repeat(40);
const QUESTION = "管理画面の多要素認証の設定画面を示してください。";
const REPLY = "設定画面のスクリーンショットを添付します。全管理者に多要素認証を必須としています。";
const NAME = "管理画面_多要素認証の設定（2026年4月1日時点・本番環境）.png";
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

let browser;
let connector;
let bank;
let submission;

before(async () => {
  browser = await launch();
  connector = await signedIn(browser, C.editor);
  submission = await answeredAndShared(connector, "api-checklist-2018-08", B.org, LONG);
  bank = await signedIn(browser, B.reviewer);
  const r = await api(bank, "PUT", `/api/v1/reviews/${submission}/items/33`, { verdict: "query", text: QUESTION });
  assert.equal(r.status, 200, JSON.stringify(r.json));
});
after(async () => {
  await browser?.close();
});

const item = (page, no) => page.locator(`#item-${no}`);

test("a file over 20 MiB is refused on the page, the typed text kept", async () => {
  await connector.goto(`${BASE_URL}/reviews/${submission}?bank=${encodeURIComponent(B.org)}#item-33`);
  const it = item(connector, 33);
  await it.getByLabel("銀行への回答", { exact: true }).fill(REPLY);
  assert.equal(await it.locator(".file-pick-button").textContent(), "ファイルを選択");
  await it.getByLabel("添付ファイル", { exact: true }).setInputFiles({ name: "big.png", mimeType: "image/png", buffer: Buffer.alloc(21 * 1024 * 1024) });
  await it.getByRole("button", { name: "送信", exact: true }).click();
  const alert = it.locator("#message-33 [role=alert]");
  await alert.waitFor();
  assert.equal(await alert.textContent(), "ファイル「big.png」は 21.00 MiB あります。添付できるのは 20 MiB までです。");
  assert.equal(await it.getByLabel("銀行への回答", { exact: true }).inputValue(), REPLY);
  assert.equal(await it.locator(".thread .message-entry").count(), 1, "nothing was posted");
  await it.screenshot({ path: `${process.env.SHINSA_SHOTS}/threadfiles-too-large-item33.png` });
});

test("the connector answers the query with a PNG", async () => {
  const it = item(connector, 33);
  await it.getByLabel("添付ファイル", { exact: true }).setInputFiles({ name: NAME, mimeType: "image/png", buffer: PNG });
  assert.equal(await it.locator(".file-pick-name").textContent(), NAME);
  await it.getByRole("button", { name: "送信", exact: true }).click();
  await it.locator(".save-state").filter({ hasText: "保存しました" }).waitFor({ state: "attached" });
  const last = item(connector, 33).locator(".thread .message-entry").last();
  assert.equal(await last.locator(".wrap").textContent(), REPLY);
  assert.deepEqual(await last.locator(".thread-files a").allTextContents(), [NAME]);
  assert.equal(await item(connector, 33).locator(".file-pick-button").textContent(), "ファイルを選択", "the new form's button in the page's words");
  assert.equal(await item(connector, 33).locator(".file-pick-name").textContent(), "選択されていません");
  await item(connector, 33).scrollIntoViewIfNeeded();
  await look(connector, "threadfiles-connector-sent");
  await item(connector, 33).screenshot({ path: `${process.env.SHINSA_SHOTS}/threadfiles-connector-sent-item33.png` });
});

test("the bank downloads the screenshot from the thread", async () => {
  await bank.goto(`${BASE_URL}/reviews/${submission}#item-33`);
  const link = item(bank, 33).locator(".thread-files a");
  assert.deepEqual(await link.allTextContents(), [NAME]);
  const [download] = await Promise.all([bank.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), NAME);
  assert.deepEqual(readFileSync(await download.path()), PNG);
  const reads = await api(connector, "GET", "/api/v1/shares");
  assert.ok(reads.json[0].accesses.length > 0, "the download is among the share's reads");
});

test("the bank sends a template with a query", async () => {
  const it = item(bank, 20);
  await it.getByLabel("判定", { exact: true }).selectOption("query");
  await it.getByLabel("照会・要改善の内容（了承・対象外は任意のメモ）", { exact: true }).fill("この様式で委託先一覧をお送りください。");
  await it.getByLabel("添付ファイル", { exact: true }).setInputFiles({ name: "委託先一覧_様式.csv", mimeType: "text/csv", buffer: Buffer.from("通番,委託先名,所在地\n") });
  await it.getByRole("button", { name: "判定を保存", exact: true }).click();
  await item(bank, 20).locator(".save-state").filter({ hasText: "保存しました" }).waitFor({ state: "attached" });
  const entry = item(bank, 20).locator(".thread .message-entry");
  assert.equal(await entry.locator(".wrap").textContent(), "この様式で委託先一覧をお送りください。");
  assert.deepEqual(await entry.locator(".thread-files a").allTextContents(), ["委託先一覧_様式.csv"]);
  await item(bank, 20).screenshot({ path: `${process.env.SHINSA_SHOTS}/threadfiles-bank-template-item20.png` });
});

// Version 2 seals an ISMS certificate valid until 2026-03-31 (items 2
// and 3) and a policy valid until 2099 (item 2); sealing at submit is
// another part's, so the document is stored as the store holds any.
test("the bank sees the expired certificate on the items it supports", async () => {
  const run = (cmd, args) => execFileSync(cmd, args, { env: process.env, stdio: "pipe" }).toString();
  const doc = JSON.parse(run("sqlite3", [process.env.SHINSA_DB, `SELECT document FROM submission WHERE id = ${submission}`]));
  doc.version = 2;
  doc.attachments = [
    { items: [2, 3], name: "ISMS認証書（2023年版・全社・本社および全拠点を適用範囲とする）.pdf", sha256: "b".repeat(64), size: 10, title: "ISMS認証書", type: "application/pdf", valid_until: "2026-03-31" },
    { items: [2], name: "規程.pdf", sha256: "a".repeat(64), size: 10, title: "", type: "application/pdf", valid_until: "2099-12-31" },
  ];
  const text = JSON.stringify(doc).replaceAll("'", "''");
  run("sqlite3", [process.env.SHINSA_DB, `INSERT INTO submission (org_id, catalog_id, version, document, sha256, signature, submitted_at) SELECT org_id, catalog_id, 2, '${text}', 'ab', 'cd', submitted_at FROM submission WHERE id = ${submission}`]);
  const id = Number(run("sqlite3", [process.env.SHINSA_DB, "SELECT max(id) FROM submission"]));
  const share = await api(connector, "POST", `/api/v1/submissions/${id}/shares`, { bank: B.org });
  assert.equal(share.status, 201, JSON.stringify(share.json));
  for (const [lang, width, mark] of [["ja", 1366, "期限切れ：ISMS認証書（2023年版・全社・本社および全拠点を適用範囲とする）.pdf（有効期限 2026-03-31）"],
    ["en", 390, "Expired: ISMS認証書（2023年版・全社・本社および全拠点を適用範囲とする）.pdf (valid until 2026-03-31)"]]) {
    await bank.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    await bank.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(`/reviews/${id}`)}`);
    // The page marks its notifications read as it opens: let that finish.
    await bank.waitForLoadState("networkidle");
    for (const no of [2, 3]) assert.deepEqual(await item(bank, no).locator(".chips .chip.bad").allTextContents(), [mark]);
    assert.equal(await item(bank, 4).locator(".chips .chip.bad").count(), 0);
    await assertNoSideScroll(bank);
    await item(bank, 2).screenshot({ path: `${process.env.SHINSA_SHOTS}/threadfiles-expired-${lang}-${width}-item2.png` });
  }
  await bank.setViewportSize({ width: 1366, height: 768 });
  await bank.goto(`${BASE_URL}/lang/ja?next=${encodeURIComponent(`/reviews/${submission}`)}`);
  await bank.waitForLoadState("networkidle");
});

for (const [lang, width] of [["ja", 1366], ["ja", 390], ["en", 1366], ["en", 390]]) {
  test(`the thread's file on both sides, ${lang} at ${width} px`, async () => {
    for (const [who, page, path] of [["bank", bank, `/reviews/${submission}`], ["connector", connector, `/reviews/${submission}?bank=${encodeURIComponent(B.org)}`]]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await page.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(path)}`);
      await page.goto(`${BASE_URL}${path}#item-33`);
      const it = item(page, 33);
      assert.deepEqual(await it.locator(".thread-files a").allTextContents(), [NAME]);
      if (who === "connector") {
        assert.equal(await it.locator(".file-pick-button").textContent(), lang === "ja" ? "ファイルを選択" : "Choose a file");
      }
      await it.scrollIntoViewIfNeeded();
      await look(page, `threadfiles-${who}-${lang}-${width}`);
      // The item itself, to look at closely (the page is 45 long items).
      await it.screenshot({ path: `${process.env.SHINSA_SHOTS}/threadfiles-${who}-${lang}-${width}-item33.png` });
      await it.locator(".thread").screenshot({ path: `${process.env.SHINSA_SHOTS}/threadfiles-${who}-${lang}-${width}-thread.png` });
      if (who === "connector") await it.locator("#message-33").screenshot({ path: `${process.env.SHINSA_SHOTS}/threadfiles-${who}-${lang}-${width}-form.png` });
    }
  });
}
