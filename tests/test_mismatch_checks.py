"""The numbers, dates and names checks (checks/numbers.py, checks/names.py) on real sentences of the UN
Parallel Corpus (2015 documents) and the WMT20 news test set: the faithful pair gives no finding, the
same pair with one number, date or name changed gives one, with Chinese as the source and with English
as the source."""
from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from transdiff.api import representer_for
from transdiff.bilingual import read_bilingual
from transdiff.bilingual.check import check_bilingual
from transdiff.checks.mismatch import AlignedPair, Mismatch, pair_mismatches
from transdiff.load import from_text
from transdiff.represent.glossary import load_glossary
from transdiff.segment import segment


def mismatches(zh: str, en: str, *, zh_is_source: bool = True) -> list[Mismatch]:
    representer = representer_for(load_glossary())
    zh_doc, en_doc = from_text(zh, lang="zh"), from_text(en, lang="en")
    zh_f = representer.features(zh_doc, segment(zh_doc, "sentence"))
    en_f = representer.features(en_doc, segment(en_doc, "sentence"))
    zh_text, en_text = zh_doc.lookup or zh_doc.norm, en_doc.norm
    pair = (AlignedPair(zh_f, en_f, zh_text, en_text, True) if zh_is_source
            else AlignedPair(en_f, zh_f, en_text, zh_text, False))
    return pair_mismatches(pair)


def assert_faithful_and_changed(zh: str, en: str, changed_zh: str | None, changed_en: str | None,
                                kind: str) -> None:
    """No finding on the pair as published; a finding of ``kind`` once one side is changed; both directions."""
    for zh_is_source in (True, False):
        assert mismatches(zh, en, zh_is_source=zh_is_source) == [], (zh, en)
        for new_zh, new_en in ((changed_zh, en), (zh, changed_en)):
            if new_zh is None or new_en is None:
                continue
            found = mismatches(new_zh, new_en, zh_is_source=zh_is_source)
            assert [m.kind for m in found] == [kind], (new_zh, new_en, found)
            source_only, target_only = found[0].source_only, found[0].target_only
            assert source_only or target_only


