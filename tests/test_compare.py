"""compare end to end on the seeds: pairing, the variants an editor expects, determinism."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from variantdiff import Comparison, Config, InputError, compare, compare_texts, document_from_text
from variantdiff.report_json import comparison_json, dumps

from .gold import gold_pairs, score_pair, seed


@pytest.fixture(scope="module")
def c000_003() -> Comparison:
    return compare(seed("000"), seed("003"))


def readings(result: Comparison) -> list[tuple[str, str, str]]:
    return [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)]


def test_000_003_pairs_every_shared_qa_and_nothing_else(c000_003: Comparison) -> None:
    """000 is abridged and reordered: its ten answers that 003 carries are all paired."""
    labels = sorted(p.a.label or "" for p in c000_003.pairs)
    assert labels == sorted([
        "今日俄罗斯国际通讯社记者", "埃及中东通讯社记者", "《人民日报》记者", "《中国日报》记者",
        "凤凰卫视记者", "《环球时报》记者", "中国国际电视台记者", "路透社记者",
        "中央广播电视总台央视记者", "澎湃新闻记者"])
    assert all(p.a.kind == "qa" and p.a.label == p.b.label for p in c000_003.pairs)


def test_000_003_readings(c000_003: Comparison) -> None:
    """The readings an editor looks for, with their kinds and positions."""
    got = readings(c000_003)
    assert ("substitution", "回援", "回报") in got
    assert ("script", "敲詐", "敲诈") in got
    assert ("transposition", "美中", "中美") in got
    v = next(v for p in c000_003.pairs for v in p.variants if v.a_text == "回援")
    assert (v.a.start_line, v.b.start_line, v.b.start_column) == (113, 69, 8)


def test_000_003_dropped_paragraphs_are_blocks(c000_003: Comparison) -> None:
    """Paragraphs 000 leaves out are whole blocks, never one long substitution."""
    blocks = [v for p in c000_003.pairs for v in p.variants if v.kind == "addition"]
    assert any(v.b_text.startswith("我要在此呼吁") for v in blocks)
    assert all(len(v.a_text) <= 8 for p in c000_003.pairs for v in p.variants
               if v.kind == "substitution")


def test_000_001_reading() -> None:
    assert ("substitution", "信誓旦旦", "信誉扫地") in readings(compare(seed("000"), seed("001")))


def test_001_003_same_text_different_layout() -> None:
    """Same text, different wrapping and spacing: every shared Q&A paired, no reading-level
    variant at all; （下转A03版） is furniture, not content."""
    result = compare(seed("001"), seed("003"))
    assert sorted(p.a.label or "" for p in result.pairs if p.a.kind == "qa") == sorted(
        ["中国国际电视台记者", "今日俄罗斯国际通讯社记者", "《中国日报》记者"])
    assert readings(result) == []
    furniture = [u.text for doc, u in result.unpaired if u.kind == "furniture" and doc == 0]
    assert "（下转A03版）" in furniture


def test_000_002_and_002_003_readings() -> None:
    r02 = readings(compare(seed("000"), seed("002")))
    for reading in [("substitution", "愿同", "乐见"), ("substitution", "行动", "在行"),
                    ("deletion", "解决思路", ""), ("substitution", "流失", "流为")]:
        assert reading in r02
    r23 = readings(compare(seed("002"), seed("003")))
    assert ("transposition", "军舰军机", "军机军舰") in r23
    assert r23.count(("substitution", "领事", "领保")) == 2
    assert ("substitution", "异国", "异乡") in r23
    assert ("deletion", "上", "") in r23


def test_other_year_never_pairs() -> None:
    """004 (2021) shares outlets with the 2020 seeds but no answer: nothing pairs."""
    for other in ("000", "003"):
        assert compare(seed("004"), seed(other)).pairs == ()


def test_compare_with_itself_is_empty() -> None:
    for prefix in ("000", "001", "004"):
        result = compare(seed(prefix), seed(prefix))
        assert not result.has_differences
        assert all(p.variants == () for p in result.pairs)


def test_json_is_byte_identical() -> None:
    one = dumps(comparison_json(compare(seed("000"), seed("003"))))
    two = dumps(comparison_json(compare(seed("000"), seed("003"))))
    assert one == two


@pytest.mark.parametrize("entry", gold_pairs(), ids=lambda e: f"{e['a']}-{e['b']}")
def test_gold_variants(entry: dict[str, object]) -> None:
    """Every variant of the hand-made gold list is found, and nothing else is reported."""
    s = score_pair(entry)
    assert not s.missed, s.missed
    spurious = [(v.kind, v.a_text, v.b_text) for v in s.spurious]
    known = {("addition", "", "记者会历时1小时40分钟。")}  # the closing line sits in another answer
    assert set(spurious) <= known


# --- paragraphs broken differently --------------------------------------------------------

_STORY = ["第一段说的是今天的天气很好，我们一起去公园散步吧。",
          "大型纪录片《征程》今晚播出",
          "这部纪录片共有八集，讲述了一个很长很长的故事。值得一看的是第三集，拍得最好。",
          "最后一段说的是明天的安排，大家早点休息。"]


def test_a_headline_read_with_its_paragraph_is_no_variant() -> None:
    """One copy has the headline on its own, the other runs it into the paragraph after
    it: the two units of A and the one of B are one passage (a hidden whitespace reading,
    nothing unpaired), and the pair names both of A's units."""
    a = "\n".join(_STORY) + "\n"
    b = "\n\n".join([_STORY[0], _STORY[1] + _STORY[2], _STORY[3]]) + "\n"
    result = compare_texts(a, b)
    assert readings(result) == [] and result.unpaired == ()
    pair = result.pairs[1]
    assert (pair.a.id, pair.a.start_line, pair.a.end_line) == ("u2+u3", 2, 3)
    assert pair.b.text == _STORY[1] + _STORY[2]


def test_a_paragraph_broken_in_two_is_no_variant_and_its_readings_are_kept() -> None:
    """B breaks A's paragraph after its first sentence and changes a word in the second
    part: one pair, the one reading at its place in B's second paragraph, nothing
    unpaired and no boilerplate (the sentence is in both copies once)."""
    first, second = _STORY[2].split("。", 1)
    b_text = "\n".join([_STORY[0], _STORY[1], first + "。",
                        second.replace("第三集", "第四集"), _STORY[3]]) + "\n"
    result = compare_texts("\n".join(_STORY) + "\n", b_text)
    assert readings(result) == [("substitution", "第三集", "第四集")]
    assert result.unpaired == () and result.boilerplate == ()
    v = next(v for p in result.pairs for v in result.visible(p))
    assert (v.a.start_line, v.b.start_line, v.b.start_column) == (3, 4, 7)
    # the break itself is a hidden whitespace reading, where A runs on
    (w,) = [w for p in result.pairs for w in p.variants if w.kind == "whitespace"]
    assert (w.a_text, w.b_text, w.a.start_line, w.a.start_column) == ("", "\n", 3, len(first) + 2)


def test_a_sentence_one_copy_runs_on_at_a_paragraph_end_goes_at_that_end() -> None:
    """B adds a sentence at the end of a paragraph (run on from the sentence before, the
    paragraph break after it): in A the addition's place is the end of that paragraph,
    not the start of the next; both ways round. A sentence B adds at the start of the
    next paragraph goes at that start."""
    ask = "新华社记者：中方将如何恢复受疫情影响的合作？\n\n"
    one, two = "王毅：许多项目都为抗疫发挥了重要作用。", "合作的动力来自各国共同发展的坚定决心。"
    added = "比如某项目坚持运行，提供了三分之一的电力。"
    a = f"{ask}{one}\n\n{two}\n"
    b = f"{ask}{one}{added}\n\n{two}\n"
    (v,) = [v for p in compare_texts(a, b).pairs for v in p.variants]
    assert (v.kind, v.b_text) == ("addition", added)
    assert (v.a.start_line, v.a.start_column) == (3, len(one) + 1)
    assert (v.b.start_line, v.b.start_column) == (3, len(one) + 1)
    (w,) = [v for p in compare_texts(b, a).pairs for v in p.variants]
    assert (w.kind, w.a_text) == ("omission", added)
    assert (w.b.start_line, w.b.start_column) == (3, len(one) + 1)
    ahead = f"{ask}{one}\n\n{added}{two}\n"
    (x,) = [v for p in compare_texts(a, ahead).pairs for v in p.variants]
    assert (x.a.start_line, x.a.start_column) == (5, 1)


def test_a_dateline_at_the_other_end_marks_no_place_for_what_one_copy_adds() -> None:
    """A sets the dateline at its foot, B at its top, then a lead paragraph only B has,
    then the turns both carry: the lead would go at A's start, before the first shared
    turn, not after A's dateline at its end."""
    turns = ("《人民日报》记者：人们从这场疫情可以得到的最重要启示是什么？\n\n"
             "王毅：这场疫情给我们带来的最大启示是各国人民的生命健康休戚与共。\n\n"
             "凤凰卫视记者：中方是否同意就病毒源头开展国际独立调查？\n\n"
             "王毅：中方对国际科学界开展病毒溯源科研合作持开放态度。\n")
    lead = "十三届全国人大三次会议24日在人民大会堂举行视频记者会，国务委员兼外交部长王毅回答中外记者提问。"
    a = turns + "\n(据新华社北京5月24日电)\n"
    b = f"据新华社北京5月24日电\n{lead}\n\n{turns}"
    result = compare_texts(a, b)
    assert [u.text for _, u in result.unpaired] == [lead]
    assert [(w.start_line, w.start_column) for w in result.unpaired_at] == [(1, 1)]


def test_a_copy_on_one_line_against_a_copy_that_moved_a_paragraph() -> None:
    """A runs three paragraphs on one line; B sets them apart and moves the second to the
    front, with a word changed in it: one pair of the whole, a move, the moved
    paragraph's reading, and the width reading just before it left alone."""
    first = ("在黑龙江，这两天迎来新一轮寒潮天气，多地出现大雪，哈尔滨、大庆等地出动２５０００余名环卫工人"
             "坚守一线，连夜进行清冰除雪工作。")
    moved = "春节期间，全国各地超百万名快递员坚守岗位。在城市的街头巷尾，外卖员骑着电动车穿梭不息。"
    last = "春节假期，无数劳动者舍小家、为大家，用汗水浇灌收获，以实干笃定前行。"
    a = first + moved + last + "\n"
    b = "\n\n".join([moved.replace("电动", "电边"), first.replace("２５０００", "25000"), last]) + "\n"
    result = compare_texts(a, b)
    assert result.unpaired == () and len(result.pairs) == 1
    assert sorted(readings(result)) == sorted([
        ("move", moved, moved.replace("电动", "电边")), ("width", "２５０００", "25000"),
        ("substitution", "动", "边")])


def test_a_copy_on_one_line_that_sets_two_paragraphs_in_the_other_order() -> None:
    """A sets three paragraphs; B runs them on one line, the last two in the other order
    and a word of the first changed: one pair of the whole, the move, the reading, and
    nothing only in one document."""
    first = ("参加十四届全国人大三次会议的全国人大代表聚焦国计民生，积极建言献策。大家表示，要更加紧密团结在"
             "以习近平同志为核心的党中央周围，开拓进取、真抓实干，圆满完成“十四五”规划目标任务。")
    second = ("全国人大常委会副委员长、中华全国总工会主席王东明在参加山西代表团审议时说，"
              "完全赞成政府工作报告。各级工会要坚定拥护“两个确立”，坚决做到“两个维护”，认真履行维权服务基本职责，深入推进产业"
              "工人队伍建设改革，在推进中国式现代化中充分发挥工人阶级主力军作用。")
    third = ("全国人大常委会副委员长肖捷在参加湖北代表团审议时说，完全赞成政府工作报告。过去一年，以习近平"
             "同志为核心的党中央团结带领全党全国各族人民，顺利完成全年经济社会发展主要目标任务，中国式现代化"
             "迈出新的坚实步伐。要扎实推动高质量发展，进一步全面深化改革，扩大高水平对外开放。")
    a = "\n".join("　　" + p for p in (first, second, third)) + "\n"
    b = first.replace("献策", "献计") + third + second + "\n"
    result = compare_texts(a, b)
    assert result.unpaired == () and len(result.pairs) == 1
    assert sorted(kind for kind, _, _ in readings(result)) == ["move", "substitution"]
    assert ("substitution", "献策", "献计") in readings(result)


def test_a_paragraph_one_copy_leaves_out_is_not_a_piece() -> None:
    """A paragraph beside a paired one that the other copy does not hold stays unpaired,
    with the point in the other copy where it would go: before the paragraph there that
    follows the partner of the one before it (at the end of the text for the last)."""
    b = "\n".join([_STORY[0], _STORY[1], _STORY[3]]) + "\n"
    result = compare_texts("\n".join(_STORY) + "\n", b)
    assert [u.text for _, u in result.unpaired] == [_STORY[2]]
    assert all("+" not in p.a.id and "+" not in p.b.id for p in result.pairs)
    assert [(w.start_line, w.start_column) for w in result.unpaired_at] == [(3, 1)]
    data = comparison_json(result)["unpaired"]
    assert [(e["doc"], e["other_line"], e["other_column"]) for e in data] == [(0, 3, 1)]
    last = compare_texts("\n".join(_STORY) + "\n", "\n".join(_STORY[:3]) + "\n")
    assert [(d, w.start_line, w.start_column) for (d, _), w in
            zip(last.unpaired, last.unpaired_at, strict=True)] == [(0, 3, len(_STORY[2]) + 1)]


@pytest.mark.parametrize("inside", ["图为发射现场。新华社记者 王晔 摄",
                                    "（下转第二版）\n\n本版责编：张晓明\n\n（上接第一版）"])
def test_a_paragraph_left_out_goes_after_furniture_set_inside_the_paragraph_before(
        inside: str) -> None:
    """The paragraph before the one B leaves out has a caption or a page jump set inside
    it (a unit of its own, which starts inside the paragraph): the point where the
    paragraph would go is before B's next paragraph, not at the furniture."""
    first = ("今天7时39分，我国在酒泉卫星发射中心使用谷神星一号商业运载火箭，成功将极光星座01星、"
             "02星发射升空，卫星顺利进入预定轨道，发射任务获得圆满成功。")
    left_out = "今天，中国国家版本馆捐赠入藏精品版本展开展，展览遴选各方捐赠的部分精品版本百余种。"
    last = "中央广播电视总台今天发布六一节目，多档原创精品节目充分展现新时代儿童的新面貌。"
    b = f"{first[:40]}\n{inside}\n{first[40:]}\n\n{last}\n"
    result = compare_texts(f"{first}\n\n{left_out}\n\n{last}\n", b)
    assert [(d, u.text) for d, u in result.unpaired if u.kind != "furniture"] == [(0, left_out)]
    (at,) = [w for (d, u), w in zip(result.unpaired, result.unpaired_at, strict=True) if d == 0]
    assert (at.start_line, at.start_column) == (b.split("\n").index(last) + 1, 1)


def test_a_number_changed_in_a_column_set_letter_by_letter_is_read_whole() -> None:
    """B sets its column letter by letter (a space after every character) and prints
    9.4% for A's 9.5%: one reading 9.5/9.4, located on the figures in B's line."""
    a = "2013—2021年，全社会固定资产投资累计完成409万亿元，年均增长9.5%；总量稳步增加。\n"
    b = ("2 0 1 3 — 2 0 2 1 年 ， 全 社 会 固\n定 资 产 投 资 累 计 完 成 4 0 9 万 亿 元\n"
         "， 年 均 增 长 9 . 4 % ； 总 量 稳 步\n增 加 。\n")
    result = compare_texts(a, b)
    assert readings(result) == [("substitution", "9.5", "9.4")]
    (v,) = [v for p in result.pairs for v in result.visible(p)]
    assert (v.b.start_line, v.b.start_column, v.b.end_line, v.b.end_column) == (3, 11, 3, 15)


def test_a_title_one_copy_sets_as_a_heading_and_the_other_as_a_paragraph() -> None:
    """A long title is a paragraph in one copy and a markdown heading in the other: the
    same text, nothing only in one document. With a word changed they are a pair with
    the reading, as two headings are, also where the change makes it a little longer;
    cut at its start (a line break the copy set elsewhere) they stay unpaired."""
    title = ("《求是》杂志发表习近平总书记重要文章《健全全面从严治党体系 推动新时代党的建设"
             "新的伟大工程向纵深发展》")
    body = "\n\n".join(_STORY)
    result = compare_texts(f"{title}\n\n{body}\n", f"# {title}\n\n{body}\n")
    assert result.unpaired == () and readings(result) == []
    other = compare_texts(f"{title}\n\n{body}\n", f"# {title.replace('重要', '最新')}\n\n{body}\n")
    assert other.unpaired == () and readings(other) == [("substitution", "重要", "最新")]
    longer = compare_texts(f"{title}\n\n{body}\n",
                           f"# {title.replace('重要文章', '一篇重要的文章')}\n\n{body}\n")
    assert longer.unpaired == () and readings(longer) == [("insertion", "", "一篇"),
                                                          ("insertion", "", "的")]
    cut = compare_texts(f"{title}\n\n{body}\n", f"# {title.replace('《求是》杂志', '')}\n\n{body}\n")
    assert sorted(u.kind for _, u in cut.unpaired) == ["heading", "text"]


def test_a_headline_with_a_character_changed_is_compared() -> None:
    """Two headlines of the same length, one character apart, are a pair with the reading;
    a headline reworded to another length stays unpaired in both."""
    body = "\n\n".join(_STORY)
    a = f"# 扎根高原三十载 只为满城花香来\n\n{body}\n\n## 王毅就中国外交政策答记者问\n"
    b = f"# 扎根高原三十载 只为满种花香来\n\n{body}\n\n## 王毅就中国外交政策回答中外记者提问\n"
    result = compare_texts(a, b)
    heading = next(p for p in result.pairs if p.a.kind == "heading")
    assert [(v.kind, v.a.start_line, v.b.start_line) for v in heading.variants] == [
        ("substitution", 1, 1)]
    assert readings(result) == [("substitution", heading.variants[0].a_text,
                                 heading.variants[0].b_text)]
    assert "城" in heading.variants[0].a_text and "种" in heading.variants[0].b_text
    assert sorted((d, u.text) for d, u in result.unpaired) == [
        (0, "王毅就中国外交政策答记者问"), (1, "王毅就中国外交政策回答中外记者提问")]


def test_a_title_one_copy_sets_on_two_lines_pairs_whole() -> None:
    """A sets a title on two lines, each read as a heading; B on one. Where the two copies
    pair their text, the first line pairs with B's heading (and the second joins it as a
    piece beside it); where they pair nothing, the title alone does not make them
    copies (2021's press conference bears the title of 2020's)."""
    from variantdiff.pair import match_headings

    a = document_from_text("# 中华人民共和国各级人民代表大会\n\n# 常务委员会监督法\n\n# 第一章 总则\n")
    b = document_from_text("# 第一章 总则\n\n# 中华人民共和国各级人民代表大会常务委员会监督法\n")
    taken: tuple[set[int], set[int]] = ({2}, {0})
    found = match_headings(a.units, b.units, taken, 0.75, copies=True)
    assert [(m.a, m.b) for m in found] == [(0, 1)]
    assert match_headings(a.units, b.units, taken, 0.75, copies=False) == ()


def test_a_headline_one_copy_sets_as_a_paragraph_with_a_character_changed() -> None:
    """A headline with a lead-in (德国议员：北约大规模军演是挑衅行为) that one copy sets as
    a heading and the other, whose lines are mostly short, as a paragraph, with a
    character misread: a pair with the reading. The other copy's own subheadings stay
    unpaired."""
    first = "俄罗斯国防部11日称，俄军在顿涅茨克和扎波罗热方向击退多次乌军进攻，俄方还称有六艘无人艇被击沉。"
    last = "针对美西方不断向乌克兰提供武器，意大利前总理孔特11日表示，美西方的政策是错误的。"
    a = "\n\n".join(["俄称击沉乌军六艘无人艇", "　　" + first, "德国议员：北约大规模军演是挑衅行为",
                     "　　" + last]) + "\n"
    b = "\n".join(["俄称击沉乌军六艘无人艇", "　　" + first, "各地开展多彩活动",
                   "　　德国意员：北约大规模军演是挑衅行为", "意前总理孔特谈局势", "　　" + last]) + "\n"
    result = compare_texts(a, b)
    heading = next(p for p in result.pairs if p.a.kind == "heading")
    assert heading.b.kind == "text"
    assert [(v.a_text, v.b_text) for v in result.visible(heading)] == [("议员", "意员")]
    assert sorted(u.text for _, u in result.unpaired) == ["各地开展多彩活动", "意前总理孔特谈局势"]


def test_a_reading_that_ends_at_a_page_jump_ends_on_its_last_character() -> None:
    """B's paragraph goes on after a page jump with a character inserted before it: the
    reading is 丁 and ends on it (the paragraph break a whitespace reading of its own), not
    on the line break or the jump."""
    a = "第一段说的是今天的天气很好。\n\n中方始终愿本着不冲突不对抗、相互尊重、合作共赢精神。\n"
    b = ("第一段说的是今天的天气很好。\n\n中方始终愿本着不冲突不对丁\n\n（下转A03版）\n\n"
         "抗、相互尊重、合作共赢精神。\n")
    result = compare_texts(a, b)
    (v,) = [v for p in result.pairs for v in result.visible(p)]
    assert v.b_text == "丁"
    assert (v.b.start_line, v.b.start_column, v.b.end_line, v.b.end_column) == (3, 13, 3, 13)


