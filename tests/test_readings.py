"""Align + classify on small real snippets: each case says why it exists (cases/readings.json)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from variantdiff.align import align
from variantdiff.classify import classify, kind_of, read_pair, to_arabic

CASES = json.loads((Path(__file__).parent / "cases" / "readings.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:50] for c in CASES])
def test_reading(case: dict[str, object]) -> None:
    a, b = str(case["a"]), str(case["b"])
    got = [[r.kind, r.a_text, r.b_text] for r in classify(a, b, align(a, b))]
    assert got == case["expect"], case["why"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"][:50] for c in CASES])
def test_offsets_point_at_the_texts(case: dict[str, object]) -> None:
    """Every reading's offsets select exactly its texts in A and B."""
    a, b = str(case["a"]), str(case["b"])
    for r in classify(a, b, align(a, b)):
        assert a[r.a_start:r.a_end] == r.a_text
        assert b[r.b_start:r.b_end] == r.b_text


def test_mirror_swaps_kinds() -> None:
    """compare(B, A) is the mirror of compare(A, B): insertions become deletions, etc."""
    mirror = {"insertion": "deletion", "deletion": "insertion", "omission": "addition",
              "addition": "omission"}
    for case in CASES:
        a, b = str(case["a"]), str(case["b"])
        forward = [(r.kind, r.a_text, r.b_text) for r in classify(a, b, align(a, b))]
        backward = [(r.kind, r.b_text, r.a_text) for r in classify(b, a, align(b, a))]
        assert sorted((mirror.get(k, k), x, y) for k, x, y in forward) == sorted(backward)


def test_kind_of_prefers_specific_kinds() -> None:
    """Script, width and numeral are recognised before falling back to substitution."""
    assert kind_of("個", "个") == "script"
    assert kind_of("ＡＢ", "AB") == "width"
    assert kind_of("十二", "12") == "numeral"
    assert kind_of("甲乙", "丙丁") == "substitution"


def test_to_arabic() -> None:
    assert to_arabic("二〇二〇") == "2020"
    assert to_arabic("一百二十") == "120"
    assert to_arabic("三千") == "3000"


def test_a_swap_beside_another_change_is_a_transposition() -> None:
    """Two words that changed places one character after another change: the other
    change and the swap, not a word dropped here and one added there."""
    from variantdiff.classify import read_pair

    readings = read_pair("推动发展基式绿色低碳转型，", "推动发展方式低碳绿色转型，")
    assert [(r.kind, r.a_text, r.b_text) for r in readings] == [
        ("substitution", "基式", "方式"), ("transposition", "绿色低碳", "低碳绿色")]


def test_two_words_that_change_places_across_a_mark_are_one_transposition() -> None:
    from variantdiff.classify import read_pair

    readings = read_pair("保护老建筑、老厂区等历史遗存", "保护老厂区、老建筑等历史遗存")
    assert [(r.kind, r.a_text, r.b_text) for r in readings] == [
        ("transposition", "老建筑、老厂区", "老厂区、老建筑")]


def test_a_rewritten_clause_is_one_reading_not_a_string_of_word_changes() -> None:
    """A clause reworded so that the two share only an odd character here and there is
    one substitution; separators changed in a list stay punctuation readings."""
    from variantdiff.classify import read_pair

    readings = read_pair("经股东同意转让的股权，在同等条件下", "股东向股东以外的人转让股权的，在同等条件下")
    assert [(r.kind, r.a_text, r.b_text) for r in readings] == [
        ("substitution", "经股东同意转让的股权", "股东向股东以外的人转让股权的")]
    assert [r.kind for r in read_pair("甲，乙，丙，丁", "甲、乙、丙、丁")] == ["punctuation"] * 3


def test_misreadings_a_few_characters_apart_stay_apart() -> None:
    """Three characters misread close together (an OCR copy) are three readings, not one
    rewritten stretch; a decimal changed is read whole."""
    from variantdiff.classify import read_pair

    readings = read_pair("力度之大、成效之大前所未有。", "力度之大、戍效之太前所末有。")
    assert [(r.a_text, r.b_text) for r in readings] == [("成效", "戍效"), ("大", "太"),
                                                        ("未有", "末有")]
    assert [(r.a_text, r.b_text) for r in read_pair("同比增长5.5%，", "同比增长5.6%，")] == [
        ("5.5", "5.6")]
    assert [(r.kind, r.a_text, r.b_text) for r in read_pair("共建一带一路十周年成果丰硕",
                                                            "共建一带一路十二周年成果丰硕")] == [
        ("substitution", "十", "十二")]


