// A bank's criteria pasted as published, in Chromium: the admin pastes the
// list as copied from the bank's web page (title, preamble, numbered
// headings, （1）, ①, ・ bullets, a wrapped line, 以上 and a signature),
// sees first a refusal in the page's words with the text kept, corrects it,
// sees the tree (区分 → criteria with their keys as written) with counts
// and the left-out lines folded, and replaces the list; a file previewed
// shows its unreadable row marked; a replace after the list changed
// elsewhere is refused in words; and the same in English at 390 px.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { BASE_URL, accounts, api, expectProblem, launch, look, signedIn } from "./lib.mjs";

const B = accounts.bank;
const fixture = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const PUBLISHED = readFileSync(fixture("fixtures/criteria/published.txt"), "utf8");
const LIST = fixture("fixtures/criteria/list.txt");
const WALK = readFileSync(fixture("fixtures/criteria/walk.txt"), "utf8");
const SEED = fileURLToPath(new URL("../../catalog/sources/000_facbf1237c5cd287.txt", import.meta.url));

let browser;
let bank;

before(async () => {
  browser = await launch();
  bank = await signedIn(browser, B.admin);
});
after(async () => {
  await browser?.close();
});

// The tree as lines: a heading's words, or "KEY TEXT" of a criterion, indented by depth.
async function treeLines(page) {
  return page.locator("#criteria-preview [data-tree]").evaluate((root) => {
    const out = [];
    const walk = (ul, depth) => {
      for (const li of ul.children) {
        const pad = "  ".repeat(depth);
        if (li.classList.contains("tree-node")) {
          out.push(pad + li.querySelector(".tree-heading").textContent);
          walk(li.querySelector("ul"), depth + 1);
        } else {
          out.push(pad + li.textContent);
        }
      }
    };
    walk(root, 0);
    return out;
  });
}

const TREE_JA = [
  "体制整備",
  "  経営管理",
  "    1-(1)-① 経営陣が情報セキュリティに関与していること",
  "    1-(1)-② 内部規程を整備し、役職員に周知していること",
  "  1-(2) 苦情処理の体制を整備していること",
  "セキュリティ",
  "  2-1 利用者の認証情報を暗号化して保管していること",
  "  2-2 不正アクセスを検知し、速やかに当行へ連絡する体制があること",
  "利用者保護",
  "  3-(1) 利用規約を公表していること",
  "  3-(2) 個人情報の取扱いを定めていること",
];