def test_a_turn_whose_answer_one_copy_cut_by_half_pairs_by_its_question() -> None:
    """B keeps the first of the answer's paragraphs, changes two words in it and adds a
    sentence: too little of A's turn is left for the shingle rule, but the question is the
    same, so the two are a pair with the omission, the words and the addition. A turn of
    the same outlet asking another question does not pair."""
    answer = ["今年是故宫博物院建院百年。故宫推出大展，以物述史，全方位展现故宫博物院发展历程。",
              "此次大展，从馆藏一百九十五万余件文物中遴选出书画、青铜器、玉器、陶瓷以及古代宫廷乐器等"
              "两百件国宝珍品，从新石器时代一直延续到清代，构建起一部立体、生动的故宫百年史。"]
    a = "新华社记者：今年是故宫博物院建院百年，这释放出什么信号？\n\n发言人：" + "\n\n".join(answer)
    b = ("新华社记者：今年是故宫博物院建院百年，这释放出什么信号？\n\n发言人："
         + answer[0].replace("以物述史", "以物叙史").replace("全方位", "多角度")
         + "据了解，相关筹备工作目前已经进入收尾阶段。")
    result = compare_texts(a + "\n", b + "\n")
    assert result.unpaired == ()
    kinds = sorted(v.kind for p in result.pairs for v in result.visible(p))
    assert kinds == ["addition", "omission", "substitution", "substitution"]
    other = "新华社记者：故宫博物院今年有哪些新的展览计划？\n\n发言人：" + answer[0]
    assert compare_texts(a + "\n", other + "\n").pairs == ()


def test_a_paragraph_misread_too_often_for_its_shingles_pairs_in_its_place() -> None:
    """A transcription that misreads one character in five keeps few shingles of the
    paragraph, but it stands between the same two paragraphs as the original and reads
    mostly alike: the two are a pair, with the misreadings as readings. An unrelated
    paragraph in that place stays unpaired on both sides."""
    first = "中方愿同各方一道，推动构建人类命运共同体，共同应对全球性挑战。"
    last = "我们将继续坚定支持多边主义，维护以联合国为核心的国际体系。"
    text = ("两国领导人就双边关系和共同关心的国际地区问题深入交换意见，一致同意加强各领域"
            "务实合作，推动两国关系不断迈上新台阶。")
    misread = dict(zip("人同际入意务动系台", "入周标人竟各劫糸合", strict=True))
    copy = "".join(misread.get(c, c) for c in text)
    other = ("会议期间还举行了文化交流活动，展示了丰富多彩的民族艺术作品，吸引了众多市民和"
             "游客前来参观，现场气氛热烈。")

    def doc(middle: str) -> str:
        return f"{first}\n\n{middle}\n\n{last}\n"

    result = compare_texts(doc(text), doc(copy))
    assert result.unpaired == () and len(result.pairs) == 3
    readings = {(v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)}
    assert ("共同", "共周") in readings and ("台阶", "合阶") in readings
    assert all(a != b for a, b in readings)
    assert compare_texts(doc(text), doc(copy), Config(slot_threshold=1.0)).unpaired
    apart = compare_texts(doc(text), doc(other))
    assert len(apart.pairs) == 2 and len(apart.unpaired) == 2


def test_two_misread_lines_compared_whole_are_a_pair() -> None:
    """Two one-line transcriptions of the same subtitle, four characters of fifteen
    misread: too far apart for shingles or the short-unit rule, but they are the whole of
    both texts."""
    result = compare_texts("干脱这样吧，我们落白我，你办个学校\n", "干脆这样吧，我们凑点钱，你办个学校\n")
    readings = [(v.a_text, v.b_text, v.a.start_column, v.b.start_column)
                for p in result.pairs for v in result.visible(p)]
    assert readings == [("干脱", "干脆", 1, 1), ("落白我", "凑点钱", 9, 9)]


def test_units_in_the_same_place_pair_in_order_and_moved_ones_are_no_anchor() -> None:
    """Two misread paragraphs in one place pair first with first, second with second; a
    paragraph another copy moved does not mark a place."""
    misread = dict(zip("的国发展合作同和平共各种", "白园友屐含做周私乎其名神", strict=True))
    paras = ["中国坚定奉行独立自主的和平外交政策，始终做世界和平的建设者、全球发展的贡献者和国际"
             "秩序的维护者。",
             "双方同意深化在经贸、科技、人文等领域的交流与合作，实现互利共赢和共同发展，造福两国人民。",
             "各国应当相互尊重、平等相待，共同维护国际公平正义，携手应对各种风险和挑战，共建美好世界。",
             "面向未来，我们愿同国际社会一道，推动构建更加公正合理的全球治理体系和秩序。"]
    moved = "新闻发布会上，发言人还介绍了近期高层交往的有关安排，并回答了记者的提问。"
    a = [paras[0], moved, paras[1], paras[2], paras[3]]
    b = [paras[0], "".join(misread.get(c, c) for c in paras[1]),
         "".join(misread.get(c, c) for c in paras[2]), paras[3], moved]
    result = compare_texts("\n\n".join(a) + "\n", "\n\n".join(b) + "\n")
    assert result.unpaired == ()
    assert sorted((p.a.id, p.b.id) for p in result.pairs) == [
        ("u1", "u1"), ("u2", "u5"), ("u3", "u2"), ("u4", "u3"), ("u5", "u4")]


def test_a_misread_line_paired_in_its_place_takes_the_line_beside_it() -> None:
    """One copy sets a poem a line a couplet, the other two couplets a line, and reads two
    characters otherwise (徧/遍, 沈/沉): the first couplet pairs with the line in its place,
    the second joins it, and the two characters are the readings."""
    a = "結葉還臨影，飛香欲徧空。\n不意餘花落，翻沈露井中。\n"
    b = "結葉還臨影，飛香欲遍空。不意餘花落，翻沉露井中。\n"
    result = compare_texts(a, b)
    assert result.unpaired == ()
    assert [(p.a.id, p.b.id) for p in result.pairs] == [("u1+u2", "u1")]
    assert [(v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("徧", "遍"), ("翻沈", "翻沉")]


def test_a_page_jump_both_copies_carry_in_other_places_marks_no_place() -> None:
    """Each copy has its own page jumps: the same （下转第二版） standing before the misread
    paragraph in one copy and after it in the other does not cut the place in two."""
    misread = dict(zip("国发展合作同和共各", "园友屐含做周私其名", strict=True))
    first = "中国坚定奉行独立自主的和平外交政策，始终做世界和平的建设者、全球发展的贡献者。"
    text = ("各国应当相互尊重、平等相待，共同维护国际公平正义，携手应对各种风险和挑战，共建美好"
            "世界，推动构建人类命运共同体。")
    last = "面向未来，我们愿同国际社会一道，推动构建更加公正合理的全球治理体系和秩序。"
    jump = "（下转第二版）"
    copy = "".join(misread.get(c, c) for c in text)
    a = "\n\n".join([first, jump, copy, last]) + "\n"
    b = "\n\n".join([first, text, jump, last]) + "\n"
    result = compare_texts(a, b)
    assert [u.kind for _, u in result.unpaired] == []
    assert len(result.pairs) == 3


# --- properties -------------------------------------------------------------------------

_BASE = ("疫情发生以来，习近平主席同普京总统多次通话，在主要大国中保持了最紧密的高层沟通。"
         "俄罗斯是第一个派遣防疫专家代表团来华的国家。双边贸易逆势增长，中方自俄进口增速"
         "在中国主要贸易伙伴中排名第一。面对个别国家的无理攻击与抹黑，双方相互支持，彼此仗义"
         "执言，成为政治病毒攻不破的堡垒。我毫不怀疑，中俄共同抗疫的经历，将转化为疫情后中俄"
         "关系提速升级的动力。")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    text = list(_BASE)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["sub", "del", "ins"]))
        i = draw(st.integers(0, len(text) - 1))
        c = draw(st.sampled_from(list("甲乙丙丁，。的了")))
        if op == "sub":
            text[i] = c
        elif op == "del" and len(text) > 20:
            del text[i]
        else:
            text.insert(i, c)
    return _BASE, "".join(text)


def _qa(body: str) -> str:
    return f"新华社记者：请谈谈中俄关系？\n\n王毅：{body}"


@settings(max_examples=60, deadline=None)
@given(mutated())
def test_applying_variants_to_a_gives_b(pair: tuple[str, str]) -> None:
    """Replacing each variant's A text by its B text rebuilds B's unit exactly."""
    a, b = pair
    result = compare_texts(_qa(a), _qa(b))
    assert len(result.pairs) == 1
    p = result.pairs[0]
    text = p.a.text
    # (variants at one point of A apply in the order they take in B: the later first)
    for v in sorted(p.variants, key=lambda v: (v.a_offsets, v.b_offsets), reverse=True):
        assert v.kind != "move"
        start, end = v.a_offsets
        text = text[:start] + v.b_text + text[end:]
    assert text.replace("\n", "") == p.b.text.replace("\n", "")


@settings(max_examples=30, deadline=None)
@given(mutated())
def test_compare_with_itself_property(pair: tuple[str, str]) -> None:
    _, b = pair
    assert not compare_texts(_qa(b), _qa(b)).has_differences


def test_line_breaks_that_cut_a_sentence_do_not_unmatch_it() -> None:
    """A copy whose lines were kept as a transcriber broke them (one sentence on lines of
    every length, each a paragraph) differs from the other only in its real variant."""
    a = ("海拔4800米的可可西里卓乃湖保护站，5G信号的开通，改变了只能依靠人工巡检的工作模式，"
         "如今工作人员通过大屏幕就可以随时了解保护区的情况。\n")
    b = ("海拔4800米的可可西里卓乃\n湖保护站，5G信号的开通，改变了只能依靠人工巡检的工作模\n"
         "式，如今工作人员通\n过大屏幕就可以及时了解保护区\n的情况。\n")
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("substitution", "随时", "及时")]


def test_a_subheading_one_copy_sets_inside_an_answer() -> None:
    """A subheading one copy sets between two paragraphs of an answer ends the turn there;
    the paragraph after it still pairs with the other copy's answer, the subheading left
    as a heading only that copy has."""
    turn = ("新华社记者：中方如何评价安理会会议？\n\n"
            "王毅：安理会就使馆遇袭召开紧急会议，中方对此予以强烈谴责。\n\n")
    a = turn + "## 民生保障\n\n联合国秘书长古特雷斯2日发表声明，谴责针对使馆的袭击行为。\n"
    b = turn + "联合国秘书长古特雷斯2日则表声明，谴责针对使馆的袭击行为。\n"
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("substitution", "发表", "则表")]
    assert [u.kind for _, u in result.unpaired] == ["heading"]


def test_a_paragraph_one_copy_sets_twice() -> None:
    """A paragraph one copy repeats still pairs with the other copy's one (its first
    copy: the other is the repeat), so the variants in it are found; the repeat is left
    unpaired and listed as boilerplate."""
    intro = "今年以来，各地认真贯彻落实党中央决策部署，经济运行总体平稳。\n\n"
    # (its opening sentence too short to count as a repeat: the rest of its key)
    para = ("推动高质量发展，新年开新局。浙江一批重大项目开工建设，总投资超5000亿元，"
            "涵盖了绿色能源、集成电路等多个领域，广东锚定高质量发展，制定新目标新任务，"
            "今年将推动9200家规模以上工业企业数字化转型。\n\n")
    end = "各地还将出台更多举措，持续激发经营主体活力。\n"
    a = intro + para + end
    misread = para.replace("绿色能源", "绿色能原")
    # (set first and again at the end, so that no place between pairs tells which it is)
    result = compare_texts(a, misread + intro + end + misread)
    # (the copy sets the paragraph before the opening: the opening, the shorter, moved)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("move", intro.strip(), intro.strip()), ("substitution", "能源", "能原")]
    assert sorted(p.b.start_line for p in result.pairs) == [1, 3, 5]
    assert [(d, u.start_line) for d, u in result.unpaired] == [(1, 6)]
    assert any(len(g.occurrences) == 3 for g in result.boilerplate)


def test_reordered_turns_with_one_question_asked_twice() -> None:
    """Two outlets ask the same question (its text repeated in each copy) and a reprint
    sets the turns in another order: every unit is in at most one pair, and each turn
    pairs with its own."""
    lead = "瑞士外交部今天发表声明说，原定于当天举行的美伊谈判已取消，伊朗官方对此暂未回应。\n\n"
    ask = "有评论认为，瑞士宣布今日比尔根山美伊谈判意义重大。您怎么看？"
    first = (f"彭博社记者：{ask}\n\n发言人：美国中央司令部18日说，美军当天解除了对所有进出伊朗港口"
             "及沿海地区的海上交通封锁，美军舰艇将继续驻留该区域。\n\n")
    second = (f"新华社记者：{ask}\n\n发言人：伊朗最高国家安全委员会18日发表声明说，相关船只须向"
              "伊朗波斯湾海峡管理局提交申请，并按照指定航线通过霍尔木兹海峡。\n\n")
    result = compare_texts(lead + first + second, lead + second + first.replace("进出", "进也出"))
    used_a = [p.a.id for p in result.pairs]
    used_b = [p.b.id for p in result.pairs]
    assert len(set(used_a)) == len(used_a) and len(set(used_b)) == len(used_b)
    assert sorted((p.a.label or "", p.b.label or "") for p in result.pairs) == [
        ("", ""), ("彭博社记者", "彭博社记者"), ("新华社记者", "新华社记者")]
    assert [(v.kind, v.b_text[:5]) for p in result.pairs for v in result.visible(p)] == [
        ("move", "彭博社记者"), ("insertion", "也")]


def test_a_heading_both_copies_hold_joins_before_the_text_beyond_it() -> None:
    """A heading one copy runs into a paragraph joins that paragraph's pair, and the
    paragraph after it too: no variant."""
    a = ("八国外长发表声明。\n\n## 各方呼吁尽快恢复停火谈判\n\n"
         "美韩军方计划于本月17日至27日举行联合军演，韩国方面表示将缩小演习规模，朝鲜方面尚未回应。\n")
    b = a.replace("\n\n## ", "").replace("\n\n", "")
    result = compare_texts(a, b)
    assert not result.unpaired and not [v for p in result.pairs for v in result.visible(p)]


def test_a_full_width_decimal_point_ends_no_sentence() -> None:
    """６．５％ in a full-width copy is a number: only width variants."""
    a = "增长6.5%，达32.3%，达53.9%，经济结构持续优化。\n"
    b = "增长６．５％，达３２．３％，达５３．９％，经济结构持续优化。\n"
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text) for p in result.pairs for v in result.visible(p)] == [
        ("width", "6.5%"), ("width", "32.3%"), ("width", "53.9%")]


def test_list_items_one_copy_runs_into_one_paragraph() -> None:
    """Items ending in ；set one to a line in one copy and run on in the other differ in
    nothing visible."""
    a = "今天天气很好；\n我们去公园散步；\n公园里有很多人；\n孩子们在草地上玩耍。\n"
    result = compare_texts(a, a.replace("\n", "", 3))
    assert not [v for p in result.pairs for v in result.visible(p)] and not result.unpaired


def test_a_sentence_moved_to_another_paragraph() -> None:
    """A sentence one copy moves into the next paragraph is one move, from where A has it
    to where B has it (not an omission there and an addition here), and no boilerplate
    the two copies share."""
    a = ("国务院交通运输主管部门负责所辖港区水域内船舶污染海洋环境的监督管理。船舶污染事故给渔业"
         "造成损害的，应当吸收渔业主管部门参与调查处理。\n\n国务院渔业主管部门负责渔港水域内非军事"
         "船舶污染海洋环境的监督管理，负责保护渔业水域生态环境工作。\n")
    first, second = a.split("\n\n")
    moved = "船舶污染事故给渔业造成损害的，应当吸收渔业主管部门参与调查处理。"
    b = first.replace(moved, "") + "\n\n" + second.replace("\n", "") + moved + "\n"
    result = compare_texts(a, b)
    found = [v for p in result.pairs for v in result.visible(p)]
    assert [(v.kind, v.a_text, v.b_text) for v in found] == [("move", moved, moved)]
    (move,) = found
    assert (move.a.start_line, move.a.start_column) == (1, first.index(moved) + 1)
    assert (move.b.start_line, move.b.start_column) == (3, len(second.replace("\n", "")) + 1)
    # (it stands with the pair A held it in; its B offsets are where it would stand there)
    (pair,) = [p for p in result.pairs if move in p.variants]
    assert pair.a.text[slice(*move.a_offsets)] == moved
    assert move.b_offsets == (len(pair.b.text), len(pair.b.text))
    assert move.context.startswith("A: in ‹国务院交通") and "B: in ‹国务院渔业" in move.context
    assert not result.boilerplate
    assert result.has_differences
    assert result.kind_counts() == {"move": 1}


def test_a_sentence_moved_and_edited_is_a_move_with_both_readings() -> None:
    """A moved sentence that the copy also edited is still a move (alike as a move inside
    a paragraph must be): both readings are shown, and so is the word changed inside it,
    where each copy has it, as inside a paragraph."""
    p1 = "市场销售持续改善，消费对经济增长的拉动作用明显增强。就业形势总体稳定，城镇调查失业率有所下降。"
    p2 = "前三季度，国内生产总值同比增长百分之五点二，经济运行总体回升向好。工业生产稳步恢复。"
    p3 = "居民消费价格温和上涨，核心物价基本稳定。国际收支基本平衡，外汇储备保持稳定。"
    moved, edited = "发布会由国家统计局新闻局副局长主持。", "发布会由国家统计局新闻局局长主持。"
    for a, b in ((p1 + moved, p3 + edited), (p1 + edited, p3 + moved)):
        result = compare_texts("\n\n".join([a, p2, p3]) + "\n", "\n\n".join([p1, p2, b]) + "\n")
        found = [(v.kind, v.a_text, v.b_text, v.a.start_line, v.a.start_column, v.b.start_line,
                  v.b.start_column) for p in result.pairs for v in result.visible(p)]
        # (副 is the 13th character of the sentence, which starts at column 48 in A's
        # first paragraph and at column 39 in B's last)
        inner = ("deletion", "副", "") if a.endswith(moved) else ("insertion", "", "副")
        assert found == [("move", a[len(p1):], b[len(p3):], 1, 48, 5, 39),
                         (*inner, 1, 60, 5, 51)]
        assert result.kind_counts()["move"] == 1


def test_a_sentence_moved_into_the_middle_of_another_sentence() -> None:
    """A sentence set inside another paragraph's sentence (read there as an insertion, not
    an addition) is a move all the same."""
    p1 = "国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。"
    moved = "行政拘留处罚合并执行的，最长不超过二十日。"
    head, tail = "前三季度，国内生产总值同比增长百分之五点二，", "经济运行总体回升向好。"
    p3 = "市场销售持续改善，消费对经济增长的拉动作用明显增强。"
    result = compare_texts(f"{p1}{moved}\n\n{head}{tail}\n\n{p3}\n",
                           f"{p1}\n\n{head}{moved}{tail}\n\n{p3}\n")
    found = [(v.kind, v.a_text, v.b_text, (v.a.start_line, v.a.start_column),
              (v.b.start_line, v.b.start_column)) for q in result.pairs for v in q.variants]
    assert found == [("move", moved, moved, (1, len(p1) + 1), (3, len(head) + 1))]


def test_a_paragraph_of_one_sentence_moved_into_another_paragraph() -> None:
    """A paragraph of its own in one copy that the other sets inside another paragraph,
    further on, is a move (not a unit only in one copy and an addition), either way."""
    p = ["国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。",
         "前三季度，国内生产总值同比增长百分之五点二，经济运行总体回升向好。",
         "市场销售持续改善，消费对经济增长的拉动作用明显增强。"]
    alone = "发布会由国家统计局新闻局副局长主持。"
    apart = "\n\n".join([p[0], alone, p[1], p[2]]) + "\n"
    inside = "\n\n".join([p[0], p[1], p[2] + alone]) + "\n"
    for a, b, lines in ((apart, inside, (3, 5)), (inside, apart, (5, 3))):
        result = compare_texts(a, b)
        found = [(v.kind, v.a_text, v.b_text, v.a.start_line, v.b.start_line)
                 for q in result.pairs for v in result.visible(q)]
        assert found == [("move", alone, alone, *lines)]
        assert not result.unpaired


def test_a_sentence_that_only_crosses_a_paragraph_break_is_no_move() -> None:
    """The last sentence of a paragraph that the other copy sets at the start of the next
    stands in the same order in both: no move (at most a paragraph break elsewhere)."""
    p1 = "国务院新闻办公室今天举行新闻发布会。国家统计局新闻发言人出席发布会并回答记者提问。"
    last = "发布会由新闻局副局长主持。"
    p2 = "前三季度，国内生产总值同比增长百分之五点二，经济运行总体回升向好。"
    p3 = "市场销售持续改善，消费对经济增长的拉动作用明显增强。"
    for a, b in ((f"{p1}{last}\n\n{p2}\n\n{p3}\n", f"{p1}\n\n{last}{p2}\n\n{p3}\n"),
                 (f"{p1}\n\n{last}{p2}\n\n{p3}\n", f"{p1}{last}\n\n{p2}\n\n{p3}\n")):
        result = compare_texts(a, b)
        assert not [v for p in result.pairs for v in p.variants if v.kind == "move"]
        assert not result.unpaired


def test_a_sentence_found_word_for_word_is_the_move_before_one_only_like_it() -> None:
    """Of two sentences A left out, the one B holds word for word elsewhere is the move,
    whichever comes first; the other, only like it, stays an omission."""
    p = ["国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。",
         "前三季度，国内生产总值同比增长百分之五点二，经济运行总体回升向好。",
         "市场销售持续改善，消费对经济增长的拉动作用明显增强。",
         "就业形势总体稳定，城镇调查失业率有所下降。"]
    deputy, chief = "发布会由国家统计局新闻局副局长主持。", "发布会由国家统计局新闻局局长主持。"
    b = "\n\n".join([p[0], p[1], p[2], p[3] + chief]) + "\n"
    for first, second in ((deputy, chief), (chief, deputy)):
        result = compare_texts("\n\n".join([p[0] + first, p[1], p[2] + second, p[3]]) + "\n", b)
        found = sorted((v.kind, v.a_text, v.b_text) for q in result.pairs for v in q.variants)
        assert found == [("move", chief, chief), ("omission", deputy, "")]


