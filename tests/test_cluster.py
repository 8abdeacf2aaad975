"""cluster: groups across many documents, collated readings, inputs, engines agree."""

from __future__ import annotations

import gc
import json
import os
import signal
from collections.abc import Callable, Sequence
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from variantdiff.cli import app
from variantdiff.cluster import (
    STAGES,
    Clustering,
    Prepared,
    _collector_paused,
    _in_processes,
    _mapped,
    _prepare_range,
    build_document,
    cluster_sources,
    prepare,
    prepare_many,
)
from variantdiff.config import Config
from variantdiff.errors import WorkerError
from variantdiff.inputs import sources_from_jsonl, sources_from_paths
from variantdiff.load import Source
from variantdiff.model import Location
from variantdiff.report_json import clustering_json, dumps

ROOT = Path(__file__).parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seeds() -> Clustering:
    sources, _ = sources_from_paths(SEEDS, None)
    return cluster_sources(sources)


def labels(result: Clustering) -> dict[str, tuple[int, ...]]:
    return {next(m.label or m.kind for m in g.members): g.docs for g in result.groups}


def test_every_shared_qa_is_grouped(seeds: Clustering) -> None:
    """Every Q&A in two or more seeds is one group (CGTN is in 000, 001 and 003)."""
    got = labels(seeds)
    assert got["中国国际电视台记者"] == (0, 1, 3)
    assert got["今日俄罗斯国际通讯社记者"] == (0, 1, 3)
    assert got["澎湃新闻记者"] == (0, 2, 3)
    assert got["新华社记者"] == (0, 1)
    assert sum(1 for g in seeds.groups if g.members[0].kind == "qa") == 16


def test_other_year_never_grouped(seeds: Clustering) -> None:
    """004 (2021) shares outlets with 2020 but no answer: it is in no group."""
    assert all(4 not in g.docs for g in seeds.groups)


def test_prepared_document_gives_its_units_as_segmented() -> None:
    """A prepared document gives each of its units and headings with the parts, joins,
    text and lines that segmenting gave them (the places of a group's variants are found
    in the file from these, the document normalised again but not segmented), a
    paragraph a column break cut included."""
    config = Config()
    sources, _ = sources_from_paths(SEEDS, None)
    joined = 0
    for whole in (False, True):
        for index, source in enumerate(sources):
            doc = build_document(source, config, whole)
            prepared = prepare(index, source, config, whole)
            numbers = [info.unit for info in (*prepared.units, *prepared.heading_units)]
            assert numbers
            for u in numbers:
                got, want = prepared.unit(u), doc.units[u]
                assert (got.parts, got.joined, got.text, got.kind, got.label, got.start_line,
                        got.end_line) == (want.parts, want.joined, want.text, want.kind,
                                          want.label, want.start_line, want.end_line)
                joined += any(got.joined)
    assert joined


def test_prepared_documents_come_back_whole_from_a_worker() -> None:
    """Documents prepared in a worker process arrive with every field as prepared here:
    a chunk of them (the seeds, a document of nothing but headings, one of white space)
    sent as a few large arrays comes back as the documents."""
    config = Config()
    sources, _ = sources_from_paths(SEEDS, None)
    sources = [*sources, Source("heads.txt", "# 标题\n\n## 小标题\n", "utf-8"),
               Source("blank.txt", " \n", "utf-8")]
    here = prepare_many(list(enumerate(sources)), config)
    there = next(_in_processes(_prepare_range, [range(len(sources))] * 2,
                               (sources, config, False), 2))
    assert type(there) is list and len(there) == len(here)
    assert not here[-1].units and here[-2].heading_units and not here[-2].units
    for a, b in zip(here, there, strict=True):
        for f in fields(Prepared):
            x, y = getattr(a, f.name), getattr(b, f.name)
            if isinstance(x, np.ndarray):
                assert (x.dtype, x.shape, x.tolist()) == (y.dtype, y.shape, y.tolist())
            else:
                assert x == y, f.name


def test_boilerplate_of_004_reported(seeds: Clustering) -> None:
    assert [(b.occurrences[0].doc, len(b.occurrences)) for b in seeds.boilerplate] == [(4, 6)]


def test_collated_readings(seeds: Clustering) -> None:
    """For each place: the readings, who has each, the majority and the singular one."""
    group = next(g for g in seeds.groups if g.members[0].label == "中国国际电视台记者")
    place = next(p for p in group.places if any(r.text == "回援" for r in p.readings))
    table = {r.text: (r.docs, r.majority, r.singular) for r in place.readings}
    assert table == {"回报": ((1, 3), True, False), "回援": ((0,), False, True)}


def test_work_shared_out_by_cost_comes_back_in_order() -> None:
    """Items of very uneven cost (one far larger than the rest) in two processes: every
    result, in the order of the items."""
    items = ["x" * n for n in [5000, *range(1, 200), 3000, *range(200, 1, -1)]]
    expected = [len(item) for item in items]
    assert list(_mapped(len, items, 2, cost=len)) == expected
    assert list(_mapped(len, items, 2, cost=lambda item: 1)) == expected
    assert list(_mapped(len, items[:1], 2, cost=len)) == expected[:1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_reported_stage_by_stage(jobs: int) -> None:
    """Every stage's progress adds up to its total, and the stages come in order."""
    sources, _ = sources_from_paths(SEEDS, None)
    seen: dict[str, list[int]] = {}

    def progress(stage: str, done: int, total: int) -> None:
        seen.setdefault(stage, [0, total])[0] += done
        assert seen[stage][1] == total

    result = cluster_sources(sources, jobs=jobs, progress=progress)
    assert list(seen) == list(STAGES)
    assert all(done == total for done, total in seen.values())
    assert seen[STAGES[0]][1] == len(sources)
    assert seen[STAGES[3]][1] == len(result.groups)


def collecting(_: object, __: object) -> bool:
    return gc.isenabled()


def test_workers_collect_garbage_while_the_parent_pauses() -> None:
    """prepare_all holds off the collector while results pile up; the processes it starts
    still collect their own garbage."""
    with _collector_paused():
        assert not gc.isenabled()
        assert list(_in_processes(collecting, range(4), None, 2)) == [True] * 4
    assert gc.isenabled()


def dies_on_three(item: int) -> int:
    if item == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return item


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals")
@pytest.mark.parametrize("cost", [abs, lambda item: 1])
def test_a_worker_that_dies_ends_the_run(cost: Callable[[int], int]) -> None:
    """A killed worker is an error the command line reports in one line (exit 2), not a
    run that waits for ever."""
    with pytest.raises(WorkerError, match="try fewer --jobs"):
        list(_mapped(dies_on_three, list(range(8)), 2, cost=cost))


def test_jobs_give_the_same_result(seeds: Clustering) -> None:
    sources, _ = sources_from_paths(SEEDS, None)
    two = cluster_sources(sources, jobs=2)
    assert dumps(clustering_json(two)) == dumps(clustering_json(seeds))


def test_jsonl_input_and_bad_records(tmp_path: Path) -> None:
    """JSON Lines: one document per record; bad records are skipped and said."""
    path = tmp_path / "docs.jsonl"
    texts = [Path(p).read_text("utf-8") for p in SEEDS[:2]]
    lines = [json.dumps({"id": f"d{n}", "text": t}, ensure_ascii=False)
             for n, t in enumerate(texts)]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"id": "empty", "text": "  "}))
    lines.append(json.dumps({"id": "number", "text": 5}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    sources, skipped = sources_from_jsonl(str(path))
    assert [s.path.rsplit("#", 1)[1] for s in sources] == ["d0", "d1"]
    # each skipped record is named by its line, with what is wrong with it
    assert [s.reason.split(": ", 1)[1] for s in skipped] == [
        "not valid JSON (Expecting property name enclosed in double quotes); each line "
        "must be one JSON object", "empty 'text'", "'text' is 5, not a string of text"]
    result = cluster_sources(sources, skipped=skipped)
    assert len(result.skipped) == 3 and result.groups


def test_cli_cluster_skips_unreadable_files(tmp_path: Path) -> None:
    """An unreadable file is reported and skipped; the run goes on, and its exit status
    says that it covers only some of the inputs."""
    for p in SEEDS[:2]:
        (tmp_path / Path(p).name).write_text(Path(p).read_text("utf-8"), "utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(app, ["cluster", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["schema"] == "variantdiff.cluster/1"
    assert [s["path"] for s in data["skipped"]] == [str(tmp_path / "broken.txt")]
    assert "Skipped" in result.stderr
    assert {"id", "docs", "members", "places"} <= set(data["clusters"][0])


def test_cli_cluster_needs_input() -> None:
    result = CliRunner().invoke(app, ["cluster"])
    assert result.exit_code == 2 and "Error:" in result.stderr


def test_overlapping_readings_are_one_place() -> None:
    """回援 / 回报 / 回 at one place: each document is credited with its own reading."""
    from variantdiff.load import Source

    base = "新华社记者：请问？\n\n王毅：中国政府、地方和各界人士也积极{}，向美方捐赠了大量急需的医疗物资。"
    sources = [Source(f"{n}.txt", base.format(word), "utf-8")
               for n, word in enumerate(["回援", "回报", "回"])]
    (group,) = cluster_sources(sources).groups
    (place,) = group.places
    assert {r.text: r.docs for r in place.readings} == {"回援": (0,), "回报": (1,), "回": (2,)}


def test_default_jobs_use_every_core_for_a_large_corpus() -> None:
    import os

    from variantdiff.cluster import default_jobs
    assert default_jobs(5) == 1
    assert default_jobs(10_000) == len(os.sched_getaffinity(0))


def test_streamed_json_is_the_same_bytes(seeds: Clustering) -> None:
    """The cluster report is written as it is made; the bytes are those of dumps()."""
    import io

    from variantdiff.report_json import write_clustering_json
    for result in (seeds, cluster_sources(sources_from_paths(SEEDS[:1], None)[0])):
        out = io.StringIO()
        write_clustering_json(result, out)
        assert out.getvalue() == dumps(clustering_json(result))
    assert len(seeds.groups) > 10


POEM = ["静夜思", "床前明月光", "疑是地上霜", "举头望明月", "低头思故乡",
        "春晓", "春眠不觉晓", "处处闻啼鸟", "夜来风雨声", "花落知多少"]


def test_short_lines_of_copies_are_grouped_with_their_variants() -> None:
    """A poem a line to a paragraph in three collections: a line with one changed
    character keeps one of its six shingles, yet it is the same line (as ``compare``
    pairs it) and its variant is collated."""
    from variantdiff.load import Source

    edit = {"床前明月光": "床前看月光", "举头望明月": "举头望山月"}
    copies = [POEM, [edit.get(line, line) for line in POEM], POEM[:5]]
    sources = [Source(f"{n}.txt", "\n\n".join(lines) + "\n", "utf-8")
               for n, lines in enumerate(copies)]
    result = cluster_sources(sources)
    assert sorted(g.docs for g in result.groups) == [(0, 1)] * 5 + [(0, 1, 2)] * 5
    readings = sorted(tuple(sorted((r.text, r.docs) for r in p.readings))
                      for g in result.groups for p in g.places)
    assert readings == [(("山月", (1,)), ("明月", (0, 2))), (("明", (0, 2)), ("看", (1,)))]


def test_short_lines_of_unrelated_documents_stay_apart() -> None:
    """Two different stories that share one paragraph and a stock line differing in one
    character (军乐团奏越中两国国歌 / 军乐团奏巴中两国国歌) are not copies: the stock
    lines are not linked."""
    from variantdiff.load import Source

    shared = "两国元首共同检阅仪仗队，并观看分列式。欢迎仪式结束后，两国元首举行会谈。"
    one = ["越南国家主席抵达北京，开始对中国进行国事访问。", "军乐团奏越中两国国歌。",
           shared, "双方就深化全面战略合作伙伴关系交换了意见，签署了多项合作文件。"]
    two = ["巴基斯坦总理抵达北京，开始对中国进行正式访问。", "军乐团奏巴中两国国歌。",
           shared, "双方同意推进中巴经济走廊建设，加强农业、科技和人文领域交流。"]
    for other in (two, two[1:3]):  # (a short story: half its units shared is one)
        sources = [Source(f"{n}.txt", "\n\n".join(t) + "\n", "utf-8")
                   for n, t in enumerate((one, other))]
        (group,) = cluster_sources(sources).groups
        assert [m.unit for m in group.members] == [2, other.index(shared)]


def test_a_stock_line_that_many_copies_of_one_text_share_groups_them() -> None:
    """Twenty-one reprints of one briefing share its closing line (发布会于11时30分结束。),
    a sentence found in more than twenty documents: between copies of one another it is
    a group like any other, and no copy's line is in no group. Between unrelated
    stories a stock line still joins nothing."""
    from variantdiff.load import Source

    briefing = ("生态环境部举行3月例行新闻发布会\n\n路透社记者：有外国媒体称，中国的碳排放已经达峰，"
                "您怎么看？\n\n刘友宾：中国将坚定不移推进碳达峰碳中和工作。\n\n发布会于11时30分结束。\n")
    result = cluster_sources([Source(f"c{n:02}.txt", briefing, "utf-8") for n in range(21)])
    assert sorted(len(g.docs) for g in result.groups) == [21, 21, 21]
    assert not result.ungrouped
    import random

    rng = random.Random(7)
    pool = "山川河流湖海风雨雷电春夏秋冬东南西北花草树木鸟兽虫鱼金银铜铁城乡村镇车船路桥"
    stories = ["".join(rng.choice(pool) for _ in range(30)) + "。\n\n发布会于11时30分结束。\n"
               for _ in range(21)]
    result = cluster_sources([Source(f"s{n:02}.txt", t, "utf-8") for n, t in enumerate(stories)])
    assert not result.groups


def test_turns_of_two_briefings_answered_with_one_stock_answer_stay_apart() -> None:
    """Two briefings of one spokesman on two dates share their opening line and their
    closing line, and answer two different questions with the same stock sentences: the
    two turns are not one passage (a turn is the question it answers), in ``cluster`` as
    in ``compare``, and each briefing's copies still group their own turn."""
    from variantdiff.load import Source

    stock = ("中方在台湾问题上的立场是一贯的、明确的。我们敦促美方恪守一个中国原则和中美三个"
             "联合公报规定，停止向“台独”分裂势力发出任何错误信号。")

    def briefing(date: str, question: str, answer: str) -> str:
        return (f"{date}，外交部发言人汪文斌主持例行记者会，就中外记者关心的问题回答提问。\n\n"
                f"{question}\n\n汪文斌：{answer}{stock}\n\n记者会于16时10分结束。\n")

    first = briefing("1月4日", "法新社记者：美国国会众议院近日通过所谓“台湾政策法案”，中方如何回应？",
                     "台湾是中国领土不可分割的一部分，台湾问题纯属中国内政，不容任何外来干涉。")
    second = briefing("1月11日", "路透社记者：据报道，台湾地区领导人计划近期“过境”美国，中方对此有何"
                      "评论？", "我们坚决反对美台之间进行任何形式的官方往来。")
    texts = [first, second, second.replace("官方往来", "官方来往")]
    result = cluster_sources([Source(f"{n}.txt", t, "utf-8") for n, t in enumerate(texts)])
    assert sorted(g.docs for g in result.groups) == [(0, 1, 2), (0, 1, 2), (1, 2)]
    assert [u.label for u, _ in result.ungrouped if u.kind == "qa"] == ["法新社记者"]
    from variantdiff import compare_texts

    pairs = compare_texts(first, second).pairs
    assert [(p.a.kind, p.b.kind) for p in pairs] == [("text", "text")] * 2


def test_the_forms_two_press_conferences_fill_in_with_their_own_figures_stay_apart() -> None:
    """Two press conferences of one minister a year apart open and close with one form
    filled in with other figures (十三届…五次会议…7日 / 十四届…一次会议…6日, 历时1小时30分钟 /
    1小时20分钟) and share nothing else: the other year's document groups with neither
    copy, and no place credits it with the first one's figures. A digest that prints the
    opening line alone is a copy of it with the figures kept, and one more use of the
    form with a figure changed."""
    def conference(session: str, day: str, topic: str, turn: str, minutes: str) -> str:
        return (f"{session}全国人大{day}下午在梅地亚中心举行记者会，邀请生态环境部部长黄润秋就"
                f"“{topic}”相关问题回答中外记者提问。\n\n{turn}\n\n记者会历时1小时{minutes}分钟。\n")

    turn = ("新华社记者：长江、黄河是中华民族的母亲河，在保护方面有哪些新举措？\n\n黄润秋：保护好长江、"
            "黄河，是关系中华民族永续发展的千秋大计。我们共排查出入河排污口6万多个，已完成整治1.6万多个。")
    first = conference("十三届全国人大五次会议新闻中心", "7日", "持续深入打好污染防治攻坚战", turn, "30")
    other = conference("十四届全国人大一次会议新闻中心", "6日", "推进美丽中国建设",
                       "《环球时报》记者：日方计划将核污染水排海，中方对此有何评论？\n\n黄润秋：海洋是人类"
                       "共同的家园。日方一意孤行推进排海计划，是把自己的风险转嫁给全世界。", "20")
    digest = first.split("\n\n")[0].replace("梅地亚", "梅地亚新闻") + "\n"
    for dated, groups in (("7日", [(0, 1), (0, 1), (0, 1, 3)]), ("8日", [(0, 1)] * 3)):
        texts = [first, first.replace("母亲河", "母亲之河"), other, digest.replace("7日", dated)]
        result = cluster_sources([Source(f"{n}.txt", t, "utf-8") for n, t in enumerate(texts)])
        assert sorted(g.docs for g in result.groups) == groups
        assert all(2 not in r.docs for g in result.groups for p in g.places for r in p.readings)
        assert sorted(u.kind for u, _ in result.ungrouped if u.doc == 2) == ["qa", "text", "text"]


def test_parallel_articles_of_a_law_stay_apart() -> None:
    """Three copies of a regulation (hard-wrapped twice, markdown once) whose articles
    第十一条 and 第十二条 are worded alike: each article is one group of its three copies,
    never two articles of one copy in a group, and the copies read alike."""
    import sys

    from variantdiff.load import Source

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from reprints import markdown, newspaper

    law = (ROOT / "tests" / "cases" / "regulation.txt").read_text("utf-8")
    texts = [newspaper(law, "1"), markdown(law), newspaper(law, "2")]
    result = cluster_sources([Source(f"{n}.txt", t, "utf-8") for n, t in enumerate(texts)])
    for group in result.groups:
        assert sorted(m.doc for m in group.members) == [0, 1, 2]
        assert not group.places
    assert len(result.groups) >= 20


def test_a_paragraph_a_reprint_cut_in_three_is_one_group() -> None:
    """A reprint that sets one long paragraph as three: each third is a piece of it and
    joins its group (a group takes a second unit of a document only so)."""
    from variantdiff.load import Source

    parts = ["国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况，"
             "国内生产总值同比增长百分之五。",
             "分产业看，第一产业增加值同比增长百分之三，第二产业增加值增长百分之五，"
             "第三产业增加值增长百分之五点三。",
             "发言人表示，下阶段要加大宏观政策实施力度，着力扩大国内需求，"
             "推动经济持续回升向好，完成全年目标任务。"]
    other = "另据报道，全国秋粮收获已过七成，各地抢抓天气有利时机，加快机收进度，确保颗粒归仓，丰收在望。"
    original = "".join(parts) + "\n\n" + other + "\n"
    reprint = "\n\n".join(parts) + "\n\n" + other + "\n"
    result = cluster_sources([Source("a.txt", original, "utf-8"), Source("b.txt", reprint, "utf-8")])
    members = sorted(sorted((m.doc, m.unit) for m in g.members) for g in result.groups)
    assert members == [[(0, 0), (1, 0), (1, 1), (1, 2)], [(0, 1), (1, 3)]]
    # two reprints cut it the same way: their thirds go together, and with the whole
    result = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                              for n, t in enumerate((original, reprint, reprint))])
    members = sorted(sorted((m.doc, m.unit) for m in g.members) for g in result.groups)
    assert members == [[(0, 0), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2)],
                       [(0, 1), (1, 3), (2, 3)]]