# (Chinese, English, Chinese changed, English changed, kind of finding)
CASES = {
    "footnote mark before a name whose first character is a counter (克 of 克罗地亚)": (
        "6克罗地亚在《京都议定书》第二承诺期的量化限减承诺基于以下谅解，即该国将按照《京都议定书》第四条，与欧洲联盟及其成员国联合实现这一量化限减承诺。",
        "Croatia's QELRC for a second commitment period under the Kyoto Protocol is based on the understanding that it will fulfil this QELRC jointly with the European Union and its member States, in accordance with Article 4 of the Kyoto Protocol.",
        "6克罗地亚在《京都议定书》第二承诺期的量化限减承诺基于以下谅解，即该国将按照《京都议定书》第五条，与欧洲联盟及其成员国联合实现这一量化限减承诺。",
        "Croatia's QELRC for a second commitment period under the Kyoto Protocol is based on the understanding that it will fulfil this QELRC jointly with the European Union and its member States, in accordance with Article 6 of the Kyoto Protocol.", "number"),
    "ordinal: resolution number": (
        "回顾安理会第1970(2011)号决议。", "Recalling its resolution 1970 (2011).",
        "回顾安理会第1973(2011)号决议。", "Recalling its resolution 1972 (2011).", "number"),
    "digits grouped by spaces": (
        "在危地马拉，玛雅妇女的产妇死亡率为每100   000活产儿死亡211人。",
        "In Guatemala, maternal mortality among Mayan women is 211 per 100,000 live births.",
        "在危地马拉，玛雅妇女的产妇死亡率为每100   000活产儿死亡217人。",
        "In Guatemala, maternal mortality among Mayan women is 211 per 10,000 live births.", "number"),
    "digits grouped by a space and a comma": (
        "澳大利亚准备向太平洋地区的原子能机构成员国捐款45 , 000澳元。",
        "Australia is contributing $A45,000 towards training for Pacific IAEA member States.",
        "澳大利亚准备向太平洋地区的原子能机构成员国捐款48 , 000澳元。",
        "Australia is contributing $A46,000 towards training for Pacific IAEA member States.", "number"),
    "day of the month alone": (
        "以新中国70周年为主题的“我心中的中国”中文征文大赛26日在柬埔寨皇家科学院孔子学院揭晓。",
        "On the 26th, the Confucius Institute at Royal Academy of Cambodia announced the results of the essay "
        "contest \"China in My Heart\", whose theme was the 70th anniversary of the People's Republic of China.",
        None,
        "On the 25th, the Confucius Institute at Royal Academy of Cambodia announced the results of the essay "
        "contest \"China in My Heart\", whose theme was the 70th anniversary of the People's Republic of China.",
        "number"),
    "time of day": (
        "定于2015年3月6日星期五下午12时40分举行", "To be held on Friday, 6 March 2015, at 12.40 p.m.",
        "定于2015年3月6日星期五下午12时45分举行", "To be held on Friday, 6 March 2015, at 10.40 a.m.", "date"),
    "number in words, Chinese digits": (
        "他举证说，据报发生了2起具体事件，其中有人挪用了委员会先前予以豁免的军用物资。",
        "He cited evidence in the report of two specific incidents where military materiel previously "
        "exempted by the Committee had been diverted.",
        "他举证说，据报发生了3起具体事件，其中有人挪用了委员会先前予以豁免的军用物资。", None, "number"),
    "两 and a Chinese numeral against English digits": (
        "比赛至今，11轮的对抗目前只剩下了两轮。", "To date, only 2 rounds in 11 of match play remain.",
        "比赛至今，11轮的对抗目前只剩下了三轮。", "To date, only 4 rounds in 11 of match play remain.", "number"),
    "Chinese numeral against an English word": (
        "委员会商定将在第五十八届会议上组织五场关于下列议题的互动讨论：",
        "The Commission agreed that it would organize five interactive discussions at its fifty-eighth "
        "session, on the following topics:",
        "委员会商定将在第五十八届会议上组织三场关于下列议题的互动讨论：", None, "number"),
    "decade of a century": (
        "上世纪90年代，中国科技界还在艰苦爬坡。", "In the 1990s, China's scientists were still struggling.",
        None, "In the 1980s, China's scientists were still struggling.", "date"),
    "century and decade": (
        "20世纪90年代，中国科技界还在艰苦爬坡。", "In the 1990s, China's scientists were still struggling.",
        "20世纪80年代，中国科技界还在艰苦爬坡。", None, "date"),
    "ranges of days": (
        "第一次工作会议将于2015年2月3日至5日举行，第二次会议将于2015年4月28日至30日举行。",
        "The first working session will be held from 3 to 5 February and the second from 28 to 30 April 2015.",
        "第一次工作会议将于2015年2月3日至6日举行，第二次会议将于2015年4月28日至30日举行。",
        "The first working session will be held from 3 to 5 February and the second from 27 to 30 April 2015.",
        "date"),
    "range of days, month first": (
        "9月26日至27日，调研组一行赴江西于都调研。", "From September 26 to 27, the survey group visited Yudu.",
        "9月26日至28日，调研组一行赴江西于都调研。", None, "date"),
    "range of months": (
        "达尔富尔混合行动支持两社区在2014年7月和8月举行会谈。",
        "UNAMID supported the talks between the two communities in July and August 2014.",
        "达尔富尔混合行动支持两社区在2014年6月和8月举行会谈。", None, "date"),
    "English date inside the Chinese text": (
        "6   February   2015", "6 February 2015", "7   February   2015", None, "date"),
    "military time": (
        "13时10分，在边界线上Choporlu村附近的战斗阵地，士兵因来自阿方的袭击而受伤。",
        "At 1310, near the village Choporlu at the borderline in the combat position, a soldier was wounded.",
        "13时40分，在边界线上Choporlu村附近的战斗阵地，士兵因来自阿方的袭击而受伤。", None, "date"),
    "this year": (
        "2015年是联合国成立暨世界反法西斯战争胜利70周年。",
        "This year marks the seventieth anniversary of the founding of the United Nations and the victory "
        "won in the world war against fascism.",
        "2015年是联合国成立暨世界反法西斯战争胜利60周年。", None, "number"),
    "number that is part of a name": (
        "会谈还确认了拉夫罗夫11月将配合在名古屋市召开的二十国集团(G20)外长会议访日。",
        "The talks also confirmed that Lavrov will visit Japan during the G20 Foreign Ministers' Meeting in "
        "Nagoya in November.",
        None, None, "number"),
    "percentages in words": (
        "百分之三十的受访者表示支持。", "30 per cent of respondents expressed support.",
        "百分之四十的受访者表示支持。", "35 per cent of respondents expressed support.", "number"),
    "tenths": (
        "三成受访者表示支持。", "30% of respondents expressed support.",
        None, "40% of respondents expressed support.", "number"),
    "plan number": (
        "“十四五”规划开局之年。", "The first year of the 14th Five-Year Plan.",
        "“十三五”规划开局之年。", "The first year of the 15th Five-Year Plan.", "number"),
    # UN-dev and WMT20 lines that cried wolf before, each with a real change on one side
    'comma between numbers of a list': (
        '在此之前，中国高中毕业生想要申请德国大学，需要在国内本科学习一学期（211，985大学）或三学期（普通本科'
        ' ） ， 且通过APS审核或TestAS考试。',
        'Previously, Chinese high school graduates who want to apply to a German university had to study for '
        'one semester (university under 211 and 985 projects) or three semesters (ordinary undergraduate univ'
        'ersity) in China and pass the APS or TestAS exams.',
        '在此之前，中国高中毕业生想要申请德国大学，需要在国内本科学习一学期（211，986大学）或三学期（普通本科'
        ' ） ， 且通过APS审核或TestAS考试。',
        'Previously, Chinese high school graduates who want to apply to a German university had to study for '
        'one semester (university under 211 and 986 projects) or three semesters (ordinary undergraduate univ'
        'ersity) in China and pass the APS or TestAS exams.',
        'number'),

    'count of the items listed before it': (
        '白皮书以中、英、法、俄、德、西、阿、日等8个语种发布，由人民出版社、外文出版社分别出版，在全国新华书店'
        '发行。',
        'The white paper is published by People’s Publishing House and Foreign Language Publishing House in C'
        'hinese, English, French, Russian, German, Spanish, Arabic, and Japanese. It is distributed by the Xi'
        'nhua Bookstore across China.',
        '白皮书以中、英、法、俄、德、西、阿、日等9个语种发布，由人民出版社、外文出版社分别出版，在全国新华书店'
        '发行。',
        None,
        'number'),
    'count of the items listed after it': (
        '主竞赛单元的国际评委阵容由5人组成，评审团主席为中国的章子怡，其他4人分别是美国制片人比尔·格伯、法国演'
        '员兼制片人朱莉·加耶、丹麦导演迈克尔·诺尔、日本导演广木隆一。',
        'The international jury for the major competition unit consists of five people, including Zhang Ziyi '
        'as the chairman of the jury, as well as American film producer Bill Gerber, French actress and film '
        'producer Julie Gayer, director Michael Nore from Denmark, and Japanese director Guangmu Longyi.',
        '主竞赛单元的国际评委阵容由6人组成，评审团主席为中国的章子怡，其他4人分别是美国制片人比尔·格伯、法国演'
        '员兼制片人朱莉·加耶、丹麦导演迈克尔·诺尔、日本导演广木隆一。',
        'The international jury for the major competition unit consists of six people, including Zhang Ziyi a'
        's the chairman of the jury, as well as American film producer Bill Gerber, French actress and film p'
        'roducer Julie Gayer, director Michael Nore from Denmark, and Japanese director Guangmu Longyi.',
        'number'),
    # WMT20-B 1127, its first clause
    'clock times in the Chinese': (
        '地铁7号线北京西站(开往焦化厂站方向)末班车发车时间由23:15延长至次日00:15。',
        'The last train at the Beijing West Railway Station of Line 7 (to the Jiaohuachang Station) will exte'
        'nd its departure from 23:15 to 00:15.',
        '地铁7号线北京西站(开往焦化厂站方向)末班车发车时间由23:45延长至次日00:15。',
        'The last train at the Beijing West Railway Station of Line 7 (to the Jiaohuachang Station) will exte'
        'nd its departure from 23:15 to 00:45.',
        'date'),
    'days as weeks': (
        '27日发布的上海银行间同业拆放利率（Shibor）显示，隔夜利率为1.313 % ， 较上一个交易日下行32.4个基点；7'
        '天利率为2.59 % ， 较上一个交易日上行1.3个基点；14天利率为2.95 % ， 较上一个交易日下行1.7个基点；一年'
        '期利率为3.048 % ， 与上一个交易日持平。',
        'Shanghai Interbank Offered Rate(Shibor) released on September 27th showed that the overnight rate de'
        'clined 32.4 basis points to 1.313 percent compared with the previous trading day. The seven-day Shib'
        'or was up 1.3 basis points to 2.59 percent, while the two-week rate decreased 1.7 basis points to 2.'
        '95 percent from the previous trading day. The one-year rate was 3.048 percent, remaining the same wi'
        'th the previous trading day.',
        '27日发布的上海银行间同业拆放利率（Shibor）显示，隔夜利率为1.313 % ， 较上一个交易日下行32.4个基点；7'
        '天利率为2.59 % ， 较上一个交易日上行1.3个基点；21天利率为2.95 % ， 较上一个交易日下行1.7个基点；一年'
        '期利率为3.048 % ， 与上一个交易日持平。',
        'Shanghai Interbank Offered Rate(Shibor) released on September 27th showed that the overnight rate de'
        'clined 32.4 basis points to 1.313 percent compared with the previous trading day. The seven-day Shib'
        'or was up 1.3 basis points to 2.59 percent, while the three-week rate decreased 1.8 basis points to '
        '2.95 percent from the previous trading day. The one-year rate was 3.048 percent, remaining the same '
        'with the previous trading day.',
        'number'),
    'jin in Chinese numerals': (
        '记者27日从内蒙古自治区兴安盟行政公署获悉，盟里日前举行的“兴安盟袁隆平院士工作站耐盐碱水稻现场测产验收'
        '评议会”上传来好消息，耐盐碱水稻平均亩产稻谷突破一千斤。',
        'This reporter learned from the Administrative Office of Xing’an Prefecture, Inner Mongolia Autonomou'
        's Region, that there was good news from the Saline-Alkali Tolerant Rice Harvest Evaluation Meeting o'
        'f the Xing’an Yuan Longping Workstation, which was that the yield per mu broke through five hundred '
        'kilograms.',
        '记者27日从内蒙古自治区兴安盟行政公署获悉，盟里日前举行的“兴安盟袁隆平院士工作站耐盐碱水稻现场测产验收'
        '评议会”上传来好消息，耐盐碱水稻平均亩产稻谷突破一千二百斤。',
        'This reporter learned from the Administrative Office of Xing’an Prefecture, Inner Mongolia Autonomou'
        's Region, that there was good news from the Saline-Alkali Tolerant Rice Harvest Evaluation Meeting o'
        'f the Xing’an Yuan Longping Workstation, which was that the yield per mu broke through six hundred k'
        'ilograms.',
        'number'),
    'Baidu is no hundred': (
        '自26日起，百度利用45辆自动驾驶出租车进行试运营，长沙市的乘客可通过专用网站申请乘坐。',
        'From 26 September, 45 self-driving taxies from Baidu have officially started trial operations in Cha'
        "ngsha. Passengers can hail one of the 45 via Baidu's app.",
        '自26日起，百度利用40辆自动驾驶出租车进行试运营，长沙市的乘客可通过专用网站申请乘坐。',
        None,
        'number'),

    'numeral after a noun: annex': (
        '设立这一任务及随后修改其范围的各项决议见附件一。',
        'The resolutions establishing this mandate and subsequently modifying its scope can be found in annex'
        ' 1.',
        '设立这一任务及随后修改其范围的各项决议见附件二。',
        'The resolutions establishing this mandate and subsequently modifying its scope can be found in annex'
        ' 2.',
        'number'),
    'numeral after a noun: alternative': (
        '2.又决定，作为过渡安排，核准秘书长报告中的备选办法一，根据该办法,只有南非审计长的任命将延至2006年6月'
        '30日，并且按目前程序选出的其他成员可以连选连任。',
        '2. Decides also, for the transitional arrangements, to approve alternative 1 in the report of the Se'
        'cretary-General, whereby only the appointment of the Auditor-General of South Africa will be extende'
        'd until 30 June 2006 and the other members elected under the current procedure shall be eligible for'
        ' re-election.',
        '2.又决定，作为过渡安排，核准秘书长报告中的备选办法三，根据该办法,只有南非审计长的任命将延至2006年6月'
        '30日，并且按目前程序选出的其他成员可以连选连任。',
        '2. Decides also, for the transitional arrangements, to approve alternative 3 in the report of the Se'
        'cretary-General, whereby only the appointment of the Auditor-General of South Africa will be extende'
        'd until 30 June 2006 and the other members elected under the current procedure shall be eligible for'
        ' re-election.',
        'number'),
    'range of Roman numerals': (
        '(第一项至第三项)共计',
        'Total (I-III)',
        '(第一项至第四项)共计',
        'Total (I-IV)',
        'number'),
    'rule number as a digit string': (
        '第一五六条',
        'Rule 156',
        '第一五七条',
        'Rule 165',
        'number'),
    'chemical name': (
        '纳入限制三氟甲烷副产品排放量的规定。',
        'Includes provisions to limit HFC-23 byproduct emissions.',
        None,
        None,
        'number'),
    'range of times of day': (
        '3月16日星期一，上午10时至下午1时和下午3时至6时',
        'Monday, 16 March: from 10 a.m. to 1 p.m. and from 3 p.m. to 6 p.m.',
        '3月16日星期一，上午10时至下午1时和下午3时至5时',
        'Monday, 16 March: from 10 a.m. to 1 p.m. and from 3 p.m. to 7 p.m.',
        'date'),

    'footnote mark after a word': (
        '继实行矩阵管理方法和组织结构后，由粮农组织主持的《鹿特丹公约》秘书处部分和由环境署主持的巴塞尔、鹿特'
        '丹和斯德哥尔摩三项公约秘书处的各分支部门继续合作开展了多项活动，特别是与技术支助、科学支持以及会议组'
        '织有关的活动和管理活动1。',
        'Following the implementation of the matrix-based management approach and organization, the FAO-hoste'
        'd part of the Rotterdam Convention Secretariat and the branches of the Secretariat of the Basel, Rot'
        'terdam and Stockholm conventions hosted by UNEP have continued to cooperate in carrying out various '
        'activities, in particular those related to technical assistance, scientific support, meeting organiz'
        'ation and managerial activities.',
        None,
        'Following the implementation of the matrix-based management approach and organization, the FAO-hoste'
        'd part of the Rotterdam Convention Secretariat and the branches of the Secretariat of the Basel, Rot'
        'terdam and Stockholm conventions hosted by UNEP have continued to cooperate in carrying out various '
        'activities, in particular those related to technical assistance, scientific support, meeting organiz'
        'ation and 2 managerial activities.',
        'number'),
    'footnote mark before a word': (
        '该报告除其他外涵盖了在安圭拉、百慕大、英属维尔京群岛、开曼群岛、福克兰群岛(马尔维纳斯群岛)、1直布罗陀'
        '、蒙特塞拉特、皮特凯恩、圣赫勒拿以及特克斯和凯科斯群岛的活动。',
        'The report covered, inter alia, activities in Anguilla, Bermuda, British Virgin Islands, Cayman Isla'
        'nds, Falkland Islands (Malvinas), Gibraltar, Montserrat, Pitcairn, Saint Helena and Turks and Caicos'
        ' Islands.',
        '该报告除其他外涵盖了在12个领土：安圭拉、百慕大、英属维尔京群岛、开曼群岛、福克兰群岛(马尔维纳斯群岛)'
        '、1直布罗陀、蒙特塞拉特、皮特凯恩、圣赫勒拿以及特克斯和凯科斯群岛的活动。',
        None,
        'number'),
    'one in three': (
        '三分之一的美洲印第安人和阿拉斯加土著妇女在一生中会遭受强奸，而且五分之三的人会遭到人身攻击。',
        'One in three American Indian and Alaska Native women will be raped in her lifetime, and three in fiv'
        'e will be physically assaulted.',
        '四分之一的美洲印第安人和阿拉斯加土著妇女在一生中会遭受强奸，而且五分之三的人会遭到人身攻击。',
        'One in three American Indian and Alaska Native women will be raped in her lifetime, and two in five '
        'will be physically assaulted.',
        'number'),
    'jin against kilograms': (
        '展出的商代正簋距今3000多年，为此次展出“最古老”的一件青铜文物；青玉卧牛体量巨大、重量近80斤，是由一整'
        '块青玉雕刻而成，保存品相完好，非常罕见；山石人物楼阁木座钟 、 《 南斋集锦绘画册 》 《 南斋集锦书法》'
        '等也是首次面向公众展出的精品文物。',
        'The gui-vessel from the Shang Dynasty is the oldest bronze vessel at this exhibition, dating to 3000'
        ' years ago. The gigantic jade water buffalo, weighing nearly 40 kilograms, is carved out from one pi'
        'ece of jade, which is rare and well-preserved. Other exquisite artefacts that are exhibited to the p'
        'ublic for the first time include a clock with mountains, people and towers, the Album of Paintings o'
        'f the Southern Studio, and Calligraphy of the Southern Studio, etc.',
        '展出的商代正簋距今3000多年，为此次展出“最古老”的一件青铜文物；青玉卧牛体量巨大、重量近90斤，是由一整'
        '块青玉雕刻而成，保存品相完好，非常罕见；山石人物楼阁木座钟 、 《 南斋集锦绘画册 》 《 南斋集锦书法》'
        '等也是首次面向公众展出的精品文物。',
        'The gui-vessel from the Shang Dynasty is the oldest bronze vessel at this exhibition, dating to 3000'
        ' years ago. The gigantic jade water buffalo, weighing nearly 45 kilograms, is carved out from one pi'
        'ece of jade, which is rare and well-preserved. Other exquisite artefacts that are exhibited to the p'
        'ublic for the first time include a clock with mountains, people and towers, the Album of Paintings o'
        'f the Southern Studio, and Calligraphy of the Southern Studio, etc.',
        'number'),
    'X and N-1 others': (
        '医院保安看到慌乱的夫妻俩和小宝宝，立刻通知了产科产房，副主任医师张欢等4位医生和助产士刘艳艳拿着产包和'
        '脐带盘就往楼下冲。',
        'The security notified the obstetrics department immediately after seeing the flustered couple and th'
        'eir little baby. Associate Senior Doctor Zhang Huan and other three doctors as well as a midwife Liu'
        ' Yanyan took bags just yet and rushed downstairs.',
        '医院保安看到慌乱的夫妻俩和小宝宝，立刻通知了产科产房，副主任医师张欢等5位医生和助产士刘艳艳拿着产包和'
        '脐带盘就往楼下冲。',
        'The security notified the obstetrics department immediately after seeing the flustered couple and th'
        'eir little baby. Associate Senior Doctor Zhang Huan and other two doctors as well as a midwife Liu Y'
        'anyan took bags just yet and rushed downstairs.',
        'number'),
    'year glossing next year': (
        '比阿特丽斯明年(2020年)将和这位房地产大亨结婚。',
        'Beatrice will marry this property tycoon next year.',
        None,
        'Beatrice will marry this property tycoon in 2021.',
        'date'),
    'year-on-year': (
        '中国信息通信研究院今年7月发布的《云计算发展白皮书（2019 ） 》 显示，2018年中国云计算整体市场规模达96'
        '2.8亿元，较2017年增长39.2 % 。',
        'According to the White Paper on Cloud Computing Development (2019) released by the China Academy of '
        "Information and Communications Technology (CAICT) in July this year, China's overall cloud computing"
        ' market size reached 96.28 billion Chinese yuan in 2018, an increase of 39.2 percent year-on-year.',
        None,
        'According to the White Paper on Cloud Computing Development (2019) released by the China Academy of '
        "Information and Communications Technology (CAICT) in July this year, China's overall cloud computing"
        ' market size reached 96.28 billion Chinese yuan in 2018, an increase of 39.2 percent over 2016.',
        'date'),
    'service number in a name': (
        '巧的是，在19日、20日、21日，湖北省妇幼保健院产科和新生儿科连续3天接诊了3个生在路上的早产儿，另外两个'
        '都是出生在120急救车上，都是29周的早产儿。',
        'Coincidently, on the 19th, 20th and 21st, Hubei Maternity and Child Health Care Hospital has receive'
        'd three premature babies who were all born on the way to the hospital. Besides the baby born in his '
        "father's car, the other two were born in the ambulance and were both 29-week premature babies.",
        '巧的是，在19日、20日、21日，湖北省妇幼保健院产科和新生儿科连续3天接诊了3个生在路上的早产儿，另外两个'
        '都是出生在120急救车上，都是28周的早产儿。',
        None,
        'number'),
    'time zone offset': (
        '北京时间27日，NBA发展联盟宣布试行罚球新规，每次罚球只出手一次，分值由犯规情况来确定。',
        'On the 27th (GMT+8), the NBA Gatorade League announced the new free throw rule - one free throw will'
        ' be worth one, two, or three points depending on where and when a player is fouled on the shot.',
        '北京时间28日，NBA发展联盟宣布试行罚球新规，每次罚球只出手一次，分值由犯规情况来确定。',
        None,
        'number'),
    'list marks inside a sentence': (
        '根据媒体对去大型国际机场多种交通路线时间和费用的测算，如从南五环出发走京开高速直接上大兴机场高速，开'
        '车的话50分钟就能到，油钱来回40元左右，高速费15元；而选择轨道交通地铁大兴机场线，路程根据距离以20公里'
        '、30公里为限，票价分为10元、25元、35元三档；市民还可乘坐京雄城际，从北京西站到大兴机场站只要20多分钟'
        '。',
        'Based on media reports, we have calculated the time and cost of various transportation routes to thi'
        's airport: 1) 50 minutes’ drive by taking the Jingkai Expressway directly to Daxing Airport Expressw'
        'ay from the South Fifth Ring Road, which will cost 40 yuan in total, with the highway tolls being 15'
        ' yuan; 2) take Daxing Airport Subway, for which the distance varies from 20 km and 30 km, and for wh'
        'ich the ticket price is 10, 25, or 35 yuan; 3) take the Jingxiong Intercity Train, which takes only '
        'more than 20 minutes from Beijing West Railway Station to Daxing Airport Station.',
        '根据媒体对去大型国际机场多种交通路线时间和费用的测算，如从南五环出发走京开高速直接上大兴机场高速，开'
        '车的话50分钟就能到，油钱来回45元左右，高速费15元；而选择轨道交通地铁大兴机场线，路程根据距离以20公里'
        '、30公里为限，票价分为10元、25元、35元三档；市民还可乘坐京雄城际，从北京西站到大兴机场站只要20多分钟'
        '。',
        'Based on media reports, we have calculated the time and cost of various transportation routes to thi'
        's airport: 1) 50 minutes’ drive by taking the Jingkai Expressway directly to Daxing Airport Expressw'
        'ay from the South Fifth Ring Road, which will cost 40 yuan in total, with the highway tolls being 16'
        ' yuan; 2) take Daxing Airport Subway, for which the distance varies from 20 km and 30 km, and for wh'
        'ich the ticket price is 10, 25, or 35 yuan; 3) take the Jingxiong Intercity Train, which takes only '
        'more than 20 minutes from Beijing West Railway Station to Daxing Airport Station.',
        'number'),
    'ordinal against ordinal': (
        '继上海之后，北京成为我国第二个同城拥有两座机场的城市，与上海虹桥国际机场主要服务于国内航空事务、浦东'
        '机场则以国际航运航空为主类似，未来首都机场与大兴机场也将以服务于国内与国际不同航空业务的差异化定位，'
        '提供更加细分的服务。',
        'Following Shanghai, Beijing has become the second player in China to run two airports in the same ci'
        'ty. Similar to the business roles of Shanghai Hongqiao International Airport mainly serving domestic'
        ' flights and Pudong Airport focusing on international shippings, differentiated services are also in'
        'troduced in the operation of Bejing Capital Airport and Daxing Airport, which will provide more spec'
        'ialized services in niche markets covering both domestic and international aviation business in the '
        'future.',
        '继上海之后，北京成为我国第三个同城拥有两座机场的城市，与上海虹桥国际机场主要服务于国内航空事务、浦东'
        '机场则以国际航运航空为主类似，未来首都机场与大兴机场也将以服务于国内与国际不同航空业务的差异化定位，'
        '提供更加细分的服务。',
        'Following Shanghai, Beijing has become the third player in China to run two airports in the same cit'
        'y. Similar to the business roles of Shanghai Hongqiao International Airport mainly serving domestic '
        'flights and Pudong Airport focusing on international shippings, differentiated services are also int'
        'roduced in the operation of Bejing Capital Airport and Daxing Airport, which will provide more speci'
        'alized services in niche markets covering both domestic and international aviation business in the f'
        'uture.',
        'number'),
    'dotted paragraph number at line start (UN-dev 2234)': (
        '3.2. 1取得了进展，包括通过建立信任措施，开展治安部队和国防军的关键改革，使其能在全国以有效、专业的方式执行任务',
        '3.2.1 Progress is made, including through confidence-building measures, towards the implementation of key reforms targeting the security and defence forces, in order to enable them to carry out their tasks in an efficient and professional manner throughout the country',
        None,
        None, 'number'),
    'subparagraph letter and circled numeral (UN-dev 2764)': (
        '由于存在这种担心，做了折中处理，即在第七条第㈡款第1项中对"攻击"的定义做了补充，如下文所述，该定义包含一项政策要素。',
        'Owing to that concern, a compromise was developed that involved adding to article 7(2)(a) a definition of "attack" which, as discussed below, contains a policy element.',
        '由于存在这种担心，做了折中处理，即在第七条第㈢款第1项中对"攻击"的定义做了补充，如下文所述，该定义包含一项政策要素。',
        'Owing to that concern, a compromise was developed that involved adding to article 7(2)(b) a definition of "attack" which, as discussed below, contains a policy element.', 'number'),
    'months whose year the other side names (UN-dev 3143)': (
        '在2014年10月和11月期间喀布尔的叛乱活动达到高峰后，获得国际军事支持的阿富汗安全部队开展的军事行动有助于减少首都高调叛乱活动的次数，自杀式袭击事件从2014年10月和11月的10起减至2014年12月和2015年1月的5起。',
        'Following the spike in insurgent activity in Kabul during October and November 2014, operations by the Afghan security forces supported by the international military contributed to reducing the number of high-profile insurgent operations in the capital, resulting in a decrease of suicide attacks from 10 during October and November to 5 during December and January.',
        '在2014年10月和11月期间喀布尔的叛乱活动达到高峰后，获得国际军事支持的阿富汗安全部队开展的军事行动有助于减少首都高调叛乱活动的次数，自杀式袭击事件从2014年10月和11月的10起减至2014年12月和2015年2月的5起。',
        'Following the spike in insurgent activity in Kabul during October and November 2014, operations by the Afghan security forces supported by the international military contributed to reducing the number of high-profile insurgent operations in the capital, resulting in a decrease of suicide attacks from 10 during October and November to 5 during November and January.', 'date'),
    'month alone against month and year (UN-dev 3333)': (
        '63.联合国地雷行动处在利比亚驻留到11月底，但此后因安全局势恶化而撤出了其国际工作人员。',
        '63. The United Nations Mine Action Service maintained a presence in Libya until the end of November 2014, but has since evacuated its international staff owing to deteriorating security conditions.',
        '63.联合国地雷行动处在利比亚驻留到10月底，但此后因安全局势恶化而撤出了其国际工作人员。',
        '63. The United Nations Mine Action Service maintained a presence in Libya until the end of October 2014, but has since evacuated its international staff owing to deteriorating security conditions.', 'date'),
    'amount in brackets before million (UN-dev 3632)': (
        '138.社区主导发展项目：为了在缅甸推广执行农村发展任务，农村发展局正在与世界银行合作，由世界银行提供8   000万美元财政援助，实施社区主导的发展项目。',
        '138. Community Driven Development Project (CDD): To expand rural development tasks in Myanmar, Department of Rural Development is implementing Community Driven Development project in collaboration with World Bank providing financial assistance of (80) million US dollars.',
        '138.社区主导发展项目：为了在缅甸推广执行农村发展任务，农村发展局正在与世界银行合作，由世界银行提供9   000万美元财政援助，实施社区主导的发展项目。',
        '138. Community Driven Development Project (CDD): To expand rural development tasks in Myanmar, Department of Rural Development is implementing Community Driven Development project in collaboration with World Bank providing financial assistance of (60) million US dollars.', 'number'),
    'two-year period is the biennium (UN-dev 1450)': (
        '3.决定起诉应对1991年以来前南斯拉夫境内所犯严重违反国际人道主义法行为负责者的国际法庭特别账户2014 -2015两年期的订正批款总额为毛额201   054   800美元(净额179   074   200美元)，其细目见本决议附件；',
        '3. Decides on a revised appropriation to the Special Account for the International Tribunal for the Prosecution of Persons Responsible for Serious Violations of International Humanitarian Law Committed in the Territory of the Former Yugoslavia since 1991 of a total amount of 201,054,800 United States dollars gross (179,074,200 dollars net) for the biennium 2014-2015, as detailed in the annex to the present resolution;',
        '3.决定起诉应对1991年以来前南斯拉夫境内所犯严重违反国际人道主义法行为负责者的国际法庭特别账户2014 -2015两年期的订正批款总额为毛额207   054   800美元(净额179   074   200美元)，其细目见本决议附件；',
        '3. Decides on a revised appropriation to the Special Account for the International Tribunal for the Prosecution of Persons Responsible for Serious Violations of International Humanitarian Law Committed in the Territory of the Former Yugoslavia since 1991 of a total amount of 201,054,800 United States dollars gross (179,074,900 dollars net) for the biennium 2014-2015, as detailed in the annex to the present resolution;', 'number'),
    'three fives are the fifteenth (WMT20-A 1198)': (
        '脑子里汹涌着关于明月的各种诗词，偏偏只清晰地喜欢这句：每逢三五便团圆/满把清光护玉栏/天上一轮才捧出/人间万姓仰头看。',
        'My mind was flooded with all kinds of poems about the moon, but the only verse I could remember clearly was this one: every fifteenth day of the lunar calendar month, there is a full moon at night, and with moonlight shining on the barriers, the moon had just appeared in the sky, and the people were looking up.',
        None,
        'My mind was flooded with all kinds of poems about the moon, but the only verse I could remember clearly was this one: every sixteenth day of the lunar calendar month, there is a full moon at night, and with moonlight shining on the barriers, the moon had just appeared in the sky, and the people were looking up.', 'number'),
    'one of each (WMT20-B 1816)': (
        '“一交一直”两大特高压工程投运',
        '1 AC and 1 DC two major UHV projects have been put into operation',
        None,
        '1 AC and 3 DC two major UHV projects have been put into operation', 'number'),
    'month whose year is this year (WMT20-B 1836)': (
        '数据显示，截至2019年6月末，我国全口径（含本外币）外债余额为19980亿美元，较2019年3月末增长263亿美元，增幅1.3 % ， 主要源于债务证券余额增长。',
        "By the end of June this year, China's full-scale outstanding external debt (in both domestic and foreign currencies)stood at 1.998 trillion U.S. dollars, up 1.3 percent or 26.3 billion dollars from the end of March, mainly due to the increase in the balance of debt securities, SAFE data showed.",
        '数据显示，截至2019年5月末，我国全口径（含本外币）外债余额为19980亿美元，较2019年3月末增长263亿美元，增幅1.3 % ， 主要源于债务证券余额增长。',
        "By the end of July this year, China's full-scale outstanding external debt (in both domestic and foreign currencies)stood at 1.998 trillion U.S. dollars, up 1.3 percent or 26.3 billion dollars from the end of March, mainly due to the increase in the balance of debt securities, SAFE data showed.", 'date'),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_number_and_date_categories(name: str) -> None:
    zh, en, changed_zh, changed_en, kind = CASES[name]
    assert_faithful_and_changed(zh, en, changed_zh, changed_en, kind)


UN_YEMEN_ZH = "例如在也门，政治事务部、开发署、人口基金、妇女署和儿基会的一个联合项目协助启动了全国对话会议。"
UN_YEMEN_EN = ("In Yemen, for example, a joint project between the Department of Political Affairs, UNDP, UNFPA, "
               "UN-Women and UNICEF helped to launch an inclusive National Dialogue Conference.")


@pytest.mark.parametrize("zh_is_source", [True, False])
def test_names_known_equivalents_are_no_finding(zh_is_source: bool) -> None:
    assert mismatches(UN_YEMEN_ZH, UN_YEMEN_EN, zh_is_source=zh_is_source) == []
    # UNHCR in the English where the Chinese names 儿基会 (UNICEF): the English acronym has a known
    # Chinese form (难民署), absent from the Chinese
    found = mismatches(UN_YEMEN_ZH, UN_YEMEN_EN.replace("UNICEF", "UNHCR"), zh_is_source=zh_is_source)
    assert [m.kind for m in found] == ["name"]
    english_side = found[0].target_only if zh_is_source else found[0].source_only
    assert english_side == ["UNHCR"]


def test_names_from_the_glossary_cedict_and_implied_forms() -> None:
    # glossary: 不扩散条约 / NPT, 艾滋病毒 / HIV; names.tsv: 中央 implies the CPC
    assert mismatches("不扩散条约缔约国审议大会。", "Review Conference of the Parties to the NPT.") == []
    assert mismatches("艾滋病毒感染者。", "People living with HIV.") == []
    assert mismatches("中央统战部副部长徐乐江。",
                      "Xu Lejiang, deputy minister of the United Front Work Department of the CPC Central "
                      "Committee.") == []
    assert [m.target_only for m in mismatches("艾滋病毒感染者。", "People living with HIV and the IAEA.")] == [["IAEA"]]
    # CC-CEDICT senses that spell an acronym out in brackets: 世卫 "World Health Organization (WHO)", but not
    # its usage labels: 最高人民法院 "Supreme People's Court (PRC)" is no form of the PRC
    from transdiff.checks.names import name_index
    index = name_index()
    assert {"世卫", "全国人大"} <= index.chinese_of["WHO"] | index.chinese_of["NPC"]
    assert "最高人民法院" not in index.chinese_of["PRC"]


@pytest.mark.parametrize("zh_is_source", [True, False])
def test_names_short_forms_and_organs(zh_is_source: bool) -> None:
    # UN-dev 2147 and 3414: the UN's Chinese short forms 艾滋病署 (UNAIDS) and 维和部 (DPKO)
    unaids = ("2013年，在15 -24岁所有新感染艾滋病毒的青年中，约60%为少女和青年妇女(艾滋病署，2014年)。",
              "In 2013, almost 60 per cent of all new HIV infections among young people aged 15-24 occurred among "
              "adolescent girls and young women (UNAIDS 2014).")
    dpko = ("维和部利用咨询人进行评价或培训。", "DPKO utilizes consultants either to conduct evaluations or to carry out "
            "training.")
    # WMT20 line 963 (its opening), with the CPC named as official English texts name a Party committee (市委)
    cpc = ("湖南省委常委、长沙市委书记胡衡华出席。", "Hu Henghua, member of the Standing Committee of the CPC Hunan "
           "Provincial Committee and Secretary of the CPC Changsha Municipal Committee, attended.")
    for zh, en in (unaids, dpko, cpc):
        assert mismatches(zh, en, zh_is_source=zh_is_source) == [], en
    changed = mismatches(dpko[0].replace("维和部", "难民署"), dpko[1], zh_is_source=zh_is_source)
    assert [m.kind for m in changed] == ["name"]
    assert (changed[0].target_only if zh_is_source else changed[0].source_only) == ["DPKO"]
    changed = mismatches(unaids[0], unaids[1].replace("UNAIDS", "UNICEF"), zh_is_source=zh_is_source)
    assert [m.kind for m in changed] == ["name"]


def test_acronym_the_text_defines_as_another_name_is_no_finding() -> None:
    # CEB is the UN's Chief Executives Board (首协会) in the glossary, but the English says which CEB it means
    zh = "光大银行的贷款增长了。"
    assert mismatches(zh, "Loans of China Everbright Bank (CEB) grew.") == []
    assert [m.target_only for m in mismatches(zh, "Loans of the CEB grew.")] == [["CEB"]]
    assert [m.target_only for m in mismatches(
        zh, "Loans of the United Nations System Chief Executives Board for Coordination (CEB) grew.")] == [["CEB"]]


def test_acronym_that_may_name_a_local_body_is_weak() -> None:
    # WMT20-B 1071: CEB is China Everbright Bank (光大银行) here; the index knows CEB as the UN's Chief
    # Executives Board (首协会): a finding below the default threshold. UNGA is 联大 (WMT20-B 1586).
    zh, en = "9月24日，光大银行公告称光大理财已正式获准开业。", ("On September 24th, CEB announced that Everbright "
                                                          "Wealth Management had officially been approved to open.")
    found = mismatches(zh, en)
    assert [m.kind for m in found] == ["name"] and found[0].confidence < 0.5
    found = mismatches(zh, en.replace("CEB", "UNHCR"))
    assert [m.kind for m in found] == ["name"] and found[0].confidence >= 0.5
    assert mismatches("坚持按照联大第2758号决议处理台湾问题。",
                      "It would handle issues relating to Taiwan in accordance with UNGA Resolution 2758.") == []


def test_acronym_without_known_equivalent_is_no_finding() -> None:
    zh = "3.审调小组在2014年期间继续与项目厅战略和审计咨询委员会进行互动。"
    en = "IAIG continued to interact with the UNOPS Strategy and Audit Advisory Committee during 2014."
    assert mismatches(zh, en) == []
    assert mismatches("虽然CIB大多数成员都是组织。", "Although most members of the Council are organizations.") == []
    # Roman numerals are numbers, never names
    assert not [m for m in mismatches("附件三", "Annex III") if m.kind == "name"]


def test_compare_and_check_report_the_same_mismatch(tmp_path) -> None:
    from transdiff.api import compare

    zh, en = CASES["ordinal: resolution number"][0], CASES["ordinal: resolution number"][3]
    result = compare(from_text(zh, lang="zh"), from_text(en, lang="en"), check_related=False)
    from_compare = [(f.detail["kind"], f.detail["source_only"], f.detail["target_only"])
                    for f in result.findings if f.type == "mismatch"]
    path = tmp_path / "one.xlf"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="zh-CN" '
                    'target-language="en" datatype="plaintext" original="x"><body>'
                    f'<trans-unit id="u1"><source>{escape(zh)}</source><target>{escape(en)}</target></trans-unit>'
                    "</body></file></xliff>\n", encoding="utf-8")
    report = check_bilingual(read_bilingual(path), checks="numbers,dates,names")
    from_check = [(f.type, f.detail["source_only"], f.detail["target_only"]) for f in report.findings]
    assert from_compare == from_check == [("number", ["第1970"], ["1972"])]


