#!/usr/bin/env python3
"""Generate Sources/PlanCorpus/Resources/gazetteer.tsv from jionlp's china_location table.

Source: the `jionlp` package on PyPI (Apache License 2.0), pinned to one version and checked by
sha256. The wheel carries jionlp/dictionary/china_location.zip (china_location.txt, a tab-indented
tree: province / prefecture / county / town / village; the first three levels carry GB/T 2260
codes and jionlp's own short names), jionlp/dictionary/china_location_change.txt (renamings since
2002) and jionlp/gadget/china_location_alias.py (abbreviations of Inner Mongolia's banners).

Usage:  python3 scripts/gazetteer/generate.py [--wheel PATH] [--out PATH] [--check]

--check regenerates in memory and exits 1 when the committed file differs.

Without --wheel the script runs `pip download jionlp==VERSION --no-deps` into a cache folder
(scripts/gazetteer/.cache, git-ignored). The output is deterministic: rows sorted by code, no
timestamps, so a re-run regenerates the file byte for byte.

What is kept:
- province level: the 34 top-level units (including Hong Kong, Macau, Taiwan);
- prefecture level: cities, 地区, 盟, 自治州 (a municipality's duplicate row and the
  "省直辖行政区划" pseudo-units are skipped; counties under the latter hang off the province);
- county level: districts, counties, county-level cities, banners, 林区, 特区, with a code of their own.
What is left out, and why:
- statistical-only units with county codes 71-80 (开发区, 高新区, 管委会 ...): they are NBS
  statistical division codes, not GB/T 2260 administrative divisions;
- "市直辖行政区划" rows, whose code repeats their prefecture's;
- Hong Kong and Macau districts (all share their SAR's code) and Taiwan's sub-units
  (GB/T 2260 lists Taiwan as a single code, 710000).
"""

import argparse
import ast
import hashlib
import io
import os
import re
import subprocess
import sys
import zipfile

VERSION = "1.5.31"
WHEEL = f"jionlp-{VERSION}-py2.py3-none-any.whl"
SHA256 = "688ba3793c5c0888b166ae1b11aaf6161db661a162019e77ffcf5951427e528f"

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(REPO, "Sources", "PlanCorpus", "Resources", "gazetteer.tsv")