def test_a_sentence_moved_beside_one_a_copy_adds_or_leaves_out_is_a_move() -> None:
    """A sentence moved into another paragraph and set beside a sentence the copy adds
    there, or moved out of a run of sentences the copy leaves out, is a move of that
    sentence: the rest stays an addition or an omission, with its own place."""
    p1 = ["国务院总理今天在北京会见了来访的法国外长。", "双方就两国关系和共同关心的国际问题深入交换了意见。",
          "会见结束后双方签署了多项合作文件。", "法方表示愿意进一步扩大对华合作。"]
    p2 = ["外交部发言人在例行记者会上回答了提问。", "她表示中方愿同各方一道努力维护地区和平稳定。"]
    new = "这一表态引起了与会记者的广泛关注和热烈讨论。"
    moved = p1[1]
    a = "".join(p1) + "\n\n" + "".join(p2) + "\n"
    kept = p1[0] + p1[2] + p1[3] + "\n\n"
    for b2 in (p2[0] + moved + new + p2[1], p2[0] + new + moved + p2[1]):
        result = compare_texts(a, kept + b2 + "\n")
        found = [(v.kind, v.a_text, v.b_text, (v.b.start_line, v.b.start_column))
                 for q in result.pairs for v in q.variants]
        assert sorted(found) == [("addition", "", new, (3, b2.index(new) + 1)),
                                 ("move", moved, moved, (3, b2.index(moved) + 1))]
    # (out of a run of two that A has and B leaves out: the other stays an omission)
    result = compare_texts(a, p1[0] + p1[3] + "\n\n" + p2[0] + moved + p2[1] + "\n")
    (first,) = result.pairs[:1]
    assert [(v.kind, v.a_text, v.a.start_column, first.a.text[slice(*v.a_offsets)])
            for v in first.variants] == [
        ("move", moved, len(p1[0]) + 1, moved),
        ("omission", p1[2], len(p1[0] + moved) + 1, p1[2])]
    assert first.variants[1].context.startswith("深入交换了意见。[会见结束后")
    # (a run moved as it stands is still one move)
    result = compare_texts(a, p1[0] + p1[3] + "\n\n" + p2[0] + moved + p1[2] + p2[1] + "\n")
    assert [(v.kind, v.a_text) for q in result.pairs for v in q.variants] == [
        ("move", moved + p1[2])]


def _joined(*paragraphs: list[str]) -> str:
    return "\n\n".join("".join(p) for p in paragraphs) + "\n"


_P1 = ["国务院总理今天在北京会见了来访的法国外长。", "双方就两国关系和共同关心的国际问题深入交换了意见。",
       "会见结束后双方签署了多项合作文件。", "法方表示愿意进一步扩大对华合作。"]
_P2 = ["外交部发言人在例行记者会上回答了提问。", "她表示中方愿同各方一道努力维护地区和平稳定。",
       "发言人还介绍了近期高层交往的有关安排。"]
_P3 = ["商务部当天发布了前三季度对外贸易数据。", "数据显示进出口总额同比增长百分之九点九。",
       "其中出口增长明显快于进口。"]
_NEW = ["这一表态引起了与会记者的广泛关注和热烈讨论。", "有分析人士认为此举释放了积极信号。"]
_LONG = ("中国与俄罗斯早已在安理会共同提出了政治解决半岛问题决议草案，"
         "并已多次建议安理会启动对朝制裁决议可逆条款的讨论。")


def test_a_sentence_of_a_run_moves_only_word_for_word_past_text_both_copies_hold() -> None:
    """A sentence taken from a run a copy leaves out or adds is a move only as it stands
    (no edit, no sentence added beside it read into it), at least 12 characters long, and
    across text both copies hold, not across the rest of the run."""
    def found(a: str, b: str) -> list[tuple[str, str, str]]:
        result = compare_texts(a, b)
        return sorted((v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants)

    # (only across a paragraph break and a sentence B adds: no move)
    assert [kind for kind, _, _ in found(_joined(_P1 + _NEW[1:], _P2),
                                         _joined(_P1[:3], _NEW[:1] + _P1[3:] + _P2))] == [
        "addition", "omission"]
    # (a sentence B adds beside the moved one is an addition, not a reading of the move)
    assert found(_joined([*_P1[:2], _LONG, *_P1[2:]], _P2, _P3),
                 _joined(_P1, _P2, [*_P3, _LONG, _NEW[0]])) == [
        ("addition", "", _NEW[0]), ("move", _LONG, _LONG)]
    # (a paragraph only B has, of the moved sentence and another: no move)
    other = "希望包括美方在内的各方予以认真考虑，不要再耗费来之不易的对话成果。"
    result = compare_texts(_joined([*_P1[:2], _LONG, other, *_P1[2:]], _P2, _P3),
                           _joined(_P1, _P2, [_LONG + "这是中方的一贯立场。"], _P3))
    assert "move" not in [v.kind for p in result.pairs for v in p.variants]
    assert len(result.unpaired) == 1
    # (a short stock clause, a sentence with another number, at the edges of two runs)
    for left, right in (("这是中方的一贯立场。", "这是中方的一贯立场。"),
                        ("全年国内生产总值比上年增长2.3%。", "全年国内生产总值比上年增长8.1%。")):
        assert "move" not in [kind for kind, _, _ in found(
            _joined([*_P1[:2], other, left, *_P1[2:]], _P2, _P3),
            _joined(_P1, _P2, [*_P3, _NEW[0], right]))]
    # (the paragraph break beside a moved sentence goes with neither it nor the rest)
    assert found(_joined(_P1, _P2, _P3), _joined([*_P1[:2], _P3[1]], _NEW[:1] + _P1[2:], _P2,
                                                 [_P3[0], _P3[2]])) == [
        ("addition", "", _NEW[0]), ("move", _P3[1], _P3[1])]


def test_a_moved_sentence_keeps_its_label_and_leaves_the_paragraph_break() -> None:
    """A sentence moved with the speaker's label before it moves with its label (not an
    omission of the label here and an addition there); a moved sentence a paragraph break
    follows in one copy is read without the break."""
    s = "在中国抗击疫情的艰难时刻，我们得到了国际社会的帮助和支持。"
    r = "首先我想强调的是，完善香港特区选举制度，落实“爱国者治港”，完全合宪合法，正当合理。"
    q = "《中国日报》记者：中国向很多国家提供抗疫支持和帮助，但也有对此质疑声音。"
    t = "对此，我们铭记在心，深表感谢。在其他国家受到疫情冲击时，中国人民也感同身受，及时伸出援手。"
    result = compare_texts(f"王毅：{s}{r}{q}{t}\n", f"{q}您对此怎么看？\n\n王毅：{s}{t}\n")
    assert sorted((v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants) == [
        ("addition", "", "您对此怎么看？"), ("move", "王毅：" + s, "王毅：" + s), ("omission", r, "")]
    head = "外交部和驻外使领馆紧急行动起来，全球动员，全力以赴，把党和国家的关心传递给每一位海外中国公民。"
    moved = "“健康包”一一送到有需要的学子手中。"
    stays = "我们将一如既往坚持党对外交工作的领导，全面贯彻习近平外交思想，不断开创中国特色大国外交的新局面。"
    then = "我们尤其关注每一位海外学子的安危，想方设法把 100 多万份充满爱心的"
    last = "我们对每通来电都高度重视，做到件件有记录，事事有处理，努力畅通海外中国公民求助的绿色通道。"
    result = compare_texts(head + moved + stays + then + last + "\n",
                           head + then + moved + "\n\n" + last + "\n")
    (move,) = [v for p in result.pairs for v in p.variants if v.kind == "move"]
    (pair,) = [p for p in result.pairs if move in p.variants]
    assert move.b_text == moved == pair.b.text[slice(*move.b_offsets)]


def test_a_clause_set_after_a_sentence_a_copy_adds_did_not_move() -> None:
    """A clause the aligner reads as dropped in one place of a paragraph and added, after
    a new sentence, at the next (nothing but a mark of A between) did not move."""
    a = ("第九条 对于符合本办法第三条和第六条规定条件的报名，主办单位应当在收到报名后五日内登记，"
         "并通知报名人和推荐人，同时将报名表转交评审组；不符合本办法第三条和第六条规定条件的，"
         "应当在五日内决定不予登记，同时说明不予登记的理由；报名人对决定不服的，可以申请复核。\n")
    b = ("第九条 对于符合本办法第三条至第六条规定条件的报名，主办单位应当在收到报名后五日内登记，"
         "并通知报名人和推荐人。对于不符合上述规定的报名，主办单位应当在五日内决定不予登记，"
         "同时说明不予登记的理由。已经登记的，决定取消资格。报名人对决定不服的，可以申请复核。\n")
    result = compare_texts(a, b)
    assert "move" not in [v.kind for p in result.pairs for v in p.variants]


def test_a_heading_only_one_copy_has_is_no_text_both_hold() -> None:
    """A sentence that crossed only a paragraph break, and a heading that B alone sets
    there, did not move: it stands where it stood among the text both copies hold."""
    p1 = "国务院新闻办公室今天举行新闻发布会。国家统计局新闻发言人出席发布会并回答记者提问。"
    last, edited = "发布会由国家统计局新闻局副局长主持。", "发布会由国家统计局新闻局局长主持。"
    p2 = "前三季度，国内生产总值同比增长百分之五点二，经济运行总体回升向好。"
    p3 = "市场销售持续改善，消费对经济增长的拉动作用明显增强。"
    result = compare_texts(f"{p1}{last}\n\n{p2}\n\n{p3}\n",
                           f"{p1}\n\n第二章　经济运行\n\n{edited}{p2}\n\n{p3}\n")
    assert sorted(v.kind for q in result.pairs for v in q.variants) == ["addition", "omission"]


def test_a_sentence_moved_across_a_heading_both_copies_set() -> None:
    """The end of a paragraph that the other copy sets at the start of the paragraph after
    a heading both copies set moved across the heading: a move, not a passage the two
    copies share (boilerplate) and no variant."""
    p1 = "国务院新闻办公室今天举行新闻发布会。国家统计局新闻发言人出席发布会并回答记者提问。"
    last = "发布会由国家统计局新闻局副局长主持。"
    p2 = "前三季度，国内生产总值同比增长百分之五点二，经济运行总体回升向好。"
    head = "第二章　经济运行"
    result = compare_texts(f"{p1}{last}\n\n{head}\n\n{p2}\n", f"{p1}\n\n{head}\n\n{last}{p2}\n")
    found = [(v.kind, v.a.start_line, v.b.start_line) for q in result.pairs for v in q.variants]
    assert found == [("move", 1, 5)]
    assert not result.boilerplate


def test_a_short_or_repeated_sentence_elsewhere_is_no_move() -> None:
    """A sentence of a few characters, or one a copy holds twice, that one paragraph lost
    and another gained is an omission and an addition: such a sentence may stand anywhere."""
    p = ["国务院交通运输主管部门负责所辖港区水域内船舶污染海洋环境的监督管理工作。",
         "国务院渔业主管部门负责渔港水域内非军事船舶污染海洋环境的监督管理。",
         "军队环境保护部门负责军事船舶污染海洋环境的监督管理及污染事故的调查处理。"]
    short = "同意。"
    result = compare_texts("\n\n".join([p[0] + short, p[1], p[2]]) + "\n",
                           "\n\n".join([p[0], p[1], p[2] + short]) + "\n")
    assert sorted(v.kind for q in result.pairs for v in q.variants) == ["addition", "omission"]


def test_a_copy_that_drops_a_label_of_a_turn() -> None:
    """A reprint that drops the answer's label (王毅：) or the question's still pairs the
    turn: the label is an omission, the variant in the answer is found."""
    question = "塔斯社记者：中俄是全面战略合作伙伴。疫情如何影响了俄中关系？"
    answer = "面对世纪疫情，中俄肩并肩站在一起，背靠背紧密合作，携手抵御新冠病毒。"
    a = f"{question}\n\n王毅：{answer}\n\n世界越是动荡不安，中俄合作越要坚定前行。\n"
    no_answer_label = a.replace("王毅：", "").replace("前行", "前进")
    no_question_label = a.replace("塔斯社记者：", "").replace("前行", "前进")
    for b, label in ((no_answer_label, "王毅："), (no_question_label, "塔斯社记者：")):
        result = compare_texts(a, b)
        assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] \
            == [("omission", label, ""), ("substitution", "前行", "前进")], label
        assert not result.unpaired


def test_a_question_whose_label_a_copy_drops_after_another_answer_opens_a_turn() -> None:
    """B drops the label of a question (法新社记者：) and sets that turn after another: the
    question, which asks (？) and which the speaker who answers the other questions
    answers next, opens a turn of its own (not words of the answer before it), and the
    turn pairs with A's: the label an omission, the turn a move."""
    turns = [("法新社记者：", "中方如何看待美国对华加征关税？",
              "中方坚决反对单边主义和保护主义，将采取必要措施维护自身正当权益。"),
             ("路透社记者：", "中方对朝鲜半岛局势有何评论？",
              "我们希望各方保持克制，通过对话协商解决问题，维护半岛和平稳定。"),
             ("彭博社记者：", "能否介绍一下下周外长访问的安排？",
              "关于访问的具体安排，我们会适时发布消息，请大家保持关注。")]

    def text(order: list[int], dropped: int | None = None) -> str:
        return "".join(f"{'' if k == dropped else turns[k][0]}{turns[k][1]}\n\n发言人：{turns[k][2]}\n\n"
                       for k in order)

    a, b = text([0, 1, 2]), text([2, 0, 1], dropped=0)
    assert [(u.kind, u.label) for u in document_from_text(b).units] == [
        ("qa", "彭博社记者"), ("qa", None), ("qa", "路透社记者")]
    result = compare_texts(a, b)
    assert not result.unpaired
    assert sorted((v.kind, v.a_text) for p in result.pairs for v in result.visible(p)) == [
        ("move", turns[2][0] + turns[2][1] + "\n发言人：" + turns[2][2]), ("omission", "法新社记者：")]
    # (an answer's last paragraph that asks as a speaker asks, answering itself, is still
    # the answer's, whoever speaks next: an abridged copy drops the next question)
    for after in ("主持人：今天的发布会到此结束。", "发言人：" + turns[2][2]):
        rhetorical = text([1]) + f"我们一贯反对。这难道不是双重标准吗？\n\n{after}\n"
        (turn, then) = document_from_text(rhetorical).units
        assert turn.kind == "qa" and "双重标准吗" in turn.text and "双重标准吗" not in then.text


def test_a_copy_in_traditional_characters_throughout() -> None:
    """In a copy set in traditional characters, a dropped 的 is a deletion and a swap a
    transposition, beside the script readings, not one substitution of them all."""
    a = "要建立健全生态保护的长效机制，为地区和世界和平与发展事业作出重要贡献。\n"
    b = "要建立健全生態保護長效機制，為地區和世界和平與發展事業重要作出貢獻。\n"
    readings = [(v.kind, v.a_text, v.b_text) for p in compare_texts(a, b).pairs
                for v in p.variants]
    assert ("deletion", "的", "") in readings
    assert ("transposition", "作出重要", "重要作出") in readings
    assert {kind for kind, _, _ in readings} == {"script", "deletion", "transposition"}


def test_a_sentence_on_the_other_side_of_a_paragraph_break() -> None:
    """A sentence that ends a paragraph in one copy and opens the next in the other is
    where it was: the copies only break paragraphs differently (no omission, no
    addition)."""
    s1 = "可能发生破坏马颊河环境事件的企业事业单位，应当依法制定突发环境事件应急预案。"
    s2 = "鼓励发展符合畜禽养殖规划的生态养殖，推动养殖废弃物资源化利用。"
    rest = "县级以上人民政府应当加强对畜禽养殖污染防治工作的组织领导和监督管理。"
    a = f"第一条　{s1}{s2}\n\n第二条　{rest}\n"
    b = f"第一条　{s1}\n\n{s2}第二条　{rest}\n"
    result = compare_texts(a, b)
    assert not [v for p in result.pairs for v in result.visible(p)] and not result.unpaired


def test_a_change_of_white_space_is_a_reading_of_its_own() -> None:
    """A space one copy has where the other breaks the line, beside a changed digit, is
    no part of the reading: 8502/8562, and a hidden white-space variant."""
    result = compare_texts("全年增长8502 0.9%，总体平稳。\n", "全年增长8562\n0.9%，总体平稳。\n")
    assert readings(result) == [("substitution", "8502", "8562")]
    assert [v.kind for p in result.pairs for v in p.variants] == ["substitution", "whitespace"]


# --- passages in another order ----------------------------------------------------------

_VISIT = ["在宁波，王沪宁来到天一阁博物院、宁波帮博物馆调研，了解文物保护和文化传承情况。",
          "在温州，王沪宁来到鹿城区南郊街道三板桥社区调研，听取基层协商民主工作情况介绍。",
          "王沪宁还到宁波市鄞州区政协机关、温州市政协机关调研，同基层政协干部座谈交流。",
          "他强调，要坚持党的领导，发挥专门协商机构作用，把协商民主贯穿履职工作全过程。"]


def test_a_move_is_placed_among_the_passages_of_its_own_stretch() -> None:
    """A ends its turns with a jump onwards, then sets the title and the lede (the
    stretch a page jump opens, read in no fixed order with the rest); B opens with the
    lede and sets the title last. The title is the move, and A's side of it is told by
    the passage of its own stretch it stands before, not by the closing line of the
    other stretch, which is what B's side says: no move reads "after ‹记者会历时…›" on
    both sides."""
    a = ("塔斯社记者：请问这一问题，下一\n步有何考虑？\n\n汪文斌：在一个多月里，习近平去\n"
         "了古田、屏南等9个县的13个乡镇、\n18个村。\n\n记者会历时40分钟。 （下转A05版）\n\n"
         "坚持“四下基层”优良作风 永远把老百\n姓放在心中最高位置\n\n"
         "12月7日，外交部发言人汪文斌主持例行记者会，回答中外记者提问。\n")
    b = ("12月7日，外交部发言人汪文斌主持例行记者会，回答中外记者提问。\n\n"
         "塔斯社记者：请问这一问题，下一步有何考虑？\n\n"
         "汪文斌：在一个多月里，习近平去了古田、屏南等9个县的13个乡镇、18个村。\n\n"
         "记者会历时40分钟。\n\n坚持“四下基层”优良作风\n\n永远把老百姓放在心中最高位置\n")
    result = compare_texts(a, b)
    moves = [v for p in result.pairs for v in result.visible(p) if v.kind == "move"]
    assert [(v.a.start_line, v.b.start_line) for v in moves] == [(10, 9)]
    assert moves[0].context == "A: before ‹12月7日，外交部发言人…› · B: after ‹记者会历时40分钟。›"


def test_a_subheading_one_copy_runs_into_the_paragraph_after_it_is_no_passage_moved() -> None:
    """An answer opens with a subheading of no punctuation on a line of its own. B, set in
    a column, leaves out the paragraph after it, and the subheading fills its last line
    right before a column break: it reads on into the paragraph after. The subheading is
    read where both copies have it: a word swapped in it and the left-out paragraph, not
    the subheading left out with that paragraph and added again before the next."""
    a = (" 日本广播协会记者：有报道称多\n国媒体称美国关税政策影响负，请问\n您对此有何评论？\n\n"
         " 外交部发言人：多国媒体称美国\n\n关税政策影响负面\n\n"
         " 路透社今天（4 月 4 日）报道\n（下转第二版）\n"
         "\n（上接第1版）\n称，美国关税政策将制造一个多世纪\n来最严重贸易壁垒。美国消费者可能\n"
         "面临各个品类的商品价格全面上涨。\n\n 美国消费者新闻与商业频道今天\n\n"
         "援引金融机构安联首席经济顾问埃尔\n"
         "-埃里安的话报道说，在美国一系列\n关税政策影响下，美国经济陷入衰退\n的风险增加到 50%。\n")
    b = ("日本广播协会记者：有\n报道称多国媒体称美国关稅\n政策影响负，请问您对此有\n何评论？\n\n"
         "外交部发言人：多国媒\n"
         "体称美国政策关税影响负面\n\n美国消费者新闻与商业\n频道今天援引金融机构安联\n首席经济顾问埃尔-埃里安\n"
         "的话报道说，在美国一系列\n关税政策影响下，美国经济\n陷入衰退的风险增加到50%。\n")
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text[:6], v.b_text[:6], v.a.start_line, v.b.start_line)
            for p in result.pairs for v in result.visible(p)] == [
        ("script", "关税", "关稅", 2, 2), ("transposition", "关税政策", "政策关税", 7, 7),
        ("omission", "路透社今天（", "", 9, 9)]


def test_a_subheading_inside_an_answer_that_its_paragraph_says_again_is_a_heading_apart() -> None:
    """A sets a subheading between two paragraphs of an answer (as markdown, or as a line
    of its own) whose words the paragraph under it says again; B sets none. The
    subheading is a heading only in A, not an omission inside the turn (B's words are the
    paragraph's own). Where B runs those words on into the paragraph, they are read
    together as one passage."""
    turn = ("**韩联社记者：**您如何看待中韩贸易关系？\n\n"
            "**汪文斌：**中韩贸易关系持续稳定发展，双方合作潜力巨大。\n\n")
    last = "我们愿同韩方一道，推动务实合作，造福两国人民。\n"
    b = turn + last
    for head in ("### 推动务实合作", "推动务实合作"):
        result = compare_texts(turn + head + "\n\n" + last, b)
        assert [v.kind for p in result.pairs for v in result.visible(p)] == []
        assert [(d, u.kind, u.text) for d, u in result.unpaired] == [(0, "heading", "推动务实合作")]
    run_on = compare_texts(turn + "推动务实合作\n\n" + last, turn + "推动务实合作" + last)
    assert run_on.unpaired == ()
    assert [v.kind for p in run_on.pairs for v in run_on.visible(p)] == []


def test_a_paragraph_set_in_another_place_is_a_move() -> None:
    """Two paragraphs swapped: the shorter is a move over its whole units, with both
    places, in A's file:line:column and B's; the copy differs (exit status 1)."""
    a = "\n\n".join(_VISIT) + "\n"
    b = "\n\n".join([_VISIT[0], _VISIT[2], _VISIT[1], _VISIT[3]]) + "\n"
    result = compare_texts(a, b)
    moves = [v for p in result.pairs for v in result.visible(p) if v.kind == "move"]
    assert [(v.a_text, v.a.start_line, v.b.start_line) for v in moves] == [
        (_VISIT[2], 5, 3)]
    # (where each copy sets it, among the paragraphs that keep their order)
    assert moves[0].context == "A: after ‹在温州，王沪宁来到鹿城区…› · B: after ‹在宁波，王沪宁来到天一阁…›"
    assert [p.move for p in result.pairs].count(None) == 3
    assert result.has_differences
    data = comparison_json(result)
    assert [v["kind"] for p in data["pairs"] for v in p["variants"]] == ["move"]