def test_misreadings_that_split_a_character_stay_apart() -> None:
    from variantdiff.classify import read_pair

    readings = read_pair("他说我们要加强合作推动发展。", "他讲我门要加弓虽合作推动发展。")
    assert [(r.a_text, r.b_text) for r in readings] == [("说", "讲"), ("我们", "我门"),
                                                        ("加强", "加弓虽")]


@pytest.mark.parametrize(("a", "b", "reading"), [
    # an article renumbered, whatever characters of its number changed
    ("第十条 国家", "第十三条 国家", ("substitution", "第十条", "第十三条")),
    ("第四十二条 国家", "第四十条 国家", ("substitution", "第四十二条", "第四十条")),
    ("第三十七条 国家", "第四十五条 国家", ("substitution", "第三十七条", "第四十五条")),
    ("依照本法第二十条的规定", "依照本法第二十一条的规定", ("substitution", "第二十条", "第二十一条")),
    # no word after the number cut (部分, 部门, 年度), no word that is no number widened
    ("第三部分内容", "第四部分内容", ("substitution", "第三", "第四")),
    ("经十部门联合发文", "经十一部门联合发文", ("substitution", "十", "十一")),
    ("千万不要忘记", "千不要忘记", ("deletion", "万", "")),
    ("我们一一回答问题", "我们一回答问题", ("deletion", "一", "")),
    ("完成二〇二〇年度的工作总结", "完成二〇二一年度的工作总结",
     ("substitution", "二〇二〇", "二〇二一")),
    ("总值123456789.5元", "总值123456789.6元", ("substitution", "123456789.5", "123456789.6")),
    # every character of a long number changed but its hundreds: one reading, not two
    ("依照第三百三十八条规定", "依照第四百一十七条规定",
     ("substitution", "第三百三十八条", "第四百一十七条")),
    # a number in a line set letter by letter (a justified line's OCR, normalised) is read
    # whole too
    ("利用率达到35%以上", "利用率达到3 0 %以上", ("substitution", "35", "3 0")),
    # ten thousands inside a number in words (三万五千) are counted as figures count them
    ("观众达三万五千人次", "观众达35000人次", ("numeral", "三万五千", "35000")),
    ("新增就业两万人", "新增就业20000人", ("numeral", "两万", "20000")),
])
def test_a_number_is_read_whole_and_no_further(a: str, b: str,
                                               reading: tuple[str, str, str]) -> None:
    """A number is read whole from its start, with what it numbers (an article
    renumbered reads the same whatever characters of its number changed), but no word
    after it is cut (部分, 部门, 年度), and words that are no numbers (千万, 一一) are not
    widened."""
    from variantdiff.classify import read_pair

    assert [(r.kind, r.a_text, r.b_text) for r in read_pair(a, b)
            if r.kind != "whitespace"] == [reading]


@pytest.mark.parametrize(("a", "b", "reading"), [
    ("3.违反法定程序的；", "（二）违反法定程序的；", ("substitution", "3.", "（二）")),
    ("(三)违反本办法第六条规定。", "（二）违反本办法第六条规定。", ("substitution", "(三)", "（二）")),
    ("（五）没有采取必要措施的。", "（六）没有采取必要措施的。", ("substitution", "（五）", "（六）")),
    ("二、没有采取必要措施的。", "三、没有采取必要措施的。", ("substitution", "二、", "三、")),
    ("1.没有采取必要措施的。", "1、没有采取必要措施的。", ("punctuation", ".", "、")),
    ("今年三、四月份的工作", "今年五、四月份的工作", ("substitution", "三", "五")),
    ("一、加强组织领导。\n二、完善工作制度。", "一、加强组织领导。\n、完善工作制度。",
     ("deletion", "二", "")),
    ("（五）没有采取必要措施的。", "（）没有采取必要措施的。", ("deletion", "五", "")),
    ("二十、没有采取必要措施的。", "十、没有采取必要措施的。", ("substitution", "二十、", "十、")),
])
def test_a_list_items_number_is_read_whole_with_its_brackets(
        a: str, b: str, reading: tuple[str, str, str]) -> None:
    """An item renumbered in another style is one reading of its whole number, brackets
    and mark (3./（二）), not a bracket, a number and a bracket; a change of mark alone
    stays punctuation, and 三、四月份 inside a sentence is no item. A number dropped
    between marks the copy keeps is the number alone: the marks are in no reading."""
    from variantdiff.classify import read_pair

    assert [(r.kind, r.a_text, r.b_text) for r in read_pair(a, b)] == [reading]


