"""Cut a normalised document into units: Q&A turns, speeches, paragraphs, headings, furniture.

A *piece* is a paragraph, or part of one once page furniture is cut off it. Pieces that a
column break split mid-sentence are joined again; a question and the answer that follows
form a ``qa`` unit; a speaker's turn with no question before it is a ``speech``; other
paragraphs are ``text``. Headings and page furniture are units of their own and never
part of an answer.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, partial

from .chars import ARTICLE_NUMBER, CLOSERS, SENTENCE_END, ends_sentence
from .config import Config
from .normalise import (
    NAMED,
    PAGE_JUMP,
    SET_APART,
    SUBTITLE_OPENING,
    Block,
    Normalised,
    line_width,
)
from .script import to_simplified
from .words import WordBounds

CONTENT_KINDS = frozenset({"qa", "speech", "text"})

#: the reporters of a story: （记者王磊）, （通讯员 李明）, （本报记者王磊整理）, or, without
#: brackets, as they report it: 记者王磊报道：, 本报记者 王磊 李娜 报道：
_REPORTERS = r"[\u3400-\u9fff·]{2,6}?(?:[、\s]+[\u3400-\u9fff·]{2,6}?){0,3}"
_BYLINE = (r"(?:[（(]\s*(?:(?:记者|通讯员|特约记者)[^()（）]{1,30}"
           r"|(?:本报|本台|本刊|本网)(?:特约|实习|见习)?(?:记者|通讯员)[^()（）摄]{1,30})[)）]"
           r"|(?:本报|本台|本刊|本网)?(?:特约|实习|见习|首席)?(?:记者|通讯员)\s*" + _REPORTERS
           + r"(?:\s*(?:记者|通讯员|实习生)\s*" + _REPORTERS + r")*\s*报道\s*[：:])")
_BYLINE_AT = re.compile(r"\s*" + _BYLINE)
#: a news site's or an agency's credit opening a story: 央视网消息（新闻联播）：, 新华网消息： (a
#: semicolon a transcription read for its colon too)
_SITE = r"[\u3400-\u9fff]{1,8}?(?:网|社|台)消息"
_SITE_NEWS = rf"{_SITE}(?:[（(][^()（）]{{1,12}}[)）])?\s*[：:；;]"
#: an outlet's credit in brackets opening a story: 【环球时报综合报道】, 【新京报讯】,
#: 【环球网报道 记者 王磊】 (an outlet's name before 报道 or 讯: not 【现场报道】, a rubric)
_CREDIT_IN_BRACKETS = (r"[【\[]\s*[\u3400-\u9fff]{0,8}(?:报|网|社|台|刊|视)(?:综合)?(?:报道|讯|消息)"
                       r"(?:\s*(?:记者|通讯员)[^【】\[\]]{1,30})?\s*[】\]]")
#: a dateline (新华社北京5月24日电, 本报讯), with the reporters and a colon after it
#: (本报讯（记者王磊）：), or the reporters
#: alone (after a dateline on a line of its own); a date a wrap or a justified line
#: spaced out (9 月 1 7 日) is still a date
_DATELINE = re.compile(
    r"(?:[（(【〔\[]?\s*(?:据|本报|本台)?[^，。：:、；\s（()）【】〔〕\[\]]{0,14}?"
    rf"\d ?\d? ?月 ?\d ?\d? ?日\s*(?:电|讯|消息)[)）】〕\]]?|本报讯|{_SITE_NEWS}|{_CREDIT_IN_BRACKETS})"
    rf"(?:\s*{_BYLINE})?(?:\s*[：:])?"
    rf"|{_BYLINE}")
#: a dateline without a date (本报北京电, 新华社北京电, 据中新社电: a place of four characters
#: at most; a paper's or a site's own, 新京报讯, 中国青年网讯, 本报综合报道), which is one only
#: where the reporters, the end of the block or a space follows it (:func:`_undated`)
#: how a newspaper's name ends (人民日报, 新京报)
_PAPER_ENDS = r"日报|晚报|时报|周报|早报|商报"
_UNDATED = re.compile(r"据?(?:(?:本报|本台|新华社|中新社)[\u3400-\u9fff]{0,4}?[电讯]"
                      rf"|[\u3400-\u9fff]{{1,6}}(?:{_PAPER_ENDS}|青年报|京报|网|电视台)讯"
                      r"|(?:本报|本台|本网|本刊)综合(?:报道|消息))")
#: marks the text after a dateline may open with (a quotation, a dash)
_OPENS_AFTER_DATELINE = frozenset("“「『《〈（(—－-")
#: a dateline that a column break cut in or after its date (新华社上海12月2日 / 电 …,
#: 本报北京3月21 / 日电…): the agency or place and the date so far, from its first digit
#: on, at the end of a block (a bare date is no dateline); the block after it completes
#: a :data:`_DATELINE`
_DATE_CUT = re.compile(
    r"[（(]?\s*(?:据|本报|本台)?[^，。：:、；\s（()）\d]{2,14}?\d ?\d? ?(?:月 ?(?:\d ?\d? ?日?)?)?")
#: a news site's credit that a column break cut before its colon (央视网消息（新闻联播 /
#: ）：…)
_SITE_CUT = re.compile(rf"{_SITE}(?:[（(][^()（）]{{0,12}})?")
#: a paragraph ending in an agency's credit (…。（新华社发）)
_CREDITED = re.compile(r".{1,300}?[。！？”]\s*[（(]?(?:新华社|中新社)发\s*[)）]?", re.S)
#: a bullet opening a paragraph (■, ●: typography, like bold; □ and ○ stand for a
#: character that cannot be read, or for 〇, and ▲ marks a photo caption)
_MARKER = re.compile(r"[◆◇■●★☆▶►•]\s*")
#: the mark a photo caption opens with, which before a speaker's label is a bullet
_CAPTION_MARK = re.compile(r"[▲△▼▽]\s*")
#: a line of bullets or rules between stories or sections (◆◆◆, ※※※, ——)
_SEPARATOR = re.compile(r"[◆◇■●★☆▶►•※＊*—－\-=~～\s]+")
#: page furniture in brackets: a byline, a photo's source (（图片由受访者提供）, （资料图片）,
#: （本版图片均为新华社发）), an end mark
_BRACKETED = (
    r"[（(]\s*(?:参与|本报|实习|特约)?(?:记者|采写|撰稿|编辑)[：:\s][^)）]*[)）]",
    r"[（(]\s*(?:(?:图片|照片|图)由[^()（）]{1,20}提供|资料图片|资料照片"
    r"|(?:本版)?(?:图片|照片)均?为[^()（）]{1,20}(?:发|提供|摄))\s*[)）]",
    r"[（(]\s*完\s*[)）]",
    # (reporters named without a space, 本报记者王磊; a story's source, 据新华社电,
    # 来源：人民日报)
    r"[（(]\s*(?:本报|实习|特约|参与)?(?:记者|通讯员)[\u3400-\u9fff·、 ]{2,20}[)）]",
    r"[（(]\s*(?:据[^()（）：:，。]{2,12}(?:电|报道|消息)|来源[：:]\s*[^()（），。]{2,16})\s*[)）]",
    # (an agency's or a paper's name alone: （新华社）, （人民日报）, （央视新闻）)
    r"[（(]\s*[\u3400-\u9fff]{1,8}(?:社|报|网|台|新闻)\s*[)）]",
)
#: a person's name, or several (a photo credit's, a byline's)
_FOREIGN_NAME = r"[\u3400-\u9fff]{1,6}(?:·[\u3400-\u9fff]{1,6}){1,3}"
_NAME = rf"(?:{_FOREIGN_NAME}|[\u3400-\u9fff]{{2,4}})"
_NAMES = rf"{_NAME}(?:[、\s]+{_NAME}){{0,3}}"
_ROLE = r"(?:特约|特派|实习|见习|首席)?(?:记者|通讯员)"
#: the words of a column's or a headline's title after a reporter's role, which name no
#: reporter (本报记者手记, 本报记者观察, 本报记者调查)
_NO_PERSON = r"(?!手记|观察|调查|探访|走访|连线|专访|直击|实地|体验|跟踪|一线|走基层|笔记|札记|感言)"
#: a newspaper's name (人民日报, 新华每日电讯)
_MASTHEAD = rf"[\u3400-\u9fff]{{2,6}}(?:{_PAPER_ENDS}|电讯)"
_PERSON = rf"(?:{_FOREIGN_NAME}|[\u3400-\u9fff]{{2,3}})"
_PERSONS = rf"{_PERSON}(?:[、\s]*{_PERSON}){{0,3}}"
#: the paper or agency a reporter writes for, and the posting, before the role (本刊记者,
#: 新华社记者, 人民日报驻新西兰记者)
_OUTLET = (r"(?:本报|本台|本刊|本网|(?:新华|中新)社|(?:中央广播电视)?总台|央视|央广"
           rf"|{_MASTHEAD})(?:驻[\u3400-\u9fff]{{2,8}}?)?")
_SLASHED_ROLE = rf"(?:文|图|文图|图文|撰文|摄影|{_ROLE}|实习生)\s*[/／|｜]\s*"
#: reporters named on a line of their own, without brackets, after their paper or agency:
#: 本报记者 陈斌, □ 本报记者 王磊 李娜, 新华社记者 刘洋, 人民日报记者 王磊 通讯员 李明,
#: 本报驻新西兰记者 王磊, 本报特派记者 王磊; or
#: after a writer's, a photographer's or a reporter's role and a slash, with or without
#: the paper's name: 文/王磊, ◎记者/王磊 通讯员/李娜, 文｜王磊 图｜李娜, 文/本刊记者 王磊 (one
#: or two names after a paper's reporter, one after a role alone: 文/记者眼中的新变化 is a
#: headline)
_BARE_BYLINE = re.compile(
    rf"(?:[□■◎]\s*)?(?:{_OUTLET}{_ROLE}\s*{_NO_PERSON}{_PERSONS}"
    rf"(?:\s*(?:{_ROLE}|实习生)\s*{_PERSONS})*"
    rf"|(?:{_MASTHEAD}|本报)?{_SLASHED_ROLE}(?:{_OUTLET}{_ROLE}\s*{_NO_PERSON}{_PERSON}"
    rf"(?:[、\s]*{_PERSON})?|(?:{_ROLE}\s*)?{_PERSON})(?:\s*{_SLASHED_ROLE}{_PERSON})*)")
#: a desk note: 责任编辑：刘洋, 本版编辑：王磊 李娜
_DESK_NOTE = r"(?:本版)?(?:责任编辑|责编|编辑|校对|审核|制图|美编)[：:]"
#: a desk note set with spaces, not colons (本版编辑 王芳 美编 李强), as normalised (the
#: spaces between the words gone): an editor of the page's, and the other roles it names;
#: one only where the source sets a space after each role (:func:`_spaced_desk_note`)
_SPACED_DESK_NOTE = re.compile(
    r"(?:本版(?:责任编辑|责编|编辑)|责任编辑|责编)(?P<name>[\u3400-\u9fff]{2,4})"
    r"(?:(?:版式设计|美术编辑|美编|校对|制图|排版|摄影|审核)(?P<more>[\u3400-\u9fff]{2,4})){0,3}")
#: a web page's furniture around a story: the path to it (首页 > 新闻中心 > 正文), its time
#: and source (2023-04-03 08:13:12　来源：新华网; a date alone is no furniture: a decree's
#: may close it), the type sizes and the buttons (【字体：大 中 小】, 分享到：微信 微博,
#: 【打印】【关闭】)
_STAMP = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_WEB_FIELD = (r"(?:来源|作者|编辑|责任编辑|浏览次数|浏览量|点击数|点击量|阅读数|阅读量)[：:]"
              r"\s*[^\s，。；！？!?…]{0,20}")
_WEB_FURNITURE = (
    r"(?:当前位置[：:]\s*)?首页(?:\s*[>＞›»]\s*[^>＞›»\s]{1,20})+\s*[>＞›»]?",
    rf"(?:(?:发布|更新)?(?:时间|日期)[：:]\s*)?{_STAMP}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?"
    rf"(?:\s*{_WEB_FIELD})*",
    rf"(?:(?:发布|更新)?(?:时间|日期)[：:]\s*{_STAMP}\s*)?{_WEB_FIELD}(?:\s*{_WEB_FIELD})*",
    r"[【\[]?\s*(?:字体|字号)[：:]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?\s*[】\]]?",
    r"分享到(?:[：:].{0,30})?",
    # (a button's word alone, 关闭, 收藏, is a word: in brackets, or one of the phrases)
    r"(?:(?:[【\[]\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|纠错|返回顶部"
    r"|返回首页)\s*[】\]]|打印本页|打印此页|关闭窗口|关闭本页|收藏本页|返回顶部|返回首页)\s*)+",
)
#: a page's number alone on its line
_PAGE_NUMBER_ALONE = r"(?:第\s*)?\d{1,3}\s*页?"
_WHOLE_FURNITURE = re.compile("|".join(f"(?:{pattern})" for pattern in (
    # photo captions: ▲ …; a paragraph of one sentence that opens with 图为, credit or none
    _CAPTION_MARK.pattern + ".*",
    r"图为[^。！？!?\n]{2,80}。?",
    _SEPARATOR.pattern,
    r"[【\[〔（(]?\s*" + _DESK_NOTE + ".{0,30}",
    *_WEB_FURNITURE,
    _BARE_BYLINE.pattern,
    *_BRACKETED,
    # a page's number alone (2, 第3页): no heading
    _PAGE_NUMBER_ALONE,
    # a commentary's byline: 本报评论员, 人民日报评论员, 新华社特约评论员
    r"(?:本报|本刊|本台|新华社|[\u3400-\u9fff]{2,6}报)?(?:特约)?评论员",
)))
#: … and a caption that ends in a photo credit: these patterns can only match a paragraph
#: ending in one of ``_CREDIT_ENDS`` (tried only then: each tries up to 200 starts)
_CREDIT_ENDS = frozenset("摄影发)）")
#: a caption's opening that gives the day the photo was taken (3月4日，…; 当地时间…)
_DATED_CAPTION = re.compile(r"(?:当地时间)?\d{1,2} ?月 ?\d{1,2} ?日[，,]")
#: a line of its own that is nothing but a photo credit
_CREDIT_LINE = re.compile(
    rf"[\u3400-\u9fff]{{0,6}}(?:记者|通讯员|摄影记者|摄影)\s*{_NAMES}\s*摄影?"
    rf"|(?:新华社|中新社)发\s*[（(]\s*(?:[\u3400-\u9fff]{{0,6}}记者)?\s*{_NAMES}\s*摄[)）]"
    rf"|[（(]\s*(?:[\u3400-\u9fff]{{0,6}}(?:记者|通讯员|摄影))?\s*{_NAMES}\s*摄[)）]")
_CREDIT_FURNITURE = (
    re.compile(r".{0,200}?(?:记者|摄影|图|通讯员)[\u3400-\u9fff·、\s]{1,12}摄影?[)）]?"),
    # … or an agency's with a photographer: 新华社发（刘颖摄）; without one (（新华社发）)
    # only after a short caption, one that says 图为 or one that opens with the day the
    # photo was taken (11月30日，…): a paragraph may end so
    re.compile(r".{0,200}?(?:新华社|中新社)发\s*[（(][\u3400-\u9fff·、\s]{1,12}摄[)）]"),
    re.compile(rf"(?:(?:图[为：:]?|{_DATED_CAPTION.pattern}).{{0,120}}?|.{{0,30}}?)"
               r"[（(]?(?:新华社|中新社)发\s*[)）]?"),
    # … or a photographer's name alone after the caption's last sentence: …劳作。王晔 摄
    re.compile(rf".{{0,200}}?[。！]\s*[（(]?{_NAMES}\s*摄[)）]?"),
    # … or a short caption of one sentence that names where the photo is from: 外交部发言人
    # 毛宁。（资料图片）, …（新华社资料图）, …（图片来源：外交部网站）
    re.compile(r"[^。！？!?\n]{1,60}[。！？]?\s*[（(]\s*(?:[\u3400-\u9fff]{0,6}资料(?:图片|照片|图)"
               r"|(?:图片|照片)来源[：:][^()（）]{1,20}|(?:图片|照片)由[^()（）]{1,20}提供)\s*[)）]"),
)
#: a running head or foot of a newspaper page: masthead, date, weekday, section, page
#: (人民日报 2024年3月8日 星期五, 要闻 3, — 3 —, 第3版, A3, RENMIN RIBAO), alone on a line
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
_PAGE = r"(?:第\s*)?[A-Z]?\d{1,3}\s*版|[A-Z]\d{1,2}|[—－\-]{1,2}\s*\d{1,3}\s*[—－\-]{1,2}"
_SECTION = r"要闻|国际|国内|评论|经济|社会|文化|体育|理论|副刊|综合|地方|专版|视点|时政|财经|科技|教育|法治"
_LATIN_MAST = r"[A-Z]{2,}(?:\s+[A-Z]{2,})+"
_HEAD_TOKEN = (rf"(?:{_MASTHEAD}|\d{{4}}\s*[年·.\-/]\s*\d{{1,2}}\s*[月·.\-/]\s*\d{{1,2}}\s*日?"
               rf"|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
               rf"|{_WEEKDAY}|{_PAGE}|{_SECTION}|\d{{1,3}}|{_LATIN_MAST})")
_RUNNING_HEAD = re.compile(rf"{_HEAD_TOKEN}(?:[\s·|｜]*{_HEAD_TOKEN})*")
#: … which names the paper, the weekday or the page (a date alone is no running head)
_RUNNING_MARK = re.compile(
    rf"{_MASTHEAD}|{_WEEKDAY}|{_PAGE}|{_LATIN_MAST}|(?:{_SECTION})\s*\d|\d\s*(?:{_SECTION})")
#: furniture after which a turn does not go on: （完）, 责任编辑：…
_STORY_END = re.compile(r"[（(]\s*完\s*[)）]|(?:本版)?(?:责任编辑|责编|编辑|校对|审核|制图|美编)[：:]")
_SPEAKER_TITLE = re.compile(
    r"(?:发言人|总理|主席|部长|外长|大使|司长|局长|主任|总统|首相|总书记|书记|委员|代表|"
    r"主持人|秘书长|院长|市长|省长|部长助理|副部长|厅长|处长|县长|区长|州长|署长|行长|"
    r"校长|所长|会长|董事长|总经理|总裁|负责人|总工程师|教授|研究员|参赞|领事)$")
_NOT_SPEAKERS = frozenset((
    "首先 其次 再次 最后 总之 比如 例如 但是 因此 所以 同时 另外 此外 注意 问题 原则 目标 "
    "第一 第二 第三 第四 第五 一是 二是 三是 四是 五是 结论 答案 原文 附件 说明 备注 "
    "地址 电话 时间 地点 来源 作者 编者按 导读 摘要 提要 核心提示 延伸阅读 相关阅读 相关新闻 "
    "背景 链接 新闻链接 背景链接 小贴士 记者手记").split())
#: how a greeting opens (各位代表：, 尊敬的各位来宾：), which no label does
_GREETINGS = ("各", "尊敬的", "亲爱的", "敬爱的")
_INNER_PUNCT = frozenset("，、；：,;:")
_PUNCTUATED = re.compile("[，、；：,;:。！？!?…．]")
_ASKS = re.compile("[？?]")
#: a name or a topic and a colon opening a paragraph (钱素云：, 国际人士：): its colon is no
#: sign of a sentence going on
_LEAD_IN = re.compile(r"[^，、；：,;:。！？!?\s]{1,12}[：:]")
#: the most characters of a label a column break may cut off (…日电 凤 / 凰卫视记者：) …
_LABEL_CUT_MAX = 12
#: … and a page jump, which may cut the longest outlet's name whole
#: (中央广播电视总台中国国际电视台 / （下转第五版） / … / 记者：)
_JUMP_LABEL_CUT_MAX = 16
#: the reporter's closing line of a press conference (记者会历时1小时40分钟。, 发布会于11时
#:结束。): narration after the last answer, not the answer's last paragraph
_CLOSING = re.compile(
    r"(?:本次|此次|当天的?|今天的?)?[\u3400-\u9fff]{0,8}?"
    r"(?:记者会|发布会|招待会|吹风会|见面会|通气会|座谈会)\s*"
    r"(?:(?:共|约)?(?:历时|持续|进行了?)\s*(?:约|近|了)?\s*[0-9０-９一二三四五六七八九十两半个多\s]+"
    r"(?:小时|分钟)[0-9０-９一二三四五六七八九十多\s]*(?:分钟|分)?(?:左右)?"
    r"|于(?!明天|明日|后天|下周|下月)[^。！？，]{1,20}?结束|(?:到此)?结束)[。！]")
#: a closing line is one short sentence
_CLOSING_MAX = 40
#: an unpunctuated paragraph longer than this is text, not a headline
_HEADLINE_MAX = 40
#: marks a headline in a speaker's words does without (quotes and titles it may hold)
_HEADLINE_STOPS = frozenset("。！？!?；;，,、：:…")
#: what opens an article or a chapter (第十三条, 第三章) when a space follows it in the
#: file (第十三条　本市…), and an item of a list (（一）, 二、, 3.) after a paragraph that
#: ends in a colon or a semicolon: a paragraph of its own, not the rest of a sentence cut
#: by a column break (…依照本法 / 第六十条处罚, …每年三 / 四月份)
_ARTICLE = ARTICLE_NUMBER
_ITEM = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
                   r"|\d{1,3}(?:、|[.．](?!\d))")
#: the title of a chapter, a section or a part on the line of its number (第一章总则) is at
#: most this long
_CHAPTER_TITLE_MAX = 20
#: a full date opening a paragraph: after another paragraph that opens with one (the
#: dated lines of a law's history, a chronology), an entry of its own
_DATED = re.compile(r"[\d〇零一二三四五六七八九]{4}年[\d〇一二三四五六七八九十]{1,3}月"
                    r"[\d〇一二三四五六七八九十]{1,3}日")


@dataclass(frozen=True)
class Unit:
    """A unit of a document: the thing that is paired and aligned."""

    id: str
    kind: str
    #: the question's label (中国国际电视台记者), a speech's speaker, or None
    label: str | None
    #: the answering speaker of a ``qa`` unit (王毅)
    speaker: str | None
    #: spans of the normalised text, in order
    parts: tuple[tuple[int, int], ...]
    #: for each part, True when it continues the previous part mid-sentence (column break)
    joined: tuple[bool, ...]
    text: str
    start_line: int
    end_line: int

    @cached_property
    def _part_starts(self) -> tuple[int, ...]:
        starts: list[int] = []
        pos = 0
        for (start, end), joined in zip(self.parts, self.joined, strict=True):
            if starts and not joined:
                pos += 1
            starts.append(pos)
            pos += end - start
        return tuple(starts)

    def text_index(self, part: int) -> int:
        """Index in :attr:`text` where part ``part`` starts (``len(parts)``: the end)."""
        return len(self.text) if part == len(self.parts) else self._part_starts[part]

    def norm_index(self, index: int) -> int:
        """Normalised-text index of character ``index`` of :attr:`text`.

        A paragraph separator maps to the end of the paragraph before it; ``len(text)``
        maps to the end of the last part.
        """
        if len(self.parts) == 1:  # (most units: no part starts to look up)
            start, end = self.parts[0]
            return min(start + index, end)
        k = bisect_right(self._part_starts, index) - 1
        start, end = self.parts[k]
        return min(start + index - self._part_starts[k], end)


@dataclass(frozen=True, eq=False)
class Document:
    """A segmented document."""

    normalised: Normalised
    units: tuple[Unit, ...]

    @property
    def path(self) -> str:
        return self.normalised.source.path


@dataclass
class _Piece:
    kind: str  # heading | furniture | question | speaker | text
    parts: list[tuple[int, int]]
    joined: list[bool] = field(default_factory=list)
    label: str | None = None
    full: bool = False  # the piece ends where its column filled up
    block_end: bool = True  # nothing follows it in its block
    blank_before: bool = True  # it opens a block that a blank line precedes
    wide: bool = False  # its lines are set far wider than the column: a title across it
    indented: bool = False  # it opens a block whose first line opens with an indent
    #: other matter a page sets between a jump onwards and the jump back of the text it
    #: interrupts (another story): like page furniture, it ends no turn
    aside: bool = False

    def __post_init__(self) -> None:
        if not self.joined:
            self.joined = [False] * len(self.parts)


def _is_whole_furniture(body: str) -> bool:
    """The whole paragraph is page furniture: a caption, a rule, a byline, a running head."""
    if _WHOLE_FURNITURE.fullmatch(body):
        return True
    last = body[-1:]
    if (last in _CREDIT_ENDS or last.isspace()) \
            and any(pattern.fullmatch(body) for pattern in _CREDIT_FURNITURE):
        return True
    return bool(_RUNNING_HEAD.fullmatch(body) and _RUNNING_MARK.search(body))


#: a caption set inside a paragraph (▲ or 图为 at the start of a line) ends within this
#: many lines
_CAPTION_LINES = 6
#: the marks that end a paragraph's last sentence (not a list item's ；)
_FULL_STOPS = frozenset("。！？!?")
#: a caption's opening words (图为…, 图：…)
_CAPTION_OPENING = re.compile(r"图[为：:]")
#: the roles a desk note may name after its editor's: 版式设计：王芳, 美编：李娜
_DESK_ROLE = r"(?:版式设计|版式|美术编辑|美编|校对|制图|排版|设计|摄影|审核|编辑)[：:]"
#: a line of its own inside a paragraph that is page furniture: a photo's source, a byline
#: in brackets, a desk note with its names (and the other roles it names), an end mark
#: (and a running head, :data:`_RUNNING_HEAD`, or a byline without brackets,
#: :data:`_BARE_BYLINE`)
_LINE_FURNITURE = re.compile("|".join(f"(?:{pattern})" for pattern in (
    *_BRACKETED, rf"{_DESK_NOTE}\s*{_NAMES}(?:\s*{_DESK_ROLE}\s*{_NAMES})*",
    # (and so in brackets: （本版责编：张晓明）, 【责任编辑：赵静】)
    rf"[（(【\[]\s*{_DESK_NOTE}\s*{_NAMES}(?:\s*{_DESK_ROLE}\s*{_NAMES})*\s*[)）】\]]")))
#: what a paragraph holds if any of its lines may be furniture (a quick test first)
_LINE_CUES = re.compile(r"[摄▲△▼▽（(版报—－\-]|图[为：:]|记者|通讯员|实习生|编辑|责编|校对|审核|制图|美编"
                        r"|社发|日\s*[电讯]|星期|周[一二三四五六日天]|[A-Z]\d|[A-Z]{2}")


def _line_spans(norm: Normalised, block: Block) -> list[tuple[int, int]]:
    """The (start, end) in the normalised text of each source line of ``block``."""
    out = []
    for line in range(block.first_line, block.last_line + 1):
        first = norm.line_starts[line - 1]
        after = norm.line_starts[line] if line < len(norm.line_starts) else len(norm.source.text)
        lo = bisect_left(norm.offsets, first, block.start, block.end)
        hi = bisect_left(norm.offsets, after, block.start, block.end)
        if hi > lo:
            out.append((lo, hi))
    return out


def _furniture_lines(norm: Normalised, block: Block) -> list[tuple[int, int]]:
    """The lines of a paragraph of several lines that are page furniture set inside it,
    as (start, end) in the normalised text: a photo credit (新华社记者 李鑫摄, 新华社发
    （刘颖摄）, （新华社发）), a photo's source or a byline in brackets (（图片由受访者提供）), a
    desk note (本版编辑：王芳, 本版编辑 王芳 美编 李强), and a caption
    opening a line with ▲ or 图为, up to the line that ends with its credit, or, with none
    in reach, after a line that closes its paragraph, to the end of its first sentence."""
    text = norm.text
    if block.first_line == block.last_line \
            or not _LINE_CUES.search(text, block.start, block.end):
        return []
    spans = _line_spans(norm, block)
    out = []
    k = 0
    while k < len(spans):
        lo, hi = spans[k]
        dated = _DATED_CAPTION.match(text, lo, hi)
        if dated or _CAPTION_MARK.match(text, lo, hi) or _CAPTION_OPENING.match(text, lo, hi):
            reach = range(k, min(k + _CAPTION_LINES, len(spans)))
            credit = next((n for n in reach if _credited(text[lo:spans[n][1]])
                           or (n > k and _CREDIT_LINE.fullmatch(text, *spans[n]))), None)
            # (one with no credit only after a line that closes its paragraph, up to its
            # first sentence's end: ▲ may be a list's bullet; one opening with the day the
            # photo was taken only with its credit: a paragraph's sentence may so open;
            # one short of the column's end inside a paragraph is that line alone)
            if credit is None and not dated and k and _one_line_caption(norm, lo, hi):
                last: int | None = k
            else:
                last = credit if credit is not None or dated or (
                    k and not _closes(text[spans[k - 1][0]:spans[k - 1][1]])) else next(
                    (n for n in reach if ends_sentence(text[lo:spans[n][1]])), None)
            if last is not None:
                out.append((lo, spans[last][1]))
                k = last + 1
                continue
        if _CREDIT_LINE.fullmatch(text, lo, hi) or _LINE_FURNITURE.fullmatch(text, lo, hi) \
                or (k and _dateline_line(text, lo, hi)) \
                or _AGENCY_LINE.fullmatch(text, lo, hi) \
                or _spaced_desk_note(text[lo:hi], partial(_spaced_before, norm, lo)) \
                or (_RUNNING_HEAD.fullmatch(text, lo, hi)
                    and _RUNNING_MARK.search(text, lo, hi)) \
                or (_BARE_BYLINE.fullmatch(text, lo, hi) and (
                    not norm.fills_line(hi - 1)
                    or any(_set_apart(norm, lo, k) for k in range(1, hi - lo)))):
            # (a byline is set short of the column's end: a line of text that fills it
            # is no byline, whatever its words, unless spaces set its names apart)
            out.append((lo, hi))
        k += 1
    return [span for span in out if span != (block.start, block.end)]


def _dateline_line(text: str, lo: int, hi: int) -> bool:
    """``text[lo:hi]``, a line after the first of a paragraph, is a dated dateline and
    nothing else (新华社北京7月26日电（记者 王磊）): set right under a headline with no
    blank line between, it is furniture, not words of the headline."""
    found = _DATELINE.fullmatch(text, lo, hi)
    return found is not None and _DATED_END.search(found.group()) is not None


#: the date and the dispatch of a dateline (7月26日电, 26日讯)
_DATED_END = re.compile(r"日\s*[电讯]")


#: a line of its own inside a paragraph that is an agency's credit for a photo the page
#: sets there: （新华社发）, 中新社发
_AGENCY_LINE = re.compile(r"[（(]?\s*(?:新华社|中新社)发\s*[)）]?")


def _one_line_caption(norm: Normalised, lo: int, hi: int) -> bool:
    """The line ``lo:hi`` of a paragraph, opening with a caption's mark or words (▲, 图为),
    is a caption of its own with no credit, set where a sentence of the paragraph breaks
    off: one sentence or none, its line a character or more short of the column's end
    (图为记者会现场); or one sentence on a line wider than the column, which no line of
    the paragraph is (图为3月5日，外交部发言人毛宁主持例行记者会。)."""
    line = norm.text[lo:hi]
    number, width = norm.row_width(hi - 1)
    column = norm.column_width(number) or 0
    if column and width > column + 2:
        return ends_sentence(line) and sum(c in SENTENCE_END for c in line) == 1
    return width <= column - 2 and (
        unpunctuated(line) or (ends_sentence(line) and not _PUNCTUATED.search(line[:-1])))


def _closes(line: str) -> bool:
    """``line`` ends with a full stop (closing quotes aside): a paragraph may end there.

    >>> _closes("计划全面实现大型企业智能工厂全覆盖。"), _closes("推动传统产业升级；")
    (True, False)
    """
    return line.rstrip("".join(CLOSERS) + " ")[-1:] in _FULL_STOPS


def _credited(caption: str) -> bool:
    """``caption`` ends with a photo credit or an agency's.

    >>> _credited("▲3月7日，举行记者会。新华社记者 李鑫 摄"), _credited("▲与会代表在会上发言。")
    (True, False)
    """
    return caption[-1:] in _CREDIT_ENDS and any(pattern.fullmatch(caption)
                                                for pattern in _CREDIT_FURNITURE)


def _content_before(text: str, start: int, cuts: Sequence[tuple[int, int]]) -> bool:
    """The block at ``start`` opens with text that is more than page furniture before the
    first of its furniture lines ``cuts``: a paragraph a caption or a credit is set under,
    not a caption (图为… over its credit, ▲… over its second sentence).

    >>> t = "计划实现全覆盖。▲举行记者会。新华社记者李鑫摄"
    >>> _content_before(t, 0, [(8, 23)]), _content_before("图为记者会。" + t[14:], 0, [(6, 15)])
    (True, False)
    """
    first = text[start:min(a for a, _ in cuts)].strip()
    return bool(first) and not _is_whole_furniture(first) and not _CAPTION_OPENING.match(first)


def _spaced_before(norm: Normalised, at: int, k: int) -> bool:
    """The source has white space (or a line break) right before normalised character
    ``at + k``."""
    i = at + k
    return 0 < i < len(norm.text) and norm.offsets[i] - norm.offsets[i - 1] > 1 \
        and norm.source.text[norm.offsets[i] - 1].isspace()


def _set_apart(norm: Normalised, at: int, k: int) -> bool:
    """The source sets a space right before normalised character ``at + k``, on its line
    (a line break is no space set: a hard-wrapped column breaks anywhere)."""
    i = at + k
    return _spaced_before(norm, at, k) and "\n" not in norm.source.text[
        norm.offsets[i - 1]:norm.offsets[i]]


def _undated(body: str, at: int, spaced: Callable[[int], bool] | None) -> int | None:
    """The end of a dateline without a date (:data:`_UNDATED`) opening ``body`` at
    ``at``, with its reporters: one only where they, the end of the block or a space
    (``spaced``: the source had white space before that character of ``body``) follow it
    (新华社北京电 国务院…, 本报北京电（记者 王磊）, 本报北京电：…, 新华社北京电“…”; not
    本报北京电国务院…, 本报快讯！…)."""
    found = _UNDATED.match(body, at)
    if found is None:
        return None
    byline = _BYLINE_AT.match(body, found.end())
    if byline:
        return byline.end()
    stop = found.end()
    if body[stop:stop + 1] in ("：", ":"):
        return stop + 1  # (its colon with it, as a site's credit's: 本报北京电：…)
    return stop if not body[stop:].strip() or body[stop] in _OPENS_AFTER_DATELINE or (
        spaced is not None and spaced(stop)) else None


#: a reporter's role before names set apart without brackets (记者 王磊, 记者/王磊)
_ROLE_AT = re.compile(rf"(?:本报|本台)?(?:{_ROLE}|实习生)\s*([/／|｜]?)\s*")
#: a reporter's name (two to four characters)
_NAME_AT = re.compile(r"[\u3400-\u9fff·]{2,4}")


def _spaced_byline(body: str, at: int, spaced: Callable[[int], bool] | None) -> int | None:
    """The end of reporters named after a dateline without brackets or 报道： (本报讯 记者
    王磊 近日…, 南方日报讯 记者/王磊 通讯员/李娜 …), opening ``body`` at ``at``: after each
    role a space or a slash, and after each name a space in the source (``spaced``: the
    source sets a space on its line before that character of ``body``, not a line
    break), as the names are set apart from the story's first words."""
    if spaced is None:
        return None
    end = None
    role = _ROLE_AT.match(body, at)
    while role is not None and (role.group(1) or spaced(role.end())):
        names = role.end()
        while (name := _NAME_AT.match(body, names)) is not None:
            # (the shortest name that a space ends)
            stop = next((k for k in range(name.start() + 2, name.end() + 1)
                         if k == len(body) or spaced(k)), None)
            if stop is None:
                break
            names = stop
        if names == role.end():
            break
        end = names
        role = _ROLE_AT.match(body, names)
    return end


