#!/usr/bin/env python3
"""Writes the encoding fixtures: one traditional passage in six encodings, one simplified passage in GB18030.

Big5 cannot encode simplified-only characters, so the passage shared by all encodings is traditional.
Run: python3 Tests/PlanCorpusTests/Fixtures/make-encoding-fixtures.py (writes into encodings/ beside it)
"""
TRADITIONAL = (
    "推動重點領域普惠性生活服務擴容實施方案\n"
    "一、總體要求\n"
    "到2025年，城市社區綜合服務設施實現全覆蓋，每千人口擁有3歲以下嬰幼兒托位數達到4.5個。\n"
    "二、主要任務\n"
    "（一）擴大普惠托育服務供給。支持用人單位在工作場所為職工提供托育服務，鼓勵國有企業等主體積極參與。\n"
    "（二）提升養老服務質量。發展社區嵌入式養老，推進醫養結合，健全居家社區機構相協調的服務體系。\n"
    "三、保障措施\n"
    "各地區各部門要加強組織領導，明確責任分工，確保各項任務落到實處。\n"
)
SIMPLIFIED = (
    "关于加快推进城市更新行动的实施方案\n"
    "为深入贯彻落实党中央、国务院决策部署，加快建设宜居、韧性、智慧城市，制定本方案。\n"
    "到2027年，完成城镇老旧小区改造1200个，新增公共停车泊位3万个，城市生活垃圾回收利用率达到35%以上。\n"
    "各区县人民政府是实施的责任主体，市住房城乡建设局负责统筹协调。\n"
)
files = {
    "traditional.utf8.txt": TRADITIONAL.encode("utf-8"),
    "traditional.utf8bom.txt": TRADITIONAL.encode("utf-8-sig"),
    "traditional.utf16le.txt": b"\xff\xfe" + TRADITIONAL.encode("utf-16-le"),
    "traditional.utf16be.txt": b"\xfe\xff" + TRADITIONAL.encode("utf-16-be"),
    "traditional.gb18030.txt": TRADITIONAL.encode("gb18030"),
    "traditional.big5.txt": TRADITIONAL.encode("big5"),
    "simplified.gb18030.txt": SIMPLIFIED.encode("gb18030"),
    "simplified.utf8.txt": SIMPLIFIED.encode("utf-8"),
}
import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "encodings")
for name, data in files.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    print(name, len(data))
