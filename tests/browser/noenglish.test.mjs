// No English on a Japanese page: every page, as a connector (admin) and as a
// bank (admin, reviewer), in Japanese, with each page's refusals triggered
// (a bank that is not there, a wrong two-factor code, a wrong current
// password, a bad e-mail address, an answer over its length, a
// relation-only mapping): the visible text has no Latin-alphabet sentence
// outside a short list (API, Excel, TOTP, JSON, e-mail addresses, file
// names, catalog ids, URLs, ISO dates, sha256 hex). A failure prints what it
// found, page by page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, expectProblem, launch, look, signedIn } from "./lib.mjs";

const SEED = fileURLToPath(new URL("../../catalog/sources/000_facbf1237c5cd287.txt", import.meta.url));
const C = accounts.connector;
const B = accounts.bank;
let browser;
let submission;
let planId;

// What may stay Latin on a Japanese page, taken out before looking.
const ALLOWED = [
  /https?:\/\/\S+/g, // URLs
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail addresses
  /\b\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?\b/g, // ISO dates
  /\b[0-9a-f]{16,64}\b/g, // sha256 hex (and its short form)
  /[\w.-]*\.?\b(xlsx|xls|csv|tsv|json|docx|txt|pdf|zip)\b/gi, // file names and their kinds
  /Authorization: Bearer/g, // how an API token is sent
  /\b[a-z0-9]+(?:[-_][a-z0-9]+)+(?:@[\w.-]+)?\b/g, // catalog ids (jfsa-api-checklist, fisc-…)
  /\b(API|Excel|TOTP|JSON|CSV|TSV|UTF-8|Shift_JIS|CP932|Shinsa|QR|ID|URL|Word|PDF|English|OK|UTC|JST|No|XLSX)\b/g,
];

// The Latin sentences left in text once the allowed is taken out: two or
// more Latin words in a row, or a lowercase word of three letters or more.
export function latinSentences(text) {
  let t = text;
  for (const re of ALLOWED) t = t.replace(re, " ");
  const found = t.match(/[A-Za-z][A-Za-z'’]+(?:[ ,.:;()-]+[A-Za-z][A-Za-z'’]+)+|\b[a-z]{3,}\b/g) || [];
  return found.map((s) => s.trim());
}

