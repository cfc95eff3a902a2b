/* formats/sniff: each kind from real small files (tests/fixtures/
 * attachments, made by its make.sh), the kinds refused, and the name's
 * extension against the content, with the exact messages and codes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "core/submission.h"
#include "formats/sniff.h"

#define DIR "tests/fixtures/attachments/"

static void test_real_files(void **state)
{
	(void)state;
	static const struct {
		const char *file, *name;
		enum sniff_kind want;
		const char *mime;
	} files[] = {
		{ "doc.pdf", "規程.pdf", SNIFF_PDF, "application/pdf" },
		{ "page.png", "図.PNG", SNIFF_PNG, "image/png" },
		{ "page.jpg", "写真.jpeg", SNIFF_JPEG, "image/jpeg" },
		{ "sheet.xlsx", "一覧.xlsx", SNIFF_XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
		{ "doc.docx", "規程.docx", SNIFF_DOCX,
		  "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
		{ "slides.pptx", "体制.pptx", SNIFF_PPTX,
		  "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		size_t len;
		char path[128];
		snprintf(path, sizeof path, DIR "%s", files[i].file);
		char *data = fixture_bytes(path, &len);
		struct err e = { 0 };
		assert_int_equal(sniff_file(files[i].name, data, len, &e), files[i].want);
		assert_string_equal(sniff_kind_mime(files[i].want), files[i].mime);
		free(data);
	}
	/* An Office file under another Office kind's name. */
	size_t len;
	char *data = fixture_bytes(DIR "sheet.xlsx", &len);
	struct err e = { 0 };
	assert_int_equal(sniff_file("規程.docx", data, len, &e), SNIFF_UNKNOWN);
	assert_string_equal(e.msg, "file \"規程.docx\" is not a Word document (its content is an Excel workbook)");
	assert_string_equal(e.code, "attachment_mismatch");
	assert_string_equal(e.args[1], "docx");
	assert_string_equal(e.args[2], "xlsx");
	free(data);
}

static void test_text(void **state)
{
	(void)state;
	struct err e = { 0 };
	const char csv[] = "通番,回答\r\n1,対応済\r\n";
	assert_int_equal(sniff_file("回答.csv", csv, sizeof csv - 1, &e), SNIFF_CSV);
	assert_int_equal(sniff_file("回答.txt", csv, sizeof csv - 1, &e), SNIFF_TXT);
	const char bom[] = "\xef\xbb\xbf通番,回答\r\n";
	assert_int_equal(sniff_file("bom.csv", bom, sizeof bom - 1, &e), SNIFF_CSV);
	assert_string_equal(sniff_kind_mime(SNIFF_CSV), "text/csv; charset=utf-8");
	/* Shift_JIS for 通番: not UTF-8, refused with the way out. */
	const char sjis[] = "\x92\xca\x94\xd4,1\r\n";
	assert_int_equal(sniff_file("回答.csv", sjis, sizeof sjis - 1, &e), SNIFF_UNKNOWN);
	assert_string_equal(e.msg, "file \"回答.csv\" is not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8)");
	assert_string_equal(e.code, "attachment_not_utf8");
	const char nul[] = "a\0b";
	assert_int_equal(sniff_file("a.txt", nul, 3, &e), SNIFF_UNKNOWN);
	assert_string_equal(e.code, "attachment_not_utf8");
	/* Text that is not markup though it has a <. */
	const char lt[] = "1 < 2\n<a> は見出し\n";
	assert_int_equal(sniff_file("memo.txt", lt, sizeof lt - 1, &e), SNIFF_TXT);
}

