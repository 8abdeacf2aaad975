"""Segmentation: the units of every seed, and constructed transcripts (cases/segments.json)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from variantdiff import document_from_text, read_document
from variantdiff.chars import is_space
from variantdiff.load import decode
from variantdiff.normalise import normalise
from variantdiff.segment import Unit

from .gold import seed

ROOT = Path(__file__).parent.parent
CASES = json.loads((Path(__file__).parent / "cases" / "segments.json").read_text("utf-8"))



@pytest.mark.parametrize(("prefix", "count"),
                         [("000", 15), ("001", 4), ("002", 9), ("003", 14), ("004", 11)])
def test_seed_qa_counts(prefix: str, count: int) -> None:
    """Every Q&A of every seed is found, no more."""
    doc = read_document(seed(prefix))
    assert sum(u.kind == "qa" for u in doc.units) == count


def test_seed_003_labels_and_lines() -> None:
    """Labels and line ranges of a hard-wrapped seed, including a label split over a wrap."""
    doc = read_document(seed("003"))
    qa = [(u.label, u.start_line, u.end_line) for u in doc.units if u.kind == "qa"]
    assert qa[:3] == [("《人民日报》记者", 21, 50), ("中国国际电视台记者", 52, 146),
                      ("今日俄罗斯国际通讯社记者", 148, 193)]
    assert qa[-1] == ("中新社记者", 710, 756)  # (the closing line 记者会历时… is its own)
    assert doc.units[0].kind == "furniture"  # the dateline
    assert doc.units[2].kind == "speech" and doc.units[2].label == "王毅"


def test_seed_001_label_split_across_lines() -> None:
    """今日俄罗斯国际通讯社记 / 者： over a line wrap is still one label."""
    doc = read_document(seed("001"))
    labels = [u.label for u in doc.units if u.kind == "qa"]
    assert labels == ["中国国际电视台记者", "新华社记者", "今日俄罗斯国际通讯社记者",
                      "《中国日报》记者"]


def test_no_furniture_or_heading_inside_answers() -> None:
    """Answers never contain page furniture, headings or bylines."""
    for prefix in ("000", "001", "002", "003", "004"):
        doc = read_document(seed(prefix))
        for unit in doc.units:
            if unit.kind == "qa":
                for marker in ("下转", "上接", "摄", "参与记者", "据新华社"):
                    assert marker not in unit.text, (prefix, unit.label, marker)


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:50] for c in CASES])
def test_constructed(case: dict[str, object]) -> None:
    doc = document_from_text(str(case["text"]))
    got = [[u.kind, u.label, u.speaker] for u in doc.units]
    assert got == case["units"], case["why"]


def _covered(text: str) -> None:
    doc = document_from_text(text)
    norm = doc.normalised
    seen: dict[int, str] = {}
    for unit in doc.units:
        for start, end in unit.parts:
            for i in range(start, end):
                assert i not in seen, "a character lies in two units"
                seen[i] = unit.id
    for i, c in enumerate(norm.text):
        if c != "\n" and not is_space(c):
            assert i in seen, f"character {c!r} at {i} is in no unit"


def test_nothing_lost_on_seeds() -> None:
    """Every non-space character of every seed lies in exactly one unit."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        _covered(path.read_text("utf-8"))


_PIECES = st.sampled_from([
    "新华社记者：", "王毅：", "发言人：", "（下转A03版）", "# 标题", "**", "中美关系", "。", "，",
    "\n", "\n\n", "据新华社北京5月24日电", "新华社记者 才扬摄", "一是：", "120 多亿", "？"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join))
def test_nothing_lost_property(text: str) -> None:
    """For generated transcripts too, every character lies in exactly one unit."""
    if text.strip():
        _covered(text)


def column(paragraphs: list[str], width: int = 13) -> str:
    """``paragraphs`` hard-wrapped ``width`` characters to a line, a blank line after
    each; a ``¦`` marks a column break there (a blank line after a full line: the
    paragraph's first line is indented with full-width spaces to make it full)."""
    out = []
    for para in paragraphs:
        cut = para.find("¦")
        body = para.replace("¦", "")
        if cut >= 0:
            body = "\u3000" * ((-cut) % width) + body
            cut += (-cut) % width
        lines = [body[i:i + width] for i in range(0, len(body), width)]
        for i, line in enumerate(lines):
            out.append(line)
            if (i + 1) * width == cut and i < len(lines) - 1:
                out.append("")
        out.append("")
    return "\n".join(out)


def _content(text: str) -> list[Unit]:
    """The units of ``text``, page furniture aside."""
    return [u for u in document_from_text(text).units if u.kind != "furniture"]


def _spans(units: list[Unit]) -> list[tuple[str, int, int]]:
    """Each unit's kind and its first and last line."""
    return [(u.kind, u.start_line, u.end_line) for u in units]


def _texts(text: str) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in document_from_text(text).units]


def test_column_break_before_a_reference_goes_on() -> None:
    """…依照本法 | 第六十条处罚 is a sentence a column break cut, not a new article; an
    article (第三条　…, a space after its number) starts afresh after a full line."""
    law = ["第一条　为了促进城市绿化事业的发展，改善生态环境，制定本条例。",
           "第二条　擅自砍伐城市树木的，由绿化行政主管部门责令停止侵害，依照本法¦第六十条处罚；"
           "情节严重的，依法追究刑事责任。",
           "第三条　本条例自公布之日起施行。"]
    units = _texts(column(law))
    assert [k for k, _ in units] == ["text", "text", "text"]
    assert "依照本法第六十条处罚" in units[1][1]


def test_column_break_before_a_label_like_continuation() -> None:
    """…依法追 | 究责任：（一）… reads like a speaker's label but goes on with its
    sentence; 主持人：, a title, after a full unfinished line is a turn of its own."""
    law = ["第七条　本市各级人民政府应当加强对城市绿化工作的领导，将城市绿化纳入国民经济和社会"
           "发展规划，所需经费列入财政预算。",
           "第八条　有下列情形之一的，由有关部门责令改正；情节严重的，依法追¦究责任：",
           "（一）违反工作要求的；", "（二）拒不整改的。"]
    units = _texts(column(law))
    assert units[1][1].endswith("依法追究责任：") and len(units) == 4
    talk = ["中国国际电视台记者：中美关系日益紧张。您是否担心中美关系进一步恶化？",
            "王毅：中美合作两利，斗则俱伤。我们希望美方同中方相向而行，共同推动中美关系健康稳定发展¦",
            "主持人：下面请路透社记者提问。", "路透社记者：香港国安立法会否影响香港的地位？",
            "王毅：不会。"]
    assert [k for k, _ in _texts(column(talk))] == ["qa", "speech", "qa"]


def test_a_title_that_fills_the_column_stands_alone() -> None:
    """The first paragraph, unpunctuated, is the title even when it fills the column
    exactly (the blank line after it is no column break)."""
    law = ["北京市园林绿化管理实施条例",
           "2024年12月20日某市第十六届人民代表大会常务委员会第十八次会议通过",
           "第一条　为了促进城市绿化事业的发展，改善生态环境，提高市民生活质量，制定本条例。",
           "第二条　本条例适用于本市行政区域内城市规划区的绿化规划、建设、保护和管理。"]
    text = column(law)
    assert text.startswith(law[0] + "\n\n")
    assert [t for _, t in _texts(text)][:2] == [law[0], law[1]]


def test_a_line_ending_mid_clause_goes_on_where_lines_are_paragraphs() -> None:
    """A paragraph to a line, but one wrapped after a comma (a verse of a poem, a line
    broken by hand): the two lines are one paragraph. A lead-in ending in a colon and
    items ending in semicolons stay apart."""
    poem = "香玉，翠凤宝钗垂簏簌，胜金粟，\n越罗春水绿。\n\n画堂照帘残烛，梦余更漏促。\n"
    assert [t for _, t in _texts(poem)] == ["香玉，翠凤宝钗垂簏簌，胜金粟，越罗春水绿。",
                                            "画堂照帘残烛，梦余更漏促。"]
    law = "第八条 有下列情形之一的，责令改正：\n（一）违反工作要求的；\n（二）拒不整改的。\n"
    assert len(_texts(law)) == 3


def test_a_headline_with_a_lead_in_stands_alone_where_lines_are_paragraphs() -> None:
    """Where lines are paragraphs, a headline with a name and a colon (钱素云：危重患儿的
    生命之光) is a paragraph of its own: its colon is no sign of a sentence going on. A
    paragraph that stops mid-clause still goes on after the blank line."""
    story = ("本台今天推出专栏，介绍两位代表的事迹。\n\n钱素云：危重患儿的生命之光\n\n"
             "晚上8时许，钱素云在离开医院前再次来到病床旁看看重症患儿。\n\n"
             "国际人士：美国无视国际规则\n\n国际人士指出，美国为了维持霸权，无视国际规则。\n")
    assert [t for _, t in _texts(story)] == [
        "本台今天推出专栏，介绍两位代表的事迹。", "钱素云：危重患儿的生命之光",
        "晚上8时许，钱素云在离开医院前再次来到病床旁看看重症患儿。",
        "国际人士：美国无视国际规则", "国际人士指出，美国为了维持霸权，无视国际规则。"]
    cut = "王毅：第三，去年6月修例风波以来，“港独”组织和本土激\n\n进分离势力日益猖獗。\n"
    assert [t for _, t in _texts(cut)] == [
        "王毅：第三，去年6月修例风波以来，“港独”组织和本土激进分离势力日益猖獗。"]


def test_headlines_each_before_a_paragraph_are_headings_in_a_short_story() -> None:
    """Two headlines, one over a paragraph and one at the end (the next story's): short
    lines, two of three paragraphs, but none beside another, so they are headlines, as
    they are with the paragraph printed twice; lines one after another (verse, a list)
    stay text."""
    headline = "《城市更新行动方案》发布"
    paragraph = "今天，住房和城乡建设部发布《城市更新行动方案》，提出多项举措。"
    story = f"{headline}\n\n{paragraph}\n\n第二届全国城市更新大会今天开幕\n"
    assert [k for k, _ in _texts(story)] == ["heading", "text", "heading"]
    twice = f"{headline}\n\n{paragraph}\n\n{paragraph}\n\n第二届全国城市更新大会今天开幕\n"
    assert [k for k, _ in _texts(twice)] == ["heading", "text", "text", "heading"]
    listed = f"一是加快改造老旧小区\n\n二是完善城市功能\n\n{paragraph}\n"
    assert [k for k, _ in _texts(listed)] == ["text", "text", "text"]


def test_a_headline_in_a_speakers_words_over_the_lede_is_the_title() -> None:
    """A news headline quoting one who speaks, 黄润秋：以更高标准打好蓝天碧水净土保卫战, on
    the first line over the lede, is the document's title (so it pairs with a markdown
    copy's ``# …``), not a turn; a remark with its marks, or one a question follows, stays
    the speaker's."""
    lede = ("新华社北京3月9日电 十三届全国人大四次会议9日下午举行记者会，"
            "生态环境部部长黄润秋回答中外记者提问。")
    turn = "人民日报记者：指标完成得怎么样？\n\n黄润秋：全面完成了。"
    story = f"生态环境部部长黄润秋：以更高标准打好蓝天碧水净土保卫战\n\n{lede}\n\n{turn}\n"
    units = _texts(story)
    assert units[0] == ("heading", "生态环境部部长黄润秋：以更高标准打好蓝天碧水净土保卫战")
    assert [k for k, _ in units[1:] if k != "furniture"] == ["text", "qa"]
    said = f"生态环境部部长黄润秋：谢谢大家，我先介绍一下情况。\n\n{lede}\n\n{turn}\n"
    assert _texts(said)[0][0] == "speech"
    asked = "主持人：下面请提问\n\n" + turn + "\n"
    assert next(k for k, _ in _texts(asked)) != "heading"


def test_a_title_as_wide_as_the_column_over_a_lede_set_across_it_stands_alone() -> None:
    """After a story's last jump onwards a page sets its title on one line exactly as wide
    as the column (14 characters), a blank line, and the lede across the columns: the
    title and the lede are units of their own, not read into the answer before the jump
    (the title filled its line, but the lede is set at another measure: no column break
    runs a sentence on into it)."""
    answer = ("新华社记者：近年来环境监测数据造假的情况时有发生，对此有何应对措施？\n\n"
              "黄润秋：我们将保持高压态势，对不法企业和第三方机构形成强大震慑。谁破坏了监测数据，"
              "谁就要付出沉重的代价。")
    lines = [answer[k:k + 14] for k in range(0, len(answer), 14)]
    lede = ("十三届全国人大四次会议9日下午在梅地亚中心举行记者会，生态环境部部长黄润秋就“深入打好污染\n"
            "防治攻坚战”的相关问题回答中外记者提问。")
    title = "生态环境部部长黄润秋答记者问"
    assert len(title) == 14
    page = "\n".join(lines) + " （下转A03版）\n\n" + title + "\n\n" + lede + "\n"
    units = [(k, t) for k, t in _texts(page) if k != "furniture"]
    assert units[-2:] == [("heading", title), ("text", lede.replace("\n", ""))]
    assert units[0][1].endswith("谁就要付出沉重的代价。")


def test_a_dateline_set_right_under_the_headline_is_furniture_in_a_wrapped_copy() -> None:
    """A headline and, on the next line with no blank line between, the dateline, over a
    story hard-wrapped at 15: the dateline is furniture and the headline a heading (as
    where a blank line parts them), not one heading holding the dateline."""
    story = ("推动京津冀协同发展是一个重大国家战略，记者在北京、河北调研时发现，两地牢牢牵住疏解北京"
             "非首都功能这个“牛鼻子”不放松，以疏为进，推动京津冀协同高质量发展。")
    body = "\n".join(story[k:k + 15] for k in range(0, len(story), 15))
    dateline = "新华社北京7月26日电（记者 王磊 李娜）"
    for title in ("以疏为进 区域协同高质量发展提质升级", "以疏为进\n区域协同高质量发展提质升级"):
        units = _texts(f"{title}\n{dateline}\n\n{body}\n")
        assert units == [("heading", "以疏为进区域协同高质量发展提质升级"),
                         ("furniture", "新华社北京7月26日电（记者王磊李娜）"), ("text", story)]