def test_abridged_articles_are_not_pieces_of_one() -> None:
    """A law has the full 第九条 only; a reprint abridges 第九条 and 第十条 (worded alike):
    the abridged 第九条 goes with the full one and 第十条 stays out, though each is mostly
    contained in it (together they are longer than it: not the parts of one paragraph)."""
    from variantdiff.load import Source

    tail = ("对在{}中做出显著成绩的单位和个人，由县级以上地方人民政府按照国家有关规定给予表彰"
            "和奖励，具体办法由国务院有关部门会同省级人民政府制定并公布施行。")
    full = "第九条 国家鼓励和支持企业开展技术创新，" + tail.format("技术创新")
    short = ("第九条 国家鼓励和支持企业开展技术创新，由县级以上地方人民政府按照国家有关规定给予"
             "表彰和奖励，具体办法由国务院有关部门会同省级人民政府制定。")
    other = "第十一条 本法自公布之日起施行，各地区各部门应当认真组织学习宣传，确保各项规定落到实处。"
    law = f"{full}\n\n{other}\n"
    reprint = f"{short}\n\n{short.replace('第九条', '第十条').replace('技术', '管理')}\n\n{other}\n"
    result = cluster_sources([Source("a.txt", law, "utf-8"), Source("b.txt", reprint, "utf-8")])
    members = sorted(sorted((m.doc, m.unit) for m in g.members) for g in result.groups)
    assert members == [[(0, 0), (1, 0)], [(0, 1), (1, 2)]]


POOL = [
    "国务院新闻办公室今天举行新闻发布会，介绍今年前三季度国民经济运行情况，国内生产总值同比增长百分之五。",
    "分产业看，第一产业增加值同比增长百分之三，第二产业增加值增长百分之五，第三产业增加值增长百分之五点三。",
    "发言人表示，下阶段要加大宏观政策实施力度，着力扩大国内需求，推动经济持续回升向好，完成全年目标任务。",
    "另据报道，全国秋粮收获已过七成，各地抢抓天气有利时机，加快机收进度，确保颗粒归仓，丰收在望。",
    "气象部门提醒，未来一周北方地区将有一次明显降温过程，公众出行注意防寒保暖，农业生产做好防冻准备。",
    "第九条 用人单位应当依法建立和完善劳动规章制度，保障劳动者享有劳动权利、履行劳动义务。",
    "第十条 用人单位应当依法建立和完善安全生产制度，保障劳动者享有安全权利、履行安全义务。",
    "市民王女士告诉记者，她家小区门口新开了一家社区食堂，价格实惠，菜品丰富，老人们都很喜欢来这里吃饭。",
]