test("a pasted list refused, corrected, previewed as a tree and replacing the list", async () => {
  await bank.getByRole("link", { name: "審査基準", exact: true }).click();
  await bank.getByText("審査基準はまだ取り込まれていません。", { exact: false }).waitFor();
  const box = bank.getByLabel("公表している基準を貼り付ける", { exact: true });
  const paste = bank.locator("#criteria-paste");
  // Nothing pasted, and more than a file may be: said before anything is sent.
  await paste.getByRole("button", { name: "読み取って確認する", exact: true }).click();
  assert.equal(await paste.locator("[role=alert]").textContent(), "貼り付ける文章を入力してください。");
  await box.evaluate((el) => { el.value = "あ".repeat(1500000); }); // 4,500,000 bytes in UTF-8
  await paste.getByRole("button", { name: "読み取って確認する", exact: true }).click();
  assert.equal(await paste.locator("[role=alert]").textContent(),
    "貼り付けた文章が大きすぎます（4 MB まで。現在 4.3 MB）。ファイルと同じ上限です。");
  assert.equal((await box.inputValue()).length, 1500000, "the text is kept");
  // As typed by hand: ① twice under the same heading.
  const wrong = PUBLISHED.replace("②内部規程", "①内部規程");
  await box.fill(wrong);
  await paste.getByRole("button", { name: "読み取って確認する", exact: true }).click();
  const alert = paste.locator("[role=alert]");
  await alert.locator("li").waitFor();
  assert.equal(await alert.locator("p").textContent(), "貼り付けた文章を読み取れませんでした。現在の審査基準は変わっていません。");
  assert.deepEqual(await alert.locator("li").allTextContents(),
    ["貼り付けた文章:8：通番 1-(1)-① が2回あります（最初は 貼り付けた文章:7）。"]);
  expectProblem(bank, /status of 400 .*\/api\/v1\/criteria\/preview/);
  assert.equal(await box.inputValue(), wrong, "the text is kept as typed");
  assert.ok(await bank.locator("#criteria-preview").isHidden());
  await look(bank, "criteria-paste-1-refused");

  await box.fill(PUBLISHED);
  await paste.getByRole("button", { name: "読み取って確認する", exact: true }).click();
  const preview = bank.locator("#criteria-preview");
  await preview.getByRole("heading", { name: "読み取った内容の確認", exact: true }).waitFor();
  assert.equal(await preview.locator("[data-counts]").textContent(),
    "「電子決済等代行業者との連携及び協働に係る基準」から、4 区分・基準 7 件を読み取りました。「この内容で置き換える」を押すまで、現在の審査基準は変わりません。");
  assert.deepEqual(await treeLines(bank), TREE_JA);
  assert.ok(await preview.locator("[data-damaged]").isHidden(), "nothing unreadable in this list");
  const left = preview.locator("details[data-left]");
  assert.equal(await left.locator("summary").textContent(), "読み飛ばした行（5 行）");
  assert.equal(await left.getAttribute("open"), null, "folded");
  await look(bank, "criteria-paste-2-tree");
  await left.locator("summary").click();
  assert.deepEqual(await left.locator("li").allTextContents(), [
    "1行目：電子決済等代行業者との連携及び協働に係る基準",
    "3行目：当行は、銀行法第52条の61の11第1項に基づき、電子決済等代行業者との連携及び協働に係る基準を以下のとおり定め、公表いたします。",
    "17行目：以上",
    "19行目：2026年4月1日",
    "20行目：株式会社X銀行",
  ]);
  const still = await api(bank, "GET", "/api/v1/criteria");
  assert.equal(still.status, 404, "the preview saved nothing");

  // A change after the preview: the replace waits for a new one.
  await box.fill(PUBLISHED + "追記");
  const replace = preview.getByRole("button", { name: "この内容で置き換える", exact: true });
  assert.ok(await replace.isDisabled());
  assert.equal(await preview.locator("#criteria-replace [role=alert]").textContent(),
    "読み取った後に文章が変更されています。もう一度「読み取って確認する」を押してください。");
  await box.fill(PUBLISHED);
  assert.ok(await replace.isEnabled());

  await Promise.all([bank.waitForEvent("load"), replace.click()]);
  assert.equal(await bank.locator("main .lead").textContent(),
    "「電子決済等代行業者との連携及び協働に係る基準」：対応付け済みの基準は 7 件中 0 件です。");
  assert.deepEqual(await bank.locator("#criteria-map tbody th").allTextContents(),
    ["1-(1)-①", "1-(1)-②", "1-(2)", "2-1", "2-2", "3-(1)", "3-(2)"]);
  await look(bank, "criteria-paste-3-replaced");
});