def test_order_is_weighed_within_stories() -> None:
    """Two stories that two pages set in different orders (each opening with its
    dateline), or a page's story after a page jump and its headline: no move. Within a
    story, a moved paragraph is one."""
    other = ["新华社北京5月24日电 国务院总理李强日前签署国务院令，公布修订后的条例，自公布之日起施行。",
             "条例共六章四十八条，对管理体制、监督检查和法律责任等作了规定，进一步完善了制度。"]
    first = "新华社宁波5月23日电 " + "\n\n".join(_VISIT)
    second = "\n\n".join(other)
    result = compare_texts(f"{first}\n\n{second}\n", f"{second}\n\n{first}\n")
    assert len(result.pairs) == 6 and not result.has_differences
    jumped = f"{second}（下转A03版）\n\n王沪宁在浙江调研\n\n" + "\n\n".join(_VISIT)
    result = compare_texts("王沪宁在浙江调研\n\n" + "\n\n".join(_VISIT) + f"\n\n{second}\n",
                           jumped + "\n")
    assert not [v for p in result.pairs for v in result.visible(p)]
    swapped = f"{second}\n\n" + "\n\n".join([_VISIT[1], _VISIT[0], *_VISIT[2:]])
    result = compare_texts(f"{second}\n\n" + "\n\n".join(_VISIT) + "\n", swapped + "\n")
    assert [v.kind for p in result.pairs for v in result.visible(p)] == ["move"]


_TURNS = [("新华社记者：中方将如何推动恢复受疫情影响的务实合作？",
           "王毅：我们将同各方一道，推动复工复产，稳定产业链供应链，为世界经济复苏注入动力。"),
          ("中央广播电视总台记者：请介绍一下今年元首外交的主要安排？",
           "王毅：今年元首外交将精彩纷呈，我们将办好主场外交，讲好中国故事，传递中国声音。"),
          ("塔斯社记者：您如何评价当前的中俄关系？",
           "王毅：中俄关系保持高水平运行，两国全面战略协作不断深化，为世界注入稳定性。"),
          ("美联社记者：中美关系的前景如何？",
           "王毅：中美应当相互尊重、和平共处、合作共赢，这是两个大国正确相处之道。"),
          ("凤凰卫视记者：怎么看南海局势？",
           "王毅：南海局势总体稳定。"),
          ("《人民日报》记者：中方将如何推进高质量共建“一带一路”？",
           "王毅：我们将坚持共商共建共享，推进基础设施硬联通和规则标准软联通，深化民生合作，"
           "让共建“一带一路”成果更多惠及各国人民，打造更加紧密的命运共同体。")]


_RULES = ["条例共六章四十八条，对管理体制、监督检查和法律责任等作了规定，进一步完善了制度。",
          "条例明确，有关部门应当加强协同配合，建立健全信息共享机制，提高监管效能和水平。",
          "条例要求，县级以上人民政府应当将相关工作纳入国民经济和社会发展规划，保障经费。",
          "条例还规定，对违反规定的单位和个人，由主管部门责令改正，情节严重的依法给予处分。"]


def test_stories_in_another_order_or_set_side_by_side_are_no_moves() -> None:
    """Two stories a page sets in the other order, one copy closing the first story a
    paragraph late (its desk note after the second story's first paragraph): no move,
    since that paragraph precedes the rest of its story in both copies. Two stories a
    copy without story marks sets paragraph by paragraph, side by side: the page's
    order, no move either."""
    note = "本版责编：张晓明"
    a = "\n\n".join(["新华社宁波5月23日电", *_VISIT[:3], _RULES[0], note, *_RULES[1:]]) + "\n"
    b = "\n\n".join([*_RULES, note, "新华社宁波5月23日电", *_VISIT[:3]]) + "\n"
    for x, y in ((a, b), (b, a)):
        assert not [v for p in compare_texts(x, y).pairs for v in p.variants if v.kind == "move"]
    a = "\n\n".join(["新华社宁波5月23日电", *_VISIT[:3], "新华社北京5月24日电", *_RULES[:3]]) + "\n"
    b = "\n\n".join(p for pair in zip(_VISIT[:3], _RULES[:3], strict=True) for p in pair) + "\n"
    for x, y in ((a, b), (b, a)):
        result = compare_texts(x, y)
        assert len(result.pairs) == 6
        assert not [v for p in result.pairs for v in p.variants if v.kind == "move"]


def test_a_turn_moved_up_before_a_story_end_that_splits_the_rest_is_a_move() -> None:
    """A reprint that moves a turn up and sets a desk note (a story's end) after it, in
    the middle of the turns: what follows the note is a stretch of its own, and the moved
    turn is the last of the first stretch, in order within it. The turns of the two
    stretches cross as the master reads them, and the moved turn is the move."""
    turn = ["\n\n".join(qa) for qa in _TURNS]
    a = "\n\n".join(turn) + "\n"
    b = "\n\n".join([*turn[:2], turn[4], "本版责编：张晓明", turn[2], turn[3], turn[5]]) + "\n"
    for x, y, lines in ((a, b, (17, 9)), (b, a, (9, 17))):
        result = compare_texts(x, y)
        moves = [v for p in result.pairs for v in result.visible(p) if v.kind == "move"]
        assert [(v.a.start_line, v.b.start_line) for v in moves] == [lines]
        assert moves[0].a_text.startswith("凤凰卫视记者")
    # (a turn moved down past lighter ones, with a story of another paper's set before
    # them, whose dateline opens a stretch: the moved turn is the move, not the turns it
    # passed and the last, which would cost more characters)
    story = "新华社北京5月24日电 国务院总理李强日前签署国务院令，公布修订后的条例，自公布之日起施行。"
    a = "\n\n".join([turn[0], turn[5], turn[1], turn[2], turn[4], turn[3]]) + "\n"
    b = "\n\n".join([turn[0], turn[1], story, turn[2], turn[4], turn[5], turn[3]]) + "\n"
    result = compare_texts(a, b)
    assert [(v.a.start_line, v.b.start_line) for p in result.pairs for v in result.visible(p)
            if v.kind == "move"] == [(5, 19)]
    # (a story set between a jump onwards and the jump back reads on: no move)
    a = "\n\n".join(turn) + "\n"
    jumped = "\n\n".join([*turn[:2], "（下转第四版）", *turn[2:4], "（上接第一版）", *turn[4:]])
    assert not [v for p in compare_texts(a, jumped + "\n").pairs for v in p.variants
                if v.kind == "move"]


def test_a_paragraph_moved_into_another_story_is_a_move() -> None:
    """A page that sets a paragraph of one story inside the next story (each story opening
    with its dateline): the paragraph is a move, whose context says where each copy sets
    it; nothing else differs. The two stories set in the other order are still no move."""
    other = ["新华社北京5月24日电 国务院总理李强日前签署国务院令，公布修订后的条例，自公布之日起施行。",
             "条例共六章四十八条，对管理体制、监督检查和法律责任等作了规定，进一步完善了制度。",
             "条例明确，有关部门应当加强协同配合，建立健全信息共享机制，提高监管效能和水平。"]
    first = "新华社宁波5月23日电 " + "\n\n".join(_VISIT)
    moved = "新华社宁波5月23日电 " + "\n\n".join(_VISIT[:2] + _VISIT[3:])
    second = "\n\n".join([other[0], _VISIT[2], *other[1:]])
    result = compare_texts(f"{first}\n\n" + "\n\n".join(other) + "\n", f"{moved}\n\n{second}\n")
    visible = [v for p in result.pairs for v in result.visible(p)]
    assert [(v.kind, v.a_text, v.a.start_line, v.b.start_line) for v in visible] == [
        ("move", _VISIT[2], 5, 9)]
    assert visible[0].context == "A: after ‹在温州，王沪宁来到鹿城区…› · B: after ‹国务院总理李强日前签署国…›"
    result = compare_texts(f"{moved}\n\n{second}\n", "\n\n".join([second, moved]) + "\n")
    assert len(result.pairs) == 7 and not result.has_differences


@settings(max_examples=200, deadline=None)
@given(st.permutations(range(7)), st.lists(st.integers(1, 9), min_size=7, max_size=7))
def test_in_order_keeps_the_heaviest_chain(order: list[int], weights: list[int]) -> None:
    """The places kept stand in one order on both sides, and no such chain weighs more
    (every subset tried)."""
    from itertools import combinations

    from variantdiff.pair import heaviest_chain

    places = list(enumerate(order))
    kept = sorted(heaviest_chain(places, weights))
    assert [places[k][1] for k in kept] == sorted(places[k][1] for k in kept)
    best = max(sum(weights[k] for k in chain) for size in range(8)
               for chain in combinations(range(7), size)
               if [order[k] for k in chain] == sorted(order[k] for k in chain))
    assert sum(weights[k] for k in kept) == best


def test_a_dateline_in_traditional_characters_is_the_same_furniture() -> None:
    """Page furniture is set aside, not read: a copy in traditional characters carries the
    same dateline, which is no unit only in one document."""
    a = "央视网消息（新闻联播）：国家主席习近平同马尔代夫总统萨利赫互致贺电。\n"
    b = "央視網消息（新聞聯播）：國家主席習近平同馬爾代夫總統薩利赫互致賀電。\n"
    result = compare_texts(a, b)
    assert result.unpaired == ()
    assert {v.kind for p in result.pairs for v in p.variants} == {"script"}


def test_a_long_unit_that_repeats_itself_is_aligned_in_bounded_memory() -> None:
    """A unit whose sentences all recur (a text pasted many times over, one line): no
    sentence is found once to cut it at, yet it is aligned at the sentences both hold
    unchanged, without a table of every sentence pair, and every change is found."""
    import tracemalloc

    base = "".join(_VISIT) * 150  # 600 sentences, each 150 times
    b = base.replace("天一阁博物院", "天一阁博物馆", 1).replace("三板桥社区", "三板桥村", 1)
    from variantdiff.words import prepare_dictionary

    prepare_dictionary(whole=True)  # (the word dictionary is not what is measured)
    compare_texts(_VISIT[0] + "\n", _VISIT[1] + "\n")
    tracemalloc.start()
    try:
        result = compare_texts(base + "\n", b + "\n")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants] == [
        ("substitution", "博物院", "博物馆"), ("substitution", "社区", "村")]
    assert peak < 20 * 2**20, peak  # (a table of every sentence pair: over 40 MB)


class _Measured:
    """A rapidfuzz metric whose alignments note the size of their tables."""

    def __init__(self, metric: object, sizes: list[int]) -> None:
        self.metric, self.sizes = metric, sizes

    def opcodes(self, a: str, b: str) -> object:
        self.sizes.append(len(a) * len(b))
        return self.metric.opcodes(a, b)  # type: ignore[attr-defined]

    def distance(self, a: str, b: str) -> int:
        self.sizes.append(len(a) * len(b))
        return int(self.metric.distance(a, b))  # type: ignore[attr-defined]


def test_two_long_lines_without_punctuation_are_aligned_piece_by_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two long lines with no punctuation at all (an unpunctuated classical text, a
    transcription kept as one line) are one sentence each: aligned whole, they take a
    table of a bit for every pair of their characters (80,000 each side: 800 MB). They
    are aligned piece by piece between the stretches both hold once, no piece past the
    limit, and every change is found at its place."""
    import random

    from rapidfuzz.distance import Indel, Levenshtein

    import variantdiff.align as align_module

    sizes: list[int] = []
    monkeypatch.setattr(align_module, "_WHOLE_CELLS", 1 << 16)  # (256 by 256 characters)
    monkeypatch.setattr(align_module, "Indel", _Measured(Indel, sizes))
    monkeypatch.setattr(align_module, "Levenshtein", _Measured(Levenshtein, sizes))
    rng = random.Random(7)
    alphabet = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜" \
               "金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇"
    a = "".join(rng.choice(alphabet) for _ in range(3000))
    b = list(a)
    planted = list(range(150, 3000, 300))
    for at in planted:
        b[at] = alphabet[(alphabet.index(a[at]) + 1) % len(alphabet)]
    b.insert(1000, "始")  # (after the fourth change, before the fifth: the rest shift by one)
    result = compare_texts(a + "\n", "".join(b) + "\n")
    variants = [v for p in result.pairs for v in p.variants]
    assert [v.kind for v in variants].count("substitution") == len(planted)
    assert [v.b_text for v in variants if v.kind == "insertion"] == ["始"]
    for at in planted:
        assert any(v.a_offsets[0] <= at < v.a_offsets[1] for v in variants
                   if v.kind == "substitution"), at
    assert sizes and max(sizes) <= 1 << 16


@given(st.text("甲乙丙丁戊", max_size=120), st.text("甲乙丙丁戊", max_size=120))
@settings(max_examples=300, deadline=None)
def test_an_alignment_made_piece_by_piece_covers_both_texts(a: str, b: str) -> None:
    """The opcodes of two texts aligned piece by piece run over both texts from start to
    end, each equal stretch the same in both; texts within the limit are aligned whole,
    as rapidfuzz aligns them."""
    from rapidfuzz.distance import Indel, Levenshtein

    import variantdiff.align as align_module

    limit = align_module._WHOLE_CELLS
    try:
        align_module._WHOLE_CELLS = 64
        for metric in (Indel.opcodes, Levenshtein.opcodes):
            ops = align_module.opcodes(metric, a, b)
            at_a = at_b = 0
            for op, after in itertools.pairwise([*ops, None]):
                assert after is None or after.tag != op.tag  # (one op for a run of a kind)
                assert (op.src_start, op.dest_start) == (at_a, at_b)
                if op.tag == "equal":
                    assert a[op.src_start:op.src_end] == b[op.dest_start:op.dest_end]
                at_a, at_b = op.src_end, op.dest_end
            assert (at_a, at_b) == (len(a), len(b))
            if len(a) * len(b) <= 64:
                assert ops == list(metric(a, b))
    finally:
        align_module._WHOLE_CELLS = limit


def test_a_long_text_each_of_whose_stretches_the_other_holds_twice_is_aligned() -> None:
    """Two long texts that give one anchor a pass (every stretch of A stands in B twice,
    the second time after the next one): the cuts go a few levels deep, then the pieces
    are aligned in proportion, no deeper (each level had cut one anchor more, and the
    levels ran past Python's recursion limit)."""
    import random

    from rapidfuzz.distance import Indel

    import variantdiff.align as align_module

    rng = random.Random(3)
    blocks = ["".join(chr(0x4E00 + rng.randrange(20000)) for _ in range(12))
              for _ in range(1500)]
    a = "".join(blocks)
    b = "".join(block + (blocks[n - 1] if n else "") for n, block in enumerate(blocks))
    limit = align_module._WHOLE_CELLS
    try:
        align_module._WHOLE_CELLS = 1 << 12
        ops = align_module.opcodes(Indel.opcodes, a, b)
    finally:
        align_module._WHOLE_CELLS = limit
    assert (ops[-1].src_end, ops[-1].dest_end) == (len(a), len(b))
    assert sum(op.src_end - op.src_start for op in ops if op.tag == "equal") > len(a) // 2


def test_two_long_texts_are_as_alike_both_ways() -> None:
    """The similarity of two long texts, worked out piece by piece, is the same whichever
    comes first, and a list scored against itself is symmetric."""
    import random

    import variantdiff.align as align_module

    rng = random.Random(11)
    texts = ["".join(rng.choice("甲乙丙丁戊己庚辛壬癸子丑") for _ in range(rng.randrange(20, 60)))
             for _ in range(6)]
    limit = align_module._WHOLE_CELLS
    try:
        align_module._WHOLE_CELLS = 64
        scores = align_module.ratios(texts, texts)
        for x, y in itertools.combinations(range(len(texts)), 2):
            assert align_module.ratio(texts[x], texts[y]) == align_module.ratio(texts[y], texts[x])
            assert scores[x, y] == scores[y, x] == pytest.approx(
                align_module.ratio(texts[x], texts[y]))
    finally:
        align_module._WHOLE_CELLS = limit


@pytest.mark.parametrize(("a", "b", "expect"), [
    ("曰先天下之憂而憂後天下之樂而樂乎噫微斯人吾誰與歸",
     "曰先天下之憂而憂，後天下之樂而樂乎。噫！微斯人，吾誰與歸？",
     [("punctuation", "", "，"), ("punctuation", "噫", "。噫！"), ("punctuation", "", "，"),
      ("punctuation", "", "？")]),
    ("緣溪行，忘路之遠近。忽逢桃花林，夾岸數百步。", "緣溪行，忘路之近遠，忽逢桃花林，夾岸數百步。",
     [("transposition", "路之遠近", "路之近遠"), ("punctuation", "。", "，")]),
], ids=["marks round a word", "swap before a mark"])
def test_punctuation_an_edition_adds_round_the_same_words(a: str, b: str,
                                                          expect: list[tuple[str, ...]]) -> None:
    """An unpunctuated text against a punctuated edition (白文 / 標點本): marks set round a
    word the two share (噫 / 。噫！) are punctuation, and a swap closing with a changed mark
    is a transposition and a punctuation reading, not one substitution."""
    result = compare_texts(a + "\n", b + "\n")
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants] == expect


def test_script_readings_of_a_long_unit_are_found_where_the_alignment_matched() -> None:
    """A long unit partly set in traditional characters: the characters that differ in
    script alone are found within the stretches the alignment matched (not by aligning
    the two whole texts again, which takes gigabytes for a page-long unit), each once."""
    base = "".join(_VISIT) * 40
    b = base.replace("博物馆", "博物館").replace("天一阁博物院", "天一閣博物館", 1)
    result = compare_texts(base + "\n", b + "\n")
    readings = [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants]
    assert readings.count(("script", "馆", "館")) == 40
    assert readings[:2] == [("script", "阁", "閣"), ("substitution", "博物院", "博物館")]


def test_hong_kong_and_taiwan_forms_are_script_readings() -> None:
    """A copy in Hong Kong or Taiwan characters: the forms OpenCC's t2s keeps (衞生,
    意味著) are script readings too, read in their phrase (著名 stays 著名); between two
    simplified copies 显著/显着 is a misprint, a substitution."""
    def kinds(a: str, b: str) -> list[tuple[str, str, str]]:
        result = compare_texts(a + "\n", b + "\n")
        return [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants]

    hk = kinds("中国以对全球公共卫生事业高度负责的态度，最早向世卫组织报告疫情。",
               "中國以對全球公共衞生事業高度負責的態度，最早向世衞組織報告疫情。")
    assert {k for k, _, _ in hk} == {"script"}
    assert ("script", "卫生", "衞生") in hk
    tw = kinds("这并不意味着没有合作空间，著名学者说。", "這並不意味著沒有合作空間，著名學者說。")
    assert {k for k, _, _ in tw} == {"script"} and ("script", "意味着", "意味著") in tw
    assert kinds("中美合作成效显著，土著居民受益。", "中美合作成效显着，土着居民受益。") == [
        ("substitution", "显著", "显着"), ("substitution", "土著", "土着")]


def test_two_traditional_characters_simplification_merges_are_a_reading() -> None:
    """Two traditional transcriptions of one poem: 鍾/鐘, 復/複 and 髮/發 are different
    characters (one simplified form each), so they are substitutions that ``--ignore
    script`` keeps; 衆/眾 and 爲/為 (one character in two regional standards) and 鐘/钟
    (a traditional and a simplified copy) stay script readings, but 钟 in a traditional
    copy is a reading."""
    def kinds(a: str, b: str) -> list[tuple[str, str, str]]:
        result = compare_texts(a + "\n", b + "\n")
        return [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants]

    poem = kinds("岱宗夫如何？齊魯青未了。造化鍾神秀，陰陽割昏曉。日暮復何之，皓髮著儒衣。",
                 "岱宗夫如何？齊魯青未了。造化鐘神秀，陰陽割昏曉。日暮複何之，皓發著儒衣。")
    assert {(a, b) for k, a, b in poem if k == "substitution"} == {
        ("鍾", "鐘"), ("復", "複"), ("髮", "發")}
    assert [k for k, _, _ in poem if k != "substitution"] == []
    forms = kinds("衆人爲何聽見鐘聲，都說這是遠方寺院傳來的晚課聲音。",
                  "眾人為何聽見鐘聲，都說這是遠方寺院傳來的晚課聲音。")
    assert {k for k, _, _ in forms} == {"script"}
    forms = kinds("衆人爲何聽見鐘聲，都說這是遠方寺院傳來的晚課聲音。",
                  "众人为何听见钟声，都说这是远方寺院传来的晚课声音。")
    assert {k for k, _, _ in forms} == {"script"}
    # (but a traditional copy that writes one character in its simplified form, 钟, reads
    # another character there: a reading)
    stray = kinds("衆人爲何聽見鐘聲，都說這是遠方寺院傳來的晚課聲音。",
                  "衆人爲何聽見钟聲，都說這是遠方寺院傳來的晚課聲音。")
    assert stray == [("substitution", "鐘", "钟")]


def test_a_form_opencc_converts_only_in_its_phrase_is_a_script_reading() -> None:
    """明瞭 is the traditional form of 明了, but 瞭 alone stays 瞭 in OpenCC's t2s: read in
    its phrase, the reading is ``script``, in a traditional copy and in a copy that
    writes only that word in the traditional way."""
    def kinds(a: str, b: str) -> list[tuple[str, str, str]]:
        result = compare_texts(a + "\n", b + "\n")
        return [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants]

    assert ("script", "了", "瞭") in kinds("这为今后的工作进一步指明了方向，必须深入学习贯彻。",
                                         "這爲今後的工作進一步指明瞭方向，必須深入學習貫徹。")
    assert kinds("这一点大家心里都很明了，不必多说。", "这一点大家心里都很明瞭，不必多说。") == [
        ("script", "了", "瞭")]


