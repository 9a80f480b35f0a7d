/* launch.c: the window's launch to first frame and peak RSS.
 *
 * Starts the real `tadamon --database DB --page cooperatives` on a
 * database of N cooperatives, and two windows of launch-baseline.c (a bare
 * libadwaita window; the same with a GtkColumnView like the registry's)
 * the same way, under the current display, with
 * TDM_LAUNCH_TRACE=exit: each prints a CLOCK_MONOTONIC timestamp at the
 * first "after-paint" of its main window and quits (see
 * src/app/tdm-launch-trace.h). Launch time is that timestamp minus the
 * one taken here just before posix_spawn(); peak RSS is the child's
 * ru_maxrss from wait4(). Runs alternate between the programs, for
 * the cairo renderer and for the one GTK picks by default. Figures only.
 *
 *   ninja -C BUILDDIR bench/launch bench/launch-baseline && BUILDDIR/bench/launch
 *
 * Without a display (or a session bus) it starts itself again under
 * xvfb-run (and dbus-run-session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#define CHILD_TIMEOUT_MS 30000

/* The marks of src/app/tdm-launch-trace.c, in launch order. */
static const char * const mark_names[] = {
  "main", "startup", "window", "store", "presented", "first-frame",
};
#define N_MARKS G_N_ELEMENTS (mark_names)
#define FIRST_FRAME (N_MARKS - 1)

typedef struct {
  double  marks_ms[N_MARKS];   /* from the spawn, -1 when not printed */
  double  first_frame_hwm_mb;  /* VmHWM at the first frame */
  double  peak_rss_mb;         /* ru_maxrss of the whole run */
  double  cpu_ms;              /* user + system time of the whole run */
  char   *renderer;
} Run;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  if (values->len == 0)
    return -1;

  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);

  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static void
parse_trace (Run        *run,
             const char *text,
             gint64      spawned_us)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (!g_str_has_prefix (lines[i], "tdm-launch "))
        continue;

      words = g_strsplit (lines[i], " ", -1);
      if (g_strv_length (words) < 3)
        continue;

      for (guint m = 0; m < N_MARKS; m++)
        if (g_str_equal (words[1], mark_names[m]))
          run->marks_ms[m] = (g_ascii_strtoll (words[2], NULL, 10) - spawned_us) / 1000.0;

      for (guint w = 3; words[w] != NULL && words[w + 1] != NULL; w += 2)
        {
          if (g_str_equal (words[w], "vmhwm-kb"))
            run->first_frame_hwm_mb = g_ascii_strtod (words[w + 1], NULL) / 1024;
          else if (g_str_equal (words[w], "renderer"))
            {
              g_free (run->renderer);
              run->renderer = g_strdup (words[w + 1]);
            }
        }
    }
}

/* Runs ARGV once with ENV; FALSE (and a message) when it failed or never
 * drew its first frame. */
