"""Web pages as publishers put documents online, built around a plain text.

The furniture follows the structure of the sites such declarations are found on: a People's Daily-style
Chinese news page (top bar, channel menu, breadcrumbs, date-and-source line, share buttons, editor
line, "related news", a hot-list sidebar, copyright footer, scripts), a foreign-ministry press page
(language bar, menu, "current position" line, time, font-size and print tools, ICP footer) and an
international-secretariat-style English page (language switcher, main menu, breadcrumbs, date,
print/share links, article headings as <h2>, readers' comments, "see also", address and copyright
footer, cookie banner, scripts). Two more shapes
that trip extractors: an article cut into several <div>s with a box between them, and an old
layout-table page with the text inside a table.

Every furniture string is listed in ``FURNITURE`` so a test can check that none reaches a finding.
Used by the tests and by benchmarks/html_extraction.py.
"""
from __future__ import annotations

import re
from html import escape
from typing import Callable

_ARTICLE_HEADING = re.compile(r"^(?:Article \d+|Preamble|第[一二三四五六七八九十]+条|序言)$")

ZH_MENU = ["首页", "时政", "国际", "财经", "法治", "社会", "观点", "人事", "理论", "视频", "图片", "English"]
ZH_TOP = ["人民网首页", "手机人民网", "人民日报", "人民网客户端", "登录", "注册"]
ZH_CRUMBS = ["人民网", "国际频道", "时事快报"]
ZH_DATELINE = "2022年09月17日08:24 | 来源：人民网－人民日报"
ZH_SHARE = ["分享到：", "微信", "微博", "QQ空间", "打印", "纠错"]
ZH_EDITOR = "(责编：李娜、王晓东)"
ZH_RELATED = ["联合国纪念《世界人权宣言》通过七十五周年", "外交部发言人就人权问题答记者问",
              "国际社会高度评价中国人权事业发展成就", "上海合作组织成员国元首理事会会议在撒马尔罕举行"]
ZH_HOT = ["热点推荐", "习近平出席上海合作组织成员国元首理事会第二十二次会议", "中国经济持续稳定恢复",
          "全国秋粮收获进度过半"]
ZH_FOOTER = ["人民日报社概况", "关于人民网", "报社招聘", "招聘英才", "广告服务", "合作加盟", "版权服务",
             "数据服务", "网站声明", "网站律师", "信息保护", "联系我们",
             "人民日报违法和不良信息举报电话：010-65363263 举报邮箱：jubao@people.cn",
             "人民网版权所有，未经书面授权禁止使用",
             "Copyright © 1997-2022 by www.people.com.cn. all rights reserved"]

MINISTRY_TOP = ["中华人民共和国外交部", "English", "Français", "Español", "Русский", "العربية", "无障碍"]
MINISTRY_MENU = ["首页", "外交部", "外交部长", "新闻", "外事服务", "资料", "领事", "政务公开"]
MINISTRY_CRUMBS = "当前位置：首页 > 外交部 > 重要新闻"
MINISTRY_DATELINE = "2022-09-17 01:32"
MINISTRY_TOOLS = ["【大", "中", "小】", "【打印】", "【关闭窗口】"]
MINISTRY_FOOTER = ["网站地图", "联系我们", "版权所有：中华人民共和国外交部", "京ICP备06033386号",
                   "京公网安备 11040102700133号", "地址：北京市朝阳区朝阳门南大街2号"]

EN_LANGS = ["中文", "Русский", "English"]
EN_MENU = ["About SCO", "Documents", "News", "Events", "Media", "Cooperation", "Contacts"]
EN_CRUMBS = ["Home", "Documents", "Declarations"]
EN_DATELINE = "16.09.2022 | Source: Press Service"
EN_SHARE = ["Print", "Share", "Facebook", "Twitter", "Telegram", "E-mail"]
EN_SEE_ALSO = ["See also", "Secretary-General meets the Human Rights Council delegation",
               "Member States mark the 75th anniversary of the Universal Declaration",
               "Heads of State Council meeting held in Samarkand"]
EN_FOOTER = ["Secretariat, 41 Liangmaqiao Road, Chaoyang District, Beijing 100600",
             "Tel.: +86 10 6532 9807", "© 2022 The Secretariat. All rights reserved.",
             "Terms of use", "Privacy policy", "Sitemap"]
EN_COOKIES = "This site uses cookies to improve your experience. By continuing you accept our cookie policy."
EN_COMMENTS = ["Comments (2)", "A welcome reaffirmation of rights for all members of the human family.",
               "Will the Secretariat publish the Russian version of this declaration as well?", "Leave a comment"]