def _spaced_desk_note(body: str, spaced: Callable[[int], bool] | None) -> bool:
    """``body`` is a desk note set with spaces (:data:`_SPACED_DESK_NOTE`): its roles
    and names set apart in the source (``spaced``: the source had white space before that
    character of ``body``), 本版编辑 王芳 美编 李强, not a headline that opens with a role
    (责任编辑的使命, 责编手记)."""
    found = _SPACED_DESK_NOTE.fullmatch(body)
    return found is not None and spaced is not None and spaced(found.start("name")) \
        and (found.group("more") is None or spaced(found.start("more")))


def _cut_furniture(text: str, start: int, end: int, credits: list[tuple[int, int]] | None = None,
                   spaced: Callable[[int], bool] | None = None,
                   apart: Callable[[int], bool] | None = None,
                   ) -> Iterator[tuple[str, int, int]]:
    """Split one block into furniture and content pieces (kind, start, end); ``credits``
    are lines of it that are page furniture (:func:`_furniture_lines`); ``spaced``: the
    source had white space before the character of the block at that offset; ``apart``:
    a space on its line (:func:`_set_apart`)."""
    body = text[start:end]
    if (_is_whole_furniture(body) or _spaced_desk_note(body, spaced)) \
            and not (credits and _content_before(text, start, credits)):
        yield "furniture", start, end
        return
    # (a dateline or a page jump opening the block, and one right after it: （上接第一版）
    # （记者王磊）新华社记者：…)
    lo = at = 0
    while True:
        head = _DATELINE.match(body, at) or PAGE_JUMP.match(body, at)
        stop = head.end() if head else _undated(body, at, spaced)
        if stop is None and at:
            stop = _spaced_byline(body, at, apart)
        if stop is None or stop <= at:
            break
        yield "furniture", start + at, start + stop
        lo = at = stop
        while at < len(body) and body[at] == " ":
            at += 1
    # page jumps anywhere in the block (a jump set on lines of its own in mid-paragraph),
    # and photo credits set on a line of their own
    cuts = [m.span() for m in PAGE_JUMP.finditer(body, lo)] if "版" in body else []
    if credits:
        cuts = sorted([*cuts, *((a - start, b - start) for a, b in credits if a - start >= lo)])
    for cut_start, cut_end in cuts:
        if cut_start < lo:
            continue
        hi = cut_start
        while hi > lo and body[hi - 1] == " ":
            hi -= 1
        if hi > lo:
            yield "content", start + lo, start + hi
        yield "furniture", start + cut_start, start + cut_end
        lo = cut_end
        while lo < len(body) and body[lo] == " ":
            lo += 1
    hi = len(body)
    while hi > lo and body[hi - 1] == " ":
        hi -= 1
    # (an end mark or a byline run on after the last sentence: …成效。（完）)
    tail = _TRAILING_FURNITURE.search(body, lo, hi) if body[hi - 1:hi] in ")）" else None
    if tail and _is_whole_furniture(tail.group(1)):
        cut = tail.start(1)
        while cut > lo and body[cut - 1] == " ":
            cut -= 1
        yield "content", start + lo, start + cut
        yield "furniture", start + tail.start(1), start + hi
    elif hi > lo:
        yield "content", start + lo, start + hi