def reprints_of_the_pool(seed: int) -> list[str]:
    """Two to five documents of paragraphs from POOL: characters changed, paragraphs
    merged or cut in two at a comma."""
    import random

    rng = random.Random(seed)
    docs = []
    for _ in range(rng.randint(2, 5)):
        paras = []
        for k in rng.sample(range(len(POOL)), rng.randint(2, 5)):
            chars = list(POOL[k])
            for _ in range(rng.randint(0, 2)):
                chars[rng.randrange(len(chars))] = rng.choice("的了在是有和")
            paras.append("".join(chars))
        out, k = [], 0
        while k < len(paras):
            r = rng.random()
            cut = paras[k].find("，", len(paras[k]) // 2)
            if r < 0.2 and k + 1 < len(paras):
                out.append(paras[k] + paras[k + 1])
                k += 2
                continue
            if r < 0.35 and cut > 0:
                out += [paras[k][:cut + 1], paras[k][cut + 1:]]
            else:
                out.append(paras[k])
            k += 1
        docs.append("\n\n".join(out) + "\n")
    return docs


def test_the_order_of_the_documents_does_not_change_the_groups() -> None:
    """Reprints that merge, cut and change paragraphs, clustered in several orders: the
    same groups (ties between equally good links are not settled by document order), and
    never two units of a document in a group but for pieces of a longer unit."""
    import itertools
    from collections import Counter

    from variantdiff.load import Source

    for seed in range(40):
        texts = reprints_of_the_pool(seed)
        seen = set()
        orders = [*itertools.islice(itertools.permutations(range(len(texts))), 3),
                  tuple(reversed(range(len(texts))))]
        for order in orders:
            result = cluster_sources([Source(f"d{k}.txt", texts[k], "utf-8") for k in order],
                                     variants=False)
            seen.add(tuple(sorted(tuple(sorted((order[m.doc], m.unit) for m in g.members))
                                  for g in result.groups)))
            for g in result.groups:
                longest = max(m.length for m in g.members)
                for doc, n in Counter(m.doc for m in g.members).items():
                    if n > 1:
                        assert all(m.length <= 0.8 * longest for m in g.members
                                   if m.doc == doc), (seed, order)
        assert len(seen) == 1, seed


def test_a_headline_one_copy_reads_with_its_paragraph_is_no_variant() -> None:
    """Copy 1 runs the headline into the paragraph after it (as a column break would),
    copies 0 and 2 stand it before the paragraph: no place for the headline (in one
    reading or two: 钱素云： / 危重患儿的生命之光), while a changed word in the paragraph is
    collated."""
    from variantdiff.load import Source

    lead = "本台今天推出专栏，介绍两位代表的事迹，以学习和弘扬他们的优秀品质。"
    headline = "钱素云：危重患儿的生命之光"
    story = "晚上8时许，钱素云在离开医院前再次来到病床旁看看重症患儿，嘱咐值班医生注意观察。"
    tail = "之前，一位男孩在门诊突然出现深度昏迷，钱素云建议进行检查，最终找到了病因。"
    copies = ["\n".join([lead, headline, story, tail]),
              "\n\n".join([lead, headline + story, tail]),
              "\n".join([lead, headline, story.replace("注意观察", "密切观察"), tail])]
    result = cluster_sources([Source(f"{n}.txt", text + "\n", "utf-8")
                              for n, text in enumerate(copies)])
    readings = [tuple(sorted((r.text, r.docs) for r in p.readings))
                for g in result.groups for p in g.places]
    assert readings == [(("密切", (2,)), ("注意", (0, 1)))]


def test_headings_of_copies_are_grouped_with_their_variants() -> None:
    """Three copies of a story with two subheadings, one copy reading a character of the
    second otherwise: each subheading is a group of the three copies' headings, and the
    changed character is a place of its group, as ``compare`` pairs the headings."""
    from variantdiff.load import Source

    paragraphs = ["“十四五”期间，安徽、福建扎实推动科技创新与产业创新深度融合，加快构建现代化产业体系。",
                  "安徽坚持科技打头阵 激活发展新动能",
                  "眼下，在安徽合肥滨湖科学城，大科学装置集中区建设有序推进，一批国之重器加快铸造。",
                  "福建加快建设现代化产业体系 积极打造民营经济强省",
                  "“十四五”以来，福建聚焦打造民营经济强省目标，出台支持民营企业科技创新若干措施。"]
    copies = [paragraphs, [p.replace("产业体系 积极", "产业以系 积极") for p in paragraphs],
              paragraphs]
    result = cluster_sources([Source(f"{n}.txt", "\n\n".join(t) + "\n", "utf-8")
                              for n, t in enumerate(copies)])
    headings = [g for g in result.groups if g.base.kind == "heading"]
    assert [[m.unit for m in g.members] for g in headings] == [[1, 1, 1], [3, 3, 3]]
    assert [tuple(sorted((r.text, r.docs) for r in p.readings))
            for g in headings for p in g.places] == [(("以系", (1,)), ("体系", (0, 2)))]
    assert [g.id for g in result.groups] == [f"g{n}" for n in range(1, 6)]
    assert [g.base.unit for g in result.groups] == [0, 1, 2, 3, 4]


def test_a_subheading_the_paragraph_says_again_is_grouped_in_a_column_copy() -> None:
    """A column copy sets a subheading on a line it fills, between blank lines, over a
    paragraph that opens with its words: it is a heading there too, grouped with the
    other copies' headings, and the paragraph's group has no place."""
    from variantdiff.load import Source

    column = ("受降雨影响，绥芬河市部分地区\n出现积水，当地采取疏通河道、\n转移群众等措施，党员干部下沉\n"
              "防汛风险区域巡查值守。\n\n吉林榆树市此前发生洪涝灾害\n\n吉林榆树市此前发生洪涝灾害的\n"
              "8 个乡镇陆续展开清淤排涝，紧\n临拉林河的延和乡是受灾最重的\n区域，清淤工作紧张进行。\n")
    web = ("　　受降雨影响，绥芬河市部分地区出现积水，当地采取疏通河道、转移群众等措施，党员干部下沉"
           "防汛风险区域巡查值守。\n\n吉林榆树市此前发生洪涝灾害\n\n　　吉林榆树市此前发生洪涝灾害的8个"
           "乡镇陆续展开清淤排涝，紧临拉林河的延和乡是受灾最重的区域，清淤工作紧张进行。\n")
    markdown = web.replace("吉林榆树市此前发生洪涝灾害\n", "### 吉林榆树市此前发生洪涝灾害\n")
    result = cluster_sources([Source(f"{n}.txt", text, "utf-8")
                              for n, text in enumerate((column, web, markdown))])
    assert [(g.base.kind, g.docs) for g in result.groups] == [
        ("text", (0, 1, 2)), ("heading", (0, 1, 2)), ("text", (0, 1, 2))]
    assert [p for g in result.groups for p in g.places] == []


def test_a_title_one_copy_sets_as_a_heading_joins_the_others_paragraphs() -> None:
    """Three copies of a story; one sets its title (with a colon: a paragraph in the
    others) as a markdown heading. The title is one group of the three, with no place;
    the same line in a document that is no copy of theirs stays out."""
    from variantdiff.load import Source

    title = "专访：就当前经济形势和下半年经济工作 中共中央召开党外人士座谈会 习近平主持并发表重要讲话"
    body = ("李克强、汪洋、李强、王沪宁、韩正、蔡奇、丁薛祥出席座谈会。李克强受中共中央委托通报了"
            "今年以来经济形势和经济工作有关情况。")
    other = "国务院常务会议研究部署进一步做好防汛抗旱工作，要求各地压实责任、强化值守。"
    texts = [f"{title}\n\n{body}\n", f"# {title}\n\n{body}\n", f"{title}\n\n{body}\n",
             f"# {title}\n\n{other}\n"]
    result = cluster_sources([Source(f"{n}.txt", text, "utf-8")
                              for n, text in enumerate(texts)])
    assert [([(m.doc, m.unit) for m in g.members], g.places) for g in result.groups] == [
        ([(0, 0), (1, 0), (2, 0)], ()), ([(0, 1), (1, 1), (2, 1)], ())]
    assert [(u.doc, u.kind) for u, _ in result.ungrouped] == [(3, "heading"), (3, "text")]


@pytest.mark.parametrize("copies", [2, 3])
def test_a_poem_set_a_couplet_to_a_line_is_one_group_with_the_whole(copies: int) -> None:
    """Copies that set a poem a couplet to a line (each a paragraph) and one that runs it
    in one paragraph: every couplet is in the one group, also those that matched no whole
    on their own and those the couplet copies group among themselves, and the one word
    changed is its only place."""
    from variantdiff.load import Source

    couplets = ["空山新雨后，天气晚来秋。", "明月松间照，清泉石上流。", "竹喧归浣女，莲动下渔舟。",
                "随意春芳歇，王孙自可留。"]
    lines = "\n".join(c[:6] + "\n" + c[6:] for c in couplets).replace("渔舟", "鱼舟")
    texts = ["山居秋暝\n\n" + "\n".join(couplets) + "\n"] * (copies - 1) \
        + ["山居秋暝\n\n" + lines + "\n"]
    result = cluster_sources([Source(f"{n}.txt", text, "utf-8")
                              for n, text in enumerate(texts)])
    poem = [g for g in result.groups if g.base.kind == "text"]
    assert len(poem) == 1 and not result.ungrouped
    assert sorted((m.doc, m.unit) for m in poem[0].members) == sorted(
        [(d, u) for d in range(copies - 1) for u in range(1, 5)] + [(copies - 1, 1)])
    assert [sorted(r.text for r in p.readings) for p in poem[0].places] == [["渔舟", "鱼舟"]]


def test_a_turn_and_the_answer_a_copy_prints_without_labels_are_one_group() -> None:
    """An interview's turn (问：…答：…) and the copy that prints its answer alone, as a
    paragraph, are one group (the question is the omission), as ``compare`` pairs them;
    a paragraph of an unrelated story stays out."""
    from variantdiff.load import Source

    answer = ("今年是全面推行河长制10周年，全国现有120余万名河湖长、130余万名林长，河湖长常态化巡护"
              "山水，实现了从“没人管”到“有人管”、从“管不住”到“管得好”的转变。")
    texts = [f"问：请谈谈今年是全面推行河长制10周年的情况。\n\n答：{answer}\n", f"{answer}\n",
             "国务院常务会议研究部署进一步做好防汛抗旱工作，要求各地压实责任、强化值守。\n"]
    result = cluster_sources([Source(f"{n}.txt", text, "utf-8")
                              for n, text in enumerate(texts)])
    assert [[(m.doc, m.kind) for m in g.members] for g in result.groups] == [
        [(0, "qa"), (1, "text")]]
    assert [p.kind for p in result.groups[0].places] == ["omission"]


def test_a_place_of_a_mark_changed_and_its_form_is_a_punctuation_place() -> None:
    """Four copies set a clause's mark as ，, ，, ； and , — the place reads ， (the
    commonest), ； and , (a mark changed in one copy, its width in another): a
    punctuation place, not a substitution."""
    from variantdiff.load import Source

    turn = "问：请谈谈今年是全面推行河长制10周年的情况。\n\n答：全国现有120余万名河湖长{m}130余万名林长。\n"
    texts = [turn.format(m=m) for m in ("，", "，", "；", ",")]
    result = cluster_sources([Source(f"{n}.txt", text, "utf-8")
                              for n, text in enumerate(texts)])
    assert len(result.groups) == 1
    assert [(p.kind, [(r.text, r.docs) for r in p.readings])
            for p in result.groups[0].places] == [
        ("punctuation", [("，", (0, 1)), ("；", (2,)), (",", (3,))])]


def test_labels_set_in_another_house_style_are_no_place() -> None:
    """Copies label a question 问：, 问：, 【问】 and 问: — the brackets and the colon's
    width are the label's typography, as bold is, and no place. Shown with the spacing
    (``whitespace`` not hidden), they are places again."""
    from variantdiff.load import Source

    turn = "{q}请谈谈今年是全面推行河长制10周年的情况。\n\n{a}全国现有120余万名河湖长、130余万名林长。\n"
    texts = [turn.format(q="问：", a="答："), turn.format(q="问：", a="答："),
             turn.format(q="【问】", a="【答】"), turn.format(q="问:", a="答:")]
    sources = [Source(f"{n}.txt", text, "utf-8") for n, text in enumerate(texts)]
    result = cluster_sources(sources)
    assert len(result.groups) == 1
    assert not result.groups[0].places
    shown = cluster_sources(sources, Config(hidden_kinds=frozenset()))
    assert [[r.text for r in p.readings] for p in shown.groups[0].places] == [
        ["", "【"], ["：", "】", ":"]] * 2


def test_a_label_restyled_with_its_outlet_dropped_is_one_place_of_the_outlet() -> None:
    """A question labelled 中央广播电视总台央视记者：, 记者： and 【记者】: one place, the
    outlet two copies leave out, each copy under the reading it has; the brackets are the
    label's typography. In ``compare``, 路透社记者： / 【记者】 is 路透社 dropped, not the
    bracket read against it."""
    from variantdiff.load import Source

    turn = ("{q}今年生猪价格经历了较大波动，农业农村部将采取哪些措施稳定生猪生产？\n\n李明华：生猪价格从"
            "二季度开始止跌回升，目前养殖环节已经扭亏为盈，我们将继续落实生猪产能调控实施方案。\n")
    labels = ["中央广播电视总台央视记者：", "记者：", "【记者】"]
    (group,) = cluster_sources([Source(f"{n}.txt", turn.format(q=q), "utf-8")
                                for n, q in enumerate(labels)]).groups
    assert [[(r.text, r.docs) for r in p.readings] for p in group.places] == [
        [("", (1, 2)), ("中央广播电视总台央视", (0,))]]
    from variantdiff import compare_texts

    pair = compare_texts(turn.format(q="路透社记者："), turn.format(q="【记者】"))
    assert [(v.kind, v.a_text, v.b_text, v.b.start_column) for p in pair.pairs
            for v in p.variants if v.kind != "whitespace"] == [("deletion", "路透社", "", 2)]


def test_a_story_that_quotes_an_answer_stays_out_of_the_turn_s_group() -> None:
    """Two copies of a turn, one with 愿同 and one with 乐见, and a commentary whose
    paragraph quotes the answer's first sentences: the story is no copy of the
    transcripts, so its paragraph stays in no group and does not outvote 乐见."""
    from variantdiff.load import Source

    answer = ("朝美之间保持沟通与对话是化解双方矛盾分歧、推动解决半岛问题的重要前提。还是那句话，谈总比不谈"
              "好。中方愿同朝美领导人保持互动，希望朝美早日恢复有益的对话接触。")
    rest = ("但同时，增进朝美互信、打破半岛僵局更需要实实在在的行动。也就是说，真正解决半岛问题，既要"
            "“坐而论道”，更要“起而行之”。")
    turn = f"韩联社记者：中方认为朝鲜半岛局势以及朝美对话应朝何方发展？\n\n王毅：{answer}{rest}\n"
    story = ("专家解读：中国外交为半岛和平注入正能量\n\n分析人士指出，当前半岛局势总体保持稳定，但不确定因素"
             f"仍在积累，各方需要保持克制。\n\n王毅在记者会上表示，{answer}\n\n复旦大学朝鲜韩国研究中心教授"
             "指出，中国始终是半岛和平稳定的建设性力量，这一立场一以贯之。\n")
    texts = [turn, turn.replace("中方愿同", "中方乐见"), story]
    result = cluster_sources([Source(f"{n}.txt", text, "utf-8")
                              for n, text in enumerate(texts)])
    assert [g.docs for g in result.groups] == [(0, 1)]
    assert [sorted(r.text for r in p.readings) for p in result.groups[0].places] == [
        ["乐见", "愿同"]]


def test_headings_of_documents_that_are_no_copies_stay_apart() -> None:
    """Two regulations that share a chapter heading and one article are no copies: their
    第一章 总则 is not grouped."""
    from variantdiff.load import Source

    shared = "第二条本条例所称物业管理，是指业主通过选聘物业服务企业，对房屋及配套的设施设备进行维修。"
    one = ["第一章 总则", "第一条为了规范物业管理活动，维护业主和物业服务企业的合法权益，制定本条例。",
           shared, "第三条本市行政区域内的物业管理活动，适用本条例。"]
    two = ["第一章 总则", "第一条为了加强院前医疗急救管理，规范院前医疗急救行为，制定本条例。",
           shared, "第三条县级以上人民政府应当将院前医疗急救事业纳入国民经济和社会发展规划。"]
    result = cluster_sources([Source(f"{n}.txt", "\n\n".join(t) + "\n", "utf-8")
                              for n, t in enumerate((one, two))])
    assert [g.base.kind for g in result.groups] == ["text"]


def test_headings_that_swapped_places_pair_in_order() -> None:
    """Two copies set two headings in the other order before the same paragraphs: the
    headings of the place pair one to one and in order, so one of them is left alone."""
    from variantdiff.load import Source

    paragraphs = ["中方愿同各方一道，推动构建人类命运共同体，共同应对全球性挑战和风险。",
                  "我们将继续坚定支持多边主义，维护以联合国为核心的国际体系和国际秩序。",
                  "双方同意深化在经贸、科技、人文等领域的交流与合作，实现互利共赢和共同发展。"]
    copies = [["一、总体要求", "二、主要任务", *paragraphs], ["二、主要任务", "一、总体要求", *paragraphs]]
    result = cluster_sources([Source(f"{n}.txt", "\n\n".join(t) + "\n", "utf-8")
                              for n, t in enumerate(copies)])
    headings = [[(m.doc, m.unit) for m in g.members] for g in result.groups
                if g.base.kind == "heading"]
    assert headings == [[(0, 0), (1, 1)]]


def test_a_copy_in_traditional_characters_is_collated_as_what_it_changes() -> None:
    """In a group with a copy set in traditional characters, the 的 that copy drops is
    collated as a deletion at its own place, apart from the script readings."""
    from variantdiff.load import Source

    text = "要建立健全生态保护的长效机制，为地区和世界和平与发展事业作出重要贡献，展现了中国的担当。\n"
    traditional = "要建立健全生態保護長效機制，為地區和世界和平與發展事業作出重要貢獻，展現了中國的擔當。\n"
    result = cluster_sources([Source("a.txt", text, "utf-8"), Source("b.txt", text, "utf-8"),
                              Source("c.txt", traditional, "utf-8")])
    (group,) = result.groups
    tables = [{r.text: r.docs for r in p.readings} for p in group.places]
    assert {"的": (0, 1), "": (2,)} in tables


def test_a_swap_is_collated_as_one_place_whatever_the_longest_copy_changed() -> None:
    """The longest copy changed a word beside the two words another copy swapped: the
    swap is one transposition place, each copy credited with its own reading."""
    from variantdiff.load import Source

    text = ("浙江还加快推动发展方式绿色低碳转型。在浙江长兴和平工业区，这里采用光伏、风能等"
            "可再生能源发电，每年节约一万吨标准煤，形成生产、销售、回收的闭环产业链。{}")
    copies = [text.format(""), text.format("").replace("绿色低碳", "低碳绿色"),
              text.format("专家指出，这对于稳定市场预期具有积极意义。").replace("方式", "基式"),
              text.format("")]
    sources = [Source(f"{n}.txt", copy, "utf-8") for n, copy in enumerate(copies)]
    (group,) = cluster_sources(sources).groups
    swaps = [p for p in group.places if p.kind == "transposition"]
    assert len(swaps) == 1
    readings = {r.docs: r.text for r in swaps[0].readings}
    assert "低碳绿色" in readings[(1,)] and "绿色低碳" in readings[(0, 3)]


def test_units_no_other_document_carries_are_listed(tmp_path: Path) -> None:
    """Every unit is either in a group or listed as in none (terminal and JSON), and the
    documents that share no group are named."""
    shared = ("长江是中华民族的母亲河，也是中华民族发展的重要支撑。"
              "推动长江经济带发展，是关系国家发展全局的重大战略。")
    alone = "只在甲本的一段话，说的是另一件事情，别处都没有。"
    (tmp_path / "a.txt").write_text(f"{shared}\n\n{alone}\n", "utf-8")
    (tmp_path / "b.txt").write_text(f"{shared}\n", "utf-8")
    (tmp_path / "c.txt").write_text("今年以来，我国各地区持续出台稳外贸系列举措，推动外贸稳大盘。\n", "utf-8")
    data = json.loads(CliRunner().invoke(app, ["cluster", str(tmp_path), "--format", "json"]).stdout)
    names = [Path(d["path"]).name for d in data["documents"]]
    listed = {(names[u["doc"]], u["start_line"], u["opening"][:6]) for u in data["ungrouped"]}
    assert listed == {("a.txt", 3, "只在甲本的一"), ("c.txt", 1, "今年以来，我")}
    assert data["summary"]["ungrouped"] == 2
    grouped = sum(len(c["members"]) for c in data["clusters"])
    assert grouped + len(data["ungrouped"]) == data["summary"]["units"]
    shown = CliRunner().invoke(app, ["cluster", str(tmp_path)]).stdout
    assert "In no group" in shown and "只在甲本的一段话" in shown
    assert "1 document shares no group: c.txt" in shown
    assert "text  长江是中华民族的母亲河" in shown  # (a group without a label: its opening)


@pytest.mark.parametrize("whole", [False, True], ids=["units", "whole"])
def test_page_furniture_is_listed_with_its_text(tmp_path: Path, whole: bool) -> None:
    """Page furniture (a dateline, a page jump, a photo credit) groups with nothing: each
    piece is listed with its document, its line and its text, in JSON and in the
    summary, so that no character of a document goes unreported (with --whole too)."""
    story = ("长江是中华民族的母亲河，也是中华民族发展的重要支撑。"
             "推动长江经济带发展，是关系国家发展全局的重大战略。")
    (tmp_path / "a.txt").write_text(f"新华社武汉5月24日电\n\n{story}\n\n（下转A03版）\n", "utf-8")
    (tmp_path / "b.txt").write_text(f"{story}\n\n新华社记者 王晔 摄\n", "utf-8")
    args = ["cluster", str(tmp_path), "--format", "json", *(["--whole"] if whole else [])]
    data = json.loads(CliRunner().invoke(app, args).stdout)
    names = [Path(d["path"]).name for d in data["documents"]]
    assert [(names[f["doc"]], f["start_line"], f["text"]) for f in data["furniture"]] == [
        ("a.txt", 1, "新华社武汉5月24日电"), ("a.txt", 5, "（下转A03版）"),
        ("b.txt", 3, "新华社记者王晔摄")]  # (as normalised: the spaces set between names go)
    assert data["summary"]["furniture"] == 3
    assert len(data["clusters"]) == 1 and not data["ungrouped"]
    shown = CliRunner().invoke(app, args[:2] + args[4:]).stdout
    assert "3 pieces of page furniture (compared with none)" in shown


def test_a_traditional_copy_is_counted_with_the_reading_it_shares() -> None:
    """Where copies differ in a word, a copy set in traditional characters that reads as
    some of them is counted with them; its script forms are a script place of their own."""
    import opencc

    from variantdiff.load import Source

    text = "各地积极改造城市边角地，推出便民服务，居民可以在手机上{}，生活更加方便快捷。"
    copies = [text.format("点单"), text.format("点菜"), text.format("点菜"),
              opencc.OpenCC("s2t").convert(text.format("点菜"))]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    word = [p for p in group.places if p.kind == "substitution"]
    assert len(word) == 1
    readings = {r.docs: r.text for r in word[0].readings}
    assert "点菜" in readings[(1, 2, 3)] and "点单" in readings[(0,)]
    assert [r.majority for r in word[0].readings] == [True, False]
    assert all(3 in r.docs and len(p.readings) == 2 for p in group.places
               if p.kind == "script" for r in p.readings[1:])


def test_a_full_width_copy_is_counted_with_the_reading_it_shares() -> None:
    """Where copies differ in a figure, a copy that sets the same figure in full-width
    digits (２８．７ for 28.7) is counted with those that read it, its form said, as a
    traditional copy is; its width is a place of its own, and so is a figure it alone
    sets otherwise."""
    from variantdiff.load import Source

    text = ("中央生态环境保护督察开展以来，累计受理转办群众生态环境信访举报{}万件，"
            "已办结或阶段办结{}万件，一大批群众身边的突出问题得到解决。")
    copies = [text.format("28.7", "28.5"), text.format("28.7", "28.5"),
              text.format("28.9", "28.5"), text.format("２８．７", "２８．５")]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    (number,) = [p for p in group.places if p.kind == "substitution"]
    assert [(r.text, r.docs, r.majority, r.singular) for r in number.readings] == [
        ("28.7", (0, 1, 3), True, False), ("28.9", (2,), False, True)]
    assert number.readings[0].own_form(3) == "２８．７"
    widths = [p for p in group.places if p.kind == "width"]
    assert [[(r.text, r.docs) for r in p.readings] for p in widths] == [
        [("28.7", (0, 1)), ("２８．７", (3,))], [("28.5", (0, 1, 2)), ("２８．５", (3,))]]


def test_a_passage_a_copy_drops_is_quoted_in_each_copys_own_width() -> None:
    """A sentence one copy leaves out, which another sets with full-width figures
    (２１６２家 for 2162家): the omission's reading says that copy's own form (no copy is
    quoted in a form it does not write), and its figures' widths are places of their own,
    not one more place over the whole sentence."""
    from variantdiff.load import Source

    kept = "去年7月，全国碳市场正式上线交易，纳入重点排放单位2162家，年覆盖排放量约45亿吨。"
    text = "王毅：我们将坚定不移走生态优先、绿色发展之路，推动经济社会发展全面绿色转型。{}"
    wide = kept.replace("7", "７").replace("2162", "２１６２").replace("45", "４５")
    (group,) = cluster_sources([Source("a.txt", text.format(kept), "utf-8"),
                                Source("b.txt", text.format(wide), "utf-8"),
                                Source("c.txt", text.format(""), "utf-8")]).groups
    (dropped,) = [p for p in group.places if p.kind in ("omission", "deletion")]
    reading = next(r for r in dropped.readings if r.text)
    assert reading.docs == (0, 1) and reading.form_of(1) == wide and reading.form_of(0) == kept
    widths = [[r.text for r in p.readings] for p in group.places if p.kind == "width"]
    assert widths == [["7", "７"], ["2162", "２１６２"], ["45", "４５"]]


def test_of_two_copies_the_base_reading_comes_first_and_the_kind_reads_from_it() -> None:
    """Two copies, one reading each: the place lists the base's reading first, the one
    its kind is read from (``向 b | ∅ a  deletion``, not ``∅ a | 向 b  deletion``)."""
    from variantdiff.load import Source

    text = ("我们看到，过去几年朝方在缓解紧张局势、推进无核化方面采取了一些积极举措，"
            "希望有关各方{}相向而行，照顾彼此合理关切，推动半岛问题政治解决进程。")
    result = cluster_sources([Source("a.txt", text.format(""), "utf-8"),
                              Source("b.txt", text.format("继续朝着同一方向"), "utf-8")])
    (group,) = result.groups
    assert group.base.doc == 1
    (place,) = group.places
    assert place.kind == "deletion"
    assert [(r.text, r.docs) for r in place.readings] == [("继续朝着同一方向", (1,)), ("", (0,))]


def test_two_traditional_characters_simplification_merges_are_two_readings() -> None:
    """Two traditional copies read 鍾, one 鐘: one simplified form, but two characters, so
    the place has two readings (a substitution), not one reading and a script place."""
    from variantdiff.load import Source

    text = "岱宗夫如何？齊魯青未了。造化{}神秀，陰陽割昏曉。蕩胸生曾雲，決眥入歸鳥。"
    copies = [text.format("鍾"), text.format("鍾"), text.format("鐘")]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    assert [(p.kind, [(r.text, r.docs) for r in p.readings]) for p in group.places] == [
        ("substitution", [("鍾", (0, 1)), ("鐘", (2,))])]


def test_a_line_two_copies_set_apart_and_a_third_joins_to_the_next_is_one_group() -> None:
    """Two copies set a poem a line to a paragraph, a third two lines to a paragraph: the
    first two copies' third lines are alike (a group of their own), but they are pieces of
    the third copy's second paragraph, so they join its group and the copies' readings of
    that line (盪胷/蕩胸) are places; no copy is said to add the line."""
    from variantdiff.load import Source

    lines = ["岱宗夫如何，齊魯青未了。", "造化鍾神秀，陰陽割昏曉。", "盪胷生曾雲，決眥入歸鳥。",
             "會當凌絕頂，一覽衆山小。"]
    line_a = "\n".join(lines) + "\n"
    other = "".join(lines[:2]).replace("鍾", "鐘") + "\n" + "".join(lines[2:]).replace(
        "盪胷", "蕩胸") + "\n"
    result = cluster_sources([Source("a.txt", line_a, "utf-8"), Source("a2.txt", line_a, "utf-8"),
                              Source("b.txt", other, "utf-8")])
    assert len(result.groups) == 2 and not result.ungrouped
    places = [(p.kind, [(r.text, r.docs) for r in p.readings])
              for g in result.groups for p in g.places]
    assert ("substitution", [("盪胷", (0, 1)), ("蕩胸", (2,))]) in places
    assert not [p for p in places if p[0] in ("addition", "omission")]


def test_lines_two_copies_leave_in_one_place_group_by_compares_rule() -> None:
    """Two transcriptions of one poem, a line to a paragraph: the third line differs in
    three of ten characters (三朝識/三边静, 一劒/一剑), too much for the short-unit rule,
    but it stands between the same two groups in both, as ``compare`` pairs it: one group,
    not a line of each "in no group"."""
    from variantdiff.load import Source

    a = "\n".join(["流落征南將，曾驅十萬師。", "罷歸無舊業，老去戀明時。", "獨立三朝識，輕生一劒知。",
                   "茫茫漢江上，日暮復何之。"]) + "\n"
    b = "\n".join(["流落征南将，曾驱十万师。", "罢归无旧业，老去恋明时。", "独立三边静，轻生一剑知。",
                   "茫茫江汉上，日暮欲何之。"]) + "\n"
    result = cluster_sources([Source("a.txt", a, "utf-8"), Source("b.txt", b, "utf-8")])
    assert not result.ungrouped and len(result.groups) == 4
    third = [g for g in result.groups if g.base.start_line == 3]
    assert [r.text for p in third[0].places for r in p.readings
            if p.kind == "substitution"][:2] == ["三边静", "三朝識"]
    unrelated = b.replace("独立三边静，轻生一剑知。", "春风吹又生，野火烧不尽。")
    result = cluster_sources([Source("a.txt", a, "utf-8"), Source("b.txt", unrelated, "utf-8")])
    assert len(result.ungrouped) == 2  # (a line of another poem in that place stays apart)


def test_a_turn_a_copy_abridged_joins_the_group_of_the_whole_in_its_place() -> None:
    """Two copies carry a turn whole; the third leaves out the long paragraph of its
    answer and misreads two characters. What is left is too small beside the whole for
    MinHash to offer the pair, but it is held in the whole and stands between the same two
    groups: it joins the turn's group with its readings and the omission. A turn of other
    words in that place stays apart."""
    q1 = ("新华社记者：今年以来，各地推进少年儿童工作取得了哪些进展？\n外交部发言人：各地各部门"
          "着眼于为少年儿童茁壮成长提供全方位呵护，政策和制度保障不断完善，社会各方面共同营造良好环境。\n")
    q2 = "路透社记者：孩子们成长得更好，对此您怎么看？\n外交部发言人：孩子们成长得更好，是我们最大的心愿。\n"
    extra = ("在习近平总书记的关心推动下，各地各部门着眼于为少年儿童茁壮成长提供全方位呵护，政策和制度"
             "保障不断完善。推进大中小学思政课一体化建设，为孩子们扣好人生第一粒扣子，引导他们树立远大"
             "理想，厚植爱国情怀，把个人梦想融入民族复兴的伟大梦想之中。各地还建设了一批少年儿童活动阵地。\n")
    q3 = ("中新社记者：请介绍一下少年儿童校外活动场所建设的情况？\n外交部发言人：各地已建成少年儿童"
          "校外活动场所两千余个，覆盖城乡社区，为孩子们提供了丰富多彩的活动。\n")
    whole = "\n".join([q1, q2 + extra, q3])
    cut = q2.replace("成长得更好，对此", "成得更好，对此").replace("我们最大", "我回最大")
    result = cluster_sources([Source(name, whole, "utf-8") for name in ("a.txt", "b.txt")]
                             + [Source("c.txt", "\n".join([q1, cut, q3]), "utf-8")])
    assert not result.ungrouped and len(result.groups) == 3
    places = [(p.kind, [(r.text, r.docs) for r in p.readings]) for p in result.groups[1].places]
    assert places[:2] == [("deletion", [("长", (0, 1)), ("", (2,))]),
                          ("substitution", [("我们", (0, 1)), ("我回", (2,))])]
    assert places[2][0] == "omission" and places[2][1][1] == ("", (2,))
    other = "路透社记者：今天的天气怎么样？\n外交部发言人：请你去问气象部门。\n"
    result = cluster_sources([Source(name, whole, "utf-8") for name in ("a.txt", "b.txt")]
                             + [Source("c.txt", "\n".join([q1, other, q3]), "utf-8")])
    assert [(info.doc, info.start_line) for info, _ in result.ungrouped] == [(2, 4)]


def test_a_paragraph_a_copy_rewrote_in_part_joins_the_group_in_its_place() -> None:
    """One copy of three adds a sentence to a paragraph and changes three words in it (64 %
    alike): too few shingles left for MinHash, too long for the short-unit rule, but it
    stands where the other two copies' paragraph stands, between the same two groups:
    compare's rule for such units joins it to their group."""
    head = "徐淙祥：多种粮种好粮 带领农户科技种田\n\n"
    para = ("徐淙祥是安徽阜阳市太和县现代农业科技试验示范基地党支部书记。50多年来，他扎根农村一线，"
            "带动广大农户多种粮、种好粮。\n\n")
    rewritten = ("徐淙头是安徽阜阳市太和县现代农业加强试验示范基地党支部书记。记者在现场看到，工作人员"
                 "正在紧张有序地忙碌着。50多年来，他扎根农村一线，带动广大多种农户粮、种好粮。\n\n")
    rest = ("2010年，徐淙祥牵头成立太和县淙祥种植专业合作社，把分散的农户组织起来，统一供种、统一技术"
            "指导，带动周边农户发展粮食生产。\n\n今年夏收，徐淙祥种植的小麦在干旱气象条件下获得丰收。"
            "种植的400亩“烟农1212”，高产田块达到每亩820.5公斤。\n")
    result = cluster_sources([Source("a.txt", head + para + rest, "utf-8"),
                              Source("b.txt", head + para + rest, "utf-8"),
                              Source("c.txt", head + rewritten + rest, "utf-8")])
    assert not result.ungrouped and len(result.groups) == 4
    assert sorted(p.kind for p in result.groups[1].places) == [
        "addition", "substitution", "substitution", "transposition"]


def test_a_short_line_of_two_reprints_abridged_each_its_own_way_is_one_group() -> None:
    """Five reprints of a story: two leave out its third paragraph, two its second, the
    fifth carries both. The closing line (全国政协副主席朱永新主持会议。) is too short for
    MinHash, and three reprints change its name each their own way. The two abridged ways
    share only the first paragraph, but both are copies of the whole: the line is one
    group of five with the name's readings, not one group per way of abridging."""
    first = ("政协第十四届全国委员会常务委员会第十四次会议22日上午在北京闭幕。会议审议通过了"
             "关于提请召开政协第十四届全国委员会第四次会议的决定。\n\n")
    second = ("政协常委们在发言中表示，中共二十届三中全会是在以中国式现代化全面推进强国建设、"
              "民族复兴伟业的关键时期召开的一次十分重要的会议。\n\n")
    third = ("车俊常委建议，把发展新质生产力摆在更加突出的位置，加快构建现代化产业体系，"
             "推动科技创新和产业创新深度融合。\n\n")
    line = "全国政协副主席朱永新主持会议。\n"
    texts = [first + second + third + line, first + second + line.replace("朱永新", "进一步"),
             first + third + line.replace("朱永新", "稳定"), first + second + line,
             first + third + line.replace("朱永新", "加强")]
    result = cluster_sources([Source(f"copy{k}.txt", t, "utf-8") for k, t in enumerate(texts)])
    assert not result.ungrouped
    last = [g for g in result.groups if g.opening.startswith("全国政协副主席")]
    assert [len(g.docs) for g in last] == [5]
    assert [sorted(r.docs for r in p.readings) for p in last[0].places] == [
        [(0, 3), (1,), (2,), (4,)]]


def _file_text(path: str, where: Location) -> str:
    """The text of a file between two (line, column) positions, inclusive."""
    lines = Path(path).read_text("utf-8").split("\n")
    out = []
    for n in range(where.start_line, where.end_line + 1):
        line = lines[n - 1]
        out.append(line[where.start_column - 1 if n == where.start_line else 0:
                        where.end_column if n == where.end_line else len(line)])
    return "".join(out)


def test_every_place_is_located_in_every_member(seeds: Clustering) -> None:
    """Each place is located in each member's file too, and the text there is that
    document's reading (line breaks and spaces aside), or, in a passage some copies
    leave out, that reading but for the document's own readings of the places inside."""
    checked = 0
    for group in seeds.groups:
        for place in group.places:
            assert sorted(d for d, _ in place.locations) == sorted(
                d for r in place.readings for d in r.docs)
            for doc, where in place.locations:
                (reading,) = [r.text for r in place.readings if doc in r.docs]
                if reading:
                    found = "".join(_file_text(seeds.documents[doc][0], where).split())
                    if found != "".join(reading.split()):
                        assert place.kind in ("omission", "addition")
                        inner = [r.text for p in group.places if p is not place
                                 and (p.base.start_line, p.base.start_column) >= (
                                     place.base.start_line, place.base.start_column)
                                 and (p.base.end_line, p.base.end_column) <= (
                                     place.base.end_line, place.base.end_column)
                                 for r in p.readings if doc in r.docs]
                        assert inner and all("".join(t.split()) in found for t in inner)
                    checked += 1
    assert checked > 100


def test_the_summary_says_which_kinds_are_hidden(tmp_path: Path) -> None:
    for p in SEEDS[:2]:
        (tmp_path / Path(p).name).write_text(Path(p).read_text("utf-8"), "utf-8")
    shown = CliRunner().invoke(app, ["cluster", str(tmp_path), "--ignore", "script"]).stdout
    assert shown.rstrip().endswith("; hidden: script")
    data = json.loads(CliRunner().invoke(app, ["cluster", str(tmp_path), "--format", "json",
                                               "--ignore", "script"]).stdout)
    assert data["summary"]["hidden"] == ["script"]


def test_a_short_unit_with_its_date_in_words_joins_its_copies() -> None:
    """Copies of a short closing article, one with its date in words: one group, the date
    a numeral place."""
    from variantdiff.load import Source

    body = ["第一条　为了规范安置帮教工作，帮助刑满释放人员顺利融入社会，"
            "根据有关法律、法规，结合本市实际，制定本规定。",
            "第二条　本市行政区域内，对刑满释放、解除劳动教养人员开展的安置帮教工作，适用本规定。",
            "第三条　各级人民政府应当加强对安置帮教工作的领导，将安置帮教工作纳入社会治安综合治理。"]
    last = "第十六条　本规定自{}起施行。"
    copies = ["\n".join([*body, last.format("2013年4月1日")]),
              "\n\n".join([*body, last.format("2013年4月1日")]),
              "\n".join([*body, last.format("二〇一三年四月一日")])]
    result = cluster_sources([Source(f"{n}.txt", c, "utf-8") for n, c in enumerate(copies)])
    (closing,) = [g for g in result.groups if g.opening.startswith("第十六条")]
    assert closing.docs == (0, 1, 2)
    assert [p.kind for p in closing.places] == ["numeral"]


def test_a_word_added_where_two_places_meet_is_counted_once() -> None:
    """A copy's added character where one place ends and the next begins belongs to one
    of them, and each member's location of each place holds its reading (a traditional
    member too)."""
    from variantdiff.load import Source

    text = ("国务委员兼外交部长王毅就中国外交{}对外关系回答中外记者提问，"
            "他表示中方愿同各方一道努力推动构建人类命运共同体。")
    copies = [text.format("政策和"), text.format("政策等和"), text.format("方针和"),
              text.format("政策与")]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    assert sum("等" in r.text for p in group.places for r in p.readings) == 1
    turn = "王毅：今年中国外交将以习近平新时代中国特色社会主义思想为指导，全面贯{}党的十九大精神。"
    import opencc
    copies = [turn.format("彻"), turn.format(""), turn.format(""),
              opencc.OpenCC("s2t").convert(turn.format("彻"))]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    for place in group.places:
        for doc, where in place.locations:
            (reading,) = [r.text for r in place.readings if doc in r.docs]
            held = copies[doc][where.start_column - 1:where.end_column] if reading else ""
            assert held == reading or (place.kind == "script" and doc == 3) or (
                doc == 3 and opencc.OpenCC("t2s").convert(held) == reading)


def test_a_sentence_put_in_place_of_another_is_located_in_both() -> None:
    """One copy has a sentence where the other has a different one: a sentence left out
    and one added, each located over the copy's own sentence, and in the other copy where
    the sentence would stand (before the sentence it has in its stead, or after it)."""
    from variantdiff.load import Source

    head = ("1月15日下午，中共中央总书记、国家主席习近平同越共中央总书记苏林通电话，"
            "双方互致新春祝福，并对中越建交75周年表示热烈祝贺。")
    tail = ("75年来，中越关系经受住国际风云变幻考验，历久弥坚，两党两国在社会主义建设事业中"
            "相互支持、相互帮助，结下了同志加兄弟的深厚情谊。")
    a = head + "习近平指出，今年是中越建交75周年暨“中越人文交流年”。" + tail
    b = head + "上世纪60年代初，绍兴诸暨市枫桥镇干部群众创造了基层社会治理的经验。" + tail
    (group,) = cluster_sources([Source("a.txt", a, "utf-8"), Source("b.txt", b, "utf-8")]).groups
    for place in group.places:
        for doc, where in place.locations:
            (reading,) = [r.text for r in place.readings if doc in r.docs]
            if reading:
                assert (a, b)[doc][where.start_column - 1:where.end_column] == reading
            else:
                assert where.start_column == where.end_column
                assert where.start_column - 1 in (len(head), len((a, b)[doc]) - len(tail))
    assert sorted(place.kind for place in group.places) == ["addition", "omission"]


def test_a_word_one_copy_adds_is_an_insertion_whichever_copy_is_the_base() -> None:
    """The copy that adds a character is the longest, and so the base: the place still
    reads as that copy's insertion, as most copies read it."""
    from variantdiff.load import Source

    text = "习近平强调，中美两国应该相互尊重、和平共处、合作共赢，推动两国关系稳下来、好{}起来。{}"
    added = "布林肯首先转达拜登总统对习近平主席的诚挚问候。"
    copies = [text.format("", ""), text.format("", ""), text.format("了", added),
              text.format("", "")]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    assert group.base.doc == 2
    places = [(p.kind, {r.text: r.docs for r in p.readings}) for p in group.places]
    assert places == [("insertion", {"": (0, 1, 3), "了": (2,)}),
                      ("addition", {"": (0, 1, 3), added: (2,)})]


def _located_readings(copies: list[str], config: Config | None = None) -> list[tuple[str, str]]:
    """(reading, text at its location) of every place and member of a one-group cluster
    of one-line copies."""
    from variantdiff.load import Source

    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8") for n, c in enumerate(copies)],
                               config).groups
    return [(next(r.text for r in p.readings if d in r.docs),
             copies[d][w.start_column - 1:w.end_column])
            for p in group.places for d, w in p.locations]