def test_a_dated_line_after_a_title_that_fills_its_column_is_a_paragraph() -> None:
    """A hard-wrapped title whose last line fills the column (printed once, or twice), a
    blank line, then the dated line of its adoption (its day in words or digits, a space
    after the date): two units, not the title going on into the date. A date that a sentence goes on with
    (…本办法自 / 2021年1月1日起施行) still goes on."""
    title = "\n".join(["最高人民法院关于修改《最高人民法", "院关于审理买卖合同纠纷案件适用法",
                       "律问题的解释》等八件司法解释的决"])
    dated = "2020年十二月23日 最高人民\n法院审判委员会第1823次会议通\n过"
    sentence = ("根据审判实践需要，经最高人民法院审判委员会决定，"
                "对相关的八件司法解释统一作如下修改。本解释现定自")
    body = "\n".join(sentence[i:i + 16] for i in range(0, len(sentence), 16))
    assert len(sentence) % 16 == 0  # (its last line fills the column)
    law = f"{title}\n\n{dated}\n\n{body}\n\n2021年1月1日起施行。\n"
    texts = [t for _, t in _texts(law)]
    assert texts[0].endswith("八件司法解释的决") and texts[1].startswith("2020年十二月23日")
    # (the title printed twice, once on a line of its own: the set one is no first line)
    texts = [t for _, t in _texts(title.replace("\n", "") + "\n\n" + law)]
    assert texts[1].endswith("八件司法解释的决") and texts[2].startswith("2020年十二月23日")
    assert texts[-1].endswith("本解释现定自2021年1月1日起施行。")


def test_a_line_with_a_full_stop_inside_is_no_headline() -> None:
    """A headline holds no 。: a couplet whose final full stop a transcription dropped is
    text, like the lines around it, and pairs with the same couplet in another copy."""
    poem = ("木落楚色深，風高浪花白。送君飛一葉，鳥逝入空碧。\n"
            "猗歟白華秀，傷心倚門夕。不知雲漲遙，萬里看咫尺。\n"
            "瀟湘入桂水，一路縈水石。煙蘿拂行舟，玉瀨鏘枕席\n"
            "多君林泉趣，耽玩日成癖。長嘯淩清暉，襟情當雪滌。\n"
            "登龍屈指內，飛譽甚籍籍。未折月中枝，甯隨宋都鶂。\n")
    assert [k for k, _ in _texts(poem)] == ["text"] * 5
    headline = "本台今天推出专栏。\n\n钱素云：危重患儿的生命之光\n\n晚上8时许，钱素云来到病床旁。\n"
    assert [k for k, _ in _texts(headline)] == ["text", "heading", "text"]


def test_a_dateline_a_column_break_cuts_after_its_date_is_furniture() -> None:
    """新华社上海 12 月 2 日 / (column break) / 电 日本广播协会记者：… is a dateline and a
    question: the 电 does not open the question."""
    story = ("加快构建城乡融合发展新格局\n\n　　新华社上海 12 月 2 日\n\n电 日本广播协会记者：请问\n"
             "城乡融合发展是中国式现代化\n的必然要求，下一步有何考虑？\n\n发言人：城乡融合发展是中\n"
             "国式现代化的必然要求。\n")
    units = document_from_text(story).units
    assert [(u.kind, u.text) for u in units[1:3]] == [
        ("furniture", "新华社上海12月2日电"),
        ("qa", "日本广播协会记者：请问城乡融合发展是中国式现代化的必然要求，下一步有何考虑？\n"
               "发言人：城乡融合发展是中国式现代化的必然要求。")]
    assert (units[1].start_line, units[1].end_line) == (3, 5)
    jumped = story.replace("2 日\n\n电", "2 日\n（下转A2版）\n\n（上接第一版）\n电")
    assert [(u.kind, u.text) for u in document_from_text(jumped).units[1:6]] == [
        ("furniture", "新华社上海12月2日"), ("furniture", "（下转A2版）"),
        ("furniture", "（上接第一版）"), ("furniture", "电"), ("qa", units[2].text)]
    bare = "这是第一段，写得很完整。\n\n12月2日\n\n电力供应保持稳定，各地运行平稳。\n"
    assert [u.text for u in document_from_text(bare).units][1:] == [
        "12月2日", "电力供应保持稳定，各地运行平稳。"]
    # a word that opens with 电, 讯 or 消息 after a dated line is no end of a dateline
    for dated, paragraph in (("新华社上海12月2日\n", "电视剧《繁花》在上海热播，观众反响热烈。"),
                             ("全国两会3月5日\n\n", "电视直播吸引了大量观众，收视率创新高。"),
                             ("展会将持续至12月2日\n\n", "消息人士透露，参展企业超过两千家。")):
        assert document_from_text(dated + paragraph).units[-1].text == paragraph


def test_a_title_with_a_lead_in_stands_alone_in_a_narrow_column() -> None:
    """A title with a name and a colon (徐淙祥：多种粮种好粮 带领农户科技种田), set on one
    line wider than the column, is the title, not a speaker's turn running on."""
    story = ("徐淙祥：多种粮种好粮 带领农户科技种田\n\n徐淙祥是安徽阜阳市太\n和县现代农业科技示范\n"
             "基地党支部书记。50多年\n来，他扎根农村一线，带\n动广大农户多种粮、种\n好粮。\n\n"
             "2010年，徐淙祥牵头成\n立合作社，带领乡亲脱\n贫致富。\n")
    assert [(k, t[:6]) for k, t in _texts(story)] == [
        ("heading", "徐淙祥：多种"), ("text", "徐淙祥是安徽"), ("text", "2010年，")]


def test_a_bullet_before_a_label_is_typography() -> None:
    """■ or ● set before a question's or a speaker's label (■王毅：…) is no photo caption:
    the turn is a turn, its label without the bullet; ▲ before a caption stays furniture."""
    story = ("■新华社记者：中方如何评价世卫组织作用？\n\n● 王毅：世卫组织在协调全球公共卫生事业"
             "方面发挥着核心作用。\n\n▲ 王毅在记者会上回答提问。\n")
    units = document_from_text(story).units
    assert [(u.kind, u.label, u.text) for u in units] == [
        ("furniture", None, "■"),
        ("qa", "新华社记者", "新华社记者：中方如何评价世卫组织作用？\n"
                            "王毅：世卫组织在协调全球公共卫生事业方面发挥着核心作用。"),
        ("furniture", None, "●"),
        ("furniture", None, "▲王毅在记者会上回答提问。")]


def test_a_triangle_before_a_label_is_a_bullet_and_before_anything_else_a_caption() -> None:
    """▲ before the label of one who answers (▲王毅：…) marks the turn, as ■ does; before
    anything else (▲ 王毅在记者会上回答提问。, ▲航拍图：… after a question) it opens a photo
    caption."""
    story = ("新华社记者：中方如何评价世卫组织作用？\n\n▲王毅：世卫组织在协调全球公共卫生事业方面"
             "发挥着核心作用。\n\n▲ 王毅在记者会上回答提问。\n\n路透社记者：中方如何看待当前形势？\n\n"
             "▲航拍图：雄安新区容东片区。\n\n王毅：我们对未来充满信心。\n")
    assert [(u.kind, u.label, u.text[:6]) for u in document_from_text(story).units] == [
        ("qa", "新华社记者", "新华社记者："), ("furniture", None, "▲"),
        ("furniture", None, "▲王毅在记者"), ("qa", "路透社记者", "路透社记者："),
        ("furniture", None, "▲航拍图：雄")]


def test_a_bullet_after_a_dateline_on_the_line_before_is_typography() -> None:
    """A hard-wrapped column: the dateline on its own line, then ■ before the question's
    label on the next: the bullet is furniture, the label reads without it."""
    story = ("本报北京3月21日电（记者王磊）\n■《环球时报》记者：习近平总\n书记指出，高质量发展是中国\n"
             "式现代化的必然要求。有关进\n展如何？\n\n■林剑：我们将坚定不移地推\n动高质量发展。\n")
    units = document_from_text(story).units
    assert [(u.kind, u.label) for u in units if u.kind != "furniture"] == [("qa", "《环球时报》记者")]
    assert [u.text for u in units if u.kind == "furniture"] == ["本报北京3月21日电（记者王磊）", "■", "■"]


@pytest.mark.parametrize("furniture", ["——下转第二版——", "【下转第3版】", "本版责编：张晓明",
                                       "（图片由受访者提供）", "（资料图片）"])
def test_page_furniture_inside_a_paragraph(furniture: str) -> None:
    """Page jumps, desk notes and photo credits of several styles set where a column
    breaks a sentence are furniture, and the sentence goes on after them."""
    story = (f"在外贸领域，民营企业进出口\n占比超过53%，成为外贸主力\n\n{furniture}\n\n"
             "军。如今，在“新三样”产品\n出口中，民营企业的比重进一\n步提升。\n")
    assert _texts(story) == [
        ("text", "在外贸领域，民营企业进出口占比超过53%，成为外贸主力军。如今，在“新三样”"
                 "产品出口中，民营企业的比重进一步提升。"),
        ("furniture", furniture)]


def test_a_news_sites_credit_opening_a_story_is_a_dateline() -> None:
    """央视网消息（新闻联播）：, 新华网消息： open a story as 新华社…电 does: furniture, so
    that a reprint that drops it differs in nothing."""
    for credit in ("央视网消息（新闻联播）：", "新华网消息： "):
        assert _texts(credit + "各地民营企业加快转型升级，不断增强发展活力。") == [
            ("furniture", credit.rstrip()), ("text", "各地民营企业加快转型升级，不断增强发展活力。")]
    # a paragraph that tells of news is no credit
    told = "有关方面消息：明天起恢复通行。"
    assert _texts(told)[0][1] == told


@pytest.mark.parametrize(("dateline", "after"), [
    ("本报北京电（记者 王磊）", "\n"), ("新华社北京电", "\n"), ("据中新社电", "\n"),
    ("新华社北京电", " "), ("本报北京电：", ""), ("本报北京电（记者 王磊）", "")])
def test_a_dateline_without_a_date_is_furniture(dateline: str, after: str) -> None:
    """本报北京电（记者 王磊） opens a story as a dated dateline does, on its line or before
    the text after a space, its reporters or its colon; run on into the text with nothing
    between (本报北京电国务院…, which is how a space between the two would read once
    normalised, were it not looked for) it is text, as is a paragraph that opens with the
    paper's name and a word in 电 (新华社记者电话采访…, 本报…接到读者来电，)."""
    body = "4月18日下午，商务部举行例行新闻发布会。"
    assert _texts(f"{dateline}{after}{body}\n") == [
        ("furniture", dateline.replace(" ", "")), ("text", body)]
    for text in ("新华社记者电话采访了当地居民。", "本报近日接到读者来电，反映供暖温度不达标的问题。",
                 "本台日前接到观众来电，反映道路积水。", "新华社北京电国务院新闻办公室今天举行发布会。"):
        assert _texts(text) == [("text", text)]


def test_a_follow_up_question_is_a_turn_of_its_own() -> None:
    """追问：… after an answer is a question: the follow-up and its answer are one turn,
    not the end of the turn before and a speech apart."""
    story = ("香港中评社记者：商务部如何评价中国与东盟的经贸合作？\n\n"
             "束珏婷：东盟连续多年保持中国第一大贸易伙伴地位。\n\n追问：3.0版谈判预计何时完成？\n\n束珏婷：双方工作团队正在密集磋商，力争在年内实质性结束谈判。\n")
    units = document_from_text(story).units
    assert [(u.kind, u.label, u.text[:4]) for u in units] == [
        ("qa", "香港中评社记者", "香港中评"), ("qa", "追问", "追问：3")]
    assert units[1].text.endswith("力争在年内实质性结束谈判。")


def test_an_official_named_with_a_title_first_and_a_name_after_is_a_speaker() -> None:
    """省应急管理厅副厅长陈建华：… after the moderator's words, who answers as 陈建华 later,
    is a speaker's turn of its own, not the moderator's words going on; so is a 厅长."""
    story = ("主持人：各位记者朋友，大家下午好！下面，请省应急管理厅副厅长陈建华介绍有关情况。\n\n"
             "省应急管理厅副厅长陈建华：截至今天中午12时，全省已转移危险区域群众28.6万人。\n\n"
             "浙江日报记者：这次台风有什么特点？\n\n陈建华：这次台风具有强度强、移速慢的特点。\n")
    units = document_from_text(story).units
    assert [(u.kind, u.label) for u in units] == [
        ("speech", "主持人"), ("speech", "省应急管理厅副厅长陈建华"), ("qa", "浙江日报记者")]
    titled = story.replace("省应急管理厅副厅长陈建华：", "省应急管理厅厅长：")
    assert [u.label for u in document_from_text(titled).units][1] == "省应急管理厅厅长"


def test_a_greeting_is_no_speakers_label() -> None:
    """各单位负责人： (or 各位代表：, 尊敬的各位来宾：) on its own line opens a notice or a
    speech: text, not a speaker's turn that takes in the paragraphs after it."""
    for greeting in ("各单位负责人：", "各位代表：", "尊敬的各位来宾："):
        story = (f"{greeting}\n\n现将有关事项通知如下，请认真贯彻执行。\n\n"
                 "一、提高认识。各单位要高度重视安全生产工作。\n")
        assert [(u.kind, u.label) for u in document_from_text(story).units] == [
            ("text", None)] * 3


def test_labels_in_brackets_are_labels() -> None:
    """【新华社记者】… / 【束珏婷】… label a question and its answer as 新华社记者：…
    does; a bracket that is not closed, or a web page's 【编者按】, labels nothing."""
    story = ("【新华社记者】今年外贸形势如何？\n\n【束珏婷】一季度进出口总体平稳。\n\n"
             "【路透社记者】外资企业是否在撤离？\n\n【束珏婷】中国市场仍然具有很强的吸引力。\n")
    units = document_from_text(story).units
    assert [(u.kind, u.label, u.speaker) for u in units] == [
        ("qa", "新华社记者", "束珏婷"), ("qa", "路透社记者", "束珏婷")]
    assert [u.kind for u in document_from_text("【编者按】本文作者是一位老记者。\n").units] == [
        "text"]
    assert [u.kind for u in document_from_text("【新华社记者：今年外贸形势如何？\n").units] == [
        "text"]
    # a bracketed tag alone on its line is a heading, even after a question; one before a
    # label leaves the label a label
    tagged = ("新华社记者：今年外贸形势如何？\n\n【专家解读】\n\n束珏婷：一季度进出口总体平稳。\n\n"
              "【独家】路透社记者：外资企业是否在撤离？\n\n束珏婷：中国市场仍然具有很强的吸引力。\n")
    assert [(u.kind, u.label, u.speaker) for u in document_from_text(tagged).units] == [
        ("qa", "新华社记者", "束珏婷"), ("heading", None, None),
        ("qa", "【独家】路透社记者", "束珏婷")]
    # a tag before a speaker's own label is no speaker's name: the label after it is
    rubric = "新华社记者：今年外贸形势如何？\n\n【现场】束珏婷：一季度进出口总体平稳。\n"
    assert [(u.kind, u.label, u.speaker) for u in document_from_text(rubric).units] == [
        ("qa", "新华社记者", "束珏婷")]