def test_a_line_set_in_full_width_forms_is_one_width_reading() -> None:
    """A line or a dateline set in full-width digits and letters is matched with its
    half-width copy (width readings, the dateline's too; no omission and addition); a
    line of punctuation only pairs with the same line."""
    result = compare_texts("新华社北京５月２４日电\n\nＣＧＴＮ记者：您如何评价？\n\n１２３\n\n“”！？\n",
                           "新华社北京5月24日电\n\nCGTN记者：您如何评价？\n\n123\n\n“”！？\n")
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants] == [
        ("width", "５", "5"), ("width", "２４", "24"), ("width", "ＣＧＴＮ", "CGTN"),
        ("width", "１２３", "123")]
    assert result.unpaired == ()


def test_a_copy_that_lost_its_paragraph_breaks_is_one_passage() -> None:
    """A copy set as one paragraph (a web page's text, the breaks lost) holds the other
    copy's paragraphs and headings, dozens of them: they are compared with it as one
    passage, the changed word found and no heading or paragraph left in one document."""
    lines = [line for line in Path(seed("000")).read_text("utf-8").split("\n")
             if line.strip() and not line.startswith("#")]
    paragraphs = "\n\n".join(lines) + "\n"
    flat = "".join(lines).replace("回援", "回报") + "\n"
    for a, b, words in ((paragraphs, flat, ("回援", "回报")), (flat, paragraphs, ("回报", "回援"))):
        result = compare_texts(a, b)
        assert len(result.pairs) == 1
        assert {u.kind for _, u in result.unpaired} == {"furniture"}
        readings = [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)]
        assert ("substitution", *words) in readings and len(readings) == 2


def test_a_long_paragraph_takes_no_run_across_a_paired_passage() -> None:
    """The paragraphs a copy ran together stand on both sides of a passage both copies
    pair elsewhere: the long paragraph is compared with one stretch of them, never with
    a run that reaches across the paired passage."""
    other = ("国务院总理李强日前签署国务院令，公布修订后的条例，自公布之日起施行。条例共六章四十八条，"
             "对管理体制、监督检查和法律责任等作了规定。")
    a = "\n\n".join([_VISIT[0], _VISIT[1], other, _VISIT[2], _VISIT[3]]) + "\n"
    b = "\n\n".join([other, "".join(_VISIT)]) + "\n"
    result = compare_texts(a, b)
    assert ("u3", "u1") in [(p.a.id, p.b.id) for p in result.pairs]
    assert all("u3" not in p.a.id.split("+") or p.b.id == "u1" for p in result.pairs)


def test_two_long_paragraphs_each_take_their_own_run() -> None:
    """A copy that ran its paragraphs together into two long ones: each is compared with
    its own run of the other copy's paragraphs, even where a sentence of the second
    stands in the first too."""
    cases = Path(__file__).parent / "cases"
    result = compare_texts((cases / "flat_cross_A.txt").read_text("utf-8"),
                           (cases / "flat_cross_B.txt").read_text("utf-8"))
    assert [(p.a.start_line, p.b.start_line, p.b.end_line) for p in result.pairs] == [
        (1, 1, 41), (3, 43, 59)]
    assert result.unpaired == () and not result.has_differences
    # a heading that opens the second run goes with it, though the first holds its words
    result = compare_texts((cases / "flat_head_A.txt").read_text("utf-8"),
                           (cases / "flat_head_B.txt").read_text("utf-8"))
    assert len(result.pairs) == 2 and result.unpaired == () and not result.has_differences


def test_a_hong_kong_form_in_a_unit_with_no_other_traditional_character() -> None:
    """A copy in Hong Kong characters: a heading whose only regional form is 衞 (t2s
    keeps it) reads as script as the rest of the copy does."""
    result = compare_texts(
        "全球公共卫生\n\n中国以对全球公共卫生事业高度负责的态度，最早向世卫组织报告疫情。\n",
        "全球公共衞生\n\n中國以對全球公共衞生事業高度負責的態度，最早向世衞組織報告疫情。\n")
    assert {v.kind for p in result.pairs for v in p.variants} == {"script"}


def test_a_long_paragraph_holding_ten_paragraphs_takes_them_all() -> None:
    """A copy that ran ten paragraphs together: the one long paragraph is compared with
    all ten, beyond the eight pieces a paragraph broken in two or three would take."""
    cases = Path(__file__).parent / "cases"
    a, b = ((cases / f"flat10_{side}.txt").read_text("utf-8") for side in "AB")
    for x, y in ((a, b), (b, a)):
        result = compare_texts(x, y)
        assert len(result.pairs) == 1 and result.unpaired == () and not result.has_differences


def test_two_very_short_lines_that_stand_alone_are_a_pair() -> None:
    """A three-character line misread in one character is a pair with one substitution,
    not two units each only in one document."""
    result = compare_texts("馨磬，好\n", "馨馨，好\n")
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants] == [
        ("substitution", "磬", "馨")]
    assert not result.unpaired


def test_a_renumbered_chapter_heading_is_a_pair() -> None:
    """An edition that inserted chapters renumbers the later ones: 第十章公司解散和清算
    and 第十二章公司解散和清算 are one heading with its number changed."""
    a = "第十章公司解散和清算\n第一百八十条　公司因下列原因解散：营业期限届满。\n"
    b = "第十二章公司解散和清算\n第二百二十九条　公司因下列原因解散：营业期限届满。\n"
    result = compare_texts(a, b)
    readings = [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants]
    assert ("substitution", "第十章", "第十二章") in readings
    assert not result.unpaired


def test_an_article_that_recurs_changed_in_another_chapter_pairs_in_its_own_place() -> None:
    """Two articles alike but for the kind of company they govern, each revised: each
    pairs with its revision in its own place, not crosswise with the other's as two
    moves, though the other's text scores higher."""
    rest = ["第一条为了规范公司的组织和行为，保护公司、股东和债权人的合法权益，制定本法。",
            "第二条本法所称公司是指依照本法在中国境内设立的有限责任公司和股份有限公司。",
            "第三条公司是企业法人，有独立的法人财产，享有法人财产权。",
            "第四条公司股东依法享有资产收益、参与重大决策和选择管理者等权利。",
            "第五条公司从事经营活动，必须遵守法律、行政法规，遵守社会公德、商业道德。",
            "第六条设立公司，应当依法向公司登记机关申请设立登记。"]
    a_llc = "有限责任公司股东会由全体股东组成。股东会是公司的权力机构，依照本法行使职权。"
    a_jsc = "股份有限公司股东大会由全体出资人组成。股东大会是公司的权力机关，依照法律行使职权。"
    b_llc = "有限责任公司股东会由全体出资人组成。股东会是公司的权力机关，依照法律行使职权。"
    b_jsc = "股份有限公司股东会由全体股东组成。股东会是公司的权力机构，依照本法行使职权。"

    def text(llc: str, jsc: str) -> str:
        return "\n".join([*rest[:2], llc, *rest[2:4], jsc, *rest[4:]]) + "\n"

    result = compare_texts(text(a_llc, a_jsc), text(b_llc, b_jsc))
    assert [(p.a.start_line, p.b.start_line) for p in result.pairs] == [(n, n) for n in range(1, 9)]
    assert not [v for p in result.pairs for v in p.variants if v.kind == "move"]


def test_a_chapter_heading_set_elsewhere_is_a_move() -> None:
    """An edition that moves a chapter heading (the articles stay) has a move."""
    articles = [f"第{n}条　本条规定第{n}项事务的办理程序、期限和责任，有关部门应当依法履行职责。"
                for n in "一二三四五六"]
    a = "\n".join(["第一章　总则", *articles[:2], "第二章　会计核算", *articles[2:]]) + "\n"
    b = "\n".join(["第一章　总则", *articles[:4], "第二章　会计核算", *articles[4:]]) + "\n"
    result = compare_texts(a, b)
    moves = [(p.a.text, p.a.start_line, p.b.start_line) for p in result.pairs
             for v in p.variants if v.kind == "move"]
    assert moves == [("第二章会计核算", 4, 6)]


def test_a_dated_line_one_edition_lengthens_is_a_pair() -> None:
    """Two headings in one place, one the other with words added inside (第一次), pair
    with the insertion, beside a heading only the later edition has."""
    law = ("## 第一章　总则\n\n第一条　为了保守国家秘密，维护国家安全和利益，保障改革开放和"
           "社会主义建设事业的顺利进行，制定本法。\n\n第二条　国家秘密是关系国家安全和利益，"
           "依照法定程序确定，在一定时间内只限一定范围的人员知悉的事项。\n")
    first = "## 2010年4月29日　第十一届全国人民代表大会常务委员会第十四次会议{}修订\n\n"
    a = "# 中华人民共和国保守国家秘密法\n\n" + first.format("") + law
    b = ("# 中华人民共和国保守国家秘密法\n\n" + first.format("第一次")
         + "## 2024年2月27日　第十四届全国人民代表大会常务委员会第八次会议第二次修订\n\n" + law)
    result = compare_texts(a, b)
    assert [(v.kind, v.b_text) for p in result.pairs for v in p.variants] == [
        ("insertion", "第一次")]
    assert [u.text[:10] for _, u in result.unpaired] == ["2024年2月27日"]


def test_two_passages_alike_but_for_a_name_that_change_places_are_moves() -> None:
    """Two paragraphs that differ only in a place name, set in each other's places: each
    pairs with its own copy, word for word, as a move, not crosswise with the other."""
    common = ("股东会是公司的权力机构，依照本法行使职权，股东会会议由股东按照出资比例行使表决权，"
              "但是公司章程另有规定的除外。")
    x = "总则部分说明本法的目的在于规范公司的组织和行为，保护公司、股东和债权人的合法权益。"
    y = "本法自公布之日起施行，此前发布的有关规定与本法不一致的，以本法为准。"
    p = "甲市有限责任公司的股东会由全体股东组成。" + common
    q = ("股份有限公司的股东大会由全体股东组成，国有独资公司不设股东会，"
         "由履行出资人职责的机构行使股东会职权。" + common)
    r = "乙省有限责任公司的股东会由全体股东组成。" + common
    result = compare_texts("\n\n".join([x, p, q, r, y]) + "\n", "\n\n".join([x, r, q, p, y]) + "\n")
    assert all(pair.a.text == pair.b.text for pair in result.pairs)
    assert sum(v.kind == "move" for pair in result.pairs for v in pair.variants) == 2


def test_a_dateline_in_brackets_is_the_same_dateline() -> None:
    """One copy sets the dateline at the start, the other in brackets at the end: the
    same page furniture, neither only in one document nor boilerplate."""
    body = "十三届全国人大三次会议24日在人民大会堂举行视频记者会，国务委员兼外交部长王毅回答中外记者提问。"
    result = compare_texts(f"据新华社北京5月24日电\n{body}\n", f"{body}\n(据新华社北京5月24日电)\n")
    assert not result.unpaired and not result.boilerplate


def test_a_poem_set_a_couplet_to_a_line_in_one_copy_and_two_in_the_other() -> None:
    """The second couplet, a line of its own in B and misread there too often for the
    pieces rule, is still where A holds it: one passage with its readings, nothing only
    in one document."""
    result = compare_texts("春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n",
                           "春眠不觉晓，处处闻啼鸟。\n夜來風雨响，花飘知几多。\n")
    assert not result.unpaired
    assert readings(result) == [("script", "夜来风雨", "夜來風雨"), ("substitution", "声", "响"),
                                ("substitution", "花落知多少", "花飘知几多")]


def test_a_copy_that_drops_lines_from_inside_a_passage() -> None:
    """B runs the poem's lines together and drops a line and a half: one passage, the
    dropped text the only variant (it was read as B adding the lines A has, and A's lines
    as only in A)."""
    result = compare_texts(
        "白日依山尽，黄河入海流。\n欲穷千里目，更上一层楼。\n朝辞白帝彩云间，千里江陵一日还。\n"
        "两岸猿声啼不住，轻舟已过万重山。\n",
        "白日依山尽，黄河入海流。欲穷千里目，\n两岸猿声啼不住，轻舟已过万重山。\n")
    assert not result.unpaired
    # (the line break after the dropped lines a whitespace reading of its own)
    assert readings(result) == [("deletion", "更上一层楼。\n朝辞白帝彩云间，千里江陵一日还。", "")]


def test_two_copies_that_pair_no_unit_are_compared_whole() -> None:
    """A simplified copy a couplet to a line, a traditional one two couplets to a line and
    two half-lines short: no unit pairs on its own, yet the whole texts read alike, so
    they are one passage with their readings."""
    result = compare_texts(
        "燕双飞，莺百啭，越波堤下长桥。\n斗钿花筐金匣，恰舞衣罗薄纤腰。\n"
        "东风淡荡慵无力，黛眉愁聚春碧。\n满地落花无消息，月明肠断空忆。\n",
        "燕雙飛，鶯百轉，越波堤下長橋。鬥鈿花筐金匣恰，\n東風澹蕩慵無力，黛眉愁聚春碧。滿地落花無消息，\n")
    assert not result.unpaired
    found = readings(result)
    assert ("substitution", "啭", "轉") in found and ("substitution", "淡", "澹") in found
    assert ("deletion", "月明肠断空忆。", "") in found
    assert sum(kind == "script" for kind, _, _ in found) == 8


def test_a_paragraph_break_moved_by_a_sentence_with_a_change_in_it() -> None:
    """B ends the first paragraph with the sentence A opens the second with, and reads
    a character and a mark of it differently: one passage with those two readings (not
    the sentence added to one pair and dropped from the other)."""
    s1 = "国务院今天召开常务会议研究部署稳就业工作。会议指出要加大政策支持力度。"
    s3 = "会议要求各部门加强协调配合形成合力。"
    result = compare_texts(f"{s1}\n\n会议强调各地要压实責任确保政策落地见效，{s3}\n",
                           f"{s1}会议强调各地要压实责任确保政策落地见效。\n\n{s3}\n")
    assert len(result.pairs) == 1 and not result.unpaired and not result.boilerplate
    assert readings(result) == [("script", "責任", "责任"), ("punctuation", "，", "。")]


def test_a_title_that_differs_in_punctuation_where_one_copy_sets_it_as_a_heading() -> None:
    """A sets the title as a paragraph with a colon, B as a heading with a space there: a
    pair with the punctuation reading, which used to vanish from the output."""
    body = "日照香炉生紫烟，遥看瀑布挂前川。飞流直下三千尺，疑是银河落九天。"
    result = compare_texts(f"望庐山瀑布：其二\n李白\n\n{body}\n",
                           f"望庐山瀑布 其二\n李白\n\n{body[:16]}\n{body[16:]}\n")
    assert not result.unpaired
    assert readings(result) == [("punctuation", "：", "")]


def test_a_paragraph_break_moved_by_a_sentence_with_a_sentence_added_after_it() -> None:
    """B ends the first paragraph with the sentence A opens the second with, and adds a
    sentence of its own after it: the added sentence is the only variant."""
    s1 = "国务院今天召开常务会议研究部署稳就业工作。会议指出要加大政策支持力度。"
    moved = "会议强调各地要压实责任确保政策落地见效。"
    added = "会议还听取了关于今年以来全国就业形势和重点群体就业情况的汇报。"
    s3 = "会议要求各部门加强协调配合形成合力。"
    result = compare_texts(f"{s1}\n\n{moved}{s3}\n", f"{s1}{moved}{added}\n\n{s3}\n")
    assert not result.unpaired and not result.boilerplate
    assert readings(result) == [("addition", "", added)]


def test_a_mark_changed_where_one_copy_breaks_the_paragraph() -> None:
    """B turns a comma into a full stop and starts a new paragraph there: the reading is
    the mark alone (the paragraph break is white space, a reading of its own), and its
    text is what its span holds."""
    a = "这条生产线已经投产，预计今年产值将翻一番，带动当地就业两千余人。\n"
    b = "这条生产线已经投产。\n\n预计今年产值将翻一番，带动当地就业两千余人。\n"
    result = compare_texts(a, b)
    assert readings(result) == [("punctuation", "，", "。")]
    (variant,) = [v for p in result.pairs for v in result.visible(p)]
    assert (variant.b.start_line, variant.b.start_column, variant.b.end_column) == (1, 10, 10)


def test_a_poem_one_copy_runs_together_with_its_title_and_author_on_one_heading() -> None:
    """B runs the title and the author into one heading and the lines of the poem
    together, dropping some: the lines are one passage with A's (the dropped halves its
    variants), and A's title and author, left beside it, pair with B's heading."""
    lines = ["春江潮水连海平，海上明月共潮生。", "滟滟随波千万里，何处春江无月明。",
             "江流宛转绕芳甸，月照花林皆似霰。", "空里流霜不觉飞，汀上白沙看不见。",
             "江天一色无纤尘，皎皎空中孤月轮。", "江畔何人初见月，江月何年初照人。",
             "人生代代无穷已，江月年年望相似。", "不知江月待何人，但见长江送流水。"]
    a = "春江花月夜\n张若虚\n\n" + "\n".join(lines) + "\n"
    b = ("春江花月夜\n张若虚\n\n" + lines[0] + lines[1][:8] + "\n" + lines[3] + lines[4][:8]
         + "\n" + lines[5] + lines[6][:8] + "\n" + lines[7] + "\n")
    result = compare_texts(a, b)
    assert not result.unpaired
    assert [kind for kind, _, _ in readings(result)] == ["deletion"] * 3


@pytest.mark.parametrize("cites", ["", "第三十九条规定的经费和物资，任何单位不得截留。"])
def test_an_article_an_edition_adds_is_not_joined_to_the_article_before_it(cites: str) -> None:
    """B moves a clause of 第四十条 into a new article of its own: the new article is
    only in B, not text added to 第四十条 (two articles of a law are never one passage;
    a sentence of 第四十条 that cites 第三十九条 runs no two articles on)."""
    head = "第三十九条 有关单位应当按照国家规定开展国防教育，保障国防教育所需的经费和物资。\n"
    rule = ("第四十条 违反本法规定，挪用、克扣国防教育经费的，由有关主管部门责令限期归还；"
            "对负有直接责任的主管人员和其他直接责任人员，依法给予行政处分。" + cites)
    a = head + rule + "构成犯罪的，依法追究刑事责任。\n第四十一条 本法自公布之日起施行。\n"
    b = (head + rule.replace("行政处分", "处分") + "\n第四十一条 违反本法规定，构成犯罪的，"
         "依法追究刑事责任。\n第四十二条 本法自公布之日起施行。\n")
    result = compare_texts(a, b)
    assert [u.text[:5] for _, u in result.unpaired] == ["第四十一条"]
    assert ("omission", "构成犯罪的，依法追究刑事责任。", "") in readings(result)


@pytest.mark.parametrize("inserted_after", [1, 2])
def test_articles_a_web_copy_runs_on_in_one_paragraph_pair_with_an_edition_that_adds_one(
        inserted_after: int) -> None:
    """A web page runs a law's articles on in one paragraph (第一条…。第二条…。第三条…);
    an edition sets each apart and adds an article among them. The paragraph pairs with
    all of the edition's articles: the new article is an addition, the articles after it
    are renumbered, nothing is only in one copy."""
    rules = ["为了规范管理，制定本办法。", "本办法适用于全市行政区域。", "市人民政府负责组织实施。"]
    numbers = "一二三四"
    a = "".join(f"第{numbers[k]}条　{rule}" for k, rule in enumerate(rules)) + "\n"
    edition = [*rules[:inserted_after], "各区人民政府应当配合做好相关工作。", *rules[inserted_after:]]
    b = "\n\n".join(f"第{numbers[k]}条　{rule}" for k, rule in enumerate(edition)) + "\n"
    result = compare_texts(a, b)
    assert result.unpaired == ()
    found = readings(result)
    assert ("addition", "", f"第{numbers[inserted_after]}条各区人民政府应当配合做好相关工作。") \
        in [(kind, x, y.replace("\n", "")) for kind, x, y in found]
    assert [r for r in found if r[0] == "substitution"] == [
        ("substitution", f"第{numbers[k]}条", f"第{numbers[k + 1]}条")
        for k in range(inserted_after, len(rules))]


def test_a_paragraph_that_ends_in_a_comma_before_a_moved_paragraph() -> None:
    """B ends a paragraph with a comma (segmentation reads the blank line after it as a
    column break) and moves a paragraph to just after it. A ends a paragraph with those
    words and opens one with the words after the break, so B's paragraph is parted there:
    the comma is a punctuation reading and the paragraph a move, nothing unpaired."""
    paras = ["第一段说的是今年经济运行总体平稳，就业形势保持稳定。",
             "第二段说的是对外贸易稳中有进，进出口总额再创新高。",
             "第三段说的是科技创新成果丰硕，多项技术取得突破。",
             "第四段说的是生态环境持续改善，空气质量明显好转。"]
    b = [paras[0][:-1] + "，", paras[3], paras[1], paras[2]]
    result = compare_texts("\n\n".join(paras) + "\n", "\n\n".join(b) + "\n")
    assert readings(result) == [("punctuation", "。", "，"), ("move", paras[3], paras[3])]
    assert result.unpaired == ()
    moved = [p for p in result.pairs if p.move is not None]
    assert [(p.a.text, p.b.id, p.b.start_line) for p in moved] == [(paras[3], "u1.2", 3)]
    # a paragraph a column break cut mid-sentence is read whole, as before
    cut = paras[0][:20] + "\n\n" + paras[0][20:]
    whole = compare_texts("\n\n".join(paras) + "\n", "\n\n".join([cut, *paras[1:]]) + "\n")
    assert readings(whole) == [] and whole.unpaired == ()


