// Choosing the bank from a list when sharing (issue 17 item 2), in
// Chromium: on a submission's page the connector's editor types
// 株式会社デモ into 銀行名, sees デモ銀行 offered (the server compares name
// keys, so 株式会社 typed does not hide it as a <datalist> would), chooses
// it with the keyboard and shares; the share row says デモ銀行. Then the
// list's other ways: an input method composing (nothing asked until the
// text is committed), empty (the first 20 and a note that more match),
// half-width ﾃﾞﾓ, a name that matches none, Escape (the text kept), a
// click. In Japanese and English, at 1366 and 390 px wide (the list no
// wider than the screen), with long bank names. Last, the ranking as typed
// (株式会社み: 株式会社みらい銀行 first) and Enter that never sends the
// text as typed while several candidates are listed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, test } from "node:test";
import { join } from "node:path";
import { BASE_URL, accounts, api, assertClean, assertNoSideScroll, launch, signedIn } from "./lib.mjs";

const C = accounts.connector;
const CATALOG = "api-checklist-2018-08";
const LONG = "株式会社東日本地域連携フィナンシャルグループ・デジタルバンキング銀行";
const LOCAL = Array.from({ length: 20 }, (_, i) => `地方銀行${String(i + 1).padStart(2, "0")}`);

let browser;
const subs = [];

before(async () => {
  // More banks than the list shows, on the server run.sh started.
  for (const name of ["デモ銀行", "DEMO Bank", LONG, ...LOCAL])
    execFileSync(process.env.SHINSA, ["org", "add", "--kind", "bank", "--name", name], { stdio: "ignore" });
  browser = await launch();
  const connector = await signedIn(browser, C.editor);
  const cat = await api(connector, "GET", `/api/v1/catalogs/${CATALOG}`);
  for (const it of cat.json.items.filter((i) => i.party !== "bank")) {
    const r = await api(connector, "PUT", `/api/v1/answers/${it.no}`, { status: "implemented", current: `当社の対応${it.no}` });
    assert.equal(r.status, 200, `item ${it.no}: ${JSON.stringify(r.json)}`);
  }
  for (let v = 0; v < 2; v++) {
    const s = await api(connector, "POST", "/api/v1/submissions", {});
    assert.equal(s.status, 201, JSON.stringify(s.json));
    subs.push(s.json.id);
  }
  await connector.close();
});
after(async () => {
  await browser?.close();
});

const box = (page) => page.getByRole("combobox", { name: /^(銀行名|Bank name)$/ });
const options = (page) => page.getByRole("listbox").getByRole("option");
const note = (page) => page.locator(".bank-note");

// The screen as the person sees it, scrolled to the shares (a full page
// is the whole answer set too).
async function look(page, name) {
  await assertNoSideScroll(page);
  await page.evaluate(() => document.getElementById("shares-head").scrollIntoView());
  await page.screenshot({ path: join(process.env.SHINSA_SHOTS, `${name}.png`) });
  assertClean(page);
}

// Types text as a person would and waits for the list's answer to it.
async function typeAndWait(page, text) {
  const q = `q=${encodeURIComponent(text)}`;
  await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${BASE_URL}/api/v1/banks?`) && r.url().endsWith(q)),
    box(page).pressSequentially(text),
  ]);
  await page.locator(".bank-popup").waitFor();
}

async function shareWith(page, lang, sub, width) {
  await page.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(`/submissions/${sub}`)}`);
  await page.setViewportSize({ width, height: width > 700 ? 768 : 844 });
  await typeAndWait(page, "株式会社デモ");
  assert.deepEqual(await options(page).allTextContents(), ["デモ銀行"]);
  assert.equal(await box(page).getAttribute("aria-expanded"), "true");
  await box(page).press("ArrowDown");
  const id = await options(page).first().getAttribute("id");
  assert.equal(await box(page).getAttribute("aria-activedescendant"), id);
  assert.equal(await options(page).first().getAttribute("aria-selected"), "true");
  // The list stays within the screen.
  const r = await page.locator(".bank-popup").boundingBox();
  assert.ok(r.x >= 0 && r.x + r.width <= width, `the list spans ${r.x}..${r.x + r.width} of ${width} px`);
  await look(page, `banks-01-${lang}-${width}-offered`);
  await box(page).press("Enter");
  assert.equal(await box(page).inputValue(), "デモ銀行");
  assert.equal(await box(page).getAttribute("aria-expanded"), "false");
  assert.equal(await page.locator(".bank-popup").isHidden(), true);
  const submit = lang === "ja" ? "共有する" : "Share";
  await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: submit, exact: true }).click()]);
  const row = page.locator("table.shares tbody tr");
  assert.equal(await row.count(), 1);
  assert.equal((await row.locator("td, th").first().textContent()).trim(), "デモ銀行");
  await look(page, `banks-02-${lang}-${width}-shared`);
}

test("ja, 1366 px: 株式会社デモ offers デモ銀行; chosen by the keyboard, it is shared", async () => {
  const page = await signedIn(browser, C.editor);
  await shareWith(page, "ja", subs[0], 1366);
  assert.deepEqual(
    (await api(page, "GET", "/api/v1/shares")).json.map((s) => [s.submission, s.bank]),
    [[subs[0], "デモ銀行"]],
  );
  await page.close();
});

test("en, 390 px: the same on a phone", async () => {
  const page = await signedIn(browser, C.editor);
  await shareWith(page, "en", subs[1], 390);
  await page.goto(`${BASE_URL}/lang/ja?next=%2F`);
  await page.close();
});