#: a bracketed line at the end of a paragraph, after its last sentence, that may be
#: page furniture (…成效。（完）, …。（本报记者 王磊）)
_TRAILING_FURNITURE = re.compile(r"[。！？!?”’」』]\s*([（(][^（()）]{1,24}[)）])$")


def _labelling(found: re.Match[str] | None, body: str) -> re.Match[str] | None:
    """``found``, a label, unless it is one in brackets with nothing after it."""
    if found is not None and "open" in found.re.groupindex and found.group("open") \
            and not body[found.end():].strip():
        return None
    return found


def _kind_of(body: str, question: re.Pattern[str], speaker: re.Pattern[str],
             ) -> tuple[str, str | None, int]:
    """(kind, label, end of the label) of a paragraph: a question's label (…记者：), a
    speaker's (王毅：), or text (label None, end 0). A label in brackets labels the words
    after it: alone, it is a heading's words (【专家解读】). A greeting (各位代表：,
    各单位负责人：, 尊敬的各位来宾：) is no label: it opens a speech or a notice."""
    asked = _labelling(question.match(body), body)
    if asked and asked.group("label") and not asked.group("label").startswith(_GREETINGS):
        return "question", asked.group("label"), asked.end()
    said = _labelling(speaker.match(body), body)
    if said and "open" in said.re.groupindex and said.group("open"):
        # (a rubric in brackets before a speaker's own label, 【现场】王毅：…, is no
        # speaker: the label after it is)
        after = said.end()
        while after < len(body) and body[after] == " ":
            after += 1
        named = speaker.match(body, after)
        if named and not named.group("open"):
            said = named
    label = said.group("label") if said else None
    if said and label and label not in _NOT_SPEAKERS and not label.endswith("记者") \
            and not label.startswith(_GREETINGS):
        return "speaker", label, said.end()
    return "text", None, 0