# The 55 recognised minority nationalities, without 族, longest first so that 蒙古 wins over 蒙.
ETHNIC = sorted("""蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山
拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克
俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split(), key=lambda s: (-len(s), s))
ETHNIC_RUN = "(?:(?:" + "|".join(ETHNIC) + ")族?)+"
AUTONOMOUS_TAIL = re.compile(ETHNIC_RUN + "自治(州|县|旗)")  # 苗族侗族自治州, 蒙古自治州
ETHNIC_DISTRICT_TAIL = re.compile("(?:(?:" + "|".join(ETHNIC) + ")族)+区")  # 管城回族区
AUTONOMOUS_BARE = re.compile("^(.+?)族?自治(州|县|旗)$")  # 鄂温克族自治旗, 东乡族自治县

PROVINCE_SUFFIXES = ["维吾尔自治区", "回族自治区", "壮族自治区", "特别行政区", "自治区", "省", "市"]
PREFECTURE_SUFFIXES = ["地区", "盟", "市"]
# Tried in order; a suffix applies only when at least 2 characters remain (清新区 is 清新, not 清).
COUNTY_SUFFIXES = ["特区", "新区", "县", "区", "市", "旗"]
SPECIAL_SHORT = {"神农架林区": "神农架"}  # the one 林区; 万柏林区/碑林区 merely end in 林区

# Aliases added by this project (not in jionlp): well-known informal forms of a full name.
EXTRA_ALIASES = {
    "150000": ["内蒙"],
}


def autonomous_split(name):
    """(stem, kind) for an autonomous unit or ethnic district, e.g. 长白朝鲜族自治县 → (长白, 县)."""
    for i in range(2, len(name)):
        tail = name[i:]
        m = AUTONOMOUS_TAIL.fullmatch(tail)
        if m:
            return name[:i], m.group(1)
        if ETHNIC_DISTRICT_TAIL.fullmatch(tail):
            return name[:i], "区"
    m = AUTONOMOUS_BARE.match(name)
    if m:
        return m.group(1), m.group(2)
    return None


def short_name(name, level):
    """Strip the administrative suffix; return "" when fewer than 2 characters would remain."""
    if name in SPECIAL_SHORT:
        return SPECIAL_SHORT[name]
    if level == "province":
        suffixes = PROVINCE_SUFFIXES
    else:
        split = autonomous_split(name)
        if split:
            return split[0] if len(split[0]) >= 2 else ""
        if name.endswith("矿区"):
            return ""  # 井陉矿区: stripping 区 leaves 井陉矿, stripping 矿区 collides with 井陉县
        suffixes = PREFECTURE_SUFFIXES if level == "prefecture" else COUNTY_SUFFIXES
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


def fetch_wheel(cache):
    path = os.path.join(cache, WHEEL)
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", f"jionlp=={VERSION}", "--no-deps",
                        "--only-binary", ":all:", "-d", cache], check=True)
    return path


def read_sources(wheel_path):
    with open(wheel_path, "rb") as f:
        data = f.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"unexpected sha256 {digest} for {wheel_path}")
    wheel = zipfile.ZipFile(io.BytesIO(data))
    inner = zipfile.ZipFile(io.BytesIO(wheel.read("jionlp/dictionary/china_location.zip")))
    # The tables use CRLF line ends; drop the CR so that the last column is clean.
    table = inner.read("china_location.txt").decode("utf-8").replace("\r", "")
    changes = wheel.read("jionlp/dictionary/china_location_change.txt").decode("utf-8").replace("\r", "")
    alias_py = wheel.read("jionlp/gadget/china_location_alias.py").decode("utf-8")
    return table, changes, alias_py


def parse_tree(table):
    """Rows (code, name, jionlp_short, level, parent, province) from the indented tree."""
    rows = {}
    province = prefecture = None  # (code, name)
    for line in table.split("\n"):
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip("\t").split("\t")
        if depth > 2 or len(parts) < 3:
            continue  # towns, villages, and units without a code
        name, code, jshort = parts[0], parts[1], parts[2]
        if depth == 0:
            province = (code, name)
            prefecture = None
            rows[code] = (code, name, jshort, "province", "", name)
        elif depth == 1:
            if code == province[0] or name == "省直辖行政区划" or province[0] == "710000":
                prefecture = None  # municipality / SAR duplicate, province-administered pseudo-unit, Taiwan
                continue
            prefecture = (code, name)
            rows[code] = (code, name, jshort, "prefecture", province[0], province[1])
        else:
            if province[0] in ("810000", "820000", "710000"):
                continue
            parent = prefecture[0] if prefecture else province[0]
            if code == parent or code[4:6] == "00" or 71 <= int(code[4:6]) <= 80 or "开发区" in name:
                continue
            if code in rows:
                sys.exit(f"duplicate code {code} ({name} / {rows[code][1]})")
            rows[code] = (code, name, jshort, "county", parent, province[1])
    return rows


def banner_aliases(alias_py):
    """The {full name: abbreviation} dict of Inner Mongolia's banners in china_location_alias.py."""
    m = re.search(r"self\.china_county_qi = (\{.*?\})", alias_py, re.S)
    return ast.literal_eval(m.group(1)) if m else {}


def former_names(changes, rows):
    """{code: [old full names]} from renamings: only old names that no current unit carries."""
    by_path = {}
    for code, name, _, level, parent, province in rows.values():
        if level == "county":
            by_path[(province, rows[parent][1] if parent in rows and rows[parent][3] == "prefecture" else "", name)] = code
        elif level == "prefecture":
            by_path[(province, name, "")] = code
    current = {r[1] for r in rows.values()}
    out = {}
    for line in changes.split("\n"):
        if "=>" not in line:
            continue
        old, new = line.split("=>")
        old, new = old.split("\t")[2:], new.split("\t")
        if len(new) == 3 and len(old) == 6:
            old_name, key = old[4], (new[0], new[1], new[2])
        elif len(new) == 2 and len(old) == 4:
            old_name, key = old[2], (new[0], new[1], "")
        else:
            continue
        code = by_path.get(key)
        if code is None or old_name in current or len(old_name) < 3 or old_name == rows[code][1]:
            continue
        out.setdefault(code, set()).add(old_name)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wheel", help="path to an already downloaded " + WHEEL)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = ap.parse_args()
    wheel = args.wheel or fetch_wheel(os.path.join(HERE, ".cache"))
    table, changes, alias_py = read_sources(wheel)
    rows = parse_tree(table)

    aliases = {code: set() for code in rows}
    by_name = {}
    for code, name, *_ in rows.values():
        by_name.setdefault(name, []).append(code)
    for full, abbr in banner_aliases(alias_py).items():
        codes = by_name.get(full, [])
        if len(codes) == 1 and len(abbr) >= 3 and abbr != full:
            aliases[codes[0]].add(abbr)
    for code, olds in former_names(changes, rows).items():
        aliases[code] |= olds
    for code, extra in EXTRA_ALIASES.items():
        aliases[code] |= set(extra)
    # jionlp's own short name (sometimes a former name, or "巴州/巴音郭楞"), when it differs from ours
    # and reads as a name (not 经开区 / 市直辖 / a stem cut at 矿 or 特).
    for code, name, jshort, level, *_ in rows.values():
        mine = short_name(name, level)
        for form in jshort.split("/"):
            if len(form) >= 2 and form not in (mine, name) and not form.endswith(("开发区", "经开区", "直辖", "矿", "特")):
                aliases[code].add(form)
    # The everyday form of an autonomous unit: 凉山州, 长白县, 鄂伦春旗 (when no unit has that name).
    current = set(by_name)
    for code, name, _, level, *_ in rows.values():
        split = autonomous_split(name) if level != "province" else None
        if split and len(split[0]) >= 2 and split[1] != "区" and split[0] + split[1] not in current:
            aliases[code].add(split[0] + split[1])

    lines = [
        f"# source: jionlp {VERSION} (PyPI, Apache-2.0) jionlp/dictionary/china_location.zip; "
        f"generated by scripts/gazetteer/generate.py",
        "code\tname\tshort\tlevel\tparent\tprovince\taliases",
    ]
    for code in sorted(rows):
        _, name, _, level, parent, province = rows[code]
        alias = "|".join(sorted(a for a in aliases[code] if a != name))
        lines.append("\t".join([code, name, short_name(name, level), level, parent, province, alias]))
    content = "\n".join(lines) + "\n"
    if args.check:
        with open(args.out, encoding="utf-8", newline="") as f:
            same = f.read() == content
        print(f"{os.path.relpath(args.out, REPO)} is {'up to date' if same else 'STALE'}", file=sys.stderr)
        sys.exit(0 if same else 1)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)
    counts = {}
    for r in rows.values():
        counts[r[3]] = counts.get(r[3], 0) + 1
    print(f"wrote {len(rows)} entries to {os.path.relpath(args.out, REPO)}: {counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