// Codes left raw in the audit page's 対象 and 詳細 columns: JSON, KIND:ID,
// a snake_case or hyphenated id (a checklist's), once e-mails, URLs,
// dates, hashes and file names are taken out.
export function rawCodes(text) {
  let t = text;
  for (const re of ALLOWED.slice(0, 5)) t = t.replace(re, " ");
  return t.match(/[{}[\]"]|\b[a-z_]+:[\w-]+|\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b/g) || [];
}

async function session(email) {
  const page = await signedIn(browser, email);
  await page.waitForLoadState("networkidle");
  return page;
}

// The Latin sentences on the page now, as "PATH: …" lines.
async function english(page, where) {
  const text = await page.evaluate(() => document.body.innerText);
  return latinSentences(text).map((s) => `${where}: ${s}`);
}

before(async () => {
  browser = await launch();
  const c = await session(C.admin);
  for (let no = 1; no <= 45; no++) {
    await api(c, "PUT", `/api/v1/answers/${no}`, {
      status: no % 7 === 0 ? "partial" : "implemented",
      current: "外部委託先の管理態勢を年1回点検しています。",
      issues: no % 7 === 0 ? "一部の委託先で点検が未了です。" : "",
      plan: no % 7 === 0 ? "【対応予定日】2027-03-31\n点検を完了します。" : "",
      plan_due: no % 7 === 0 ? "2027-03-31" : null,
      notes: "",
    });
  }
  const s = await api(c, "POST", "/api/v1/submissions");
  assert.equal(s.status, 201, JSON.stringify(s.json));
  submission = s.json.id;
  const sh = await api(c, "POST", `/api/v1/submissions/${submission}/shares`, { bank: B.org, expires: "2030-12-31" });
  assert.equal(sh.status, 201, JSON.stringify(sh.json));
  const plans = await api(c, "GET", "/api/v1/plans");
  planId = (plans.json.plans || plans.json.items || plans.json)[0].id;
  assert.ok(planId, JSON.stringify(plans.json).slice(0, 300));
  await c.close();
});
after(async () => { await browser?.close(); });

const PAGES = {
  connector: () => ["/answers", "/submissions", `/submissions/${submission}`, `/submissions/${submission}/diff/working`,
    "/shares", "/reviews", `/reviews/${submission}?bank=${encodeURIComponent(B.org)}`, "/plans", `/plans/${planId}`,
    "/portfolio", "/account", "/account/password", "/admin/users", "/notifications"],
  bank: () => ["/inbox", "/reviews", `/reviews/${submission}`, `/reviews/${submission}/criteria`, "/criteria",
    "/plans", `/plans/${planId}`, "/portfolio", "/account", "/account/password", "/admin/users", "/notifications"],
};

for (const [kind, role] of [["connector", "admin"], ["bank", "admin"], ["bank", "reviewer"]]) {
  test(`every ${kind} page in Japanese has no English (${role})`, async () => {
    const page = await session(accounts[kind][role]);
    const found = [];
    for (const path of PAGES[kind]()) {
      await page.goto(`${BASE_URL}${path}`);
      await page.waitForLoadState("networkidle");
      assert.equal(await page.getAttribute("html", "lang"), "ja", path);
      found.push(...(await english(page, path)));
    }
    page.problems.length = 0; // a reviewer's refused pages log their 403s
    assert.deepEqual(found, [], `English on Japanese pages:\n  ${found.join("\n  ")}`);
    await page.close();
  });
}

// The 4xx the browser logged for a refusal asked for, if the page asked the API.
function dropRefusals(page) {
  page.problems = page.problems.filter((p) => !/status of 4\d\d/.test(p));
}

// Submits form (a locator) and waits for its alert; returns its lines.
async function refused(page, form, submit) {
  await submit();
  const alert = form.getByRole("alert");
  await alert.waitFor({ state: "visible" });
  await page.waitForLoadState("networkidle");
  return (await alert.innerText()).trim().replace(/\n+/g, "\n");
}

test("the connector's refusals are said in Japanese", async () => {
  const page = await session(C.admin);
  const found = [];
  const said = {};

  await page.goto(`${BASE_URL}/submissions/${submission}`);
  const share = page.locator("form").filter({ has: page.getByLabel("銀行名", { exact: true }) });
  await page.getByLabel("銀行名", { exact: true }).fill("存在しない銀行");
  said.bank = await refused(page, share, () => share.getByRole("button", { name: "共有する", exact: true }).click());
  found.push(...(await english(page, "share")));
  await share.screenshot({ path: join(process.env.SHINSA_SHOTS, "noenglish-1-no-bank.png") });
  expectProblem(page, /status of 4\d\d/);

  await page.goto(`${BASE_URL}/account`);
  await page.locator("#totp-password").fill(process.env.TEST_PASSWORD);
  await page.locator("#totp-begin").getByRole("button").click();
  await page.locator("#totp-code").waitFor({ state: "visible" });
  await page.locator("#totp-code").fill("000000");
  const confirm = page.locator("#totp-confirm");
  said.totp = await refused(page, confirm, () => confirm.getByRole("button").click());
  found.push(...(await english(page, "totp")));
  await confirm.screenshot({ path: join(process.env.SHINSA_SHOTS, "noenglish-2-wrong-code.png") });
  expectProblem(page, /status of 4\d\d/);

  await page.goto(`${BASE_URL}/account/password`);
  await page.locator("#current").fill("wrong password here");
  await page.locator("#new").fill("a new password long enough 2027");
  await page.locator("#new-again").fill("a new password long enough 2027");
  const pw = page.locator("#password-form");
  said.password = await refused(page, pw, () => pw.getByRole("button").first().click());
  found.push(...(await english(page, "password")));
  dropRefusals(page);

  await page.goto(`${BASE_URL}/admin/users`);
  const add = page.locator("#user-add");
  await page.locator("#reauth-password").fill(process.env.TEST_PASSWORD);
  await page.locator("#add-email").fill("宛先なし");
  said.user = await refused(page, add, () => add.getByRole("button").last().click());
  found.push(...(await english(page, "user-add")));
  dropRefusals(page);

  await page.goto(`${BASE_URL}/answers`);
  const item = page.locator("form#answer-2");
  await item.locator('textarea[name="current"]').fill("当".repeat(32001));
  await item.locator('textarea[name="current"]').blur();
  const box = item.locator(".conflict");
  await box.waitFor({ state: "visible" });
  said.long = (await box.innerText()).trim().replace(/\n+/g, "\n");
  found.push(...(await english(page, "answers")));
  expectProblem(page, /status of 400/);
  assert.equal((await item.locator('textarea[name="current"]').inputValue()).length, 32001, "the text stays");
  await look(page, "noenglish-3-answers");

  assert.deepEqual(found, [], `English in refusals:\n  ${found.join("\n  ")}`);
  assert.deepEqual(said, {
    bank: "入力内容を確認してください。\n「存在しない銀行」という銀行は登録されていません。銀行名を入力し、候補から選んでください。",
    totp: "入力内容を確認してください。\n確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください。",
    password: "入力内容を確認してください。\nパスワードが正しくありません。現在お使いのパスワードを入力してください。",
    user: "入力内容を確認してください。\nメールアドレスの形式が正しくありません。name@example.jp のように、@ の前後を入力してください。",
    long: "入力内容を確認してください。\n入力が長すぎます。32000 文字以内にしてください（入力した文字は消えていません）。",
  });
  await page.close();
});

test("a plan's history is worded in Japanese", async () => {
  const page = await session(C.admin);
  await page.goto(`${BASE_URL}/plans/${planId}`);
  const cells = await page.locator("#history tbody tr td:nth-child(4)").allInnerTexts();
  assert.ok(cells.some((t) => /^回答：一部対応、期限：2027-03-31$/.test(t.trim())), cells.join(" | "));
  await look(page, "noenglish-4-plan");
  await page.close();
});

// The same words in English, on a phone: the refusal's own line, the name
// as typed, the page not scrolling sideways.
test("in English at 390px, a refusal is worded from the English texts", async () => {
  const page = await session(C.admin);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE_URL}/lang/en?next=${encodeURIComponent(`/submissions/${submission}`)}`);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const share = page.locator("form").filter({ has: page.getByLabel("Bank name", { exact: true }) });
  await page.getByLabel("Bank name", { exact: true }).fill("存在しない銀行");
  const said = await refused(page, share, () => share.getByRole("button", { name: "Share", exact: true }).click());
  assert.equal(said, "Check what you entered.\nThere is no bank named “存在しない銀行”. Type the bank's name and choose one from the list.");
  expectProblem(page, /status of 4\d\d/);
  await share.screenshot({ path: join(process.env.SHINSA_SHOTS, "noenglish-5-en-390-no-bank.png") });
  await page.goto(`${BASE_URL}/plans/${planId}`);
  const cells = await page.locator("#history tbody tr td:nth-child(4)").allInnerTexts();
  assert.ok(cells.some((t) => t.trim() === "Answer: Partly implemented, due 2027-03-31"), cells.join(" | "));
  await look(page, "noenglish-6-en-390-plan");
  await page.close();
});

// The shipped cross-walk's notes on /criteria: Japanese on a Japanese page,
// English on an English one; at 1366 and 390 px.
test("the cross-walk's notes are in the page's language", async () => {
  const page = await session(B.admin);
  const seed = readFileSync(SEED);
  const csrf = await page.locator('meta[name="csrf-token"]').getAttribute("content");
  const r = await page.request.fetch(`${BASE_URL}/api/v1/criteria?format=text&name=000.txt`, {
    method: "POST", headers: { "X-CSRF-Token": csrf, "Content-Type": "application/octet-stream" }, data: seed,
  });
  assert.equal(r.status(), 201, await r.text());
  const note = (key) => page.locator("#criteria-map tbody tr")
    .filter({ has: page.locator("th", { hasText: new RegExp(`^${key.replace(/[()]/g, "\\$&")}$`) }) })
    .locator("p.help").first();
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${BASE_URL}/criteria`);
    assert.equal(await note("(1)-1").innerText(), "経営陣による主体的な管理は、チェックリストでは「責任の所在」（統4）に含めて確認する");
    assert.equal(await note("(2)-1").innerText(), "業務継続計画（BCP）はチェックリストのセキュリティの範囲外");
    assert.deepEqual(await english(page, "/criteria"), []);
    await note("(1)-10").scrollIntoViewIfNeeded();
    await look(page, `noenglish-7-criteria-notes-${width}`);
    await page.locator("#criteria-map tbody tr").first()
      .screenshot({ path: join(process.env.SHINSA_SHOTS, `noenglish-7-criteria-note-row-${width}.png`) });
  }
  await page.goto(`${BASE_URL}/lang/en?next=%2Fcriteria`);
  assert.equal(await note("(1)-1").innerText(), "management ownership is absorbed into 責任の所在 (統4)");
  await note("(1)-10").scrollIntoViewIfNeeded();
  await look(page, "noenglish-8-en-criteria-notes-390");
  await page.locator("#criteria-map tbody tr").first()
    .screenshot({ path: join(process.env.SHINSA_SHOTS, "noenglish-8-en-criteria-note-row-390.png") });
  await page.setViewportSize({ width: 1366, height: 900 });
  await look(page, "noenglish-8-en-criteria-notes-1366");
  await page.goto(`${BASE_URL}/lang/ja?next=%2Fcriteria`);
  await page.close();
});