def test_places_are_located_in_a_copy_that_moved_a_sentence_or_hides_its_script() -> None:
    """A member that sets a sentence elsewhere, and a traditional member whose script
    readings are hidden, are located at their own readings."""
    from variantdiff.script import to_simplified

    s = "历史终将证明这一点。"
    p = ("新冠肺炎疫情是中美两国的共同敌人。相互支持帮助是两国人民的共同心愿。疫情之初，"
         "美国很多社团、企业和民众向中国伸出援手。")
    copies = [s + p, s + p, p.replace("肺炎", "").replace("敌人", "对手"),
              p.replace("伸出援手。", "伸出援手。" + s).replace("敌人", "对手")]
    for reading, held in _located_readings(copies):
        assert not reading or reading == held
    base = "中华人民共和国外交部今天举行例行记者会。他表示，中方愿同各方加强合作，共同维护地区和平稳定。"
    import opencc
    copies = [base, opencc.OpenCC("s2t").convert(base), base.replace("地区", "世界"), base]
    hidden = Config(hidden_kinds=frozenset({"whitespace", "script"}))
    for reading, held in _located_readings(copies, hidden):
        assert not reading or to_simplified(held) == reading


@pytest.mark.parametrize("hidden", [frozenset({"whitespace"}), frozenset({"whitespace", "script"})])
def test_a_reading_quotes_each_copy_in_the_script_it_writes(hidden: frozenset[str]) -> None:
    """Copies in two scripts share a reading that a third leaves out (层/層 against
    nothing): one reading of the place, and each document that has it is quoted in its
    own form (its ``form_of``, which the location holds), script places shown or hidden."""
    import opencc

    from variantdiff.load import Source

    base = "习近平强调，中方愿同斯洛伐克加强高层交往，深化各领域务实合作，推动两国关系稳定发展。"
    trad = opencc.OpenCC("s2t").convert(base)
    copies = [base, trad, trad.replace("高層", "高")]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8") for n, c in enumerate(copies)],
                               Config(hidden_kinds=hidden)).groups
    (place,) = [p for p in group.places if p.kind == "deletion"]
    (held,) = [r for r in place.readings if r.text]
    assert set(held.docs) == {0, 1}
    assert {held.form_of(d) for d in held.docs} == {"层", "層"}
    for d, where in place.locations:
        if d in held.docs:
            assert copies[d][where.start_column - 1:where.end_column] == held.form_of(d)