def test_a_heading_between_a_question_and_its_answer() -> None:
    """A heading a reprint set between a question and its answer leaves them one turn; a
    heading after an answer still closes it."""
    story = ("韩联社记者：中方认为朝鲜半岛局势应朝何方向发展？\n\n## 坚持稳中求进\n\n"
             "王毅：还是那句话，谈总比不谈好。\n\n## 下一个话题\n\n我们继续讨论。\n")
    assert [(k, t[:6]) for k, t in _texts(story)] == [
        ("qa", "韩联社记者："), ("heading", "坚持稳中求进"), ("heading", "下一个话题"),
        ("text", "我们继续讨论")]
    assert _texts(story)[0][1].endswith("王毅：还是那句话，谈总比不谈好。")


def test_an_interviews_questions_and_answers_with_bullets() -> None:
    """●问：… / ●答：… is an interview's turn: a Q&A unit labelled 问, the bullets
    typography; a bullet before a plain paragraph leaves it a paragraph (here the
    answer's second)."""
    story = ("●问：有评论认为，两国元首通话意义重大。您怎么看？\n\n"
             "●答：双方都高度重视彼此互动，都希望有一个好的开始。\n\n"
             "◆ 两国元首还就共同关心的问题交换了意见。\n")
    units = document_from_text(story).units
    assert [(u.kind, u.label, u.text) for u in units] == [
        ("furniture", None, "●"),
        ("qa", "问", "问：有评论认为，两国元首通话意义重大。您怎么看？\n"
                    "答：双方都高度重视彼此互动，都希望有一个好的开始。\n"
                    "两国元首还就共同关心的问题交换了意见。"),
        ("furniture", None, "●"), ("furniture", None, "◆")]
    assert units[1].speaker == "答"


def test_a_plain_headline_between_a_question_and_its_answer() -> None:
    """Where lines are paragraphs, a line with no punctuation between a question and its
    answer is a headline; the question keeps its answer."""
    story = ("问：我们注意到国际联播快讯的相关报道。中方对此有何回应？\n携手共建美好未来\n"
             "答：俄罗斯国防部13日称，俄军当天击退多次进攻。\n"
             "13日，国会众议院以微弱优势通过了弹劾案。\n")
    assert [(k, t[:8]) for k, t in _texts(story)] == [
        ("qa", "问：我们注意到国"), ("heading", "携手共建美好未来")]


def test_a_bulleted_caption_where_a_column_breaks_a_sentence() -> None:
    """A caption with a bullet (●图：…新华社发（王鹏 摄）) standing where a column breaks
    a sentence is two pieces of furniture; the sentence goes on after them, and the start
    of the caption is not read as the rest of a speaker's label (…先图：)."""
    story = ("　　大科学装置建设稳步推进，一\n批项目陆续开工。\n\n　　国家重大科技基础设施先\n\n"
             "●图：工作人员在检查设备。 新华社发（王鹏 摄）\n\n进阿秒激光设施10日开工建设。计\n"
             "划用5年时间在广东东莞和陕西西\n安两地建设，总投资约30亿元。\n")
    assert _texts(story)[1:] == [
        ("text", "国家重大科技基础设施先进阿秒激光设施10日开工建设。计划用5年时间在广东东莞和"
                 "陕西西安两地建设，总投资约30亿元。"),
        ("furniture", "●"), ("furniture", "图：工作人员在检查设备。新华社发（王鹏摄）")]


def test_a_dateline_in_a_markdown_heading_is_furniture() -> None:
    """A dateline is page furniture in a markdown heading too, alone or before a title."""
    story = "# 央视网消息（新闻联播）：\n\n## 新华社北京3月7日电 两会开幕\n\n正文在这里，写得很完整。\n"
    assert _texts(story) == [
        ("furniture", "央视网消息（新闻联播）："), ("furniture", "新华社北京3月7日电"),
        ("heading", "两会开幕"), ("text", "正文在这里，写得很完整。")]


@pytest.mark.parametrize("brackets", ["（）", "()", "【】", "〔〕", "[]"])
def test_a_dateline_in_brackets_is_furniture_whole(brackets: str) -> None:
    """A dateline set in brackets of any kind is one piece of furniture, its closing
    bracket with it (not a heading of its own, 】)."""
    line = f"{brackets[0]}新华社北京1月27日电{brackets[1]}"
    assert _texts(f"{line}\n\n韩联社记者：您如何看待中韩贸易关系？\n\n汪文斌：中韩贸易持续发展。\n") == [
        ("furniture", line), ("qa", "韩联社记者：您如何看待中韩贸易关系？\n汪文斌：中韩贸易持续发展。")]


def test_a_copy_in_traditional_characters_reads_as_the_simplified_one() -> None:
    """Labels, page jumps and desk notes in traditional characters are read as theirs
    in simplified ones; the units keep the characters of the file."""
    simplified = ("澎湃新闻记者：中方是否担心涉台问题？\n\n王毅：台湾问题是中国的内政，一个中国原则是"
                  "国际社会的普遍共识。\n\n（下转第二版）\n\n责任编辑：张晓明\n")
    traditional = ("澎湃新聞記者：中方是否擔心涉臺問題？\n\n王毅：臺灣問題是中國的內政，一個中國原則是"
                   "國際社會的普遍共識。\n\n（下轉第二版）\n\n責任編輯：張曉明\n")
    units = document_from_text(traditional).units
    assert [(u.kind, u.label, u.speaker) for u in units] == [
        (u.kind, u.label and u.label.replace("新闻记者", "新聞記者"), u.speaker)
        for u in document_from_text(simplified).units]
    assert [u.kind for u in units] == ["qa", "furniture", "furniture"]
    assert units[0].text == traditional.split("\n\n（")[0].replace("\n\n", "\n")


def test_marks_that_are_not_bullets() -> None:
    """▲ marks a photo caption even before a name and a colon (▲航拍图：…); a line of
    bullets or rules is furniture; □ (a character that cannot be read) is no bullet."""
    story = ("国务院常务会议今天召开，研究部署稳就业的政策措施，会议\n\n▲航拍图：雨后的长江大桥。\n\n"
             "指出要加大对中小企业的支持力度。\n\n◆◆◆\n\n■\n\n□□市场监管总局今天发布规定。\n")
    assert _texts(story) == [
        ("text", "国务院常务会议今天召开，研究部署稳就业的政策措施，会议指出要加大对中小企业的支持力度。"),
        ("furniture", "▲航拍图：雨后的长江大桥。"), ("furniture", "◆◆◆"), ("furniture", "■"),
        ("text", "□□市场监管总局今天发布规定。")]


def test_verse_of_two_line_lengths_is_not_a_column() -> None:
    """Quatrains of five- and seven-character lines, each ending in punctuation, are
    lines, not a text wrapped in columns of two widths."""
    verse = ("春眠不觉晓，\n处处闻啼鸟，\n夜来风雨声，\n花落知多少。\n故人西辞黄鹤楼，\n烟花三月下扬州，\n"
             "孤帆远影碧空尽，\n唯见长江天际流。\n床前明月光，\n疑是地上霜，\n")
    assert [u.text[:5] for u in document_from_text(verse).units] == ["春眠不觉晓", "故人西辞黄", "床前明月光"]


def test_the_headline_a_question_passes_over_is_a_heading() -> None:
    """In a text of short lines, where lines are not read as headlines, the line a
    question passes over to its answer is one all the same: the turn is one unit."""
    units = document_from_text("问：你好吗？\n\n小标题\n\n答：很好\n\n短行\n\n短行二\n").units
    assert [(u.kind, u.text) for u in units][:2] == [("qa", "问：你好吗？\n答：很好"),
                                                     ("heading", "小标题")]
    assert units[0].speaker == "答"


@pytest.mark.parametrize(("head", "read"), [
    ("人民日报\n2024年3月8日 星期五", "人民日报2024年3月8日星期五"), ("— 3 —", "—3—"),
    ("第3版", "第3版"), ("要闻 3", "要闻3"), ("RENMIN RIBAO", "RENMIN RIBAO"),
    ("经济日报 2022·01·10 综合", "经济日报2022·01·10综合"), ("（本版图片均为新华社发）", None)])
def test_running_heads_where_a_column_breaks_a_sentence(head: str, read: str | None) -> None:
    """A page's running head or foot (masthead, date and weekday, section, page number)
    set where a column breaks a sentence is furniture; the sentence goes on after it."""
    story = ("党的十八大以来，以习近平同志为\n核心的党中央站在历史和全局的高\n"
             f"度，将推动长江经济带发展上升为\n\n{head}\n\n重大国家战略。十年来，从国家到\n"
             "沿江省市，把修复长江生态环境摆\n在压倒性位置。\n")
    assert _texts(story) == [
        ("text", "党的十八大以来，以习近平同志为核心的党中央站在历史和全局的高度，将推动长江经济带发展"
                 "上升为重大国家战略。十年来，从国家到沿江省市，把修复长江生态环境摆在压倒性位置。"),
        ("furniture", read or head)]


def test_a_date_or_a_word_alone_is_no_running_head() -> None:
    """A date alone, a section's name alone or a number alone is not taken for a running
    head (a dated entry, a one-word heading)."""
    for line in ("2024年3月8日", "经济", "G"):
        assert _texts(f"{line}\n\n第二段文字在这里，写得很完整。\n")[0] != ("furniture", line)


def test_a_question_a_column_break_cuts_before_it_asks() -> None:
    """问：关于…启示： / (column break) / …请问中方对此有何评论？ is one question, answered
    by the 答： after it."""
    story = ("　　问：关于厦门发展战略启示：\n\n把顶层设计中是我国最早设立，请问\n"
             "中方对此有何评论？\n\n　　答：厦门是我国最早设立的四个\n经济特区之一。1985年6月，"
             "习近平\n同志赴厦门履新，任市委常委、常务\n副市长。\n")
    assert [(k, t[-6:]) for k, t in _texts(story)] == [("qa", "委、常务副市长。"[-6:])]


@pytest.mark.parametrize("credit", ["新华社记者 李鑫摄", "新华社发（刘颖摄）", "人民网记者 王晔 摄",
                                    "（本报记者 张伟 摄）", "新华社发（穆斯塔法·阿布·哈桑 摄）"])
def test_a_photo_credit_between_two_lines_of_a_paragraph_is_furniture(credit: str) -> None:
    """A caption's credit set on a line of its own inside a hard-wrapped paragraph, with
    no blank line around it, is page furniture; the paragraph reads on across it."""
    text = ("萨利赫表示，马中关系建立在双\n方共同的历史渊源、主权平等和\n"
            f"{credit}\n相互尊重基础上，也建立在马政\n府坚定奉行一个中国原则的牢固\n基础上。\n")
    units = [(u.kind, u.text) for u in document_from_text(text).units]
    assert units == [("text", "萨利赫表示，马中关系建立在双方共同的历史渊源、主权平等和相互尊重基础上，"
                              "也建立在马政府坚定奉行一个中国原则的牢固基础上。"),
                     ("furniture", credit.replace(" ", ""))]
    # lines of the text that speak of photographers and end in 摄 are no credits
    for prose in ("每年春天，这里的油菜花竞相开放，\n吸引不少摄影爱好者专程前来拍摄\n金黄的花海，"
                  "当地也借此发展起了\n乡村旅游产业。\n",
                  "记者在采访中了解到，今年以来\n新华社记者多次深入一线采访拍摄\n，获得了大量第一"
                  "手的\n素材和资料。\n"):
        assert [u.kind for u in document_from_text(prose).units] == ["text"], prose


def test_an_indented_law_whose_articles_fill_a_line_or_two_reads_article_by_article() -> None:
    """A law set in a narrow column, each article and item opening with an indent and
    running on a line or two: most lines carry the indent and most of those stop
    mid-sentence, yet it is no margin (the other lines lack it): each article and item
    is a paragraph of its own."""
    text = ("　　第九条　纳税人购进货物、劳务、服务、无形资产、不动产，\n"
            "取得的增值税扣税凭证不符合规定的，其进项税额不得抵扣。\n"
            "　　第十条　下列项目进项税额不得从销项税额中抵扣：\n"
            "　　(一)用于简易计税方法计税项目、免征增值税项目、集体福利\n"
            "或者个人消费的购进货物、劳务、服务、无形资产和不动产；\n")
    units = [(u.kind, u.text[:4], u.start_line) for u in document_from_text(text).units]
    assert units == [("text", "第九条纳", 1), ("text", "第十条下", 3), ("text", "(一)用", 4)]


_COLUMN = ("　　落实总书记要求，新的一年，上海立足自身大模\n型研发集聚、算力基础设施领先、高端人才密集，\n"
           "计划全面实现大型企业智能工厂全覆盖。\n")
_NEXT = ("　　因地制宜推动制造业转型升级，塑造发展新优势。\n"
         "湖南依托工程机械、轨道交通等国家先进制造业集群\n优势。\n")


@pytest.mark.parametrize("byline", ["本报记者 刘洋 通讯员 张敏\n\n", "本报评论员\n\n", ""])
def test_a_subtitle_that_fills_its_column_is_no_sentence_cut_short(byline: str) -> None:
    """A subtitle opening with a dash under the title (——探访鲁西南一个大棚村的春天), as
    wide as the narrow column it is set in, is a heading of its own: the lede after the
    blank line (and the byline) does not go on from it; a sentence of the story that
    opens with a dash and a column break cuts still goes on."""
    story = (f"小草莓长出致富路\n\n——探访鲁西南一个大棚村的春天\n\n{byline}早春的清晨，李庄村的大棚里暖\n"
             "意融融。村民李桂芳弯着腰，把一\n颗颗草莓轻轻摘下，放进竹篮里。\n\n"
             "十年前，李庄村还是远近闻名的\n穷村。年轻人纷纷外出打工，村里\n只剩下老人和孩子。\n\n")
    texts = _texts(story)
    assert [kind for kind, _ in texts if kind != "furniture"] == ["heading", "heading", "text",
                                                                  "text"]
    assert texts[1] == ("heading", "——探访鲁西南一个大棚村的春天")
    cut = story + "——这是村民们对新一年最朴素的\n\n期盼。大家都说，日子越过越红火。\n"
    assert _texts(cut)[-1] == ("text", "——这是村民们对新一年最朴素的期盼。大家都说，日子越过越红火。")


