"""Facts as the tables show them: one name per agency, the task in the task column, goals told
apart from results already achieved, and money in đồng (the written form kept).

A view over the extracted facts (facts.py is not changed): `readable_facts()` returns copies.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .types import DocumentMeta, Facts, Responsibility, Target
from .vietnamese import collapse, expand_abbreviations, fold, years_in

GOAL = "mục tiêu"
RESULT = "kết quả"


# --------------------------------------------------------------------------- agencies


def _norm_uy(text: str) -> str:
    return text.replace("Uỷ", "Ủy").replace("uỷ", "ủy")


def agency_key(name: str) -> str:
    """The same agency however it is written: case, Ủy/Uỷ, abbreviations (UBND, LĐTBXH), spacing, accents."""
    text = expand_abbreviations(_norm_uy(collapse(name or "")))
    text = fold(text).replace("&", " va ")
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return collapse(text)


def agency_names(names: list[str]) -> dict[str, str]:
    """key -> the one display name of each agency: its most frequent spelling, Ủy written one way."""
    counts: dict[str, Counter] = {}
    for name in names:
        name = collapse(name or "")
        if name:
            counts.setdefault(agency_key(name), Counter())[_norm_uy(name)] += 1
    out = {}
    for key, spellings in counts.items():
        best = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out[key] = best[:1].upper() + best[1:]
    return out


def _is_agency_heading(r: Responsibility) -> bool:
    """The task column holds only the agency's own name (a duty listed under "Tổ chức thực hiện")."""
    task = agency_key(r.task)
    names = {agency_key(a) for a in r.lead + r.partners}
    return bool(task) and (task in names or task == agency_key(" ".join(r.lead + r.partners)))


def readable_responsibility(r: Responsibility, names: dict[str, str]) -> Responsibility:
    lead = _unique(names.get(agency_key(a), a) for a in r.lead)
    partners = _unique(names.get(agency_key(a), a) for a in r.partners)
    if _is_agency_heading(r) and r.duty:
        return replace(r, task=r.duty, duty="", lead=lead, partners=partners)
    return replace(r, lead=lead, partners=partners)


def _unique(items) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


# --------------------------------------------------------------------------- targets

# Wording of a figure already reached ("đã đào tạo", "kết quả", "đạt được").
_ACHIEVED = re.compile(r"\b(?:da|dat duoc|ket qua|hoan thanh|thuc hien duoc|trong (?:nam|giai doan) qua)\b")
_GOAL_WORDS = re.compile(r"\b(?:phan dau|muc tieu|chi tieu|den nam|dam bao|it nhat|toi thieu|tiep tuc)\b")


_REVIEW_SECTION = re.compile(r"\b(?:danh gia (?:tinh hinh|ket qua)|ket qua (?:thuc hien|dat duoc)|tinh hinh thuc hien)\b")


def target_kind(t: Target, meta: DocumentMeta | None) -> str:
    """GOAL, or RESULT for a figure already achieved: in a review section ("Đánh giá tình hình thực
    hiện", "Kết quả thực hiện"), for years before the plan was written, or told as done."""
    if _REVIEW_SECTION.search(fold(t.section or "")):
        return RESULT
    years = years_in(t.period or "")
    dated = years_in(meta.date) if meta and meta.date else []
    start = dated[-1] if dated else (min(meta.years) if meta and len(meta.years) > 1 else 0)
    if years and start and max(years) < start:  # before the plan was written
        return RESULT
    quote = fold(t.quote or t.indicator)
    if _ACHIEVED.search(quote) and not _GOAL_WORDS.search(quote):
        return RESULT
    return GOAL


# --------------------------------------------------------------------------- money

_NUMBER = re.compile(r"\d[\d.,]*")


def amount_dong(amount: str, unit: str = "") -> int | None:
    """'1.250.500' with unit '1.000đ' -> 1250500000; '3,5 tỷ đồng' -> 3500000000; None if unreadable."""
    m = _NUMBER.search(amount or "")
    if not m:
        return None
    raw = m.group(0).rstrip(".,")
    if "," in raw:  # Vietnamese: "." groups thousands, "," is the decimal mark
        whole, _, frac = raw.partition(",")
        text = whole.replace(".", "") + "." + frac.replace(".", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw) or "." not in raw:
        text = raw.replace(".", "")
    else:
        text = raw
    try:
        value = float(text)
    except ValueError:
        return None
    words = fold(f"{amount[m.end():]} {unit}")
    if re.search(r"\bty\b", words):
        value *= 1e9
    elif re.search(r"\btrieu\b", words):
        value *= 1e6
    elif re.search(r"\b(?:nghin|ngan)\b|1[.,]?000\s*d", words):
        value *= 1e3
    return int(round(value))


def format_dong(value: int | None) -> str:
    return "" if value is None else f"{value:,}".replace(",", ".")


# --------------------------------------------------------------------------- all of it


def readable_facts(facts: Facts, metas: dict[str, DocumentMeta]) -> Facts:
    names = agency_names([a for r in facts.responsibilities for a in r.lead + r.partners])
    return Facts(
        responsibilities=[readable_responsibility(r, names) for r in facts.responsibilities],
        targets=[replace(t, kind=target_kind(t, metas.get(t.source))) for t in facts.targets],
        budget=[replace(b, amount_dong=amount_dong(b.amount, b.unit)) for b in facts.budget],
    )
