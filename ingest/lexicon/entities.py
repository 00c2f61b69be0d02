"""Names of things: the endings that make a name a park, a lab, a firm …, and words around them.

Two uses, kept apart on purpose: `NAME_SUFFIXES` are the endings by which
`ingest.nlp` *finds* a name in running text (specific endings only, and
``anchored`` ones that also end plain noun phrases, such as 示范区, need a
known place or body in the name); `TYPE_SUFFIXES` are the endings by which
`ingest.resolve` *types* a name already found (broader: 管委会 is a park's).

>>> dict((s, t) for s, t, _ in NAME_SUFFIXES)["高新区"]
'Park'
"""

#: (ending, type, anchored) for finding names in running text; longest first is
#: the reader's business, not the order here.
NAME_SUFFIXES: tuple[tuple[str, str, bool], ...] = (
    ("高新技术产业开发区", "Park", False),
    ("经济技术开发区", "Park", False),
    ("经济开发区", "Park", False),
    ("高新区", "Park", False),
    ("自主创新示范区", "Park", False),
    ("自创区", "Park", False),
    ("农业科技园区", "Park", False),
    ("科技园区", "Park", False),
    ("科技城", "Park", False),
    ("产业园区", "Park", False),
    ("产业园", "Park", False),
    ("科技园", "Park", False),
    ("开发区", "Park", True),
    ("示范区", "Park", True),
    ("园区", "Park", True),
    ("重点实验室", "Lab", False),
    ("工程实验室", "Lab", False),
    ("实验室", "Lab", False),
    ("工程技术研究中心", "Lab", False),
    ("工程研究中心", "Lab", False),
    ("技术创新中心", "Lab", False),
    ("工程中心", "Lab", False),
    ("联盟", "Alliance", False),
    ("股份有限公司", "Enterprise", False),
    ("有限责任公司", "Enterprise", False),
    ("有限公司", "Enterprise", False),
    ("集团", "Enterprise", False),
    ("公司", "Enterprise", True),
    ("银行", "Enterprise", True),
    ("科学院", "Institute", False),
    ("研究院", "Institute", False),
    ("研究所", "Institute", False),
    ("分院", "Institute", False),
    ("大学", "University", False),
    ("学院", "University", False),
    ("计划", "Program", False),
    ("专项", "Program", False),
)

#: A programme named in book-title marks: 《…计划》, 《…工程》, 《…专项》.
TITLED_PROGRAM_ENDINGS = ("计划", "工程", "专项")

#: Words a name never runs through when extended to the left: verbs that take
#: a name as object, prepositions, conjunctions, determiners and adverbs.
STOP_WORDS = """
    的 在 和 与 及 或 等 对 向 将 把 被 由 从 以 是 于 到 并 各 该 其 即 含 也 还 又
    为了 认定为 列为 使用 随着
    建设 支持 推动 推进 加快 依托 打造 建立 组建 创建 成立 设立 筹建 筹备 共建 新建 扶持
    培育 引进 引入 鼓励 引导 积极 大力 着力 全力 稳步 持续 进一步 继续 优先 率先 启动 实施
    开展 发挥 利用 通过 围绕 借鉴 加强 强化 提升 完善 形成 拥有 承担 入驻 落户 落实 参与
    申报 认定 批准 部署 促进 带动 辐射 一批 若干 各类 各级 有关 相关 其他 其它 这些 所有
    多个 以及 及其 包括 例如 其中 现有 主要 依法 依规 组织实施 探索 争取 推广 建成 搭建 构建
    提供 给予 同时 正在 可以 能够 引领 对接 面向 借助 基于 加大 做好 做大 做强 发展壮大
    扩大 吸引 聚集 集聚 优化 深化 整合 认真 共同 全面 重点支持 重点建设 重点发展
    成为 作为 列入 纳入 位于 设在 进入 融入 按照 所在 知名 著名 首个 内 组织 采取 采用 尽管 确定
    符合 聚焦 提高 赋予 挖掘 委托 共享 上市 非上市 申请 获得 获批 评为 命名 授予 支撑 服务于
    专家来 人才来 项目来 企业来 团队来 人员来
    争创 争当 选择 重建 重振 简称 下简称 以下简称 称为 命名为 更名为 遴选 推荐
    """

#: Words containing a stop character that are always part of a name.
KEEP_WORDS = "共和国 生产建设兵团 建设兵团 建设银行 和田 对口 内蒙古 合作组织"