def test_a_headline_run_on_into_a_paragraph_the_other_copy_leaves_out() -> None:
    """A sets a subheadline in its column with no space (the line nearly fills it), so
    segmentation runs it on into the paragraph after the blank line; B sets it as a
    markdown heading and leaves that paragraph out. A's paragraph is parted after the
    headline: the headline pairs with B's heading and the paragraph is only in A. So too
    where B runs the same headline on into the paragraph after the one it leaves out."""
    a = ("国务院新闻办公室今天举行新\n闻发布会，介绍今年前三季度\n国民经济运行情况。\n\n"
         "今年我国将持续推动能源\n\n文章指出，两年多来，构建新\n发展格局扎实推进，取得了一\n"
         "些成效。\n\n市场销售持续改善，消费对经\n济增长的拉动作用明显增强。\n")
    b = ("国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况。\n\n"
         "## 今年我国将持续推动能源\n\n市场销售持续改善，消费对经济增长的拉动作用明显增强。\n")
    copies = [
        (b, []),
        # B's heading with a character misread: the headline pairs with its reading
        (b.replace("## 今年我国将持续推动能源", "## 今年我国将持续推进能源"),
         [("substitution", "推动", "推进")]),
        # B runs the headline on into the paragraph after the one it leaves out
        ("国务院新闻办公室今天举行新\n闻发布会，介绍今年前三季度\n国民经济运行情况。\n\n"
         "今年我国将持续推动能源\n\n市场销售持续改善，消费对经\n济增长的拉动作用明显增强。\n", []),
    ]
    for copy, expected in copies:
        result = compare_texts(a, copy)
        assert readings(result) == expected
        assert [(d, u.text) for d, u in result.unpaired] == [
            (0, "文章指出，两年多来，构建新发展格局扎实推进，取得了一些成效。")]
    # a column break both copies set after the same words, a word misread after it, is a
    # sentence cut, not a headline: one pair, not two
    cut = ("国务院新闻办公室今天举行新\n闻发布会。\n\n国家统计局新闻发言人付凌晖\n"
           "今天在国务院新闻办公室举行\n\n的新闻发布会上介绍说，前三\n季度国民经济持续恢复向好。\n")
    result = compare_texts(cut, cut.replace("发布会上", "法布会上"))
    assert [(p.a.id, p.b.id) for p in result.pairs] == [("u1", "u1"), ("u2", "u2")]
    assert readings(result) == [("substitution", "发布", "法布")]


def test_a_traditional_form_that_t2s_keeps_is_script() -> None:
    """OpenCC's s2t writes 想象 as 想像, and t2s keeps 想像: in a copy set in traditional
    characters it is a script reading, as 詐/诈 is; between two simplified copies the
    rule of script readings is t2s alone."""
    import opencc

    a = "他说，在沙漠里植树治沙，困难远比想象得更多，但大家从来没有放弃过。\n"
    result = compare_texts(a, opencc.OpenCC("s2t").convert(a))
    assert {v.kind for p in result.pairs for v in p.variants} == {"script"}
    assert "想像" in {v.b_text for p in result.pairs for v in p.variants}


def _turn_cut_and_added_to() -> tuple[str, str]:
    """A: three turns; B: the middle turn's question added to and its answer's longer
    part left out."""
    first = ("法新社记者：据报道，李强强调。中方对此有何回应？\n\n"
             "汪文斌：李强强调，要深入推进党风廉政建设和反腐败斗争。")
    last = ("塔斯社记者：据报道，今年的北京。你能否介绍更多情况？\n\n"
            "汪文斌：今年的北京，是人形机器人的“国际会客厅”。")
    question = "《北京日报》记者：据报道，国家发展改革委、市场监管总局、福建省。中方对此有何评论？"
    answer = "汪文斌：国家发展改革委、市场监管总局、福建省政府、四川省政府主要负责同志在会上发言。"
    cut = ("今年是“十四五”收官之年，五年来，北京加快建设国际科技创新中心，围绕前沿技术领域重点突破，"
           "推动科技创新和新质生产力培育取得新进展新成效。")
    added = "文交流，团结一心、守望相助，携手迈向现代化，这符合两国利益，也有利于世界和平稳定。"
    a = "\n\n".join([first, question, answer, cut, last]) + "\n"
    b = "\n\n".join([first, question.replace("福建省。", "福建省。" + added), answer, last]) + "\n"
    return a, b


def test_a_turn_a_copy_cut_by_half_and_added_to_pairs_in_its_place() -> None:
    """Between two turns both copies hold, B's turn of the same outlet adds a sentence to
    the question and leaves out the longer part of the answer: too little alike for the
    rule of units left in one place, but the same reporter asks the same question there,
    so the two are a pair with the addition and the omission."""
    result = compare_texts(*_turn_cut_and_added_to())
    assert result.unpaired == ()
    kinds = sorted(v.kind for p in result.pairs for v in result.visible(p))
    assert kinds == ["addition", "omission"]


def test_a_traditional_copy_of_a_turn_cut_by_half_pairs_by_its_label() -> None:
    """The turn of the test above, B set in traditional characters (记者 as 記者): the
    same reporter asks the same question there, so the turns still pair."""
    import opencc

    a, b = _turn_cut_and_added_to()
    b = opencc.OpenCC("s2t").convert(b)
    assert "記者" in b
    result = compare_texts(a, b)
    assert result.unpaired == ()
    kinds = {v.kind for p in result.pairs for v in result.visible(p)}
    assert kinds == {"addition", "omission", "script"}


def test_a_paragraph_a_one_line_copy_drops_is_one_omission() -> None:
    """A: paragraphs and headlines, a blank line apart; B: the web copy on one line, the
    headlines run into the text without marks, and the paragraph under the first headline
    left out. One omission of that paragraph, nothing else: the first headline, which B
    runs into the second, is no omission, and the 12 of the dropped paragraph that shares
    its 2 with B's 2025 splits nothing."""
    paragraphs = ["市场监管总局近日在全国范围开展食品安全专项检查，覆盖各类餐饮单位。",
                  "市场监管总局部署整治12类校园周边食品安全问题",
                  "市场监管总局今天启动“守护校园”行动，将重点整治12类校园周边问题。"
                  "各地要建立举报奖励机制，严肃查处违法违规行为。",
                  "2025年全国食品安全宣传周启动",
                  "今年宣传周的主题是共建共治共享，各地组织各类宣传活动三千余场。"]
    a = "\n\n".join(paragraphs) + "\n"
    b = "".join(paragraphs[:2] + paragraphs[3:]) + "\n"
    result = compare_texts(a, b)
    variants = [v for p in result.pairs for v in result.visible(p)]
    assert [(v.kind, v.a_text.strip()) for v in variants] == [("omission", paragraphs[2])]
    assert result.unpaired == ()


def test_a_dated_heading_with_the_day_in_words_pairs_with_one_in_digits() -> None:
    """The line under a law's title dates its revision, 7月27日 in one copy and 7月二十七日
    in the other: one heading, with a numeral reading, not a heading only in each."""
    title = "某市实施《中华人民共和国水法》办法\n\n"
    body = ("\n\n第一条 根据《中华人民共和国水法》，结合本市实际情况，制定本办法。\n\n"
            "第二条 本办法适用于本市行政区域内的水资源开发利用和保护管理活动。\n")
    dated = "2009年7月{}日 某市第十三届人民代表大会常务委员会第十二次会议修订"
    result = compare_texts(title + dated.format("27") + body, title + dated.format("二十七") + body)
    assert result.unpaired == ()
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("numeral", "27", "二十七")]


def test_a_chapter_heading_with_a_word_changed_pairs_where_an_article_after_it_dropped() -> None:
    """B changes a word of a chapter heading (计量单位 → 开放: two characters shorter, 62 %
    alike) and drops the article after it. The heading stands alone between the same two
    articles in both copies: a pair with its substitution, and the article an omission,
    not three units each in one copy. Another heading of other words there stays
    unpaired."""
    head = ("第四条 县级以上人民政府应当将计量科技进步纳入国民经济和社会发展计划。\n\n"
            "{}\n\n")
    dropped = "第五条 实行法定计量单位制度。法定计量单位的名称和符号，按照国务院的规定执行。\n\n"
    tail = "第六条 进口商品中仍需要使用非国家法定计量单位的，必须经省级以上计量行政主管部门批准。\n"
    a = head.format("法定计量单位的使用") + dropped + tail
    result = compare_texts(a, head.format("法定开放的使用") + tail)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("substitution", "计量单位", "开放")]
    assert [(d, u.kind) for d, u in result.unpaired] == [(0, "text")]
    other = compare_texts(a, head.format("计量器具的管理使用") + tail)
    assert sorted((d, u.kind) for d, u in other.unpaired) == [(0, "heading"), (0, "text"), (1, "heading")]
    # (nor where each copy leaves two headings there: which goes with which is no longer
    # told by the place)
    two = compare_texts(a.replace(tail, "计量器具的检定\n\n" + tail),
                        head.format("法定开放的使用") + "计量器具的管理\n\n" + tail)
    assert sorted((d, u.kind) for d, u in two.unpaired) == [
        (0, "heading"), (0, "heading"), (0, "text"), (1, "heading"), (1, "heading")]


def test_a_title_one_copy_sets_as_a_paragraph_pairs_before_its_parts_can() -> None:
    """Both copies open with the whole title on one line (a paragraph in A, a heading in
    B, set wider than its column), then set its two parts apart; B's second part fills
    its column and reads on into the story. The title pairs with the title, though A's
    paragraph holds B's second part: no deletion, no move, no heading only in B."""
    one = "纪念全国科技创新大会召开五十周年暨科学技术奖励大会在京隆重举行开幕式"
    two = "习近平出席大会并发表重要讲话强调加快建设科技强国实现高水平自强"
    stories = ["科技是第一生产力，创新是第一动力。大会总结科技创新工作成就，部署下一阶段重点任务，"
               "号召广大科技工作者勇攀高峰。",
               "大会表彰了一批获得国家科学技术奖的科技工作者，他们在基础研究和关键核心技术攻关中"
               "取得了突出成绩。",
               "与会代表表示，要把思想和行动统一到大会精神上来，以更加昂扬的精神状态投身科技强国建设。"]

    def column(text: str) -> str:
        return "\n".join(text[k:k + 16] for k in range(0, len(text), 16))

    a = f"{one} {two}\n\n{one}\n\n{two}\n\n" + "\n\n".join(stories) + "\n"
    b = f"{one} {two}\n\n" + "\n\n".join(column(t) for t in (one, two, *stories)) + "\n"
    result = compare_texts(a, b)
    assert result.unpaired == ()
    assert [v.kind for p in result.pairs for v in result.visible(p)] == []


def test_an_article_with_a_sentence_dropped_and_another_added_pairs_in_its_place() -> None:
    """B's article 12 drops its long last sentence and adds one: 55 % alike, under the rule
    for units left in one place, but it is the only unit each copy leaves there and the
    two share whole sentences: a pair with the omission and the addition. An article of
    other words in that place stays unpaired."""
    first = "第十一条 公民有依法使用本地区公共文化设施的权利，文化主管部门应当提供便利。"
    last = "第十三条 本条例自公布之日起施行，此前有关规定与本条例不一致的，以本条例为准。"
    old = ("第十二条 公共图书馆应当免费向公众开放。开放时间应当与公众的工作时间适当错开。"
           "对老年人、残疾人和未成年人等群体，公共图书馆应当提供适合其特点的专门服务。")
    new = ("第十二条 公共图书馆应当免费向公众开放。鼓励社会力量参与公共图书馆建设。"
           "开放时间应当与公众的工作时间适当错开。")
    other = "第十二条 博物馆应当定期举办陈列展览，并通过互联网向社会公布其藏品目录和展览信息。"

    def doc(middle: str) -> str:
        return f"{first}\n\n{middle}\n\n{last}\n"

    result = compare_texts(doc(old), doc(new))
    assert result.unpaired == ()
    assert sorted(v.kind for p in result.pairs for v in result.visible(p)) == [
        "addition", "omission"]
    assert len(compare_texts(doc(old), doc(other)).unpaired) == 2


def test_a_heading_both_copies_have_is_paired_once_beside_the_title_set_as_text() -> None:
    """B has the title as a heading, as A has, and again as a paragraph: the headings pair
    word for word, B's paragraph is only in B; no unit is in two pairs, no move."""
    title = "关于加强生态保护的通知"
    body = ("各地要切实加强生态环境保护工作，建立健全长效机制，推动绿色发展取得新成效。\n\n"
            "有关部门要加强协调配合，形成工作合力，及时研究解决工作中遇到的新情况新问题。\n")
    result = compare_texts(f"{title}\n\n{body}", f"{title}\n\n{title}。\n\n{body}")
    paired_a = [p.a.id for p in result.pairs]
    assert len(paired_a) == len(set(paired_a))
    assert [v.kind for p in result.pairs for v in result.visible(p)] == []
    assert [(d, u.text) for d, u in result.unpaired] == [(1, f"{title}。")]


def test_a_title_set_wider_than_the_column_is_no_part_of_the_paragraph() -> None:
    """A hard-wrapped copy sets its title across the column on two lines; the other copy
    has no title: the paragraphs pair with no reading, the title is a heading only in A."""
    paragraph = ("为依法惩治危害计算机信息系统安全的犯罪活动，根据《中华人民共和国刑法》的规定，"
                 "现就办理这类刑事案件应用法律的若干问题解释如下。")
    title = "最高人民法院、最高人民检察院关于办理危害计算\n机信息系统安全刑事案件应用法律若干问题的解释\n\n"
    a = title + "\n".join(paragraph[i:i + 13] for i in range(0, len(paragraph), 13)) + "\n"
    result = compare_texts(a, paragraph + "\n")
    assert readings(result) == [] and len(result.pairs) == 1
    assert [(doc, u.kind, u.start_line, u.end_line) for doc, u in result.unpaired] == [
        (0, "heading", 1, 2)]


def test_a_dateline_a_column_break_cuts_inside_its_date_is_no_variant() -> None:
    """本报北京 3 月 21 / (column break) / 日电（记者王磊）…: the dateline is page furniture
    only in that copy, none of it read into the story."""
    story = ("7月下旬，北京遭遇强降雨天气，引发洪涝和地质灾害。危急时刻，武警官兵们组成党员突击队，"
             "昼夜奋战在抢险救灾一线。")
    laid = ("本报北京 3 月 21\n\n日电（记者王磊） 7 月\n下旬，北京遭遇强降雨天\n气，引发洪涝和地质灾害\n"
            "。危急时刻，武警官兵们\n组成党员突击队，昼夜奋\n战在抢险救灾一线。\n")
    result = compare_texts("央视网消息（新闻联播）：" + story + "\n", laid)
    assert readings(result) == [] and len(result.pairs) == 1
    assert sorted((doc, u.kind, u.text) for doc, u in result.unpaired) == [
        (0, "furniture", "央视网消息（新闻联播）："), (1, "furniture", "本报北京3月21日电（记者王磊）")]


def test_a_subheading_read_into_its_paragraph_and_left_out_is_an_omission() -> None:
    """A hard-wrapped copy's subheading fills its column, so the paragraph after the blank
    line is read as its continuation; the other copy has no subheading: the words are
    whole lines set apart by a blank line, an omission, not a deletion of words."""
    head = "9月我国国际收支货物和服务贸易进出口规模同比增长5%"
    para = ("国家外汇管理局最新数据显示，今年9月，我国国际收支货物和服务贸易进出口规模"
            "达4.2万亿元，同比增长5%，服务贸易逆差收窄。")

    def wrapped(text: str) -> str:
        return "\n".join(text[i:i + 14] for i in range(0, len(text), 14))

    a = "央视网消息（新闻联播）：\n\n" + wrapped(head) + "\n\n" + wrapped(para) + "\n"
    b = "央视网消息（新闻联播）：\n\n" + wrapped(para) + "\n"
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text) for p in result.pairs for v in p.variants] == [
        ("omission", head)]


def test_a_table_of_contents_does_not_take_a_chapter_heading_from_its_place() -> None:
    """An edition that opens with a table of contents sets each chapter heading twice: the
    copy in the body pairs with the other edition's heading in its place, and the line the
    contents add is the one listed as only in that edition."""
    a = ("第一章 总则\n第一条 为了规范停车场的建设和管理，维护交通秩序，制定本办法。\n"
         "第二条 本市行政区域内停车场的规划、建设和管理，适用本办法。\n第二章 规划建设\n"
         "第三条 市规划部门应当会同交通部门编制停车场专项规划。\n"
         "第四条 新建公共建筑应当按照规定标准配建停车泊位。\n")
    result = compare_texts(a, "第一章 总则\n第二章 规划建设\n" + a)
    assert [(side, u.start_line) for side, u in result.unpaired] == [(1, 1), (1, 2)]
    assert all(not pair.variants for pair in result.pairs)
    # (the same with the contents in A)
    result = compare_texts("第一章 总则\n第二章 规划建设\n" + a, a)
    assert [(side, u.start_line) for side, u in result.unpaired] == [(0, 1), (0, 2)]


def test_a_sentence_moved_out_into_a_new_article_is_gone_from_the_first() -> None:
    """An edition moves a sentence from an article into an article of its own: the first
    article's pair reports it left out (the new article is listed as only in that edition);
    the sentence standing in both editions once does not hide the omission."""
    a = ("第一条 为了保障妇女的合法权益，促进男女平等，制定本法。\n"
         "禁止用侮辱、诽谤等方式损害妇女的人格尊严。禁止通过大众传播媒介或者其他方式贬低损害妇女人格。\n"
         "第二条 国家保障妇女享有与男子平等的文化教育权利。\n")
    b = ("第一条 为了保障妇女的合法权益，促进男女平等，制定本法。\n"
         "禁止通过大众传播媒介或者其他方式贬低损害妇女人格。\n"
         "第二条 国家保障妇女享有与男子平等的文化教育权利。\n"
         "第三条 妇女的人格尊严不受侵犯。禁止用侮辱、诽谤等方式损害妇女的人格尊严。\n")
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.a.start_line) for p in result.pairs for v in p.variants] == [
        ("omission", "禁止用侮辱、诽谤等方式损害妇女的人格尊严。", 2)]
    assert [(side, u.start_line) for side, u in result.unpaired] == [(1, 4)]


def test_a_paragraph_set_twice_pairs_its_first_copy() -> None:
    """A copy sets a paragraph twice, word for word, and leaves out the paragraph before
    it: the other copy's paragraph pairs with the first of the two (its variant found
    there), the second is listed as only in that copy."""
    first = "连日来，全国各地丰收忙，到处洋溢着丰收的喜悦。"
    dropped = "金秋九月，稻菽飘香。在黑龙江垦区北兴农场，大型收割机在田间忙碌。"
    last = "在江西省婺源县，农民们抢抓晴好天气收割晚稻，确保颗粒归仓。"
    twice = last.replace("收割", "收获")
    result = compare_texts("\n\n".join([first, dropped, last]) + "\n",
                           "\n\n".join([first, twice, twice]) + "\n")
    assert [(p.a.start_line, p.b.start_line, [(v.a_text, v.b_text) for v in p.variants])
            for p in result.pairs] == [(1, 1, []), (5, 3, [("收割", "收获")])]
    assert [(side, u.start_line) for side, u in result.unpaired] == [(0, 3), (1, 5)]


def test_an_article_an_edition_breaks_in_two_does_not_pair_with_an_item_quoting_it() -> None:
    """An edition breaks an article in two paragraphs and adds a list item that quotes a
    sentence of it: the article pairs with its two paragraphs, in place, not with the
    item out of place (which set the article after it moving)."""
    a = ("第一条 为了褒扬烈士，弘扬烈士精神，制定本条例。\n"
         "第二条 任何单位或者个人不得侵占烈士纪念设施保护范围内的土地和设施。"
         "禁止在烈士纪念设施保护范围内进行其他工程建设。\n"
         "第三条 烈士在烈士陵园安葬。未在烈士陵园安葬的，可以迁移到烈士陵园安葬。\n"
         "第四条 本条例自公布之日起施行。\n")
    b = ("第一条 为了褒扬烈士，弘扬烈士精神，制定本条例。\n"
         "第二条 任何组织和个人不得侵占烈士纪念设施保护范围内的土地和设施，"
         "不得以任何方式破坏、污损烈士纪念设施。\n"
         "禁止在烈士纪念设施保护范围内进行其他工程建设。在烈士纪念设施保护范围周边进行工程建设，"
         "不得破坏烈士纪念设施的历史风貌。\n"
         "第三条 烈士在烈士陵园安葬。未在烈士陵园安葬的，可以迁移到烈士陵园安葬。\n"
         "第四条 违反本条例规定，有下列行为之一的，由主管部门责令改正：\n"
         "（一）在烈士纪念设施保护范围内进行其他工程建设的；\n"
         "第五条 本条例自公布之日起施行。\n")
    result = compare_texts(a, b)
    assert [(p.a.start_line, p.b.start_line, p.b.end_line) for p in result.pairs] == [
        (1, 1, 1), (2, 2, 3), (3, 4, 4), (4, 7, 7)]
    assert not any(v.kind == "move" for p in result.pairs for v in p.variants)
    assert [(side, u.start_line) for side, u in result.unpaired] == [(1, 5), (1, 6)]


def test_a_dated_line_of_an_editions_history_pairs_however_each_copy_sets_it() -> None:
    """One edition ends a dated history line with the decision's name (so it reads as a
    paragraph), the other drops the name (a line of no punctuation: a heading) and adds
    a line for its own amendment: the two lines pair, the name a deletion, the new line
    only in the second edition."""
    title = "北京市机动车停车条例\n2018年3月30日 北京市第十五届人民代表大会常务委员会第三次会议通过\n"
    body = ("第一章 总则\n第一条 为了加强本市机动车停车治理，合理引导停车需求，严格规范停车秩序，"
            "根据有关法律、法规，结合本市实际情况，制定本条例。\n"
            "第二条 本市行政区域内停车设施的规划、建设、使用和管理，适用本条例。\n"
            "第三条 本市停车管理工作坚持政府主导、社会共治的原则，实行差别化管理。\n"
            "第四条 市人民政府统筹协调停车管理工作，区人民政府负责本区停车管理工作。\n"
            "第五条 交通主管部门负责停车管理的统筹协调和监督指导，制定相关政策和标准。\n"
            "第六条 规划自然资源主管部门负责停车设施规划用地的管理工作，依法办理审批手续。\n"
            "第七条 公安机关交通管理部门负责道路停车秩序管理，依法查处违法停车行为。\n")
    a = title + ("2021年9月24日 北京市第十五届人民代表大会常务委员会第三十三次会议通过的"
                 "《关于修改部分地方性法规的决定》修正\n") + body
    b = title + ("2021年9月24日 北京市第十五届人民代表大会常务委员会第三十三次会议通过\n"
                 "2024年3月29日 北京市第十六届人民代表大会常务委员会第九次会议通过\n") + body
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.a.start_line) for p in result.pairs for v in p.variants] == [
        ("deletion", "的《关于修改部分地方性法规的决定》修正", 3)]
    assert [(side, u.start_line) for side, u in result.unpaired] == [(1, 4)]


