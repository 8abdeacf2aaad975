"""Normalisation: joined wraps, dropped typesetting spaces, markdown, and the position map."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from variantdiff import document_from_text
from variantdiff.load import Source, decode
from variantdiff.normalise import normalise

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


def norm(text: str) -> str:
    return normalise(decode(text.encode(), "t.txt")).text


def check_map(text: str) -> None:
    n = normalise(Source("t.txt", text, "utf-8"))
    for i, c in enumerate(n.text):
        original = text[n.offsets[i]]
        assert original == c or (original.isspace() and c.isspace()), (i, c, original)
        line, col = n.position(i)
        row = text.split("\n")[line - 1] + "\n"
        assert row[col - 1] == original


def test_hard_wraps_are_joined_without_spaces() -> None:
    """Newspaper columns: 14-character lines become one paragraph, nothing inserted."""
    text = ("新冠肺炎疫情是中美两国的\n共同敌人。相互支持帮助是两国\n人民的共同心愿。疫情之初，美\n"
            "国很多社团、企业和民众向中国\n伸出援手。\n\n但令人遗憾的是，除了新冠\n病毒的肆虐。\n")
    assert norm(text) == ("新冠肺炎疫情是中美两国的共同敌人。相互支持帮助是两国人民的共同心愿。"
                          "疫情之初，美国很多社团、企业和民众向中国伸出援手。\n"
                          "但令人遗憾的是，除了新冠病毒的肆虐。")


def test_typesetting_spaces_are_dropped() -> None:
    """Spaces around digits and justified lines (第 三 ， 去 年) are typesetting, not text."""
    assert norm("仅口罩一项就出口了 120 多亿只。") == "仅口罩一项就出口了120多亿只。"
    assert norm("第 三 ， 去 年 6 月 修 例 风 波 以来。") == "第三，去年6月修例风波以来。"
    assert norm("中国\u3000人民。") == "中国人民。"


def test_a_column_set_letter_by_letter_keeps_its_numbers_whole() -> None:
    """A justified column that sets every line letter by letter (a space after each
    character, between figures too): the spaces are the setting's, so the numbers read
    whole (9.4%, 28.2, 2013—2021年) and every character keeps its place in the file; a
    line of figures alone, or a few spaced figures in a line, keep their spaces."""
    text = ("2 0 1 3 — 2 0 2 1 年 ， 全 社 会 固\n定 资 产 投 资 年 均 增 长 9 . 4 % ；\n"
            "总 量 由 2 0 1 2 年 的 2 8\n. 2 万 亿 元 增 加 。\n")
    assert norm(text) == "2013—2021年，全社会固定资产投资年均增长9.4%；总量由2012年的28.2万亿元增加。"
    check_map(text)
    assert norm("1 2 3 4 5\n") == "1 2 3 4 5"
    assert norm("增长 9 . 4 %，好于预期。\n") == "增长9 . 4 %，好于预期。"
    # (a line of a column set letter by letter fills the column as it is set: a blank line
    # after it is a column break inside the paragraph, not the paragraph's end)
    column = ("王毅：第一，香港事务是中国\n内政，不容任何外来干涉。不干涉\n内政是国际关系基本准则，各国都\n"
              "应予以遵守。\n\n第二，维护国家安全历来是中\n央事权，在任何国家都是如此。中\n"
              "央通过基本法第 23 条授权香港特\n别 行 政 区 自 行 立 法 ， 履 行\n\n"
              "其宪制责任，但这并不影响中央根\n据实际情况和需要继续建构维护国\n家安全的法律制度和执行机制。中\n"
              "央政府对所有地方行政区域的国家\n安全负有最大和最终责任，这是基\n本的国家主权理论和原则，也是世\n"
              "界各国的通例。\n")
    assert [(u.start_line, u.end_line) for u in document_from_text(column).units] == [(1, 4), (6, 17)]
    # (and a line set with a space added between every two of its characters, wider
    # than the column so, after a page jump that cut its article: the article's words)
    law = ("　　职工一方的首席代表由本\n单位工会主席担任或者由其书\n面委托的其他协商代表担任；\n"
           "工会主席空缺的，首席代表由\n工会主要负责人担任。未建立\n工会的，职工一方的首席代表\n"
           "由协商代表民主推举产生。\n\n　　第九条 用人单位一方的\n（下转第4版）\n\n（上接一版）\n"
           "协 商 代 表 由 用 人 单 位 法 定 代 表\n人委派。\n\n　　用人单位一方的首席代表\n"
           "由单位法定代表人担任或者由\n其书面委托的其他协商代表担\n任。\n")
    assert [(u.kind, u.text) for u in document_from_text(law).units if u.kind != "furniture"][1] \
        == ("text", "第九条用人单位一方的协商代表由用人单位法定代表人委派。")


def test_space_between_latin_words_is_kept() -> None:
    """A single space between two Latin words (or numbers) is kept, runs are collapsed."""
    assert norm("美国 New   York Times 报道。") == "美国New York Times报道。"


def test_markdown_markers_are_stripped() -> None:
    """Heading markers and bold markers are markup, not text; a heading is its own block."""
    n = normalise(decode("## 中俄关系\n\n**塔斯社记者：**中俄是伙伴。\n".encode(), "t.md"))
    assert n.text == "中俄关系\n塔斯社记者：中俄是伙伴。"
    assert [b.heading for b in n.blocks] == [2, 0]


def test_a_line_set_in_bold_end_to_end_with_no_marks_is_a_heading() -> None:
    """A section's heading set in bold from end to end (**一、充分肯定一年取得的成绩**), as
    wide as the column it stands in, is a heading of its own as a markdown one is: the
    paragraph after the blank line does not go on from it. A bold label, or a bold line
    with a sentence's marks in it, is no heading."""
    text = ("今天，我们召开全市科技创新大\n会，总结过去一年全市科技创新\n工作，部署今年重点任务。下面，\n"
            "我讲三点意见。\n\n**一、充分肯定一年取得的成绩**\n\n过去一年，全市上下坚持把科技\n"
            "创新摆在发展全局的核心位置，\n各项工作取得了新的明显成效。\n\n**王毅：**我们将坚持开放。\n\n"
            "**路透社记者：中方如何看待这一问题？**\n\n**加强第一、第二产业协同**\n")
    n = normalise(decode(text.encode(), "t.md"))
    assert [(b.heading > 0, n.text[b.start:b.end][:6]) for b in n.blocks] == [
        (False, "今天，我们召"), (True, "一、充分肯定"), (False, "过去一年，全"), (False, "王毅：我们将"),
        (False, "路透社记者："), (False, "加强第一、第")]