def test_title_lines_stacked_with_no_blank_line_are_lines_of_their_own() -> None:
    """A copy that opens paragraphs with an indent and sets no blank lines stacks its title,
    subtitle and byline (its names set apart by spaces, the line nearly as wide as the
    column) and, at its end, the issuer over the date: each line is its own, the byline
    is furniture, and the date in words reads against the date in figures as a numeral."""
    from variantdiff import compare_texts

    story = ("小草莓长出致富路\n——探访鲁西南一个大棚村的春天\n本报记者 刘洋 通讯员 张敏\n"
             "　　早春的清晨，李庄村的大棚里暖\n意融融。村民李桂芳弯着腰，把一颗\n"
             "颗草莓轻轻摘下，放进竹篮里。\n"
             "　　十年前，李庄村还是远近闻名的\n穷村。年轻人纷纷外出打工，村里只\n剩下老人和孩子。\n"
             "　　如今，全村草莓大棚已发展到三\n百多个，年产值超过两千万元。\n"
             "　　村党支部书记说，下一步要延长\n产业链，让更多村民在家门口就业。\n"
             "江州市人民政府办公厅\n{}\n")
    texts = _texts(story.format("二〇二四年三月五日"))
    assert texts[:3] == [("heading", "小草莓长出致富路"), ("heading", "——探访鲁西南一个大棚村的春天"),
                         ("furniture", "本报记者刘洋通讯员张敏")]
    assert [text for _, text in texts[-2:]] == ["江州市人民政府办公厅", "二〇二四年三月五日"]
    # (a title as wide as the column over its date in brackets)
    dated = story.format("2024年3月5日").replace("小草莓长出致富路\n——探访鲁西南一个大棚村的春天\n",
                                                 "在全市科技创新大会上的讲话\n（2024年2月26日）\n")
    assert _texts(dated)[0] == ("heading", "在全市科技创新大会上的讲话")
    plain = story.format("2024年3月5日").replace("\n　　", "\n\n").replace("张敏\n", "张敏\n\n")
    result = compare_texts(plain, story.format("二〇二四年三月五日"))
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("numeral", "2024年3月5", "二〇二四年三月五")]
    assert not result.unpaired


@pytest.mark.parametrize("cut", ["question", "answer"])
def test_another_story_between_a_jump_onwards_and_the_jump_back_stays_out_of_the_turn(
        cut: str) -> None:
    """A page that ends after a question (or after a paragraph of its answer), sets
    another story (its headline, a paragraph) and brings the reader back: the question is
    answered after the jump back, the answer goes on there, and the other story is units
    of its own, in no turn."""
    question = "《环球时报》记者：菲方近日再次派出军舰前往仁爱礁附近海域，中方有何评论？"
    first = "毛宁：仁爱礁是中国南沙群岛的组成部分。"
    second = "我们敦促菲方停止挑衅，不要挑战中方维护主权的决心。"
    other = "春耕春播由南向北有序推进\n\n记者从农业农村部获悉，全国已春播粮食1800多万亩。"
    jump = f"（下转第三版）\n\n{other}\n\n（上接第一版）"
    laid = f"{question}\n\n{jump}\n\n{first}\n\n{second}\n" if cut == "question" \
        else f"{question}\n\n{first}\n\n{jump}\n\n{second}\n"
    opening = "路透社记者：美方宣布了新的制裁措施，中方有何回应？\n\n毛宁：中方坚决反对。\n\n"
    units = document_from_text(opening + laid).units
    turns = [u for u in units if u.kind == "qa"]
    assert [u.label for u in turns] == ["路透社记者", "《环球时报》记者"]
    assert turns[1].text == f"{question}\n{first}\n{second}"
    assert [(u.kind, u.text) for u in units if u.kind in ("heading", "text")] == [
        ("heading", "春耕春播由南向北有序推进"), ("text", "记者从农业农村部获悉，全国已春播粮食1800多万亩。")]


@pytest.mark.parametrize("caption", ["▲3月7日，十四届全国人大二次会议在北京举行记者会。新华社记者 李鑫 摄",
                                     "▲3月7日，十四届全国人大二次会议在北京\n举行记者会。新华社记者 李鑫 摄",
                                     "（图片由受访者提供）", "▲与会代表在会上发言。"])
def test_a_caption_set_under_a_paragraph_with_no_blank_line_is_furniture(caption: str) -> None:
    """A hard-wrapped story whose paragraphs open with an indent, a caption (▲…, up to its
    credit or its full stop) or a photo's source set on the lines right after a
    paragraph's last: the paragraph stays text, the caption is furniture of its own."""
    units = [(u.kind, u.text) for u in document_from_text(_COLUMN + caption + "\n" + _NEXT).units]
    assert units == [("text", "落实总书记要求，新的一年，上海立足自身大模型研发集聚、算力基础设施领先、"
                              "高端人才密集，计划全面实现大型企业智能工厂全覆盖。"),
                     ("furniture", caption.replace(" ", "").replace("\n", "")),
                     ("text", "因地制宜推动制造业转型升级，塑造发展新优势。湖南依托工程机械、轨道交通等"
                              "国家先进制造业集群优势。")]


_NARROW = ("　　落实总书记要求，新的一年，\n上海立足自身大模型研发集聚、算\n力基础设施领先、高端人才密集，\n"
           "计划全面实现大型企业智能工厂全\n覆盖。\n")
_NARROW_NEXT = ("　　因地制宜推动制造业转型升级\n，塑造发展新优势。湖南依托工程\n"
                "机械、轨道交通等国家先进制造业\n集群优势，加快推动产业链升级。\n")


@pytest.mark.parametrize("caption", [
    "\n图为记者会现场。\n\n", "\n图为生态环境部部长黄润秋回答\n记者提问。\n\n",
    "\n▲3月7日，二次会议在京举行。\n这是外交部长王毅回答中外记者的\n提问。\n\n",
    "\n图为3月7日，十四届全国人大二\n次会议在北京举行记者会。\n新华社记者 李鑫 摄\n\n",
    "▲3月7日，十四届全国人大二次\n会议在北京梅地亚中心举行记者会\n，外交部部长王毅就中国外交政策\n"
    "和对外关系回答中外记者提问。新\n华社记者李鑫摄\n"])
def test_a_caption_of_several_lines_is_furniture_whole(caption: str) -> None:
    """A caption of two sentences, or one over its credit on a line of its own, or a
    paragraph of one sentence that opens with 图为 and has no credit, set apart by blank
    lines or right under the paragraph's last line in a narrow column: all of it is
    furniture, none of it text of the paragraphs beside it."""
    units = [(u.kind, u.text) for u in document_from_text(_NARROW + caption + _NARROW_NEXT).units]
    assert units == [("text", "".join(_NARROW.split()).replace("\u3000", "")),
                     ("furniture", "".join(caption.split())),
                     ("text", "".join(_NARROW_NEXT.split()).replace("\u3000", ""))]


def test_a_caption_inside_a_paragraph_ends_at_its_credit_or_its_first_sentence() -> None:
    """A credited caption set inside a sentence is cut out and the sentence read across
    it; one with no credit, after a paragraph's last line, ends with its first sentence,
    and the text after it stays text."""
    credited = ("　　落实总书记要求，新的一年，上海\n▲上海张江科学城一景。新华社记者 李鑫 摄\n"
                "立足自身大模型研发集聚，计划全面实现覆盖。\n")
    assert [(u.kind, u.text) for u in document_from_text(credited).units] == [
        ("text", "落实总书记要求，新的一年，上海立足自身大模型研发集聚，计划全面实现覆盖。"),
        ("furniture", "▲上海张江科学城一景。新华社记者李鑫摄")]
    full = ("　　落实总书记要求，新的一年，\n上海立足自身大模型研发集聚、算\n力基础设施领先、高端人才密集，\n"
            "计划实现大型企业智能工厂全覆盖。\n")  # (its last line fills the column)
    bare = (full + "▲3月7日，十四届全国人大二次会\n议在北京梅地亚中心举行记者会。\n"
            "上海还将加快推进人工智能产业发\n展，打造世界级产业集群，推进。\n")
    assert [(u.kind, u.text[:4]) for u in document_from_text(bare).units] == [
        ("text", "落实总书"), ("furniture", "▲3月7"), ("text", "上海还将")]
    # (one sentence with no credit on a line wider than the column, inside a sentence)
    wide = ("　　落实总书记要求，新的一年，上海\n立足自身大模型研发集聚、算力基础\n"
            "图为3月5日，上海张江科学城的人工智能企业研发中心。\n设施领先，计划全面实现覆盖。\n")
    assert [(u.kind, u.text) for u in document_from_text(wide).units] == [
        ("text", "落实总书记要求，新的一年，上海立足自身大模型研发集聚、算力基础设施领先，"
                 "计划全面实现覆盖。"),
        ("furniture", "图为3月5日，上海张江科学城的人工智能企业研发中心。")]


def test_a_triangle_at_the_start_of_a_line_of_a_list_stays_text() -> None:
    """▲ set as a list's bullet that a wrap puts at a line's start, after an item ending
    in ；, is no caption: the paragraph stays whole."""
    text = ("　　今年的重点工作包括：▲加快建设现\n代化产业体系，推动传统产业升级；\n"
            "▲扩大国内需求，促进消费持续恢复\n；▲深化改革开放，优化营商环境。\n")
    assert [u.kind for u in document_from_text(text).units] == ["text"]


def test_a_question_with_a_credit_under_it_stays_a_question() -> None:
    """A credit set on the line after a question's last, no blank line: the question is
    still asked and answered (one Q&A unit), the credit furniture."""
    text = ("　　南华早报记者：不仅“硬联通”日渐笃实，“\n软联通”也加速完善。请问下一步有何考虑？\n"
            "本报记者 张武军 摄\n　　赵立坚：强化政策、规则、标准、惯例、平台\n等高效联通，鼓励国际"
            "国内各方参与。\n")
    units = [(u.kind, u.label) for u in document_from_text(text).units]
    assert units == [("qa", "南华早报记者"), ("furniture", None)]


def test_a_reporters_label_a_page_jump_cuts_short_of_the_line_is_one_question() -> None:
    """A hard-wrapped column whose question label a page jump cuts where the line has not
    filled (中央广播电视总台央视记 / （下转第二版） / （上接第一版） / 者：…): one turn, the
    label whole, the jumps furniture."""
    text = ("香港中评社记者：金融是“国之\n大者”，关系中国式现代化建设\n全局。您如何看待？\n\n"
            "林剑：习近平总书记高度重视金\n融工作，在福建工作期间，就对\n金融领域一系列重大命题进行了\n"
            "深入思考。\n\n中央广播电视总台央视记\n（下转第二版）\n\n（上接第一版）\n"
            "者：厦门国际银行是全国第一家\n中外合资银行，成立于1985\n年，是时任厦门市委常委、常务\n"
            "副市长的习近平同志推动成立的\n。这释放了什么信号？\n\n林剑：当时，国务院批准厦门经\n"
            "济特区扩大到全岛，面对新一轮\n特区建设，资金短缺是最棘手的\n问题之一。\n")
    units = [(u.kind, u.label) for u in document_from_text(text).units]
    assert units == [("qa", "香港中评社记者"), ("qa", "中央广播电视总台央视记者"),
                     ("furniture", None), ("furniture", None)]


def test_a_question_whose_last_sentence_stands_apart_is_still_answered() -> None:
    """A question whose label a page jump cuts and whose asking sentence a narrow column
    sets on a line of its own (有关进展如何？), then the bulleted answer: one turn, the
    question and its answer, apart from the answer before it."""
    text = ("林剑：习近平同志不断推动金融业\n改革开放，一系列开创性金融改\n革举措为厦门经济特区发展注入澎\n"
            "湃活力。\n\n中国国际电视台记\n（下转第二版）\n\n（上接第一版）\n者：上世纪八九十\n"
            "年代，正是计划经\n济体制向社会主义\n市场经济体制转变\n的关键时期，习近\n平同志敏锐地捕捉\n"
            "到现代金融对经济\n发展的促进作用。\n\n有关进展如何？\n\n■林剑：他在《1985年—2000年厦门\n"
            "经济社会发展战略》中，前瞻性提\n出建立特区金融体系的构想。\n")
    turns = [(u.kind, u.label, u.text.count("林剑：")) for u in document_from_text(text).units
             if u.kind != "furniture"]
    assert turns == [("speech", "林剑", 1), ("qa", "中国国际电视台记者", 1)]


def test_a_headline_before_a_jump_stays_apart_from_a_whole_label_after_it() -> None:
    """A short headline before the jump onwards and a question whose label is whole after
    the jump back: the headline is no part of the label."""
    text = ("林剑：习近平总书记高度重视金\n融工作，在福建工作期间，就对\n金融领域一系列重大命题进行了\n"
            "深入思考。\n\n对外开放\n（下转第二版）\n\n（上接第一版）\n央视记者：厦门国际银行是全国\n"
            "第一家中外合资银行。这释放了\n什么信号？\n\n林剑：当时，国务院批准厦门经\n济特区扩大到全岛。\n")
    units = [(u.kind, u.label, u.text[:4]) for u in document_from_text(text).units]
    assert ("qa", "央视记者", "央视记者") in units
    assert ("heading", None, "对外开放") in units


@pytest.mark.parametrize("head", ["", "人民日报 2024年3月12日 星期二 第2版\n\n",
                                  "人民日报 2024年3月12日 星期二 第2版\n经济日报 第2版\n\n"])
def test_a_headline_between_a_jump_onwards_and_a_jump_back_is_a_heading(head: str) -> None:
    """The story goes on under its headline on the other page: the short line between
    （下转第2版） and （上接第1版） is page furniture, and the cut sentence is joined across;
    so it is under the page's running head."""
    from variantdiff import compare_texts

    plain = "今年以来，我国新能源产业快速发展，新能源汽车、充电桩等新能源产品产量保持较快增长。\n"
    laid = (f"今年以来，我国新\n能源产业快速发展，\n新能源汽车、充\n（下转第2版）\n\n{head}"
            "经济运行整体回升向好\n（上接第1版）\n电桩等新能源产品产\n量保持较快增长。\n")
    result = compare_texts(plain, laid)
    assert not [v for p in result.pairs for v in result.visible(p)]
    assert ("furniture", "经济运行整体回升向好") in [(u.kind, u.text) for _, u in result.unpaired]
    assert all(u.kind == "furniture" for _, u in result.unpaired)


def test_a_jump_headline_inside_an_answer_does_not_end_the_turn() -> None:
    """An answer the page jump cuts, its headline repeated on the next page: the turn
    goes on over the jump, its second paragraph included."""
    from variantdiff import document_from_text

    text = ("市场稳中向好\n\n新华社记者：今年以来\n市场运行情况如何？\n\n王毅：今年以来，各地\n"
            "加快推进市场建设，\n各项指标持续回升\n（下转第二版）\n\n市场稳中向好\n（上接第一版）\n"
            "，市场活力不断增强。\n\n这一年，消费市场加\n快恢复，带动就业超\n过七千万人。\n")
    doc = document_from_text(text, "x.txt")
    turns = [u for u in doc.units if u.kind == "qa"]
    assert len(turns) == 1 and "七千万人" in turns[0].text
    assert [u.kind for u in doc.units if u.text == "市场稳中向好"] == ["heading", "furniture"]