def test_a_clause_a_new_edition_makes_part_of_a_longer_sentence_is_aligned_in_it() -> None:
    """A: an item of a list; B: the new edition's article that holds the item's words
    inside a sentence four times as long. The item is aligned in it: its number read
    against the new opening and the rest an insertion, not the whole of A left out and
    the whole of B added."""
    from variantdiff.classify import read_pair

    a = "（五）没有采取必要措施防止货物脱落、扬撒等的。"
    b = ("客运经营者强行招揽旅客，货运经营者强行招揽货物或者没有采取必要措施防止货物脱落、扬撒等的，"
         "由县级以上地方人民政府交通运输主管部门责令改正，处1000元以上3000元以下的罚款；"
         "情节严重的，由原许可机关吊销道路运输经营许可证。")
    readings = [(r.kind, r.a_text, r.b_text[:6]) for r in read_pair(a, b)]
    assert readings == [("substitution", "（五）", "客运经营者强"), ("insertion", "", "，由县级以上")]


def test_a_sentence_a_copy_repeats_is_an_omission_in_the_other() -> None:
    """A prints a sentence twice; B once. The repeat is one omission of the whole
    sentence, not a deletion that starts at the full stop before it."""
    from variantdiff.classify import read_pair

    a = "会议指出，要坚持稳中求进。中方对此表示坚决反对。中方对此表示坚决反对，并已提出严正交涉。"
    b = "会议指出，要坚持稳中求进。中方对此表示坚决反对，并已提出严正交涉。"
    assert [(r.kind, r.a_text) for r in read_pair(a, b)] == [("omission", "中方对此表示坚决反对。")]


def _read(a: str, b: str) -> list[tuple[str, str, str]]:
    """The readings of ``a`` against ``b``: kind, A's text, B's text."""
    return [(r.kind, r.a_text, r.b_text) for r in read_pair(a, b)]


def test_a_digit_added_to_a_number_is_read_with_the_whole_number() -> None:
    """A rate raised from 5% to 15%, a fine from 50万 to 250万: the number is read whole,
    not as a digit inserted into it."""
    assert _read("（五）立三等功的，增发5%。", "（五）立三等功的，增发15%。") == [
        ("substitution", "5", "15")]
    assert _read(
        "处五十万元以上五百万元以下的罚款，没收违法所得50万元。",
        "处五十万元以上五百万元以下的罚款，没收违法所得250万元。") == [
        ("substitution", "50", "250")]


def test_a_word_changed_beside_full_width_digits_is_a_reading_of_its_own() -> None:
    """A copy sets its digits full width (９０００): a word changed or dropped right
    before them is read alone, and the digits' width is a reading of its own."""
    assert _read(
        "据统计，我国9000多家企业参与了这一项目。", "据统计，稳定９０００多家企业参与了这一项目。") == [
        ("substitution", "我国", "稳定"), ("width", "9000", "９０００")]
    assert _read("全年实现营业收入了221.8亿元。", "全年实现营业收入２２１.８亿元。") == [
        ("deletion", "了", ""), ("width", "221.8", "２２１.８")]
    # (a sign set with them is read with them, whichever copy sets it full width)
    assert _read("产品型号为ＡＢ－１２型。", "产品型号为AB-13型。") == [
        ("width", "ＡＢ－", "AB-"), ("substitution", "１２", "13")]
    assert _read("咨询电话０１０－１２３４５６７８。", "咨询电话010－12345679。") == [
        ("width", "０１０", "010"), ("substitution", "１２３４５６７８", "12345679")]