def test_a_reading_inside_a_stretch_one_copy_lacks_is_a_place_of_its_own() -> None:
    """One copy lacks a verse and a half (its gap opens after a comma, so that pairwise it
    is a deletion); the two others differ inside it (秋天 / 秋帆): the stretch is one
    place, left out by the one copy, and 秋天 / 秋帆 another, not one long reading."""
    from variantdiff.load import Source

    poem = ("嗟君此別意何如，駐馬銜桮問謫居。\n巫峽啼猿數行淚，衡陽歸雁幾封書。\n"
            "青楓江上秋天遠，白帝城邊古木疎。\n聖代即今多雨露，暫時分手莫躊躇。\n")
    short = "嗟君此別意何如，駐馬銜桮問謫居。巫峽啼猿數行淚，\n聖代即今多雨露，暫時分手莫躊躇。\n"
    copies = [poem, poem.replace("秋天", "秋帆"), short]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8") for n, c in enumerate(copies)],
                               whole=True).groups
    kinds = {p.kind: sorted((r.text, r.docs) for r in p.readings) for p in group.places}
    assert kinds["substitution"] == [("秋天", (0,)), ("秋帆", (1,))]
    assert [docs for text, docs in kinds["omission"] if not text] == [(2,)]


def test_two_traditional_copies_that_differ_in_a_form_have_a_place() -> None:
    """白云 / 白雲 between two traditional copies is a place of the group (never "no
    differences")."""
    from variantdiff.load import Source

    a = "獨坐幽篁裏，彈琴復長嘯。深林人不知，山中白云起，何處是歸程。"
    (group,) = cluster_sources([Source("a.txt", a, "utf-8"),
                                Source("b.txt", a.replace("白云", "白雲"), "utf-8")]).groups
    assert [sorted(r.text for r in p.readings) for p in group.places] == [["白云", "白雲"]]


def test_a_hong_kong_form_is_a_script_place() -> None:
    base = "世界衛生組織今天發佈報告指出，各國應當加強公共衛生體系建設，提升應對突發疫情的能力。"
    from variantdiff.load import Source

    copies = [base, base, base.replace("衛生", "衞生"), base.replace("今天", "今日")]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    assert {p.kind for p in group.places if any("衞" in r.text for r in p.readings)} == {"script"}


def test_the_headline_of_two_one_turn_copies_is_grouped() -> None:
    """Two copies that each hold a headline and one Q&A are copies: their headlines are
    one group too, a changed word a place."""
    from variantdiff.load import Source

    qa = ("\n\n记者：现代农业产业体系和经营体系建设进展如何？\n\n王毅：这十年，现代农业经营体系"
          "加快构建，各类新型农业经营主体蓬勃发展，社会化服务带动小农户超过七千万户。\n")
    result = cluster_sources([Source("a.txt", "农业现代化迈上新台阶" + qa, "utf-8"),
                              Source("b.txt", "农业现代化迈上新高度" + qa, "utf-8")])
    (heading,) = [g for g in result.groups if g.base.kind == "heading"]
    assert heading.docs == (0, 1)
    assert [{r.text for r in p.readings} for p in heading.places] == [{"台阶", "高度"}]


def _held(text: str, where: Location) -> str:
    """The characters of ``text`` (a file's) that ``where`` spans."""
    lines = text.split("\n")
    if (where.start_line, where.start_column) > (where.end_line, where.end_column):
        return ""
    if where.start_line == where.end_line:
        return lines[where.start_line - 1][where.start_column - 1:where.end_column]
    return "".join([lines[where.start_line - 1][where.start_column - 1:],
                    *lines[where.start_line:where.end_line - 1],
                    lines[where.end_line - 1][:where.end_column]])


@pytest.mark.parametrize("copies", [
    # a copy that leaves out a paragraph the base has: the places after it
    ("澎湃新闻记者：近期，连队赓续红色血脉引发各方关注。请问您对此有何评价？\n\n"
     "林剑：这是一支从抗战烽火中走来的英雄连队，在强军征程中不断书写新的荣光。\n\n"
     "英雄的精神召唤英雄的传人。刘老庄连的官兵们踏着前辈的足迹，完成了一场跨越时空的精神接力。\n",
     "澎湃新闻记者：近期，连队赓续红色血脉引发各方关注。请问您对此有何评价？\n\n"
     "英雄的精神召唤英雄的传人。刘老庄连的官兵们踏着前辈的足迹，完成了一场跨越时空的精神接力。\n",
     "澎湃新闻记者：近期，连队赓续红色血脉引发各方关注。请问您对此有何评价？\n\n"
     "英雄的精神号召英雄的传人。刘老庄连的官兵们踏着前辈的足迹，完成了一场跨越时空的精神接力。\n"),
    # a copy that wraps a Latin word (a space in its text): the places after it
    ("记者：目前eSIM业务已有三家运营商提供，覆盖全国主要城市，用户可在手机上开通这项服务吗？\n",
     "记者：目前eSIM业务已有三家运营商提供，覆盖全国主要城市，用户可在手机上开启这项服务吗？\n",
     "记者：目前eS\nIM业务已有三家运营\n商提供，覆盖全国主\n要城市，用户可在手\n机上开通这项服务吗？\n"),
], ids=["paragraph left out", "Latin word wrapped"])
def test_places_after_a_paragraph_break_or_a_space_one_copy_lacks_are_located(
        copies: tuple[str, ...]) -> None:
    """Text after a paragraph break or a space that one copy has and another not is the
    same text, yet the member's place used to be counted one character off."""
    from variantdiff.load import Source

    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    assert group.places
    for place in group.places:
        for doc, where in place.locations:
            (reading,) = [r.text for r in place.readings if doc in r.docs]
            if reading:
                assert _held(copies[doc], where) == reading.replace("\n", "")


_TURN = ["澎湃新闻记者：今年以来各地推进乡村振兴取得了哪些新进展？请问您对此有何评价？",
         "毛宁：今年以来，各地区各部门认真贯彻落实党中央决策部署，扎实推进乡村全面振兴，农业生产稳中向好。",
         "在浙江安吉，村民依托竹林资源发展林下经济，竹笋、竹编等特色产品远销海内外，全村人均收入翻了一番。",
         "在四川眉山，当地建设高标准农田十二万亩，推广水稻机械化插秧，粮食单产连续三年提高。",
         "下一步，我们将继续巩固拓展脱贫攻坚成果，推动乡村产业、人才、文化、生态、组织全面振兴。"]


def _places_of(copies: Sequence[str]) -> list[tuple[str, list[tuple[str, list[int]]]]]:
    from variantdiff.load import Source

    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    return [(p.kind, [(r.text[:4], list(r.docs)) for r in p.readings]) for p in group.places]


def test_a_word_changed_inside_a_paragraph_another_copy_leaves_out_is_a_place() -> None:
    """Copy 1 leaves out the third paragraph, copy 2 swaps two words in it: the paragraph
    left out and the swap are two places (the swap was one whole-paragraph reading)."""
    swapped = [*_TURN[:2], _TURN[2].replace("竹笋、竹编", "竹编、竹笋"), *_TURN[3:]]
    copies = ["\n\n".join(_TURN), "\n\n".join(_TURN[:2] + _TURN[3:]), "\n\n".join(swapped)]
    assert _places_of(copies) == [("omission", [("在浙江安", [0, 2]), ("", [1])]),
                                  ("transposition", [("竹笋、竹", [0]), ("竹编、竹", [2])])]


def test_paragraphs_different_copies_leave_out_side_by_side_are_places_apart() -> None:
    """Each copy leaves out another of three paragraphs in a row: three places, each
    naming the one copy that lacks its paragraph (a copy that has a paragraph the base
    lacks, in the stead of one it leaves out, used to be read as having both)."""
    turn = ["澎湃新闻记者：近期，连队赓续红色血脉引发各方关注。请问您对此有何评价？",
            "林剑：这是一支从抗战烽火中走来的英雄连队，在强军征程中不断书写新的荣光。",
            "进入新时代，连队坚持用强军思想育人，传承生命不息、战斗不止的连魂。",
            "近年来，连队多次承担新课题攻关、新战法试训任务，人人掌握多专业技能。",
            "英雄的精神召唤英雄的传人。刘老庄连的官兵们踏着前辈的足迹，完成了一场跨越时空的精神接力。"]
    copies = ["\n\n".join(turn[:1] + [turn[k] for k in (1, 2, 3, 4) if k != lack])
              for lack in (1, 2, 3)]
    assert _places_of(copies) == [("omission", [("林剑：这", [1, 2]), ("", [0])]),
                                  ("omission", [("进入新时", [0, 2]), ("", [1])]),
                                  ("omission", [("近年来，", [0, 1]), ("", [2])])]


def test_a_short_item_two_copies_read_one_way_and_two_another_is_one_group() -> None:
    """Four copies of an article; two swap two words of a short list item, which leaves
    too few shingles to link the two pairs of copies: one group with the swap, since
    every copy of one pair is a copy of every copy of the other."""
    from variantdiff.load import Source

    article = ["第二十条 志愿服务组织应当履行下列职责：",
               "（一）建立健全志愿者招募、培训、管理和激励制度；",
               "（二）为志愿者参加志愿服务活动提供必要的条件和保障；",
               "（三）开展志愿服务的宣传、交流与合作；",
               "（四）履行法律、法规和志愿服务组织章程规定的其他职责。"]
    swapped = "\n".join(article).replace("宣传、交流", "交流、宣传")
    copies = ["\n".join(article), "\n".join(article), swapped, swapped]
    result = cluster_sources([Source(f"{n}.txt", c, "utf-8") for n, c in enumerate(copies)])
    assert all(len(g.docs) == 4 for g in result.groups)
    assert [(p.kind, [list(r.docs) for r in p.readings]) for g in result.groups
            for p in g.places] == [("transposition", [[0, 1], [2, 3]])]


def test_places_after_a_hidden_reading_are_located() -> None:
    """With punctuation ignored, a copy that dropped a comma earlier still has its later
    place located over its own reading (it was one character off)."""
    from variantdiff.load import Source

    text = ("习近平强调{}中美两国应该相互尊重、和平共处、合作共赢，推动两国关系稳下来、好起来。"
            "布林肯首先转达拜登总统对习近平主席的{}问候。\n")
    copies = [text.format("，", "诚挚"), text.format("，", "诚挚"), text.format("", "诚挚"),
              text.format("，", "真诚")]
    config = Config(hidden_kinds=frozenset({"punctuation", "whitespace"}))
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)], config).groups
    for place in group.places:
        for doc, where in place.locations:
            (reading,) = [r.text for r in place.readings if doc in r.docs]
            assert _held(copies[doc], where) == reading


def test_a_copy_that_breaks_a_paragraph_in_two_is_collated_as_one_copy(tmp_path: Path) -> None:
    """A copy sets a paragraph as two and changes a word in the second: its two pieces
    are one copy of the group, read together, so the change is the one place (not each
    piece left out of the other), located in the second piece; and a copy that only
    breaks the paragraph differs in nothing."""
    head = ("党的十八大以来，各地持续推进生态环境保护工作，取得了明显成效。今年前三季度，"
            "全国地级及以上城市空气质量优良天数比例达到百分之八十六。")
    tail = "专家表示，这一成绩来之不易，需要继续巩固。"
    other = "与此同时，各地还加大了对重点流域的治理力度，长江、黄河等大江大河干流水质稳定保持在二类。"
    texts = [f"{head}{tail}\n\n{other}\n", f"{head}{tail}\n\n{other}\n",
             f"{head}\n\n{tail.replace('巩固', '加强')}\n\n{other}\n", f"{head}\n\n{tail}\n\n{other}\n"]
    paths = []
    for n, text in enumerate(texts):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(text, "utf-8")
    result = cluster_sources(sources_from_paths([str(p) for p in paths], None)[0])
    group = next(g for g in result.groups if len(g.members) == 6)
    assert [(p.kind, [(r.text, r.docs) for r in p.readings]) for p in group.places] == [
        ("substitution", [("巩固", (0, 1, 3)), ("加强", (2,))])]
    ((_, where),) = [(d, w) for d, w in group.places[0].locations if d == 2]
    assert (where.start_line, _file_text(str(paths[2]), where)) == (3, "加强")


def test_a_traditional_copy_does_not_draw_the_others_changes_into_its_forms() -> None:
    """A copy set in traditional characters differs in a run of forms around the places
    where two other copies change the text: each change is a place of its own, of its
    own kind (one word added, two words swapped), located at its own characters in the
    traditional copy, and the forms are script places."""
    import opencc

    from variantdiff.load import Source

    base = ("第22期《求是》杂志发表中共中央总书记、国家主席、中央军委主席习近平的重要文章，"
            "汪天杰到医院开药时发现药价降了。")
    copies = [base, base, base.replace("国家主席", "主席国家"),
              base.replace("到医院", "到也医院"), opencc.OpenCC("s2t").convert(base)]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    changes = [(p.kind, [(r.text, r.docs) for r in p.readings]) for p in group.places
               if p.kind != "script"]
    assert changes == [("transposition", [("国家主席", (0, 1, 3, 4)), ("主席国家", (2,))]),
                       ("insertion", [("", (0, 1, 2, 4)), ("也", (3,))])]
    # (the forms of a place where a copy changed the words are read without that copy)
    assert all(p.kind == "script" and p.readings[-1].docs == (4,)
               and {0, 1} <= set(p.readings[0].docs)
               for p in group.places if p.kind not in ("transposition", "insertion"))
    simplified = opencc.OpenCC("t2s").convert
    for reading, held in _located_readings(copies):
        assert not reading or simplified(held) == simplified(reading)