// Refusals with codes of their own, said by the page's words (<body>'s
// data-problem-CODE): through a form where a page's user can meet them,
// and for the rest as the API answers them, worded by the page's script.
test("the remaining refusals are said in Japanese", async () => {
  const page = await session(C.admin);
  const said = {};
  await page.goto(`${BASE_URL}/admin/users`);
  const add = page.locator("#user-add");
  await page.locator("#reauth-password").fill(process.env.TEST_PASSWORD);
  await page.locator("#add-email").fill(C.editor);
  said.exists = await refused(page, add, () => add.getByRole("button").last().click());
  dropRefusals(page);
  await add.screenshot({ path: join(process.env.SHINSA_SHOTS, "noenglish-9-user-exists.png") });

  // The API's refusals, each worded as any page's script words it.
  const words = async (method, path, data, raw) => {
    const csrf = await page.locator('meta[name="csrf-token"]').getAttribute("content");
    const r = await page.request.fetch(`${BASE_URL}${path}`, {
      method, headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" },
      data: raw ?? JSON.stringify(data),
    });
    const e = (await r.json()).error;
    assert.ok(Array.isArray(e.problems), `${path}: ${JSON.stringify(e)}`);
    return page.evaluate((p) => window.shinsa.problemText(document.body, p), e.problems[0]);
  };
  const many = Array.from({ length: 51 }, (_, i) => ({ title: `m${i}` }));
  said.bad_body = await words("PUT", `/api/v1/plans/${planId}`, null, "{");
  said.unknown_field = await words("PUT", `/api/v1/plans/${planId}`, { state: "done" });
  said.wrong_type = await words("PUT", "/api/v1/notifications/email", { email: "yes" });
  said.milestone_title = await words("PUT", `/api/v1/plans/${planId}`, { milestones: [{ title: "a" }, { due: "2027-01-31" }] });
  said.milestones_too_many = await words("PUT", `/api/v1/plans/${planId}`, { milestones: many });
  said.notification_ids = await words("POST", "/api/v1/notifications/read", {});
  said.no_notification = await words("POST", "/api/v1/notifications/read", { ids: [99999] });
  said.already_shared = await words("POST", `/api/v1/submissions/${submission}/shares`, { bank: B.org, expires: "2030-12-31" });
  await page.close();
  const viewer = await session(C.viewer);
  await viewer.goto(`${BASE_URL}/answers`);
  said.role = await (async () => {
    const csrf = await viewer.locator('meta[name="csrf-token"]').getAttribute("content");
    const r = await viewer.request.fetch(`${BASE_URL}/api/v1/answers/3`, {
      method: "PUT", headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" }, data: '{"current":"x"}',
    });
    const e = (await r.json()).error;
    return viewer.evaluate((p) => window.shinsa.problemText(document.body, p), e.problems[0]);
  })();
  await viewer.close();
  const found = Object.entries(said).flatMap(([k, v]) => latinSentences(v).map((s) => `${k}: ${s}`));
  assert.deepEqual(found, [], `English in refusals:\n  ${found.join("\n  ")}`);
  assert.deepEqual(said, {
    exists: `${C.editor} はすでにユーザーとして登録されています。`,
    bad_body: "送信された内容を読み取れませんでした。ページを再読み込みしてから、もう一度お試しください。",
    unknown_field: "送信された内容に、受け付けていない項目が含まれています。ページを再読み込みしてから、もう一度お試しください。",
    wrong_type: "送信された値の形式が正しくありません。ページを再読み込みしてから、もう一度お試しください。",
    milestone_title: "2番目のマイルストーンの件名を入力してください。",
    milestones_too_many: "マイルストーンは 50 件までです。",
    notification_ids: "お知らせの指定を読み取れませんでした。ページを再読み込みしてから、もう一度お試しください。",
    no_notification: "お知らせ（番号 99999）が見つかりません。ページを再読み込みしてください。",
    already_shared: `この提出は、すでに${B.org}に共有されています。`,
    role: "ご利用の権限では、この操作は行えません。必要な場合は、組織の管理者に権限の変更を依頼してください。",
  });
});