def _relabel(text: str, pieces: list[_Piece], config: Config) -> list[_Piece]:
    """A label a column break cut (中央广播电视总台央视记 / 者：…) is found again in the
    paragraph the two lines make; reporters a column break cut (（记 / 者王磊）…) are
    page furniture again, and what follows them is read afresh."""
    question = re.compile(config.question_pattern)
    speaker = re.compile(config.speaker_pattern)
    out = []
    for piece in pieces:
        if piece.kind in ("question", "speaker", "text") and len(piece.parts) > 1:
            byline = _BYLINE_AT.match(_piece_text(text, piece))
            if byline and byline.end() > piece.parts[0][1] - piece.parts[0][0]:
                head, piece = _split_piece(piece, byline.end())
                out.append(head)
                if not piece.parts:
                    continue
                piece.kind, piece.label, _ = _kind_of(_piece_text(text, piece), question,
                                                      speaker)
        if piece.kind == "text" and len(piece.parts) > 1:
            kind, label, end = _kind_of(_piece_text(text, piece), question, speaker)
            if end > piece.parts[0][1] - piece.parts[0][0]:
                piece.kind, piece.label = kind, label
        out.append(piece)
    return out


#: the end of a question, after which its answer may run on in the same paragraph
_ASKED_END = re.compile(r"[？?。！!]\s*")


def _answers_run_on(text: str, pieces: list[_Piece], config: Config) -> list[_Piece]:
    """A question whose answer runs on in its paragraph (凤凰卫视记者：…有何评论？华春莹：…,
    as web copies set a turn) is the question and, from the speaker's label, the answer:
    two pieces. The label must be one who answers: a speaker of a paragraph of the
    document, 答, or after a question mark a name with a title (发言人, 部长…); a name
    quoted inside a question (…？他说：…, …。我的问题是：…) is none."""
    question = re.compile(config.question_pattern)
    speaker = re.compile(config.speaker_pattern)
    found: list[tuple[int, int, str, str]] = []  # (piece, offset, label, mark)
    for i, piece in enumerate(pieces):
        if piece.kind != "question":
            continue
        body = _piece_text(text, piece)
        for end in _ASKED_END.finditer(body):
            kind, label, _ = _kind_of(body[end.end():], question, speaker)
            if kind == "speaker" and label and end.end() < len(body):
                found.append((i, end.end(), label, end.group()[0]))
                break
    if not found:
        return pieces
    answerers = {p.label for p in pieces if p.kind == "speaker"} | {"答"}
    split = {i: at for i, at, label, mark in found
             if label in answerers or (mark in "？?" and _SPEAKER_TITLE.search(label))}
    out: list[_Piece] = []
    for i, piece in enumerate(pieces):
        if i not in split:
            out.append(piece)
            continue
        asked, answer = _split_piece(piece, split[i])
        asked.kind, asked.label, asked.full, asked.block_end = "question", piece.label, False, False
        asked.blank_before, asked.indented = piece.blank_before, piece.indented
        answer.kind, answer.label, _ = _kind_of(_piece_text(text, answer), question, speaker)
        answer.blank_before = False
        out += [asked, answer]
    return out


def _cuts_byline(before: str, after: str) -> bool:
    """``before`` ends inside reporters' names that ``after`` completes (（记 / 者王磊）)."""
    found = _BYLINE_AT.match(before + after)
    return found is not None and len(before) < found.end() and not _BYLINE_AT.match(before)


def _split_piece(piece: _Piece, k: int) -> tuple[_Piece, _Piece]:
    """Page furniture of the first ``k`` characters of ``piece``, and a piece of the rest."""
    head: list[tuple[int, int]] = []
    rest: list[tuple[int, int]] = []
    joined: list[bool] = []
    for (start, end), join in zip(piece.parts, piece.joined, strict=True):
        take = min(max(k, 0), end - start)
        if take:
            head.append((start, start + take))
        if start + take < end:
            rest.append((start + take, end))
            joined.append(join and len(rest) > 1)
        k -= end - start
    return (_Piece("furniture", head, [False] + [True] * (len(head) - 1)),
            _Piece("text", rest, joined, full=piece.full, block_end=piece.block_end,
                   blank_before=piece.blank_before))


def _pieces(norm: Normalised, config: Config) -> list[_Piece]:
    question = re.compile(config.question_pattern)
    speaker = re.compile(config.speaker_pattern)
    text = norm.text
    pieces: list[_Piece] = []
    for block in norm.blocks:
        if block.heading:
            # (page furniture is furniture in a heading line too: a dateline opening it)
            pieces += [_Piece("heading" if kind == "content" else kind, [(start, end)])
                       for kind, start, end in _cut_furniture(text, block.start, block.end)]
            continue
        # a bullet (■王毅：…, ●问：…, ◆ 一段话) is typography, as bold is: the paragraph
        # after it is read as any other
        lo = _after_bullet(text, block.start, block.end, pieces)
        caption = _CAPTION_MARK.match(text, lo, block.end)
        if caption:
            # (▲ before a question's label, or the answer's of one who speaks again, is a
            # bullet too: ▲王毅：… after a question is a turn; ▲航拍图：… is a caption)
            labelled, label, _ = _kind_of(text[caption.end():block.end], question, speaker)
            last = _last_content(pieces)
            if labelled == "question" or (labelled == "speaker" and last >= 0
                                          and pieces[last].kind == "question"
                                          and _speaks_again(text, label or "")):
                pieces.append(_Piece("furniture", [(lo, caption.end())]))
                lo = caption.end()
        cut = list(_cut_furniture(text, lo, block.end, _furniture_lines(norm, block),
                                  partial(_spaced_before, norm, lo), partial(_set_apart, norm, lo)))
        # (the whole block, but for a credit or an end mark run on after its last sentence)
        whole = cut[0][:2] == ("content", block.start) \
            and [kind for kind, _, _ in cut] in (["content"], ["content", "furniture"])
        if whole and block.blank_before \
                and _CREDITED.fullmatch(text, block.start, block.end) and (
                    _cuts_sentence(text, pieces)
                    or (block.wide and block.first_line == block.last_line)):
            # a paragraph with an agency's credit standing where a sentence breaks off, or
            # set on one line far wider than the column, is a photo caption, however long
            # (a sentence it cuts goes on after it)
            cut = [("furniture", block.start, block.end)]
        for i, (kind, start, end) in enumerate(cut):
            last = i == len(cut) - 1
            if kind == "furniture":
                pieces.append(_Piece("furniture", [(start, end)]))
                continue
            if start > lo:
                # (a bullet after a dateline or a page jump that opens the block)
                start = _after_bullet(text, start, end, pieces)
            opening = start
            if all(k == "furniture" for k, _, _ in cut[:i]):
                start = _rest_of_cut_dateline(norm, pieces, start, end)
                if start == end:
                    continue
            kind, label, _ = _kind_of(text[start:end], question, speaker)
            pieces.append(_Piece(kind, [(start, end)], label=label,
                                 full=block.full and last, block_end=last,
                                 blank_before=block.blank_before and opening == lo,
                                 wide=block.wide and len(cut) == 1,
                                 indented=block.indented and opening == lo))
    return pieces


def _speaks_again(text: str, label: str) -> bool:
    """``label`` opens a turn more than once in ``text`` (王毅：…): a speaker, not a
    caption's words before a colon (航拍图：…).

    >>> _speaks_again("王毅：好。\\n王毅：再见。", "王毅"), _speaks_again("航拍图：大桥。", "航拍图")
    (True, False)
    """
    return text.count(label + "：") + text.count(label + ":") > 1


def _after_bullet(text: str, start: int, end: int, pieces: list[_Piece]) -> int:
    """Where the paragraph ``text[start:end]`` begins once a bullet opening it is taken off
    as furniture (added to ``pieces``); ``start`` when there is none, or the line is a rule
    of bullets."""
    marker = _MARKER.match(text, start, end)
    if not marker or _SEPARATOR.fullmatch(text, start, end):
        return start
    pieces.append(_Piece("furniture", [(start, marker.end())]))
    return marker.end()


def _last_content(pieces: list[_Piece]) -> int:
    """Index of the last piece that is no page furniture, -1 if none."""
    k = len(pieces) - 1
    while k >= 0 and pieces[k].kind == "furniture":
        k -= 1
    return k


def _cuts_sentence(text: str, pieces: list[_Piece]) -> bool:
    """The last content piece stops mid-sentence, where its column filled up."""
    k = _last_content(pieces)
    if k < 0 or pieces[k].kind not in ("question", "speaker", "text") or not pieces[k].full:
        return False
    return not ends_sentence(_piece_text(text, pieces[k]))


def _rest_of_cut_dateline(norm: Normalised, pieces: list[_Piece], start: int, end: int,
                          ) -> int:
    """Where the content starting at ``start`` begins once the end of a dateline that a
    column break cut in or after its date is taken off (新华社上海12月2日 / 电 日本广播协会
    记者：…, 本报北京3月21 / 日电（记者王磊）…, page furniture between the two passed over):
    the start of the dateline becomes furniture, and so does the end. ``start`` when there
    is no such dateline."""
    text = norm.text
    k = _last_content(pieces)
    if k < 0 or pieces[k].kind != "text" or len(pieces[k].parts) != 1:
        return start
    cut = _piece_text(text, pieces[k])
    whole = (_DATE_CUT.fullmatch(cut) or _SITE_CUT.fullmatch(cut)) \
        and _DATELINE.match(cut + text[start:end])
    if not whole or whole.end() <= len(cut):
        return start
    # the end of a dateline stands apart from what follows (电 日本广播协会记者：,
    # 电（记者王磊）), or the date filled its column: 电视剧…, 消息人士… open a paragraph
    after = start + whole.end() - len(cut)
    while after < end and text[after] == " ":
        after += 1
    apart = after == end or text[after - 1] in ")）：:" or text[after] in "（(" \
        or norm.offsets[after] - norm.offsets[after - 1] > 1  # (a space the file has)
    if not apart and not pieces[k].full:
        return start
    date = pieces[k]
    date.kind = "furniture"
    if k == len(pieces) - 1:
        date.parts.append((start, after))
        date.joined.append(True)
    else:
        pieces.append(_Piece("furniture", [(start, after)]))
    return after


def _length(piece: _Piece) -> int:
    """The number of characters of ``piece``'s text."""
    return sum(end - start for start, end in piece.parts)


def _piece_text(text: str, piece: _Piece) -> str:
    parts = piece.parts
    if len(parts) == 1:
        start, end = parts[0]
        return text[start:end]
    return "".join(text[s:e] for s, e in parts)


def _chapter_heading(line: str) -> bool:
    """``line`` is the heading of a chapter, a section or a part: its number and a short
    title, no punctuation (第一章总则, 第四章 建筑用能系统运行节能).

    >>> _chapter_heading("第一章总则"), _chapter_heading("第一条为了培育和践行社会主义核心价值观")
    (True, False)
    """
    found = _ARTICLE.match(line)
    if found is None or line[found.end() - 1] == "条":
        return False
    title = line[found.end():].strip()
    return len(title) <= _CHAPTER_TITLE_MAX \
        and not any(c in _INNER_PUNCT or ends_sentence(c) for c in title)