def test_a_title_set_wider_than_the_column_is_a_heading() -> None:
    """A title set over two lines far wider than the hard-wrapped column, then a blank
    line: the lines do not fill the column but stand across it, so the blank line is no
    column break; the title, longer than a headline in the column may be, is a heading."""
    title = "国务院办公厅关于进一步加强城市地下管线建设管理工作\n和推进地下综合管廊建设的指导意见的通知\n\n"
    body = column(["为切实加强城市地下管线建设管理，保障城市安全运行，提高城市综合承载能力，经国务院同意，"
                   "现就有关事项通知如下。", "各地区要高度重视，认真贯彻落实。"])
    assert [(k, t[:6]) for k, t in _texts(title + body)] == [
        ("heading", "国务院办公厅"), ("text", "为切实加强城"), ("text", "各地区要高度")]


@pytest.mark.parametrize("cut", ["本报北京 3 月 21\n\n日电", "本报北京 3 月\n\n21 日电",
                                 "本报北京 3\n\n月 21 日电", "本报北京 3 月 21 日\n\n电"])
def test_a_dateline_a_column_break_cuts_inside_its_date_is_furniture(cut: str) -> None:
    """A column break cuts a dateline anywhere in its date (本报北京 3 月 21 / 日电（记者
    王磊）…): the whole dateline is page furniture, as when it is cut after the date, and
    the story opens after it."""
    story = (f"{cut}（记者王磊） 7 月\n下旬，北京遭遇强降雨天\n气，引发洪涝和地质灾害\n"
             "。危急时刻，武警官兵们\n组成党员突击队，昼夜奋\n战在抢险救灾一线。\n")
    assert _texts(story) == [
        ("furniture", "本报北京3月21日电（记者王磊）"),
        ("text", "7月下旬，北京遭遇强降雨天气，引发洪涝和地质灾害。危急时刻，武警官兵们组成党员突击队，"
                 "昼夜奋战在抢险救灾一线。")]


def test_indented_lines_a_paragraph_to_a_line_are_paragraphs() -> None:
    """Lines of 40 to 55 characters, each opening with an indent (　　), one paragraph to a
    line: each line is a paragraph, not lines of a column wrapped 50 characters wide."""
    lines = ["　　一场跨越山海的对话——总书记给边疆小学师生的回信在当地干部群众中引发热烈反响",
             "　　近日，总书记给边疆一所小学的师生回信，勉励他们好好学习、茁壮成长，做新时代的好少年。",
             "　　师生们表示，一定牢记总书记的嘱托，刻苦学习，锤炼品格，长大后建设好家乡。"]
    assert [t[:6] for _, t in _texts("\n".join(lines) + "\n")] == [
        "一场跨越山海", "近日，总书记", "师生们表示，"]


def _wrapped(paragraphs: list[str], width: int = 13, lead: str = "　　") -> str:
    """``paragraphs`` hard-wrapped ``width`` characters to a line, no blank line between
    them, each first line opening with ``lead`` (two characters narrower)."""
    out = []
    for para in paragraphs:
        lines = [para[:width - 2]] + [para[i:i + width]
                                      for i in range(width - 2, len(para), width)]
        out += [lead + lines[0], *lines[1:]]
    return "\n".join(out) + "\n"


def test_hard_wrapped_paragraphs_with_indented_first_lines() -> None:
    """A column with no blank lines, each paragraph's first line indented: an indented
    line opens a paragraph, even after a paragraph whose last line fills the column, and
    the lines after it go on with it."""
    paragraphs = ["城市绿化工作应当坚持政府主导、社会参与的原则，统筹规划，分步实施推进建设。",
                  "各级人民政府应当将城市绿化纳入国民经济发展计划。",
                  "任何单位和个人都有保护城市绿化的义务，并有权制止和检举损害城市绿化的行为。"]
    assert all(len(para) % 13 == 11 for para in paragraphs[:2])  # (their last lines full)
    assert [t for _, t in _texts(_wrapped(paragraphs))] == paragraphs


def test_a_column_indented_on_every_line_is_joined() -> None:
    """A hard-wrapped column set with a margin (　　 before every line, most of them
    stopping mid-sentence): the margin opens no paragraph."""
    paragraphs = ["城市绿化工作应当坚持政府主导、社会参与的原则，统筹规划，分步实施。",
                  "各级人民政府应当将城市绿化纳入国民经济和社会发展计划，加强领导。"]
    text = "\n\n".join("\n".join("　　" + para[i:i + 13] for i in range(0, len(para), 13))
                       for para in paragraphs) + "\n"
    assert [t for _, t in _texts(text)] == paragraphs
    # (a title of two lines set without the margin above it leaves it a margin, and so do
    # two lines whose margin a reading lost)
    assert [t for _, t in _texts("城市绿化条例\n（2017年修订）\n\n" + text)][1:] == paragraphs
    longer = [p + p[:30] + "。" for p in paragraphs]
    lost = "\n\n".join("\n".join("　　" + para[i:i + 13] for i in range(0, len(para), 13))
                       for para in longer).split("\n")
    lost[2], lost[8] = lost[2].lstrip("　"), lost[8].lstrip("　")
    assert [t for _, t in _texts("\n".join(lost) + "\n")] == longer


def test_spaces_a_wrap_leaves_before_a_number_open_no_paragraph() -> None:
    """A hard-wrapped dateline whose date a wrap cuts, the next line opening with the
    spaces set around a number (5  月 24 / 　日电…): no indent, the dateline is read whole."""
    text = ("# 李强出席全球发展倡议高级别会议\n\n新华社北京 5  月 24\n  日电当地时间 23 日\n\n"
            "、国务院总理李强在纽约联合\n国总部出席由中方主办的全球\n\n发展倡议高级别会议并致辞。\n"
            "联合国秘书长古特雷斯、哈萨\n克斯坦总统托卡耶夫、伊拉克\n总统拉希德、安哥拉总统洛伦\n"
            "索、安提瓜和巴布达总理布朗\n、巴基斯坦总理夏巴兹、尼日\n尔总理泽内等与会。\n")
    units = document_from_text(text).units
    assert (units[1].kind, units[1].text) == ("furniture", "新华社北京5月24日电")


def test_a_headline_on_the_line_before_the_datelines_does_not_go_on_after_it() -> None:
    """A headline with a 、 in it stands on the line right before the line the dateline
    opens: the dateline opens the story, so the headline is a heading of its own and the
    text after the dateline a paragraph (not the headline's continuation)."""
    text = ("赵乐际分别会见哈萨克斯坦总统托卡耶夫、柬埔寨国王顾问团主席洪森\n"
            "央视网消息（新闻联播）：全国人大常委会委员长赵乐际28日下午在海南博鳌分别会见"
            "哈萨克斯坦总统托卡耶夫、柬埔寨国王顾问团主席洪森。\n\n"
            "在会见托卡耶夫时，赵乐际表示，中哈关系已经开启新的“金色三十年”。\n")
    units = document_from_text(text).units
    assert [u.kind for u in units] == ["heading", "furniture", "text", "text"]
    assert units[2].text.startswith("全国人大常委会委员长")


def test_the_closing_line_of_a_press_conference_is_not_the_last_answer() -> None:
    """The reporter's line that closes a transcript (发布会历时…, …于11时结束) is narration
    of its own: a copy that lacks it, or the turns before it, then places them right. A
    last paragraph of the answer that speaks of the conference stays in the answer."""
    text = ("新华社记者：今年的工作重点是什么？\n\n李明：我们将继续推进改革。\n\n"
            "谢谢大家。\n\n新闻发布会历时 1 小时 15 分钟。\n")
    units = document_from_text(text).units
    assert [(u.kind, u.start_line, u.end_line) for u in units] == [("qa", 1, 5), ("text", 7, 7)]
    for closing in ("吹风会于11时30分结束。", "记者会历时约１小时４０分钟。"):
        ended = document_from_text(text.replace("新闻发布会历时 1 小时 15 分钟。", closing))
        assert [u.kind for u in ended.units] == ["qa", "text"], closing
    for answer in ("这次发布会历时很长，我们说了很多。我们还会再来。",
                   "记者会上大家提了很多好问题，我们都会认真研究，回去以后逐一落实。",
                   "发布会结束后，中方将同美方就有关问题继续保持沟通。", "座谈会前后要进行多次讨论。",
                   "新闻发布会于明天上午结束。", "本次记者会约请了五十位记者。"):
        kept = document_from_text(text.replace("新闻发布会历时 1 小时 15 分钟。", answer))
        assert [u.kind for u in kept.units] == ["qa"], answer


_PAST_ANOTHER_STORY = [
    # (the other story's headline fills its column)
    ("如何跨越实验室到市场的阻碍，提\n高科技成果转化率？记者在上海调\n研时发现，这里在前期消除制度政\n"
     "（下转第8版）\n\n推动高质量发展取得新成效\n\n用心用情保障受灾群众基本生活，\n"
     "确保受灾群众温暖过冬。在定日县\n古荣村，军地昼夜共同协作，加快\n搭建更加暖和且便于居住的活动板\n"
     "房，当地废墟拆除清理和物资搜寻\n工作也在同步展开。\n\n（上接第1版）\n"
     "策限制的基础上，正通过改革进一\n步为科研人员松绑，加快科技成果\n市场化，助推新质生产力走出实验\n室。\n",
     [("text", 1, 19), ("furniture", 4, 4), ("heading", 6, 6), ("text", 8, 13),
      ("furniture", 15, 15)],
     "消除制度政策限制的基础上，正通过改革进一步为科研人员松绑，加快科技成果市场化，"
     "助推新质生产力走出实验室。"),
    # (the story's last line sends it on again, 记者会历时50分钟。 （下转A06版）, to a page
    # the file does not hold: that jump has no jump back to wait for)
    ("塔斯社记者：请问这一问题，下一\n步有何考虑？\n\n毛宁：农村公路既是关乎农村经济\n\n"
     "（下转第三版）\n\n我国加快推进新型基础设施建设\n\n“十五五”开局之年，加快构建集\n"
     "约高效、智能绿色、安全可靠的新\n型基础设施体系，正源源不断为中\n国经济高质量发展注入强劲动力。\n\n"
     "（上接第一版）\n发展的“大交通”，更是关乎农民\n幸福生活的“大民生”。\n\n"
     "记者会历时50分钟。 （下转A06版）\n",
     [("qa", 1, 17), ("furniture", 6, 6), ("heading", 8, 8), ("text", 10, 13),
      ("furniture", 15, 15), ("text", 19, 19), ("furniture", 19, 19)],
     "毛宁：农村公路既是关乎农村经济发展的“大交通”，更是关乎农民幸福生活的“大民生”。"),
]


@pytest.mark.parametrize(("text", "spans", "ending"), _PAST_ANOTHER_STORY,
                         ids=["column-filling-headline", "closing-jump-onwards"])
def test_a_sentence_a_jump_cuts_goes_on_after_the_jump_back_past_another_story(
        text: str, spans: list[tuple[str, int, int]], ending: str) -> None:
    """A page sets another story (its headline, a paragraph) between a jump onwards and
    the jump back: the cut sentence goes on after the jump back, and the other story is
    a headline and a paragraph of its own, however much of the column the headline
    fills; also where the story's last line sends it on again to a page the file does
    not hold."""
    units = document_from_text(text).units
    assert [(u.kind, u.start_line, u.end_line) for u in units] == spans
    assert units[0].text.endswith(ending)


def test_two_stories_a_page_sends_on_go_on_after_their_own_jumps_back() -> None:
    """A page sets two stories, each cut by its own jump onwards, then both go on after a
    jump back each: each cut sentence goes on after its own jump back, in the order they
    were cut, and neither is glued to the other story's headline."""
    text = ("春耕备耕有序推进\n\n今年以来，全国农资供应总体充\n足，化肥价格保持稳定， （下转2版）\n\n"
            "城市更新行动取得新进展\n\n今年将继续推进城市更新行动，\n重点解决群众反映强烈的加装电\n"
            "梯、停车难等问题， （下转3版）\n\n（上接1版）\n种子质量抽检合格率达到98%\n"
            "以上。\n\n各地还加大了对高标准农田建设\n的投入。\n\n（上接1版）\n让居民生活更加便利舒适。\n\n"
            "各地因地制宜探索多元化改造模\n式。\n")
    units = _content(text)
    assert [(u.kind, u.text) for u in units] == [
        ("heading", "春耕备耕有序推进"),
        ("text", "今年以来，全国农资供应总体充足，化肥价格保持稳定，种子质量抽检合格率达到98%以上。"),
        ("heading", "城市更新行动取得新进展"),
        ("text", "今年将继续推进城市更新行动，重点解决群众反映强烈的加装电梯、停车难等问题，"
                 "让居民生活更加便利舒适。"),
        ("text", "各地还加大了对高标准农田建设的投入。"),
        ("text", "各地因地制宜探索多元化改造模式。")]


@pytest.mark.parametrize("rest", [
    "梯、停车难等问题。\n", "梯、停车难等问题， （下转3版）\n\n（上接1版）\n让居民生活更加便利舒适。\n"])
def test_a_sentence_a_jump_sends_on_is_not_glued_to_the_next_headline(rest: str) -> None:
    """A sentence cut by a jump onwards that no jump back of its own brings back: the
    one-line headline after the jump opens the next story (the sentence goes on on a page
    the file does not hold), whether or not that story jumps in turn."""
    text = ("春耕备耕有序推进\n\n今年以来，全国农资供应总体充\n足，化肥价格保持稳定， （下转2版）\n\n"
            "城市更新行动取得新进展\n\n今年将继续推进城市更新行动，\n重点解决群众反映强烈的加装电\n"
            + rest)
    units = _content(text)
    assert [u.kind for u in units] == ["heading", "text", "heading", "text"]
    assert units[1].text == "今年以来，全国农资供应总体充足，化肥价格保持稳定，"
    assert units[3].text.startswith("今年将继续推进城市更新行动，")


_SET = ("　　吉林舒兰灾后恢复重建任务全面\n启动。在做好消杀工作后，62\n个集中安置点安置的4000多\n"
        "人陆续回到家中。在受灾较为严\n重的开原镇、七里镇、金马镇、\n{}平安镇等4个乡镇，受损房屋重\n"
        "建、修缮工作也同步进行。\n")


@pytest.mark.parametrize("line", [
    "图为当地村民在田间劳作。王晔摄", "图为当地村民在田间劳作。刘颖 摄",
    "3月4日，志愿者在社区开展宣传服务活动。新华社发（孙凡越摄）",
    "人民日报  2023年9月5日 第2版", "— 3 —", "- 3 -", "3月8日 星期三 | 要闻 | A03", "责任编辑：刘洋",
    "本版责编：李华 版式设计：王芳", "本版编辑：王磊 美编：李娜",
    "（本版责编：张晓明）", "【责任编辑：赵静】",
    "本报记者 陈斌", "图为当地村民在田间劳作", "图为当地村民在田间劳作。"])
def test_furniture_on_a_line_of_its_own_inside_a_paragraph_is_set_aside(line: str) -> None:
    """A caption whose credit is a photographer's name alone, a dated caption with an
    agency's credit, a one-line caption with none, a running head or foot (with a year or
    without), a desk note (in brackets too) or a byline set on a line of its own between
    two lines of a sentence is page furniture; the sentence reads on."""
    units = document_from_text(_SET.format(line + "\n")).units
    assert [u.kind for u in units] == ["text", "furniture"]
    assert units[0].text == document_from_text(_SET.format("")).units[0].text