// The audit page after actions of every kind above (sign-ins, answers,
// a submission, a share, imports, refusals): its actions and details in
// Japanese, and every action of the filter's list named in Japanese.
test("the audit page says every action and its details in Japanese", async () => {
  for (const [who, name] of [[C.admin, "connector"], [B.admin, "bank"]]) {
    const page = await session(who);
    await page.goto(`${BASE_URL}/audit`);
    const text = await page.evaluate(() => {
      const cells = [...document.querySelectorAll("#audit tbody td:nth-child(4), #audit tbody td:nth-child(6)")];
      const options = [...document.querySelectorAll('select[name="action"] option')];
      return [...cells, ...options].map((c) => c.innerText).join("\n");
    });
    const found = latinSentences(text).map((s) => `${name}: ${s}`);
    assert.deepEqual(found, [], `English on the audit page:\n  ${found.join("\n  ")}`);
    const said = await page.evaluate(() =>
      [...document.querySelectorAll("#audit tbody td:nth-child(5), #audit tbody td:nth-child(6)")].map((c) => c.innerText).join("\n"));
    const raw = rawCodes(said).map((s) => `${name}: ${s}`);
    assert.deepEqual(raw, [], `codes on the audit page:\n  ${raw.join("\n  ")}`);
    await look(page, `noenglish-10-audit-${name}`);
    await page.close();
  }
});