FURNITURE: tuple[str, ...] = tuple(
    ZH_MENU[:-1] + ZH_TOP + ZH_CRUMBS + [ZH_DATELINE, ZH_EDITOR] + ZH_SHARE + ZH_RELATED + ZH_HOT + ZH_FOOTER
    + MINISTRY_TOP[:1] + MINISTRY_TOP[2:] + MINISTRY_MENU[1:] + [MINISTRY_CRUMBS, MINISTRY_DATELINE]
    + MINISTRY_TOOLS + MINISTRY_FOOTER
    + EN_LANGS[:2] + EN_MENU + EN_CRUMBS + [EN_DATELINE, EN_COOKIES] + EN_SHARE + EN_SEE_ALSO + EN_FOOTER
    + EN_COMMENTS
)

_SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || []; (function() { var hm = document.createElement("script");
hm.src = "https://hm.example.invalid/hm.js?0123456789"; var s = document.getElementsByTagName("script")[0];
s.parentNode.insertBefore(hm, s); })();
document.write("<p>广告 advertisement</p>");
</script>"""


def _links(items: list[str], cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f'<li><a href="/{k}.html">{escape(t)}</a></li>' for k, t in enumerate(items)) + "</ul>"


def _paragraphs(lines: list[str], style: str = "", headings: str = "") -> str:
    """One <p> per line; with ``headings`` ("h2", "h3") the article headings ("Article 3", "第三条",
    "Preamble", "序言") are headings of that level, as on sites that mark them up."""
    attr = f' style="{style}"' if style else ""
    out = []
    for line in lines:
        if not line.strip():
            continue
        tag = headings if headings and _ARTICLE_HEADING.match(line) else "p"
        out.append(f"<{tag}{attr if tag == 'p' else ''}>{escape(line)}</{tag}>")
    return "\n".join(out)


def _head(title: str, charset: str, extra: str = "") -> str:
    return (f'<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}"/>\n'
            f"<title>{escape(title)}</title>\n"
            '<meta name="keywords" content="宣言,人权,declaration"/>\n'
            '<link rel="stylesheet" type="text/css" href="/css/main.css"/>\n'
            f'<script src="/js/jquery-1.12.4.min.js"></script>{extra}\n</head>\n')


def _zh_chrome_top() -> str:
    return ('<div id="rmw_topline" class="top"><div class="w1000">'
            + " ".join(f'<a href="/t{k}">{escape(t)}</a>' for k, t in enumerate(ZH_TOP)) + "</div></div>\n"
            '<div class="nav" id="rwb_nav">' + _links(ZH_MENU) + "</div>\n"
            '<div class="path">' + "&gt;&gt;".join(f'<a href="/p{k}">{escape(t)}</a>'
                                                   for k, t in enumerate(ZH_CRUMBS)) + "</div>\n")


def _zh_chrome_bottom() -> str:
    related = '<div class="rm_relevant"><h2>相关新闻</h2>' + _links(ZH_RELATED) + "</div>\n"
    hot = '<div class="col col-2 fr"><h2>' + ZH_HOT[0] + "</h2>" + _links(ZH_HOT[1:], "list_14") + "</div>\n"
    footer = ('<div class="foot"><p>' + " | ".join(f'<a href="/f{k}">{escape(t)}</a>'
                                                  for k, t in enumerate(ZH_FOOTER[:12])) + "</p>"
              + "".join(f"<p>{escape(t)}</p>" for t in ZH_FOOTER[12:]) + "</div>\n")
    return related, hot, footer


def peoples_daily_page(text: str, charset: str = "utf-8") -> str:
    """A Chinese news page: the first line of ``text`` is the headline, the rest the article."""
    lines = text.split("\n")
    related, hot, footer = _zh_chrome_bottom()
    share = ('<div class="share fr">' + " ".join(f'<a href="#s{k}">{escape(t)}</a>' for k, t in enumerate(ZH_SHARE))
             + "</div>")
    return ("<!DOCTYPE html>\n<html>\n" + _head(f"{lines[0]}--国际--人民网", charset)
            + "<body>\n" + _zh_chrome_top()
            + '<div class="layout rm_txt cf">\n<div class="col col-1 fl">\n'
            + f"<h1>{escape(lines[0])}</h1>\n"
            + f'<div class="col-1-1 fl">{escape(ZH_DATELINE)}</div>{share}\n'
            + '<div class="rm_txt_con cf">\n' + _paragraphs(lines[1:], "text-indent: 2em;") + "\n"
            + f'<div class="edit cf">{escape(ZH_EDITOR)}</div>\n</div>\n'
            + related + "</div>\n" + hot + "</div>\n" + footer + _SCRIPT + "\n</body>\n</html>\n")


def ministry_page(text: str, charset: str = "utf-8") -> str:
    """A foreign-ministry press page: language bar, channel menu, "current position" line, headline,
    time and font-size/print tools, the text in a body <div>, a close-window link, ICP footer."""
    lines = text.split("\n")
    tools = " ".join(f'<a href="javascript:void(0)">{escape(t)}</a>' for t in MINISTRY_TOOLS[:4])
    return ("<!DOCTYPE html>\n<html>\n" + _head(f"{lines[0]}_中华人民共和国外交部", charset)
            + '<body>\n<div class="top"><div class="w1200"><span>' + escape(MINISTRY_TOP[0]) + "</span>"
            + " | ".join(f'<a href="/{k}/">{escape(t)}</a>' for k, t in enumerate(MINISTRY_TOP[1:])) + "</div></div>\n"
            + '<div class="menu">' + _links(MINISTRY_MENU) + "</div>\n"
            + f'<div class="crumbs w1200">{escape(MINISTRY_CRUMBS)}</div>\n'
            + '<div class="vibox w1200"><div class="news-title">' + f"<h1>{escape(lines[0])}</h1></div>\n"
            + f'<div class="news-info"><p class="time"><span>{escape(MINISTRY_DATELINE)}</span></p>'
            + f'<p class="tools">{tools}</p></div>\n'
            + '<div class="news-main"><div id="News_Body_Txt_A">\n' + _paragraphs(lines[1:], headings="h3")
            + "\n</div></div>\n"
            + f'<div class="close"><a href="javascript:window.close()">{escape(MINISTRY_TOOLS[4])}</a></div></div>\n'
            + '<div class="footer">' + "".join(f"<p>{escape(t)}</p>" for t in MINISTRY_FOOTER) + "</div>\n"
            + _SCRIPT + "\n</body>\n</html>\n")


def _en_chrome(title: str) -> tuple[str, str]:
    top = ('<header class="site-header"><div class="cookie-banner" id="cookies"><p>' + escape(EN_COOKIES)
           + '</p><button>OK</button></div>'
           '<div class="lang-switch">' + " | ".join(f'<a href="/{k}/">{escape(t)}</a>' for k, t in enumerate(EN_LANGS))
           + '</div><a class="logo" href="/"><img src="/logo.png" alt="logo"></a>'
           '<nav class="main-menu">' + _links(EN_MENU) + "</nav></header>\n"
           '<nav class="breadcrumbs">' + " / ".join(f'<a href="/b{k}">{escape(t)}</a>' for k, t in enumerate(EN_CRUMBS))
           + f" / <span>{escape(title)}</span></nav>\n")
    bottom = ('<aside class="see-also"><h3>' + EN_SEE_ALSO[0] + "</h3>" + _links(EN_SEE_ALSO[1:]) + "</aside>\n"
              '<footer class="site-footer">' + "".join(f"<p>{escape(t)}</p>" for t in EN_FOOTER[:3])
              + _links(EN_FOOTER[3:]) + "</footer>\n")
    return top, bottom


def _comments() -> str:
    return ('<section class="comments" id="comments"><h3>' + escape(EN_COMMENTS[0]) + "</h3>"
            + "".join(f'<div class="comment"><span class="author">reader{k}</span><p>{escape(t)}</p></div>'
                      for k, t in enumerate(EN_COMMENTS[1:3]))
            + f'<form><textarea></textarea><button>{escape(EN_COMMENTS[3])}</button></form></section>\n')


def secretariat_page(text: str, charset: str = "utf-8") -> str:
    """An English page of an international secretariat: first line headline, the rest the document."""
    lines = text.split("\n")
    top, bottom = _en_chrome(lines[0])
    share = ('<div class="tools">' + " ".join(f'<a href="#t{k}">{escape(t)}</a>' for k, t in enumerate(EN_SHARE))
             + "</div>")
    return ('<!DOCTYPE html>\n<html lang="en">\n' + _head(f"{lines[0]} | The Secretariat", charset)
            + "<body>\n" + top + '<main id="content"><article class="document">\n'
            + f'<h1 class="title">{escape(lines[0])}</h1>\n<div class="date">{escape(EN_DATELINE)}</div>{share}\n'
            + '<div class="document-body">\n' + _paragraphs(lines[1:], headings="h2") + "\n</div>\n</article>\n"
            + _comments()
            + bottom + "</main>\n" + _SCRIPT + "\n</body>\n</html>\n")


def split_divs_page(text: str, charset: str = "utf-8", parts: int = 4) -> str:
    """The Chinese page, its article cut into ``parts`` <div>s with a share box between them, as
    content-management systems do for long texts."""
    lines = [line for line in text.split("\n")]
    body = lines[1:]
    size = -(-len(body) // parts)
    chunks = [body[k:k + size] for k in range(0, len(body), size)]
    share = ('<div class="share-box">' + " ".join(f'<a href="#s{k}">{escape(t)}</a>' for k, t in enumerate(ZH_SHARE))
             + "</div>\n")
    article = share.join(f'<div class="article-part" id="part{k}">\n{_paragraphs(chunk)}\n</div>\n'
                         for k, chunk in enumerate(chunks))
    related, hot, footer = _zh_chrome_bottom()
    return ("<!DOCTYPE html>\n<html>\n" + _head(lines[0], charset) + "<body>\n" + _zh_chrome_top()
            + f'<div class="main">\n<h1>{escape(lines[0])}</h1>\n<div class="info">{escape(ZH_DATELINE)}</div>\n'
            + article + related + "</div>\n" + hot + footer + _SCRIPT + "\n</body>\n</html>\n")


def table_page(text: str, charset: str = "utf-8") -> str:
    """An old ministry page laid out with tables: menu in a left cell, the text in rows of a table in
    the right cell, lines separated by <br>."""
    lines = text.split("\n")
    menu = "".join(f'<tr><td class="menu"><a href="/m{k}">{escape(t)}</a></td></tr>' for k, t in enumerate(ZH_MENU))
    rows = "\n".join(f'<tr><td class="content">{escape(line)}</td></tr>' for line in lines[1:] if line.strip())
    related, hot, footer = _zh_chrome_bottom()
    return ("<!DOCTYPE html>\n<html>\n" + _head(lines[0], charset) + "<body>\n"
            + '<table width="1000" border="0" cellpadding="0" cellspacing="0" align="center"><tr>\n'
            + f'<td width="200" valign="top"><table class="menu">{menu}</table></td>\n'
            + '<td width="800" valign="top">\n'
            + '<table class="path"><tr><td>' + "&gt;".join(escape(t) for t in ZH_CRUMBS) + "</td></tr></table>\n"
            + f'<table class="title"><tr><td align="center"><b>{escape(lines[0])}</b></td></tr>'
            + f'<tr><td align="center">{escape(ZH_DATELINE)}</td></tr></table>\n'
            + f'<table class="text" width="760">\n{rows}\n</table>\n'
            + "</td></tr></table>\n" + related + footer + _SCRIPT + "\n</body>\n</html>\n")


def secretariat_table_page(text: str, charset: str = "utf-8") -> str:
    """The English counterpart of ``table_page``."""
    lines = text.split("\n")
    top, bottom = _en_chrome(lines[0])
    rows = "\n".join(f"<tr><td>{escape(line)}</td></tr>" for line in lines[1:] if line.strip())
    return ('<!DOCTYPE html>\n<html lang="en">\n' + _head(lines[0], charset) + "<body>\n" + top
            + f'<table class="layout"><tr><td class="side">{_links(EN_MENU)}</td><td class="main">'
            + f"<h1>{escape(lines[0])}</h1><p>{escape(EN_DATELINE)}</p>\n<table class=\"doc\">\n{rows}\n</table>"
            + "</td></tr></table>\n" + bottom + _SCRIPT + "\n</body>\n</html>\n")


def bare_page(text: str, charset: str = "utf-8") -> str:
    """No furniture at all: one <p> per line (what a user gets from 'save as HTML' of a text)."""
    lines = text.split("\n")
    return ("<!DOCTYPE html>\n<html>\n" + _head(lines[0], charset) + "<body>\n"
            + f"<h1>{escape(lines[0])}</h1>\n" + _paragraphs(lines[1:]) + "\n</body>\n</html>\n")


BUILDERS: dict[str, Callable[..., str]] = {
    "peoples-daily": peoples_daily_page,
    "ministry": ministry_page,
    "secretariat": secretariat_page,
    "split-divs": split_divs_page,
    "table": table_page,
    "secretariat-table": secretariat_table_page,
    "bare": bare_page,
}


def encoded(page: str, codec: str) -> bytes:
    """The page in ``codec``; the builders already name ``codec`` in the page's <meta> charset."""
    return page.encode(codec)