@pytest.mark.parametrize("caption", [
    "3月5日，外交部发言人毛宁主持例行记者会。\n新华社记者 王晔 摄",
    "外交部发言人毛宁主持例行记者会。\n（新华社记者 王晔 摄）"])
def test_a_caption_right_over_its_photos_credit_is_furniture(caption: str) -> None:
    """A photo's caption set between two turns with its credit on the next line, no blank
    line between, is page furniture with the credit (as with the credit at the end of its
    line): not a sentence of the answer before it; so in a copy set in narrow columns."""
    answer = "毛宁：中方对此坚决反对。我们敦促美方立即纠正错误做法。"
    text = (f"路透社记者：美方宣布将把12家中国企业列入实体清单，中方有何回应？\n\n{answer}\n\n{caption}\n\n"
            "《环球时报》记者：菲方近日再次派出军舰前往仁爱礁，中方有何评论？\n\n毛宁：仁爱礁是中国领土。\n")
    units = document_from_text(text).units
    assert [u.kind for u in units] == ["qa", "furniture", "furniture", "qa"]
    assert units[0].text.endswith(answer)
    wrapped = ("路透社记者：美方宣布将把\n12家中国企业列入实体清单，\n中方有何回应？\n\n"
               "毛宁：中方对此坚决反\n对。我们敦促美方立即纠正\n错误做法。\n\n"
               "3月5日，外交部发言人毛宁主\n持例行记者会。\n新华社记者 王晔 摄\n\n"
               "《环球时报》记者：菲方近\n日再次派出军舰前往仁爱礁\n，中方有何评论？\n\n毛宁：仁爱礁是中国领土。\n")
    units = document_from_text(wrapped).units
    assert [u.kind for u in units] == ["qa", "furniture", "furniture", "qa"]
    assert units[0].text.endswith(answer)
    # (a paragraph of text over a credit, a blank line between, stays text)
    apart = text.replace(caption, caption.replace("\n新华社", "\n\n新华社").replace("\n（", "\n\n（"))
    assert "记者会。" in document_from_text(apart).units[0].text


@pytest.mark.parametrize("source", ["（资料图片）", "（新华社资料图）", "（图片来源：外交部网站）",
                                    "（照片由受访者提供）"])
def test_a_short_caption_that_names_where_its_photo_is_from_is_furniture(source: str) -> None:
    """A one-line caption of a file photo between two turns (外交部发言人毛宁。（资料图片）) is
    page furniture whole, not a sentence added to the answer before it; a paragraph of
    several sentences that ends so keeps its text."""
    answer = "毛宁：中方对此坚决反对。我们敦促美方立即纠正错误做法。"
    text = (f"路透社记者：美方宣布将把12家中国企业列入实体清单，中方有何回应？\n\n{answer}\n\n"
            f"外交部发言人毛宁。{source}\n\n"
            "《环球时报》记者：菲方近日再次派出军舰前往仁爱礁，中方有何评论？\n\n毛宁：仁爱礁是中国领土。\n")
    units = document_from_text(text).units
    assert [u.kind for u in units] == ["qa", "furniture", "qa"]
    assert units[0].text.endswith(answer)
    told = text.replace("外交部发言人毛宁。",
                        "我们将继续关注事态发展。中方将采取必要措施。外交部发言人毛宁。")
    assert "中方将采取必要措施。" in document_from_text(told).units[0].text


@pytest.mark.parametrize("number", ["2", "12", "第2页", "２"])
def test_a_page_number_alone_between_two_pieces_of_a_sentence_is_furniture(number: str) -> None:
    """A page's number set alone between blank lines where a column breaks a sentence is
    page furniture, not a heading: the sentence reads on across it, and a copy without
    it differs in nothing but furniture."""
    set_ = ("　　吉林舒兰灾后恢复重建任务全面\n启动。在做好消杀工作后，已有\n集中安置点安置的群众共计达到"
            f"\n\n{number}\n\n万人。\n")
    assert _texts(set_) == [
        ("text", "吉林舒兰灾后恢复重建任务全面启动。在做好消杀工作后，已有集中安置点安置的群众共计达到"
                 "万人。"),
        ("furniture", number)]
    headed = "舒兰灾后重建全面启动\n\n吉林舒兰灾后恢复重建任务全面启动。\n\n3\n\n各地陆续复工。\n"
    assert [kind for kind, _ in _texts(headed)] == ["heading", "text", "furniture", "text"]


@pytest.mark.parametrize("byline", ["本报记者 陈斌", "本报记者 王磊 李娜", "□ 本报记者 孙凡越",
                                    "新华社记者 刘洋", "人民日报记者 王磊 通讯员 李明",
                                    "本报驻新西兰记者 王磊", "新华社驻惠灵顿记者 刘洋",
                                    "本报特派记者 王磊"])
def test_a_byline_without_brackets_is_page_furniture(byline: str) -> None:
    """Reporters named on a line of their own under a headline, without brackets, are
    page furniture, not words of the headline or of the story."""
    text = f"舒兰灾后重建全面启动\n{byline}\n\n　　吉林舒兰灾后恢复重建任务全面启动。\n"
    assert _texts(text) == [("heading", "舒兰灾后重建全面启动"), ("furniture", byline.replace(" ", "")),
                            ("text", "吉林舒兰灾后恢复重建任务全面启动。")]


@pytest.mark.parametrize("title", ["本报特派记者手记", "本报记者观察", "新华社记者调查",
                                   "文/记者眼中的新变化", "图/记者镜头下的美丽乡村",
                                   "文/本报记者走进乡村看变化", "文/本刊记者观察"])
def test_a_column_title_after_a_reporters_role_is_a_heading(title: str) -> None:
    """A column's title that opens with a paper's reporter (本报特派记者手记, 本报记者观察)
    names no reporter: it is a heading (its words compared), not a byline."""
    text = f"{title}\n\n　　吉林舒兰灾后恢复重建任务全面启动。\n"
    assert _texts(text) == [("heading", title), ("text", "吉林舒兰灾后恢复重建任务全面启动。")]


@pytest.mark.parametrize("line", ["本报记者王磊李娜专访多国政要", "图为建设美丽中国提供了坚实保障"])
def test_a_line_of_text_that_reads_like_furniture_is_text(line: str) -> None:
    """A wrapped line that fills its column is text even when its words read like a
    byline (…总台记者专访时表 / 示，…) or open like a caption (…宏伟蓝 / 图为…)."""
    text = ("多国领导人在接受总台记者专访时\n表示，中国共产党带领中国人民取\n得了非凡成就，绘就宏伟蓝\n"
            f"{line}\n时表示，祝愿大会取得成功。\n")
    assert [u.kind for u in document_from_text(text).units] == ["text"]


def test_a_paragraph_an_indent_opens_goes_on_no_headline_that_fills_the_column() -> None:
    """A headline as wide as the column after a dateline, a blank line, then a paragraph
    whose first line opens with an indent: the headline stands alone (an indent opens a
    paragraph, after a blank line too)."""
    text = ("央视网消息（新闻联播）：\n\n我国首艘深海万米大洋钻探船实现船体贯通\n\n"
            "  今天（12月18日），我国首艘深海万米\n"
            "大洋钻探船实现船体贯通，标志着我国深海\n探测领域重大装备建设迈出关键一步。\n\n"
            "  该船具备全球海域无限航区作业能力，未来\n将主要承担国家重大科技项目和国际大科学\n"
            "计划中的大洋科学钻探任务。\n")
    assert [(u.kind, u.start_line, u.end_line) for u in document_from_text(text).units] == [
        ("furniture", 1, 1), ("heading", 3, 3), ("text", 5, 7), ("text", 9, 11)]


def test_a_site_credit_a_column_break_cuts_before_its_colon_is_furniture() -> None:
    """A column break cuts the news site's credit opening a story before its colon
    (央视网消息（新闻联播 / ）：…): the whole credit is page furniture and the story reads
    from its first word."""
    text = ("　　央视网消息（新闻联播\n\n）：连日来，各地区和\n有关部门落实落细各项\n防汛措施，加紧修复基\n"
            "础设施。\n")
    assert [(u.kind, u.text) for u in _content(text)] == [
        ("text", "连日来，各地区和有关部门落实落细各项防汛措施，加紧修复基础设施。")]


@pytest.mark.parametrize("between", [
    "", "商务部数据显示\n\n商品消费复苏势头强劲，重点零售企业销\n售额同比增长。\n\n"])
@pytest.mark.parametrize("repeat", ["外交部发言人答中外记者问\n", "外交部发言人答中外记者问\n\n"],
                         ids=["on a line", "a paragraph of its own"])
def test_the_title_a_page_repeats_after_the_jump_back_is_furniture(between: str,
                                                                   repeat: str) -> None:
    """The page the story goes on on repeats its title right after the jump back, on a
    line of its own, the rest of the cut sentence under it with no blank line or after one:
    the title there is furniture and the sentence reads on past it, another story set
    between the jumps or not. A byline in brackets with its paper and what the reporter
    did (（本报记者王磊整理）) is furniture too."""
    text = ("外交部发言人答中外记者问\n\n（本报记者王磊整理）\n\n"
            "路透社记者：近期中欧经贸往来持续升温。中方对此有何评论？\n\n"
            "发言人：当前，世界经济复苏乏力，各国都\n面临不少困难和挑战。中欧应当加强沟通\n"
            f"协调，共同维护国家间 （下转A03版）\n\n{between}（上接A01版）\n{repeat}"
            "的正常交往，为世界注入更多稳定\n性。\n")
    units = [u for u in document_from_text(text).units if u.kind != "furniture"]
    assert [u.kind for u in units] == ["heading", "qa"] + (["heading", "text"] if between else [])
    assert units[1].text.endswith("共同维护国家间的正常交往，为世界注入更多稳定性。")
    assert [u.text for u in document_from_text(text).units if u.kind == "furniture"][:1] == [
        "（本报记者王磊整理）"]


def test_a_title_a_page_repeats_on_two_lines_after_the_jump_back_is_furniture() -> None:
    """A title longer than the column, set on two lines where the page repeats it after
    the jump back (as at the top): both lines are furniture, and the cut sentence reads on
    past them."""
    title = "黄润秋就持续深入打好污染防治攻坚战答记者问"
    text = (f"{title[:14]}\n{title[14:]}\n\n凤凰卫视记者：一些地方在环保\n执法中存在“一刀切”\n"
            "现象，您怎么看？\n\n黄润秋：我们推行生态环境监\n督执法正面\n（下转第三版）\n\n"
            f"（上接第一版）\n{title[:14]}\n{title[14:]}\n清单制度，对纳入清单的企业减\n"
            "少现场检查次数。\n")
    units = [u for u in document_from_text(text).units if u.kind != "furniture"]
    assert [u.kind for u in units] == ["heading", "qa"]
    assert units[1].text.endswith("我们推行生态环境监督执法正面清单制度，对纳入清单的企业减少现场检查次数。")


def test_a_title_across_the_columns_after_the_jump_back_is_furniture_with_none_at_the_top() -> None:
    """A copy that sets no title at its top (it opens with its dateline) repeats the title
    after the jump back on one line far wider than the column, over the rest of the cut
    sentence: the line is furniture and the sentence reads on past it."""
    title = "黄润秋就持续深入打好污染防治攻坚战答记者问"

    def wrapped(paragraph: str) -> str:
        return "\n".join(paragraph[k:k + 14] for k in range(0, len(paragraph), 14))

    asked = "凤凰卫视记者：一些地方在环保执法中存在“一刀切”现象，影响了企业正常生产，对此如何规范？"
    said = ("黄润秋：坚决反对“一刀切”，这是我们一贯的态度。生态环境部已经多次出台文件，明确禁止"
            "“一律关停”“先停再说”等敷衍应对做法。")
    cut = "我们推行生态环境监督执法正面"
    rest = "清单制度，对纳入清单的企业减少现场检查次数，更多采用非现场方式开展监管。"
    text = (f"本报北京3月7日电（记者李晓）\n\n{wrapped(asked)}\n\n{wrapped(said)}\n\n{cut}\n"
            f"（下转第三版）\n\n（上接第一版）\n{title}\n{wrapped(rest)}\n")
    units = document_from_text(text).units
    assert [u.kind for u in units if u.kind != "furniture"] == ["qa"]
    assert next(u.text for u in units if u.kind == "qa").endswith(cut + rest)
    assert title in [u.text for u in units if u.kind == "furniture"]


def test_a_title_a_page_repeats_cut_short_after_the_jump_back_is_furniture() -> None:
    """The title repeated after the jump back is cut where its column filled, and reads
    like a speaker's label (…实录：外交部发言人汪): it is still furniture, and the cut
    sentence reads on past it."""
    text = ("外交部例行记者会实录：外交部发言人汪文斌回答记者提问\n\n"
            "路透社记者：近期中欧经贸往来持续升温。中方对此有何评论？\n\n"
            "汪文斌：当前，世界经济复苏乏力，各国都\n面临不少困难和挑战。中欧应当加强沟通\n"
            "协调，共同维护国家间 （下转A03版）\n\n（上接A01版）\n外交部例行记者会实录：外交部发言人汪\n"
            "的正常交往，为世界注入更多稳定\n性。\n")
    units = document_from_text(text).units
    assert [u.kind for u in units if u.kind != "furniture"] == ["heading", "qa"]
    assert units[1].text.endswith("共同维护国家间的正常交往，为世界注入更多稳定性。")
    # (the same where the copy sets its title at its end, after the jump back)
    title, rest = text.split("\n\n", 1)
    units = document_from_text(rest + "\n" + title + "\n").units
    assert [u.kind for u in units if u.kind != "furniture"] == ["qa", "heading"]
    assert units[0].text.endswith("共同维护国家间的正常交往，为世界注入更多稳定性。")


def test_a_label_a_jump_cuts_goes_on_past_the_title_a_copy_sets_at_its_end() -> None:
    """A reporter's label cut by a page jump (凤凰卫视记 / … / 者：), the page repeating
    the title right after the jump back; the copy sets its title at its end, after the
    jump onwards that sends the end of the story on, over its lede. The repeated title is
    furniture and the label goes on past it: one turn of 凤凰卫视记者."""
    text = ("韩联社记者：您如何看待中韩\n贸易关系？\n\n"
            "汪文斌：中韩贸易关系持续稳\n定发展，双方合作潜力巨大。\n\n"
            "凤凰卫视记\n\n（下转第二版）\n\n（上接第一版）\n中韩经贸合作稳步推进\n者：中方对此有何回应？\n\n"
            "汪文斌：我们愿同韩方一道，\n推动务实合作。\n\n记者会历时50分钟。 （下转A04版）\n\n"
            "中韩经贸合作稳步推进\n\n1月27日，外交部发言人汪文斌主持例行记者会。\n")
    units = document_from_text(text).units
    assert [(u.kind, u.label) for u in units if u.kind in ("qa", "heading")] == [
        ("qa", "韩联社记者"), ("qa", "凤凰卫视记者"), ("heading", None)]
    assert [u.text for u in units if u.kind == "furniture"][2] == "中韩经贸合作稳步推进"


