"""Senses of frequent official-document words that CC-CEDICT does not list.

CC-CEDICT is a general dictionary: 临时 has "temporary" and "interim" but not "provisional" (临时议程,
"provisional agenda"), 谨 only "cautious" and "solemnly" (秘书长谨报告, "the Secretary-General wishes to
report"), and some words of UN and government text are not in it at all (特派团 "mission", 届会
"session"). This small hand-made table adds real senses of such words, as official English translations
write them. For a word CC-CEDICT lists, the added senses join its own and the sense choice weighs them
all against the English document (a news text keeps "temporary" where it writes it); a word CC-CEDICT
does not list takes the first sense given here. Display only: the linking keys are not changed.
"""
from __future__ import annotations

# word -> senses to add, the usual one first (each a sense the word has in official texts; a verb's
# with "to", as CC-CEDICT writes them)
OFFICIAL_SENSES: dict[str, tuple[str, ...]] = {
    "临时": ("provisional",),
    "谨": ("wishes to",),
    "编写": ("to prepare",),
    "编制": ("to prepare",),
    "缔约国": ("States parties", "State party"),
    "土著": ("indigenous",),
    "财政": ("financial",),
    "进展": ("progress",),
    "平民": ("civilians",),
    "特派团": ("mission",),
    "届会": ("session",),
    "载列": ("to set out",),
    "支助": ("to support",),
    "执行情况": ("implementation",),
    "议事规则": ("rules of procedure",),
    "维持和平": ("peacekeeping",),
    "回顾": ("to recall",),
    "铭记": ("to bear in mind",),
    "认识到": ("to recognize",),
    "吁请": ("to call upon",),
    "关切": ("concern",),
    "又": ("also",),
    "特别是": ("in particular",),
    "定期": ("regular",),
    "缔约方": ("Parties", "party"),
    "次级方案": ("subprogramme",),
    "职权范围": ("terms of reference",),
    "国家工作队": ("country team",),
    "附属机构": ("subsidiary bodies",),
    "常驻代表": ("Permanent Representative",),
    "常驻代表团": ("Permanent Mission",),
    "所列": ("listed",),
    "上文": ("above",),
    "下文": ("below",),
    "成果文件": ("outcome document",),
    "决议草案": ("draft resolution",),
    "特别报告员": ("Special Rapporteur",),
    "报告员": ("Rapporteur",),
    "议程项目": ("agenda item",),
    "维持和平行动": ("peacekeeping operations",),
    "文职人员": ("civilian staff",),
    "方案": ("programme",),
    "表": ("table",),
    "机构": ("institution",),
    "部队": ("forces",),
    "情况": ("situation",),
    "领域": ("area",),
    "审议": ("to consider",),
    "执行局": ("Executive Board",),
    "执行主任": ("Executive Director",),
    "致意": ("to present its compliments",),
    "附件": ("annex",),
    "本函": ("the present letter",),
    "分发": ("to circulate",),
    "结论性意见": ("concluding observations",),
    "能力建设": ("capacity-building",),
    "利益攸关方": ("stakeholders",),
    "与会者": ("participants",),
    "主席团": ("Bureau",),
    "报告所述期间": ("reporting period",),
    "全体会议": ("plenary meeting",),
    "工作组": ("working group",),
    "专家组": ("group of experts",),
    "常设论坛": ("Permanent Forum",),
    "次区域": ("subregion",),
    "区域": ("region",),
    "伙伴关系": ("partnership",),
    "任务授权": ("mandate",),
    "预算外": ("extrabudgetary",),
    "摊款": ("assessed contributions",),
    "特别代表": ("Special Representative",),
    "两年期": ("biennium",),
    "经常预算": ("regular budget",),
    "增至": ("to increase to",),
    "降至": ("to fall to",),
    "减至": ("to reduce to",),
}


def with_official_senses(word: str, senses: list[str], groups):
    """(senses, groups): the dictionary's senses of ``word`` with the official ones first in its first
    reading (moved there where the dictionary lists them later: 又 "also" before "again"; the reading
    bounds moved to match); the dictionary's own as they are for most words."""
    official = OFFICIAL_SENSES.get(word, ())
    if not official:
        return senses, groups
    bounds = [end for _, end in groups] if groups else [len(senses)]
    kept: list[str] = []
    for k, sense in enumerate(senses):
        if sense in official:
            # one sense fewer in its reading and every one after it
            reading = next(r for r, end in enumerate(bounds) if k < end)
            bounds = bounds[:reading] + [end - 1 for end in bounds[reading:]]
        else:
            kept.append(sense)
    bounds = [end + len(official) for end in bounds]
    if groups:
        groups = [(pinyin, end) for (pinyin, _), end in zip(groups, bounds)]
    return list(official) + kept, groups