@pytest.mark.parametrize("zh, en, changed_en", [
    # report to the 20th CPC Congress (2022, public domain), English written for this test
    ("我们坚持一个中国原则和“九二共识”。", "We remain committed to the one-China principle and the 1992 Consensus.",
     "We remain committed to the one-China principle and the 1993 Consensus."),
    ("九一八事变后，东北沦陷。", "After the September 18 Incident, the Northeast fell.",
     "After the September 19 Incident, the Northeast fell."),
    ("五四运动是一场爱国运动。", "The May 4th Movement was a patriotic movement.",
     "The May 5th Movement was a patriotic movement."),
])
def test_a_year_or_day_named_by_its_digits_alone_is_no_finding(zh: str, en: str, changed_en: str) -> None:
    """九二共识 names 1992 by two digits, 九一八 a day by three: the English date is said, but another one is not."""
    for zh_is_source in (True, False):
        assert mismatches(zh, en, zh_is_source=zh_is_source) == []
        (found,) = mismatches(zh, changed_en, zh_is_source=zh_is_source)
        assert found.kind in ("date", "number")     # a bare year stands with the numbers beside 一个
        changed = [w for w in changed_en.split() if w not in en.split()]
        assert any(changed[0] in m for m in found.source_only + found.target_only), found


@pytest.mark.parametrize("zh, en, changed_en", [
    ("今年3月，委员会举行了会议。", "In March 2019, the Committee held a meeting.",
     "In April 2019, the Committee held a meeting."),
    ("2019年3月，委员会举行了会议。", "In March this year, the Committee held a meeting.",
     "In April this year, the Committee held a meeting."),
    ("今年3月5日，委员会举行了会议。", "On 5 March 2019, the Committee held a meeting.",
     "On 5 April 2019, the Committee held a meeting."),
])
def test_this_year_stands_for_the_year_not_for_the_month(zh: str, en: str, changed_en: str) -> None:
    """今年 / "this year" meets a year written out, but a month changed beside it is still a changed date."""
    assert_faithful_and_changed(zh, en, None, changed_en, "date")
    assert mismatches("2019年，委员会举行了会议。", "This year, the Committee held a meeting.") == []
