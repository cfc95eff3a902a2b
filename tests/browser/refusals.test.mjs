// Two refusals that named nothing (issue 17), in Chromium, in Japanese and
// English at 1366 and 390 px:
//   - a new password of 5 characters: the rule it broke under the field
//     (新しいパスワードは10文字以上にしてください。), the field marked
//     invalid, and the mark gone once it is typed again;
//   - the audit filter with 開始日「先週」: the refusal names 開始日, and
//     instead of a table (an empty one read as "no events") the page says
//     to correct the filter.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { BASE_URL, PASSWORD, accounts, expectProblem, launch, look, signedIn } from "./lib.mjs";

const C = accounts.connector;
let browser;

before(async () => {
  browser = await launch();
});
after(async () => { await browser?.close(); });

const WORDS = {
  ja: {
    current: "現在のパスワード", fresh: "新しいパスワード", again: "新しいパスワード（確認のため再入力）",
    submit: "パスワードを変更", rule: "新しいパスワードは10文字以上にしてください。",
    bad: "開始日「先週」を日付として読み取れません。2027-07-31、2027/7/31、令和9年7月31日 などの形で入力してください。",
    fix: "絞り込み条件を直してください。直すと、条件に合う記録を表示します。", from: "先週",
  },
  en: {
    current: "Current password", fresh: "New password", again: "New password again",
    submit: "Change password", rule: "The new password must be at least 10 characters long.",
    bad: "From: “last week” cannot be read as a day. Write it as 2027-07-31, 2027/7/31 or 令和9年7月31日.",
    fix: "Correct the filter: the records that match it are shown then.", from: "last week",
  },
};

async function open(email, lang, width, path) {
  const page = await signedIn(browser, email);
  if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
  else await page.goto(`${BASE_URL}${path}`);
  await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
  return page;
}

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const w = WORDS[lang];
    test(`a new password too short says its rule by the field (${lang}, ${width})`, async () => {
      const page = await open(C.viewer, lang, width, "/account/password");
      const labels = await page.locator("#password-form label").allTextContents();
      assert.deepEqual(labels, [w.current, w.fresh, w.again]);
      await page.locator("#current").fill(PASSWORD);
      await page.locator("#new").fill("abcde");
      await page.locator("#new-again").fill("abcde");
      await page.getByRole("button", { name: w.submit, exact: true }).click();
      const rule = page.locator("#new-problem");
      await rule.waitFor();
      expectProblem(page, /status of 400 /);
      assert.equal(await rule.textContent(), w.rule);
      assert.equal(await page.locator("#new").getAttribute("aria-invalid"), "true");
      assert.equal(await page.locator("#new").getAttribute("aria-describedby"), "new-problem new-help");
      await look(page, `refusals-01-${lang}-${width}-password-short`);
      await page.locator("#new").fill("abcdef");
      assert.equal(await rule.isHidden(), true, "typed again: the rule is no longer shown");
      assert.equal(await page.locator("#new").getAttribute("aria-invalid"), null);
      await page.close();
    });

    test(`an audit day not read names its field and shows no table (${lang}, ${width})`, async () => {
      const page = await open(C.admin, lang, width, `/audit?from=${encodeURIComponent(w.from)}`);
      expectProblem(page, /status of 400 /);
      assert.equal(await page.locator("#audit-filter-error").textContent(), w.bad);
      assert.equal(await page.locator("#audit-fix-filter").textContent(), w.fix);
      assert.equal(await page.locator("#audit").count(), 0);
      assert.equal(await page.locator("input[name=from]").inputValue(), w.from, "what was typed stays");
      await look(page, `refusals-02-${lang}-${width}-audit-bad-day`);
      await page.close();
    });
  }
}