def test_the_longest_outlets_name_a_page_jump_cuts_off_its_label_goes_on() -> None:
    """A page jump cuts a reporter's label after the outlet's whole name, fifteen
    characters (中央广播电视总台中国国际电视台 / … / 记者：), another story set between: one
    turn of that reporter. A headline a jump cut, read on past the jump back, does not
    take the next reporter's label for its own (巴武装人员…激战 / 《人民日报》记者：)."""
    text = ("习近平同美国总统通电话\n\n韩联社记者：您如何看待中韩\n贸易关系？\n\n"
            "汪文斌：中韩贸易关系持续稳\n定发展，双方合作潜力巨大。\n\n"
            "中央广播电视总台中国国际电视\n台\n\n（下转第五版）\n\n中国经济在劈波斩浪中坚定前行\n\n"
            "新征程上，亿万人民团结奋进、苦\n干实干，迎来更加光明的发展前\n景。\n\n（上接第一版）\n"
            "习近平同美国总统通电话\n记者：您如何看待这一问题？\n\n汪文斌：美中关系是世界上影响最\n"
            "深远的双边关系。\n")
    assert [u.label for u in document_from_text(text).units if u.kind == "qa"] == [
        "韩联社记者", "中央广播电视总台中国国际电视台记者"]
    headline = ("俄罗斯国防部24日称。（新华社发）\n\n以军攻击加沙地带最大难民营 \n(下转6版)\n\n"
                "（上接第1版）\n巴武装人员与以军在加沙城周边激战\n\n"
                "《人民日报》记者：据以色列军方消息，下一步有何考虑？\n\n汪文斌：我们密切关注。\n")
    assert [u.label for u in document_from_text(headline).units if u.kind == "qa"] == [
        "《人民日报》记者"]


def test_an_outlets_name_a_page_jump_cuts_so_that_the_rest_reads_as_a_label_goes_on() -> None:
    """A page jump on the line that cuts an outlet's name (凤凰卫 （下转A4版） / （上接A1版） /
    视记者：…): the rest reads as a reporter's label of its own, but the turn is 凤凰卫视
    记者's, and nothing of it is a heading."""
    text = ("新华社记者：中国与东盟国家近日举行\n磋商，中方对此有何评价？\n\n"
            "毛宁：这次磋商取得积\n极进展。\n\n凤凰卫 （下转A4版）\n\n（上接A1版）\n\n"
            "视记者：今年是中法建交60\n周年，中方将举办哪些活动？\n\n"
            "毛宁：中方将同法方举办一\n系列纪念活动。\n")
    units = document_from_text(text).units
    assert [u.label for u in units if u.kind == "qa"] == ["新华社记者", "凤凰卫视记者"]
    assert not [u for u in units if u.kind == "heading"]


def test_the_line_after_a_jump_back_that_opens_the_last_paragraph_is_no_title() -> None:
    """The last paragraph (no end mark, so it reads like a title at the document's end)
    goes on after the jump back: its first line there is its text, not a title the page
    repeats."""
    text = ("　　具有下列情形之一的，应当\n(下转6版)\n\n（上接第1版）\n认定为刑法第三百一十九条第一\n"
            "款规定的“情节严重”\n")
    assert [u.text for u in document_from_text(text).units if u.kind != "furniture"] == [
        "具有下列情形之一的，应当认定为刑法第三百一十九条第一款规定的“情节严重”"]


def test_a_question_printed_twice_is_a_turn_of_its_own() -> None:
    """A reprint prints a question twice, the answer after the second: the first print is
    a turn of its own, not words of the answer before it."""
    text = ("路透社记者：您如何评价今年的中欧关系？\n\n王毅：中欧是伙伴而不是对手。\n\n"
            "新华社记者：您如何看待中国经济前景？\n\n新华社记者：您如何看待中国经济前景？\n\n"
            "王毅：中国经济长期向好的趋势不会改变。\n")
    units = document_from_text(text).units
    assert [(u.kind, u.label, u.start_line, u.end_line) for u in units] == [
        ("qa", "路透社记者", 1, 3), ("qa", "新华社记者", 5, 5), ("qa", "新华社记者", 7, 9)]


def test_a_jump_and_its_jump_back_side_by_side_join_the_sentence_there() -> None:
    """A jump onwards and the jump back set one after the other: the sentence goes on
    right after them, even when another jump back comes later in the file."""
    text = ("当地时间7月2日中午，国家主\n席习近平乘专机抵达阿斯塔纳。\n\n"
            "习近平在托卡耶夫陪同下检阅仪\n（下转A2版）\n\n（上接第1版）\n仗队。十余名哈萨克斯坦少年儿\n"
            "童用中文演唱《歌唱祖国》。\n\n蔡奇、王毅等陪同人员同机\n抵达。\n\n（上接第1版）\n\n"
            "西藏壮大特色\n\n中国驻哈萨克斯坦大使张霄也到\n机场迎接。\n")
    units = document_from_text(text).units
    assert units[1].text.startswith("习近平在托卡耶夫陪同下检阅仪仗队。")
    assert [u.kind for u in units if u.kind != "furniture"] == [
        "text", "text", "text", "heading", "text"]


def test_an_article_after_a_jump_onwards_goes_on_across_a_column_break() -> None:
    """A jump onwards ends a paragraph and no jump back follows: the article after it,
    its first line unpunctuated and a column break after it, goes on past the break (it
    is no headline of another story)."""
    text = ("第三十一条 规范性文件修改或者废止的，制定机关应当将有关情况\n及时书面告知。（下转A06版）\n\n"
            "第三十二条 规范性文件审查工作\n\n结束后，国家机关提出的审查要求，\n"
            "由常委会办公厅向该国家机关反馈\n审查结果。\n\n"
            "第三十三条 规范性文件审查工作\n结束后，有关审查研究资料应当及\n时归档保存。\n")
    units = _content(text)
    assert [u.text[:6] for u in units] == ["第三十一条规", "第三十二条规", "第三十三条规"]
    assert units[1].text.endswith("反馈审查结果。")


def test_a_paragraph_after_a_jump_onwards_that_a_column_break_cuts_is_no_headline() -> None:
    """Another story's paragraph set between a jump onwards and the jump back, its first
    two full lines unpunctuated and a column break after them, is one paragraph (only a
    line of its own is a headline there); the cut sentence goes on after the jump back."""
    text = ("如何跨越实验室到市场的阻碍，提\n高科技成果转化率？记者在上海调\n研时发现，这里在前期消除制度政\n"
            "（下转第8版）\n\n国家统计局今天发布的数据显示今\n年前两个月全国规模以上工业增加\n\n"
            "值同比增长百分之七，增速比去年\n全年加快零点二个百分点。\n\n（上接第1版）\n"
            "策限制的基础上，正通过改革进一\n步为科研人员松绑，加快科技成果\n市场化，助推新质生产力走出实验\n室。\n")
    units = _content(text)
    assert _spans(units) == [("text", 1, 16), ("text", 6, 10)]


def test_a_question_a_jump_cuts_past_another_story_is_still_answered() -> None:
    """A question cut by a jump onwards, another story set before the jump back, the
    question's end and its answer after it: one turn, the other story beside it."""
    text = ("记者会\n\n人民日报记者：习近平总书记\n指出，浩瀚探索宇宙，发展航\n（下转第6版）\n\n"
            "推动高质量发展取得新成效\n\n在湖南郴州资兴市，强降雨导\n致所有乡镇不同程度受灾。\n\n"
            "（上接第1版）\n天事业，建设航天强国，是我\n们不懈追求的航天梦？\n\n"
            "王毅：党的十八大以来，中国\n航天坚定道路自信。\n")
    units = _content(text)
    assert _spans(units) == [
        ("heading", 1, 1), ("qa", 3, 17), ("heading", 7, 7), ("text", 9, 10)]
    assert units[1].speaker == "王毅"


def test_a_sentence_a_caption_cuts_after_a_jump_back_goes_on_past_it() -> None:
    """The text goes on after a jump back past another story, then a credited caption cuts
    its sentence: the sentence goes on after the caption too."""
    text = ("前瞻布局未来产业\n\n中共中央政治局1月3\n0日下午就前瞻布局和\n（下转第8版）\n\n"
            "聚焦民生实事取得新成效\n\n"
            "开展调查研究，指导整\n改整治，是指导组的一\n项重要工作。\n\n（上接第1版）\n"
            "发展未来产业进行第二\n十四次集体学习。新一轮\n\n科技革命和产业变革加\n"
            "▲3月2日，游客在江\n西省婺源县篁岭景区参\n观游览。新华社记者 \n周密 摄\n"
            "速演进，前沿技术不断\n涌现，引领和支撑未来\n产业快速崛起。\n")
    units = _content(text)
    assert _spans(units) == [
        ("heading", 1, 1), ("text", 3, 24), ("heading", 7, 7), ("text", 9, 11)]
    assert "变革加速演进" in units[1].text


def test_a_turn_an_indent_opens_goes_on_after_a_column_break_short_of_a_wider_column() -> None:
    """A reprint whose paragraphs open with an indent sets its first page in a narrower
    column than the rest: a question's first line, short of the wider column, is cut from
    the rest of the question by a blank line, and no indent opens the lines after it. The
    question goes on there: one turn, question and answer."""
    text = ("外交部发言人答中外记者问\n\n"
            "　　香港《大公报》记者：俄罗斯\n\n"
            "总统新闻局发布消息说，乌克兰当天\n企图袭击克里姆林宫。中方对此有何\n评论？\n\n"
            "　　华春莹：我们注意到有关报道，希望各方保持克制，\n"
            "通过对话协商解决分歧，共同维护地区的和平与稳定，\n推动局势早日缓和。\n\n"
            "　　《人民日报》记者：这几天，重庆綦江页岩气田地面\n"
            "工程基本完工，已具备每年五亿立方米的输气能力。请\n问下一步有何考虑？\n\n"
            "　　华春莹：我们将继续推进页岩气的勘探开发，保障国\n家能源安全，助力经济社会高质量发展。\n")
    units = [(u.kind, u.label, u.start_line, u.end_line) for u in document_from_text(text).units]
    assert units == [("heading", None, 1, 1), ("qa", "香港《大公报》记者", 3, 11),
                     ("qa", "《人民日报》记者", 13, 18)]


def test_a_turn_goes_on_past_furniture_its_cut_sentence_goes_on_past() -> None:
    """An answer's sentence cut by a page jump, with a desk note (which ends a story)
    set before the jump back: the sentence goes on after the jump back, and so does the
    turn, with the paragraph after it."""
    text = ("新华社记者：欧元区通胀居高不下。中方对此有何评论？\n\n"
            "王毅：数据显示，欧元区六月通胀率为百分之五点五。在连续八次加息后，欧洲央行行长"
            "拉加德近日表示，欧（下转A04版）\n\n本版责编：张晓明\n\n（上接A01版）\n洲央行"
            "七月可能再次加息，以应对居高不下的通胀。\n\n"
            "根据加拿大消防部门公布的数据，加拿大境内有五百五十多处林火正在燃烧。\n\n"
            "路透社记者：请问下一步有何考虑？\n\n王毅：我们将继续关注。\n")
    units = [(u.kind, u.label, u.start_line, u.end_line) for u in document_from_text(text).units
             if u.kind != "furniture"]
    assert units == [("qa", "新华社记者", 1, 10), ("qa", "路透社记者", 12, 14)]


def test_a_short_caption_line_after_a_sentences_end_is_that_line_alone() -> None:
    """A caption with no credit set on a line of its own, short of the column's end, after
    a line that ends a sentence (图为记者会现场): the caption is that line, and the lines
    after it are text (a paragraph of their own, as after any caption that follows a
    sentence's end), not words of the caption."""
    text = ("　　第十八届中国国际文化产业博览交易会今\n天在深圳国际会展中心开幕。本届文博会采\n"
            "取线下为主、线上同步的方式，企业参展。\n图为记者会现场\n"
            "重点展出了大数据、云计算、人工智能在文\n化产业的最新集成应用和成果，全面展示了\n"
            "数字化转型和媒体融合的新业态。\n")
    units = [(u.kind, u.text[:6]) for u in document_from_text(text).units]
    assert units == [("text", "第十八届中国"), ("furniture", "图为记者会现"), ("text", "重点展出了大")]


def test_a_headline_set_apart_after_a_paragraph_that_nearly_fills_a_narrow_column() -> None:
    """A column ten characters wide, no blank lines: a paragraph whose last line stops
    two characters short (，认真贯彻落实。, as full as a wrapped line may be) and a headline
    set on one line twice as wide after it. The headline is a heading of its own, not the
    paragraph's last words, and the paragraph after it is read as before."""
    paragraphs = ["工业和信息化部日前启动国家新兴产业发展示范基地创建工作，将聚焦新一代信息技术、"
                  "低空装备等重点领域，推动产业集群发展。",
                  "蔡奇在致词中说，这为我们做好新时代新征程科技工作和科协工作进一步指明了前进方向、"
                  "提供了根本遵循。我们要深入学习和领会，认真贯彻落实。",
                  "国家数据局今天发布启动首批国有企业数据资源开发利用试点，涉及能源电力、交通物流"
                  "等传统和新兴领域。"]
    headline = "首批12家国有企业数据资源开发利用试点启动"
    column = _wrapped(paragraphs[:2], 10).split("\n")
    assert len(column[-2]) == 8 and column[-2].endswith("。")  # (80 % of the column)
    text = "\n".join(column[:-1]) + "\n" + headline + "\n" + _wrapped(paragraphs[2:], 10)
    assert [(u.kind, u.text) for u in document_from_text(text).units] == [
        ("text", paragraphs[0]), ("text", paragraphs[1]), ("heading", headline),
        ("text", paragraphs[2])]
    # (a line of the next paragraph that a page jump makes as wide is no headline: the
    # paragraph goes on to the jump)
    jumped = "\n".join(column[:-1]) + "\n" + "国家数据局今天发布启动首批 （下转A02版）\n"
    blocks = normalise(decode(jumped.encode(), "x.txt")).blocks
    assert [(b.first_line, b.last_line) for b in blocks] == [(1, 6), (7, 14)]
    # (the paragraph after it set without an indent: the headline is still a line of
    # its own)
    text = "\n".join(column[:-1]) + "\n" + headline + "\n" + _wrapped(paragraphs[2:], 10, "")
    assert [(u.kind, u.text) for u in document_from_text(text).units][2:] == [
        ("heading", headline), ("text", paragraphs[2])]