test("a file previewed: its unreadable row marked to fix; a replace after a change elsewhere refused in words", async () => {
  await bank.getByLabel("ファイル形式", { exact: true }).selectOption("text");
  await bank.getByLabel("取り込むファイル", { exact: true }).setInputFiles(SEED);
  await bank.locator("#criteria-import").getByRole("button", { name: "読み取って確認する", exact: true }).click();
  const preview = bank.locator("#criteria-preview");
  await preview.locator("[data-damaged]").waitFor();
  assert.equal(await preview.locator("[data-damaged]").textContent(),
    "読み取れない行が 1 件あります（「要修正」の行）。元の文章を直して読み取り直すか、その行を削除してください。このまま置き換えた場合、その行は接続先への質問に使われません。");
  const bad = preview.locator(".tree-leaf.damaged");
  assert.equal(await bad.textContent(), "(1)-12 （原文の判読不能な行） 要修正");
  assert.ok(await preview.getByRole("button", { name: "貼り付けた文章を直す", exact: true }).isHidden(), "a file is corrected in the file");
  assert.equal(await preview.locator("details[data-left]").isHidden(), true, "a table leaves no line out");
  await bad.scrollIntoViewIfNeeded();
  await look(bank, "criteria-paste-4-file-damaged");

  // Meanwhile the list is replaced elsewhere.
  const other = await api(bank, "POST", "/api/v1/criteria?format=text&name=%E6%94%B9%E8%A8%82%E7%89%88.txt", readFileSync(LIST));
  assert.equal(other.status, 201);
  const at = new Date(other.json.imported_at).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "short" });
  await preview.getByRole("button", { name: "この内容で置き換える", exact: true }).click();
  const alert = preview.locator("#criteria-replace [role=alert]");
  await alert.locator("li").waitFor();
  assert.equal(await alert.locator("p").textContent(), "置き換えませんでした。現在の審査基準は変わっていません。");
  assert.deepEqual(await alert.locator("li").allTextContents(),
    [`確認している間に、審査基準が「改訂版.txt」（${at}、${B.admin}）に置き換えられました。もう一度読み取って確認してください。`]);
  expectProblem(bank, /status of 409 .*\/api\/v1\/criteria\?/);
  assert.ok(await preview.getByRole("button", { name: "この内容で置き換える", exact: true }).isDisabled());
  const now = await api(bank, "GET", "/api/v1/criteria");
  assert.equal(now.json.source, "改訂版.txt", "the refused replace changed nothing");
  await look(bank, "criteria-paste-5-changed");
});

test("in English at 390 px: paste, the tree, replace", async () => {
  await bank.goto(`${BASE_URL}/lang/en?next=%2Fcriteria`);
  await bank.setViewportSize({ width: 390, height: 844 });
  const box = bank.getByLabel("Paste your criteria as published", { exact: true });
  await box.fill(PUBLISHED);
  await bank.locator("#criteria-paste").getByRole("button", { name: "Read and check", exact: true }).click();
  const preview = bank.locator("#criteria-preview");
  await preview.getByRole("heading", { name: "Check what was read", exact: true }).waitFor();
  assert.equal(await preview.locator("[data-counts]").textContent(),
    "Read from “電子決済等代行業者との連携及び協働に係る基準”: 4 headings, 7 criteria. The current criteria stay as they are until you press “Replace with this”.");
  assert.deepEqual(await treeLines(bank), TREE_JA);
  await preview.locator("details[data-left] summary").click();
  assert.equal(await preview.locator("details[data-left] summary").textContent(), "Lines left out (5)");
  await look(bank, "criteria-paste-6-en-390-tree");
  await Promise.all([bank.waitForEvent("load"), preview.getByRole("button", { name: "Replace with this", exact: true }).click()]);
  assert.equal(await bank.locator("#criteria-map tbody tr").count(), 7);
  const now = await api(bank, "GET", "/api/v1/criteria");
  assert.equal(now.json.source, "貼り付けた文章", "one name, whatever the language");
  await look(bank, "criteria-paste-7-en-390-replaced");
  await bank.goto(`${BASE_URL}/lang/ja?next=%2Fcriteria`);
  await bank.setViewportSize({ width: 390, height: 844 });
  await bank.getByLabel("公表している基準を貼り付ける", { exact: true }).fill(PUBLISHED);
  await bank.locator("#criteria-paste").getByRole("button", { name: "読み取って確認する", exact: true }).click();
  await bank.locator("#criteria-preview [data-tree] li").first().waitFor();
  await look(bank, "criteria-paste-8-ja-390-tree");
  await bank.setViewportSize({ width: 1366, height: 768 });
  await look(bank, "criteria-paste-9-ja-1366-over-a-list");
});

