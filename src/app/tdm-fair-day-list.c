/* tdm-fair-day-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tdm-fair-day-list.h"
#include "tdm-fairs.h"
#include "tdm-number-format.h"
#include "tdm-validate.h"
#include "tdm-window.h"

struct _TdmFairDayList
{
  AdwBin               parent_instance;

  TdmStore            *store;
  gint64               fair_id;
  char                *start;          /* the fair's dates, NULL when not known */
  char                *end;
  GPtrArray           *days;           /* TdmFairDay, as the rows show them */

  /* The last deleted day, until its toast goes: the store and fair are
   * kept with it, the page may show another fair before Undo. */
  TdmFairDay          *deleted;
  TdmStore            *deleted_store;
  gint64               deleted_fair_id;
  AdwToast            *undo_toast;

  /* Template widgets */
  GtkListBox          *list_box;
  GtkLabel            *total_visitors_label;
  GtkLabel            *total_sales_label;
  AdwPreferencesGroup *form_group;
  AdwEntryRow         *date_row;
  AdwEntryRow         *visitors_row;
  AdwEntryRow         *sales_row;
  GtkLabel            *date_error;
  GtkLabel            *visitors_error;
  GtkLabel            *sales_error;
  GtkLabel            *save_error;
};

G_DEFINE_FINAL_TYPE (TdmFairDayList, tdm_fair_day_list, ADW_TYPE_BIN)

static void
show_toast (TdmFairDayList *self,
            AdwToast       *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (TDM_IS_WINDOW (root))
    tdm_window_add_toast (TDM_WINDOW (root), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
show_message (TdmFairDayList *self,
              const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  show_toast (self, adw_toast_new (escaped));
}

/* Western digits, as the rest of the window (Moroccan Arabic writes
 * them), with the separators of the UI's language. */
static char *
format_count (gint64 value)
{
  TdmNumberFormat format;

  tdm_number_format_init (&format, NULL, TDM_DIGITS_WESTERN);
  return tdm_number_format_format (&format, value, 0);
}

static char *
format_dirhams (double value)
{
  /* Money shows its centimes, or none: never "18 400,5". Western
   * digits, as the rest of the window (Moroccan Arabic writes them). */
  TdmNumberFormat format;
  g_autofree char *number = NULL;

  tdm_number_format_init (&format, NULL, TDM_DIGITS_WESTERN);
  number = tdm_number_format_format (&format, value, value == floor (value) ? 0 : 2);

  /* Translators: an amount of money; %s is the number of dirhams. */
  return g_strdup_printf (_("%s MAD"), number);
}

static char *
format_visitors (gint64 visitors)
{
  g_autofree char *number = format_count (visitors);

  /* Translators: %s is a number of visitors, already formatted. */
  return g_strdup_printf (g_dngettext (NULL, "%s visitor", "%s visitors", (gulong) visitors), number);
}

/* A date kept left to right inside Arabic text (a left-to-right
 * isolate): without it the bidi algorithm reorders its parts. */
static char *
isolate (const char *date)
{
  return g_strconcat ("\u2066", date, "\u2069", NULL);
}

static void
clear_errors (TdmFairDayList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->visitors_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sales_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_label (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
clear_form (TdmFairDayList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->visitors_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->sales_row), "");
  clear_errors (self);
}

static TdmFairDay *
day_at (TdmFairDayList *self,
        GtkWidget      *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "day-index"));

  return index < self->days->len ? g_ptr_array_index (self->days, index) : NULL;
}

static void
row_edit_cb (GtkButton      *button,
             TdmFairDayList *self)
{
  TdmFairDay *day = day_at (self, GTK_WIDGET (button));
  g_autofree char *visitors = NULL;
  g_autofree char *sales = NULL;

  if (day == NULL)
    return;

  /* Plain numbers in the form: what the parser reads back. */
  if (day->visitors >= 0)
    visitors = g_strdup_printf ("%" G_GINT64_FORMAT, day->visitors);
  if (day->sales >= 0)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      sales = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", day->sales));
    }
  clear_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), day->day);
  gtk_editable_set_text (GTK_EDITABLE (self->visitors_row), visitors != NULL ? visitors : "");
  gtk_editable_set_text (GTK_EDITABLE (self->sales_row), sales != NULL ? sales : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->visitors_row));
}

static void
undo_toast_dismissed_cb (TdmFairDayList *self,
                         AdwToast       *toast)
{
  if (toast != self->undo_toast)
    return;
  g_clear_pointer (&self->deleted, tdm_fair_day_free);
  g_clear_object (&self->deleted_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "days.undo", FALSE);
}

static void
undo (TdmFairDayList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdmFairDay) day = g_steal_pointer (&self->deleted);
  g_autoptr(TdmStore) store = g_steal_pointer (&self->deleted_store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "days.undo", FALSE);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  if (day == NULL || store == NULL)
    return;

  if (!tdm_store_set_fair_day (store, self->deleted_fair_id, day->day, day->visitors, day->sales, &error))
    show_message (self, error->message);
}