def test_a_paragraph_that_opens_with_a_comma_goes_on_the_sentence_before_it() -> None:
    """A column break right before a comma, the line before it set wider than the column
    (a dateline and the sentence's start on one line, a blank line after it): the lines
    after the break open with the comma and go on that sentence; nothing is a heading."""
    text = ("秋粮收购超1.4亿吨 春季农业生产即将展开\n"
            "　　新华社北京3月4日电 国家粮食和物资储备局今天（2月6日）对外正式发布\n\n"
            "，截至目前，主产区累计收购2023年秋粮\n超1.4亿吨，收购进度七成左右。农业农村\n"
            "部开始部署春季农业生产，各地要环环紧扣抓\n好春季田管、春耕备耕、大面积单产提升等，\n"
            "夯实全年粮食和农业丰收基础。\n")
    units = document_from_text(text).units
    assert [u.kind for u in units] == ["heading", "furniture", "text"]
    assert units[2].text.startswith("国家粮食和物资储备局今天（2月6日）对外正式发布，截至目前，")
    assert units[2].text.endswith("丰收基础。")


def test_a_headline_before_a_caption_and_an_indented_paragraph_stands_alone() -> None:
    """A headline as wide as the column right after a paragraph's last line, a photo
    caption under it, then a paragraph an indent opens: the headline is no sentence the
    caption cut (it has no punctuation, and the indent opens a new paragraph)."""
    before = ["国家粮食和物资储备局今天发布，截至目前，主产区累计收购秋粮超过一亿四千万吨，"
              "收购进度七成左右。农业农村部开始部署春季农业生产。"]
    headline = "民政部财政部部署为困难群众春节送温暖活动"
    after = ["民政部、财政部日前联合印发通知，要求各地春节期间采取多种方式为困难群众送温暖，"
             "畅通困难群众求助渠道，及时了解掌握困难群众生活情况。"]
    text = (_wrapped(before, 20) + headline + "\n图为9月24日拍摄的城市夜景。（新华社发）\n"
            + _wrapped(after, 20))
    assert len(headline) == 20
    assert [(u.kind, u.text) for u in document_from_text(text).units] == [
        ("text", before[0]), ("heading", headline),
        ("furniture", "图为9月24日拍摄的城市夜景。（新华社发）"), ("text", after[0])]


def test_a_subheading_nearly_as_wide_as_an_even_column_is_no_column_break() -> None:
    """A column that wraps every line at 16 characters: a list item's subheading of 13
    characters on a line of its own after a sentence's end is a heading, not the start of
    the paragraph after the blank line. Where the column's lines vary (13 to 16
    characters), a line of 13 before a blank line is cut where the column filled."""
    def column(text: str, width: int) -> str:
        return "\n".join(text[k:k + width] for k in range(0, len(text), width))

    before = ("金秋时节，豫东平原的玉米地里，大型收获机来回穿梭，金黄的玉米粒源源不断地装进运粮车。"
              "今年以来，河南省把提升粮食单产作为稳产保供的主攻方向，全省秋粮有望再获丰收。")
    after = ("在郸城县的玉米单产提升示范方，记者看到，一垄垄玉米株型紧凑、穗大粒满。县农业农村局"
             "副局长孙国庆介绍，示范方统一选用耐密抗倒品种，配合水肥一体化滴灌，实现了密植不倒。")
    heading = "一、良种良法配套单产提起来"
    doc = document_from_text(f"{column(before, 16)}\n\n{heading}\n\n{column(after, 16)}\n")
    assert [(u.kind, u.text[:13]) for u in doc.units] == [
        ("text", before[:13]), ("heading", heading), ("text", after[:13])]
    # (the same line in a column whose lines vary: the sentence it opens goes on)
    ends = list(itertools.accumulate([13, 16, 15, 14] * 3))
    uneven = "\n".join(before[k:e] for k, e in zip([0, *ends], [*ends, len(before)],
                                                    strict=False) if before[k:e])
    cut = "一、良种良法配套单产提起来推动"
    doc = document_from_text(f"{uneven}\n\n{cut[:13]}\n\n{cut[13:]}{column(after, 14)}\n")
    assert [u.kind for u in doc.units] == ["text", "text"]


@pytest.mark.parametrize("note", ["本版编辑 王芳 美编 李强", "本版责编 王芳", "责任编辑 刘洋",
                                  "本版编辑：王芳"])
def test_a_desk_note_set_with_spaces_is_furniture(note: str) -> None:
    """A desk note at a story's end is page furniture, set with colons or with spaces;
    a headline that opens with 编辑 is not."""
    doc = document_from_text(f"数据不只是给消费者看的。\n\n{note}\n")
    assert [u.kind for u in doc.units] == ["text", "furniture"]
    for headline in ("编辑部召开会议", "责任编辑的使命", "责编手记", "本版编辑寄语"):
        doc = document_from_text(f"数据不只是给消费者看的。\n\n{headline}\n\n今年以来，河南省把提升"
                                 "粮食单产作为主攻方向。\n")
        assert doc.units[1].kind == "heading"


def test_a_line_short_of_an_even_column_before_a_word_that_had_no_room_goes_on() -> None:
    """A column that wraps every line at 16 characters: a line of 14 that ends a sentence
    goes on into the next when that opens with a word of letters and figures too wide for
    the room left (COVID-19); before a word that would have fitted, it ends the paragraph."""
    text = ("金秋时节，豫东平原的玉米地里，大型收获机来回穿梭，金黄的玉米粒源源不断地装进运粮车。今年以来，"
            "河南省把提升粮食单产作为稳产保供的主攻方向，全省秋粮有望再获丰收，农民们脸上洋溢着喜悦。")
    text *= 10  # (enough lines that the one short line is among the few narrower ones)
    lines = [text[k:k + 16] for k in range(0, len(text) - len(text) % 16, 16)]
    rest = "当地政府多措并举，保障农资供应，确保春耕生产不误农时。"
    for opening, units in (("COVID-19疫情发生以来，", 1), ("疫情发生以来，", 2)):
        doc = document_from_text("\n".join([*lines, "过上好日子，丰收景象处处可。", opening + rest]) + "\n")
        assert len(doc.units) == units


def test_a_subheading_before_a_paragraph_that_opens_with_a_year_stays_a_heading() -> None:
    """In an even column of 16 a subheading of 13 characters, no marks in it, before a
    paragraph that opens with a year the line had no room for, is a heading still: a word
    of figures that did not fit extends only a line of text."""
    def column(text: str) -> str:
        return "\n".join(text[k:k + 16] for k in range(0, len(text), 16))

    before = ("数字经济是继农业经济、工业经济之后的主要经济形态，是以数据资源为关键要素，以现代信息网络为"
              "主要载体的新经济形态。我们要抓住机遇，加快发展数字经济。") * 2
    after = ("2023年，全市数字经济核心产业增加值突破一千亿元，各地要抓住机遇，加强统筹，推动人工智能"
             "产业健康有序发展。")
    heading = "推动数字经济与实体经济融合"
    doc = document_from_text(f"{column(before)}\n\n{heading}\n\n{column(after)}\n")
    assert [u.kind for u in doc.units] == ["text", "heading", "text"]


@pytest.mark.parametrize("indent", ["", "　　"])
def test_labels_in_brackets_on_lines_of_their_own_open_each_turn(indent: str) -> None:
    """A column sets each label in brackets on a line of its own (【凤凰卫视记者】, the
    speaker's 【商务部部长王文涛】), no blank lines between turns, indented or not: each
    label opens a turn with the words below it (the turns were one unit); a subheading in
    brackets (【新思想引领新征程】) is no label."""
    lines = ["【凤凰卫视记者】", "中方已正式申请加入《全面与进步", "跨太平洋伙伴关系协定》。目前进展如",
             "何？", "【商务部部长王文涛】", "中方申请加入这一协定，体现了中", "国进一步扩大开放的决心。",
             "【新华社记者】", "今年以来，外部环境更趋复杂严峻。", "请问商务部将如何推动外贸保稳提质？",
             "【商务部部长王文涛】", "今年前两个月，我国货物贸易进出", "口总值达到6.18万亿元，同比增长",
             "0.8%。这个成绩来之不易。"]
    # (the labels, and the first line after each, indented)
    text = "\n".join(indent * (k == 0 or line.startswith("【") or lines[k - 1].startswith("【"))
                     + line for k, line in enumerate(lines)) + "\n"
    units = document_from_text(text).units
    assert [(u.kind, u.label, u.speaker, u.start_line, u.end_line) for u in units] == [
        ("qa", "凤凰卫视记者", "商务部部长王文涛", 1, 7), ("qa", "新华社记者", "商务部部长王文涛", 8, 14)]
    story = "丁薛祥指出，服务贸易是国际贸易的重要组成部分。\n【新思想引领新征程】\n澳大利亚总理等出席峰会。\n"
    assert [u.kind for u in document_from_text(story).units] == ["text", "heading", "text"]


@pytest.mark.parametrize("credit", ["（新华社）", "（人民日报）", "（央视新闻）"])
def test_an_agencys_name_alone_in_brackets_is_furniture(credit: str) -> None:
    """A story's source named alone in brackets, on a line of its own after the story or
    run on after its last sentence, is page furniture, not a heading nor words of the
    paragraph; a bracketed phrase of the text (（试行）) is none."""
    story = "国务委员王毅2日在北京会见美国客人，双方谈了很多问题，气氛友好。\n\n双方同意继续保持沟通。"
    assert [u.kind for u in document_from_text(f"{story}\n\n{credit}\n").units] == [
        "text", "text", "furniture"]
    assert [(u.kind, u.text) for u in document_from_text(f"{story}{credit}\n").units][1:] == [
        ("text", "双方同意继续保持沟通。"), ("furniture", credit)]
    assert document_from_text("本办法自发布之日起施行（试行）。\n").units[0].kind == "text"


def test_an_answer_run_on_after_its_question_opens_the_answer() -> None:
    """A web copy sets a turn as one paragraph (凤凰卫视记者：…？华春莹：…): the question, then
    the answer from the speaker's label, one turn as when they are two paragraphs; a
    name a question quotes (…？他说：…, …。我的问题是：…) opens no answer."""
    turns = ("塔斯社记者：中方如何评价当前的中俄关系？\n\n华春莹：中俄互为最大邻国。\n\n"
             "凤凰卫视记者：台湾地区领导人计划近期“过境”美国。中方对此有何评论？华春莹：台湾是中国"
             "领土不可分割的一部分。\n")
    doc = document_from_text(turns)
    assert [(u.kind, u.label, u.speaker) for u in doc.units] == [
        ("qa", "塔斯社记者", "华春莹"), ("qa", "凤凰卫视记者", "华春莹")]
    assert doc.units[1].text == ("凤凰卫视记者：台湾地区领导人计划近期“过境”美国。中方对此有何评论？\n"
                                 "华春莹：台湾是中国领土不可分割的一部分。")
    # (every turn set so: 答, or a spokesman by his title)
    inline = ("问：今年的目标是什么？答：稳中求进。\n\n记者：进展如何？国防部新闻发言人：进展顺利。\n")
    assert [(u.kind, u.label, u.speaker) for u in document_from_text(inline).units] == [
        ("qa", "问", "答"), ("qa", "记者", "国防部新闻发言人")]
    quoted = ("记者：有报道称，美方官员日前发表讲话。对此有何评论？他说：这是一个好消息。\n\n"
              "刘文博：我们注意到有关报道。\n")
    (unit,) = document_from_text(quoted).units
    assert (unit.kind, unit.speaker) == ("qa", "刘文博") and "\n他说" not in unit.text
    # (nor a lead-in a reporter sets before each question, however often)
    asked = "".join(f"{outlet}记者：美国宣布了新的措施。我的问题是：中方如何回应？\n\n毛宁：{answer}\n\n"
                    for outlet, answer in (("法新社", "我们已多次表明立场。"), ("路透社", "请你关注。")))
    assert [u.speaker for u in document_from_text(asked).units] == ["毛宁", "毛宁"]


def test_an_editors_note_in_brackets_between_stories_goes_on_nothing() -> None:
    """A note in brackets set between two stories of a column (（本栏目内容据…整理）), its
    line as full as the column: a unit of its own, not the opening of the next story."""
    text = ("第十二届全国少数民族传统体育运动会闭幕\n昨晚（11月30日），第十二届全国少数民族传统体育"
            "运动会在海南三亚落幕。全国35个代表团的6960名运动员参加了18个竞赛项目和3类表演项目。\n\n"
            "（本栏目内容据中央广播电视总台《新闻联播》整理）\n\n首批50项央企科技成果应用拓展项目发布\n"
            "近日，国务院国资委等部门联合印发中央企业科技成果应用拓展工程首批项目清单，遴选确定产线带动、"
            "工程推动、场景创建等5类共计50个项目。\n")
    units = document_from_text(text).units
    assert [u.text[:6] for u in units] == ["第十二届全国", "（本栏目内容", "首批50项央"]


def test_turns_of_a_column_set_without_blank_lines_open_at_their_labels() -> None:
    """A column wrapped at 15 characters without blank lines or indents (as a PDF's
    column pastes): a line opening with a turn's label after a sentence's end opens the
    turn, whatever the width of the line before (记者： before each question, 刘文博：
    before each answer); a name that opens such a line once and asks nothing opens none."""
    text = ("记者：据报道，美国国防部近日宣\n布向台湾地区出售价值5亿美元的\n武器装备。请问对此有何评论？\n"
            "刘文博：美方对台军售严重违反一\n个中国原则，严重损害中国主权和\n安全利益。中方对此坚决反对。\n"
            "记者：近期，美国军舰频繁过航台\n湾海峡。请问中方如何应对？\n"
            "刘文博：我们已多次就此表明立场\n，任何挑衅都将遭到坚决回击。\n他还说：会坚决捍卫国家主权和领\n"
            "土完整，维护台海和平稳定。\n")
    units = document_from_text(text).units
    assert [(u.kind, u.label, u.speaker, u.start_line, u.end_line) for u in units] == [
        ("qa", "记者", "刘文博", 1, 6), ("qa", "记者", "刘文博", 7, 12)]
    assert "回击。他还说：会坚决" in units[1].text
    # (a column with blank lines: 他说： after a sentence's end, twice, opens nothing)
    said = ("张师傅在这条街上开了三十年店。\n他说：这些年街道变化很大，生意\n也越来越好做了。\n\n"
            "李阿姨退休以后在社区做志愿者。\n他说：能为大家做点事情很开心\n，也很充实。\n")
    assert len(document_from_text(said).units) == 2
    # (nor is a headline about correspondents a byline)
    assert document_from_text("新华社驻外记者眼中的中国\n\n近日，多位记者讲述了他们的见闻。\n"
                              ).units[0].kind == "heading"
