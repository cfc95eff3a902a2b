// An answer longer than a field holds (32,000 characters, what the A3
// form's cell carries), pasted into the answers page in Chromium: the save
// is refused and said under the item, the text stays in the box as it was
// pasted, nothing is stored; cut to the limit, it saves, and the form
// downloads.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, expectProblem, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector;

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await signedIn(browser, C.editor);
  await page.goto(page.url().replace(/\/[^/]*$/, "/answers"));
});
after(async () => {
  await browser?.close();
});

test("a pasted answer over the limit is refused, kept in its box, and saves once cut", async () => {
  const form = page.locator("form#answer-2");
  const box = form.locator('textarea[name="current"]');
  const long = "当".repeat(32001);
  // As a paste: the whole text at once, then the box loses focus.
  await box.fill(long);
  await box.blur();
  const alert = form.locator(".conflict");
  await alert.waitFor({ state: "visible" });
  const said = (await alert.innerText()).trim();
  assert.equal(said, "入力内容を確認してください。\n\n入力が長すぎます。32000 文字以内にしてください（入力した文字は消えていません）。");
  expectProblem(page, /status of 400/);
  assert.equal((await box.inputValue()).length, 32001, "the text stays as pasted");
  const stored = await api(page, "GET", "/api/v1/answers");
  assert.equal(stored.json.items.find((i) => i.no === 2).current, "", "nothing stored");
  await look(page, "limits-1-refused");
  await form.screenshot({ path: join(process.env.SHINSA_SHOTS, "limits-1-refused-item.png") });

  await box.fill(long.slice(1));
  await box.blur();
  await form.locator(".save-state").filter({ hasText: /保存しました|Saved/ }).waitFor();
  const saved = await api(page, "GET", "/api/v1/answers");
  assert.equal(saved.json.items.find((i) => i.no === 2).current.length, 32000);
  const xlsx = await page.request.get(page.url().replace(/\/answers.*$/, "/api/v1/answers/export"));
  assert.equal(xlsx.status(), 200, "the form with it downloads");
});

// The same on a phone, and in English: the refusal under the item, the page
// not scrolling sideways, the text still there.
test("on a phone, in English, the refusal and the pasted text stay", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE_URL}/lang/en?next=%2Fanswers`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const form = page.locator("form#answer-3");
  const box = form.locator('textarea[name="plan"]');
  await box.fill("x".repeat(32001));
  await box.blur();
  const alert = form.locator(".conflict");
  await alert.waitFor({ state: "visible" });
  assert.equal((await alert.innerText()).trim(), "Check what you entered.\n\nToo long: keep it to 32000 characters (what you typed is still there).");
  expectProblem(page, /status of 400/);
  assert.equal((await box.inputValue()).length, 32001);
  await look(page, "limits-2-en-390");
  await form.screenshot({ path: join(process.env.SHINSA_SHOTS, "limits-2-en-390-item.png") });
});