static void
days_undo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  undo (TDM_FAIR_DAY_LIST (widget));
}

static void
row_delete_cb (GtkButton      *button,
               TdmFairDayList *self)
{
  TdmFairDay *day = day_at (self, GTK_WIDGET (button));
  g_autoptr(TdmFairDay) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (day == NULL)
    return;

  copy = g_new0 (TdmFairDay, 1);
  copy->day = g_strdup (day->day);
  copy->visitors = day->visitors;
  copy->sales = day->sales;

  /* The rows are rebuilt by the store's change: DAY is gone after this. */
  if (!tdm_store_delete_fair_day (self->store, self->fair_id, copy->day, &error))
    {
      show_message (self, error->message);
      return;
    }

  /* One Undo at a time: the previous toast, if any, gives up its day. */
  if (self->undo_toast != NULL)
    {
      AdwToast *previous = self->undo_toast;

      undo_toast_dismissed_cb (self, previous);
      adw_toast_dismiss (previous);
    }

  self->deleted = g_steal_pointer (&copy);
  self->deleted_store = g_object_ref (self->store);
  self->deleted_fair_id = self->fair_id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "days.undo", TRUE);

  /* Translators: a toast after a delete; %s is a date (YYYY-MM-DD). */
  title = g_markup_printf_escaped (_("Figures of %s deleted"), self->deleted->day);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 5);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  self->undo_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->undo_toast);

  show_toast (self, toast);
}