def test_a_passage_one_copy_pastes_again_and_again_is_no_addition() -> None:
    """A copy pastes one paragraph into its answers three times (boilerplate); the other
    copies never: it is reported as boilerplate, not as an addition in each group."""
    from variantdiff.load import Source

    turns = ["路透社记者：请问中方如何看待当前的国际形势？\n"
             "发言人：当前国际形势复杂严峻，各国应当携手合作，共同应对全球性挑战。",
             "法新社记者：中方对下一阶段的经济工作有何安排？\n"
             "发言人：我们将继续推动高质量发展，扩大高水平对外开放，稳住经济大盘。"]
    pasted = "我们将一如既往坚持党对外交工作的领导，全面贯彻新时代外交思想，不断开创大国外交新局面。"
    plain = "\n\n".join(turns) + "\n"
    padded = (f"{turns[0]}\n{pasted}\n\n{turns[1]}\n{pasted}\n{pasted}\n")
    result = cluster_sources([Source("a.txt", plain, "utf-8"), Source("b.txt", plain, "utf-8"),
                              Source("c.txt", padded, "utf-8")])
    assert [len(g.members) for g in result.groups] == [3, 3]
    assert [p.kind for g in result.groups for p in g.places] == []
    assert [(b.text, len(b.occurrences)) for b in result.boilerplate] == [(pasted, 3)]


def test_a_paragraph_one_copy_prints_twice_groups_with_its_copies() -> None:
    """One of three copies prints a paragraph twice: its first print is grouped with the
    others' one (a word it changes collated), not left out as its own repeat."""
    from variantdiff.load import Source

    text = ("新时代，我国残疾人群众性体育活动蓬勃开展。通过实施残疾人康复健身体育行动，开展健身周、"
            "特奥日、冰雪季、残疾人健身运动项目全国推广等活动，不断增加面向基层、面向机构、面向家庭、"
            "面向个人的体育服务供给，帮助残疾人参加体育运动、康复健身，重拾了信心和勇气。我国残疾人"
            "社区文体活动参与率由2014年底的6.8%持续提升至2022年的26.3%。")
    changed = text.replace("蓬勃开展", "广泛开展")
    result = cluster_sources([Source("a.txt", text + "\n", "utf-8"),
                              Source("b.txt", f"{changed}\n\n{changed}\n", "utf-8"),
                              Source("c.txt", text + "\n", "utf-8")])
    assert [sorted((m.doc, m.unit) for m in g.members) for g in result.groups] == \
        [[(0, 0), (1, 0), (2, 0)]]
    assert [(p.kind, sorted(r.text for r in p.readings)) for g in result.groups
            for p in g.places] == [("substitution", ["广泛开展", "蓬勃开展"])]


def test_a_swap_in_one_copy_and_a_dropped_label_in_another_are_two_places() -> None:
    """B swaps two words of the question, C drops the answer's label a few characters on:
    two places (a transposition, an omission), not one transposition over both."""
    from variantdiff.load import Source

    a = ("《人民日报》记者：帕查有格现在是悬崖村所在古里镇的党委书记。中方对此有何评论？\n\n"
         "华春莹：2016年，我们第一次来悬崖村时，帕查有格是驻村第一书记。这些年，悬崖村的路通了。\n")
    b = a.replace("中方对此", "对此中方")
    c = a.replace("华春莹：", "")
    result = cluster_sources([Source("a.txt", a, "utf-8"), Source("b.txt", b, "utf-8"),
                              Source("c.txt", c, "utf-8")])
    (group,) = result.groups
    assert [(p.kind, sorted(r.text for r in p.readings)) for p in group.places] == [
        ("transposition", ["中方对此有何", "对此中方有何"]), ("omission", ["", "华春莹："])]


def test_a_paragraph_break_beside_another_copys_changed_mark_is_a_place_of_its_own() -> None:
    """With whitespace shown, one copy breaking the answer after a sentence and another
    changing that sentence's full stop are two places: the break (whitespace) and the
    mark (punctuation), not one substitution of both."""
    from variantdiff import Config
    from variantdiff.load import Source

    ask = "新华社记者：中方如何看待当前的国际合作？\n\n"
    one, two = "王毅：各国应当携手应对共同的挑战。", "我们愿意同各方一道努力，推动合作不断向前发展。"
    docs = [f"{ask}{one}{two}\n", f"{ask}{one}\n\n{two}\n", f"{ask}{one}{two}\n",
            f"{ask}{one.replace('。', '！')}{two}\n"]
    result = cluster_sources([Source(f"{n}.txt", t, "utf-8") for n, t in enumerate(docs)],
                             Config(hidden_kinds=frozenset()))
    assert [(p.kind, sorted(r.text for r in p.readings)) for g in result.groups
            for p in g.places] == [("punctuation", ["。", "！"]), ("whitespace", ["", "\n"])]


def test_a_headline_one_copy_sets_as_a_paragraph_joins_the_headings() -> None:
    """Two copies set the headline as a markdown heading, the third as a paragraph of its
    own: one group of the three (with a reading where a word differs); a paragraph of a
    document that is no copy stays in no group."""
    from variantdiff.load import Source

    title = ("坚定不移跟党走 创造更加美好生活——习近平总书记给西藏林芝市巴宜区林芝镇嘎拉村全体村民的"
             "回信引发热烈反响")
    body = ("近日，习近平总书记给西藏林芝市巴宜区林芝镇嘎拉村全体村民回信，希望大家切实维护好民族团结，"
            "守护好神圣国土。\n\n大家表示，将牢记总书记的嘱托，心手相牵、守望相助，为建设繁荣稳固的"
            "祖国边疆贡献力量。\n")
    other = "另据报道，全国秋粮收获已过七成，各地抢抓天气有利时机，加快机收进度，确保颗粒归仓。\n"
    result = cluster_sources([
        Source("a.txt", f"# {title}\n\n{body}", "utf-8"), Source("b.txt", f"# {title}\n\n{body}", "utf-8"),
        Source("c.txt", f"{title.replace('热烈', '强烈')}\n\n{body}", "utf-8"),
        Source("d.txt", other, "utf-8")])
    (heads,) = [g for g in result.groups if any(m.kind == "heading" for m in g.members)]
    assert sorted((m.doc, m.kind) for m in heads.members) == [
        (0, "heading"), (1, "heading"), (2, "text")]
    assert [[(r.text, r.docs) for r in p.readings] for p in heads.places] == [
        [("热烈", (0, 1)), ("强烈", (2,))]]
    assert [(u.doc, u.kind) for u, _ in result.ungrouped] == [(3, "text")]


def test_a_piece_that_adds_a_sentence_joins_the_paragraph_it_was_cut_from() -> None:
    """A copy breaks a paragraph in two and adds a sentence to the second part, which
    then is too little like the paragraph to be a piece of it on its own: it joins the
    group beside its first part, and the sentence is an addition of that copy (not the
    other copies' sentence left out and the part in no group). A paragraph beside it that
    the others do not hold stays out."""
    from variantdiff.load import Source

    head = ("党的十八大以来，各地持续推进生态环境保护工作，取得了明显成效。今年前三季度，"
            "全国地级及以上城市空气质量优良天数比例达到百分之八十六。")
    tail = "专家表示，这一成绩来之不易，需要继续巩固。"
    added = "生态环境部有关负责人在发布会上介绍了相关情况。"
    alone = "另据报道，全国秋粮收获已过七成，各地抢抓天气有利时机，加快机收进度，确保颗粒归仓。"
    other = "与此同时，各地还加大了对重点流域的治理力度，长江、黄河等大江大河干流水质稳定保持在二类。"
    plain = f"{head}{tail}\n\n{other}\n"
    result = cluster_sources([Source("a.txt", plain, "utf-8"), Source("b.txt", plain, "utf-8"),
                              Source("c.txt", f"{head}\n\n{added}{tail}\n\n{alone}\n\n{other}\n",
                                     "utf-8")])
    first = result.groups[0]
    assert sorted((m.doc, m.unit) for m in first.members) == [(0, 0), (1, 0), (2, 0), (2, 1)]
    assert [(p.kind, [(r.text, r.docs) for r in p.readings]) for p in first.places] == [
        ("addition", [("", (0, 1)), (added, (2,))])]
    assert [(u.doc, u.unit) for u, _ in result.ungrouped] == [(2, 2)]


def test_a_sentence_a_copy_cuts_off_goes_with_its_copies_not_a_story_quoting_it() -> None:
    """A copy sets the last sentence of a paragraph apart; another story quotes that
    sentence in a shorter paragraph. The sentence is a piece of its own paragraph (the
    copy shares other groups with those documents), not grouped with the quote."""
    from variantdiff.load import Source

    head = ("党的十八大以来，各地持续推进生态环境保护工作，取得了明显成效。今年前三季度，"
            "全国地级及以上城市空气质量优良天数比例达到百分之八十六。")
    cut = "在福建福州，一场城区水系联排联调的测试正在进行。"
    other = "与此同时，各地还加大了对重点流域的治理力度，长江、黄河等大江大河干流水质稳定保持在二类。"
    whole = f"{head}{cut}\n\n{other}\n"
    quote = f"各地不断推出新项目、新产品、新业态，开拓文旅发展新路径。{cut}\n"
    result = cluster_sources([Source("a.txt", whole, "utf-8"), Source("b.txt", whole, "utf-8"),
                              Source("c.txt", f"{head}\n\n{cut}\n\n{other}\n", "utf-8"),
                              Source("d.txt", quote, "utf-8")])
    assert sorted(sorted((m.doc, m.unit) for m in g.members) for g in result.groups) == [
        [(0, 0), (1, 0), (2, 0), (2, 1)], [(0, 1), (1, 1), (2, 2)]]
    assert [p.kind for g in result.groups for p in g.places] == []


def test_a_sentence_set_between_two_pieces_goes_with_them_not_a_story_ending_with_it() -> None:
    """Two papers set a story as three paragraphs, the middle one a single stock sentence
    (too short to be a piece of the web copy's one paragraph by the rule for pieces);
    another story ends with that sentence. The sentence goes with the pieces around it
    into the web copy's group (no false addition there), and the other story is in no
    group."""
    from variantdiff.load import Source

    first = ("中共中央总书记、国家主席、中央军委主席习近平30日上午在北京人民大会堂会见C919大型客机"
             "项目团队代表并参观项目成果展览，充分肯定C919大型客机研制任务取得的阶段性成就。")
    middle = "中共中央政治局常委、国务院副总理韩正出席活动。"
    last = ("上午10时30分许，习近平等来到人民大会堂东大厅，全场响起热烈掌声。习近平同大家亲切交流"
            "并合影留念，对大家表示，大飞机项目取得了可喜成就。")
    paper = f"{first}\n\n{middle}\n\n{last}\n"
    other = f"国务院副总理韩正29日在京调研冬奥会筹办工作，强调要确保北京冬奥会简约、安全、精彩。{middle}\n"
    result = cluster_sources([Source("other.txt", other, "utf-8"),
                              Source("paper1.txt", paper, "utf-8"),
                              Source("paper2.txt", paper, "utf-8"),
                              Source("web.txt", first + middle + last + "\n", "utf-8")])
    assert [sorted((m.doc, m.unit) for m in g.members) for g in result.groups] == [
        [(1, 0), (1, 1), (1, 2), (2, 0), (2, 1), (2, 2), (3, 0)]]
    assert [p.kind for g in result.groups for p in g.places] == []
    assert [(u.doc, u.unit) for u, _ in result.ungrouped] == [(0, 0)]


def test_a_paragraph_a_copy_prints_again_is_no_second_piece_of_a_longer_one() -> None:
    """A one-sentence paragraph that a longer paragraph of another story holds: the copy
    that prints it three times has its first print in the group (as the other copy
    does), not two prints as two pieces; the prints after it are boilerplate of that
    copy."""
    from variantdiff.load import Source

    first = ("中共中央总书记、国家主席、中央军委主席习近平30日上午在北京人民大会堂会见C919大型客机"
             "项目团队代表并参观项目成果展览，充分肯定C919大型客机研制任务取得的阶段性成就。")
    line = "中共中央政治局常委、国务院副总理韩正出席活动。"
    last = ("上午10时30分许，习近平等来到人民大会堂东大厅，全场响起热烈掌声。习近平同大家亲切交流"
            "并合影留念，对大家表示，大飞机项目取得了可喜成就。")
    other = f"国务院副总理韩正29日在京调研冬奥会筹办工作，强调要确保北京冬奥会简约、安全、精彩。{line}\n"
    result = cluster_sources([Source("other.txt", other, "utf-8"),
                              Source("paper1.txt", f"{first}\n\n{line}\n\n{last}\n", "utf-8"),
                              Source("paper2.txt", f"{first}\n\n{line}\n\n{last}\n\n{line}\n\n{line}\n",
                                     "utf-8")])
    (with_line,) = [g for g in result.groups if 0 in g.docs]
    assert sorted((m.doc, m.unit) for m in with_line.members) == [(0, 0), (1, 1), (2, 1)]
    assert [(u.doc, u.unit) for u, _ in result.ungrouped] == [(2, 3), (2, 4)]
    assert [[(o.doc, o.start_line) for o in b.occurrences] for b in result.boilerplate] == [
        [(2, 3), (2, 7), (2, 9)]]


def test_a_heading_run_into_the_base_with_the_word_after_it_is_no_reading() -> None:
    """The base runs its headline into its paragraph, and the alignment reads the headline
    with the paragraph's first word (座谈会中共 / 中共): the member's heading stands before
    it, so only the other change is a reading."""
    from variantdiff.classify import read_pair
    from variantdiff.cluster import _without_run_in_heading

    title = "李强主持召开各民主党派中央、全国工商联负责人和无党派人士代表座谈会"
    para = ("中共中央政治局常委、国务院总理李强1月26日下午主持召开各民主党派中央、"
            "全国工商联负责人和无党派人士代表座谈会，听取对《政府工作报告》征求意见稿的意见建议。")
    base = title + para.replace("下午主持", "主持下午")
    readings = read_pair(base, para)
    assert [(r.kind, r.b_text) for r in _without_run_in_heading(readings, base, title, "")] == [
        ("transposition", "下午主持")]


def test_a_paragraph_beside_a_member_that_matches_here_and_there_stays_out() -> None:
    """The longest copy goes on with a long passage of its own; a short paragraph another
    copy has after the shared one holds some of that passage's characters, scattered:
    it is no piece of the member and stays in no group."""
    from variantdiff.load import Source

    shared = ("疫情对“一带一路”合作确实造成了一些影响，但都是暂时的，也是局部的。从整体和长远看，"
              "经过疫情的考验，共建“一带一路”的基础将更加牢固，动力将更加充沛，前景将更加广阔。")
    own = ("塔斯社记者：中俄是全面战略协作伙伴，两国在抗击疫情方面开展了密切合作。王毅：中俄"
           "坚持合作共赢，推动两国共同发展，同各国一道维护世界和平，促进共同繁荣与进步。") * 3
    beside = "我们要坚持合作共赢，推动中国和世界共同发展。"
    result = cluster_sources([Source("a.txt", f"{shared}\n\n{beside}\n", "utf-8"),
                              Source("b.txt", shared + own + "\n", "utf-8"),
                              Source("c.txt", shared + "\n", "utf-8")])
    assert [[(m.doc, m.unit) for m in g.members] for g in result.groups] == [
        [(0, 0), (1, 0), (2, 0)]]
    assert [(u.doc, u.unit) for u, _ in result.ungrouped] == [(0, 1)]


def test_a_traditional_copys_forms_are_one_place_each_where_another_copy_changes_words() -> None:
    """A traditional copy writes 推動建設 where another copy writes 努力构建: each change is
    one place, and the forms are script places, each listed once."""
    import opencc

    from variantdiff.load import Source

    text = ("十三届全国人大三次会议24日在人民大会堂举行记者会。王毅表示，中国愿同各国一道，"
            "共同应对疫情挑战，推动构建人类命运共同体，为世界和平与发展作出新的更大贡献。")
    copies = [opencc.OpenCC("s2t").convert(text.replace("构建", "建设")), text,
              text.replace("推动", "努力"), text]
    (group,) = cluster_sources([Source(f"{n}.txt", c, "utf-8")
                                for n, c in enumerate(copies)]).groups
    places = [(p.kind, p.base.start_column, tuple((r.text, r.docs) for r in p.readings))
              for p in group.places]
    assert len(places) == len(set(places))
    assert [(kind, readings) for kind, _, readings in places if kind != "script"] == [
        ("substitution", (("推动", (0, 1, 3)), ("努力", (2,)))),
        ("substitution", (("构建", (1, 2, 3)), ("建設", (0,))))]