def _subtitle(text: str, pieces: Sequence[_Piece], end: int, body: str) -> bool:
    """``body`` is a subtitle set under the title (——探访鲁西南一个大棚村的春天): it opens
    with a dash, has no punctuation, and what stands before it (``pieces[:end]``) is a
    title or two, no sentence; however much of its column it fills, no sentence goes on
    from it."""
    if not SUBTITLE_OPENING.match(body.lstrip()) or not unpunctuated(body):
        return False
    content = 0
    for p in itertools.islice(pieces, end):
        if p.kind == "furniture":
            continue
        content += 1
        if content > _TITLE_LINES or ends_sentence(_piece_text(text, p)):
            return False
    return content > 0


#: the lines of a title a subtitle may stand under
_TITLE_LINES = 2


def _heading_ended(body: str, after: str) -> bool:
    """``body`` is a chapter's heading (:func:`_chapter_heading`) and ``after`` a
    paragraph with clauses, not the rest of its title: a heading that fills its line is
    no sentence cut short."""
    return _chapter_heading(body) and _has_clauses(after)


def _said_again(body: str, after: str) -> bool:
    """``body``, a line of no punctuation, or a list item's number and words that end in
    none, is a subheading that the paragraph ``after`` opens by saying its first words
    again (half of them at least); a column break repeats no words of the sentence it
    cuts.

    >>> [_said_again(*lines) for lines in [
    ...     ("吉林榆树市此前发生洪涝灾害", "吉林榆树市此前发生洪涝灾害的 8 个乡镇"),
    ...     ("习近平强调久久为功", "习近平强调，推进理论的体系化"),
    ...     ("（一）李克强、汪洋、李", "李克强、汪洋、李强、王沪宁出席座谈会。")]]
    [True, True, True]

    A sentence a column break cut goes on, also where it names a country twice, and so
    does a clause, or an article cut after a number that the next line's number opens
    alike:

    >>> [_said_again(*lines) for lines in [
    ...     ("吉林榆树市此前发生", "洪涝灾害的8个乡镇陆续展开清淤排涝，"),
    ...     ("巴基斯坦总理夏巴兹和中国驻", "巴基斯坦大使姜再冬等到机场迎接。"),
    ...     ("坚持党的全面领导，", "坚持党的自我革命"),
    ...     ("第一百二十六条民事诉讼法", "第一百二十三条规定的立案期限")]]
    [False, False, False, False]
    """
    item = _ITEM.match(body)
    words = body[item.end():] if item else body
    key = "".join(words.split())
    opening = "".join(after[:2 * len(key)].split())
    said = next((k for k, (x, y) in enumerate(zip(key, opening, strict=False)) if x != y),
                min(len(key), len(opening)))
    # (words, not a number: 第一百二十六条… over 第一百二十三条… is an article cut short;
    # and half the line at least: a sentence may name a country or a body twice,
    # 巴基斯坦总理夏巴兹和中国驻 / 巴基斯坦大使…)
    return len(_NUMBERING.sub("", key[:said])) >= max(_SAID_AGAIN_MIN, len(key) / 2) \
        and (unpunctuated(body) or (item is not None and len(key) <= _CHAPTER_TITLE_MAX
                                    and not _ITEM_CLAUSE.search(key) and key[-1] != "、"))


#: the marks a list item's subheading holds none of (only 、 between names, not at its end)
_ITEM_CLAUSE = re.compile("[，；。！？,;!?：:…]")
#: the characters of a number (an article's, a chapter's, a date's)
_NUMBERING = re.compile("[第〇零一二三四五六七八九十百千万两0-9０-９章节条款项编年月日]")

#: the fewest of a subheading's first characters that the paragraph under it says again
#: (and half of them)
_SAID_AGAIN_MIN = 4


def _opens_paragraph(norm: Normalised, first: tuple[int, int], before: str) -> bool:
    """True when the piece whose first line is ``first`` (start, end) opens an article, a
    chapter or a list item (:data:`_ARTICLE`, :data:`_ITEM`), or a dated entry after
    another (:data:`_DATED`); ``before`` is the text of the piece before it. An article
    number is set apart from what follows (第一条 为了…), or a chapter's heading is a short
    line of its own (第一章总则)."""
    text = norm.text
    start, stop = first
    article = _ARTICLE.match(text, start)
    if article:
        end = article.end()
        return end == len(text) or norm.offsets[end] - norm.offsets[end - 1] > 1 \
            or _chapter_heading(text[start:stop])
    if _ITEM.match(text, start):
        return before.rstrip()[-1:] in "：；:;" or bool(_ITEM.match(before))
    dated = _DATED.match(text, start)
    if not dated:
        return False
    # (after another dated entry; or, as a dated line set apart from what it dates,
    # 2020年12月23日 最高人民法院…通过, not 2021年1月1日起施行: after a title, no clause in
    # it, or where lines are paragraphs and the line holds no mark at all, a law's
    # issuing note after a long title)
    end = dated.end()
    return bool(_DATED.match(before)) or (
        end < len(text) and norm.offsets[end] - norm.offsets[end - 1] > 1
        and (not _has_clauses(before)
             or (not norm.wrapped and not _PUNCTUATED.search(text, start, stop))))


def _is_turn(piece: _Piece, before: _Piece | None, speakers: Counter[str | None]) -> bool:
    """``piece`` (``before`` it: the piece before) is a question, an answer to one, or the
    turn of a speaker who speaks more than once or by title (发言人)."""
    if piece.kind == "question":
        return True
    return piece.kind == "speaker" and (
        speakers[piece.label] > 1 or bool(_SPEAKER_TITLE.search(piece.label or ""))
        or (before is not None and before.kind == "question"))


def _opens_line(norm: Normalised, index: int) -> bool:
    """Normalised character ``index`` is the first on its source line (spaces aside)."""
    offset = norm.offsets[index]
    line = norm.position(index)[0]
    return not norm.source.text[norm.line_starts[line - 1]:offset].strip()


def _title_place(text: str, pieces: Sequence[_Piece]) -> _Piece | None:
    """The document's first piece of text, where its title may stand; None when a
    dateline comes before it (a story's title stands before its dateline: what follows
    one is no title)."""
    opening = next((k for k, p in enumerate(pieces)
                    if p.kind in ("question", "speaker", "text")), None)
    if opening is None or any(p.kind == "furniture" and _DATELINE.match(_piece_text(text, p))
                              for p in pieces[:opening]):
        return None
    return pieces[opening]


def _join_page_jumps(norm: Normalised, pieces: list[_Piece], config: Config) -> list[_Piece]:
    """Join a sentence that page furniture cuts (…人世间的一切幸 （下转6版） / (上接6版) 福都
    需要…) with its continuation: a question, a turn, a sentence with clauses or one whose
    line fills the column, that does not end before the furniture (and is not the
    document's title or a dated line), and text after it that opens no article or list
    item; or a label the furniture cuts (凤 / 凰卫视记者：). The furniture stays, after
    the joined piece."""
    text = norm.text
    question = re.compile(config.question_pattern)
    speaker = re.compile(config.speaker_pattern)
    # (a headline right before a jump stays whole even after a dateline; a label cut
    # right after one is no title)
    first = next((p for p in pieces if p.kind in ("question", "speaker", "text")), None)
    titled = _title_place(text, pieces)
    speakers = Counter(p.label for p in pieces if p.kind == "speaker")
    _mark_jump_headlines(text, pieces)
    pieces = _split_jump_heads(norm, pieces)
    # (where each page jump stands, and whether it brings the reader back)
    jumps_at = [(n, jumps_from(body)) for n, p in enumerate(pieces) if p.kind == "furniture"
                and is_page_jump(body := _piece_text(text, p))]
    # a sentence cut by a jump onwards (（下转第8版）) with other matter set before the
    # jump back (another story, its headline): it goes on after the jump back. Several
    # stories a page sends on (each cut by its own jump onwards) go on in the order they
    # were cut, one a jump back, as far as jumps back follow
    waiting: list[_Piece] = []
    backs_after = _jumps_after(jumps_at, len(pieces), back=True)
    # (a jump onwards after the last jump back, one that sends the end of the story on
    # to a page the document does not hold, waits for none)
    last_back = max((at for at, back in jumps_at if back), default=-1)
    onwards_after = _jumps_after([(at, back) for at, back in jumps_at if back or at < last_back],
                                 len(pieces), back=False)
    carried: _Piece | None = None  # the last piece that went on after a jump back
    resumes: list[int] = []  # len(out) at each jump back a waiting sentence went on after
    spent: set[int] = set()
    out: list[_Piece] = []
    for n, piece in enumerate(pieces):
        k = len(out)
        while k and out[k - 1].kind == "furniture":
            k -= 1
        if k == len(out):
            out.append(piece)  # (no furniture between: nothing for a page jump to join)
            continue
        prev = out[k - 1] if k else None
        if prev is not None and prev.aside:
            prev = carried  # (the text that went on after the jump back goes on here)
        # (the texts of the furniture between, and the last page jump before the piece:
        # one onwards, or the jump back)
        between = [_piece_text(text, f) for f in out[k:]]
        # (page jumps a waiting sentence was sent on or brought back by already are spent)
        jumps = [f for f, other in zip(between, out[k:], strict=True)
                 if is_page_jump(f) and id(other) not in spent]
        back = bool(jumps) and jumps_from(jumps[-1])
        # (a sentence cut by a jump onwards waits for a jump back still to come, after
        # those that wait already; where the jumps back are fewer than the cuts, the
        # last cuts are the ones that go on)
        if prev is not None and piece.kind != "furniture" and (waiting or not back) \
                and backs_after[n] + back > onwards_after[n] + len(waiting) \
                and any(not jumps_from(f) for f in jumps) \
                and not ends_sentence(_piece_text(text, prev)):
            waiting.append(prev)
            prev = None
            spent.update(id(other) for other in out[k:])
        # (furniture after the jump back, a headline or a caption, is passed over: the
        # sentence goes on with the next text)
        resumed = bool(waiting) and back and piece.kind != "furniture"
        if resumed:
            prev = waiting.pop(0)
            spent.update(id(other) for other in out[k:])
        # (a dateline between opens the story: what stands before it does not go on after
        # it, a headline set on the line before the dateline's)
        if prev is not None and any(_DATELINE.match(f) for f in between):
            prev = None
        if prev is not None and prev.kind in ("question", "speaker", "text"):
            body = _piece_text(text, prev)
            # (a title stands on a line of its own, not after a dateline on its line)
            title = (prev is first and not _has_clauses(body, lead_in=True) and (
                prev is titled or _opens_line(norm, prev.parts[0][0]))
                and not _reads_on(prev, body, _piece_text(text, piece))) \
                or _subtitle(text, out, k - 1, body)
            turn = _is_turn(prev, out[k - 2] if k > 1 else None, speakers)
            # (a label the furniture cut: its first part ends a full line, or, a
            # reporter's label a page jump cuts, wherever it stops): its kind and label
            label_cut: tuple[str, str | None] | None = None
            if piece.kind != "furniture" and prev.kind == "text" and prev is not titled \
                    and len(body) <= _JUMP_LABEL_CUT_MAX:
                kind, label, end = _kind_of(body + _piece_text(text, piece), question, speaker)
                # (a question's whole label after the jump back is cut only where the jump
                # onwards stands on the line the first part ends: 凤凰卫 （下转A4版） / 视记者：)
                jumped = [f for f in out[k:] if is_page_jump(_piece_text(text, f))]
                if end > len(body) and (norm.fills_line(prev.parts[-1][1] - 1) or (
                        kind == "question" and jumped and (piece.kind == "text" or (
                            piece.kind == "question" and norm.position(jumped[0].parts[0][0])[0]
                            == norm.position(prev.parts[-1][1] - 1)[0])))):
                    label_cut = kind, label
            if piece.kind == "text" and turn and body.rstrip()[:-1].strip() == prev.label:
                goes_on = True  # a label on a line of its own, its question after the jump
            elif piece.kind == "text" and label_cut and label_cut[0] == "question":
                goes_on = True
                prev.kind, prev.label = label_cut
            elif piece.kind == "text":
                # (a headline before the furniture stops short of the column's end, or is
                # set across it)
                goes_on = not ends_sentence(body) and not title and not _DATED.match(body) \
                    and not prev.wide \
                    and not _opens_paragraph(norm, piece.parts[0], body) \
                    and not _heading_ended(body, _piece_text(text, piece)) \
                    and (turn or _has_clauses(body, lead_in=True)
                         or norm.fills_line(prev.parts[-1][1] - 1)) \
                    and not (jumps and not back and unpunctuated(_piece_text(text, piece))) \
                    and not (piece.indented and unpunctuated(body))
                # (a line of no punctuation after a jump onwards, none back, is the
                # headline of the next story: the cut sentence goes on on another page;
                # one before furniture, a caption or a byline, an indent opening the
                # paragraph after it, is that paragraph's headline)
            elif piece.kind == "furniture":
                goes_on = False  # (more furniture: the sentence goes on after it, if at all)
            else:
                goes_on = label_cut is not None
                if label_cut:
                    prev.kind, prev.label = label_cut
                elif piece.kind == "speaker" and prev.kind == "text" and not title \
                        and speakers[piece.label] < 2 \
                        and not _SPEAKER_TITLE.search(piece.label or "") \
                        and not ends_sentence(body) and (
                            _ARTICLE.match(body) or norm.fills_line(prev.parts[-1][1] - 1)):
                    # the rest of a sentence that reads like a label (第六条水行政主管部门的主
                    # / 要职责是：), as after a column break
                    goes_on = True
            if goes_on:
                if resumed:
                    # (what the page set between the jump onwards and the jump back, up
                    # to where an earlier story went on after its own jump back)
                    cut_at = next(m for m, other in enumerate(out) if other is prev)
                    stop = next((r for r in resumes if r > cut_at), len(out))
                    for other in out[cut_at + 1:stop]:
                        other.aside = other.kind != "furniture"
                    resumes.append(len(out))
                    carried = prev
                _append(prev, piece)
                continue
        out.append(piece)
    return out