def test_a_paragraph_an_answer_prints_twice_is_added_as_its_second_print() -> None:
    """A copy prints the first paragraph of an answer twice: the addition is the second
    print, from its first character, not the end of the first print and the start of the
    second."""
    q = "新华社记者：今年以来，中国经济回升向好势头持续巩固增强，您如何看待中国经济前景？"
    p1 = "王毅：从长远看，中国经济长期向好的趋势不会改变。中方愿同各方分享发展机遇，实现共同发展。"
    p2 = "我们将继续扩大高水平对外开放，稳步推进制度型开放，为各国企业提供更多合作机会。"
    result = compare_texts("\n\n".join([q, p1, p2]) + "\n", "\n\n".join([q, p1, p1, p2]) + "\n")
    (added,) = [v for p in result.pairs for v in p.variants]
    assert (added.kind, added.b.start_line, added.b.start_column, added.a.start_line) == (
        "addition", 5, 1, 5)
    assert added.b_text.strip() == p1


def test_a_paragraph_printed_twice_with_a_word_the_other_copy_reads_apart() -> None:
    """As above, and the other copy reads a word of that paragraph otherwise (建立 for
    建设): the alignment may take the end of one print and the start of the next as the
    added passage, with the word in the second print. The word is read in the first
    print, and the addition is the whole second print, from its first character."""
    q = "新华社记者：今年以来，中国经济回升向好势头持续巩固增强，您如何看待中国经济前景？"
    p1 = ("王毅：李强总理所作政府工作报告以习近平新时代中国特色社会主义思想为指导，求真务实，"
          "振奋人心，我完全赞同。外交外事战线将坚定拥护“两个确立”，坚决做到“两个维护”，"
          "为以中国式现代化全面推进强国建设、民族复兴伟业营造更有利国际环境。")
    p2 = "我们将继续扩大高水平对外开放，稳步推进制度型开放，为各国企业提供更多合作机会。"
    once = "\n\n".join([q, p1.replace("建设", "建立").replace("国际环境", "國際環境"), p2]) + "\n"
    twice = "\n\n".join([q, p1, p1, p2]) + "\n"
    at = p1.index("建设") + 1, p1.index("国际环境") + 1
    result = compare_texts(once, twice)
    found = [(v.kind, v.a_text, v.b_text.strip(), v.b.start_line, v.b.start_column)
             for p in result.pairs for v in p.variants]
    assert found == [("substitution", "建立", "建设", 3, at[0]),
                     ("script", "國際環境", "国际环境", 3, at[1]), ("addition", "", p1, 5, 1)]
    # (and the other way round: the second print is the omission)
    result = compare_texts(twice, once)
    found = [(v.kind, v.a_text.strip(), v.a.start_line, v.a.start_column)
             for p in result.pairs for v in p.variants]
    assert found == [("substitution", "建设", 3, at[0]), ("script", "国际环境", 3, at[1]),
                     ("omission", p1, 5, 1)]


def test_a_copy_set_twice_on_one_line_is_weighed_without_a_search_per_piece(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A passage that one copy sets twice on one line, against a copy that sets it in
    paragraphs after other matter: the paragraphs joined to a pair are searched for in the
    other copy's text only where that could explain more than joining them does (each
    such search over thousands of characters took seconds: the comparison took minutes)."""
    from variantdiff import regroup

    calls: list[int] = []

    def counted(piece: str, text: str) -> float:
        calls.append(len(piece))
        return held_in(piece, text)

    held_in = regroup.held_in
    monkeypatch.setattr(regroup, "held_in", counted)
    first = Path(seed("001")).read_text(encoding="utf-8")
    second = Path(seed("002")).read_text(encoding="utf-8")
    a = second[2676:] + "\n" + first[:3943]
    b = second.replace("\n", "")[2218:5718] * 2
    result = compare_texts(a, b)
    assert result.pairs and sum(calls) < 2_000


@pytest.mark.parametrize("bad", ["\ud800", "王\udfff毅"])
def test_an_unpaired_surrogate_in_a_text_is_an_input_error_naming_it(bad: str) -> None:
    """Text given to the library with an unpaired surrogate (no character of any text) is
    refused with an error naming it, as the command line refuses such a record."""
    with pytest.raises(InputError, match="<b>: holds unpaired surrogate"):
        compare_texts("王毅：好。", bad)


def test_characters_in_another_script_beside_a_reading_inside_one_word_are_readings() -> None:
    """A copy that writes some characters of a word in traditional forms and changes
    another (以讹传讹 / 以訛；訛): each character in the other script is a ``script``
    reading as it stands beside the changed one, not lost in the word."""
    result = compare_texts("他们以讹传讹，造成了很坏的影响。这是第二句话。\n",
                           "他们以訛；訛，造成了很坏的影响。这是第二句话。\n")
    assert [(v.kind, v.a_text, v.b_text, v.a_offsets) for p in result.pairs
            for v in p.variants] == [("script", "讹", "訛", (3, 4)),
                                     ("substitution", "传", "；", (4, 5)),
                                     ("script", "讹", "訛", (5, 6))]


def test_labels_set_in_brackets_in_one_copy_differ_in_nothing_but_the_edit() -> None:
    """One copy labels its turns 【新华社记者】/【束珏婷】, the other 新华社记者：/束珏婷：:
    the turns pair, the label's marks are hidden with the spacing, and the one real edit
    (总体/基本) is the only variant; a label's name changed is a variant still."""
    a = ("新华社记者：今年外贸形势如何？\n\n束珏婷：一季度进出口总体平稳，结构持续优化。\n\n"
         "路透社记者：外资企业是否在撤离？\n\n束珏婷：中国市场仍然具有很强的吸引力。\n\n"
         "国家卫生健康委医政司副司长李大川：今年5月以来，全国医疗服务平稳有序。\n")
    b = ("【新华社记者】今年外贸形势如何？\n\n【束珏婷】一季度进出口基本平稳，结构持续优化。\n\n"
         "【路透社记者】外资企业是否在撤离？\n\n【束玉婷】中国市场仍然具有很强的吸引力。\n\n"
         "【国家卫生健康委医政司副司长李大川】今年5月以来，全国医疗服务平稳有序。\n")
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("substitution", "总体", "基本"), ("substitution", "珏", "玉")]
    assert result.kind_counts()["whitespace"] == 10


def test_a_tag_one_copy_sets_before_a_speakers_label_is_an_omission_of_the_tag() -> None:
    """【现场】王毅：… / 王毅：…: the tag is the variant, not the speaker's name read
    against the tag's words."""
    a = "新华社记者：请问中方对此有何评论？\n\n【现场】王毅：我们一贯主张通过对话解决分歧。\n"
    b = "新华社记者：请问中方对此有何评论？\n\n王毅：我们一贯主张通过对话解决分岐。\n"
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] == [
        ("deletion", "【现场】", ""), ("substitution", "分歧", "分岐")]


@pytest.mark.parametrize(("a", "b", "readings"), [
    ("他说：我们一定要把长江保护好……这是我们的责任。", "他说：我们一定要把长江保护好...那是我们的责任。",
     [("punctuation", "……", "..."), ("substitution", "这", "那")]),
    ("参会国家已经达到了10……这说明了问题。", "参会国家已经达到了10...那说明了问题。",
     [("punctuation", "……", "..."), ("substitution", "这", "那")]),
    ("长江——中华民族的母亲河——正在焕发新的生机。", "长江--中华民族的母亲河--已经焕发新的生机。",
     [("punctuation", "——", "--"), ("punctuation", "——", "--"), ("substitution", "正在", "已经")]),
    ("问：怎么看？\n\n【雷正龙】目前，全国疫情总体平稳。", "问：怎么看？\n\n雷正龙：当前，全国疫情总体平稳。",
     [("substitution", "目前", "当前")]),
])
def test_a_mark_set_in_ascii_beside_an_edit_is_a_reading_of_its_own(
        a: str, b: str, readings: list[tuple[str, str, str]]) -> None:
    """An ellipsis, a dash or a label's colon set in other marks (... for ……, -- for ——,
    ： for 】) right beside a changed word is a change of marks of its own: the word's
    reading is the word alone, and starts where the word does."""
    result = compare_texts(a, b)
    found = [v for p in result.pairs for v in result.visible(p)]
    assert [(v.kind, v.a_text, v.b_text) for v in found] == readings
    for v in found:
        assert b.split("\n")[v.b.start_line - 1][v.b.start_column - 1] == v.b_text[0]


@pytest.mark.parametrize(("heading", "reading"), [
    ("# 长江经济带发展取得历史性成", ("deletion", "就", "")),
    ("# 长江经济带发展取得历史性成\n\n就业形势总体稳定。", ("deletion", "就", "")),
    ("# 江经济带发展取得历史性成就", ("deletion", "长", "")),
    ("# 长江经济带发展取得历史性成就果", ("insertion", "", "果")),
])
def test_a_heading_with_a_character_dropped_or_added_at_an_end_pairs(
        heading: str, reading: tuple[str, str, str]) -> None:
    """A headline that a copy prints with its first or last character dropped (or one
    added) is the same headline with a variant, not two headings each only in one copy."""
    body = "生态优先、绿色发展这一新思路，让沿江各地发展理念发生深刻变革。\n"
    whole = "# 长江经济带发展取得历史性成就"
    if "就业" in heading:  # (the next paragraph opens with the character: no column break)
        whole += "\n\n就业形势总体稳定。"
    result = compare_texts(f"{whole}\n\n{body}", f"{heading}\n\n{body}")
    assert not result.unpaired
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in result.visible(p)] \
        == [reading]


def test_a_figure_added_among_figures_set_apart_is_read_with_the_whole_number() -> None:
    """A copy spaces every figure apart (2 0 2 0 2) and adds one: the number is read whole,
    as 2022/20202 is where no spaces stand between the figures, from its first figure to
    its last (no space before or after it)."""
    a = "会议于2022年10月30日修订通过，现予公布。\n"
    b = "会议于 2 0 2 0 2 年 1 0 月 3 0 日修订通过，现予公布。\n"
    result = compare_texts(a, b)
    (v,) = [v for p in result.pairs for v in result.visible(p)]
    assert (v.kind, v.a_text, v.b_text) == ("substitution", "2022", "2 0 2 0 2")
    assert (v.b.start_column, v.b.end_column) == (5, 13)
    (plain,) = [v for p in compare_texts(a, a.replace("2022", "20202")).pairs for v in p.variants]
    assert (plain.kind, plain.a_text, plain.b_text) == ("substitution", "2022", "20202")


def test_a_heading_whose_last_character_a_column_break_sets_apart_is_read_whole() -> None:
    """A title a column break cuts before its last character (…质量安全 / 法, each line a
    heading of its own) is the whole title, not the title with 法 dropped."""
    a = "中华人民共和国农产品质量安全法\n\n第一条 为保障农产品质量安全，维护公众健康，制定本法。\n"
    b = ("中华人民共和国农产品质量安全\n\n法\n\n第一条 为保障农产品质量安全，\n"
         "维护公众健康，制定本法。\n")
    result = compare_texts(a, b)
    assert not [v for p in result.pairs for v in result.visible(p)]
    assert not result.unpaired


def test_a_section_heading_between_two_speakers_stays_a_heading_of_its_own() -> None:
    """A copy sets a section heading (## 热点问答) between the moderator's words and the
    next speaker's, which the other copy reads as one passage: the heading is only in
    that copy, not an addition inside the passage."""
    a = ("主持人：各位记者朋友，大家下午好！下面，请省应急管理厅副厅长陈建华介绍有关情况。\n\n"
         "省应急管理厅副厅长陈建华：截至今天中午12时，全省已转移危险区域群众28.6万人。\n\n"
         "浙江日报记者：这次台风有什么特点？\n\n周晓东：这次台风具有强度强、移速慢的特点。\n")
    b = a.replace("\n\n省应急", "\n\n## 热点问答\n\n省应急")
    result = compare_texts(a, b)
    assert not [v for p in result.pairs for v in result.visible(p)]
    assert [(d, u.kind, u.text) for d, u in result.unpaired] == [(1, "heading", "热点问答")]


def test_a_dateline_a_column_break_set_apart_from_its_reporters_is_the_same_furniture() -> None:
    """One copy sets the dateline and its reporters on one line; another, in a narrow
    column, sets a blank line between them: no unit is only in one copy. A dateline of
    another date stays apart."""
    story = "清晨六点，松阳县大东坝镇的茶园里还笼着一层薄雾，47岁的茶农叶国平已经打开手机，查看昨晚的订单。"
    one = f"本报杭州3月5日电（记者 陈晓燕 通讯员 刘志刚）{story}\n"
    column = (f"本报杭州 3 月 5 日电\n\n（记者 陈晓燕 通讯员 刘\n志刚）{story[:11]}\n"
              f"{story[11:24]}\n{story[24:37]}\n{story[37:]}\n")
    result = compare_texts(one, column)
    assert not result.unpaired and not result.has_differences
    other = compare_texts(one, column.replace("5 日", "6 日"))
    assert [u.text for _, u in other.unpaired] == [
        "本报杭州3月5日电（记者陈晓燕通讯员刘志刚）", "本报杭州3月6日电", "（记者陈晓燕通讯员刘志刚）"]


def test_a_date_in_figures_and_in_words_pairs_as_one_numeral() -> None:
    """A notice signed 2024年3月15日 in one copy and 二〇二四年三月十五日 in another: the two
    date lines stand in one place and are one numeral reading; so are two one-sentence
    copies that differ only in the date's numerals."""
    body = ("各设区市人民政府，省直有关单位：\n\n现将《生活垃圾分类工作方案》印发给你们，"
            "请结合实际认真贯彻落实。\n\n省人民政府办公厅\n\n{date}\n")
    result = compare_texts(body.format(date="2024年3月15日"), body.format(date="二〇二四年三月十五日"))
    assert not result.unpaired
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants] == [
        ("numeral", "2024年3月15", "二〇二四年三月十五")]
    one = compare_texts("本通知自2024年3月15日起施行。\n", "本通知自二〇二四年三月十五日起施行。\n")
    assert [v.kind for p in one.pairs for v in p.variants] == ["numeral"] and not one.unpaired


def test_two_sentences_whose_words_hold_ten_or_a_thousand_are_no_numbers_written_twice() -> None:
    """Two sentences in one place whose words hold 十, 百 or 千 (千方百计 / 十分重视) are no
    one sentence with its numbers written two ways: one omitted, the other added."""
    text = ("国务院新闻办公室18日举行新闻发布会，介绍前三季度经济运行情况。{}李明华表示，前三季度"
            "农业生产保持稳中向好态势，秋粮面积稳中有增。\n")
    result = compare_texts(text.format("我们要千方百计保障百姓生活。"),
                           text.format("全社会十分重视千家万户安危。"))
    assert [v.kind for p in result.pairs for v in p.variants] == ["omission", "addition"]


def test_a_host_s_line_naming_the_outlet_is_no_piece_of_the_question() -> None:
    """One copy labels a turn 美联社记者： / 李强：, the other prints the host's line
    (主持人：请美联社记者提问。) and labels the turn 问： / 答：. The host's line is only
    in that copy; the labels are read one for the other, not a label dropped and another
    added, and no reading runs from the host's line into the question."""
    a = ("美联社记者：外国企业对中国的营商环境有一些担忧。您想对外国投资者说什么？\n\n"
         "李强：中国开放的大门只会越开越大。我们将全面落实外资企业国民待遇，打造一流营商环境。\n")
    b = ("主持人：请美联社记者提问。\n\n问：外国企业对中国的营商环境有一些担忧。您想对外国投资者说什么？\n\n"
         "答：中国开放的大门只会越开越大。我们将全面落实外资企业国民待遇，打造一流营商环境。\n")
    result = compare_texts(a, b)
    assert [(v.kind, v.a_text, v.b_text) for p in result.pairs for v in p.variants] == [
        ("substitution", "美联社记者", "问"), ("substitution", "李强", "答")]
    assert [u.text for _, u in result.unpaired] == ["主持人：请美联社记者提问。"]


def test_a_host_s_line_one_copy_runs_on_into_an_answer_is_a_piece_of_it() -> None:
    """One copy sets the host's line (主持人：请美联社记者提问。) as a paragraph of its own,
    the other runs it on at the end of the answer before it: one passage set two ways, a
    paragraph break and no text only in one copy."""
    a = ("路透社记者：中方如何看待当前的中美经贸关系？\n\n王毅：中美经贸关系的本质是互利共赢。"
         "我们愿同美方相向而行，妥善处理分歧。\n\n主持人：请美联社记者提问。\n\n"
         "美联社记者：外国企业在华投资是否会继续减少？\n\n王毅：中国的大门只会越开越大。\n")
    b = a.replace("分歧。\n\n主持人", "分歧。主持人")
    result = compare_texts(a, b)
    assert not result.unpaired and not result.has_differences


def test_an_article_or_item_numbered_anew_is_a_reading_apart_from_the_rewording_after_it() -> None:
    """A new edition renumbers its articles and items and rewords them: the number is one
    reading and each change of wording another, not one stretch from the number on; a
    list of articles cited, each renumbered, is a reading an article; digits in another
    order are another number, not words that changed places."""
    a = ("第七条（四）区人大及其常委会作出的决议、决定；\n\n"
         "违反本法第四十六条、第四十七条、第四十八条规定的，依法处理。\n")
    b = ("第八条（五）区人民代表大会及其常务委员会作出的决议、决定；\n\n"
         "违反本法第五十六条、第五十七条、第六十四条规定的，依法处理。\n")
    assert readings(compare_texts(a, b)) == [
        ("substitution", "第七条", "第八条"), ("substitution", "（四）", "（五）"),
        ("substitution", "人大", "人民代表大会"), ("substitution", "常委会", "常务委员会"),
        ("substitution", "第四十六条", "第五十六条"), ("substitution", "第四十七条", "第五十七条"),
        ("substitution", "第四十八条", "第六十四条")]


def test_an_article_renumbered_that_gains_words_after_its_number_keeps_its_own_reading() -> None:
    """An edition renumbers an article and adds or rewords the words right after its
    number: the number is a reading of its own, the words after it another (they were
    one reading from the number on); a list of cited articles that grew around the old
    number stays one reading."""
    assert readings(compare_texts("第二十五条审计机关应当依法公告审计结果。\n",
                                  "第十九条市、区审计机关应当依法公告审计结果。\n")) == [
        ("substitution", "第二十五条", "第十九条"), ("insertion", "", "市、区")]
    assert readings(compare_texts("第八条本市应当加强种子管理，保障用种安全。\n",
                                  "第十二条市农业农村部门应当加强种子管理，保障用种安全。\n")) == [
        ("substitution", "第八条", "第十二条"), ("substitution", "本市", "市农业农村部门")]
    assert readings(compare_texts("违反本条例第二十二条规定的，依法处理。\n",
                                  "违反本条例第二十一条、第二十二条和第二十五条规定的，依法处理。\n")) == [
        ("substitution", "第二十二条", "第二十一条、第二十二条和第二十五条")]


@pytest.mark.parametrize(("a", "b"), [
    ("县级以上人民政府城市供水主\n管部门负责本行政区域内的城\n\n市供水管理工作。发展改革、\n"
     "财政、生态环境等部门按照各\n自职责，做好相关工作。\n",
     "县级以上人民政府城市供水主管\n部门负责本行政区域内的城市供\n\n水管理工作。发展改革、财政、\n"
     "生态环境等部门按照各自职责，\n做好相关工作。\n"),
    ("（一）放宽市场准入。全面落实\n\n市场准入负面清单制度，清单之\n外的行业、领域、业务等，各类\n"
     "经营主体皆可依法平等进入。\n",
     "（一）放宽市场准入。全面落\n\n实市场准入负面清单制度，清\n单之外的行业、领域、业务等，\n"
     "各类经营主体皆可依法平等进\n入。\n"),
])
def test_a_column_break_in_the_first_paragraph_of_an_excerpt_is_no_title(a: str, b: str) -> None:
    """An excerpt opens mid-text and a column break cuts its first paragraph, in each copy
    in its own place: lines of no clause mark that fill the column and stop inside a
    word (城 / 市), or a line that ends a sentence and goes on (…准入。全面落实), are no
    title. The two copies are the same text."""
    result = compare_texts(a, b)
    assert len(result.pairs) == 1 and not result.unpaired
    assert readings(result) == []


@pytest.mark.parametrize("mark", ["（完）", "（本报记者 王磊）", "（本报记者王磊）", "（据新华社电）",
                                  "（来源：人民日报）"])
def test_an_end_mark_or_byline_run_on_after_the_last_sentence_is_furniture(mark: str) -> None:
    """A wire story runs its end mark or a byline on after its last sentence, a reprint
    sets it on a line of its own or leaves it out: it is page furniture either way, never
    words of the paragraph read as omitted."""
    text = "农业农村部有关负责人表示，下一步将持续加大执法监管力度，确保长江禁渔取得更大成效。"
    for other in (f"{text}\n{mark}\n", f"{text}\n"):
        result = compare_texts(f"{text}{mark}\n", other)
        assert readings(result) == []
        assert [u.kind for _, u in result.unpaired] == (["furniture"] if mark not in other
                                                        else [])
    # (a photo caption set across a column, ending in its credit, is furniture whole)
    caption = "为期三天的第十四届夏季达沃斯论坛今天（6月27日）在天津举行。（新华社发）"
    column = "\n".join(text[k:k + 14] for k in range(0, len(text), 14))
    units = document_from_text(f"{column}\n\n{caption}\n\n{column}\n").units
    assert [u.kind for u in units] == ["text", "furniture", "text"]


