// The inbox's upload of a package from another server
// (review_inbox_receive.html, inbox_receive.js): a bank reviewer chooses
// the .zip a connector exported on its own server (made here on a second
// database with the CLI, a long connector name); the page says what was
// received and the key's fingerprint to compare, links to the review, and
// the inbox lists it. The same package again, and a file that is no
// package, are refused in the page's words. Japanese and English, 1366
// and 390 px. A viewer is not offered the upload.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { packageFromElsewhere } from "./elsewhere.mjs";
import { BASE_URL, accounts, expectProblem, launch, look, signedIn } from "./lib.mjs";

let browser, dir, fp;
const B = accounts.bank;
const NAME = "株式会社ロングネーム・フィナンシャルテクノロジーズ・ホールディングス（電子決済等代行業者・関東財務局長（電代）第999号）";

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), "shinsa-inbox-receive-"));
  const key = packageFromElsewhere(dir, NAME, "フィンテック第1版.zip").publicKey;
  writeFileSync(join(dir, "memo.zip"), "これはzipではありません\n");
  const h = createHash("sha256").update(Buffer.from(key, "hex")).digest("hex").slice(0, 16);
  fp = h.match(/.{4}/g).join(" ");
});
after(async () => { await browser?.close(); });

const WORDS = {
  ja: {
    heading: "他のサーバーからの提出パッケージの受領", submit: "受領する",
    done: `${NAME}の第1版（提出番号1、ファイル0件）を受領し、受付一覧に追加しました。`,
    pinned: () => `${NAME}の鍵（フィンガープリント ${fp}）を登録しました。${NAME}が公表しているフィンガープリントと一致することを確認してください。`,
    open: "審査を開く",
    again: `このファイルは受領済みです（${B.org}、提出番号1）。`,
    notzip: "提出パッケージではありません。提出とともに出力された .zip ファイルを選んでください。",
  },
  en: {
    heading: "Receive a package from another server", submit: "Receive",
    done: `Received version 1 of ${NAME} (submission 1; files: 0) and added it to the inbox.`,
    open: "Open the review",
    again: `This was already received (${B.org}, submission 1).`,
    notzip: "This is not a submission package: choose the .zip file exported with the submission.",
  },
};

async function inbox(lang, width, email = B.reviewer) {
  const page = await signedIn(browser, email);
  if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent("/inbox")}`);
  else await page.goto(`${BASE_URL}/inbox`);
  await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
  return page;
}

async function send(page, w, file) {
  await page.getByText(w.heading).click();
  await page.locator("#receive-file").setInputFiles(join(dir, file));
  await page.getByRole("button", { name: w.submit, exact: true }).click();
  // Done when the button is back and the result is no longer "sending".
  await page.waitForFunction(() => {
    const f = document.getElementById("receive");
    const r = f.querySelector(".receive-result");
    return !f.querySelector("button[type=submit]").disabled && !r.hidden && r.textContent !== f.dataset.msgSending;
  });
  return page.locator(".receive-result");
}

test("ja-1366: the package received, its key's fingerprint, the review linked, the inbox lists it", async () => {
  const w = WORDS.ja;
  const page = await inbox("ja", 1366);
  const result = await send(page, w, "フィンテック第1版.zip");
  assert.deepEqual(await result.locator("p").allTextContents(), [w.done, w.pinned(), w.open]);
  assert.equal(await result.getByRole("link", { name: w.open }).getAttribute("href"), "/reviews/1");
  await look(page, "inboxreceive-ja-1366");
  await page.reload();
  assert.deepEqual(await page.locator("#inbox tbody td:first-child").allTextContents(), [NAME]);
  await look(page, "inboxreceive-ja-1366-listed");
  await page.close();
});

for (const [tag, lang, width, file, re] of [
  ["ja-390", "ja", 390, "フィンテック第1版.zip", /409/],
  ["en-1366", "en", 1366, "memo.zip", /400/],
  ["en-390", "en", 390, "フィンテック第1版.zip", /409/],
]) {
  test(`${tag}: refused in the page's words (${file})`, async () => {
    const w = WORDS[lang];
    const page = await inbox(lang, width);
    const result = await send(page, w, file);
    const text = await result.textContent();
    assert.ok(text.includes(file.endsWith("memo.zip") ? w.notzip : w.again), text);
    expectProblem(page, re);
    await look(page, `inboxreceive-${tag}`);
    await page.close();
  });
}

test("a viewer is not offered the upload", async () => {
  const page = await inbox("ja", 1366, B.viewer);
  assert.equal(await page.locator("#receive").count(), 0);
  await page.close();
});
