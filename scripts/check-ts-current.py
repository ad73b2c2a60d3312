#!/usr/bin/env python3
"""Fails when a source string has no Chinese translation in the committed catalogue.

usage: check-ts-current.py LUPDATE PROJECT_CMAKE GENERATOR_CMAKE COMMITTED_TS WORKDIR

Runs lupdate over the same sources as the shopdesk_ui_lupdate target, into a copy of the committed
.ts (so nothing in the source tree changes), and lists every message the copy gains without a
translation: a string added to the code but not to scripts/zh_CN.tsv. Fix with
`cmake --build build --target shopdesk_ui_lupdate && scripts/translate-ts.py`."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

lupdate, project_cmake, generator, committed, workdir = sys.argv[1:6]
work = Path(workdir)
work.mkdir(parents=True, exist_ok=True)
project_json = work / "check_project.json"
check_ts = work / "check_zh_CN.ts"
subprocess.run(["cmake", f"-DIN_FILE={project_cmake}", f"-DOUT_FILE={project_json}", "-P", generator], check=True)
shutil.copyfile(committed, check_ts)
subprocess.run([lupdate, "-silent", "-project", str(project_json), "-ts", str(check_ts), "-no-obsolete",
                "-locations", "none"], check=True)
text = check_ts.read_text(encoding="utf-8")
messages = re.findall(r"<message>(.*?)</message>", text, re.S)
if len(messages) < 100:
    print(f"only {len(messages)} messages found: the check would pass on nothing")
    sys.exit(1)
missing = []
for m in messages:
    source = re.search(r"<source>(.*?)</source>", m, re.S)
    if 'type="unfinished"' in m or re.search(r"<translation>\s*</translation>", m):
        missing.append(source.group(1) if source else m)
for s in missing:
    print("not translated:", s)
if missing:
    print(f"{len(missing)} source string(s) without a translation; run the shopdesk_ui_lupdate target and "
          "scripts/translate-ts.py")
    sys.exit(1)
print(f"{len(messages)} messages, all translated")