def test_block_quote_markers_are_stripped() -> None:
    """A markdown block quote's markers (> , > > ) are markup too: the quoted paragraphs
    read as plain ones, a line of a marker alone is a blank line between them, and each
    character keeps its own column; a > inside a line, one not followed by a space, or
    one a wrap put at the start of a line of a paragraph, is text."""
    quoted = "> 第三条 区住房城乡建设部门负责组织实施。\n>\n> > 第四条 改造项目应当依法办理手续。\n"
    n = normalise(decode(f"{quoted}温度>30度时停工。\n".encode(), "t.md"))
    assert n.text == ("第三条区住房城乡建设部门负责组织实施。\n第四条改造项目应当依法办理手续。\n"
                      "温度>30度时停工。")
    assert n.position(0) == (1, 3)
    assert n.position(n.text.index("第四条")) == (3, 5)
    assert normalise(decode(">30度时停工。\n".encode(), "t.md")).text == ">30度时停工。"
    # (a wrap that puts a greater-than sign of the text at a line's start)
    wrapped = normalise(decode("实现“1 + 1\n> 2”的效果。\n".encode(), "t.txt"))
    assert wrapped.position(wrapped.text.index(">")) == (2, 1)


def test_position_of_a_character_after_a_wrap() -> None:
    """file:line:column points into the original file, counted in characters."""
    n = normalise(decode("相互支持帮助\n是两国 12 人\n民的共同心愿\n疫情之初。\n".encode(), "t.txt"))
    assert n.text == "相互支持帮助是两国12人民的共同心愿疫情之初。"
    assert n.position(n.text.index("1")) == (2, 5)
    assert n.position(n.text.index("人")) == (2, 8)
    assert n.position(n.text.index("疫")) == (4, 1)


def test_seeds_map_back() -> None:
    """Every normalised character of every seed maps back to itself in the file."""
    for path in SEEDS:
        check_map(path.read_text("utf-8"))


def _paragraphs(text: str) -> str:
    n = normalise(Source("t.txt", text, "utf-8"))
    return "\n\n".join(n.text[b.start:b.end] for b in n.blocks)


def test_normalising_twice_changes_nothing_on_seeds() -> None:
    """Normalised paragraphs, written out and normalised again, come back unchanged."""
    for path in SEEDS:
        once = _paragraphs(path.read_text("utf-8"))
        assert _paragraphs(once) == once


