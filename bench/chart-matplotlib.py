#!/usr/bin/python3
# chart-matplotlib.py CSV PNG: the bar chart `tadamon-cli chart --from-csv`
# draws, by matplotlib, for bench/dashboard.c: horizontal bars of the CSV's
# first two columns (labels, values), 1000x600 pixels.
#
# matplotlib does not shape Arabic by itself (no joining forms, no
# right-to-left reordering: that needs arabic_reshaper and python-bidi,
# which are not used here on purpose): its labels come out as isolated
# letters in the wrong order. The picture says so.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: chart-matplotlib.py CSV PNG")
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    labels = [r[0] for r in rows]
    values = [float(r[1]) for r in rows]

    # An Arabic-capable font (fonts-noto-core), found by family name.
    for family in ("Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans"):
        try:
            font_manager.findfont(family, fallback_to_default=False)
            plt.rcParams["font.family"] = [family, "DejaVu Sans"]
            break
        except ValueError:
            continue

    fig, ax = plt.subplots(figsize=(10, 6), dpi=100)
    # The CSV's order from the top down, as tadamon-cli draws it.
    order = list(reversed(range(len(values))))
    ax.barh([labels[i] for i in order], [values[i] for i in order], color="#0072b2")
    for y, i in enumerate(order):
        ax.text(values[i], y, f" {values[i]:,.0f}", va="center", fontsize=8)
    ax.set_xlabel(header[1])
    ax.set_title("التعاونيات حسب الجهة")
    fig.text(0.01, 0.01, "matplotlib: Arabic drawn unshaped (no reshaper/bidi)",
             fontsize=7, color="#666666")
    fig.tight_layout()
    fig.savefig(sys.argv[2])


if __name__ == "__main__":
    main()
