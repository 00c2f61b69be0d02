"""What a task's text is: a unit without its clause, a table row's task and measure."""

from __future__ import annotations

from innograph.ingest.extract import extract_bytes

PAGE = """<html><body>
<h1>湖南省人民政府办公厅关于印发《湖南省科技创新重点任务分工方案》的通知</h1>
<p>湘政办发〔2022〕15号</p>
<table border="1">
<tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">强化企业创新主体地位</td><td>实施高新技术企业倍增计划</td>
    <td>省科技厅</td><td>省财政厅、省税务局</td><td>2023年底</td></tr>
<tr><td>落实研发费用加计扣除政策</td><td>省税务局</td><td>省科技厅、省财政厅</td><td>持续推进</td></tr>
<tr><td>2</td><td>建设创新平台</td><td></td><td>省科技厅</td><td>长沙市人民政府</td><td>2024年</td></tr>
</table>
<p>湖南省人民政府办公厅</p><p>2022年5月20日</p></body></html>"""


def test_a_merged_task_cell_over_several_measures() -> None:
    tasks = extract_bytes(PAGE.encode(), "hn-2022.html").tasks
    assert [(t.number, t.text, [m.surface for m in t.leads], t.deadline) for t in tasks] == [
        ("1", "强化企业创新主体地位：实施高新技术企业倍增计划", ["省科技厅"], "2023年底"),
        ("1", "强化企业创新主体地位：落实研发费用加计扣除政策", ["省税务局"], "持续推进"),
        ("2", "建设创新平台", ["省科技厅"], "2024年"),  # no measure: the task alone
    ]
    assert [m.id for m in tasks[2].participants] == ["hn.changsha:人民政府"]


def test_a_text_unit_loses_only_its_clause() -> None:
    text = "一、重点任务\n1.加大研发投入。支持企业建设研发机构。（省科技厅牵头，省财政厅配合）\n"
    (task,) = extract_bytes(text.encode(), "plan.txt").tasks
    assert task.text == "1.加大研发投入。支持企业建设研发机构。"
    assert task.clause == "（省科技厅牵头，省财政厅配合）"


def cell_bounds(text: str, row: tuple[int, int]) -> list[tuple[int, int]]:
    """Where each ``\\t``-separated cell of a table row stands in the text."""
    bounds, start = [], row[0]
    for cell in text[row[0] : row[1]].split("\t"):
        bounds.append((start, start + len(cell)))
        start += len(cell) + 1
    return bounds


ROLE_TABLE = """<html><body>
<h1>广东省科技创新重点工作任务分工</h1>
<table border="1">
<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>
<tr><td>1</td><td>支持省科技厅所属科研院所开展成果转化改革</td><td>省科技厅</td>
    <td>省财政厅、省人力资源社会保障厅</td></tr>
<tr><td>2</td><td>推动省教育厅会同省科技厅共建省实验室</td><td>省教育厅</td><td>省科技厅</td></tr>
</table></body></html>"""


def test_a_body_read_from_a_cell_is_placed_in_that_cell() -> None:
    ex = extract_bytes(ROLE_TABLE.encode(), "gd-division.html")
    first, second = ex.tasks
    # the lead's name also stands in the task cell, before the 牵头单位 cell (column 2)
    for task in (first, second):
        (lead,) = task.leads
        assert lead.surface in task.text and lead.span is not None
        start, end = cell_bounds(ex.text, task.span)[2]
        assert (start, end) == lead.span
    (helper,) = second.participants  # 配合单位 (column 3), also named in the task cell
    assert helper.surface == "省科技厅" and cell_bounds(ex.text, second.span)[3] == helper.span