def test_a_word_beside_a_comma_a_copy_sets_in_ascii_is_read_alone() -> None:
    """A web copy sets its punctuation in ASCII (一道,继续): a word it adds or moves
    beside a comma is read as what it is, and each mark's width is a reading of its own."""
    assert _read("中方愿同欧方一道，继续推动合作。", "中方愿同欧方一道,还继续推动合作。") == [
        ("width", "，", ","), ("insertion", "", "还")]
    assert _read("推动合作，深化绿色和数字领域对接。", "推动合作,绿色深化和数字领域对接。") == [
        ("width", "，", ","), ("transposition", "深化绿色", "绿色深化")]
    assert _read("您怎么看？王毅：中欧是伙伴。", "您怎么看?王毅:中欧是伙伴。") == [
        ("width", "？", "?"), ("width", "：", ":")]


def test_a_clause_added_in_a_run_that_repeats_is_read_with_its_mark() -> None:
    """A clause an edition adds, or a list item it drops, where the text around it repeats
    its last words: the passage is read with its clause mark at one end and whole words
    (，并将其纳入…控制制度, 坚持总体国家安全观，), not cut mid-word (制度，并将其…控制,
    总体国家安全观，坚持)."""
    rule = "单位内部会计监督制度应当符合下列要求："
    assert _read("第二十七条各单位应当建立、健全本单位内部会计监督制度。" + rule,
                 "第二十五条各单位应当建立、健全本单位内部会计监督制度，并将其纳入本单位内部控制制度。"
                 + rule) == [
        ("substitution", "第二十七条", "第二十五条"), ("insertion", "", "，并将其纳入本单位内部控制制度")]
    assert _read("坚持中国共产党的领导。", "坚持总体国家安全观，坚持中国共产党的领导。") == [
        ("insertion", "", "坚持总体国家安全观，")]
    assert _read("依照本规定（试行）执行。", "依照本规定(试行)执行。") == [("width", "（试行）", "(试行)")]


def test_brackets_in_another_width_are_one_reading_with_the_words_they_hold() -> None:
    """A bracketed phrase set in the other width is one ``width`` reading, brackets and
    words (a defined term of a law too); where the words between changed, the two
    brackets are readings of their own beside the substitution."""
    assert _read("利害关系人（以下简称土地权利人）认为", "利害关系人(以下简称土地权利人)认为") == [
        ("width", "（以下简称土地权利人）", "(以下简称土地权利人)")]
    assert _read("根据《中华人民共和国收养法》(以下简称收养法)，制定本办法。",
                 "根据《中华人民共和国民法典》（以下简称民法典），制定本办法。") == [
        ("substitution", "收养法", "民法典"), ("width", "(", "（"),
        ("substitution", "收养法", "民法典"), ("width", ")", "）")]


def test_a_character_dropped_and_another_added_further_on_is_no_transposition() -> None:
    """A copy drops a 的 and adds another some words further on: a deletion and an
    insertion, not one long transposition; a word that changes places with a 的 beside it
    is still one (的发展/发展的)."""
    assert _read("一个月的销量达到一万辆左右，受到消费者欢迎。",
                 "一个月销量达到一万辆左右，受到消费者的欢迎。") == [
        ("deletion", "的", ""), ("insertion", "", "的")]
    assert _read("这是中国发展的重要机遇期", "这是中国的发展重要机遇期") == [
        ("transposition", "发展的", "的发展")]


def test_a_stray_mark_a_copy_adds_at_a_sentence_start_is_punctuation() -> None:
    """A copy sets a stray 。 right after a speaker's label: a mark added, not a passage."""
    assert _read("王毅：中欧是伙伴而不是对手。", "王毅：。中欧是伙伴而不是对手。") == [
        ("punctuation", "", "。")]