static void test_refused(void **state)
{
	(void)state;
	static const struct {
		const char *name, *data, *msg, *code;
	} cases[] = {
		{ "setup.pdf", "MZ\x90", "file \"setup.pdf\" is not a PDF (its content is an executable)", "attachment_mismatch" },
		{ "run.txt", "\x7f" "ELF\2\1", "file \"run.txt\" is not text (its content is an executable)", "attachment_mismatch" },
		{ "x.txt", "#!/bin/sh\nrm -rf /\n", "file \"x.txt\" is not text (its content is an executable)", "attachment_mismatch" },
		{ "mac", "\xcf\xfa\xed\xfe", "file \"mac\" cannot be attached (its content is an executable): PDF, PNG, JPEG, "
			  "Excel, Word, PowerPoint, text or CSV only", "attachment_refused" },
		{ "a.html", "  <!DOCTYPE HTML><p>x", "file \"a.html\" cannot be attached (its content is HTML, XML or SVG "
			  "markup): PDF, PNG, JPEG, Excel, Word, PowerPoint, text or CSV only", "attachment_refused" },
		{ "a.txt", "\xef\xbb\xbf<script>alert(1)</script>", "file \"a.txt\" is not text (its content is HTML, XML or "
			  "SVG markup)", "attachment_mismatch" },
		{ "a.csv", "<svg onload=x>", "file \"a.csv\" is not CSV text (its content is HTML, XML or SVG markup)",
		  "attachment_mismatch" },
		{ "a.txt", "<?xml version=\"1.0\"?><r/>", "file \"a.txt\" is not text (its content is HTML, XML or SVG "
			  "markup)", "attachment_mismatch" },
		{ "a.zip", "PK\5\6\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", "file \"a.zip\" cannot be attached (its content is "
			  "a zip archive): PDF, PNG, JPEG, Excel, Word, PowerPoint, text or CSV only", "attachment_refused" },
		{ "note", "hello", "file \"note\" must end in .txt for its content", "attachment_extension" },
		{ "規程.PDF.exe", "%PDF-1.4", "file \"規程.PDF.exe\" must end in .pdf for its content", "attachment_extension" },
		{ "../規程.pdf", "%PDF-1.4", "the file name \"../規程.pdf\" has a path: give the name alone", "attachment_name" },
		{ "C:\\規程.pdf", "%PDF-1.4", "the file name \"C:\\規程.pdf\" has a path: give the name alone", "attachment_name" },
		{ "a\tb.pdf", "%PDF-1.4", "the file name has a control character", "attachment_name" },
		{ "", "%PDF-1.4", "the file name is empty", "attachment_name" },
		{ "empty.pdf", "", "file \"empty.pdf\" is empty", "attachment_empty" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct err e = { 0 };
		size_t len = strlen(cases[i].data);
		if (!strncmp(cases[i].data, "PK\5\6", 4))
			len = 22;
		assert_int_equal(sniff_file(cases[i].name, cases[i].data, len, &e), SNIFF_UNKNOWN);
		assert_string_equal(e.msg, cases[i].msg);
		assert_string_equal(e.code, cases[i].code);
	}
}

/* File names from macOS: kana with the combining marks, composed as NFC
 * has them; anything else as it came. */
static void test_name_compose(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "\u30ab\u3099\u30a4\u30c8\u3099\u30e9\u30a4\u30f3.pdf", "ガイドライン.pdf" },
		{ "\u306f\u309a\u3059\u307b\u309a\u30fc\u3068.pdf", "ぱすぽーと.pdf" },
		{ "\u30a6\u3099\u30ef\u3099\u30fd\u3099\u309d\u3099.txt", "ヴヷヾゞ.txt" },
		{ "\u30a2\u3099.txt", "\u30a2\u3099.txt" }, /* ア has no voiced form: kept */
		{ "\u3099\u304b.txt", "\u3099\u304b.txt" }, /* a mark with nothing before it */
		{ "e\u0301.txt", "e\u0301.txt" },                 /* not kana: as it came */
		{ "規程.pdf", "規程.pdf" },
		{ "\xff.pdf", "\xff.pdf" }, /* not UTF-8: unchanged, refused later */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = sniff_name_compose(cases[i].in);
		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

static void test_tokens(void **state)
{
	(void)state;
	for (int k = 0; k < SNIFF_NKINDS; k++)
		assert_int_equal(sniff_kind_of_token(sniff_kind_token((enum sniff_kind)k)), k);
	assert_int_equal(sniff_kind_of_token("exe "), SNIFF_UNKNOWN);
}

/* The document's type: the download's MIME without parameters, one of
 * the types a submission may list, and back; none for the refused kinds. */
static void test_doc_types(void **state)
{
	(void)state;
	assert_string_equal(sniff_kind_doc_type(SNIFF_TXT), "text/plain");
	assert_string_equal(sniff_kind_doc_type(SNIFF_CSV), "text/csv");
	assert_string_equal(sniff_kind_doc_type(SNIFF_PDF), "application/pdf");
	assert_string_equal(sniff_kind_doc_type(SNIFF_JPEG), "image/jpeg");
	for (int k = SNIFF_PDF; k <= SNIFF_CSV; k++) {
		assert_true(submission_attachment_type_known(sniff_kind_doc_type((enum sniff_kind)k)));
		assert_int_equal(sniff_kind_of_doc_type(sniff_kind_doc_type((enum sniff_kind)k)), k);
	}
	for (int k = SNIFF_EXE; k < SNIFF_NKINDS; k++)
		assert_null(sniff_kind_doc_type((enum sniff_kind)k));
	assert_null(sniff_kind_doc_type(SNIFF_UNKNOWN));
	assert_int_equal(sniff_kind_of_doc_type("text/plain; charset=utf-8"), SNIFF_UNKNOWN);
	assert_int_equal(sniff_kind_of_doc_type("application/octet-stream"), SNIFF_UNKNOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_files),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_name_compose),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_doc_types),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
