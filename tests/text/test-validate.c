/* test-validate.c: checks of single values a user types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tdm-validate.h"

static void
test_email (void)
{
  const char *good[] = {
    "contact@tadamon.ma", "a.b-c_d+tag@mail.example.org", "x@sub.domain.co.ma",
    "coop.tifawin@gmail.com", "o'brien@example.fr", "u@xn--mgbc0a9azcg.xn--mgbc0a9azcg",
  };
  const char *bad[] = {
    "", "plain", "@example.ma", "user@", "user@@example.ma", "a@b@c.ma",
    "user@localhost", "user@example", "user@example.m", "user@-example.ma",
    "user@example-.ma", "user@exa_mple.ma", "user@example..ma", ".user@example.ma",
    "user.@example.ma", "us..er@example.ma", "us er@example.ma", "user@example.ma ",
    " user@example.ma", "user@example.123", "مستخدم@example.ma",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!tdm_validate_email (good[i]))
      g_error ("“%s” should be a valid e-mail", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (tdm_validate_email (bad[i]))
      g_error ("“%s” should be refused", bad[i]);
  g_assert_false (tdm_validate_email (NULL));
}

static void
test_phone (void)
{
  const char *good[] = {
    "0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78",
    "0522123456", "0712345678", "0812345678", "+212612345678", "+212 6 12 34 56 78",
    "00212612345678", "00212 5 22 12 34 56", "+33612345678", "+1 202 555 0143",
    "0033 6 12 34 56 78", "٠٦١٢٣٤٥٦٧٨", "06\xc2\xa0" "12\xc2\xa0" "34\xc2\xa0" "56\xc2\xa0" "78",
  };
  const char *bad[] = {
    "", "06123456", "061234567890", "0412345678", "0912345678", "6123456789",
    "+2120612345678", "+212 4 12 34 56 78", "+21261234567", "+0612345678",
    "+1234567", "+1234567890123456", "06 12  34 56 78", "06/12/34/56/78",
    "06 12 34 56 7a", " 0612345678", "0612345678 ", "+ 212612345678", "++212612345678",
    "00", "tel 0612345678", "(06) 12 34 56 78",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!tdm_validate_phone (good[i]))
      g_error ("“%s” should be a valid phone number", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (tdm_validate_phone (bad[i]))
      g_error ("“%s” should be refused", bad[i]);
  g_assert_false (tdm_validate_phone (NULL));
}

static void
test_iso_date (void)
{
  const char *good[] = {
    "2024-02-29", "2000-02-29", "2025-12-31", "1958-11-15", "0001-01-01",
  };
  const char *bad[] = {
    "", "2023-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
    "2025-01-00", "2025-1-01", "2025/01/01", "25-01-01", "2025-01-011",
    "0000-01-01", "2025-01-0a", "15/11/1958", "٢٠٢٤-٠١-٠١",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!tdm_validate_iso_date (good[i]))
      g_error ("“%s” should be a valid date", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (tdm_validate_iso_date (bad[i]))
      g_error ("“%s” should be refused", bad[i]);
  g_assert_false (tdm_validate_iso_date (NULL));
}

static void
test_date_is_future (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *s_now = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *s_tomorrow = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *s_yesterday = g_date_time_format (yesterday, "%Y-%m-%d");

  g_assert_true (tdm_date_is_future ("2025-06-02", "2025-06-01"));
  g_assert_false (tdm_date_is_future ("2025-06-01", "2025-06-01"));
  g_assert_false (tdm_date_is_future ("2024-12-31", "2025-01-01"));
  g_assert_true (tdm_date_is_future ("2026-01-01", "2025-12-31"));
  g_assert_false (tdm_date_is_future ("not a date", "2025-01-01"));
  g_assert_false (tdm_date_is_future ("2025-02-30", "2025-01-01"));

  g_assert_true (tdm_date_is_future (s_tomorrow, NULL));
  g_assert_false (tdm_date_is_future (s_now, NULL));
  g_assert_false (tdm_date_is_future (s_yesterday, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/validate/email", test_email);
  g_test_add_func ("/text/validate/phone", test_phone);
  g_test_add_func ("/text/validate/iso-date", test_iso_date);
  g_test_add_func ("/text/validate/date-is-future", test_date_is_future);

  return g_test_run ();
}