def test_a_change_inside_a_moved_sentence_is_not_read_with_one_beside_it() -> None:
    """A copy moves a sentence and adds a character in it (投入/投件入), and drops a 要
    just after the sentence's old place: the move, the insertion inside it and the
    deletion are three readings. Read together, the two edits would make one
    substitution whose B side spans the sentence the move went past."""
    a = "要加大文化资源保护传承力度。要创新黄河国家文化公园文旅融合发展模式。" \
        "要加大对重大文化项目的投入。要讲好新时代黄河故事。"
    b = "要加大文化资源保护传承力度。要加大对重大文化项目的投件入。" \
        "要们新黄河国家文化公园文旅融合发展模式。讲好新时代黄河故事。"
    got = read_pair(a, b)
    assert [(r.kind, r.a_text, r.b_text) for r in got] == [
        ("substitution", "创新", "们新"),
        ("move", "要加大对重大文化项目的投入。", "要加大对重大文化项目的投件入。"),
        ("insertion", "", "件"), ("deletion", "要", "")]
    assert [(r.b_start, r.b_end) for r in got][2:] == [(26, 27), (49, 49)]


def test_an_insertion_where_a_moved_sentence_ends_is_not_read_with_a_deletion_before_it() -> None:
    """A copy moves a speaker's label after the sentence that followed it and takes the
    words after the label with it: the insertion that stands in the moved sentence is not
    joined to the deletion at the label's old place, whose B side would then span the
    sentence the move went past."""
    a = "习近平和佐科下达指令：“开始！”崭新亮丽的综合检测车缓缓驶出德卡鲁尔车站并逐渐加速前行。"
    b = "”崭新亮丽的综合检测车缓缓驶出德卡鲁尔车站并逐渐加速前行。习近平和佐科下达指令：“开始！"
    got = read_pair(a, b)
    spans = sorted((r.b_start, r.b_end) for r in got if r.kind != "move")
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    assert all(r.b_end - r.b_start <= len("“开始！") for r in got if r.kind != "move")


def test_a_width_change_between_two_script_forms_is_a_reading_of_its_own() -> None:
    """区）黄河 / 區)黃河: the bracket's width is one reading and the two characters on either
    side are script readings, none of which takes in the other (an editor ignoring width
    still sees each script form, and no reading overlaps another)."""
    read = read_pair("县（市、区）黄河河务部门", "縣（市、區)黃河河務部門")
    found = [(r.kind, r.a_text, r.b_text) for r in read]
    assert ("width", "）", ")") in found
    assert not [r for r in found if r[0] == "script" and "）" in r[1]]
    spans = sorted((r.a_start, r.a_end) for r in read)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


@pytest.mark.parametrize("selector", ["\U000e0100", "\ufe00"])
def test_a_variation_selector_is_a_form_of_its_character(selector: str) -> None:
    """A transcription that asks for a glyph of 葛 (葛 + an ideographic variation selector)
    differs from one without in the form of 葛, not by an invisible character dropped:
    one script reading of the character with its selector, which ``--ignore script``
    hides."""
    a = f"葛{selector}洪是东晋时期的道教学者。"
    assert _read(a, "葛洪是东晋时期的道教學者。") == [
        ("script", f"葛{selector}", "葛"), ("script", "学者", "學者")]
    assert kind_of(f"葛{selector}洪", "葛洪") == "script"


def test_between_two_traditional_copies_a_simplified_form_is_another_character() -> None:
    """云/雲, 谷/穀, 里/裏 are words of their own in a traditional text: between two copies
    set in traditional characters a reading (``--ignore script`` does not hide it); between
    a simplified copy and a traditional one, a form."""
    def kinds(a: str, b: str) -> list[tuple[str, str, str]]:
        return [(r.kind, r.a_text, r.b_text) for r in read_pair(a, b)]

    assert kinds("遵渚徒云樂，沖天自不遑。", "遵渚徒雲樂，沖天自不遑。") == [("substitution", "云", "雲")]
    assert {k for k, _, _ in kinds("遵渚徒云乐，冲天自不遑。", "遵渚徒雲樂，沖天自不遑。")} == {"script"}


@pytest.mark.parametrize(("a", "b", "reading"), [
    ("我们将保护老建筑、老厂区等历史遗存。", "我们将保护老厂区、老建筑等历史遗存。",
     ("老建筑、老厂区", "老厂区、老建筑")),
    ("推动重点行业和重点企业率先达峰。", "推动重点企业和重点行业率先达峰。",
     ("重点行业和重点企业", "重点企业和重点行业")),
    ("抓好城市建设、农村建设工作。", "抓好农村建设、城市建设工作。",
     ("城市建设、农村建设", "农村建设、城市建设")),
])
def test_two_words_that_change_places_are_read_whole_with_what_they_share(
        a: str, b: str, reading: tuple[str, str]) -> None:
    """Two list items that share their first (or last) characters and change places are
    one transposition of the whole items, not of what follows the shared characters
    (建筑、老厂区 / 厂区、老建筑 would start inside a word)."""
    read = read_pair(a, b)
    assert [(r.kind, r.a_text, r.b_text) for r in read] == [("transposition", *reading)]
    assert a[read[0].a_start:read[0].a_end] == reading[0]


