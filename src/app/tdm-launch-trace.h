/* tdm-launch-trace.h: timestamps of the window's launch, for bench/launch.
 *
 * With TDM_LAUNCH_TRACE set in the environment, each mark prints
 * "tdm-launch NAME MICROSECONDS" on stderr, MICROSECONDS being
 * g_get_monotonic_time() (CLOCK_MONOTONIC, comparable with the clock of
 * the process that started this one). The first frame of the main window
 * is marked with the peak resident memory so far ("… vmhwm-kb N"), and
 * with TDM_LAUNCH_TRACE=exit the application quits right after it.
 * Without the variable every function here does nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tdm_launch_trace_mark              (const char *name);
void tdm_launch_trace_watch_first_frame (GtkWindow  *window);

G_END_DECLS