// The last refusals given codes (web/i18n/LANG-request.json): a criteria
// file of a kind the page cannot read, through the page's own form; the
// rest as the API answers them, worded by the page's script.
test("the last coded refusals are said in Japanese", async () => {
  const page = await session(B.admin);
  await page.goto(`${BASE_URL}/criteria`);
  const form = page.locator("#criteria-import");
  await page.getByLabel("取り込むファイル", { exact: true })
    .setInputFiles({ name: "基準.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") });
  const said = {};
  said.criteria_format_unknown = await refused(page, form,
    () => form.getByRole("button", { name: "読み取って確認する", exact: true }).click());
  expectProblem(page, /status of 400/);
  await form.screenshot({ path: join(process.env.SHINSA_SHOTS, "noenglish-11-criteria-pdf.png") });

  const words = async (p, method, path, data, headers = { "Content-Type": "application/json" }) => {
    const csrf = await p.locator('meta[name="csrf-token"]').getAttribute("content");
    const r = await p.request.fetch(`${BASE_URL}${path}`, {
      method, headers: { "X-CSRF-Token": csrf, ...headers },
      data: typeof data === "string" ? data : JSON.stringify(data),
    });
    const e = (await r.json()).error;
    assert.ok(Array.isArray(e.problems), `${path}: ${JSON.stringify(e)}`);
    return p.evaluate((x) => window.shinsa.problemText(document.body, x), e.problems[0]);
  };
  said.criteria_format = await words(page, "POST", "/api/v1/criteria/preview?format=xls&name=a.xls", "x",
    { "Content-Type": "application/octet-stream" });
  said.criteria_items = await words(page, "PUT", `/api/v1/criteria/${encodeURIComponent("(1)-1")}/mapping`,
    { relation: "partial", items: ["二"] });
  said.text_or_comment = await words(page, "PUT", `/api/v1/reviews/${submission}/items/1`,
    { verdict: "accepted", text: "確認しました", comment: "確認しました" });
  said.day_order = await words(page, "GET", "/api/v1/audit?from=2027-08-01&to=2027-07-01", "");
  await page.close();

  const c = await session(C.admin);
  await c.goto(`${BASE_URL}/plans/${planId}`);
  said.nothing_to_set = await words(c, "PUT", `/api/v1/plans/${planId}`, {});
  said.note_empty = await words(c, "PUT", `/api/v1/plans/${planId}`, { note: "" });
  said.body_too_large = await words(c, "PUT", `/api/v1/plans/${planId}`, { note: "審".repeat(400000) });
  said.bank_required = await words(c, "POST", `/api/v1/reviews/${submission}/items/1/messages`, { text: "ご確認ください" });
  said.no_question = await words(c, "PUT", `/api/v1/banks/${encodeURIComponent(B.org)}/questions/${encodeURIComponent("(9)-9")}`, { answer: "回答" });
  dropRefusals(c);
  await c.close();

  const found = Object.entries(said).flatMap(([k, v]) => latinSentences(v).map((s) => `${k}: ${s}`));
  assert.deepEqual(found, [], `English in refusals:\n  ${found.join("\n  ")}`);
  assert.deepEqual(said, {
    criteria_format_unknown: "入力内容を確認してください。\nファイルの形式が分かりません。名前が .xlsx、.csv、.tsv、.txt、.docx のいずれかで終わるファイルを選ぶか、形式を指定してください。",
    criteria_format: "「xls」という形式は読み取れません。Excel（.xlsx）、CSV、TSV、テキスト、Word（.docx）のいずれかを選んでください。",
    criteria_items: "選んだ項目を読み取れませんでした。ページを再読み込みしてから、もう一度お試しください。",
    text_or_comment: "本文とコメントは同時に送れません。ページを再読み込みしてから、もう一度お試しください。",
    day_order: "終了日は、開始日と同じ日かそれより後の日付にしてください。",
    nothing_to_set: "変更する内容がありません。内容を変更してから保存してください。",
    note_empty: "経過メモが空欄です。記入してから保存してください。",
    body_too_large: "送信した内容が大きすぎます（上限 1048576 バイト）。ファイルの場合は、小さくしてからもう一度お試しください。",
    bank_required: "どの金融機関の審査かが指定されていません。審査の一覧から開き直してください。",
    no_question: `${B.org}の追加質問「(9)-9」は見つかりません。ページを再読み込みしてください。`,
  });
});