def test_a_changed_character_is_read_on_word_edges_not_across_a_words_parts() -> None:
    """市 changed to 商 in 批发市场 (jieba reads 批发商场 as 批发商 场): the reading is on
    word edges, 批发市场 / 批发商场, not 批发市 / 批发商 cut inside A's word (jieba's
    search mode yields 发市 across 批发|市场, no boundary of the word's parts)."""
    read = read_pair("后来在服装批发市场做生意。", "后来在服装批发商场做生意。")
    assert [(r.kind, r.a_text, r.b_text) for r in read] == [("substitution", "批发市场", "批发商场")]


def test_two_misread_words_side_by_side_stay_two_readings_beside_a_half_width_mark() -> None:
    """专家代表 misread 专冢代衣 (OCR): two readings, 专家 / 专冢 and 代表 / 代衣, whether or
    not the copy sets a half-width mark elsewhere in the sentence (? for 。), which has it
    read on its folded forms."""
    a = "第一个派遣防疫专家代表团来华的国家。"
    for end in ("。", "?"):
        read = read_pair(a, "第一个派遣防疫专冢代衣团来华的国家" + end)
        assert [(r.a_text, r.b_text) for r in read if r.kind == "substitution"] == [
            ("专家", "专冢"), ("代表", "代衣")]


def test_a_character_added_before_a_stray_line_break_is_read_without_it() -> None:
    """An OCR copy that doubles 样 across a stray line break (树立了样⏎样板): the insertion is
    样, its text and its span alike; the line break a whitespace reading of its own."""
    a = "为全球抗疫树立了样板，为国际社会作出了贡献。"
    b = "为全球抗疫树立了样\n样板，为国际社会作出了贡献。"
    read = read_pair(a, b)
    assert [(r.kind, r.a_text, r.b_text) for r in read] == [
        ("insertion", "", "样"), ("whitespace", "", "\n")]
    assert all(b[r.b_start:r.b_end] == r.b_text for r in read)


def test_a_label_in_title_marks_replaced_is_one_reading() -> None:
    """《经济日报》记者 relabelled 问 (an interview's style) is one reading of the label,
    not 《 dropped and 经济日报》记者 / 问: the title marks go with the words they hold."""
    read = read_pair("《经济日报》记者：长江保护法3月1日起正式施行。", "问：长江保护法3月1日起正式施行。")
    assert [(r.kind, r.a_text, r.b_text) for r in read] == [("substitution", "《经济日报》记者", "问")]


def test_a_hong_kong_and_a_taiwan_copy_differ_in_forms_not_in_words() -> None:
    """峯/峰, 羣/群, 污/汙, 臺/台 are the forms the Hong Kong and Taiwan standards write one
    character in (OpenCC's regional tables take one to the other), though one of each is
    also the simplified form: between two traditional copies, script readings, as 衞/衛
    are, not substitutions; 雲/云 stays one."""
    hong_kong = "實現碳達峯不是攀高峯，人民羣眾的獲得感顯著增強，讓污水不再橫流，推動電商平台減少包裝。"
    taiwan = "實現碳達峰不是攀高峰，人民群眾的獲得感顯著增強，讓汙水不再橫流，推動電商平臺減少包裝。"
    read = read_pair(hong_kong, taiwan)
    assert read and {r.kind for r in read} == {"script"}
    assert "".join(r.a_text for r in read).count("峯") == 2
    cloud = read_pair(hong_kong + "白雲", taiwan + "白云")
    assert [(r.kind, r.a_text, r.b_text) for r in cloud if r.kind != "script"] == [
        ("substitution", "白雲", "白云")]