// The list a new user pasted: 基本方針 and 基準の見直し, words and a
// paragraph beside a section with criteria, are the bank's policy, left
// out; a ① with ・ points one criterion keeping its lines, in the
// document's order; the title is no 区分; lines left out by line number.
const TREE_WALK = [
  "契約締結の基準",
  "  法令等の遵守態勢",
  "    2-(1)-① 銀行法その他関係法令を遵守する態勢が整備されていること",
  "    2-(1)-② 反社会的勢力との関係を遮断する態勢が整備されていること",
  "  情報セキュリティ管理態勢",
  "    2-(2)-① 情報セキュリティに関する規程が整備され、定期的に見直されていること\n・アクセス権限の管理が適切に行われていること\n・アクセスログを１年以上保存していること",
  "    2-(2)-② 外部委託先の管理が適切に行われていること",
  "  利用者保護態勢",
  "    2-(3)-① 利用者からの苦情・相談に対応する体制が整備されていること",
  "    2-(3)-② 不正取引発生時の補償方針が定められていること",
];

// A close look at one part of the page, beside the full-page shots.
const part = (loc, name) => loc.screenshot({ path: `${process.env.SHINSA_SHOTS}/${name}.png` });

// How many lines the element's text takes on the screen.
const linesOf = (loc) => loc.evaluate((el) => {
  const r = document.createRange();
  r.selectNodeContents(el);
  return new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size;
});

