"""Characters: Han ranges, brackets, separators and sentence ends.

>>> import re
>>> bool(re.fullmatch(f"[{HAN}]+", "科技厅"))
True
"""

#: Han characters, including the ideographic zero and the extension planes.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Punctuation around which no space is meaningful.
CJK_PUNCT = "、，。；：！？（）《》〈〉【】〔〕「」『』"

#: Brackets of any shape close each other in sloppy sources.
OPENERS = "（(【[〔"
CLOSERS = "）)】]〕"
BRACKET_PATTERN = r"[（(【\[〔）)】\]〕]"

#: What is stripped from the ends of a list item or a clause.
STRIP = "、，,；;。：:.\t\n\r ·-—"

#: Characters that end a sentence (a line break ends one too).
SENTENCE_ENDS = "。！？!?\n"

#: Separators inside an actor list, and between the clauses of a bracket.
LIST_SEPARATORS = r"[、，,；;。：:/／\s]+"
CLAUSE_SEPARATORS = r"[，,；;]"

#: Small form variants (U+FE50–FE6B) some sources number and punctuate with
#: (1﹒ 全省生产总值…), as the forms every stage reads.
SMALL_FORMS = {
    "﹐": "，",
    "﹑": "、",
    "﹒": ".",
    "﹔": "；",
    "﹕": "：",
    "﹖": "？",
    "﹗": "！",
    "﹙": "（",
    "﹚": "）",
}
