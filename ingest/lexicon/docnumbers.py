"""Document numbers: 新政办发〔2013〕118号 — an issuer's code, the year in brackets, a serial.

Sources write the year's brackets four ways (〔〕, [], （）, ﹝﹞); `ingest.normalize`
folds them to 〔〕 with `YEAR_BRACKETS`, after which `CORE` finds a number, `OWN_LINE`
a document's own number on its line, and `CODE` the issuer's code (新政办发) whose
prefix names a jurisdiction (`doc_number_prefixes` of the gazetteer).

>>> import re
>>> re.search(CORE, "根据国发〔2015〕32号文件").group()
'〔2015〕32号'
"""

#: Brackets a year may stand in before normalising, as regex character classes.
YEAR_OPENERS = "\\[【〔﹝（(〖［"
YEAR_CLOSERS = "\\]】〕﹞）)〗］"
#: The number after normalising: 〔year〕serial号.
CORE = "〔(?:19|20)\\d{2}〕\\d{1,5}号"
#: Labels that may stand before a document's own number on its line.
OWN_LABELS = ("发文字号", "文号", "字号", "发文号")
#: A number as written anywhere, before or after normalising: code, year, serial.
AS_WRITTEN = (
    f"^\\s*(\\S{{1,12}}?)\\s*[{YEAR_OPENERS}]\\s*\\d{{4}}\\s*[{YEAR_CLOSERS}]\\s*\\d+\\s*号\\s*$"
)
#: The issuer's code at a number's start.
CODE = f"^\\s*([^\\d{YEAR_OPENERS}\\s]+)"
