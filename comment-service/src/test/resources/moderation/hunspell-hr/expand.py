#!/usr/bin/env python3
"""Expands Debian's hunspell-hr dictionary into every word form with hunspell-tools' unmunch.

    python3 expand.py [/usr/share/hunspell/hr_HR] > hr_HR-forms.txt     (then: gzip -9n)

unmunch (hunspell-tools 1.7) predates three things hr_HR.aff uses: two-letter flags (FLAG long),
flag aliases (AF, the .dic names a numbered flag set) and UTF-8 (its affix conditions are matched
byte by byte, so a class like [čćšjž] would be wrong). So this script gives unmunch the same
affix rules in a shape it reads: ISO-8859-2 (one byte per Croatian letter), aliases resolved, and
each two-letter flag renamed to one ASCII character. 144 affix classes do not fit into the ASCII
characters used here as flags (62), so it runs three times, each time with a third of the suffix
classes and the one prefix class (naj-, which combines with suffixes); the union of the runs is the
expansion (no rule of hr_HR.aff continues into another, so splitting the classes loses nothing).
Stems flagged FORBIDDENWORD are left out; the other control flags (NEEDAFFIX, KEEPCASE, compound
flags…) do not change which forms exist and are dropped. Output: UTF-8, one form a line, sorted,
without duplicates.
"""
import os
import subprocess
import sys
import tempfile

base = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/hr_HR"
aff_lines = open(base + ".aff", encoding="utf-8").read().splitlines()
dic_lines = open(base + ".dic", encoding="utf-8").read().splitlines()

aliases = []          # AF n -> flag string (two letters per flag)
classes = {}          # flag -> (kind, cross, [(strip, add, cond)])
forbidden = None
i = 0
while i < len(aff_lines):
    parts = aff_lines[i].split()
    if not parts or parts[0].startswith("#"):
        i += 1
        continue
    if parts[0] == "AF" and len(parts) >= 2 and not parts[1].isdigit():
        aliases.append(parts[1])
    elif parts[0] == "FORBIDDENWORD":
        forbidden = parts[1]
    elif parts[0] in ("SFX", "PFX") and len(parts) >= 4 and parts[2] in ("Y", "N") and parts[3].isdigit():
        flag, cross, count = parts[1], parts[2] == "Y", int(parts[3])
        rules = []
        for line in aff_lines[i + 1:i + 1 + count]:
            rule = line.split()
            strip = "" if rule[2] == "0" else rule[2]
            add = "" if rule[3] == "0" else rule[3]
            cond = rule[4] if len(rule) > 4 else "."
            rules.append((strip, add, cond))
        classes[flag] = (parts[0], cross, rules)
        i += count
    i += 1

def flags_of(field):
    if field.isdigit():
        field = aliases[int(field) - 1]
    return [field[j:j + 2] for j in range(0, len(field), 2)]

stems = []
for line in dic_lines[1:]:
    entry = line.split("\t")[0].split(" ")[0]
    if not entry:
        continue
    word, _, field = entry.partition("/")
    flags = flags_of(field) if field else []
    if forbidden in flags:
        continue
    stems.append((word, [f for f in flags if f in classes]))

prefixes = [f for f, c in classes.items() if c[0] == "PFX"]
suffixes = sorted(f for f, c in classes.items() if c[0] == "SFX")
runs = -(-len(suffixes) // 60)
groups = [suffixes[k::runs] for k in range(runs)]
pool = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
forms = set()
with tempfile.TemporaryDirectory() as tmp:
    for run, group in enumerate(groups):
        names = {flag: pool[k] for k, flag in enumerate(prefixes + group)}
        assert len(names) <= len(pool)
        aff = ["SET ISO8859-2", ""]
        for flag, name in names.items():
            kind, cross, rules = classes[flag]
            aff.append(f"{kind} {name} {'Y' if cross else 'N'} {len(rules)}")
            for strip, add, cond in rules:
                aff.append(f"{kind} {name} {strip or '0'} {add or '0'} {cond}")
            aff.append("")
        dic = [str(len(stems))]
        for word, flags in stems:
            own = "".join(names[f] for f in flags if f in names)
            dic.append(word + ("/" + own if own else ""))
        aff_path = os.path.join(tmp, f"run{run}.aff")
        dic_path = os.path.join(tmp, f"run{run}.dic")
        with open(aff_path, "w", encoding="iso8859-2") as out:
            out.write("\n".join(aff) + "\n")
        with open(dic_path, "w", encoding="iso8859-2") as out:
            out.write("\n".join(dic) + "\n")
        result = subprocess.run(["unmunch", dic_path, aff_path], capture_output=True, check=True)
        forms.update(w for w in result.stdout.decode("iso8859-2").splitlines() if w.strip())

sys.stdout.write("\n".join(sorted(forms)) + "\n")