static gboolean
run_once (char * const *argv,
          char * const *env,
          Run          *run)
{
  g_autoptr(GString) output = g_string_new (NULL);
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 spawned_us, deadline_us;
  int fds[2];
  int status = 0;
  pid_t pid;
  int error;

  for (guint m = 0; m < N_MARKS; m++)
    run->marks_ms[m] = -1;
  run->first_frame_hwm_mb = -1;
  run->peak_rss_mb = -1;

  if (pipe2 (fds, O_CLOEXEC) != 0)
    {
      g_printerr ("pipe: %s\n", g_strerror (errno));
      return FALSE;
    }

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2 (&actions, fds[1], STDERR_FILENO);

  spawned_us = g_get_monotonic_time ();
  error = posix_spawn (&pid, argv[0], &actions, NULL, argv, env);
  posix_spawn_file_actions_destroy (&actions);
  close (fds[1]);
  if (error != 0)
    {
      close (fds[0]);
      g_printerr ("%s: %s\n", argv[0], g_strerror (error));
      return FALSE;
    }

  /* Everything the child writes on stderr, until it closes it. */
  deadline_us = spawned_us + CHILD_TIMEOUT_MS * 1000;
  for (;;)
    {
      struct pollfd pfd = { fds[0], POLLIN, 0 };
      int left_ms = (int) ((deadline_us - g_get_monotonic_time ()) / 1000);
      char buffer[4096];
      ssize_t n;

      if (left_ms <= 0)
        {
          g_printerr ("%s: no exit after %d s, killed\n", argv[0], CHILD_TIMEOUT_MS / 1000);
          kill (pid, SIGKILL);
          break;
        }
      if (poll (&pfd, 1, left_ms) < 0 && errno != EINTR)
        break;
      n = read (fds[0], buffer, sizeof buffer);
      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n <= 0)
        break;
      g_string_append_len (output, buffer, n);
    }
  close (fds[0]);

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        g_printerr ("wait4: %s\n", g_strerror (errno));
        return FALSE;
      }

  parse_trace (run, output->str, spawned_us);
  run->peak_rss_mb = usage.ru_maxrss / 1024.0;
  run->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || run->marks_ms[FIRST_FRAME] < 0)
    {
      g_printerr ("%s did not draw a frame and exit cleanly; it said:\n%s\n", argv[0], output->str);
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  const char  *label;
  char       **argv;
  GArray      *marks[N_MARKS];
  GArray      *hwm;
  GArray      *peak;
  GArray      *cpu;
  char        *renderer;
} Program;

static void
program_init (Program     *program,
              const char  *label,
              char       **argv)
{
  program->label = label;
  program->argv = argv;
  for (guint m = 0; m < N_MARKS; m++)
    program->marks[m] = g_array_new (FALSE, FALSE, sizeof (double));
  program->hwm = g_array_new (FALSE, FALSE, sizeof (double));
  program->peak = g_array_new (FALSE, FALSE, sizeof (double));
  program->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  program->renderer = NULL;
}

static void
program_reset (Program *program)
{
  for (guint m = 0; m < N_MARKS; m++)
    g_array_set_size (program->marks[m], 0);
  g_array_set_size (program->hwm, 0);
  g_array_set_size (program->peak, 0);
  g_array_set_size (program->cpu, 0);
  g_clear_pointer (&program->renderer, g_free);
}

static void
program_clear (Program *program)
{
  for (guint m = 0; m < N_MARKS; m++)
    g_array_unref (program->marks[m]);
  g_array_unref (program->hwm);
  g_array_unref (program->peak);
  g_array_unref (program->cpu);
  g_free (program->renderer);
}

static gboolean
program_run (Program      *program,
             char * const *env,
             gboolean      keep)
{
  Run run = { 0 };
  gboolean ok = run_once (program->argv, env, &run);

  if (ok && keep)
    {
      for (guint m = 0; m < N_MARKS; m++)
        if (run.marks_ms[m] >= 0)
          g_array_append_val (program->marks[m], run.marks_ms[m]);
      g_array_append_val (program->hwm, run.first_frame_hwm_mb);
      g_array_append_val (program->peak, run.peak_rss_mb);
      g_array_append_val (program->cpu, run.cpu_ms);
      if (program->renderer == NULL)
        program->renderer = g_strdup (run.renderer);
    }
  g_free (run.renderer);

  return ok;
}

static void
print_program (Program *program)
{
  GArray *first_frame = program->marks[FIRST_FRAME];
  double lo, hi;

  g_array_sort (first_frame, compare_doubles);
  lo = g_array_index (first_frame, double, 0);
  hi = g_array_index (first_frame, double, first_frame->len - 1);
  printf ("  %-8s first frame %6.0f ms (min %.0f, max %.0f), CPU %.0f ms, peak RSS %6.1f MB "
          "(%.1f MB at the first frame), %s\n",
          program->label, median (first_frame), lo, hi, median (program->cpu),
          median (program->peak), median (program->hwm),
          program->renderer != NULL ? program->renderer : "?");

  printf ("            median ms from exec:");
  for (guint m = 0; m < N_MARKS; m++)
    if (program->marks[m]->len > 0)
      printf (" %s %.0f", mark_names[m], median (program->marks[m]));
  printf ("\n");
}