// The file inputs speak the page's language, not the browser's: a button
// 「ファイルを選択」 / "Choose a file" and the chosen file's name (or none),
// the native control hidden but still focused by the keyboard; without
// the script the native control shows. At 1366 and 390 px, ja and en.
const FILE_INPUTS = [
  { who: C.admin, path: "/answers", form: "#import", label: { ja: "取り込む Excel ファイル（.xlsx）", en: "Excel file to import (.xlsx)" }, file: "回答.xlsx" },
  { who: B.admin, path: "/criteria", form: "#criteria-import", label: { ja: "取り込むファイル", en: "File" }, file: "基準.txt" },
];
const PICK_WORDS = { ja: ["ファイルを選択", "選択されていません"], en: ["Choose a file", "No file chosen"] };

for (const f of FILE_INPUTS) {
  test(`the file input of ${f.path} is in the page's language`, async () => {
    const page = await session(f.who);
    for (const lang of ["ja", "en"]) {
      await page.goto(`${BASE_URL}/lang/${lang}?next=${encodeURIComponent(f.path)}`);
      const form = page.locator(f.form);
      const input = page.getByLabel(f.label[lang], { exact: true });
      const [choose, none] = PICK_WORDS[lang];
      assert.equal(await form.locator(".file-pick-button").innerText(), choose);
      assert.equal(await form.locator(".file-pick-name").innerText(), none);
      const box = await input.boundingBox();
      assert.ok(box && box.width <= 1 && box.height <= 1, `the native control is hidden: ${JSON.stringify(box)}`);
      await input.focus();
      assert.equal(await page.evaluate(() => document.activeElement.type), "file");
      const ring = await form.locator(".file-pick-button").evaluate((b) => getComputedStyle(b).outlineStyle);
      assert.equal(ring, "solid", "the focused input rings its button");
      await input.setInputFiles({ name: f.file, mimeType: "application/octet-stream", buffer: Buffer.from("x") });
      assert.equal(await form.locator(".file-pick-name").innerText(), f.file);
      if (lang === "ja") assert.deepEqual(await english(page, `${f.path} ${lang}`), []);
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await form.scrollIntoViewIfNeeded();
        await look(page, `noenglish-12-file${f.path.replace("/", "-")}-${lang}-${width}`);
        await form.screenshot({ path: join(process.env.SHINSA_SHOTS, `noenglish-12-file${f.path.replace("/", "-")}-form-${lang}-${width}.png`) });
      }
      await page.setViewportSize({ width: 1366, height: 768 });
    }
    await page.goto(`${BASE_URL}/lang/ja?next=${encodeURIComponent(f.path)}`);

    // Without the script: the native control, and no words of ours.
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(),
      locale: "ja-JP", viewport: { width: 1366, height: 768 } });
    const plain = await context.newPage();
    await plain.goto(`${BASE_URL}${f.path}`);
    const box = await plain.getByLabel(f.label.ja, { exact: true }).boundingBox();
    assert.ok(box && box.width > 50, `the native control shows: ${JSON.stringify(box)}`);
    const pick = plain.locator(`${f.form} .file-pick`);
    assert.equal(await pick.isVisible(), false, await pick.evaluate((e) => `${e.outerHTML} ${getComputedStyle(e).display}`));
    await context.close();
    await page.close();
  });
}