_ALPHABET = st.sampled_from([*list("中美关系疫情合作。，、；：！？“”（）12 aB#*\n\u3000"), "**"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
def test_position_map_property(text: str) -> None:
    """For any input, the character at the mapped position is the normalised character."""
    check_map(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=120).map("".join))
@example("#\n#\n1")  # (lines of bare hashes joined: "## 1" would read as a heading)
def test_idempotent_property(text: str) -> None:
    """Normalising normalised paragraphs changes nothing."""
    once = _paragraphs(text)
    assert _paragraphs(once) == once


def test_a_hard_wrap_inside_a_number_adds_no_space() -> None:
    """A column that wraps at a fixed count of characters may cut a number (1 / .6,
    20 / 24, 1, / 000): joined with no space. Latin words keep theirs, and so does a
    number before a word (2019 / report)."""
    assert norm("积雪深度超1\n.6米，喀纳斯景\n区岔路口到禾\n木村的山路。\n") == \
        "积雪深度超1.6米，喀纳斯景区岔路口到禾木村的山路。"
    assert norm("到20\n24年，投资1,\n000亿元建成\n基站三百万个。\n") == \
        "到2024年，投资1,000亿元建成基站三百万个。"
    assert norm("他们读了2019\nreport，然后\n离开了那里，没\n有回头看看。\n") == \
        "他们读了2019 report，然后离开了那里，没有回头看看。"
    assert norm("他们读了New\nYork Times，\n然后离开了那\n里，没有回头。\n") == \
        "他们读了New York Times，然后离开了那里，没有回头。"


def test_a_hard_wrap_inside_an_abbreviation_adds_no_space() -> None:
    """A column cut at a count of characters may cut an abbreviation or a code (AP / EC,
    3 / D, COVID- / 19): joined with no space, unless a line holds white space at the
    break (AP  / EC: the source set one)."""
    assert norm("今年前5个月，九市对AP\nEC其他经济体进出口\n增长，3\nD打印机出口翻番，\n"
                "COVID-\n19疫情影响减弱。\n") == \
        "今年前5个月，九市对APEC其他经济体进出口增长，3D打印机出口翻番，COVID-19疫情影响减弱。"
    assert norm("今年前5个月，九市对AP \nEC其他经济体进出口\n增长，出口翻番。\n") == \
        "今年前5个月，九市对AP EC其他经济体进出口增长，出口翻番。"
    # (two words in capitals are two: NEW / YORK, WHO / UNICEF)
    assert norm("他们读了NEW\nYORK TIMES，\n然后离开了那\n里，没有回头。\n") == \
        "他们读了NEW YORK TIMES，然后离开了那里，没有回头。"


def test_an_ideographic_indent_before_a_year_opens_a_paragraph() -> None:
    """A hard-wrapped column whose paragraphs open with two ideographic spaces: the
    paragraph that opens with a year (　　2023年以来) is a paragraph of its own. Spaces
    set around a number (ASCII ones) open none."""
    text = ("　　落实总书记要求，新的一年，上海立足自身大模\n"
            "型研发集聚、算力基础设施领先、高端人才密集，\n"
            "计划全面实现大型企业智能工厂全覆盖。\n"
            "　　2023年以来，习近平总书记在地方考察调研及\n"
            "多个重要场合，明确提出并多次阐释新质生产力。\n")
    assert norm(text).split("\n") == [
        "落实总书记要求，新的一年，上海立足自身大模型研发集聚、算力基础设施领先、高端人才密集，"
        "计划全面实现大型企业智能工厂全覆盖。",
        "2023年以来，习近平总书记在地方考察调研及多个重要场合，明确提出并多次阐释新质生产力。"]
    spaced = text.replace("　　2023年", "  2023 年")
    assert "\n" not in norm(spaced.replace("\n　　", "\n"))
    check_map(text)


def test_parts_set_in_columns_of_two_widths() -> None:
    """A reprint that sets some paragraphs in a 13-character column and others in a
    17-character one is hard-wrapped throughout: every paragraph is joined whole."""
    narrow = ("海拔4800米的可可西里卓乃\n湖保護站，5G信号的开通，\n改变了只能依靠人工巡检的\n"
              "工作模式，如今工作人员通\n过大屏幕就可以随时了解保\n护区的情况。\n\n"
              "如今，从5G工厂到5G智能矿\n山，从5G远程医疗到5G智慧\n课堂，统计数据显示，5G应\n"
              "用已融入97个国民经济大类\n中的74个。\n\n")
    wide = ("截至目前，我国5G基站总数超过374万\n个，建成全球规模最大的5G网络，5G移\n"
            "动电话用户达8.89亿，用户普及率突破\n60%。\n\n"
            "网络基础设施建设不断夯实的同时，５\nＧ应用也加速在工业、农业、交通等行\n"
            "业深入推广。画面中的这架超大型无人\n机，依靠搭建在低空３００米全海域覆\n"
            "盖的５Ｇ网络，成功实现了从浙江舟山\n到上海的远距离跨海低空飞行。５Ｇ为\n"
            "今后实现多样化的低空应用场景提供了\n技术保障。\n\n"
            "据中国信息通信研究院测算，5G商用5\n年来，直接带动经济总产出约5.6万亿，\n"
            "间接带动经济总产出约14万亿元，有力\n支撑了经济社会高质量发展。\n")
    n = normalise(decode((narrow + wide).encode(), "t.txt"))
    assert n.wrapped
    assert [len(p) for p in n.text.split("\n")] == [
        len(p.replace("\n", "")) for p in (narrow + wide).strip().split("\n\n")]
    check_map(narrow + wide)


def test_a_short_part_set_in_a_narrower_column_is_wrapped_too() -> None:
    """Most of a reprint is set in a 20-character column and one story in a 12-character
    one (a tenth of the lines): a column break that cuts that story's paragraph after a
    line that fills the narrow column is still a column break."""
    story = ("国家统计局今天发布数据显示，今年前两个月全国规模以上工业增加值同比增长百分之七，"
             "增速比去年全年加快零点二个百分点，装备制造业和高技术制造业增加值分别增长百分之九和"
             "百分之八点五，新能源汽车、工业机器人等产品产量保持较快增长，市场预期持续改善。")
    wide = "\n\n".join("\n".join(story[i:i + 20] for i in range(0, len(story), 20))
                       for _ in range(5))
    narrow = story[:100]
    rows = [narrow[i:i + 12] for i in range(0, len(narrow), 12)]
    part = "\n".join(rows[:4]) + "\n\n" + "\n".join(rows[4:]) + "。"
    n = normalise(decode((wide + "\n\n" + part + "\n").encode(), "t.txt"))
    assert {w for w in n.columns if w} == {40.0, 24.0}  # (in cells)
    assert document_from_text(wide + "\n\n" + part + "\n").units[-1].text == narrow + "。"


@given(st.lists(st.text("中美关系，。 \t１2*#", max_size=40), max_size=60),
       st.sampled_from(["\n", "\n\n"]))
def test_lines_of_is_the_line_of_position(lines: list[str], between: str) -> None:
    """The lines of many indices at once, or of a few one by one, are those ``position``
    gives, to the index just past the text."""
    n = normalise(Source("t.txt", between.join(lines), "utf-8"))
    every = list(range(len(n.text) + 1))
    assert n.lines_of(every) == [n.position(i)[0] for i in every]
    assert n.lines_of(every[:3]) == [n.position(i)[0] for i in every[:3]]
    check_map(between.join(lines))


def _wrapped_at(paragraph: str, count: int) -> list[str]:
    """``paragraph`` with spaces set around its numbers, cut every ``count`` characters,
    the spaces counted (as some reprints wrap)."""
    spaced = re.sub(r"([0-9.%]+)", r" \1 ", paragraph).replace("  ", " ")
    return [spaced[k:k + count].strip() for k in range(0, len(spaced), count)]


def test_a_column_wrapped_at_a_count_of_characters_spaces_counted() -> None:
    """A reprint wraps its lines at 17 characters, the spaces it sets around numbers
    counted: a line full of numbers is as wide in characters as the others, narrower in
    cells. Where a column break cuts the question after such a line, the question goes
    on after the blank line."""
    question = ("日本广播协会记者：国家外汇管理局最新数据显示，今年上半年我国经常账户顺差1664亿美元，"
                "同比增长43%，直接投资顺差740亿美元。您对此有何评价？")
    answer = ("华春莹：中国物流与采购联合会今天公布，1至8月全国社会物流总额216.4万亿元，增速比"
              "上月回升0.1个百分点。工业品物流需求稳中有升，汽车制造等物流需求加速恢复，大宗"
              "商品进口物流量比前期进一步改善。我们"
              "注意到，今年以来，各地区各部门认真贯彻落实党中央决策部署，着力稳定经济大盘，物流"
              "运行总体平稳。下一步，有关部门将继续畅通交通物流，保障产业链供应链稳定。")
    lines = _wrapped_at(question, 17)
    cut = next(k for k, line in enumerate(lines) if "740" in line) + 1
    text = "\n".join([*lines[:cut], "", *lines[cut:], "", *_wrapped_at(answer, 17)]) + "\n"
    units = document_from_text(text).units
    assert [(u.kind, u.label) for u in units] == [("qa", "日本广播协会记者")]
    assert units[0].text.split("\n")[0] == question
