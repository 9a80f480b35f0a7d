/* test-article-reader.c: files a user may give as an article, good and bad.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "tdm-article-extractor.h"
#include "tdm-article-reader.h"

static char *tmp_dir;

static GFile *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (length < 0)
    length = strlen (data);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static char *
read_ok (const char *name,
         const char *data,
         gssize      length)
{
  g_autoptr(GFile) file = write_file (name, data, length);
  g_autoptr(GError) error = NULL;
  char *text = tdm_article_read_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  return text;
}

static void
read_fails (const char *name,
            const char *data,
            gssize      length,
            int         code)
{
  g_autoptr(GFile) file = write_file (name, data, length);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tdm_article_read_file (file, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, TDM_ARTICLE_ERROR, code);
  /* The message is a sentence for the user, not a code. */
  g_assert_cmpuint (strlen (error->message), >, 15);
}

static void
test_utf8 (void)
{
  g_autofree char *plain = read_ok ("plain.txt", "تعاونية وجدة\nCoopérative", -1);
  g_autofree char *bom = read_ok ("bom.txt", "\xef\xbb\xbf" "تعاونية", -1);

  g_assert_cmpstr (plain, ==, "تعاونية وجدة\nCoopérative");
  g_assert_cmpstr (bom, ==, "تعاونية");
}

static void
test_utf16 (void)
{
  /* "تعاونية A" in UTF-16 with a byte-order mark, both byte orders. */
  static const char le[] = "\xff\xfe\x2a\x06\x39\x06\x27\x06\x48\x06\x46\x06\x4a\x06\x29\x06\x20\x00\x41\x00";
  static const char be[] = "\xfe\xff\x06\x2a\x06\x39\x06\x27\x06\x48\x06\x46\x06\x4a\x06\x29\x00\x20\x00\x41";
  g_autofree char *from_le = read_ok ("le.txt", le, sizeof le - 1);
  g_autofree char *from_be = read_ok ("be.txt", be, sizeof be - 1);

  g_assert_cmpstr (from_le, ==, "تعاونية A");
  g_assert_cmpstr (from_be, ==, "تعاونية A");
}

static void
test_windows_1256 (void)
{
  /* "تعاونية الأمل" in Windows-1256. */
  static const char cp1256[] = "\xca\xda\xc7\xe6\xe4\xed\xc9 \xc7\xe1\xc3\xe3\xe1";
  g_autofree char *text = read_ok ("cp1256.txt", cp1256, -1);

  g_assert_cmpstr (text, ==, "تعاونية الأمل");
}

static void
test_html (void)
{
  const char *page =
    "<!DOCTYPE html><html><head><title>Salon des coopératives | Site Info</title>"
    "<style>p { color: red; }</style><script>var x = 'script text';</script></head>"
    "<body><nav>Accueil Sport</nav><header>Logo du site</header>"
    "<p>Premier paragraphe de l'article.</p><p>Second <b>paragraphe</b>.</p>"
    "<aside>Lire aussi</aside><form><button>Envoyer</button></form><footer>Copyright</footer>"
    "</body></html>";
  g_autofree char *text = read_ok ("page.html", page, -1);

  g_assert_cmpstr (text, ==, "Salon des coopératives\n\nPremier paragraphe de l'article.\nSecond paragraphe.\n");
  g_assert_null (strstr (text, "script"));
  g_assert_null (strstr (text, "color"));
  g_assert_null (strstr (text, "Accueil"));
  g_assert_null (strstr (text, "Copyright"));
}

static void
test_html_h1_and_charset (void)
{
  /* The page says it is Windows-1256; <h1> is the headline. */
  const char *page =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"
    "<title>Site</title></head><body><h1>\xca\xda\xc7\xe6\xe4\xed\xc9</h1><p>\xc7\xe1\xc3\xe3\xe1</p></body></html>";
  g_autofree char *text = read_ok ("arabic.htm", page, -1);

  g_assert_cmpstr (text, ==, "تعاونية\nالأمل\n");
}

