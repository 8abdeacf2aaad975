"""Boilerplate: repeats inside a document (exact, near, glued) and across documents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from variantdiff import compare, compare_texts, document_from_text, read_document
from variantdiff.align import _near_pairs_by_blocks, near_pairs, sentences
from variantdiff.boilerplate import find_boilerplate, segments_and_keys, segments_of
from variantdiff.chars import match_key
from variantdiff.cluster import cluster_sources
from variantdiff.config import Config
from variantdiff.load import Source

from .gold import seed

PARTY = ("我们将一如既往坚持党对外交工作的领导，全面贯彻习近平外交思想，用党的光荣传统砥砺外交风骨，"
         "不断开创中国特色大国外交的新局面。")



def test_seed_004_six_occurrences_one_group() -> None:
    """Four standalone copies and two glued after another sentence: one group of six."""
    groups = find_boilerplate([read_document(seed("004"))])
    assert len(groups) == 1
    assert [o.start_line for o in groups[0].occurrences] == [71, 75, 99, 101, 103, 105]
    assert groups[0].text.startswith("我们将一如既往坚持党对外交工作的领导")


def test_shared_answers_of_the_seeds_are_not_boilerplate() -> None:
    """The same answer reprinted in 000–003 is a pair, not boilerplate."""
    docs = [read_document(seed(p)) for p in ("000", "001", "002", "003")]
    assert find_boilerplate(docs) == ()
    assert compare(seed("000"), seed("003")).boilerplate == () or all(
        "记者：" not in g.text for g in compare(seed("000"), seed("003")).boilerplate)


def test_near_duplicate_repeats_group_together() -> None:
    """A repeat with one character changed is the same boilerplate."""
    near = PARTY.replace("风骨", "风格")
    doc = document_from_text(f"新华社记者：问题？\n\n王毅：回答一。\n\n{PARTY}\n\n"
                             f"路透社记者：问题二？\n\n王毅：回答二。\n\n{near}")
    groups = find_boilerplate([doc])
    assert len(groups) == 1 and len(groups[0].occurrences) == 2


def test_parallel_clauses_of_one_paragraph_are_not_boilerplate() -> None:
    """Two sentences of one article nearly alike (the city's office and the districts'
    offices, each doing the same) are parallel clauses, not a passage said twice; the
    same sentence set twice in one paragraph is. In a set of copies, one that adds a
    sentence to such an article is grouped with the others and the sentence collated."""
    article = ("第五条 市卫生计生行政主管部门负责本市行政区域内院前医疗急救的监督管理工作。"
               "区、县（市）卫生计生行政主管部门负责本行政区域内院前医疗急救的监督管理工作。")
    first = "第四条 院前医疗急救工作应当遵循统一指挥、就近救治的原则，保障公民的生命安全。"
    doc = document_from_text(f"{first}\n\n{article}\n")
    assert find_boilerplate([doc]) == ()
    twice = article.split("。")[0] + "。"
    assert len(find_boilerplate([document_from_text(f"{first}\n\n{twice}{twice}\n")])) == 1
    # (the other clause set twice beside the first is said twice too)
    other = article.split("。")[1] + "。"
    assert len(find_boilerplate([document_from_text(f"{first}\n\n{twice}{other}{other}\n")
                                 ])) == 1
    added = article.replace("工作。区", "工作。有关部门表示，下一步还将出台更多配套措施。区")
    copies = [f"{first}\n\n{article}\n"] * 3 + [f"{first}\n\n{added}\n"]
    result = cluster_sources([Source(f"c{k}.txt", text, "utf-8")
                              for k, text in enumerate(copies)], Config())
    group = next(g for g in result.groups if any("有关部门表示" in r.text for p in g.places
                                                 for r in p.readings))
    assert len(group.docs) == 4


def test_glued_occurrence_is_found() -> None:
    """A repeat glued after other text in the same paragraph is an occurrence too."""
    doc = document_from_text(f"第一段讲的是别的事情。\n\n我们将携手前行。{PARTY}\n\n{PARTY}")
    groups = find_boilerplate([doc])
    assert len(groups) == 1
    assert [o.start_line for o in groups[0].occurrences] == [3, 5]


def test_same_answer_in_two_documents_is_not_boilerplate() -> None:
    """A paragraph two documents share only as the same answer is a pair."""
    text = f"新华社记者：问题？\n\n王毅：{PARTY}"
    docs = [document_from_text(text, "a.txt"), document_from_text(text, "b.txt")]
    assert find_boilerplate(docs) == ()


def test_cross_document_opening_line() -> None:
    """A fixed opening glued to different stories in three documents is boilerplate."""
    stories = ["长江是中华民族的母亲河，也是中华民族发展的重要支撑。",
               "连日来，全国各地丰收忙，到处洋溢着丰收的喜悦。",
               "今年以来，我国各地区持续出台稳外贸系列举措，推动外贸稳大盘。"]
    docs = [document_from_text(f"央视网消息（新闻联播）：{s}", f"{n}.txt")
            for n, s in enumerate(stories)]
    groups = find_boilerplate(docs)
    assert [g.text for g in groups] == ["央视网消息（新闻联播）："]
    assert len(groups[0].occurrences) == 3


def test_boilerplate_does_not_drive_pairing_or_variants() -> None:
    """Two answers sharing only pasted boilerplate are not a pair, and a pasted copy
    missing from one reprint is boilerplate, not an omission."""
    a = (f"新华社记者：谈谈经济？\n\n王毅：经济稳中向好，就业总体稳定。{PARTY}\n\n{PARTY}\n\n"
         f"路透社记者：谈谈疫苗？\n\n王毅：疫苗是公共产品，应当服务全世界。{PARTY}")
    b = ("新华社记者：谈谈经济？\n\n王毅：经济稳中向好，就业总体稳定。\n\n"
         "路透社记者：谈谈气候？\n\n王毅：气候变化是全人类的挑战。")
    result = compare_texts(a, b)
    assert [p.a.label for p in result.pairs] == ["新华社记者"]
    assert [v.kind for v in result.pairs[0].variants] == []
    assert len(result.boilerplate) == 1 and len(result.boilerplate[0].occurrences) == 3


def test_near_pairs_by_length_blocks_equal_all_against_all() -> None:
    """Long lists are compared by blocks of similar length; nothing is missed."""
    import random

    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    from variantdiff.align import near_pairs

    rng = random.Random(0)
    base = ["".join(rng.choice("我们将一如既往坚持中国发展合作的") for _ in range(rng.randrange(5, 80)))
            for _ in range(60)]
    for _ in range(40):
        texts = []
        for _ in range(rng.randrange(50, 200)):
            chars = list(rng.choice(base))
            for _ in range(rng.randrange(0, 4)):
                chars[rng.randrange(len(chars))] = rng.choice("甲乙丙")
            if rng.random() < 0.3:
                del chars[rng.randrange(len(chars))]
            texts.append("".join(chars))
        threshold = rng.choice([0.5, 0.85, 0.9, 1.0])
        scores = cdist(texts, texts, scorer=fuzz.ratio, dtype=None)
        expected = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))
                    if scores[i, j] >= threshold * 100]
        assert near_pairs(texts, threshold) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="我们将一如既往坚持继的是党对外交工作领导全面贯彻习近平思想用光荣传统砥砺风骨不断开创中国特色",
                        min_size=1, max_size=30), min_size=2, max_size=60),
       st.sampled_from([0.5, 0.75, 0.85, 0.9, 1.0]))
def test_near_pairs_drops_no_pair_that_is_alike(texts: list[str], threshold: float) -> None:
    """The near-duplicate search scores only the pairs whose lengths and characters let
    them be alike: it finds exactly the pairs that scoring every pair finds."""
    assert near_pairs(texts, threshold) == _near_pairs_by_blocks(texts, threshold)


@pytest.mark.parametrize("a_has_it", [True, False])
def test_a_repeated_sentence_an_edition_adds_to_an_article_is_an_addition(a_has_it: bool) -> None:
    """B adds to an article a sentence it also sets elsewhere (which A holds there too,
    or not at all): the pair reads the addition, though the sentence is repeated."""
    sentence = "经理对董事会负责，根据公司章程的规定或者董事会的授权行使职权。"
    a = ("第一条 公司应当建立健全内部管理制度。\n经理列席董事会会议。\n第二条 公司应当依法纳税，接受监督。\n"
         f"第三条 股份有限公司设经理，由董事会决定聘任或者解聘。\n{sentence if a_has_it else ''}\n")
    b = (f"第一条 公司应当建立健全内部管理制度。\n{sentence}经理列席董事会会议。\n"
         "第二条 公司应当依法纳税，接受监督。\n"
         f"第三条 股份有限公司设经理，由董事会决定聘任或者解聘。\n{sentence}\n")
    result = compare_texts(a, b)
    added = [v for p in result.pairs for v in p.variants if v.kind == "addition"]
    assert [v.b_text for v in added] == [sentence]


def test_a_repeated_sentence_moved_to_another_article_is_an_omission_and_an_addition() -> None:
    """A closing sentence that A sets in articles 1 and 2 and B in articles 1 and 3: each
    copy holds it twice, yet article 2 lost it and article 3 gained it."""
    s = "法律、行政法规另有规定的，依照其规定。"
    t = ["公司可以向其他企业投资，但是，除法律另有规定外，不得成为对所投资企业的债务承担连带责任。",
         "公司向其他企业投资或者为他人提供担保，依照公司章程的规定，由董事会或者股东会决议。",
         "公司为公司股东或者实际控制人提供担保的，必须经股东会决议，前款规定的股东不得参加表决。",
         "公司应当依照法律、行政法规和国务院财政部门的规定建立本公司的财务、会计制度。"]
    result = compare_texts("\n\n".join([t[0] + s, t[1] + s, t[2], t[3]]) + "\n",
                           "\n\n".join([t[0] + s, t[1], t[2] + s, t[3]]) + "\n")
    assert [(v.kind, v.a_text or v.b_text) for p in result.pairs for v in p.variants] == [
        ("omission", s), ("addition", s)]


@given(st.lists(st.text(st.sampled_from([*"王毅记者问这是一句话：，。！？“”  \u3000１２ab\n"]),
                        max_size=40), min_size=1, max_size=6))
@settings(max_examples=60, deadline=None)
def test_unit_keys_from_sentence_keys_are_the_keys_of_the_texts(paragraphs: list[str]) -> None:
    """The key of a unit worked out from its sentences' keys (labels, white space and
    paragraph breaks included) is the key of its whole text; the segments are the
    sentences of the units, labels of turns left out, whose keys are long enough."""
    config = Config()
    doc = document_from_text("\n\n".join(["中央广播电视总台央视记者：问题？", *paragraphs,
                                            "外交部发言人王毅：好。"]))
    segments, keys = segments_and_keys(doc, config)
    for unit, key in zip(doc.units, keys, strict=True):
        assert key == (match_key(unit.text) if unit.kind != "heading" else "")
    shortest = min(config.boilerplate_min_chars, config.boilerplate_cross_min_chars)
    expected = []
    for u, unit in enumerate(doc.units):
        for start, end in sentences(unit.text) if unit.kind != "heading" else ():
            label = unit.kind in ("qa", "speech") and (start == 0 or unit.text[start - 1] == "\n") \
                and unit.text[start:end].rstrip()[-1:] in "：:"
            key = match_key(unit.text[start:end])
            if not label and len(key) >= shortest:
                expected.append((0, u, start, end, key))
    assert [tuple(segment) for segment in segments] == expected
    assert segments == segments_of([doc], config)


def test_provisions_alike_but_for_their_numbers_are_not_boilerplate() -> None:
    """Three articles of a law set the same clause with other numbers (三人 / 十人 /
    三十人): no repeated passage, and no boilerplate entry quoting one of them for all; a
    caption set again with its date before it is still one passage repeated."""
    law = "".join(f"第{n}条 有下列情形之一的，处{d}日以下拘留：\n"
                  f"（一）致使{k}人以上轻伤、轻度残疾或者器官组织损伤导致一般功能障碍的；\n"
                  for n, d, k in (("一", "五", "三"), ("二", "十", "十"), ("三", "十五", "三十")))
    assert compare_texts(law, law).boilerplate == ()
    caption = "国务委员兼外交部长王毅就中国外交政策和对外关系回答中外记者提问。"
    story = (f"{caption}\n\n记者会在梅地亚中心举行，中外记者踊跃提问。\n\n"
             f"5月24日，{caption}这是记者在梅地亚中心多功能厅采访。\n")
    assert [len(b.occurrences) for b in compare_texts(story, story).boilerplate] == [4]


def test_a_sentence_repeated_in_a_document_and_held_by_others_is_listed_once() -> None:
    """A closing sentence one story prints twice and three others once each is one
    boilerplate passage across the documents, with all five places (not that and again
    the story's own repeat)."""
    from variantdiff.load import Source

    s = "我们将一如既往坚持改革开放，全面贯彻新发展理念，不断开创高质量发展的新局面。"
    texts = [f"第一篇报道\n\n今天上午，市政府召开常务会议，研究部署城市更新工作。{s}\n\n"
             f"会议强调，要坚持以人民为中心的发展思想，扎实推进老旧小区改造。{s}\n",
             f"第二篇报道\n\n昨天下午，省农业农村厅召开全省秋粮收购工作视频会议。{s}\n",
             f"第三篇报道\n\n近日，区教育局组织开展中小学教师培训活动，三百余名教师参加。{s}\n",
             f"第四篇报道\n\n本周，市卫生健康委员会发布了新版的健康生活指南，供市民参考。{s}\n"]
    result = cluster_sources([Source(f"d{k}.txt", t, "utf-8") for k, t in enumerate(texts)],
                             Config())
    (passage,) = result.boilerplate
    assert passage.text == s
    assert sorted((o.doc, o.start_line) for o in passage.occurrences) == [
        (0, 3), (0, 5), (1, 3), (2, 3), (3, 3)]
