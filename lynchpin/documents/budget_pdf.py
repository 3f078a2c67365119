"""A priced budget as PDF (WeasyPrint): the top sheet, then the detail by account.

Page 1 is the top sheet (categories by level with level totals, subtotal, contractual
charges, grand total, incentives and net total), the fringe totals and any problems found
while pricing. Then, category by category, every account that has lines or a total, with its
lines in Movie Magic's columns (Description, Amt, Unit, X, Rate, Total, Fringes) and the
account total with fringes as posted. Every printed money cell is rounded once by the
engine's `printed` step (`budget_table`); lines in excluded groups are struck through.

HTML and CSS come from ``templates/budget*.html`` and ``budget.css``; all budget text is
HTML-escaped, and WeasyPrint is given a URL fetcher that fetches nothing.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from lynchpin.documents.budget_table import (
    DetailRow,
    detail_rows,
    fringe_rate_text,
    money_cell,
    plain,
    top_sheet_rows,
)
from lynchpin.documents.html_pdf import Markup, check_page_size, fill, print_pdf, template
from lynchpin.engine.budgeting.model import Account, Category
from lynchpin.engine.budgeting.totals import Pricing


def _amount(value: Decimal | None) -> str:
    """A printed money cell with thousands separators; ``error`` for a failed formula."""
    return "error" if value is None else f"{value:,}"


def render_budget_pdf(pricing: Pricing, *, page_size: str = "letter") -> bytes:
    """The top sheet and detail as PDF bytes; `page_size` ``"letter"`` or ``"A4"``
    (ValueError otherwise)."""
    check_page_size(page_size)
    css = template("budget.css").substitute(page_size=page_size)
    return print_pdf(budget_html(pricing), css)


def budget_html(pricing: Pricing) -> str:
    """The HTML document `render_budget_pdf` prints (all budget text escaped)."""
    budget = pricing.budget
    return fill("budget.html", title=budget.title or "Budget",
                 topsheet=Markup(_topsheet(pricing)), detail=Markup(_detail(pricing)))


def _topsheet(pricing: Pricing) -> str:
    budget = pricing.budget
    rows = "".join(
        f'<tr class="{row.kind}"><td class="code">{escape(_code(row.kind, row.code))}</td>'
        f'<td>{escape(row.name)}</td><td class="amount">{_amount(row.total)}</td></tr>'
        for row in top_sheet_rows(pricing))
    return fill("budget-topsheet.html", title=budget.title or "Budget",
                 version=budget.version or "Budget", currency=budget.currency,
                 rows=Markup(rows), fringes=Markup(_fringes(pricing)),
                 problems=Markup(_problems(pricing)))


def _code(kind: str, code: str) -> str:
    """Category, charge and incentive rows show their code; total rows none."""
    return code if kind in ("category", "charge", "incentive") else ""


def _fringes(pricing: Pricing) -> str:
    if not pricing.budget.fringes:
        return ""
    rows = "".join(
        f"<tr><td>{escape(f.id)}</td><td>{escape(f.name)}</td>"
        f"<td>{escape(fringe_rate_text(f))}</td>"
        f"<td class=\"amount\">{'' if f.cutoff is None else escape(plain(f.cutoff))}</td>"
        f'<td class="amount">{_amount(money_cell(pricing, pricing.fringe_totals[f.id]))}</td>'
        "</tr>" for f in pricing.budget.fringes)
    return ("<h3>Fringes</h3><table class=\"money\"><thead><tr><th>Id</th><th>Fringe</th>"
            "<th>Rate</th><th class=\"amount\">Cut-off</th><th class=\"amount\">Total</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>")


def _problems(pricing: Pricing) -> str:
    items = "".join(f"<li>{escape(v.severity.value)}: {escape(v.message)}</li>"
                    for v in pricing.violations)
    return f'<h3>Problems</h3><ul class="problems">{items}</ul>' if items else ""


def _detail(pricing: Pricing) -> str:
    by_account: dict[str, list[DetailRow]] = {}
    for row in detail_rows(pricing):
        by_account.setdefault(row.account, []).append(row)
    parts = []
    for category in pricing.budget.categories:
        accounts = [_account(pricing, a, by_account.get(a.code, [])) for a in category.accounts
                    if a.code in by_account or pricing.accounts[a.code]]
        if accounts:
            parts.append(_category_head(pricing, category) + "".join(accounts))
    return "\n".join(parts)


def _category_head(pricing: Pricing, category: Category) -> str:
    total = _amount(money_cell(pricing, pricing.categories[category.code]))
    return (f'<h3 class="category-head">{escape(category.code)} {escape(category.name)}'
            f' <span class="note">({total} {escape(pricing.budget.currency)})</span></h3>')


def _account(pricing: Pricing, account: Account, rows: list[DetailRow]) -> str:
    body = "".join(_line(row, pricing.budget.currency) for row in rows)
    return fill("budget-account.html", code=account.code, name=account.name,
                 rows=Markup(body),
                 total=_amount(money_cell(pricing, pricing.accounts[account.code])))


def _cell(value: Decimal | None) -> str:
    return "error" if value is None else plain(value)


def _line(row: DetailRow, currency: str) -> str:
    line = row.line
    css = ' class="excluded"' if row.excluded else ""
    rate = _cell(row.rate) + ("" if row.currency == currency else f" {row.currency}")
    note = f'<div class="note">{escape(row.formulas)}</div>' if row.formulas else ""
    return (f"<tr{css}><td>{escape(line.description)}{note}</td>"
            f'<td class="amount">{_cell(row.amount)}</td><td>{escape(line.unit)}</td>'
            f'<td class="amount">{_cell(row.multiplier)}</td>'
            f'<td class="amount">{escape(rate)}</td>'
            f'<td class="amount">{_amount(row.total)}</td>'
            f'<td class="amount">{_amount(row.fringes)}</td></tr>')
