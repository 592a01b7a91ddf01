"""Name badges as PDF (fpdf2, pure Python): name, organisation, attendance, check-in code.

The core PDF fonts cover Latin-1 only, and names do not: "Łucja Wąsowska", "Đặng Thị Hồng".
The badges embed DejaVu Sans, shipped in events/fonts/ with its licence (fpdf2 embeds only the
glyphs used), so no machine needs a font installed.
"""

from pathlib import Path

import segno
from django.urls import reverse
from fpdf import FPDF

from .links import absolute

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
SHEET = {"format": "A4", "columns": 2, "rows": 4, "width": 90.0, "height": 62.0}
SINGLE = {"format": (148.0, 105.0), "columns": 1, "rows": 1, "width": 138.0, "height": 95.0}


def _qr(pdf: FPDF, url: str, x: float, y: float, size: float) -> None:
    matrix = list(segno.make(url, error="m").matrix_iter(border=0))
    module = size / len(matrix)
    for row, line in enumerate(matrix):
        for col, dark in enumerate(line):
            if dark:
                pdf.rect(x + col * module, y + row * module, module, module, style="F")


def _badge(pdf: FPDF, registration, x: float, y: float, layout: dict) -> None:
    width, height = layout["width"], layout["height"]
    pdf.set_draw_color(160)
    pdf.rect(x, y, width, height)
    qr_size = min(height - 16, width * 0.38)
    text_width = width - qr_size - 12
    pdf.set_xy(x + 5, y + 6)
    pdf.set_font(FONT, "B", 20 if layout is SINGLE else 16)
    pdf.multi_cell(text_width, 8, registration.name, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 12 if layout is SINGLE else 10)
    if registration.organisation:
        pdf.multi_cell(text_width, 5, registration.organisation, new_x="LEFT")
    pdf.set_xy(x + 5, y + height - 11)
    pdf.cell(text_width, 6, str(registration.get_attendance_mode_display()))
    path = reverse(
        "events:manage_checkin_person",
        args=[registration.meeting.slug, registration.checkin_token],
    )
    _qr(pdf, absolute(path), x + width - qr_size - 5, y + (height - qr_size) / 2, qr_size)


def badges_pdf(registrations, *, single: bool, title: str) -> bytes:
    """One badge a page (A6 landscape) or eight on each A4 sheet, with cutting frames."""
    layout = SINGLE if single else SHEET
    pdf = FPDF(format=layout["format"], unit="mm")
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_title(title)
    pdf.set_auto_page_break(False)
    pdf.set_fill_color(0)
    per_page = layout["columns"] * layout["rows"]
    page_width, page_height = pdf.w, pdf.h
    gap_x = (page_width - layout["columns"] * layout["width"]) / (layout["columns"] + 1)
    gap_y = (page_height - layout["rows"] * layout["height"]) / (layout["rows"] + 1)
    for index, registration in enumerate(registrations):
        if index % per_page == 0:
            pdf.add_page()
        slot = index % per_page
        col, row = slot % layout["columns"], slot // layout["columns"]
        x = gap_x + col * (layout["width"] + gap_x)
        y = gap_y + row * (layout["height"] + gap_y)
        _badge(pdf, registration, x, y, layout)
    if not pdf.page_no():
        pdf.add_page()
    return bytes(pdf.output())
