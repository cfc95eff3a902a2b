// The audit page (/audit) in Chromium: its filters (who, what, object,
// from/to) narrow the table, and the CSV download of what is shown starts
// with the UTF-8 BOM and has its header row and rows to the letter. In
// Japanese and English, at 1366 and 390 px. The events filtered are made
// with the CLI at fixed times (SHINSA_NOW), so their dates are goldens.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, launch, look, signedIn } from "./lib.mjs";

let browser;
const C = accounts.connector;
const CLI = `cli:${userInfo().username}`;
const LONG = "長文の回答：".repeat(40);

function shinsa(now, ...args) {
  execFileSync(process.env.SHINSA, args, { env: { ...process.env, SHINSA_NOW: now }, stdio: "pipe" });
}

before(async () => {
  browser = await launch();
  // Three answers on three days (JST 18:00), and the editor named.
  shinsa("2026-05-01T09:00:00Z", "answers", "set", "--org", C.org, "--item", "1", "--status", "implemented", "--current", LONG);
  shinsa("2026-05-02T09:00:00Z", "answers", "set", "--org", C.org, "--item", "2", "--status", "partial", "--current", "一部");
  shinsa("2026-05-03T09:00:00Z", "answers", "set", "--org", C.org, "--item", "3", "--status", "not_implemented");
  shinsa("2026-05-02T10:00:00Z", "user", "update", "--email", C.editor, "--name", "編集 太郎", "--department", "業務推進部");
  // The editor signs in once: an event by a person with a name.
  const ed = await signedIn(browser, C.editor);
  await ed.close();
});
after(async () => { await browser?.close(); });

const WORDS = {
  ja: {
    apply: "絞り込む", edit: "回答の編集", update: "ユーザー情報の変更",
    header: "日時（JST）,組織,利用者,氏名（部署）,操作,対象,内容,詳細（JSON）",
    said: (n) => `通番${n}の回答を編集しました`,
    object: (n) => `通番${n}の回答`, objects: ["ユーザー「編集 太郎（業務推進部）」", "改善計画（番号1）", "通番2の回答"],
  },
  en: {
    apply: "Filter", edit: "Answer edited", update: "User changed",
    header: "Time (JST),Organisation,User,Name (department),Action,Object,What,Details (JSON)",
    said: (n) => `answer to item ${n} edited`,
    object: (n) => `answer to No. ${n}`, objects: ["user 編集 太郎（業務推進部）", "plan 1", "answer to No. 2"],
  },
};

async function open(lang, width, query) {
  const page = await signedIn(browser, C.admin);
  const path = `/audit${query ? `?${query}` : ""}`;
  if (lang === "en") await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(path)}`);
  else await page.goto(`${BASE_URL}${path}`);
  await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
  return page;
}

// The table's rows as [who, action, object] (who: its first line; object:
// its code, kept as the cell's title under its words).
async function rows(page) {
  return page.locator("#audit tbody tr").evaluateAll((trs) => trs.map((tr) => {
    const c = tr.cells;
    if (c.length < 6) return [c[0].textContent.trim()];
    const who = c[2].querySelector(".person") ? c[2].querySelector(".person").firstChild.textContent : c[2].textContent;
    return [who.trim(), c[3].textContent.trim(), c[4].title];
  }));
}

// Fills the filter form by the fields' names and applies it, as a person would.
async function filter(page, w, fields) {
  const form = page.locator("#audit-filter");
  for (const name of ["actor", "object", "from", "to"]) await form.locator(`[name=${name}]`).fill(fields[name] ?? "");
  await form.locator("[name=action]").selectOption(fields.action ?? "");
  await Promise.all([page.waitForURL(/\/audit\?/), form.getByRole("button", { name: w.apply, exact: true }).click()]);
}

for (const lang of ["ja", "en"]) {
  for (const width of [1366, 390]) {
    const tag = `${lang}-${width}`;
    const w = WORDS[lang];
    test(`audit page ${tag}: the filters narrow the table`, async () => {
      const page = await open(lang, width);
      const all = (await rows(page)).length;
      assert.ok(all > 6, `every event at first (${all})`);

      await filter(page, w, { action: "answer_edit" });
      assert.deepEqual(await rows(page), [3, 2, 1].map((n) => [CLI, w.edit, `answer:${n}`]));

      await filter(page, w, { action: "answer_edit", object: "answer:2" });
      assert.deepEqual(await rows(page), [[CLI, w.edit, "answer:2"]]);
      assert.equal(await page.locator("#audit tbody td:nth-child(5)").textContent(), w.object(2), "the object in words");

      // 2026/5/2 as typed in Japan: one JST day, every action.
      await filter(page, w, { from: "2026/5/2", to: "2026-05-02" });
      const day = await rows(page);
      // The partial answer made its plan in the same change.
      assert.deepEqual(day.map((r) => r[2]), ["user:2", "plan:1", "answer:2"]);
      assert.equal(day[0][1], w.update);
      assert.deepEqual(await page.locator("#audit tbody td:nth-child(5)").allTextContents(), w.objects);

      // Who: the editor, named 編集 太郎（業務推進部） with the e-mail beneath.
      await filter(page, w, { actor: C.editor });
      const by = await rows(page);
      assert.ok(by.length >= 1);
      for (const r of by) assert.equal(r[0], "編集 太郎（業務推進部）");
      assert.equal(await page.locator("#audit tbody .person-email").first().textContent(), C.editor);
      await look(page, `auditpage-1-who-${tag}`);

      await filter(page, w, { action: "answer_edit", from: "2026-05-02" });
      assert.deepEqual((await rows(page)).map((r) => r[2]), ["answer:3", "answer:2"]);
      assert.equal(await page.locator("#audit-filter [name=from]").inputValue(), "2026-05-02", "the filter stays as typed");
      await look(page, `auditpage-2-filtered-${tag}`);
      await page.close();
    });

    test(`audit page ${tag}: the CSV of what is shown`, async () => {
      const page = await open(lang, width, "action=answer_edit&from=2026%2F5%2F1&to=2026-05-03");
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#audit-csv").click()]);
      const bytes = readFileSync(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "the UTF-8 BOM first");
      const lines = bytes.subarray(3).toString("utf8").split("\r\n");
      assert.equal(lines.at(-1), "", "CRLF after the last row");
      assert.equal(lines[0], w.header);
      const got = lines.slice(1, -1);
      const org = C.org;
      assert.deepEqual(got, [
        `2026-05-03 18:00,${org},${CLI},,${w.edit},answer:3,${w.said(3)},"{""catalog"":""api-checklist-2018-08"",""fields"":[""status""]}"`,
        `2026-05-02 18:00,${org},${CLI},,${w.edit},answer:2,${w.said(2)},"{""catalog"":""api-checklist-2018-08"",""fields"":[""status"",""current""]}"`,
        `2026-05-01 18:00,${org},${CLI},,${w.edit},answer:1,${w.said(1)},"{""catalog"":""api-checklist-2018-08"",""fields"":[""status"",""current""]}"`,
      ]);
      assert.equal(download.suggestedFilename(), lang === "ja" ? "監査ログ.csv" : "audit-log.csv");
      await look(page, `auditpage-3-csv-${tag}`);
      // The download is itself an event (audit_export), with its filters.
      const ev = await api(page, "GET", "/api/v1/audit?action=audit_export&limit=1");
      assert.equal(ev.json[0].actor, C.admin);
      await page.close();
    });
  }
}