def test_two_traditional_editions_read_a_short_line_as_traditional_too() -> None:
    """A line with no character that simplification changes (故友仍同里) is still set in
    traditional characters when its document is: 里/裏 is a reading there."""
    from variantdiff import compare_texts

    a = "國破山河在，城春草木深。感時花濺淚，恨別鳥驚心。\n\n故友仍同里，常僚每合堂。\n"
    b = "國破山河在，城春草木深。感時花濺淚，恨別鳥驚心。\n\n故友仍同裏，常僚每合堂。\n"
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants] == [
        ("substitution", "里", "裏")]


@pytest.mark.parametrize(("a", "b", "kind"), [("粔籹鬥成。", "粔籹鬥成□。", "insertion"),
                                              ("二〇二〇年", "二○二○年", "numeral"),
                                              ("张三同志", "××同志", "substitution")])
def test_a_sign_that_stands_for_a_character_is_no_punctuation(a: str, b: str, kind: str) -> None:
    """A lacuna mark (□), ○ set for 〇, × for a name kept back: a character lost or
    replaced, not punctuation (``--ignore punctuation`` does not hide it)."""
    assert {r.kind for r in read_pair(a, b)} == {kind}


def test_a_copy_that_runs_sentences_on_with_commas_differs_in_punctuation_only() -> None:
    """One copy ends each line of a poem with 。, the other runs them on with ，: three
    punctuation readings, not the last line left out and put back."""
    found = [(r.kind, r.a_text, r.b_text) for r in read_pair(
        "白日依山尽。黄河入海流。欲穷千里目。更上一层楼。",
        "白日依山尽，黄河入海流，欲穷千里目，更上一层楼。")]
    assert found == [("punctuation", "。", "，")] * 3


def test_a_line_break_beside_a_changed_character_is_a_reading_of_its_own() -> None:
    """A copy that runs on a line another breaks after a changed mark, the next character
    changed too: the break is a whitespace reading, the character a substitution of
    its own (no reading's text opens with a line break)."""
    found = [(r.kind, r.a_text, r.b_text) for r in read_pair(
        "燕语莺啼声断续。\n蕙风飘荡入芳丛。", "燕语莺啼声断续，惠风飘荡入芳丛。")]
    assert ("substitution", "蕙", "惠") in found and ("whitespace", "\n", "") in found
    assert all(k == "whitespace" or "\n" not in a + b for k, a, b in found)


def test_a_changed_mark_before_a_swap_is_punctuation_and_a_transposition() -> None:
    """，明月 / 。月明: the marks are a punctuation reading and the words a transposition
    (``--ignore punctuation`` hides the one and keeps the other); a mark moved among the
    same words (江，南 / ，江南) is punctuation."""
    found = [(r.kind, r.a_text, r.b_text) for r in read_pair(
        "鸳枕映屏山，明月三五夜，对芳颜。", "鸳枕映屏山。月明三五夜，对芳颜。")]
    assert found == [("punctuation", "，", "。"), ("transposition", "明月", "月明")]
    assert [r.kind for r in read_pair("玉蝴蝶江，南春色好", "玉蝴蝶，江南春色好")] == ["punctuation"]


def test_a_labels_colon_in_another_width_is_its_typography() -> None:
    """记者： / 记者: before the question is the label's typography (whitespace, hidden as
    a bracketed label is); a sentence that ends in a colon before a list keeps its width
    reading, and so does a colon inside a sentence."""
    got = read_pair("记者：近期，美国军舰频繁过航。\n刘文博：中国人民解放军",
                    "记者:近期,美国军舰频繁过航。\n刘文博:中国人民解放军", 0.5, 0.8)
    assert [(r.kind, r.a_text, r.b_text) for r in got] == [
        ("whitespace", "：", ":"), ("width", "，", ","), ("whitespace", "：", ":")]
    for a, b in (("代表享有下列权利：\n（一）出席会议", "代表享有下列权利:\n（一）出席会议"),
                 ("代表享有下列权利：（一）出席会议", "代表享有下列权利:（一）出席会议"),
                 ("北京市教委今天宣布：今年中考", "北京市教委今天宣布:今年中考")):
        assert [(r.kind, r.a_text, r.b_text) for r in read_pair(a, b, 0.5, 0.8)] == [
            ("width", "：", ":")]
