"""The address line: one addressee per body, one per class of bodies."""

from __future__ import annotations

from innograph.ingest.extract import extract_bytes


def addressees(text: str) -> list[tuple[str, str]]:
    ex = extract_bytes(text.encode(), "doc.txt")
    for m in ex.recipients:
        assert m.span is not None and ex.text[m.span[0] : m.span[1]] == m.surface
    return [(m.surface, m.id) for m in ex.recipients]


def test_bodies_joined_by_a_pause_mark_are_each_addressed() -> None:
    text = (
        "国务院关于同意建设国家科技成果转移转化示范区的批复\n国函〔2022〕15号\n"
        "北京市人民政府、科技部：\n你们关于建设示范区的请示收悉。现批复如下。\n"
        "国务院\n2022年2月10日\n"
    )
    assert addressees(text) == [("北京市人民政府", "bj:人民政府"), ("科技部", "cn.most")]


def test_a_shared_prefix_is_distributed_and_classes_stay_whole() -> None:
    text = (
        "科技部 财政部关于开展试点工作的通知\n国科发区〔2021〕20号\n"
        "各省、自治区、直辖市科技厅，新疆生产建设兵团科技局、财政局：\n"
        "现就有关事项通知如下。\n科技部 财政部\n2021年3月1日\n"
    )
    assert addressees(text) == [
        ("各省、自治区、直辖市科技厅", "cn:各省、自治区、直辖市科技厅"),
        ("新疆生产建设兵团科技局", "bt.kjj"),
        ("财政局", "bt.cwj"),  # 新疆生产建设兵团财政局
    ]