test("the walk's list: read as written, replacing the list; keys on one line", async () => {
  await bank.goto(`${BASE_URL}/lang/ja?next=%2Fcriteria`);
  await bank.setViewportSize({ width: 1366, height: 768 });
  await bank.getByLabel("公表している基準を貼り付ける", { exact: true }).fill(WALK);
  await bank.locator("#criteria-paste").getByRole("button", { name: "読み取って確認する", exact: true }).click();
  const preview = bank.locator("#criteria-preview");
  await preview.locator("[data-tree] li").first().waitFor();
  assert.equal(await preview.locator("[data-counts]").textContent(),
    "「株式会社みらい銀行 電子決済等代行業者との連携及び協働に係る方針」から、4 区分・基準 6 件を読み取りました。「この内容で置き換える」を押すまで、現在の審査基準は変わりません。");
  assert.deepEqual(await treeLines(bank), TREE_WALK);
  const points = preview.locator(".tree-leaf .tree-text").nth(2);
  assert.equal(await linesOf(points), 3, "the ・ points on their own lines");
  const left = preview.locator("details[data-left]");
  await left.locator("summary").click();
  assert.deepEqual(await left.locator("li").allTextContents(), [
    "1行目：株式会社みらい銀行 電子決済等代行業者との連携及び協働に係る方針",
    "3行目：当行は、銀行法第52条の61の11第1項の規定に基づき、電子決済等代行業者との契約の締結に係る基準を以下のとおり公表します。",
    "5行目：令和9年4月1日 制定",
    "7行目：基本方針",
    "8行目：当行は、利用者保護と利便性向上の観点から、以下の基準を満たす事業者と契約を締結します。",
    "21行目：基準の見直し",
    "22行目：本基準は、必要に応じて見直しを行います。",
    "24行目：以上",
  ]);
  await preview.scrollIntoViewIfNeeded();
  await look(bank, "criteria-paste-10-walk-ja-1366-tree");
  await bank.setViewportSize({ width: 390, height: 844 });
  await look(bank, "criteria-paste-11-walk-ja-390-tree");
  await part(preview, "criteria-paste-11b-walk-ja-390-tree-part");
  await bank.setViewportSize({ width: 1366, height: 768 });
  await Promise.all([bank.waitForEvent("load"), preview.getByRole("button", { name: "この内容で置き換える", exact: true }).click()]);
  assert.equal(await bank.locator("main .lead").textContent(),
    "「株式会社みらい銀行 電子決済等代行業者との連携及び協働に係る方針」：対応付け済みの基準は 6 件中 0 件です。");
  assert.equal(await bank.locator("dl.facts dd").first().textContent(), "貼り付けた文章");
  const keys = bank.locator("#criteria-map tbody th");
  assert.deepEqual(await keys.allTextContents(),
    ["2-(1)-①", "2-(1)-②", "2-(2)-①", "2-(2)-②", "2-(3)-①", "2-(3)-②"]);
  for (let i = 0; i < 6; i++) assert.equal(await linesOf(keys.nth(i)), 1, "a key never breaks");
  assert.equal(await linesOf(bank.locator("#criteria-map thead th").first()), 1, "基準番号 on one line");
  await look(bank, "criteria-paste-12-walk-ja-1366-list");
  await part(bank.locator("#criteria-map thead"), "criteria-paste-12b-walk-ja-1366-head");
  await bank.setViewportSize({ width: 390, height: 844 });
  for (let i = 0; i < 6; i++) assert.equal(await linesOf(keys.nth(i)), 1, "a key never breaks at 390 px");
  await keys.nth(2).scrollIntoViewIfNeeded();
  await look(bank, "criteria-paste-13-walk-ja-390-list");
  await part(bank.locator("#criteria-map tbody tr").nth(2), "criteria-paste-13b-walk-ja-390-list-row");

  // The same list as a file: its lines left out by its name and line.
  await bank.setViewportSize({ width: 1366, height: 768 });
  await bank.getByLabel("ファイル形式", { exact: true }).selectOption("text");
  await bank.getByLabel("取り込むファイル", { exact: true }).setInputFiles({ name: "基準.txt", mimeType: "text/plain", buffer: Buffer.from(WALK) });
  await bank.locator("#criteria-import").getByRole("button", { name: "読み取って確認する", exact: true }).click();
  await preview.locator("[data-tree] li").first().waitFor();
  await preview.locator("details[data-left] summary").click();
  assert.deepEqual((await preview.locator("details[data-left] li").allTextContents()).map((t) => t.split("：")[0]),
    ["基準.txt 1行目", "基準.txt 3行目", "基準.txt 5行目", "基準.txt 7行目", "基準.txt 8行目", "基準.txt 21行目",
      "基準.txt 22行目", "基準.txt 24行目"]);

  await bank.goto(`${BASE_URL}/lang/en?next=%2Fcriteria`);
  assert.equal(await bank.locator("main .lead").textContent(),
    "株式会社みらい銀行 電子決済等代行業者との連携及び協働に係る方針: 0 of 6 criteria mapped to the checklist.");
  assert.equal(await bank.locator("dl.facts dd").first().textContent(), "Pasted text");
  await bank.getByLabel("Paste your criteria as published", { exact: true }).fill(WALK);
  await bank.locator("#criteria-paste").getByRole("button", { name: "Read and check", exact: true }).click();
  await preview.locator("[data-tree] li").first().waitFor();
  assert.equal(await preview.locator("[data-counts]").textContent(),
    "Read from “株式会社みらい銀行 電子決済等代行業者との連携及び協働に係る方針”: 4 headings, 6 criteria. The current criteria stay as they are until you press “Replace with this”.");
  await preview.locator("details[data-left] summary").click();
  assert.equal(await preview.locator("details[data-left] li").first().textContent(),
    "Line 1: 株式会社みらい銀行 電子決済等代行業者との連携及び協働に係る方針");
  await preview.scrollIntoViewIfNeeded();
  await look(bank, "criteria-paste-14-walk-en-1366-tree");
  await bank.setViewportSize({ width: 390, height: 844 });
  await look(bank, "criteria-paste-15-walk-en-390-tree");
  await part(preview, "criteria-paste-15b-walk-en-390-tree-part");
  await bank.goto(`${BASE_URL}/lang/ja?next=%2Fcriteria`);
});