test("while an input method composes (でも), nothing is asked; committed as デモ, デモ銀行 is offered", async () => {
  const page = await signedIn(browser, C.editor);
  await page.goto(`${BASE_URL}/submissions/${subs[0]}`);
  const asked = [];
  page.on("request", (q) => q.url().startsWith(`${BASE_URL}/api/v1/banks`) && asked.push(decodeURIComponent(q.url().split("q=")[1])));
  await box(page).focus();
  const ime = await page.context().newCDPSession(page);
  await ime.send("Input.imeSetComposition", { text: "でも", selectionStart: 2, selectionEnd: 2 });
  await page.waitForTimeout(500);
  assert.equal(await box(page).inputValue(), "でも");
  assert.deepEqual(asked, []);
  await Promise.all([
    page.waitForResponse((r) => r.url() === `${BASE_URL}/api/v1/banks?q=${encodeURIComponent("デモ")}`),
    ime.send("Input.insertText", { text: "デモ" }),
  ]);
  await page.locator(".bank-popup").waitFor();
  assert.deepEqual(asked, ["デモ"]);
  assert.deepEqual(await options(page).allTextContents(), ["デモ銀行"]);
  assertClean(page);
  await page.close();
});

test("the list's other ways: empty, ﾃﾞﾓ, no match, Escape, a click (ja and en, 1366 and 390 px)", async () => {
  const page = await signedIn(browser, C.editor);
  for (const lang of ["ja", "en"]) {
    for (const width of [1366, 390]) {
      await page.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(`/submissions/${subs[0]}`)}`);
      await page.setViewportSize({ width, height: width > 700 ? 768 : 844 });
      // Empty: the first 20 by name, and a note that more match.
      await Promise.all([
        page.waitForResponse((r) => r.url() === `${BASE_URL}/api/v1/banks?q=`),
        box(page).click(),
      ]);
      await page.getByRole("listbox").waitFor();
      assert.deepEqual(await options(page).allTextContents(), ["DEMO Bank", "デモ銀行", "ブラウザ銀行", ...LOCAL.slice(0, 17)]);
      assert.equal(await options(page).count(), 20);
      assert.equal(await note(page).textContent(), lang === "ja"
        ? "ほかにも該当する銀行があります。続けて入力すると絞り込めます。"
        : "More banks match: keep typing to narrow the list.");
      await look(page, `banks-03-${lang}-${width}-all`);
      // Half-width katakana.
      await typeAndWait(page, "ﾃﾞﾓ");
      assert.deepEqual(await options(page).allTextContents(), ["デモ銀行"]);
      // None: said, and Escape closes the list keeping the text.
      await box(page).fill("");
      await typeAndWait(page, "存在しない");
      assert.equal(await options(page).count(), 0);
      assert.equal(await note(page).textContent(), lang === "ja" ? "該当する銀行がありません" : "No bank matches");
      await look(page, `banks-04-${lang}-${width}-none`);
      await box(page).press("Escape");
      assert.equal(await page.locator(".bank-popup").isHidden(), true);
      assert.equal(await box(page).inputValue(), "存在しない");
      // A click (a tap on a phone) chooses the long name, registered in full.
      await box(page).fill("");
      await typeAndWait(page, "フィナンシャル");
      await look(page, `banks-05-${lang}-${width}-long`);
      await options(page).first().click();
      assert.equal(await box(page).inputValue(), LONG);
      assert.equal(await page.locator(".bank-popup").isHidden(), true);
    }
  }
  await page.goto(`${BASE_URL}/lang/ja?next=%2F`);
  assertClean(page);
  await page.close();
});

// 株式会社み is someone typing 株式会社みらい銀行: it is offered first,
// above みなと信用金庫 (whose key merely starts with み). Enter with two
// candidates and none marked sends nothing and says to choose; Enter with
// one candidate chooses it.
test("株式会社み offers 株式会社みらい銀行 first; Enter never sends the text as typed (ja 1366, en 390)", async () => {
  for (const name of ["株式会社みらい銀行", "みなと信用金庫"])
    execFileSync(process.env.SHINSA, ["org", "add", "--kind", "bank", "--name", name], { stdio: "ignore" });
  const page = await signedIn(browser, C.editor);
  const posted = [];
  page.on("request", (q) => q.method() === "POST" && posted.push(new URL(q.url()).pathname));
  for (const [lang, width] of [["ja", 1366], ["en", 390]]) {
    await page.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(`/submissions/${subs[0]}`)}`);
    await page.setViewportSize({ width, height: width > 700 ? 768 : 844 });
    await typeAndWait(page, "株式会社み");
    assert.deepEqual(await options(page).allTextContents(), ["株式会社みらい銀行", "みなと信用金庫"]);
    await box(page).press("Enter");
    assert.equal(await note(page).textContent(), lang === "ja"
      ? "候補から選んでください。↑↓キーで選び、Enterで決定します。"
      : "Choose one from the list: ↑ and ↓ to pick, Enter to choose.");
    assert.equal(await page.locator(".bank-popup").isHidden(), false, "the list stays open");
    assert.equal(await box(page).inputValue(), "株式会社み");
    await look(page, `banks-06-${lang}-${width}-choose`);
    await box(page).press("ArrowDown");
    await box(page).press("Enter");
    assert.equal(await box(page).inputValue(), "株式会社みらい銀行");
    // One candidate: Enter chooses it.
    await box(page).fill("");
    await typeAndWait(page, "みなと");
    assert.deepEqual(await options(page).allTextContents(), ["みなと信用金庫"]);
    await box(page).press("Enter");
    assert.equal(await box(page).inputValue(), "みなと信用金庫");
    assert.equal(await page.locator(".bank-popup").isHidden(), true);
  }
  assert.deepEqual(posted.filter((p) => p.endsWith("/shares")), [], "nothing was shared");
  await page.goto(`${BASE_URL}/lang/ja?next=%2F`);
  assertClean(page);
  await page.close();
});