def test_a_line_half_a_character_short_of_the_narrowest_fills_the_column() -> None:
    """A column of 13 characters counted with its figures as characters: a line of figures
    set with spaces (…突破 5000) is short of the others in cells by just the half a
    character the rule allows, and the blank line after it, mid-sentence, is a column
    break however the shares round."""
    a = ("第一，要强化企业创新主体地\n位。支持龙头企业牵头组建创\n新联合体，承担重大科技项目\n"
         "。完善科技型中小企业梯次培\n育体系，力争到 2025 年高\n新技术企业数量突破 5000\n\n家。\n\n"
         "第三，要着力集聚创新人才。\n深入实施人才强市战略，大力\n引进培育战略科学家和领军人\n才。\n")
    b = ("第一，要强化企业创新主体地位。支持龙头企业牵头组建创新联合体，承担重大科技项目。完善科技型"
         "中小企业梯次培育体系，力争到2025年高新技术企业数量突破5000家。\n\n"
         "第三，要着力集聚创新人才。深入实施人才强市战略，大力引进培育战略科学家和领军人才。\n")
    result = compare_texts(a, b)
    assert len(result.pairs) == 2 and not result.unpaired and readings(result) == []


@pytest.mark.parametrize("line", ["（新华社发）", "新华社发", "本版编辑 王芳 美编 李强"])
def test_an_agency_credit_or_a_spaced_desk_note_on_a_line_inside_a_paragraph_is_furniture(
        line: str) -> None:
    """A photo's agency credit, or a desk note set with spaces, on a line of its own where
    a sentence of the paragraph breaks off, is page furniture of its own, not words of
    the sentence read as omitted by a copy without it."""
    a = ("监测显示，长江干流及主要支流的\n鱼类物种数由禁渔前的308种增加\n" + line
         + "\n到344种，刀鲚、鳜鱼等经济鱼类\n资源明显恢复。\n")
    b = ("监测显示，长江干流及主要支流的鱼类物种数由禁渔前的308种增加到344种，"
         "刀鲚、鳜鱼等经济鱼类资源明显恢复。\n")
    result = compare_texts(a, b)
    assert readings(result) == []
    assert [u.kind for _, u in result.unpaired] == ["furniture"]


@pytest.mark.parametrize("opening", ["本报北京3月21日电　记者王磊报道：", "本报讯 记者王磊报道：",
                                     "本报记者 王磊 李娜 报道：", "本报北京3月21日电（记者王磊）",
                                     "本报讯：", "本报讯（记者王磊）：", "本报北京3月21日电："])
def test_reporters_as_they_report_it_after_a_dateline_are_furniture(opening: str) -> None:
    """A paper's byline without brackets, 记者王磊报道：, after its dateline or on its own,
    is page furniture as （记者王磊） is, and so is the colon a dateline may end with
    (本报讯：): a copy without it differs in no word."""
    text = "国家发展改革委21日召开新闻发布会，介绍促进民间投资的政策措施。\n"
    result = compare_texts(opening + text, text)
    assert readings(result) == [] and [u.kind for _, u in result.unpaired] == ["furniture"]


@pytest.mark.parametrize("opening", [
    "新京报讯（记者王磊）", "北京青年报讯 ", "中国青年网讯：", "本报综合报道 ", "【环球时报综合报道】",
    "【环球网报道 记者 王磊】", "[新京报讯]", "南方日报讯 记者/王磊 通讯员/李娜 ", "本报讯 记者 王磊 李娜 ",
    "本报讯 记者 欧阳明月 ", "文/王磊\n\n", "◎记者/王磊 通讯员/李娜\n\n", "文｜王磊 图｜李娜\n\n",
    "文/本刊记者 王磊\n\n", "文/本报记者 王磊 李娜\n\n", "文/人民日报记者 王磊\n\n"])
def test_a_papers_own_credit_and_reporters_set_apart_are_furniture(opening: str) -> None:
    """A paper's or a site's own dateline (新京报讯, 本报综合报道), an outlet's credit in
    brackets (【环球时报综合报道】), reporters set apart by spaces or a slash after a
    dateline (记者 王磊 近日…), and a writer's byline with a slash on a line of its own
    (文/王磊, 文/本刊记者 王磊) are page furniture: a copy without them differs in no word."""
    text = "国家发展改革委21日召开新闻发布会，介绍促进民间投资的政策措施。\n"
    result = compare_texts(opening + text, text)
    assert readings(result) == []
    assert {u.kind for _, u in result.unpaired} == {"furniture"}


@pytest.mark.parametrize(("opening", "words"), [
    ("【现场报道】", "【现场报道】"), ("本报讯 记者采访了", "记者采访了"), ("本报讯 记者近日 ", "记者近日")])
def test_words_after_a_dateline_that_name_no_reporter_are_the_storys(opening: str,
                                                                     words: str) -> None:
    """A rubric in brackets that names no outlet (【现场报道】), and words after a dateline
    that no space sets apart as a reporter's name, are the story's own words."""
    text = "国家发展改革委21日召开新闻发布会，介绍促进民间投资的政策措施。\n"
    result = compare_texts(opening + text, text)
    assert [(v.kind, v.a_text) for v in result.pairs[0].variants] == [("deletion", words)]


def test_furniture_both_copies_set_differently_is_a_pair_with_its_readings() -> None:
    """A dateline whose date a copy reads otherwise (15/16), a site's credit with its
    brackets in the other width or a semicolon a transcription read for its colon: the
    furniture pairs, and the difference is a reading at its place, not two lines each
    "only in one document" (nor nothing at all)."""
    body = "天舟货运飞船15日在文昌航天发射场发射成功，顺利进入预定轨道。\n"
    result = compare_texts("新华社文昌7月15日电（记者 王磊）\n" + body,
                           "新华社文昌7月16日电（记者王磊）\n" + body)
    assert readings(result) == [("substitution", "15", "16")] and not result.unpaired
    assert result.pairs[0].a.kind == "furniture"
    where = result.pairs[0].variants[0]
    assert (where.a.start_line, where.a.start_column, where.b.start_column) == (1, 8, 8)
    result = compare_texts("央视网消息（新闻联播）：" + body, "央视网消息(新闻联播)：" + body)
    assert readings(result) == [("width", "（新闻联播）", "(新闻联播)")] and not result.unpaired
    result = compare_texts("央视网消息（新闻联播）：" + body, "央视网消息（新闻联播）;" + body)
    assert readings(result) == [("punctuation", "：", ";")] and not result.unpaired


@pytest.mark.parametrize(("a", "b"), [("(据新华社北京5月24日电)", "新华社北京5月24日电"),
                                      ("据新华社北京5月24日电", "（新华社北京5月24日电）")])
def test_a_dateline_credited_with_or_without_its_brackets_is_the_same(a: str, b: str) -> None:
    """A reprint's dateline in brackets, or credited with 据, is the agency's dateline set
    another way: no reading, and neither is left "only in one document"."""
    body = "王毅：中美关系正面临新的挑战，我们要坚持对话合作，管控分歧。\n"
    result = compare_texts(body + a + "\n", body + b + "\n")
    assert readings(result) == [] and not result.unpaired


def test_page_jumps_each_copy_sets_its_own_way_do_not_pair() -> None:
    """Each copy has its own pages: （下转A03版） and （下转A04版） are no readings of one
    another; both stay furniture of their own copy."""
    a = ("国家发展改革委21日召开新闻发布会，介绍促进民间投资的政\n（下转A03版）\n\n"
         "策措施。前两个月民间投资同比增长2.8%。\n")
    b = ("国家发展改革委21日召开新闻发布会，介绍促进民间投资的政\n（下转A04版）\n\n"
         "策措施。前两个月民间投资同比增长2.8%。\n")
    result = compare_texts(a, b)
    assert readings(result) == []
    assert sorted(u.text for _, u in result.unpaired) == ["（下转A03版）", "（下转A04版）"]
    # (so are running heads that name their page, and page numbers)
    story = "{}\n\n国家发展改革委21日召开新闻发布会，介绍促进民间投资的政策措施。\n\n{}\n"
    result = compare_texts(story.format("人民日报 2024年3月29日 星期五 第4版", "2"),
                           story.format("人民日报 2024年3月29日 星期五 第6版", "3"))
    assert readings(result) == []
    assert sorted(u.text for _, u in result.unpaired) == [
        "2", "3", "人民日报2024年3月29日星期五第4版", "人民日报2024年3月29日星期五第6版"]


@pytest.mark.parametrize(("a", "b"), [
    ("忽有探马报讯：“敌军已到城下。”众人大惊，连忙上城察看。",
     "忽有探马报讯，“敌军已到城下。”众人大惊，连忙上城察看。"),
    ("【新闻报道】国家发展改革委21日召开新闻发布会，介绍政策措施。",
     "【新闻报导】国家发展改革委21日召开新闻发布会，介绍政策措施。"),
    ("图｜春天来了\n\n国家发展改革委21日召开新闻发布会，介绍政策措施。",
     "图｜春天来啦\n\n国家发展改革委21日召开新闻发布会，介绍政策措施。")])
def test_words_that_look_like_a_credit_but_name_no_outlet_are_read(a: str, b: str) -> None:
    """A story's own 报讯 (忽有探马报讯：), a rubric in brackets (【新闻报道】) and a line
    after a slash that is no name (图｜春天来了) are text: their differences are readings."""
    result = compare_texts(a + "\n", b + "\n")
    assert readings(result) and not [u for _, u in result.unpaired if u.kind == "furniture"]


def test_a_bullet_before_a_byline_is_no_reading() -> None:
    """□ before a byline (□ 本报记者 王磊) is a bullet: a copy without it differs in no word."""
    body = "国家发展改革委21日召开新闻发布会，介绍促进民间投资的政策措施。\n"
    result = compare_texts("□ 本报记者 王磊\n\n" + body, "本报记者 王磊\n\n" + body)
    assert readings(result) == [] and not result.unpaired


def test_the_mark_a_caption_opens_with_is_no_reading() -> None:
    """▲ before a photo's caption marks it as one, as a bullet marks a byline: a copy that
    sets the same caption without it differs in no word."""
    body = "早春的清晨，李庄村的大棚里暖意融融。\n\n{}\n\n如今，李庄村的草莓大棚已经发展到620个。\n"
    caption = "3月2日，李庄村村民在大棚里采摘草莓。新华社记者 王晔 摄"
    result = compare_texts(body.format("▲ " + caption), body.format(caption))
    assert readings(result) == [] and not result.unpaired


def test_a_story_set_between_a_jump_and_the_jump_back_is_no_part_of_the_run_of_a_copy() -> None:
    """A front page sends a story on (（下转第二版）), sets another story with its headline
    and dateline, and brings the first back (（上接第一版）); a web copy runs the first
    story as one paragraph: it pairs with the first story's two parts, and the other
    story stays a stretch of its own, not an omission from the first."""
    a = ("国家发展改革委 21 日召开新闻发\n布会，介绍促进民间投资的政策措\n施。前两个月民间投资同比增长\n"
         "2.8%。\n（下转第二版）\n\n春耕备耕有序推进\n\n本报北京 3 月 21 日电（记者李娜）\n"
         "农业农村部 21 日发布消息，全国春\n播粮食面积稳中有增，化肥、种子\n"
         "等农资供应充足，价格总体平稳。\n\n（上接第一版）\n该负责人表示，下一步将在交通、\n水利、清洁能源等领域推出一批项\n目，吸引民间资本参与。\n")
    b = ("国家发展改革委21日召开新闻发布会，介绍促进民间投资的政策措施。前两个月民间投资同比增长2.8%。"
         "该负责人表示，下一步将在交通、水利、清洁能源等领域推出一批项目，吸引民间资本参与。\n")
    result = compare_texts(a, b)
    assert readings(result) == [] and len(result.pairs) == 1
    assert [u.kind for _, u in result.unpaired] == [
        "furniture", "heading", "furniture", "text", "furniture"]


def test_a_law_set_in_a_column_without_blank_lines_opens_a_paragraph_at_each_article() -> None:
    """A law wrapped in a column with no blank lines: an article whose last line fills
    the column and ends its sentence is followed by the next article's paragraph, not
    run into it; against the next edition (an article inserted, the rest renumbered, one
    word changed) every change is read."""
    a = ("第一条\u3000为了促进城市绿化事业的发展，改善生\n态环境，美化生活环境，制定本条例。\n"
         "第二条\u3000本条例适用于在城市规划区内种植和养\n护树木花草等城市绿化的规划、建设和管理。\n"
         "第三条\u3000城市人民政府应当把城市绿化建设纳入\n国民经济和社会发展计划。\n")
    b = ("第一条\u3000为了促进城市绿化事业的发展，改善生态环境，美化生活环境，制定本条例。\n\n"
         "第二条\u3000国务院设立全国绿化委员会，统一组织领导全国城乡绿化工作。\n\n"
         "第三条\u3000本条例适用于在城市规划区内种植和养护树木花草等城市绿化的规划、建设和管理。\n\n"
         "第四条\u3000城市人民政府应当把城市绿化建设纳入国民经济和社会发展规划。\n")
    assert [(u.start_line, u.end_line) for u in document_from_text(a).units] == [
        (1, 2), (3, 4), (5, 6)]
    result = compare_texts(a, b)
    assert readings(result) == [("substitution", "第二条", "第三条"),
                                ("substitution", "第三条", "第四条"),
                                ("substitution", "计划", "规划")]
    assert [u.start_line for _, u in result.unpaired] == [3]


@pytest.mark.parametrize(("a", "b", "reading"), [
    ("本办法自2024年3月15日起施行。", "本办法自二○二四年三月十五日起施行。",
     ("numeral", "2024年3月15", "二○二四年三月十五")),
    ("本办法自二○二四年三月十五日起施行。", "本办法自二〇二四年三月十五日起施行。", ("numeral", "○", "〇")),
    ("全年接待游客3.5亿人次。", "全年接待游客三亿五千万人次。", ("numeral", "3.5亿", "三亿五千万")),
    ("全年接待游客3.5亿人次。", "全年接待游客350000000人次。", ("numeral", "3.5亿", "350000000")),
    ("同比增长8.0%，好于预期。", "同比增长百分之八，好于预期。", ("numeral", "8.0%", "百分之八")),
    ("同比增长8.0%，好于预期。", "同比增长8.5%，好于预期。", ("substitution", "8.0", "8.5")),
    ("占据了全球约三分之一的市场。", "占据了全球约1/3的市场。", ("numeral", "三分之一", "1/3")),
])
def test_a_number_in_hundred_millions_or_with_a_ring_for_its_zero_is_a_numeral(
        a: str, b: str, reading: tuple[str, str, str]) -> None:
    """A year set with the ring print and OCR use for a zero (二○二四), an amount in
    hundred millions (3.5亿 / 三亿五千万 / 350000000), a share with decimals of zeros
    (8.0% / 百分之八) and a fraction (三分之一 / 1/3) are one number written two ways."""
    assert readings(compare_texts(a, b)) == [reading]


def test_an_outlets_name_a_column_break_cuts_before_its_reporter_is_the_questions_label() -> None:
    """中央广播电视总台中国国际电视台 fills a line of its own and a column break comes
    before 记者：: the two are one label, and a copy that sets it in brackets differs in
    the label's marks alone (hidden with the spacing)."""
    a = ("【中央广播电视总台中国国际电视台\n记者】长江大保护已经推进多年。目\n前长江的生态环境状况如何？\n\n"
         "【黄润秋】经过多年努力，长江干流\n水质已经连续四年保持二类。\n")
    b = ("中央广播电视总台中国国际电视台\n\n记者：长江大保护已经推进多年。目\n前长江的生态环境状况如何？\n\n"
         "黄润秋：经过多年努力，长江干流\n水质已经连续四年保持二类。\n")
    # (and so when the break comes one character earlier: …国际电视 / 台记者：)
    b2 = b.replace("电视台\n\n记者", "电视\n\n台记者")
    for copy in (b, b2):
        (unit,) = document_from_text(copy).units
        assert (unit.kind, unit.label, unit.speaker) == ("qa", "中央广播电视总台中国国际电视台记者", "黄润秋")
        result = compare_texts(a, copy)
        assert readings(result) == [] and not result.unpaired


@pytest.mark.parametrize(("a", "b"), [("十万亿元", "10万元"), ("三五万人", "五万人"), ("千千万万", "两千万")])
def test_numbers_in_words_no_number_reads_as_are_no_numerals(a: str, b: str) -> None:
    """A run of numerals that reads as no one number (十万亿 beside 10万, 三五万 for thirty
    to fifty thousand, 千千万万) is no numeral reading of another number."""
    kinds = [kind for kind, _, _ in readings(compare_texts(f"共计{a}。", f"共计{b}。"))]
    assert kinds and "numeral" not in kinds


def test_a_briefing_a_copy_runs_together_on_one_line_is_one_pair_with_its_opening() -> None:
    """A copy that runs a whole briefing on one line (its opening statement and every
    turn after it) against one that sets each paragraph apart: one pair of the whole, no
    variant, nothing only in one document. The turns pair first and take what follows
    them; the opening statement before them is theirs too (it was left alone, the pair
    reading it as added)."""
    paragraphs = [
        "张晓刚：各位记者朋友，大家下午好。首先，我发布一条消息。应埃及武装部队邀请，中埃两军将于10月中旬在"
        "埃及举行“文明守护-2024”联合训练。此次联训旨在深化两军务实合作，提升联合行动能力。",
        "记者：据报道，某国防部近日宣布新一轮对外军售计划，总额达数十亿美元。请问对此有何评论？",
        "张晓刚：我们注意到有关报道。有关军售严重损害地区和平稳定，也损害有关国家之间的互信。我们坚决反对，"
        "已提出严正交涉。",
        "我们敦促有关方面恪守承诺，停止一切损害地区和平稳定的行为，以实际行动维护地区安全。",
        "记者：有报道称，某国计划在周边岛屿部署远程导弹。请问对此有何评论？",
        "张晓刚：我们已多次就此表明立场。有关国家近年来大幅调整安全政策，引起地区国家高度警惕。我们敦促其在"
        "军事安全领域谨言慎行。",
        "记者：今年是海军成立七十五周年。请介绍一下有关纪念活动的情况。",
        "张晓刚：我们将通过多种形式开展纪念活动，组织官兵参观纪念场馆，开展主题教育活动。",
        "人民海军的光荣传统跨越时空、历久弥新，必须永续传承、世代发扬。",
        "记者：请问中俄两军今年还有哪些合作安排？",
        "张晓刚：今年以来，两军在各领域的合作稳步推进。双方举行了海上联合巡航和空中联合战略巡航。",
        "中方愿同俄方一道，落实好两国元首达成的重要共识，推动两军关系不断迈上新台阶。"]
    result = compare_texts("\n\n".join(paragraphs) + "\n", "".join(paragraphs) + "\n")
    assert len(result.pairs) == 1 and not result.unpaired
    assert not [v for v in result.pairs[0].variants if v.kind not in result.hidden]


def test_a_copy_that_runs_a_poem_on_and_drops_half_a_verse_pairs_it_whole() -> None:
    """One copy sets a poem a verse to a line; another runs it on in one paragraph,
    drops the second half of the second verse and goes on with another poem. The verse
    it keeps half of would gain too little joined alone, but it and the verses after it,
    held whole, are pieces of the pair: the half verse dropped is a deletion and the
    second poem an addition, no verse is left unpaired."""
    a = "春山寂寂鸟声稀，溪水潺潺绕石矶。\n野径花自落，闲云月同归。\n松风琴初歇，竹影客未眠。\n" \
        "清钟催晓色，疏雨过前川。\n"
    added = "江南三月柳如烟，细雨微风二月天。小桥流水人家远，一路春光到客船。"
    b = "春山寂寂鸟声稀，溪水潺潺绕石矶。野径花自落，松风琴初歇，竹影客未眠。清钟催晓色，" \
        "疏雨过前川。" + added + "\n"
    result = compare_texts(a, b)
    assert result.unpaired == () and len(result.pairs) == 1
    assert [(v.kind, v.a_text.strip(), v.b_text) for v in result.pairs[0].variants
            if v.kind != "whitespace"] == [
        ("deletion", "闲云月同归。", ""), ("addition", "", added)]


@pytest.mark.parametrize("dateline", ["(据新华社北京6月15日电)", " 据新华社北京 6 月 15 日电",
                                      "【新华社北京6月15日电】"])
def test_a_dateline_set_in_brackets_or_after_a_credit_against_one_with_reporters(
        dateline: str) -> None:
    """One copy credits the dateline with 据 or sets it in brackets, the other names the
    reporters after it: the reporters are the one reading (whole, brackets and all), no
    bracket nor 据 is."""
    text = "记者：商务部近期出台了一系列促进汽车消费的政策，请问效果如何？\n"
    result = compare_texts(f"{dateline}\n\n{text}", f"新华社北京6月15日电（记者王磊、李娜）\n\n{text}")
    assert readings(result) == [("insertion", "", "（记者王磊、李娜）")]


def test_a_subheading_that_quotes_a_word_the_copy_changed_is_no_passage_moved() -> None:
    """A copy sets a subheading that quotes the answer under it (### 外贸结构持续优化) and
    drops a word of the answer inside the quoted words (外贸结构优化): the subheading is a
    heading only in that copy, not an addition inside the turn (the other copy holds its
    words, but where they are the answer's own)."""
    turn = ("记者：上半年外贸进出口有何特点？\n\n"
            "发言人：上半年，货物进出口总额同比增长百分之二点一。其中，出口增长百分之三点七，"
            "外贸结构{}优化。\n")
    result = compare_texts(turn.format("持续"), "### 外贸结构持续优化\n\n" + turn.format(""))
    assert readings(result) == [("deletion", "持续", "")]
    assert [(u.kind, u.text) for _, u in result.unpaired] == [("heading", "外贸结构持续优化")]


def test_two_bracketed_stretches_of_a_dateline_are_no_frame() -> None:
    """（新华社北京6月15日电）（记者王磊） against （新华社北京6月15日电）: the brackets that open
    and close the first are two stretches', not a frame around it; the reporters are the
    one reading."""
    text = "记者：商务部近期出台了一系列促进汽车消费的政策，请问效果如何？\n"
    result = compare_texts(f"（新华社北京6月15日电）（记者王磊）\n\n{text}",
                           f"（新华社北京6月15日电）\n\n{text}")
    assert readings(result) == [("deletion", "（记者王磊）", "")]