def _asides_between_jumps(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Mark as other matter (:attr:`_Piece.aside`) what a page sets between a jump onwards
    and the jump back that follows it, no other jump between, where a turn's question or
    its answer's first paragraph stands before the jump onwards, something follows the
    jump back, and another story stands between (its headline and its paragraphs; no turn
    of its own): the question is answered after the jump back, the answer goes on there,
    and the other story is in neither. (A sentence the jump cut was joined across by
    :func:`_join_page_jumps` already; paragraphs of plain text are left as they stand: a
    page may set the story's own next paragraphs between its jumps.)"""
    jumps = [(n, jumps_from(body)) for n, p in enumerate(pieces) if p.kind == "furniture"
             and is_page_jump(body := _piece_text(text, p))]
    for (onwards, back_first), (back, is_back) in itertools.pairwise(jumps):
        if back_first or not is_back:
            continue
        before = next((pieces[m] for m in range(onwards - 1, -1, -1)
                       if pieces[m].kind != "furniture"), None)
        between = [p for p in pieces[onwards + 1:back] if p.kind != "furniture"]
        after = next((p for p in pieces[back + 1:] if p.kind != "furniture"), None)
        if before is None or after is None or before.kind not in ("question", "speaker") \
                or any(p.aside or p.kind in ("question", "speaker") for p in between) \
                or not any(unpunctuated(_piece_text(text, p)) for p in between):
            continue
        for p in between:
            p.aside = True
    return pieces


def _jumps_after(jumps_at: Sequence[tuple[int, bool]], count: int, back: bool) -> list[int]:
    """For each piece index up to ``count``, how many jumps back (``back``) or onwards
    stand after it; ``jumps_at`` gives the index of each page jump and whether it brings
    the reader back.

    >>> at = [(1, False), (3, True), (4, True)]
    >>> _jumps_after(at, 5, back=True), _jumps_after(at, 5, back=False)
    ([2, 2, 2, 1, 0], [1, 0, 0, 0, 0])
    """
    marks = {at for at, kind in jumps_at if kind == back}
    out, total = [0] * count, 0
    for n in range(count - 1, -1, -1):
        out[n] = total
        total += n in marks
    return out


#: a title a page repeats after a jump back, cut short where its column filled, keeps at
#: least this many of its characters
_JUMP_HEAD_CUT = 10


def _split_jump_heads(norm: Normalised, pieces: list[_Piece]) -> list[_Piece]:
    """Make page furniture of the headline the page a story goes on on repeats on a line of
    its own right after the jump back, over the rest of the story with no blank line
    between (（上接第1版） / 外交部发言人…答中外记者问 / 的正常交往…): a line (or lines: a
    title set on two) that says again what a title or heading line before it says (or one
    a copy sets at its end, after all its text), or, cut where its column filled, the
    first :data:`_JUMP_HEAD_CUT` characters or more of it; or a paragraph of its own that
    says so, a blank line after it."""
    text = norm.text
    if not any(p.kind == "furniture" and jumps_from(_piece_text(text, p)) for p in pieces):
        return pieces

    def across(start: int, stop: int) -> bool:
        # (a line of no punctuation set far wider than the column, over the rest of the
        # story: the page's title across the columns, though no title before it says so)
        column = norm.column_width(norm.position(start)[0]) if norm.wrapped else None
        head = text[start:stop]
        return column is not None and unpunctuated(head) \
            and line_width(head, norm.measure) >= SET_APART * column

    def title(piece: _Piece) -> str | None:
        if piece.kind == "furniture" or len(piece.parts) != 1:
            return None
        # (a title may read as a speaker's label: 记者会实录：外交部发言人…回答记者提问)
        body = _piece_text(text, piece)
        return body if unpunctuated(body.replace("：", "").replace(":", "")) else None

    # (the titles before the line, and those a copy sets at its end: after all its text,
    # or after the jump onwards that sends the end of the story to another page, over the
    # lede)
    # (each title and the pieces that read it: a piece is no repeat of its own text)
    titles: dict[str, set[int]] = defaultdict(set)
    for n in range(len(pieces) - 1, -1, -1):
        if pieces[n].kind != "furniture":
            if (found := title(pieces[n])) is None:
                break
            titles[found].add(n)
    for n in range(len(pieces) - 1, -1, -1):
        if pieces[n].kind == "furniture" and is_page_jump(body := _piece_text(text, pieces[n])):
            if not jumps_from(body):
                for k in range(n + 1, len(pieces)):
                    if (found := title(pieces[k])) is not None:
                        titles[found].add(k)
            break

    def line_end(index: int, end: int) -> int:
        # (where the source line of character ``index`` ends, before ``end``)
        line = norm.position(index)[0]
        return bisect_left(norm.offsets, norm.line_starts[line], index, end) \
            if line < len(norm.line_starts) else end

    out: list[_Piece] = []
    for n, piece in enumerate(pieces):
        before = out[-1] if out else None
        if before is not None and before.kind == "furniture" \
                and piece.kind in ("text", "speaker", "question") \
                and (titles or norm.wrapped) and jumps_from(_piece_text(text, before)):
            start, end = piece.parts[0]
            # (not the piece's own text: a last paragraph of no punctuation)
            others = {t for t, where in titles.items() if where - {n}}
            if text[start:end] in others and _opens_line(norm, start):
                # (the title the page repeats as a paragraph of its own, a blank line after,
                # which a column break may have joined to the rest of the story)
                if len(piece.parts) == 1:
                    piece.kind = "furniture"
                    out.append(piece)
                else:
                    out += _split_piece(piece, end - start)
                continue
            stop = line_end(start, end)
            # (a title set on two lines or more: as far as the lines read on in one)
            while stop < end and text[start:stop] not in others:
                further = line_end(stop, end)
                if not any(t.startswith(text[start:further]) for t in others):
                    break
                stop = further
            head = text[start:stop]
            if start < stop < end and _opens_line(norm, start) and (head in others or (
                    len(head) >= _JUMP_HEAD_CUT and any(t.startswith(head) for t in others))
                    or across(start, line_end(start, end))):
                out += _split_piece(piece, stop - start)
                continue
        if (found := title(piece)) is not None:
            titles[found].add(n)
        out.append(piece)
    return out


def _captions_over_credits(norm: Normalised, pieces: list[_Piece]) -> list[_Piece]:
    """Make page furniture of a short paragraph set right over a photo's credit, no blank
    line between (3月5日，外交部发言人毛宁主持例行记者会。/ 新华社记者 王晔 摄): the photo's
    caption, as it is with the credit at the end of its line (:func:`_is_whole_furniture`)."""
    text = norm.text
    for piece, credit in itertools.pairwise(pieces):
        if piece.kind == "text" and credit.kind == "furniture" \
                and piece.block_end and len(piece.parts) == 1 \
                and _CREDIT_LINE.fullmatch(found := _piece_text(text, credit)) \
                and norm.position(credit.parts[0][0])[0] \
                == norm.position(piece.parts[0][1] - 1)[0] + 1:
            caption = _piece_text(text, piece)
            if len(caption) <= _CAPTION_CHARS \
                    and sum(c in SENTENCE_END for c in caption) <= _CAPTION_SENTENCES \
                    and _is_whole_furniture(caption + found):
                piece.kind = "furniture"
    return pieces


#: the longest caption set over its photo's credit (:func:`_captions_over_credits`), in
#: characters and in sentences
_CAPTION_CHARS = 120
_CAPTION_SENTENCES = 2


def _mark_jump_headlines(text: str, pieces: Sequence[_Piece]) -> None:
    """Make page furniture of the short unpunctuated lines that stand alone between a
    jump onwards (（下转第2版）) and a jump back (（上接第1版）): the headline the story goes
    on under on the other page, not words of the sentence the jump cut; like a caption,
    it ends no turn. Other furniture may stand between them and the line (the page's
    running head)."""
    def jump_in(run: Iterable[_Piece]) -> str | None:
        # (the first page jump of a run of furniture, the run ending at other matter)
        for p in run:
            if p.kind != "furniture":
                return None
            if is_page_jump(found := _piece_text(text, p)):
                return found
        return None

    for n, piece in enumerate(pieces):
        if piece.kind != "text" or not 0 < n < len(pieces) - 1 \
                or pieces[n - 1].kind != "furniture" or pieces[n + 1].kind != "furniture":
            continue
        body = _piece_text(text, piece)
        onwards = jump_in(pieces[m] for m in range(n - 1, -1, -1))
        back = jump_in(pieces[n + 1:])
        if onwards is not None and back is not None and not jumps_from(onwards) \
                and jumps_from(back) and len(body) <= _HEADLINE_MAX \
                and not ends_sentence(body) and not _has_clauses(body, lead_in=True):
            piece.kind = "furniture"


def _merge_column_breaks(norm: Normalised, pieces: list[_Piece], config: Config,
                         ) -> list[_Piece]:
    """Join a paragraph that a column break cut mid-sentence with its continuation.

    In a hard-wrapped document the break comes where the column filled up; a paragraph
    whose last line is short ended there. Where lines are paragraphs, one that holds
    clause punctuation but stops mid-sentence goes on after the blank line; a line without
    any (a title, a dated preamble: 2009年8月27日…第一次修正) is a paragraph. Either way
    the document's first paragraph, when it holds no punctuation and no dateline comes
    before it, is its title; and
    an article, a chapter, a list item or a dated entry (:func:`_opens_paragraph`) starts
    afresh. What follows a full line of a turn or a paragraph cut mid-sentence goes on
    with it even when it reads like a speaker's label (…依法追 / 究责任：), unless the
    label is a title (主持人) or speaks more than once in the document; an answer after a
    question is an answer."""
    text = norm.text
    question = re.compile(config.question_pattern)
    speaker = re.compile(config.speaker_pattern)
    speakers = Counter(p.label for p in pieces if p.kind == "speaker")
    first = _title_place(text, pieces)
    indents = _indents_open(text, pieces)
    # (where the last jump back stands)
    last_back = max((n for n, p in enumerate(pieces) if p.kind == "furniture"
                     and jumps_from(_piece_text(text, p))), default=-1)
    out: list[_Piece] = []
    for n, piece in enumerate(pieces):
        prev = out[-1] if out else None
        label = piece.label or ""
        cut_label = (piece.kind == "speaker" and prev is not None and prev.full
                     and prev.kind != "question" and speakers[label] < 2
                     and not _SPEAKER_TITLE.search(label))
        # a label a column break cut right after a dateline (…日电 凤 / 凰卫视记者：…): the
        # rest of a line that furniture opens
        # (or an outlet's name that fills a line of its own, cut before its reporter:
        # 中央广播电视总台中国国际电视台 / 记者：…)
        if prev is not None and prev.kind == "text" and prev.full and prev.block_end \
                and piece.blank_before and piece.kind in ("question", "speaker"):
            body = _piece_text(text, prev)
            kind, whole, end = _kind_of(body + _piece_text(text, piece), question, speaker)
            if end > len(body) and kind in ("question", "speaker") and not ends_sentence(body) \
                    and ((not prev.blank_before and len(body.strip()) <= _LABEL_CUT_MAX)
                         or (kind == "question" and piece.kind == "question"
                             and len(body.strip()) <= _JUMP_LABEL_CUT_MAX
                             and unpunctuated(body) and _outlet_cut(piece.label or ""))):
                prev.kind, prev.label = kind, whole
                _append(prev, piece)
                continue
        # reporters a column break cut (（记 / 者王磊）新华社记者：…): whatever follows
        byline = prev is not None and prev.kind == "text" \
            and text[prev.parts[0][0]] in "（(" and _cuts_byline(
                _piece_text(text, prev), _piece_text(text, piece))
        if prev is not None and prev.block_end and not piece.blank_before \
                and piece.kind == "text" and prev.kind in ("question", "speaker") \
                and _piece_text(text, prev).rstrip()[:-1].strip() == prev.label \
                and (prev is first or _is_turn(prev, out[-2] if len(out) > 1 else None,
                                               speakers)) \
                and not _opens_paragraph(norm, piece.parts[0], _piece_text(text, prev)):
            # a turn's label, or the document's title, broken after its colon, and the line
            # right after it are one paragraph (王毅： / 我们…, 国家卓越工程师： / 攻坚克难)
            _append(prev, piece)
            continue
        # (a paragraph an indent opens goes on nothing before it)
        if (prev is not None and prev.block_end and piece.blank_before and not piece.indented
                and (piece.kind == "text" or cut_label or byline)
                and prev.kind in ("question", "speaker", "text")):
            body, after = _piece_text(text, prev), _piece_text(text, piece)
            # (where lines are paragraphs, a headline 钱素云：危重患儿的生命之光 does not
            # go on: a colon after a lead-in that is no question or turn is no clause; nor
            # does a title so, wider than its column, 徐淙祥：多种粮种好粮 带领农户科技种田)
            turn = _is_turn(prev, out[-2] if len(out) > 1 else None, speakers)
            goes_on = _has_clauses(body, lead_in=not turn)
            named = None if turn else NAMED.match(body)
            rest = body[named.end():] if named else body
            title = (prev is first and bool(rest.strip()) and not _has_clauses(rest)
                     and not _reads_on(prev, rest, after)) \
                or _subtitle(text, out, len(out) - 1, body)
            # a label on a line of its own (新华社记者：) is followed by what it says
            bare = turn and piece.kind == "text" \
                and body.rstrip()[:-1].strip() == prev.label
            # a question cut where its column filled, before it asks (问：关于…启示： / …
            # 请问中方对此有何评论？)
            asks = prev.kind == "question" and prev.full and piece.kind == "text" \
                and not _ASKS.search(body) and bool(_ASKS.search(after))
            # (a line of no punctuation at all right after a jump onwards, with the jump
            # back still to come, is the headline of the story the page sets between,
            # however much of the column it fills; an article's number goes on)
            headline = len(out) > 1 and out[-2].kind == "furniture" and n < last_back \
                and is_page_jump(jump := _piece_text(text, out[-2])) and not jumps_from(jump) \
                and unpunctuated(body) and not numbered(body) \
                and _one_line(norm, prev.parts[0][0], prev.parts[-1][1])
            # (where an indent opens each paragraph, one that opened so and stops
            # mid-sentence, a turn or a sentence with clauses, goes on in the lines after
            # the blank line that no indent opens, wherever its last line stopped)
            unopened = prev.indented and indents and (turn or goes_on) \
                and not unpunctuated(after)
            # (a paragraph that opens with a clause's mark goes on the sentence before it,
            # whatever that looked like: a column break fell right before the mark)
            marked = text[piece.parts[0][0]] in _CUT_MARKS
            # (a line of no punctuation with a space between two of its words is a
            # headline, 推动抗疫合作 携手各国共克时艰: a sentence with clauses after it
            # opens a paragraph of its own)
            spaced = prev.kind == "text" and _spaced_headline(norm, prev) \
                and _has_clauses(after)
            if byline or marked or (not _opens_paragraph(norm, piece.parts[0], body)
                          and not _heading_ended(body, after)
                          and not _said_again(body, after)
                          and (bare or asks or (
                    not ends_sentence(body) and not title and not headline and not spaced
                    and not _closed_aside(body)
                    and ((prev.full and not (piece.wide and not prev.wide)) or unopened
                         or (not norm.wrapped and goes_on))))):
                _append(prev, piece)
                continue
        out.append(piece)
    return out


def _closed_aside(body: str) -> bool:
    """``body`` is one aside in brackets, its first bracket closed at its end (an editor's
    note between stories, （本栏目内容据…整理）): whole, however full its line.

    >>> _closed_aside("（本栏目内容据《新闻联播》整理）"), _closed_aside("（记者王磊）新华社记者")
    (True, False)
    """
    body = body.strip()
    if len(body) < 2 or body[0] not in "（(" or body[-1] not in ")）":
        return False
    depth = 0
    for k, char in enumerate(body):
        if char in "（(":
            depth += 1
        elif char in ")）":
            depth -= 1
            if not depth:
                return k == len(body) - 1
    return False


#: the marks a paragraph never opens with: where one does, a column break fell before it
_CUT_MARKS = frozenset("，、；。,;")
#: an indent opens the paragraphs of a document when it opens at least this many of the
#: paragraphs after a blank line and a sentence's end ...
_INDENTS_MIN = 3
#: ... and this share of them
_INDENTS_SHARE = 0.5


def _indents_open(text: str, pieces: Sequence[_Piece]) -> bool:
    """An indent opens the paragraphs of the document whose ``pieces`` these are (those
    after a blank line where the text before ends a sentence: not the rest of one that a
    column break cut)."""
    opening = indented = 0
    before: _Piece | None = None
    for piece in pieces:
        if piece.kind not in ("question", "speaker", "text"):
            continue
        if piece.blank_before and (before is None or ends_sentence(_piece_text(text, before))):
            opening += 1
            indented += piece.indented
        before = piece
    return indented >= max(_INDENTS_MIN, _INDENTS_SHARE * opening)


#: a space between two characters of words, where a headline pauses
_PAUSE = re.compile("[\u3400-\u9fff][ \u3000]+[\u3400-\u9fff]")
#: a line with more such spaces than this is letter-spaced (justified), not paused
_PAUSES_MAX = 2
#: a headline set in a column stops this many characters short of its end or more
_SHORT_OF_COLUMN = 2


def _spaced_headline(norm: Normalised, piece: _Piece) -> bool:
    """``piece`` is one line with no punctuation (:func:`unpunctuated`) that pauses with
    a space between two of its words, once or twice (维护多边主义 推动完善全球治理), and
    opens with no article's or item's number (第八条 省人民政府根据…: the space after
    the number is no pause); in a column, it stops two characters or more short of the
    column's end."""
    start, end = piece.parts[0][0], piece.parts[-1][1]
    body = norm.text[start:end]
    if end <= start or not unpunctuated(body) or numbered(body) \
            or not _one_line(norm, start, end):
        return False
    line = norm.source.text[norm.offsets[start]:norm.offsets[end - 1] + 1]
    if not 0 < len(_PAUSE.findall(line)) <= _PAUSES_MAX:
        return False
    # (in a column, a line that filled it is cut where it filled, pause or not: 2017年9月27日
    # 中华人民 / 共和国国务院…)
    number, width = norm.row_width(end - 1)
    column = norm.column_width(number) if norm.wrapped else None
    return column is None or width <= column - 2 * _SHORT_OF_COLUMN


def _one_line(norm: Normalised, start: int, end: int) -> bool:
    """The normalised text ``start:end`` stands on one source line."""
    return norm.offset_position(norm.offsets[start])[0] \
        == norm.offset_position(norm.offsets[end - 1])[0]


def _append(prev: _Piece, piece: _Piece) -> None:
    """``piece`` goes on ``prev``: one paragraph."""
    prev.parts.extend(piece.parts)
    prev.joined.extend([True, *piece.joined[1:]])
    prev.full = piece.full
    prev.block_end = piece.block_end
    prev.wide = prev.wide and piece.wide


def _has_clauses(body: str, lead_in: bool = False) -> bool:
    """``body`` holds clause punctuation (a sentence, not a title or a dated line); with
    ``lead_in``, after the lead-in (国际人士：) if it opens with one."""
    found = (_LEAD_IN.match(body) if lead_in else None) or _ITEM.match(body)
    return any(c in _INNER_PUNCT for c in body[found.end() if found else 0:])


#: a full stop with words after it on the line: no title holds one (a headline may ask or
#: cry out and go on: 房价还会涨吗？专家这样说)
_SENTENCE_INSIDE = re.compile(r"。[”’」』）)]*[^\s。！？!?”’」』）)]")
#: the characters on each side of a break that :func:`_reads_on` reads
_BREAK_WINDOW = 6


def _reads_on(piece: _Piece, body: str, after: str) -> bool:
    """The document's first paragraph ``body`` (of ``piece``) is no title, whatever
    marks it lacks, and goes on in ``after``: it ends a sentence and goes on before its
    end (（一）放宽市场准入。全面落实), or it filled its column and the break cuts a word
    in two (…负责本行政区域内的城 / 市供水管理工作。).

    >>> p = _Piece("text", [(0, 1)], full=True)
    >>> _reads_on(p, "我们敦促美方立即纠正错误做", "法，停止将经贸问题政治化。")
    True
    >>> _reads_on(p, "王毅就中国外交政策答记者问", "新华社北京3月7日电")
    False
    >>> _reads_on(p, "房价还会涨吗？专家这样说", "记者近日走访了多家售楼处。")
    False
    """
    if _SENTENCE_INSIDE.search(body):
        return True
    if not piece.full or not body or not after:
        return False
    tail, head = body[-_BREAK_WINDOW:], after[:_BREAK_WINDOW]
    return len(tail) not in WordBounds(tail + head)


def dated(line: str) -> bool:
    """``line`` opens with a date (2021年9月24日…): a dated entry, an edition's history.

    >>> dated("2021年9月24日北京市人大常委会通过"), dated("第一条为了规范")
    (True, False)
    """
    return bool(_DATED.match(line))


def is_page_jump(furniture: str) -> bool:
    """Page furniture that sends the reader to another page or brings them back: （下转A03版）,
    (上接6版).

    >>> is_page_jump("（下转A03版）"), is_page_jump("新华社记者 李鑫摄")
    (True, False)
    """
    return bool(PAGE_JUMP.fullmatch(furniture))


def is_page_mark(furniture: str) -> bool:
    """Page furniture that is a copy's own page: a page jump, a running head or foot that
    names its page (人民日报 2024年3月29日 星期五 第4版, — 4 —), a page's number alone.

    >>> is_page_mark("人民日报 2024年3月29日 星期五 第4版"), is_page_mark("人民日报 2024年3月29日")
    (True, False)
    """
    return is_page_jump(furniture) or bool(
        _RUNNING_HEAD.fullmatch(furniture) and _PAGE_NAMED.search(furniture)) \
        or _PAGE_NUMBER.fullmatch(furniture) is not None


#: a page named in a running head, and a page's number alone (:func:`is_page_mark`)
_PAGE_NAMED = re.compile(_PAGE)
_PAGE_NUMBER = re.compile(_PAGE_NUMBER_ALONE)


def numbered(heading: str) -> bool:
    """A heading that numbers a division of the text (第二章, 第三节, 一、…): the text goes
    on under it.

    >>> numbered("第二章 总则"), numbered("王毅就中国外交政策答记者问")
    (True, False)
    """
    return bool(_ARTICLE.match(heading) or _ITEM.match(heading))


def jumps_from(furniture: str) -> bool:
    """A page jump that brings the reader back from another page: （上接第一版）, (接6版),
    （续第二版）, as against one that sends them there (（下转A03版）).

    >>> jumps_from("（上接第一版）"), jumps_from("（下转A03版）")
    (True, False)
    """
    return is_page_jump(furniture) and ("接" in furniture or "续" in furniture)


def ends_story(furniture: str) -> bool:
    """Page furniture that ends a story or opens another: an end mark （完）, a desk note
    (责任编辑：…), a dateline or a byline. (A page jump or a caption does not.)

    >>> ends_story("（完）"), ends_story("新华社北京5月24日电"), ends_story("（下转A03版）")
    (True, True, False)
    """
    return bool(_STORY_END.match(furniture) or _DATELINE.match(furniture))


def _next_content(pieces: list[_Piece], i: int) -> _Piece | None:
    """The first piece after ``pieces[i]`` that is not page furniture."""
    k = _next_index(pieces, i)
    return None if k is None else pieces[k]


def _next_index(pieces: list[_Piece], i: int) -> int | None:
    return next((k for k in range(i + 1, len(pieces))
                 if pieces[k].kind != "furniture" and not pieces[k].aside), None)


def _answer(text: str, pieces: list[_Piece], i: int) -> _Piece | None:
    """The speaker's turn that answers the question ``pieces[i]``, if one follows it (page
    furniture, or a heading a reprint set between them, passed over: a markdown heading
    or a line with no punctuation at all)."""
    k = _next_index(pieces, i)
    if k is not None and (pieces[k].kind == "heading" or (
            pieces[k].kind == "text" and (unpunctuated(_piece_text(text, pieces[k]))
                                          or _rest_of_question(text, pieces[k])))):
        k = _next_index(pieces, k)
    return pieces[k] if k is not None and pieces[k].kind == "speaker" else None


def _asked(text: str, turn: list[_Piece] | None) -> bool:
    """``turn`` so far is a question alone, or with its last sentence set apart (no
    answer yet)."""
    return turn is not None and turn[0].kind == "question" and (
        len(turn) == 1 or (len(turn) == 2 and _rest_of_question(text, turn[1])))


def _rest_of_question(text: str, piece: _Piece) -> bool:
    """``piece`` is a short sentence that asks (有关进展如何？): the end of a question a
    column break set apart from it."""
    body = _piece_text(text, piece)
    return len(body) <= _HEADLINE_MAX and ends_sentence(body) and bool(_ASKS.search(body)) \
        and body.count("。") == 0


def _answered_unlabelled(text: str, pieces: list[_Piece], i: int) -> bool:
    """The question ``pieces[i]`` asks (？) and a paragraph of text follows it (page
    furniture passed over): its answer, set without the speaker's label."""
    k = _next_index(pieces, i)
    return k is not None and pieces[k].kind == "text" \
        and bool(_ASKS.search(_piece_text(text, pieces[i]))) \
        and not unpunctuated(_piece_text(text, pieces[k]))


def _asked_again(text: str, pieces: list[_Piece], i: int) -> bool:
    """The next piece asks the question ``pieces[i]`` asks, word for word: a question
    printed twice, a turn of its own (not words of the answer before it)."""
    k = _next_index(pieces, i)
    return k is not None and pieces[k].kind == "question" \
        and _piece_text(text, pieces[k]).strip() == _piece_text(text, pieces[i]).strip()


def _unlabelled_questions(text: str, pieces: list[_Piece], answerers: set[str | None]) -> None:
    """A paragraph after an answer that asks (ends in ？) and that the same speaker, one
    who answers questions, answers next is a question whose label the copy dropped (法新社
    记者： left out): it opens a turn of its own rather than running on the answer
    before it."""
    if not answerers:  # (no one answers questions here: a story, a law)
        return
    speaking: str | None = None  # (the speaker of the answer going on, if any)
    for i, piece in enumerate(pieces):
        if piece.kind == "furniture" or piece.aside:
            continue
        if piece.kind == "speaker":
            speaking = piece.label
            continue
        if piece.kind != "text" or speaking is None:
            speaking = None if piece.kind != "text" else speaking
            continue
        body = _piece_text(text, piece).rstrip().rstrip("”’」』\"'")
        k = _next_index(pieces, i)
        if body[-1:] in ("？", "?") and k is not None and pieces[k].kind == "speaker" \
                and pieces[k].label == speaking and speaking in answerers \
                and _asks_for_an_answer(body):
            piece.kind = "question"
            speaking = None


#: words a question to a speaker asks with (如何, 是否, 有何评论, …吗？)
_ASKING = re.compile("如何|怎样|怎么|什么|哪些|哪里|哪个|是否|能否|可否|有何|有没有|有无|为何|为什么"
                     "|多少|何时|请问|评论|回应|介绍|看法|[吗呢][？?]$")
#: ... and those of a question that answers itself, which ends an answer (难道…吗？, 不是…吗？)
_RHETORICAL = re.compile("难道|岂|何尝|何必|何况|怎能|怎么能|哪有|不就是|不是[^，,]*吗[？?]$")


def _asks_for_an_answer(body: str) -> bool:
    """The last sentence of ``body`` (which ends in ？) asks for an answer, as a reporter
    asks (中方如何看待…？, …有何评论？), not as a speaker asks and answers at once (这难道
    不是双重标准吗？).

    >>> _asks_for_an_answer("据报道，美方将加征关税。中方对此有何评论？")
    True
    >>> _asks_for_an_answer("我们一贯反对。这难道不是赤裸裸的双重标准吗？")
    False
    """
    last = re.split("[。！!；;]", body.rstrip("？?"))[-1] + body[-1]
    return bool(_ASKING.search(last)) and not _RHETORICAL.search(last)


#: how an outlet's name ends (…电视台, …通讯社, …新闻网, …日报, …卫视)
_OUTLET_ENDS = "台社网报刊视"


def _outlet_cut(label: str) -> bool:
    """``label``, a question's label after a column break that a line an outlet's name
    fills stands before, is that outlet's reporter: 记者 alone, or the name's last
    character before it (中央广播电视总台中国国际电视 / 台记者：; not an outlet of its own,
    央视记者：, after a headline).

    >>> _outlet_cut("台记者"), _outlet_cut("记者"), _outlet_cut("央视记者"), _outlet_cut("新华社记者")
    (True, True, False, False)
    """
    return label == "记者" or (len(label) == 3 and label.endswith("记者")
                               and label[0] in _OUTLET_ENDS)


def _closing(text: str, piece: _Piece) -> bool:
    """``piece`` is the one-sentence line that closes a press conference's transcript
    (its length is looked at first: the paragraphs of every turn come this way)."""
    return _length(piece) <= _CLOSING_MAX \
        and bool(_CLOSING.fullmatch(_piece_text(text, piece).strip()))


def unpunctuated(body: str) -> bool:
    """A short line with no punctuation at all: a headline, if anything."""
    return len(body) <= _HEADLINE_MAX and not _PUNCTUATED.search(body)


def _classify_turns(text: str, pieces: list[_Piece]) -> None:
    """Questions need an answer (a speaker's turn, or text after a question that asks);
    unanswered ones and stray labels become text or headlines."""
    answerers = set()
    for i, piece in enumerate(pieces):
        if piece.kind == "question":
            answer = _answer(text, pieces, i)
            if answer is not None:
                answerers.add(answer.label)
                k = _next_index(pieces, i)
                if k is not None and pieces[k] is not answer \
                        and not _rest_of_question(text, pieces[k]):
                    pieces[k].kind = "heading"  # (the headline it passed over)
            elif not _answered_unlabelled(text, pieces, i) and not _asked_again(text, pieces, i):
                piece.kind, piece.label = "text", None
    _unlabelled_questions(text, pieces, answerers)
    prev: _Piece | None = None
    for piece in pieces:
        if piece.kind == "furniture":
            continue
        if piece.kind == "speaker" and not (prev is not None and prev.kind == "question"):
            label = piece.label or ""
            # (one who answers questions, named with a title the first time:
            # 省应急管理厅副厅长陈建华, later 陈建华)
            if label not in answerers and not _SPEAKER_TITLE.search(label) and not any(
                    label.endswith(name) for name in answerers if name and len(name) >= 2):
                piece.kind, piece.label = "text", None
        prev = piece
    content = [p for p in pieces if p.kind in ("question", "speaker", "text")]
    if len(content) > 1 and content[0].kind == "speaker" and content[1].kind == "text" \
            and _headline_said(_piece_text(text, content[0])):
        # (a headline in a speaker's words, 黄润秋：以更高标准打好蓝天碧水净土保卫战, over
        # the text's first paragraph: no turn, the document's title)
        content[0].kind, content[0].label = "heading", None
        content = content[1:]
    # (a heading a column break cut in two is still a heading; a sentence a page jump
    # cuts off, or one ending in a comma, is not one; a title set across the columns of a
    # hard-wrapped text is one however long)
    jumped = {id(pieces[i - 1]) for i, p in enumerate(pieces)
              if i and p.kind == "furniture" and is_page_jump(_piece_text(text, p))
              and _has_clauses(_piece_text(text, pieces[i - 1]), lead_in=True)}
    short = [p for p, body in ((p, _piece_text(text, p)) for p in content if p.kind == "text"
                               and (p.wide or _length(p) <= _HEADLINE_MAX))
             if id(p) not in jumped and not ends_sentence(body)
             and body.rstrip()[-1:] not in _INNER_PUNCT and "。" not in body]
    # (one line, or lines mostly unpunctuated, some of them one after another: verse, a
    # list; text, not headlines. Short lines each between paragraphs of prose are
    # headlines, however few the paragraphs)
    shorts = {id(p) for p in short}
    in_runs = any(id(p) in shorts and id(q) in shorts for p, q in itertools.pairwise(content))
    if len(content) == 1 or (len(short) > len(content) / 2 and in_runs):
        return
    for piece in short:
        piece.kind = "heading"


def _headline_said(body: str) -> bool:
    """``body``, a speaker's label and words, is short, on one line, and has no mark after
    the label: a headline quoting one who speaks (王毅：中美关系不是零和博弈), not a remark
    (王毅：谢谢大家。, 主持人：下面请提问, which a question follows).

    >>> _headline_said("黄润秋：以更高标准打好蓝天碧水净土保卫战"), _headline_said("王毅：谢谢大家。")
    (True, False)
    """
    _, _, words = body.partition("：") if "：" in body else body.partition(":")
    return bool(words.strip()) and len(body) <= _HEADLINE_MAX and "\n" not in body \
        and _HEADLINE_STOPS.isdisjoint(words)


def segment(norm: Normalised, config: Config | None = None) -> Document:
    """Segment a normalised document into units. A text in traditional characters is
    segmented as its simplified form reads (labels 記者：, furniture 下轉…, 責任編輯…), its
    units keeping their own characters.

    >>> from variantdiff.load import decode
    >>> from variantdiff.normalise import normalise
    >>> doc = segment(normalise(decode("新聞記者：好嗎？\\n\\n王毅：很好。".encode(), "a.txt")))
    >>> [(u.kind, u.label, u.speaker) for u in doc.units]
    [('qa', '新聞記者', '王毅')]
    """
    config = config or Config()
    folded = to_simplified(norm.text)
    if folded == norm.text or len(folded) != len(norm.text):
        return _segment(norm, config)
    doc = _segment(replace(norm, text=folded), config)
    return Document(norm, tuple(_in_own_characters(unit, norm.text) for unit in doc.units))


def _in_own_characters(unit: Unit, text: str) -> Unit:
    """``unit``, found in the simplified form of ``text`` (of one length), with the texts
    of ``text``."""
    chunks: list[str] = []
    for (start, end), join in zip(unit.parts, unit.joined, strict=True):
        if chunks and not join:
            chunks.append("\n")
        chunks.append(text[start:end])
    own = "".join(chunks)

    def restored(label: str | None) -> str | None:
        at = unit.text.find(label) if label else -1
        return own[at:at + len(label)] if label and at >= 0 else label

    # (made anew rather than by ``replace``, several times slower: a unit of each paragraph)
    return Unit(unit.id, unit.kind, restored(unit.label), restored(unit.speaker), unit.parts,
                unit.joined, own, unit.start_line, unit.end_line)


def _segment(norm: Normalised, config: Config) -> Document:
    """The units of ``norm``, as its characters read.

    >>> from variantdiff.load import decode
    >>> from variantdiff.normalise import normalise
    >>> doc = segment(normalise(decode(
    ...     "记者会\\n\\n新华社记者：你好吗？\\n\\n王毅：很好。\\n\\n谢谢。".encode(), "a.txt")))
    >>> [(u.kind, u.label) for u in doc.units]
    [('heading', None), ('qa', '新华社记者')]
    >>> doc.units[1].text
    '新华社记者：你好吗？\\n王毅：很好。\\n谢谢。'
    """
    text = norm.text
    pieces = _captions_over_credits(norm, _pieces(norm, config))
    pieces = _join_page_jumps(norm, _merge_column_breaks(norm, pieces, config), config)
    pieces = _asides_between_jumps(text, pieces)
    pieces = _answers_run_on(text, _relabel(text, pieces, config), config)
    _classify_turns(text, pieces)

    groups: list[tuple[str, list[_Piece], str | None, str | None]] = []
    # the open turn (its index in ``groups``): paragraphs after it are its own; a page
    # jump or a caption does not close it (between a question and its answer, or between
    # two paragraphs of an answer), nor does a heading set between a question and its
    # answer; any other heading, the next turn or the end of a story does
    current: list[_Piece] | None = None
    at = -1
    for i, piece in enumerate(pieces):
        kind = piece.kind
        if piece.aside:
            groups.append((kind if kind in ("heading", "text") else "text", [piece], None, None))
            continue
        if kind in ("heading", "furniture"):
            nxt = _next_content(pieces, i)
            # the turn so far: its question alone, or a speaker's first paragraph
            alone = "question" if _asked(text, current) else \
                current[0].kind if current is not None and len(current) == 1 else None
            answered = alone is not None and nxt is not None and nxt.kind == "speaker"
            # (a sentence of the turn that goes on past it: furniture a page set inside
            # the turn, a desk note before a page jump, the title it repeats after one)
            inside = current is not None and current[-1].parts[-1][0] > piece.parts[0][0]
            if not inside and (
                    (kind == "heading" and not (answered and alone == "question"))
                    or nxt is None or nxt.kind == "question"
                    or (nxt.kind == "speaker" and not answered)
                    or ends_story(_piece_text(text, piece))):
                current = None
            groups.append((kind, [piece], None, None))
        elif kind == "question":
            current, at = [piece], len(groups)
            groups.append(("qa", current, piece.label, None))
        elif kind == "speaker":
            if current is not None and _asked(text, current):
                current.append(piece)
                kind_, parts_, label_, _ = groups[at]
                groups[at] = (kind_, parts_, label_, piece.label)
            else:
                current, at = [piece], len(groups)
                groups.append(("speech", current, piece.label, piece.label))
        elif current is not None and not _closing(text, piece):
            current.append(piece)
        else:
            current = None
            groups.append(("text", [piece], None, None))

    spans = []
    for _, group, _, _ in groups:
        parts: list[tuple[int, int]] = []
        joined: list[bool] = []
        for piece in group:
            parts.extend(piece.parts)
            joined.extend(piece.joined)
        spans.append((parts, joined))
    # the first and last source line of every unit, looked up at once
    ends = [parts[0][0] for parts, _ in spans] + [parts[-1][1] - 1 for parts, _ in spans]
    lines = norm.lines_of(ends)
    units = []
    for n, ((kind, _, label, speaker), (parts, joined)) in enumerate(
            zip(groups, spans, strict=True), 1):
        chunks: list[str] = []
        for (start, end), join in zip(parts, joined, strict=True):
            if chunks and not join:
                chunks.append("\n")
            chunks.append(text[start:end])
        units.append(Unit(f"u{n}", kind, label, speaker, tuple(parts), tuple(joined),
                          "".join(chunks), lines[n - 1], lines[len(groups) + n - 1]))
    return Document(norm, tuple(units))