#: Words that say what kind of thing a name is but not which one. A name
#: whose left part is made only of these (plus its suffix) is a category.
GENERIC_WORDS = """
    国家 国家级 国家地方 省 省级 自治区 自治区级 兵团 市 市级 县 县级 县域 区级 地方 区域 国际 国内
    中国 全国 企业 产业 技术 科技 创新 工程 联合 协同 重点 专业 专业化 新型 高水平 一流 现代
    大型 中小 中小型 高新技术 高新 高技术 战略 战略性 研究 研发 开发 共建 合作 综合 公共 示范
    特色 优势 骨干 龙头 领军 创新型 科研 学科 行业 本地 当地 境外 海外 跨区域 离岸 大学 经济
    自主 自主创新 东部 西部 中部 东西部 中西部 证券 保险 商业 担保 职业 职业技术 高等 高校
    院校 研究型 应用型 农业科技 产学研 双创 众创 孵化 科创 实验 试验 民营 国有 外资
    专利 标准 技术标准 教育 培训 文化 旅游 股份
    世界 世界一流 世界级 高科技 一流高科技 国家创新型 创新型特色
    """

#: What a parent body's name ends with, before a branch's place: 中国农业科学院|新疆分院.
PARENT_ENDINGS = ("院", "大学", "所", "公司", "集团", "银行", "局", "部", "厅", "委", "会", "中心")

#: 国家科技计划 and 国家人才计划 are kinds of programme, not programmes.
PROGRAM_KINDS = ("", "科技", "人才", "重大人才", "重大", "重点", "有关", "相关", "相应")

# --- typing a name found ----------------------------------------------------------------

#: Openings and insides that make a name a group (有关部门, 省直有关部门, 县级以上人民政府).
COLLECTIVE_PREFIXES = ("有关", "各", "相关", "其他", "其它", "所在地")
COLLECTIVE_INSIDE = (
    r"有关|相关|其他|其它|.各|各级|[两三四五]级|以上|^[省市县区乡镇]级.*(?:政府|部门|单位|机构)$"
)
PARTY_PREFIXES = ("党委", "中共", "党组")
PARTY_SUFFIXES = (
    "组织部",
    "宣传部",
    "统战部",
    "统一战线工作部",
    "政法委",
    "纪委",
    "党委",
    "党组",
    "工委",
    "农办",
    "人才办",
)
#: The central bank's names: its branches (分行, 中心支行) govern, not trade.
CENTRAL_BANK = ("中国人民银行", "人民银行", "人行")
#: The tax administration's name in front of a province's or city's tax bureau.
TAX_ADMINISTRATION = "国家税务总局"
#: Endings that type a name, tried in this order.
TYPE_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Park",
        (
            "管委会",
            "管理委员会",
            "开发区",
            "高新区",
            "园区",
            "产业园",
            "科技园",
            "示范区",
            "试验区",
            "实验区",
            "科技城",
            "集聚区",
            "自创区",
            "新区",
            "保税区",
            "特色小镇",
        ),
    ),
    (
        "Lab",
        ("实验室", "工程技术研究中心", "工程研究中心", "技术创新中心", "工程中心", "超级计算中心"),
    ),
    ("Alliance", ("联盟",)),
    ("Institute", ("研究院", "研究所", "科学院", "分院", "研究中心", "工程院")),
    ("University", ("大学", "学院", "学校", "党校")),
    ("Enterprise", ("公司", "集团", "银行", "分行", "支行", "股份", "厂")),
    (
        "Agency",
        (
            "部",
            "厅",
            "局",
            "委",
            "委员会",
            "办",
            "办公室",
            "署",
            "政府",
            "行署",
            "公署",
            "法院",
            "检察院",
            "海关",
        ),
    ),
    ("Region", ("省", "自治区", "市", "自治州", "地区", "盟", "县", "旗")),
    ("Program", ("计划", "工程", "专项", "行动")),
)

#: Level words in front of a name, most specific first. 国务院/国家 mean the
#: nation; the others mean the nearest jurisdiction (the document's own or one
#: above it) whose name ends with the word: 区科技局 in a 黄浦区 or 平潭综合实验区
#: document is that district's.
LEVEL_WORDS = (
    "国务院",
    "国家",
    "自治区",
    "自治州",
    "省",
    "地区",
    "州",
    "市",
    "盟",
    "县",
    "旗",
    "区",
)
#: A level word followed by one of these is an adjective or a compound
#: (国家级, 市场监管局, 州市, 区域, 县域), not a jurisdiction — except 市场 (省市场监管局).
NOT_AFTER_LEVEL = "级场县区州市旗域块间"