static GtkWidget *
create_row (TdmFairDayList *self,
            TdmFairDay     *day,
            guint           index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *visitors = day->visitors >= 0 ? format_visitors (day->visitors) : g_strdup (_("Visitors not given"));
  g_autofree char *sales = day->sales >= 0 ? format_dirhams (day->sales) : g_strdup (_("Sales not given"));
  g_autofree char *subtitle = NULL;

  /* Translators: the figures of a fair's day: visitors, then sales. */
  subtitle = g_strdup_printf (_("%s · %s"), visitors, sales);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day->day);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Change the Day’s Figures"));
  g_object_set_data (G_OBJECT (edit), "day-index", GUINT_TO_POINTER (index));
  g_signal_connect (edit, "clicked", G_CALLBACK (row_edit_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete the Day’s Figures"));
  g_object_set_data (G_OBJECT (remove), "day-index", GUINT_TO_POINTER (index));
  g_signal_connect (remove, "clicked", G_CALLBACK (row_delete_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
update_fair_dates (TdmFairDayList *self)
{
  g_autoptr(TdmFair) fair = NULL;
  g_autofree char *description = NULL;

  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  if (self->store != NULL && self->fair_id > 0)
    fair = tdm_store_get_fair (self->store, self->fair_id, NULL);
  if (fair != NULL)
    {
      self->start = g_strdup (tdm_fair_get_start_date (fair));
      self->end = g_strdup (tdm_fair_get_end_date (fair));
    }

  if (self->start != NULL && self->end != NULL)
    {
      g_autofree char *start = isolate (self->start);
      g_autofree char *end = isolate (self->end);

      /* Translators: %s are the first and last days of the fair (YYYY-MM-DD). */
      description = g_strdup_printf (_("The fair runs from %s to %s."), start, end);
    }
  adw_preferences_group_set_description (self->form_group, description);
}

static void
reload (TdmFairDayList *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *visitors = NULL;
  g_autofree char *sales = NULL;
  GPtrArray *days = NULL;
  gint64 total_visitors = 0;
  double total_sales = 0;
  GtkWidget *child;

  if (self->store != NULL && self->fair_id > 0)
    {
      days = tdm_store_list_fair_days (self->store, self->fair_id, &error);
      if (days == NULL)
        show_message (self, error->message);
    }
  g_clear_pointer (&self->days, g_ptr_array_unref);
  self->days = days != NULL ? days : g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_fair_day_free);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < self->days->len; i++)
    {
      TdmFairDay *day = g_ptr_array_index (self->days, i);

      gtk_list_box_append (self->list_box, create_row (self, day, i));
      total_visitors += MAX (day->visitors, 0);
      total_sales += MAX (day->sales, 0);
    }

  if (self->days->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No figures yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("After the fair, add the visitors and declared sales of each day below."));
      gtk_list_box_append (self->list_box, row);
    }

  visitors = format_count (total_visitors);
  sales = format_dirhams (total_sales);
  gtk_label_set_label (self->total_visitors_label, visitors);
  gtk_label_set_label (self->total_sales_label, sales);
}

static void
store_changed_cb (TdmFairDayList *self,
                  const char     *table)
{
  if (g_strcmp0 (table, "fair") == 0)
    update_fair_dates (self);
  reload (self);
}

/* Spaces a user may type between thousands are dropped. */
static char *
field_text (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GString *clean = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static void
save_clicked_cb (TdmFairDayList *self)
{
  g_autofree char *day = field_text (self->date_row);
  g_autofree char *visitors_text = field_text (self->visitors_row);
  g_autofree char *sales_text = field_text (self->sales_row);
  g_autoptr(GError) error = NULL;
  gint64 visitors = -1;
  double sales = -1;
  gboolean valid = TRUE;

  clear_errors (self);
  if (self->store == NULL || self->fair_id <= 0)
    return;

  if (*day == '\0')
    {
      show_error (self->date_error, _("Enter the day’s date."));
      valid = FALSE;
    }
  else if (!tdm_validate_iso_date (day))
    {
      show_error (self->date_error, _("Write the date as YYYY-MM-DD, for example 2026-05-14."));
      valid = FALSE;
    }
  else if ((self->start != NULL && strcmp (day, self->start) < 0) ||
           (self->end != NULL && strcmp (day, self->end) > 0))
    {
      g_autofree char *start = isolate (self->start != NULL ? self->start : "…");
      g_autofree char *end = isolate (self->end != NULL ? self->end : "…");
      g_autofree char *message = NULL;

      /* Translators: %s are the first and last days of the fair (YYYY-MM-DD). */
      message = g_strdup_printf (_("The date must be one of the fair’s days, from %s to %s."), start, end);
      show_error (self->date_error, message);
      valid = FALSE;
    }

  if (*visitors_text != '\0')
    {
      guint64 number;

      if (!g_ascii_string_to_unsigned (visitors_text, 10, 0, G_MAXINT64, &number, NULL))
        {
          show_error (self->visitors_error, _("The visitors must be a whole number, 0 or more."));
          valid = FALSE;
        }
      else
        visitors = (gint64) number;
    }

  if (*sales_text != '\0')
    {
      char *end = NULL;

      g_strdelimit (sales_text, ",", '.');
      sales = g_ascii_strtod (sales_text, &end);
      if (end == sales_text || *end != '\0' || !isfinite (sales) || sales < 0)
        {
          show_error (self->sales_error, _("The sales must be a number of dirhams, 0 or more."));
          valid = FALSE;
        }
    }

  if (valid && *visitors_text == '\0' && *sales_text == '\0')
    {
      show_error (self->visitors_error, _("Enter the visitors or the sales of the day."));
      valid = FALSE;
    }

  if (!valid)
    return;

  if (!tdm_store_set_fair_day (self->store, self->fair_id, day, visitors, sales, &error))
    {
      show_error (self->save_error, error->message);
      return;
    }
  clear_form (self);
}

void
tdm_fair_day_list_set_fair (TdmFairDayList *self,
                            TdmStore       *store,
                            gint64          fair_id)
{
  g_return_if_fail (TDM_IS_FAIR_DAY_LIST (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        {
          g_signal_connect_object (store, "changed::fair_day", G_CALLBACK (store_changed_cb),
                                   self, G_CONNECT_SWAPPED);
          /* The fair's dates bound its days. */
          g_signal_connect_object (store, "changed::fair", G_CALLBACK (store_changed_cb),
                                   self, G_CONNECT_SWAPPED);
        }
    }
  self->fair_id = store != NULL ? fair_id : 0;
  clear_form (self);
  update_fair_dates (self);
  reload (self);
}

GtkWidget *
tdm_fair_day_list_new (void)
{
  return g_object_new (TDM_TYPE_FAIR_DAY_LIST, NULL);
}

static void
tdm_fair_day_list_dispose (GObject *object)
{
  TdmFairDayList *self = TDM_FAIR_DAY_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->undo_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->undo_toast, self);
      g_object_remove_weak_pointer (G_OBJECT (self->undo_toast), (gpointer *) &self->undo_toast);
      self->undo_toast = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TDM_TYPE_FAIR_DAY_LIST);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, tdm_fair_day_free);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  g_clear_object (&self->deleted_store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tdm_fair_day_list_parent_class)->dispose (object);
}

static void
tdm_fair_day_list_class_init (TdmFairDayListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tdm_fair_day_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/ma/tadamon/Tadamon/tdm-fair-day-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, list_box);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, total_visitors_label);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, total_sales_label);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, form_group);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, date_row);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, visitors_row);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, sales_row);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, date_error);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, visitors_error);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, sales_error);
  gtk_widget_class_bind_template_child (widget_class, TdmFairDayList, save_error);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_install_action (widget_class, "days.undo", NULL, days_undo_action);
}

static void
tdm_fair_day_list_init (TdmFairDayList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "days.undo", FALSE);
  self->days = g_ptr_array_new_with_free_func ((GDestroyNotify) tdm_fair_day_free);
}