def test_the_terminal_counts_a_traditional_copys_script_places_past_the_first_few() -> None:
    """A copy set in traditional characters has a script place every few words: the
    terminal shows the first few of a group and counts the others; JSON keeps them all."""
    import io

    import opencc
    from rich.console import Console

    from variantdiff.load import Source
    from variantdiff.report_terminal import render_clustering

    text = ("十三届全国人大三次会议24日在人民大会堂举行记者会，国务委员兼外交部长王毅就中国外交政策"
            "和对外关系回答中外记者提问。王毅表示，中国愿同各国一道，共同应对疫情挑战。")
    copies = [text, text.replace("共同应对", "携手应对"), opencc.OpenCC("s2t").convert(text)]
    result = cluster_sources([Source(f"{n}.txt", c, "utf-8") for n, c in enumerate(copies)])
    out = io.StringIO()
    render_clustering(result, Console(file=out, width=200, color_system=None))
    shown = out.getvalue()
    scripts = sum(p.kind == "script" for g in result.groups for p in g.places)
    assert scripts > 5
    assert shown.count("  script\n") == 5 and f"… and {scripts - 5} more script places" in shown
    assert "携手" in shown


def test_the_terminal_table_of_ten_documents_fits_eighty_columns() -> None:
    """Ten documents whose names do not fit side by side in 80 columns: the table numbers
    its columns and names the numbers under it; no header is cut, no line is wider than
    the terminal, and each label keeps its opening words."""
    import io

    from rich.console import Console

    from variantdiff.load import Source
    from variantdiff.report_terminal import render_clustering

    text = ("十三届全国人大三次会议24日在人民大会堂举行记者会，国务委员兼外交部长王毅就中国外交政策"
            "和对外关系回答中外记者提问。王毅表示，中国愿同各国一道，共同应对疫情挑战。")
    result = cluster_sources([Source(f"copy_{n:02}.txt", text, "utf-8") for n in range(10)])
    out = io.StringIO()
    render_clustering(result, Console(file=out, width=80, color_system=None))
    lines = out.getvalue().splitlines()
    from rich.cells import cell_len

    assert max(cell_len(line) for line in lines) <= 80
    (head,) = [line for line in lines if line.startswith("┃ group")]
    assert [cell.strip() for cell in head.strip("┃").split("┃")] == [
        "group", "label", *(str(n) for n in range(1, 11))]
    (row,) = [line for line in lines if line.startswith("│ g1 ")]
    assert "十三届全国" in row and row.count("●") == 10
    assert "documents: 1 copy_00.txt, 2 copy_01.txt" in out.getvalue().replace("\n", " ")


def test_a_paragraph_misread_too_often_groups_in_its_place_with_no_short_units() -> None:
    """Two copies of four paragraphs, the third misread in one character of three (its
    shingles too few for the rule): it stands between the same two groups in both, so
    it groups, as ``compare`` pairs it, though neither copy has a short unit."""
    from variantdiff.load import Source

    paragraphs = ["各地要切实加强生态环境保护工作，建立健全长效机制，推动绿色发展取得新成效，"
                  "确保各项任务落到实处，不断提高人民群众的获得感。",
                  "有关部门要加强协调配合，形成工作合力，及时研究解决工作中遇到的新情况新问题，"
                  "认真总结推广经验，切实把好事办好实事办实。",
                  "今年以来我省持续深化改革扩大开放，经济运行总体平稳稳中有进，主要指标好于预期，"
                  "高质量发展迈出坚实步伐，民生福祉不断增进。",
                  "会议强调要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展"
                  "格局，着力推动高质量发展，奋力谱写新篇章。"]
    misread = "".join("甲乙丙丁戊己庚辛"[k % 8] if k % 3 == 1 and c not in "，。" else c
                      for k, c in enumerate(paragraphs[2]))
    copy = [*paragraphs[:2], misread, paragraphs[3]]
    result = cluster_sources([Source("a.txt", "\n\n".join(paragraphs) + "\n", "utf-8"),
                              Source("b.txt", "\n\n".join(copy) + "\n", "utf-8")])
    assert not result.ungrouped and len(result.groups) == 4


_ANSWERED = ["新华社记者：今年以来，中国经济回升向好势头持续巩固增强，您如何看待中国经济前景？",
         "王毅：从长远看，中国经济长期向好的趋势不会改变。中方愿同各方分享发展机遇，实现共同发展。",
         "我们将继续扩大高水平对外开放，稳步推进制度型开放，为各国企业提供更多合作机会。",
         "路透社记者：您如何评价今年的中欧关系？", "王毅：中欧是伙伴而不是对手，双方共同利益远大于分歧。"]


@pytest.mark.parametrize("inserted", [
    "扩大对外开放",  # a subheading a copy sets inside the answer
    _ANSWERED[1],  # the answer's first paragraph, label and all, printed twice
])
def test_an_answer_a_copy_breaks_keeps_its_paragraphs_in_the_group(inserted: str) -> None:
    """A copy sets a subheading inside an answer, or prints the answer's first paragraph
    twice: the turn ends there in that copy, yet the answer's next paragraph is a piece of
    the group, and the word it changes is collated."""
    from variantdiff.load import Source

    copy = [*_ANSWERED[:2], inserted, _ANSWERED[2].replace("合作机会", "发展机会"), *_ANSWERED[3:]]
    sources = [Source(f"{n}.txt", "\n\n".join(lines) + "\n", "utf-8")
               for n, lines in enumerate((_ANSWERED, copy))]
    result = cluster_sources(sources)
    assert [(g.docs, len(g.members)) for g in result.groups] == [
        ((0, 1), 3), ((0, 1), 2)]  # (the copy's two pieces are members)
    readings = [sorted(r.text for r in p.readings) for p in result.groups[0].places]
    assert ["发展", "合作"] in readings


@pytest.mark.parametrize("text", ["", "  \n\n\u3000\n"])
def test_a_document_of_white_space_alone_has_no_unit_as_a_whole(text: str) -> None:
    """Read as one unit (``whole``), a text of nothing but white space is a document with
    no unit, as it is read paragraph by paragraph, not an error."""
    source = Source("blank.txt", text, "utf-8")
    assert build_document(source, Config(), whole=True).units == ()
    prepared = prepare(0, source, Config(), whole=True)
    assert prepared.units == () and prepared.sigs.shape[0] == 0


def test_a_heading_a_character_short_groups_unless_a_column_break_set_it_apart() -> None:
    """Two copies of a law: one drops the title's last character, and its heading groups
    with the whole title (a deletion place); one sets the last character on a line of its
    own after a column break, and its cut heading is no copy of the title with 法 dropped."""
    from variantdiff.load import Source

    body = ("第一条 为保障农产品质量安全，维护公众健康，制定本法。\n\n"
            "第二条 本法所称农产品，是指来源于种植业、林业、畜牧业和渔业等的初级产品。\n")
    whole = f"# 中华人民共和国农产品质量安全法\n\n{body}"
    dropped = cluster_sources([Source("a.txt", whole, "utf-8"), Source(
        "b.txt", f"# 中华人民共和国农产品质量安全\n\n{body}", "utf-8")])
    titles = [g for g in dropped.groups if g.members[0].kind == "heading"]
    assert [[(r.text, r.docs) for r in p.readings] for g in titles for p in g.places] == [
        [("法", (0,)), ("", (1,))]]
    cut = cluster_sources([Source("a.txt", whole, "utf-8"), Source(
        "b.txt", f"# 中华人民共和国农产品质量安全\n\n# 法\n\n{body}", "utf-8")])
    assert not [g for g in cut.groups if g.members[0].kind == "heading"]


def test_a_copy_in_traditional_characters_does_not_move_the_base_off_the_common_text() -> None:
    """Two copies each drop a word (具体, 问题), one changes another (联系), one is set in
    traditional characters: the base is the text most copies read, so each dropped word is
    a deletion of its own, not one substitution of 具体问题 against a copy missing a word."""
    from variantdiff.load import Source

    texts = ["双方在各个层级保持着沟通，关于你提到的问题。",
             "双方在各个层级保持着沟通，关于你提到的具体。",
             "双方在各个层级保持着联系，关于你提到的具体问题。",
             "雙方在各個層級保持着溝通，關於你提到的具體問題。"]
    (group,) = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                                for n, t in enumerate(texts)]).groups
    assert [(p.kind, [(r.text, r.docs) for r in p.readings]) for p in group.places
            if p.kind != "script"] == [
        ("substitution", [("沟通", (0, 1, 3)), ("联系", (2,))]),
        ("deletion", [("具体", (1, 2, 3)), ("", (0,))]),
        ("deletion", [("问题", (0, 2, 3)), ("", (1,))])]


def test_a_stray_traditional_character_does_not_set_a_copy_in_traditional() -> None:
    """Three copies alike as their simplified forms read: one simplified, one simplified
    with one traditional character (為), one set in traditional characters. The copy set
    in the script most are set in is the simplified one: it is the base, and the script
    places are told in simplified characters, the stray 為 one of them."""
    from variantdiff.load import Source

    texts = ["我们一直关注着这个问题，因为它关系到两国人民的根本利益。",
             "我们一直关注着这个问题，因為它关系到两国人民的根本利益。",
             "我們一直關注着這個問題，因爲它關係到兩國人民的根本利益。"]
    (group,) = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                                for n, t in enumerate(texts)]).groups
    assert group.base.doc == 0
    assert {p.readings[0].text: p.readings[0].docs for p in group.places}["我们"] == (0, 1)
    (stray,) = [p for p in group.places if "为" in p.readings[0].text]
    assert [(r.text[:2], r.docs) for r in stray.readings] == [
        ("因为", (0,)), ("因為", (1,)), ("因爲", (2,))]


def test_of_two_copies_that_read_a_place_neither_reading_is_singular() -> None:
    """Three copies; one leaves out a sentence, the two others read a word in it each
    their own way: a place of two readings, one copy each, neither the odd one out. Where
    three copies read a place, the one that differs is singular."""
    from variantdiff.load import Source

    texts = ["各方应当加强合作，携手应对共同挑战。我们愿同世卫组织保持密切沟通与协调，"
             "共同维护公共卫生安全。中方将继续提供力所能及的帮助。",
             "各方应当加强合作，携手应对共同挑战。我们愿同全球组织保持密切沟通与协调，"
             "共同维护公共卫生安全。中方将继续提供力所能及的帮助。",
             "各方应当加强合作，携手应对共同挑战。中方将继续提供力所能及的帮助。"]
    (group,) = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                                for n, t in enumerate(texts)]).groups
    inner = [p for p in group.places if p.kind == "substitution"]
    assert [[(r.text, r.docs, r.majority, r.singular) for r in p.readings] for p in inner] == [
        [("世卫", (0,), True, False), ("全球", (1,), True, False)]]
    three = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                             for n, t in enumerate([texts[0], texts[0], texts[1]])]).groups
    assert [[(r.text, r.singular) for r in p.readings] for p in three[0].places] == [
        [("世卫", False), ("全球", True)]]
    assert group.places[0].kind == "omission" and group.places[0].readings[1].singular


def test_of_copies_as_near_the_base_is_one_in_the_script_most_are_set_in() -> None:
    """One copy in traditional characters, three in simplified, two of which drop the same
    word: the full simplified copy and the traditional one are as near the others, and the
    base is the simplified one, so the places are told in the script most copies use."""
    from variantdiff.load import Source

    simplified = "王毅：总体向好，我们有信心实现全年目标任务，将出台一系列稳增长政策。\n"
    texts = ["王毅：總體向好，我們有信心實現全年目標任務，將出臺一系列穩增長政策。\n", simplified,
             simplified.replace("一系列", ""), simplified.replace("一系列", "")]
    (group,) = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                                for n, t in enumerate(texts)]).groups
    assert group.base.doc == 1


def test_the_dateline_of_reprints_of_one_story_is_no_boilerplate() -> None:
    """Three reprints of one story open with its dateline and reporters (page furniture,
    in no group): the same passage reprinted, not boilerplate. Set before two unrelated
    stories as well, it is."""
    from variantdiff.load import Source

    dateline = "本报北京10月18日电（记者 周宁）"
    story = ("国务院新闻办公室18日举行新闻发布会，农业农村部新闻发言人李明华介绍前三季度农业农村"
             "经济运行情况，并答记者问。\n\n李明华表示，前三季度农业生产保持稳中向好态势，秋粮面积"
             "稳中有增，全年粮食产量有望继续保持在1.3万亿斤以上。\n")
    reprints = [Source(f"{n}.txt", dateline + story.replace("有望", word), "utf-8")
                for n, word in enumerate(["有望", "可望", "有望"])]
    result = cluster_sources(reprints)
    assert len(result.groups) == 2 and not result.boilerplate
    others = [Source(f"other{n}.txt", dateline + text, "utf-8") for n, text in enumerate([
        "北京市今年新建改建城市公园二十处，市民出门见绿的感受更加明显，园林绿化部门表示将继续推进。\n",
        "首都机场今年旅客吞吐量稳步回升，国际航线陆续恢复，机场方面表示将进一步提升服务质量。\n"])]
    (passage,) = cluster_sources(reprints + others).boilerplate
    assert passage.text.startswith("本报北京10月18日电") and len(passage.occurrences) == 5
    # (a digest that carries one story and one of the others, without the dateline, makes
    # neither a copy of the other: the dateline stands before three stories still)
    digest = Source("digest.txt", story + "\n" + others[0].text[len(dateline):], "utf-8")
    (passage,) = cluster_sources([reprints[0], others[0], others[1], digest]).boilerplate
    assert [o.doc for o in passage.occurrences] == [0, 1, 2]


def test_a_note_unrelated_stories_each_end_with_is_boilerplate_across_them() -> None:
    """Three unrelated stories each end with the same editor's note, the first twice: the
    note groups (it is their shared text) and is boilerplate across the three, each of its
    four places (not one place for the group, leaving only the first story's repeat)."""
    from variantdiff.load import Source

    note = "本版稿件均摘编自本报各地记者站来稿，转载请注明来源。"
    stories = [
        "北京市今年新建改建城市公园二十处，市民出门见绿的感受更加明显，园林绿化部门表示将继续推进。",
        "首都机场今年旅客吞吐量稳步回升，国际航线陆续恢复，机场方面表示将进一步提升服务质量。",
        "今年夏粮再获丰收，全国夏粮总产量比上年增加三十亿斤，小麦质量总体好于常年。"]
    sources = [Source(f"{n}.txt", "\n\n".join([story, note, *[note] * (n == 0)]) + "\n", "utf-8")
               for n, story in enumerate(stories)]
    result = cluster_sources(sources)
    (passage,) = result.boilerplate
    assert passage.text == note
    assert [(o.doc, o.start_line) for o in passage.occurrences] == [(0, 3), (0, 5), (1, 3), (2, 3)]
    # (a reprint of the first story besides: the note stands in three unrelated stories
    # still)
    reprint = Source("3.txt", sources[0].text.replace("二十处", "20处"), "utf-8")
    (passage,) = cluster_sources([*sources, reprint]).boilerplate
    assert sorted({o.doc for o in passage.occurrences}) == [0, 1, 2, 3]
    # (reprints of one story that end with the note are copies: it is no boilerplate there)
    reprints = [Source(f"r{n}.txt", "\n\n".join([stories[0], note]) + "\n", "utf-8")
                for n in range(3)]
    assert not cluster_sources(reprints).boilerplate


def test_a_paragraph_reprints_repeat_each_its_own_times_is_boilerplate_of_each_only() -> None:
    """Three reprints of one story print a paragraph once, three times and twice (a
    layout's slip): each repeat is boilerplate of its own document, and the paragraph is
    no passage repeated across documents, however its copies group."""
    from variantdiff.load import Source

    first = "记者从浙江省气象局获悉，受强降雨影响，钱塘江流域部分地区出现洪涝灾害，全省共有12.6万人受灾。"
    again = "当地干部群众表示，将坚决服从指挥，众志成城，全力以赴打赢这场防汛救灾硬仗。"
    last = "灾情发生后，浙江省启动防汛四级应急响应，派出8个工作组赶赴受灾地区，指导开展抢险救灾工作。"
    result = cluster_sources([Source(f"{n}.txt", "\n\n".join([first, *[again] * times, last]),
                                     "utf-8") for n, times in enumerate((1, 3, 2))])
    assert sorted((b.occurrences[0].doc, len(b.occurrences)) for b in result.boilerplate) == [
        (1, 3), (2, 2)]