static void
test_bad_input (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char nul[] = "text with a\0NUL byte";
  /* Control bytes and bytes that are neither UTF-8 nor Arabic. */
  static const char garbage[] = "\x01\x02\x80\x81\xfe\xff\x10\x11 abc";
  static const char latin1[] = "Coop\xe9rative \xe0 Agadir";

  read_fails ("empty.txt", "", 0, TDM_ARTICLE_ERROR_EMPTY);
  read_fails ("blank.txt", " \n\t\r\n ", -1, TDM_ARTICLE_ERROR_EMPTY);
  read_fails ("image.txt", png, sizeof png - 1, TDM_ARTICLE_ERROR_BINARY);
  read_fails ("document.txt", "%PDF-1.7\n%\xe2\xe3\xcf\xd3", -1, TDM_ARTICLE_ERROR_BINARY);
  read_fails ("nul.txt", nul, sizeof nul - 1, TDM_ARTICLE_ERROR_BINARY);
  read_fails ("garbage.txt", garbage, sizeof garbage - 1, TDM_ARTICLE_ERROR_BINARY);
  read_fails ("latin1.txt", latin1, -1, TDM_ARTICLE_ERROR_ENCODING);
  read_fails ("utf16-odd.txt", "\xff\xfe\x00\xd8", 4, TDM_ARTICLE_ERROR_ENCODING);
  read_fails ("nobody.html", "<html><head><title>Only a title</title></head><body>  </body></html>", -1,
              TDM_ARTICLE_ERROR_NO_TEXT);
  read_fails ("scripts.html", "<html><body><script>document.write('x')</script><nav>Menu</nav></body></html>", -1,
              TDM_ARTICLE_ERROR_NO_TEXT);
}

static void
test_too_large (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  FILE *f = g_fopen (path, "w");

  /* A sparse 100 MB file: refused from its size, never read. */
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), 100 * 1024 * 1024), ==, 0);
  fclose (f);

  text = tdm_article_read_file (file, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_TOO_LARGE);
  g_unlink (path);

  g_clear_error (&error);
  text = tdm_article_read_data ("x", TDM_ARTICLE_MAX_SIZE + 1, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, TDM_ARTICLE_ERROR, TDM_ARTICLE_ERROR_TOO_LARGE);
}

static void
test_missing_and_directory (void)
{
  g_autofree char *missing_path = g_build_filename (tmp_dir, "missing.txt", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = tdm_article_read_file (missing, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  text = tdm_article_read_file (dir, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
}

/* Read and extracted, an article about nothing known gives empty facts. */
static void
test_unrelated_html (void)
{
  g_autoptr(TdmArticleExtractor) extractor = tdm_article_extractor_new ();
  g_autofree char *text = read_ok ("weather.html",
    "<html><body><h1>Bulletin météo</h1><p>Des pluies sont attendues demain sur le nord du pays, "
    "avec des températures en baisse de quelques degrés selon les services de la météo.</p></body></html>", -1);
  g_autoptr(TdmArticle) article = tdm_article_extractor_extract (extractor, text, NULL);

  g_assert_cmpstr (article->title, ==, "Bulletin météo");
  g_assert_null (article->event_type);
  g_assert_null (article->region);
  g_assert_null (article->city);
  g_assert_cmpuint (article->partners->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("tadamon-reader-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/importer/article-reader/utf8", test_utf8);
  g_test_add_func ("/importer/article-reader/utf16", test_utf16);
  g_test_add_func ("/importer/article-reader/windows-1256", test_windows_1256);
  g_test_add_func ("/importer/article-reader/html", test_html);
  g_test_add_func ("/importer/article-reader/html-h1-charset", test_html_h1_and_charset);
  g_test_add_func ("/importer/article-reader/bad-input", test_bad_input);
  g_test_add_func ("/importer/article-reader/too-large", test_too_large);
  g_test_add_func ("/importer/article-reader/missing-directory", test_missing_and_directory);
  g_test_add_func ("/importer/article-reader/unrelated", test_unrelated_html);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  return status;
}