static gboolean
bench_renderer (Program     *programs,
                guint        n_programs,
                const char  *renderer,
                int          runs)
{
  g_auto(GStrv) env = g_get_environ ();

  /* The same settings for both, never the user's: no dconf writes. */
  env = g_environ_setenv (env, "TDM_LAUNCH_TRACE", "exit", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BUILD_ROOT "/data", TRUE);
  env = g_environ_setenv (env, "TDM_LOCALEDIR", BUILD_ROOT "/po-locale", TRUE);
  if (g_str_equal (renderer, "default"))
    env = g_environ_unsetenv (env, "GSK_RENDERER");
  else
    env = g_environ_setenv (env, "GSK_RENDERER", renderer, TRUE);

  for (guint p = 0; p < n_programs; p++)
    program_reset (&programs[p]);

  /* A warm-up run each (page cache, font cache), then the two programs
   * in turn so that a busy moment of the machine hits both. */
  for (int run = -1; run < runs; run++)
    for (guint p = 0; p < n_programs; p++)
      if (!program_run (&programs[p], env, run >= 0))
        return FALSE;

  printf ("renderer %s (GSK_RENDERER %s), median of %d runs after a warm-up:\n",
          renderer, g_str_equal (renderer, "default") ? "unset" : renderer, runs);
  for (guint p = 0; p < n_programs; p++)
    print_program (&programs[p]);

  /* The last program against each of the others. */
  for (guint p = 0; p + 1 < n_programs; p++)
    {
      Program *app = &programs[n_programs - 1];
      double base_ms = median (programs[p].marks[FIRST_FRAME]);
      double app_ms = median (app->marks[FIRST_FRAME]);
      double base_mb = median (programs[p].peak);
      double app_mb = median (app->peak);

      printf ("  %s / %s: time %.2f× (%+.0f ms), peak RSS %.2f× (%+.1f MB)\n",
              app->label, programs[p].label,
              app_ms / base_ms, app_ms - base_ms, app_mb / base_mb, app_mb - base_mb);
    }
  printf ("  goals for tadamon: < 400 ms, < 150 MB\n");

  return TRUE;
}

/* Starts this program again under xvfb-run and/or dbus-run-session when
 * there is no display or no session bus; returns only when it cannot. */
