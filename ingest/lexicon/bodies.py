"""Names of bodies: how they end, levels and places before them, vague groups.

Pattern strings (regex source), compiled where they are used: the list
splitter of `ingest.roles` judges with them whether a piece of a list is a
body, what prefix a list distributes and which items carry their own.

>>> import re
>>> bool(re.search(BODY_END + "$", "科技厅")), bool(re.search(BODY_END + "$", "创新"))
(True, False)
"""

from innograph.ingest.lexicon.chars import HAN

#: What ends the name of a body: a ministry, bureau, committee, office, court,
#: company, government, park, and generic group words.
BODY_END = (
    r"(?:[部厅局委会办室院府署行社司所校团心站馆处组盟协联队关区市县州旗厂园台军大学]"
    r"|企业|国企|央企|单位|部门|机构|高校|院所|地区|政府|方面|乡镇|街道|社区|中央)"
)
#: Endings specific enough that the name is a body even in running text.
NAMED_END = (
    r"(?:[部厅局委办室院府署行社司所校站盟协联队馆处]|中心|小组|工会|委员会|管委会|协会|学会|"
    r"商会|联合会|总会|基金会|海关|党委|集团|大学|学院|政府|人大|政协|中央)"
)
#: Generic group words: a body only with a quantifier (有关部门, 各高校), never alone.
GENERIC_END = (
    r"(?:部门|单位|机构|企业|地区|高校|院所|学校|市|县|区|州|盟|旗|乡镇|街道|方面|厅局|委办局|园区)"
)
#: Quantifiers that make a generic word a group (有关部门, 各区县, 市级部门).
VAGUE = r"有关|相关|各|其他|其它|所在|驻|全[区省市县国州盟旗体]|[省市县]级"
#: Nouns that end in a body character without being bodies.
NOT_BODY_END = r"(?:社会|机会|体会|大会)"
#: Government bodies and quantified groups of them: who may be listed bare, or
#: open a sentence that assigns work.
AGENCY_END = (
    r"(?:[部厅局委办署]|(?<![之好到])处|(?<=[\u4e00-\u9fff]{2})[乡镇]|委员会|办公室|政府|行署|公署|工委|党委|管委会|人大|政协|法院|检察院|"
    r"科协|工商联|总工会|妇联|残联|侨联|文联|社科联|团省委|团市委|团委|分行|支行|海关)"
)
#: The level word a local government's own unit is named with (区质安站, 市公安交通管理部门,
#: 省招标投标中心): before a body's ending it makes the name a government body. Not the
#: words that merely start with a level character (市场, 区域, 市民, 省级).
GOVERNMENT_PREFIX = r"(?:自治区|省|市|县|区|州|盟|旗)(?![场域民级内外属直])"
#: Endings of a unit inside a body, named after its parent (区公安局治安交通巡防支队,
#: 省政府督查室, 党工委台湾工作部): where a name runs on past its parent's ending.
SUB_UNIT_END = (
    r"(?:支队|大队|中队|分局|分公司|支行|分行|办公室|办事处|派出所|督查室|工作部|宣传部|[站所处])"
)
#: Endings that make a name a body by themselves, without a level in front.
FORMAL_END = r"(?:委员会|办公室|办公厅|人民政府|管理委员会|管委会|领导小组|工作小组|指挥部)"
#: What ends the name of an issuing organ on its own line (a signature, an issuer).
ORGAN_END = (
    "人民政府|政府|办公厅|办公室|委员会|党委|公署|行署|管委会|总工会|联合会|协会|银行|集团|公司"
    "|大学|学院|法院|检察院|厅|局|部|委|办|院|署|会|中心|行|司|处"
)
#: Enterprises, universities, banks and customs keep their own names.
NO_PREFIX_END = r"(?:公司|集团|大学|学院|银行|分行|支行|海关|管委会|管理委员会|[区市县州盟旗])"

#: Administrative levels, for 各州（地）、市人民政府-style collectives.
LEVEL = (
    r"(?:自治区|自治州|自治县|直辖市|计划单列市|地州市|县市区|旗县区|市州|州市|地州|盟市|旗县|县市|"
    r"县区|区县|市县|省|市|州|地|县|区|盟|旗|乡|镇)"
)
#: Level words a place name ends with (乌鲁木齐市, 昌吉州).
LEVEL_WORD = r"(?:自治区|自治州|自治县|地区|省|市|州|县|区|盟|旗)"
#: Administrative suffixes of region names, longest first (dropped to match park names).
REGION_SUFFIXES = ("自治州", "地区", "市", "州", "县", "区", "盟", "旗")
#: A region's name with its level.
REGION = rf"[{HAN}]{{2,9}}?(?:省|自治区|自治州|市|州|地区|盟|县|区|旗)"
#: Prefixes that are a level word, not a place's name.
PLAIN_LEVELS = frozenset(
    {"自治区", "省", "市", "区", "县", "新疆生产建设兵团", "兵团", "新疆", "国家", "中央", "各级"}
)
#: A government named without its place: after 和 it is the other half of the body
#: before it (各乡镇党委和人民政府), never a body of its own.
PLACELESS_GOVERNMENTS = frozenset({"人民政府", "政府", "管委会"})
#: The prefix a list head distributes: a level, or a region name with its level.
HEAD_LEVEL = (
    r"(?:自治区|省|市(?!场)|区(?!域|块)|县(?!域)|新疆生产建设兵团|兵团|新疆|国家|中央|各级|"
    rf"{REGION})"
)

#: Party organs, which take 党委/省委 rather than the government prefix.
PARTY_ORGAN = (
    r"(?:组织部|宣传部|统战部|政法委|编办|机构编制委员会办公室|网信办|农办|财办|财经办|人才办|政研室|"
    r"台办|深改办|改革办|老干部局|党校|直属机关工委|教育工委|机要局|保密办|军民融合办)"
)

#: Short names of the provinces, as they stand before a body (浙江省科技厅, 广东银保监局).
PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏"
)
#: Items that already carry their own level, region or system and take no prefix.
OWN_PREFIX = (
    rf"(?:自治区|省|市(?!场)|区(?!域|块)|县(?!域)|州|盟|旗|兵团|新疆|国家|中央|中共|国务院|全国|中国|"
    rf"(?:{PROVINCES})(?:省|市|(?:壮族|回族|维吾尔)?自治区)?|"
    rf"中华|人民银行|人行|中科院|各|有关|相关|其他|其它|所在|驻|团省委|团市委|{REGION}(?=[{HAN}]))"
)
#: Two-character city names ending in 州 (柳州, 杭州) keep it, unlike Xinjiang's
#: 博州, 巴州, 克州 (short for 自治州).
PREFECTURE_SHORT = frozenset({"博州", "巴州", "克州"})
#: Characters no place name has before its level word.
NOT_PLACE = r"[银行部厅局委会办司所院与和及的]"

#: Where the shared suffix of 昌吉、伊犁、哈密国家农业科技园区管委会 begins.
SUFFIX_START = (
    r"(?:国家|自治区|自治州|自治县|省级|省|市级|市|地区|州|县|区|盟|旗|高新|经济技术|经济开发|经开|"
    r"综合保税|保税|出口加工|农业|工业|产业|现代|国际|科技|人民政府|政府|行署|行政公署|管委会|"
    r"有关|相关|各)"
)