def test_a_group_is_named_by_the_label_most_copies_read() -> None:
    """Three copies of a turn, the first file asking as 记者： and the two others as
    新华社记者：: the group is named 新华社记者 on the terminal, the label of its base, not
    that of the file that sorts first."""
    import io

    from rich.console import Console

    from variantdiff.load import Source
    from variantdiff.report_terminal import render_clustering

    turn = ("{q}：据报道，中国军队近期将同多国举行联合演习。能否介绍有关情况？\n\n陈宏刚：根据中外双方"
            "年度合作计划，中国人民解放军将于4月中旬派员赴泰国、马来西亚等国参加联合演习。\n")
    result = cluster_sources([Source(f"{n}.txt", turn.format(q=q), "utf-8")
                              for n, q in enumerate(["记者", "新华社记者", "新华社记者"])])
    out = io.StringIO()
    render_clustering(result, Console(file=out, width=120, color_system=None))
    assert "── g1 新华社记者" in out.getvalue()


def test_a_poems_title_and_author_set_apart_join_the_copy_that_runs_them_into_the_poem() -> None:
    """One collection sets a poem's title, author and lines as one block, another the
    title as a heading, the author on a line of its own and the poem on one line, in
    traditional characters: one group, the title and the author pieces of the second
    copy's member, and no reading but the script."""
    from variantdiff.load import Source

    block = "秋夜寄远\n林子山\n寒灯一点照空庭，\n落叶无声夜未停。\n遥想故人千里外，\n同看明月对孤星。\n"
    apart = "## 秋夜寄遠\n\n林子山\n\n寒燈一點照空庭，落葉無聲夜未停。遙想故人千里外，同看明月對孤星。\n"
    result = cluster_sources([Source(f"{n}.txt", text, "utf-8")
                              for n, text in enumerate((block, apart))])
    (group,) = result.groups
    assert group.docs == (0, 1) and not result.ungrouped
    assert [m.unit for m in group.members if m.doc == 1] == [0, 1, 2]
    assert {p.kind for p in group.places} == {"script"}


def test_a_label_set_in_brackets_is_located_on_its_name() -> None:
    """A copy labels its turn 【问】/【答】, another 路透社记者：/汪文斌：: the reading 问
    stands at the name inside the brackets, not on the opening bracket."""
    from variantdiff.load import Source

    texts = ("路透社记者：欧盟委员会主席表示将对中国电动汽车发起反补贴调查。中方对此有何回应？\n\n"
             "汪文斌：中方对此表示严重关切。欧方的做法是赤裸裸的保护主义行为。\n",
             "【问】欧盟委员会主席表示将对中国电动汽车发起反补贴调查。中方对此有何回应？\n\n"
             "【答】中方对此表示严重关切。欧方的做法是赤裸裸的保护主义行为。\n")
    (group,) = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                                for n, t in enumerate(texts)]).groups
    where = [(r.text, loc.start_line, loc.start_column, loc.end_line, loc.end_column)
             for p in group.places for r in p.readings for d, loc in p.locations
             if d == 1 and r.docs == (1,)]
    assert where == [("问", 1, 2, 1, 2), ("答", 3, 2, 3, 2)]


def test_a_poems_title_and_author_join_a_copy_whose_first_line_reads_otherwise() -> None:
    """The copy that sets the title and the author apart reads the poem's first line
    otherwise (床前明月光 / 床前看月光): they still join its member, and that reading is
    the group's only place."""
    from variantdiff.load import Source

    texts = ("静夜思\n李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n",
             "静夜思\n李白\n床前看月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。\n")
    result = cluster_sources([Source(f"{n}.txt", t, "utf-8") for n, t in enumerate(texts)])
    (group,) = result.groups
    assert not result.ungrouped
    assert [sorted((r.text, r.docs) for r in p.readings) for p in group.places] == [
        [("明", (0,)), ("看", (1,))]]


def test_a_sentence_a_copy_moves_inside_its_paragraph_is_a_move_place(tmp_path: Path) -> None:
    """One of three copies sets the paragraph's first sentence at its end: the group has a
    `move` place at the sentence, read by the two copies that hold it there and by none
    in the one that moved it, located where that copy sets it (the terminal says where);
    a word the mover also changes is a place of its own. --ignore move hides it."""
    from variantdiff.load import Source

    first = "在海口空港保税区内，一架架来自泰国、卡塔尔等国的飞机不断来这里开展保税维修。"
    rest = "今年1—11月，保税维修货值较去年同期增长4.5倍。在新疆，双边国际道路运输线路已达119条。"
    texts = [first + rest, first + rest, rest + first.replace("不断", "陆续")]
    result = cluster_sources([Source(f"{n}.txt", t + "\n", "utf-8") for n, t in enumerate(texts)])
    (group,) = result.groups
    move = next(p for p in group.places if p.kind == "move")
    assert [(r.text, r.docs) for r in move.readings] == [(first, (0, 1)), ("", (2,))]
    where = dict(move.locations)
    assert (where[2].start_line, where[2].start_column) == (1, len(rest) + 1)
    assert (where[1].start_line, where[1].start_column) == (1, 1)
    assert [(r.text, r.docs) for p in group.places if p.kind == "substitution"
            for r in p.readings] == [("不断", (0, 1)), ("陆续", (2,))]
    for n, t in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(t + "\n", "utf-8")
    shown = CliRunner().invoke(app, ["cluster", str(tmp_path)])
    assert shown.exit_code == 1 and f"moved to 2.txt:1:{len(rest) + 1}" in shown.stdout
    hidden = cluster_sources([Source(f"{n}.txt", t + "\n", "utf-8") for n, t in enumerate(texts)],
                             Config(hidden_kinds=frozenset({"move"})))
    assert [p.kind for p in hidden.groups[0].places] == ["substitution"]
    # (a fourth copy moves the first two sentences: a place of its own, apart from the
    # third copy's, each located where its copy sets what it moved)
    second = "今年1—11月，保税维修货值较去年同期增长4.5倍。"
    last = ("在新疆，双边国际道路运输线路已达119条，中欧班列开行数量再创新高，口岸通关效率持续提升。"
            "在广西，西部陆海新通道班列运量同比增长两成。")
    texts = [first + second + last, first + second + last, second + last + first,
             last + first + second]
    result = cluster_sources([Source(f"{n}.txt", t + "\n", "utf-8") for n, t in enumerate(texts)])
    moves = [p for p in result.groups[0].places if p.kind == "move"]
    assert sorted((r.text, r.docs) for p in moves for r in p.readings) == sorted(
        [(first, (0, 1)), ("", (2,)), (first + second, (0, 1)), ("", (3,))])
    for p in moves:
        (mover,) = next(r.docs for r in p.readings if not r.text)
        where = dict(p.locations)[mover]
        assert texts[mover][where.start_column - 1:].startswith(first)


def test_a_heading_run_into_a_paragraph_that_says_it_again_is_no_reading() -> None:
    """One copy runs its headline into the paragraph (2026年…植树活动启动2026年…今天在西山
    启动，…), the others set it before the paragraph: the paragraph opens by saying the
    headline again, yet they differ in a paragraph break only, not in a passage left out
    in the middle (the headline aligned with the paragraph's opening words); a word
    changed after it is still a place, at its place. The base runs it in, or sets it
    apart (the copies that do hold a sentence more)."""
    from variantdiff.cluster import UnitInfo, collate

    heading = "2026年全市春季植树活动启动"
    story = "2026年全市春季植树活动今天在西山启动，活动将持续到4月底，市民可通过网上平台预约参加义务植树。"
    more = "今年全市计划新增造林面积两万亩。"
    for run_in, extra in (((0,), ""), ((2,), more)):
        texts = {(d, 3): (heading if d in run_in else "") + story.replace(
            "预约", "报名" if d == 1 else "预约") + ("" if d in run_in else extra)
            for d in range(2 if run_in == (0,) else 3)}
        members = [UnitInfo(d, 3, "u4", "text", None, 1, 2, len(t)) for (d, _), t in texts.items()]
        got = collate(members, texts, Config(), {(d, 3): heading for d in range(3)
                                                 if d not in run_in})
        assert (got.base.doc in run_in) == (run_in == (0,))
        assert sorted(sorted(r.text for r in place) for place in got.readings) == sorted(
            [["报名", "预约"], *([["", more]] if extra else [])])
        base_text = texts[(got.base.doc, 3)]
        assert sorted(base_text[lo:hi] for lo, hi in got.spans) == sorted(
            ["预约", *([more] if extra else [])])
    # (both set the heading before the paragraph, and one opens it by saying the heading
    # again: those words are a reading, all of them)
    texts = {(0, 3): heading + "以来，" + story, (1, 4): story}
    members = [UnitInfo(0, 3, "u4", "text", None, 1, 2, len(texts[(0, 3)])),
               UnitInfo(1, 4, "u5", "text", None, 1, 2, len(texts[(1, 4)]))]
    got = collate(members, texts, Config(), {(0, 3): heading, (1, 4): heading})
    assert [[r.text for r in place] for place in got.readings] == [[heading + "以来，", ""]]


_BRIEFING = (
    "张晓刚：各位记者朋友，下午好。首先发布一条消息。应蒙古国武装力量邀请，中蒙两军将于"
    "八月中旬在乌兰巴托举行“草原伙伴-2025”联合演习，旨在深化两军务实合作。",
    "记者：据报道，某国近日宣布将在邻近海域举行大规模军事演习。请问对此有何评论？",
    "张晓刚：我们注意到有关报道。地区国家应当多做有利于和平稳定的事，而不是炫耀武力、"
    "制造紧张。中国军队将密切关注事态发展，坚决维护国家主权和安全。",
    "记者：今年是全民国防教育日设立二十四周年。请介绍一下部队开展有关活动的情况。",
    "张晓刚：各部队将结合实际开放军营，组织群众参观装备展示，开展国防知识宣讲。",
    "记者：请问中外两军今年下半年还有哪些交流合作安排？",
    "张晓刚：下半年，中国军队将同多国军队开展联演联训、院校交流和人员培训等活动，"
    "具体情况我们将适时发布。")


@pytest.mark.parametrize("paragraphs", [
    _BRIEFING,
    ("过去一年，全省上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，社会大局保持稳定。",
     "——经济总量迈上新台阶。地区生产总值增长百分之五点二，城镇新增就业六十八万人。",
     "——发展质量稳步提升。单位生产总值能耗降低百分之三以上，研发经费投入强度继续提高。",
     "——民生保障有力有效。居民人均可支配收入实际增长百分之五，基本养老保险覆盖面扩大。",
     "同时，我们统筹用好各类政府投资，加快补齐基础设施短板，重大项目建设进展顺利。",
     "成绩来之不易。",
     "这些成绩的取得，根本在于党中央的坚强领导，在于全省上下团结奋斗、真抓实干。我们也清醒"
     "看到，发展不平衡不充分的问题仍然突出，部分企业生产经营困难，一些领域风险隐患不容忽视。",
     "我们一定直面问题挑战，切实改进工作，竭尽全力不辜负人民期待。")],
    ids=["turns", "paragraphs"])
@pytest.mark.parametrize("keeping", [1, 2], ids=["one copy keeps them", "two copies do"])
def test_a_copy_that_runs_every_paragraph_together_on_one_line_carries_them_all(
        paragraphs: tuple[str, ...], keeping: int) -> None:
    """A web copy that lost every paragraph break (the whole text on one line) beside the
    copies that keep them: one group, every paragraph of those copies a piece of it, no
    place (nothing is read as missing from one copy and added in the other), nothing in
    no group. (Where two copies keep them, their paragraphs group with each other first:
    those groups are taken in whole.)"""
    from variantdiff.load import Source

    kept = "\n\n".join(paragraphs) + "\n"
    run_on = "".join(paragraphs) + "\n"
    result = cluster_sources([*(Source(f"kept{k}.txt", kept, "utf-8") for k in range(keeping)),
                              Source("run_on.txt", run_on, "utf-8")])
    (group,) = result.groups
    for doc in range(keeping):
        lines = {n for m in group.members if m.doc == doc
                 for n in range(m.start_line, m.end_line + 1)}
        assert lines >= {n for n, line in enumerate(kept.splitlines(), 1) if line}
    assert group.places == () and result.ungrouped == ()


def test_a_place_is_located_in_each_copy_past_the_heading_another_runs_in() -> None:
    """The copy that runs the heading into its paragraph is the base; the place of a word
    the third copy changes stands in the first copy at that word (the heading the first
    sets apart shifts nothing), as it does in the others."""
    from variantdiff.load import Source

    heading = "一、2024年工作回顾"
    body = ("过去一年，面对外部压力加大、内部困难增多的复杂严峻形势，经济运行总体平稳、"
            "稳中有进，高质量发展扎实推进，社会大局保持稳定，主要目标任务顺利完成。")
    texts = ("# 政府工作报告\n\n" + heading + "\n\n" + body + "\n",
             "# 政府工作报告\n\n" + heading + "\n\n" + body.replace("稳中有进", "稳中向好") + "\n",
             "# 政府工作报告\n\n" + heading + body + "\n")
    result = cluster_sources([Source(f"{n}.txt", t, "utf-8") for n, t in enumerate(texts)])
    (place,) = [p for g in result.groups for p in g.places if p.kind == "substitution"]
    for doc, loc in place.locations:
        line = texts[doc].splitlines()[loc.start_line - 1]
        word = line[loc.start_column - 1:loc.end_column]
        assert word == ("稳中向好" if doc == 1 else "稳中有进"), (doc, loc)


_POEM = "望君煙水闊，揮手淚霑巾。\n飛鳥沒何處，青山空向人。\n"


@pytest.mark.parametrize(("first", "third", "word", "kind"), [
    (_POEM, _POEM.replace("霑", "沾"), "霑", "substitution"),
    (_POEM, "望君烟水阔，挥手泪沾巾。\n飞鸟没何处，青山空向人。\n", "霑", "script"),
    (_POEM.replace("何處", "這裡"), _POEM.replace("何處", "這裏"), "裡", "script")])
def test_a_character_and_its_simplified_form_between_traditional_copies_is_a_reading(
        first: str, third: str, word: str, kind: str) -> None:
    """Copies all set in traditional characters that write 霑 and 沾 differ in a
    reading, as compare reads them (a substitution, not hidden with ``--ignore script``);
    against a copy set in simplified characters 沾 is 霑's simplified form, and two
    traditional forms of one character (裡/裏) are forms."""
    from variantdiff.load import Source

    result = cluster_sources([Source(f"{n}.txt", t, "utf-8")
                              for n, t in enumerate((first, first, third))])
    (place,) = [p for g in result.groups for p in g.places
                if any(word in r.text for r in p.readings)]
    assert place.kind == kind


_PATROL = ("清晨六点，薄雾还没有散去，老周已经把巡护船开出了码头。江面上风不大，他望向远处，"
           "忽然说：“看，江豚出水了！”",
           "老周名叫周长河，打了三十多年鱼。禁渔以后，他上岸转产，加入了市里组建的江豚巡护队。",
           "巡护队目前有队员二十三人，大多是像老周这样的退捕渔民。他们每天分两班巡江，记录江豚出现的位置和数量，"
           "劝阻非法垂钓。",
           "据渔政部门发布的数据，长江江豚种群数量为一千二百四十九头，比五年前增长了百分之二十三，这是多年来首次止跌回升。",
           "巡护队队长王建国说，江豚对水质和食物非常敏感。“数字涨了，但我们不能松劲。”航运、采砂等人类活动仍然是威胁。")


def test_every_place_is_located_at_its_reading_in_a_copy_that_moves_passages() -> None:
    """A copy that sets two paragraphs first (the others' third and fourth) and moves a
    sentence inside its last one, beside a copy that runs the story on one line and one
    in traditional characters: every place is located in each copy at that copy's own
    reading of it (the script places inside the paragraphs it set first too, which were
    located by an alignment in order that left them out)."""
    from opencc import OpenCC

    from variantdiff.load import Source

    last = _PATROL[4].replace("“数字涨了，但我们不能松劲。”", "") + "“数字涨了，但我们不能松劲。”"
    texts = ("".join(_PATROL) + "\n",
             "\n\n".join([_PATROL[2], _PATROL[3], _PATROL[0], _PATROL[1], last]) + "\n",
             "\n\n".join(OpenCC("s2t").convert(p) for p in _PATROL) + "\n")
    result = cluster_sources([Source(f"{n}.txt", t, "utf-8") for n, t in enumerate(texts)])
    checked = 0
    for place in (p for g in result.groups for p in g.places if p.kind != "move"):
        for doc, loc in place.locations:
            reading = next(r for r in place.readings if doc in r.docs)
            lines = texts[doc].splitlines()
            held = "\n".join(lines[loc.start_line - 1:loc.end_line])
            cut = held[loc.start_column - 1:len(held) - len(lines[loc.end_line - 1])
                       + loc.end_column]
            if reading.text:
                assert "".join(cut.split()) == "".join(reading.form_of(doc).split()), (place, doc)
                checked += 1
    assert checked > 20
