"""Chinese numbers, percentages, ordinals, years and dates (一九四八年, 百分之三十, 2 275 500美元)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..chinese import is_han

from .en import en_dates
from .zh_context import PAREN_NUMERALS, clock_times, counts_a_list, one_of_each, starts_a_name
from .quantity import (FULL_WIDTH_DIGITS, Quantity, after_colon, date_quantity, digits_value, glued, small,
                       with_original_surfaces, year_pair)

_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_CN = "零〇一二两兩三四五六七八九十百千万萬亿億"
_CN_RUN = f"[{_CN}]+"
_CN_NUM = f"{_CN_RUN}(?:点[零〇一二三四五六七八九]+(?![十百千分刻]))?"   # 三点五, not 三点三十分 (3:30)
# digits grouped by thousands: comma, full-width comma, any run of spaces (100   000 in UN documents)
_ZH_AR_INT = r"\d{1,3}(?:(?:[ \t]*[,，][ \t]*|[ \t\u00a0\u2009\u202f]+)\d{3})+(?!\d)|\d+"
_AR_NUM = rf"(?:{_ZH_AR_INT})(?:\.\d+)?"
_ZH_MON = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_ZH_DAY = r"3[01]|[12]\d|0?[1-9]|三十一?|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_SP = r"[ \t]*"
_LATIN_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_DAY_TO = r"[至到和、\-－—–~～]"      # 7月29至31日, 10月24和25日: a range of days of one month
_MONTH_RANGE = re.compile(rf"{_SP}[至到\-－—–~～]{_SP}(?:1[0-2]|0?[1-9]){_SP}月")

_ZH_PATTERN = re.compile(
    # the lookahead lets the many positions that cannot start a quantity fail at one test
    rf"(?=[\s\d（(㈠-㈩第百千上下晚凌中早半俩倆今去明本当同前几{_CN}])"
    rf"(?:(?P<list>^[ \t]*(?:\d{{1,3}}(?:[.．]{_SP}\d{{1,3}}){{2,}}(?!\d)|[㈠-㈩]|[（(]{_SP}(?:{_CN_RUN}|\d{{1,3}}){_SP}[)）]|(?:{_CN_RUN}|\d{{1,3}}){_SP}(?:[、)）]|[.．](?!\d))))"
    rf"|(?P<paren>[（(]{_SP}(?P<pv>{_CN_RUN}|\d{{1,2}}){_SP}[)）](?P<pday>日)?|(?P<pc>[㈠-㈩]))"
    rf"|(?P<ymd>(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}}){_SP}年(?:{_SP}(?P<ym>{_ZH_MON}){_SP}月"
    rf"(?:{_SP}[至到和、\-－—–~～]{_SP}(?P<ym2>{_ZH_MON}){_SP}月(?!{_SP}(?:{_ZH_DAY}){_SP}[日号]))?"
    rf"(?:{_SP}(?P<yd>{_ZH_DAY})(?:{_SP}{_DAY_TO}{_SP}(?P<yd2>{_ZH_DAY}))?{_SP}[日号])?)?)"
    rf"|(?P<md>(?P<m>{_ZH_MON}){_SP}月{_SP}(?P<d>{_ZH_DAY})(?:{_SP}{_DAY_TO}{_SP}(?P<d2>{_ZH_DAY}))?{_SP}[日号])"
    rf"|(?P<rel>今年|去年|明年|本年|当年|同年|前年)"
    rf"|(?P<day>(?<!\d)(?P<dv>{_ZH_DAY}){_SP}[日号](?![元币]))"
    rf"|(?P<decade>(?<!\d)(?P<dec>\d0|〇〇|[一二三四五六七八九]十){_SP}(?:年代|后))"
    rf"|(?P<pct1>百分之{_SP}(?P<pv1>百|{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<pct2>(?P<pv2>{_AR_NUM}){_SP}[%％])"
    rf"|(?P<cheng>(?P<chv>[一二三四五六七八九]|十)成(?![员为功立果绩本就长熟果交不]))"
    rf"|(?P<permil>千分之{_SP}(?:{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<frac>(?P<fd>{_AR_NUM}|{_CN_NUM})分之(?P<fn>{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<slash>(?<![\d/])(?P<sn>\d+){_SP}/{_SP}(?P<sd>\d+)(?![\d/]))"
    rf"|(?P<ord>第{_SP}(?P<ov>{_AR_NUM}|{_CN_NUM}))"
    rf"|(?P<century>(?P<cy>\d{{1,2}}|{_CN_RUN}){_SP}世纪(?:{_SP}(?P<cdec>\d0|[一二三四五六七八九]十){_SP}年代)?)"
    rf"|(?P<time>(?:(?P<noon>上午|下午|晚上|凌晨|中午|早上){_SP})?(?P<th>[01]?\d|2[0-4]|{_CN_RUN}){_SP}[时点]"
    rf"(?:{_SP}(?P<tm>[0-5]?\d|{_CN_RUN}){_SP}分|(?P<half>半))"
    rf"|(?P<noon2>上午|下午|晚上|凌晨|中午|早上){_SP}(?P<th2>[01]?\d|2[0-4]|{_CN_RUN}){_SP}[时点](?!\d))"
    rf"|(?P<ar>(?P<av>{_AR_NUM})(?:{_SP}[多余]?{_SP}(?P<am>[百千万萬亿億]+)(?P<tail>(?:\d+[百千万萬亿億]+)*\d*))?)"
    rf"|(?P<ban>(?:(?P<bv>\d+|{_CN_RUN})个)?半(?=[个年天月小时日数]))"
    rf"|(?P<lia>[俩倆])"
    rf"|(?P<ji>(?P<jp>[一二三四五六七八九十])?几(?P<ju>[十百千万萬亿億]+))"
    rf"|(?P<cn>(?P<cv>{_CN_NUM})(?:[多余]?(?P<cm>[万萬亿億]+))?))",
    re.M,
)
# a single 二..九/两/十 counts (weakly) only before one of these: 三国, 五年, 两大, 十项 ...
_COUNTERS = set("个位名人项条次件种类家所座部本篇章节款段句年天周岁届批代层级倍米里吨克元台辆架艘只头张份套国省市县"
                "场轮期号页秒股支对双例笔户间栋面大强时点至到或亩斤票枚颗块片集圈遍趟处度多余来几"
                "等队角局")   # 二等奖 second prize, 二队 second team, 五角星 five-pointed star, 5局 5 sets
_TWO_AS_NAME = set("岸会极性者")        # 两岸 cross-strait, 两会 the two sessions, 两极, 两性, 两者 both
_LATENT = set("二三四五六七八九")
_LATENT_AFTER = set("第初星周礼")     # 第二 is an ordinal (read above); 初三, 星期五, 周五, 礼拜三 are days
_ARTICLE_COUNTERS = set("条章节款编卷项")   # 第三条 is "Article 3": a strong anchor even though small
_APPROXIMATE = set("近逾数几超约")           # 数十亿 "billions", 近一亿 "nearly 100 million": vague amounts
_ROUND_APPROXIMATE = _APPROXIMATE | set("过上破足")   # 过亿, 上百, 破千, 不足百万: vague round amounts
_SI_AFTER_KILO = set("米克瓦伏卡兆帕赫")       # 5千米 is 5 km, not 5000 metres
_PLAN_SUFFIX = re.compile(r"”?[规时期计]")    # “十四五”规划 = the 14th Five-Year Plan
# 较2017年增长 "year-on-year": a year the other side may leave to a relative phrase
_COMPARED_YEAR_BEFORE = re.compile(r"(?:较|比|同比)[ \t]*$")
# 明年(2020年): the year says which year 明年 is; one quantity, the year, which "next year" may stand for
_GLOSSING_YEAR = re.compile(r"[ \t]*[（(][ \t]*\d{4}[ \t]*年[ \t]*[)）]")
# 120急救车 "the ambulance", 110报警, 12345热线, 985高校: a service's number as part of its name
_SERVICE_AFTER = ("急救", "救护", "报警", "火警", "热线", "专线", "高校", "工程", "院校")
_PERSON_COUNTERS = set("位名人个")
_TIME_RANGE_TAIL = re.compile(rf"{_SP}[至到\-－—–~～]{_SP}(?P<h>[01]?\d|2[0-4]|{_CN_RUN}){_SP}[时点]"
                              rf"(?:{_SP}(?P<m>[0-5]?\d|{_CN_RUN}){_SP}分)?")
# 附件一 annex 1, 备选办法一 alternative 1, 表三 table 3: a numeral after the noun it numbers
_NUMBERED_NOUN = re.compile(r"(?:附件|附录|附表|办法|方案|选项|专栏|阶段|(?<![代发列报外年时仪图地])表|(?<![地企试构意蓝版])图)$")
_CHEMICAL_AFTER = set("氟氯溴碘氧氢氮硫磷碳硅")     # 三氟甲烷 (HFC-23), 二氧化碳: names of compounds
_RANGE_UNIT = re.compile(rf"{_SP}[至到~～\-－—–]{_SP}{_AR_NUM}{_SP}[多余]?{_SP}([百千万萬亿億]+)")


def zh_int(s: str) -> Optional[int]:
    """Value of a Chinese numeral such as 十三, 一百零五, 三万五千, 一千二百亿; None if malformed."""
    total = section = 0
    digit: Optional[int] = None
    last_unit = 10**9       # small units must descend inside a section (三千五百, not 三百五千)
    after_unit = 0          # 一百五 = 150: a bare trailing digit is worth a tenth of the last unit
    zero = False
    for ch in s:
        if ch in _ZH_DIGITS:
            if digit is not None:
                return None
            digit = _ZH_DIGITS[ch]
            if digit == 0:
                zero, digit = True, None
        elif ch in _ZH_UNITS:
            unit = _ZH_UNITS[ch]
            if unit >= last_unit:
                return None
            if digit is None:
                if ch != "十" or section or total or zero:
                    return None
                digit = 1
            section += digit * unit
            digit, last_unit, after_unit, zero = None, unit, unit, False
        elif ch in _ZH_BIG:
            big = _ZH_BIG[ch]
            if digit is not None:
                section += digit
                digit = None
            if big == 10**8:
                total = (total + section) * big
                section = 0
            else:
                if not section:
                    return None
                section *= big
            last_unit, after_unit, zero = 10**9, big, False
        else:
            return None
    if digit is not None:
        section += digit * (after_unit // 10 if after_unit >= 100 and not zero else 1)
    return total + section


def _zh_value(s: str) -> Optional[float]:
    if s[:1].isdigit():
        return digits_value(s)
    s = s.replace(" ", "").replace("\t", "")
    whole, _, frac = s.partition("点")
    if whole[:1] in ("百", "千", "万", "萬", "亿", "億"):
        return None
    n = zh_int(whole)
    if n is None:
        return None
    if frac:
        return float(f"{n}." + "".join(str(_ZH_DIGITS[c]) for c in frac))
    return float(n)


def _zh_int_of(s: Optional[str]) -> Optional[int]:
    v = _zh_value(s) if s else None
    return None if v is None else int(v)


def _zh_big(mult: Optional[str]) -> float:
    value = 1.0
    for ch in mult or "":
        value *= _ZH_UNITS.get(ch) or _ZH_BIG[ch]
    return value



def zh_quantities(text: str) -> list[Quantity]:
    """Numbers, percentages, ordinals, years and dates in a Chinese text, in text order."""
    scanned = text.translate(FULL_WIDTH_DIGITS)      # same length, so offsets stay valid
    found = _zh_scan(scanned)
    clock = clock_times(scanned)                    # 次日00:30以后: a time of day, not 0 and 30
    if clock:
        found = sorted(clock + [q for q in found if not any(c.start < q.end and q.start < c.end for c in clock)],
                       key=lambda q: q.start)
    if _LATIN_MONTH.search(scanned):                 # 6 February 2015 left in English inside the Chinese
        latin = en_dates(scanned)
        found = sorted(latin + [q for q in found if not any(d.start < q.end and q.start < d.end for d in latin)],
                       key=lambda q: q.start)
    return with_original_surfaces(found, text, scanned)


def _zh_scan(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    skip_until = 0
    for m in _ZH_PATTERN.finditer(text):
        start, end, g = m.start(), m.end(), m.lastgroup
        if start < skip_until:
            continue
        nxt, surface = text[end:end + 1], m.group()
        if g == "list" or g == "permil":
            continue
        if g == "paren":                     # inline (3), ㈢ or 今（27）日
            v = float(PAREN_NUMERALS[surface]) if m.group("pc") else _zh_value(m.group("pv"))
            if v is not None:
                out.append(date_quantity(None, None, int(v), start, end, text, weak=True) if m.group("pday")
                           else Quantity(v, "number", start, end, surface, weak=True))
        elif g == "ymd":
            y = m.group("y")
            year = int(y) if y.isdigit() else int("".join(str(_ZH_DIGITS[c]) for c in y))
            if m.group("ym2"):               # 2014年4月至8月: two months of one year
                out.append(date_quantity(year, _zh_int_of(m.group("ym")), None, start, m.end("ym") + 1, text))
                out.append(date_quantity(year, _zh_int_of(m.group("ym2")), None, m.start("ym2"), end, text))
            elif not m.group("ym") and _COMPARED_YEAR_BEFORE.search(text, max(0, start - 4), start):
                out.append(date_quantity(year, None, None, start, end, text, weak=True))
            else:
                out += _day_range(year, m, "ym", "yd", "yd2", text)
        elif g == "md":
            out += _day_range(None, m, "m", "d", "d2", text)
        elif g == "rel":                     # 今年 "this year": whichever year the other side names
            if not _GLOSSING_YEAR.match(text, end):
                out.append(Quantity(0.0, "relyear", start, end, surface, weak=True))
        elif g == "day":                     # 27日 alone: the English usually names the month too
            out.append(date_quantity(None, None, _zh_int_of(m.group("dv")), start, end, text, weak=True))
        elif g == "decade":                  # 90年代, 八十年代, 80后: the 1990s, the 1980s
            n = 0 if m.group("dec") == "〇〇" else int(_zh_value(m.group("dec")) or 0)
            out.append(date_quantity((2000 if n < 30 else 1900) + n, None, None, start, end, text, weak=True))
        elif g in ("pct1", "pct2"):
            raw = m.group("pv1") or m.group("pv2")
            v = 100.0 if raw == "百" else _zh_value(raw)
            if v is not None:
                out.append(Quantity(v, "percent", start, end, surface))
        elif g == "cheng":                   # 三成 = 30%
            out.append(Quantity(10.0 * (_zh_value(m.group("chv")) or 0), "percent", start, end, surface, weak=True))
        elif g == "slash" and year_pair(m, text):       # 2015/16年度: two years
            out += year_pair(m, text) or []
        elif g in ("frac", "slash"):
            num, den = _zh_value(m.group("fn") or m.group("sn")), _zh_value(m.group("fd") or m.group("sd"))
            if num is not None and den:
                out.append(Quantity(num / den, "number", start, end, surface, weak=True))
        elif g == "ord":
            raw = m.group("ov")
            v = _zh_value(raw)
            if v is None and len(raw) > 1 and all(c in _ZH_DIGITS and c not in "两兩" for c in raw):
                v = float("".join(str(_ZH_DIGITS[c]) for c in raw))     # 第一五六条: rule 156
            if v is None:
                continue
            if re.match(r"[A-Za-z()（）\s]{0,8}号", text[end:end + 9]):   # 第217A(III)号: a resolution number
                out.append(Quantity(v, "number", start, end, surface))
                continue
            weak = not raw[0].isdigit() and small(v) and nxt not in _ARTICLE_COUNTERS
            out.append(Quantity(v, "ordinal", start, end, surface, weak=weak))
        elif g == "century":                 # 20世纪 the 20th century; 20世纪90年代 the 1990s
            century = _zh_int_of(m.group("cy"))
            if century is None:
                continue
            if m.group("cdec"):
                decade = int(_zh_value(m.group("cdec")) or 0)
                out.append(date_quantity((century - 1) * 100 + decade, None, None, start, end, text))
            else:
                out.append(Quantity(float(century), "ordinal", start, end, surface))
        elif g == "time":                    # 10时15分, 下午3时, 9点半: minutes after midnight
            hour = _zh_int_of(m.group("th") or m.group("th2"))
            minute = 30 if m.group("half") else _zh_int_of(m.group("tm")) or 0
            if hour is not None and hour <= 24 and minute < 60:
                afternoon = (m.group("noon") or m.group("noon2")) in ("下午", "晚上")
                if afternoon and hour < 12:
                    hour += 12
                out.append(Quantity(float(hour * 60 + minute), "time", start, end, surface))
                tail = _TIME_RANGE_TAIL.match(text, end)     # 下午3时至6时: 6 p.m., not the number 6
                last = _zh_int_of(tail.group("h")) if tail else None
                if tail and last is not None and last <= 24:
                    last += 12 if afternoon and last < 12 else 0
                    out.append(Quantity(float(last * 60 + (_zh_int_of(tail.group("m")) or 0)), "time",
                                        tail.start("h"), tail.end(), text[tail.start("h"):tail.end()]))
                    skip_until = tail.end()
        elif g == "ban":                     # 半年 half a year, 一个半小时 an hour and a half
            whole = _zh_value(m.group("bv")) if m.group("bv") else 0.0
            if whole is not None:
                out.append(Quantity(whole + 0.5, "number", start, end, surface, weak=True))
        elif g == "ji":                      # 十几亿 over a billion, 几十 dozens: vague amounts, weak
            lead = _zh_value(m.group("jp")) if m.group("jp") else 1.0
            out.append(Quantity((lead or 1.0) * _zh_big(m.group("ju")), "number", start, end, surface, weak=True))
        elif g == "lia":                     # 他们俩: the two of them
            out.append(Quantity(2.0, "number", start, end, surface, weak=True))
        elif g == "ar":
            q = _zh_arabic(text, m)
            if q is not None:
                out.append(q)
        else:
            numerals = _zh_numeral(text, m)
            if text[end:end + 1] == "斤":       # 一千斤, 破千斤: 500 kilograms
                numerals = [replace(q, also=(q.value / 2,)) for q in numerals]
            out.extend(numerals)
    return out


def _day_range(year: Optional[int], m: re.Match, month: str, day: str, last_day: str, text: str) -> list[Quantity]:
    mon = _zh_int_of(m.group(month))
    if not m.group(last_day):
        return [date_quantity(year, mon, _zh_int_of(m.group(day)), m.start(), m.end(), text)]
    return [date_quantity(year, mon, _zh_int_of(m.group(day)), m.start(), m.end(day), text),
            date_quantity(year, mon, _zh_int_of(m.group(last_day)), m.start(last_day), m.end(), text)]


def _trim_si(units: str, nxt: str) -> str:
    return units[:-1] if units[-1:] in ("千", "百") and nxt in _SI_AFTER_KILO else units


def _zh_arabic(text: str, m: re.Match) -> Optional[Quantity]:
    start, end = m.start(), m.end()
    units, tail = m.group("am") or "", m.group("tail") or ""
    if not tail and _trim_si(units, text[end:end + 1]) != units:
        units = _trim_si(units, text[end:end + 1])          # 1100千伏 is 1,100 kV
        end = m.start("am") + len(units) if units else m.end("av")
    nxt = text[end:end + 1]
    v = _zh_value(m.group("av"))
    if v is None or _MONTH_RANGE.match(text, end):   # 7-8月: month names
        return None
    if nxt == "月":          # 11月底 alone: a month, which a year the other side adds may stand for
        return date_quantity(None, int(v), None, start, end + 1, text, weak=True) if 1 <= v <= 12 and v == int(v) \
            else None
    v *= _zh_big(units)
    last = _zh_big(units[-1:]) if units else 1.0
    for digits, unit in re.findall(r"(\d+)([百千万萬亿億]*)", tail):   # 11万7015, 7万8千, 3万5
        last = _zh_big(unit) if unit else (last / 10 if len(digits) == 1 else 1.0)
        v += int(digits) * last
    if not units:
        ranged = _RANGE_UNIT.match(text, end)      # 600至850亿: both ends are in 亿
        if ranged:
            v *= _zh_big(_trim_si(ranged.group(1), text[ranged.end():ranged.end() + 1]))
    plain = not m.group("am") and m.group("av").isdigit()
    weak = glued(text, start) or after_colon(text, start) or v == 1 and not units and (
        nxt in _COUNTERS or text[end:end + 2] in ("小时", "分钟")) or plain and (   # 1小时 is "an hour"
        _footnote_mark(text, start, end) or text[end:end + 2] in _SERVICE_AFTER or counts_a_list(text, start, end, v))
    also: tuple[float, ...] = ()
    if nxt == "斤":
        also = (v / 2,)            # 80斤 is 40 kilograms
    elif nxt == "天" and v >= 7 and v % 7 == 0:
        also = (v / 7,)            # 14天 is two weeks
    elif plain and text[start - 1:start] == "等" and nxt in _PERSON_COUNTERS and v >= 2:
        also = (v - 1,)            # 张欢等4位医生: Zhang Huan and three other doctors
    return Quantity(v, "number", start, end, text[start:end], weak=weak, also=also)


def _footnote_mark(text: str, start: int, end: int) -> bool:
    """A footnote mark of UN text: one or two digits glued to the word before a punctuation mark (活动1。) or
    to the word after a list comma or the start of a line (、1直布罗陀), with no counter after it (克 of
    6克罗地亚 begins Croatia: no counter)."""
    if end - start > 2:
        return False
    before, nxt = text[start - 1:start], text[end:end + 1]
    if is_han(before) and (nxt in ("。", "，", "；", "、", "：", "\n", "") or nxt in "”）)"):
        return True
    return before in ("", "\n", "、", "，", "；") and is_han(nxt) and (nxt not in _COUNTERS or starts_a_name(text, end)) \
        and not text.startswith(("年", "月", "日", "号", "时", "点", "分", "秒"), end)


def _zh_numeral(text: str, m: re.Match) -> list[Quantity]:
    raw, start, end = m.group("cv"), m.start(), m.end()
    nxt, before = text[end:end + 1], text[start - 1:start]
    if raw in ("百", "千") and nxt == "度":
        return []       # 百度 Baidu; a hundred degrees is 一百度
    counted = nxt in _COUNTERS or text[end:end + 2] == "分钟"
    v = _zh_value(raw)
    if v is None and raw[0] in "百千万萬亿億" and (counted or before in _ROUND_APPROXIMATE) and raw != "万一":
        # 百余项, 近千家, 过亿人次, 上百亿: a vague round amount, weak
        v = _zh_value("一" + raw)
        return [] if v is None else [Quantity(v * _zh_big(m.group("cm")), "number", start, end, m.group(), weak=True)]
    if v is None:
        plan = _zh_value(raw[:-1]) if raw.endswith("五") and len(raw) > 1 else None
        if plan is not None and _PLAN_SUFFIX.match(text, end):      # “十四五”规划 = the 14th Five-Year Plan
            return [Quantity(plan, "ordinal", start, end, raw)]
        pair = re.fullmatch(r"([一二三四五六七八九])([二三四五六七八九])([十百千万萬亿億]*)", raw)
        if pair and _ZH_DIGITS[pair[2]] - _ZH_DIGITS[pair[1]] in (1, 2):   # 四五十天 = 40-50 days
            unit = _zh_big(pair[3])
            # 三五 alone is also three fives, 15 (每逢三五, the fifteenth of the month; 二八年华, sixteen)
            product = () if pair[3] else (float(_ZH_DIGITS[pair[1]] * _ZH_DIGITS[pair[2]]),)
            return [Quantity(_ZH_DIGITS[d] * unit, "number", start, end, raw, weak=True, also=product if i == 0 else ())
                    for i, d in enumerate(pair.groups()[:2])]
        return []
    if nxt in _CHEMICAL_AFTER and not m.group("cm"):
        return []
    if v < 100 and not m.group("cm") and nxt not in _COUNTERS and _NUMBERED_NOUN.search(text, max(0, start - 3), start):
        return [Quantity(v, "number", start, end, raw, weak=True)]
    v *= _zh_big(m.group("cm"))
    if raw in ("两", "兩") and not m.group("cm") and nxt not in _TWO_AS_NAME:
        counted = True      # 两 is "two" before any noun (两委员会 the two Commissions), unlike 一 or 十
    if nxt == "月":          # 十二月 is December
        return [date_quantity(None, int(v), None, start, end + 1, text, weak=True)] if 1 <= v <= 12 and not \
            m.group("cm") and v == int(v) else []
    if raw in ("两", "兩") and text.startswith("年期", end):
        return []       # 两年期 is the biennium
    if len(raw) == 1 and not m.group("cm") and not counted:
        # single characters live inside words (一切, 统一, 十分, 二者), but 二 to 九 before a noun are mostly
        # numbers (五星红旗, 三( 3 )名): weak, so that they only meet a number the other side has left over
        if raw in _LATENT and (is_han(nxt) or nxt in "(（") and before not in _LATENT_AFTER:
            return [Quantity(float(v), "number", start, end, raw, weak=True)]
        if raw == "一" and one_of_each(text, start):      # 一交一直: one AC and one DC
            return [Quantity(1.0, "number", start, end, raw, weak=True)]
        return []
    if len(raw) > 1 and all(c in _ZH_DIGITS for c in raw):
        return []       # digit strings without 年 are names: 五四, 九一八, 一一
    # 数十亿 billions, 数以十万计 hundreds of thousands; “十一” National Day
    weak = small(v) or before in _APPROXIMATE or text[start - 2:start] == "数以" or raw == "十一" and not counted
    return [Quantity(v, "number", start, end, m.group(), weak=weak)]

