#!/usr/bin/env python3
"""Fills ui/i18n/shopdesk_zh_CN.ts from scripts/zh_CN.tsv (English source -> Chinese).

The table is keyed by source text alone, so a text may have only one translation.

Run after `cmake --build build --target shopdesk_ui_lupdate` adds new strings; prints any source
text that still has no translation (and exits 1 so that it is noticed)."""
import html
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
ts_path = root / "ui/i18n/shopdesk_zh_CN.ts"
table = {}
conflicts = []
for line in (root / "scripts/zh_CN.tsv").read_text(encoding="utf-8").splitlines():
    if line.strip():
        en, zh = line.split("\t")
        if en in table and table[en] != zh:
            # One English text, two meanings: give the source strings different words instead.
            conflicts.append(f"{en!r}: {table[en]!r} or {zh!r}")
        table[en] = zh
if conflicts:
    for c in conflicts:
        print("one source text, two translations:", c)
    sys.exit(1)

missing = []


def fill(match):
    source = html.unescape(match.group(1))
    zh = table.get(source)
    if zh is None:
        missing.append(source)
        return match.group(0)
    escaped = html.escape(zh, quote=False).replace('"', "&quot;").replace("'", "&apos;")
    return f"<source>{match.group(1)}</source>\n        <translation>{escaped}</translation>"


text = ts_path.read_text(encoding="utf-8")
text = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
ts_path.write_text(text, encoding="utf-8")
for m in missing:
    print("untranslated:", m)
sys.exit(1 if missing else 0)