static void
ensure_display_and_bus (char **argv)
{
  guint argc = g_strv_length (argv);
  gboolean need_display = g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL;
  gboolean need_bus = g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *xvfb = g_find_program_in_path ("xvfb-run");
  g_autofree char *dbus = g_find_program_in_path ("dbus-run-session");

  if (!need_display && !need_bus)
    return;

  if (need_display)
    {
      if (xvfb == NULL)
        return;
      g_ptr_array_add (args, xvfb);
      g_ptr_array_add (args, (char *) "-a");
      g_ptr_array_add (args, (char *) "-s");
      g_ptr_array_add (args, (char *) "-screen 0 1280x800x24");
    }
  if (dbus != NULL)
    {
      g_ptr_array_add (args, dbus);
      g_ptr_array_add (args, (char *) "--");
    }
  for (guint i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  if (args->len > argc + 1)
    {
      execv ((char *) args->pdata[0], (char **) args->pdata);
      g_printerr ("%s: %s\n", (char *) args->pdata[0], g_strerror (errno));
    }
}

static char *
make_database (const char *dir,
               int         n_cooperatives,
               GError    **error)
{
  g_autofree char *name = g_strdup_printf ("launch-%d.db", n_cooperatives);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *count = g_strdup_printf ("%d", n_cooperatives);
  const char *argv[] = {
    TADAMON_CLI_PATH, "--database", path, "demo", "--cooperatives", count, NULL
  };
  int status = 0;

  /* A kept folder reuses its database. */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  printf ("creating %d demo cooperatives in %s …\n", n_cooperatives, path);
  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return NULL;

  return g_steal_pointer (&path);
}

int
main (int   argc,
      char *argv[])
{
  int n_cooperatives = 100000;
  int runs = 7;
  g_autofree char *database = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *renderers = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) renderer_list = NULL;
  g_auto(GStrv) original = NULL;
  char *base_argv[] = { (char *) LAUNCH_BASELINE_PATH, NULL };
  char *table_argv[] = { (char *) LAUNCH_BASELINE_PATH, (char *) "--column-view", NULL };
  char *app_argv[] = {
    (char *) TADAMON_APP_PATH, (char *) "--database", NULL, (char *) "--page", (char *) "cooperatives", NULL
  };
  char *before_argv[G_N_ELEMENTS (app_argv)];
  Program programs[4];
  guint n_programs = 0;
  gboolean temporary = FALSE;
  int status = 0;
  GOptionEntry entries[] = {
    { "cooperatives", 'n', 0, G_OPTION_ARG_INT, &n_cooperatives,
      "Cooperatives in the demo database (100000)", "N" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      "Use this database instead of a demo one", "PATH" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      "Keep the demo database in DIR (reused by the next run)", "DIR" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Runs of each program per renderer (7)", "N" },
    { "before", 0, 0, G_OPTION_ARG_FILENAME, &before,
      "Also time this other tadamon binary (a build of an older commit, say), in turn with the others",
      "PATH" },
    { "renderers", 0, 0, G_OPTION_ARG_STRING, &renderers,
      "Comma-separated GSK_RENDERER values, \"default\" for unset (cairo,default)", "LIST" },
    { NULL }
  };

  g_option_context_set_summary (context,
                                "Launch to first frame and peak RSS of the Tadamon window on a "
                                "database of N cooperatives, beside a bare libadwaita window "
                                "(goals < 400 ms, < 150 MB).");
  g_option_context_add_main_entries (context, entries, NULL);
  original = g_strdupv (argv);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1 || n_cooperatives < 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--runs must be at least 1");
      return 2;
    }

  /* Parsed first so that a wrong option fails before Xvfb starts. */
  ensure_display_and_bus (original);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display, and xvfb-run was not found.\n");
      return 1;
    }

  if (database == NULL)
    {
      if (dir == NULL)
        {
          dir = g_dir_make_tmp ("tadamon-launch-XXXXXX", &error);
          temporary = TRUE;
        }
      else
        g_mkdir_with_parents (dir, 0755);
      if (dir == NULL || (database = make_database (dir, n_cooperatives, &error)) == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  app_argv[2] = database;
  memcpy (before_argv, app_argv, sizeof app_argv);
  before_argv[0] = before;
  program_init (&programs[n_programs++], "baseline", base_argv);
  program_init (&programs[n_programs++], "table", table_argv);
  if (before != NULL)
    program_init (&programs[n_programs++], "before", before_argv);
  program_init (&programs[n_programs++], "tadamon", app_argv);

  printf ("display %s, session bus %s; database %s\n",
          g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : g_getenv ("WAYLAND_DISPLAY"),
          g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL ? "yes" : "no", database);
  printf ("baseline: AdwApplicationWindow 1280×800, a header bar and a label; table: the same with "
          "a 7-column GtkColumnView on 100,000 rows made on demand, no data behind it;\n"
          "tadamon: --database DB --page cooperatives%s%s\n",
          before != NULL ? "; before: the same with " : "", before != NULL ? before : "");

  renderer_list = g_strsplit (renderers != NULL ? renderers : "cairo,default", ",", -1);
  for (guint r = 0; renderer_list[r] != NULL; r++)
    if (!bench_renderer (programs, n_programs, renderer_list[r], runs))
      status = 1;

  for (guint p = 0; p < n_programs; p++)
    program_clear (&programs[p]);

  if (temporary)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (database, suffixes[i], NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }

  return status;
}
