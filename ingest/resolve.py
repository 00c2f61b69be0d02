"""Entity resolution: a name as written -> one canonical entity, per jurisdiction.

``科技厅`` in a Xinjiang document is 新疆维吾尔自治区科学技术厅 (``xj.kjt``), in
an Inner Mongolia document ``nm.kjt``, and ``科技部`` is the national ministry
everywhere. A `Resolver` is made for one document's jurisdiction and reads a
name in this order:

1. a name or alias of a body of the document's own jurisdiction (local aliases
   included: ``科技厅``, ``发改委``, ``有关部门``);
2. a global name or alias (``科技部``, ``乌鲁木齐海关``, ``人行乌中心支行``);
3. a jurisdiction written in front of the name decides where to look:
   a place (``内蒙古自治区科技厅``, ``兵团科技局``, ``哈密市政府``) or a level
   word resolved against the document's jurisdiction and the ones above it
   (``自治区`` in a Xinjiang or Corps document is Xinjiang, ``国家``/``国务院``
   the nation, ``市`` a city document's own city) — so ``国务院国资委`` and
   ``自治区国资委`` are two bodies, and ``国家发展改革委`` is never 自治区发改委;
4. the same without a trailing bracket (``财政厅（局）``).

The form with a distributed prefix or suffix (``expanded``: ``自治区科技厅``,
``哈密国家农业科技园区管委会``) is tried before the form as written; a written
fragment that is only a place (``哈密`` of a suffix-distributed list) is not
taken for the body.

A name the gazetteer does not know gets a deterministic id scoped to its
jurisdiction, ``<region id>:<name without its jurisdiction prefix>``
(``xj:旅游局`` for both ``旅游局`` and ``自治区旅游局`` in a Xinjiang document,
``xj.hami:人民政府`` for ``哈密市政府``), and a type read from its suffix
(`type_of`). When the document's jurisdiction is unknown, the scope is the
document itself, ``doc:<doc_id>:<name>`` (``doc:plan-2020:省科技厅``): the
省科技厅 of one unplaced document may be another province's than that of the
next, so two such documents never share a body the gazetteer does not know.
A park's administrative committee (管委会) is the park itself: same id, type
Park. Bodies of different jurisdictions or levels never share an id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from innograph.ingest.gazetteer import (
    NATIONAL,
    Gazetteer,
    GazetteerEntry,
    default_gazetteer,
    lookup_key,
)
from innograph.ingest.lexicon import entities as E
from innograph.ingest.lexicon.docnumbers import AS_WRITTEN as DOC_NUMBER_AS_WRITTEN
from innograph.ingest.lexicon.docnumbers import CODE as DOC_NUMBER_CODE
from innograph.ingest.model import ENTITY_TYPES, GOVERNED_TYPES, Mention

#: Id prefix of unknown names in a document of unknown jurisdiction: ``doc:<doc_id>:<name>``.
DOCUMENT_SCOPE = "doc"

# --- type from suffix ---------------------------------------------------------


_COLLECTIVE_PREFIXES = E.COLLECTIVE_PREFIXES
#: A quantifier inside the name makes a group too: 省直有关部门, 县级以上人民政府,
#: and the 市级政府 / 县级政府 that ``市、县两级政府`` is read as.
_COLLECTIVE_INSIDE = re.compile(E.COLLECTIVE_INSIDE)
_TAX = E.TAX_ADMINISTRATION

#: Types surely not a government's: one actor across a province (`Resolver._province_of`).
_NOT_GOVERNMENT = frozenset({"University", "Enterprise", "Park", "Lab", "Institute", "Alliance"})


def type_of(name: str) -> str:
    """The contract type a name's form implies (``…厅`` -> Agency, ``有关…`` -> Collective).

    >>> [type_of(n) for n in ("旅游局", "党委农办", "昌吉高新区管委会", "有关单位", "新疆大学")]
    ['Agency', 'PartyOrgan', 'Park', 'Collective', 'University']
    >>> [type_of(n) for n in ("省直有关部门", "县级以上人民政府", "市级政府", "市场监管局")]
    ['Collective', 'Collective', 'Collective', 'Agency']
    """
    if name.startswith(_COLLECTIVE_PREFIXES) or _COLLECTIVE_INSIDE.search(name):
        return "Collective"
    if name.startswith(E.PARTY_PREFIXES) or name.endswith(E.PARTY_SUFFIXES):
        return "PartyOrgan"
    if name.startswith("委") and not name.startswith("委员会"):  # 省委编办 without its 省
        return "PartyOrgan"
    if name.startswith(E.CENTRAL_BANK):  # its branches (分行, 中心支行) govern, not trade
        return "Agency"
    for kind, suffixes in E.TYPE_SUFFIXES:
        if name.endswith(suffixes):
            return kind
    return "Organization"


# --- reading a name -----------------------------------------------------------

#: Level words in front of a name, most specific first. 国务院/国家 mean the
#: nation; the others mean the nearest jurisdiction (the document's own or
#: one above it) whose name ends with the word.
_LEVEL_WORDS = E.LEVEL_WORDS
#: A level word followed by one of these is an adjective or a compound
#: (国家级, 市场监管局, 州市), not a jurisdiction — except 市场 (省市场监管局).
_NOT_AFTER_LEVEL = frozenset(E.NOT_AFTER_LEVEL)
#: Written forms of a government that name the same body.
_GOVERNMENT_FORMS = {"政府": "人民政府", "行署": "行政公署"}
_TRAILING_BRACKET = re.compile(r"（[^（）]*）$")


def _clean(text: str) -> str:
    key = lookup_key(text)
    return key[:-1] if key.endswith("等") and len(key) > 2 else key


class Resolver:
    """Resolves names inside one document's jurisdiction (``None``: unknown).

    `document` is the document's id: the scope of the names the gazetteer
    does not know when its jurisdiction is unknown (`DOCUMENT_SCOPE`).
    `date` (ISO, or a year) is the document's: a name means the body that
    existed then (`Gazetteer.at`; bodies across reforms, docs/corrections.md).
    Results are cached per resolver; make one per document.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        jurisdiction: str | None,
        *,
        document: str | None = None,
        date: str | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.document = document
        self.date = date
        region = None
        if jurisdiction:
            region = gazetteer.region(jurisdiction) or gazetteer.region_named(jurisdiction)
        #: canonical full name of the document's jurisdiction
        self.jurisdiction = region.name if region else (jurisdiction or None)
        self._chain = self._jurisdictions_above(region) if region else [self.jurisdiction]
        self._cache: dict[tuple[str, str | None, str | None], GazetteerEntry] = {}
        self._unknown: dict[str, GazetteerEntry] = {}
        self._defined: dict[str, GazetteerEntry] = {}  # the document's own abbreviations

    def _jurisdictions_above(self, region: GazetteerEntry) -> list[str | None]:
        """The region, its administrative superiors, then the territory it lies in."""
        chain: list[str | None] = []
        todo = [region]
        while todo:
            r = todo.pop(0)
            if r.name in chain:
                continue
            chain.append(r.name)
            todo += [self.gazetteer.by_id(ref) for ref in (r.parent, r.region) if ref]
        return chain

    # --- public -------------------------------------------------------------

    def resolve(
        self, surface: str, expanded: str | None = None, type_hint: str | None = None
    ) -> Mention:
        """The mention of `surface` (as written), resolved; spans are the caller's."""
        entry = self.resolve_entry(surface, expanded, type_hint)
        return Mention(entry.id, entry.name, surface, entry.type)

    def resolve_entry(
        self, surface: str, expanded: str | None = None, type_hint: str | None = None
    ) -> GazetteerEntry:
        """The gazetteer entry `surface` means, or a scoped entry made up for it.

        `type_hint` (e.g. from the EntityRuler) types an unknown name whose
        suffix says nothing (``…平台``), and turns a place used as an actor
        (``伊犁哈萨克自治州`` as an addressee) into its government; pass
        ``"Organization"`` where all that is known is that the name is an actor
        (a role clause, an issuer, a recipient). `ValueError` for an empty name.
        """
        key = (surface, expanded, type_hint)
        found = self._cache.get(key)
        if found is None:
            found = self._resolve(surface, expanded, type_hint)
            self._cache[key] = found
        return found

    def define(self, short: str, entry: GazetteerEntry) -> None:
        """A document's own abbreviation means the body it follows, in that document.

        ``兰州白银国家自主创新示范区（以下简称兰白自创区）``: 兰白自创区 is that zone
        wherever this document writes it, as a role clause or in running text.
        """
        self._defined[_clean(short)] = entry
        self._cache.clear()

    def defines(self, short: str) -> bool:
        """Whether the document defined `short` as its own abbreviation (`define`)."""
        return _clean(short) in self._defined

    def entry(self, entity_id: str) -> GazetteerEntry | None:
        """A gazetteer entry, or an unknown one this resolver made, by id."""
        if entity_id in self.gazetteer:
            return self.gazetteer.by_id(entity_id)
        return self._unknown.get(entity_id)

    # --- resolution ---------------------------------------------------------

    def _resolve(self, surface: str, expanded: str | None, type_hint: str | None) -> GazetteerEntry:
        written = _clean(surface)
        if not written:
            raise ValueError(f"cannot resolve an empty name: {surface!r}")
        longer = _clean(expanded) if expanded else ""
        forms = [longer, written] if longer and longer != written else [written]
        # 国家税务总局江苏省税务局 is the province's 税务局, as 省税务局 is
        forms = [
            f[len(_TAX) :] if f.startswith(_TAX) and len(f) > len(_TAX) + 3 else f for f in forms
        ]
        for text in forms:
            for form in (text, _park_of_committee(text)):  # 兰白自创区管委会: the zone
                if form in self._defined:
                    return self._defined[form]
        for i, text in enumerate(forms):
            entry = self.known(text)
            if entry is None:
                continue
            if entry.type == "Region":
                if i > 0:
                    break  # 哈密 of 哈密、…国家农业科技园区管委会: a fragment, not the park
                if type_hint and type_hint not in ("Region", "Program"):
                    return self._government(entry)
            return entry
        return self._make_unknown(forms[0], type_hint)

    def known(self, text: str) -> GazetteerEntry | None:
        """The gazetteer entry a name means in this document, if any."""
        text = _clean(text)
        entry = self._lookup(text)
        if entry is None:
            bare = _TRAILING_BRACKET.sub("", text)
            if bare and bare != text:
                entry = self._lookup(bare)
        return entry

    def _lookup(self, text: str) -> GazetteerEntry | None:
        entry = self._lookup_named(text)
        return self.gazetteer.at(entry, self.date) if entry is not None else None

    def _lookup_named(self, text: str) -> GazetteerEntry | None:
        g, date = self.gazetteer, self.date
        if self.jurisdiction:
            entry = g.lookup_local(text, self.jurisdiction, date)
            if entry is not None:
                return entry
        entry = g.lookup_global(text, date)
        if entry is not None:
            return entry
        scoped = self._scope(text)
        if scoped is None:
            return None
        scope, rest = scoped
        # 省委 in a city's document: the province's own local alias, then its bare form
        entry = g.lookup_local(text, scope, date) or g.lookup_local(rest, scope, date)
        if entry is None:
            entry = g.lookup_global(rest, date)
            if entry is not None and entry.jurisdiction != scope:
                entry = None
        return entry

    def _scope(self, text: str) -> tuple[str, str] | None:
        """The jurisdiction written in front of a name, and the rest of it."""
        if text.startswith("中共") and len(text) > 2:
            text = text[2:]
        hit = self.gazetteer.region_prefix(text)
        if hit is not None:
            region, rest = hit
            return region.name, rest
        for word in _LEVEL_WORDS:
            rest = text[len(word) :]
            if not text.startswith(word) or not rest:
                continue
            if rest[0] in _NOT_AFTER_LEVEL and not rest.startswith("市场"):
                continue
            if rest.startswith("直") and len(rest) > 2:  # 省直有关部门: the province's
                rest = rest[1:]
            if word in ("国务院", "国家"):
                return NATIONAL, rest
            for jurisdiction in self._chain:
                if jurisdiction and jurisdiction.endswith(word):
                    return jurisdiction, rest
            return None
        return None

    def _government(self, region: GazetteerEntry) -> GazetteerEntry:
        """The government of a place named as an actor."""
        if region.level == "national":
            return region
        for form in ("人民政府", "行政公署"):
            entry = self.gazetteer.lookup_global(region.name + form)
            if entry is not None:
                return entry
        form = "行政公署" if region.name.endswith("地区") else "人民政府"
        return self._make_unknown(region.name + form, "Agency")

    def _make_unknown(self, text: str, type_hint: str | None) -> GazetteerEntry:
        scope, bare = self.jurisdiction, text
        scoped = self._scope(text)
        if scoped is not None:
            scope = scoped[0]
            # 自治区旅游局, 哈密市政府: a body of that place
            if type_of(scoped[1]) in GOVERNED_TYPES:
                bare = scoped[1]
        bare = _park_of_committee(bare)
        bare = _GOVERNMENT_FORMS.get(bare, bare)
        # the suffix decides; a hint only names what the suffix leaves generic,
        # so one name gets one type whichever context it is read in first
        kind = type_of(bare)
        if kind == "Organization" and type_hint in ENTITY_TYPES:
            kind = type_hint
        region = self.gazetteer.region(scope) if scope else None
        if region is not None and kind in _NOT_GOVERNMENT:
            region = self._province_of(region)
            scope = region.name
        code = region.id if region else (scope or self._document_scope())
        if region is None or type_of(bare) not in GOVERNED_TYPES:
            name = bare
        elif region.name == NATIONAL:
            name = text  # a bare 科技厅 in a national document is no national body: as written
        else:  # a body of the jurisdiction is named with it: 旅游局 -> 新疆维吾尔自治区旅游局
            name = region.name + bare
        entry = GazetteerEntry(
            id=f"{code}:{bare}",
            name=name,
            type=kind,
            level=region.level if region else None,
            jurisdiction=scope,
            aliases=(),
        )
        return self._unknown.setdefault(entry.id, entry)

    def _document_scope(self) -> str:
        """The id scope of an unknown name when no jurisdiction is known: the document."""
        if self.document is None:
            raise ValueError(
                "a name the gazetteer does not know, in a document of unknown jurisdiction, "
                "is scoped to the document: make the Resolver with document=<doc_id>"
            )
        return f"{DOCUMENT_SCOPE}:{self.document}"

    def _province_of(self, region: GazetteerEntry) -> GazetteerEntry:
        """The provincial-level region a city or county lies in (itself above that).

        A university or a firm the gazetteer does not know is one actor in its
        province's documents and in its cities': unlike a 科技局, its bare name
        does not mean a different body in each city.
        """
        return province_of(self.gazetteer, region)


def province_of(gazetteer: Gazetteer, region: GazetteerEntry) -> GazetteerEntry:
    """The provincial-level region a city or county lies in (itself above that)."""
    seen = {region.id}
    while region.level in ("prefecture", "county") and region.jurisdiction:
        above = gazetteer.region(region.jurisdiction)
        if above is None or above.id in seen:
            break
        seen.add(above.id)
        region = above
    return region


def _park_of_committee(name: str) -> str:
    """``昌吉高新区管委会`` -> ``昌吉高新区``: a park and its committee are one actor."""
    for suffix in ("管委会", "管理委员会"):
        if name.endswith(suffix) and type_of(name[: -len(suffix)]) == "Park":
            return name[: -len(suffix)]
    return name


# --- the document's jurisdiction -----------------------------------------------

_OWN_NUMBER = re.compile(DOC_NUMBER_AS_WRITTEN)
_NUMBER_CODE = re.compile(DOC_NUMBER_CODE)
_SPLIT = re.compile(r"[，,、；;：:\s]+")
_GOVERNMENT_LINE = ("人民政府", "党委", "委员会", "办公厅")


def infer_jurisdiction(
    doc_number: str | None,
    issuers: Iterable[str],
    recipients: Iterable[str],
    text_head: str,
    manifest_value: str | None,
    *,
    gazetteer: Gazetteer | None = None,
    title: str | None = None,
    named: Iterable[tuple[str, str | None]] = (),
) -> str | None:
    """Whose bodies a document's short names refer to, as a canonical full name.

    The evidence, strongest first:

    1. the manifest;
    2. the issuer (新疆维吾尔自治区人民政府 -> 新疆维吾尔自治区), with a city's
       government opening a line of the head inside the province its
       document-number prefix names (苏州市人民政府…, 苏府 -> 苏州市);
    3. the document-number prefix (新政发, 内政发, 国办发 …);
    4. the recipients (伊犁哈萨克自治州 -> 新疆维吾尔自治区, 各盟行政公署 -> 内蒙古自治区);
    5. the document's head (its own number line, a government's name opening
       a line, its address line);
    6. its `title` and the bodies it names (`named`: each name the entity
       pipeline found, with its gazetteer id if any), read by `_from_named`:
       the bodies its title names before 关于 (科技部 财政部关于…: national);
       else national bodies outweighing all others make it national; else a
       place its title names, when all it names lies in one province
       (浙江省…实施方案, 数字广东建设…, 广州市…); else, when the title names
       no place, the province whose places and bodies dominate its text —
       never places alone, which say what a document is about, not whose it is.

    ``None`` when nothing tells.

    >>> infer_jurisdiction("苏政发〔2015〕1号", [], [], "", None)
    '江苏省'
    >>> infer_jurisdiction(None, [], [], "", None, title="数字广东建设三年行动计划")
    '广东省'
    """
    g = default_gazetteer() if gazetteer is None else gazetteer
    if manifest_value and manifest_value.strip():
        region = g.region(manifest_value.strip()) or g.region_named(manifest_value)
        return region.name if region else manifest_value.strip()
    by_number = _from_doc_number(g, doc_number)
    return (
        _from_issuers(g, issuers)
        or _city_within(g, _from_government_line(g, text_head), by_number)
        or by_number
        or _from_recipients(g, recipients)
        or _from_head(g, text_head)
        or _from_named(g, title, _tally(g, named))
    )


def _city_within(g: Gazetteer, city: str | None, province: str | None) -> str | None:
    """`city` when it lies in `province`: 苏州市人民政府… numbered 苏府 is Suzhou's, not Jiangsu's.

    A number's prefix names a province; a title opening with the government of
    one of its cities says which of its places issued it.
    """
    region = g.region(city) if city and province else None
    while region is not None and region.jurisdiction and region.jurisdiction != region.name:
        if region.jurisdiction == province:
            return city
        region = g.region(region.jurisdiction)
    return None


def _from_government_line(g: Gazetteer, head: str) -> str | None:
    """The place whose government opens a line of the head (its title or signature)."""
    for line in head.splitlines():
        hit = g.region_prefix(line.strip())
        if hit is not None and hit[1].startswith(_GOVERNMENT_LINE):
            return hit[0].name
    return None


def _from_issuers(g: Gazetteer, issuers: Iterable[str]) -> str | None:
    resolver = Resolver(g, None)
    for issuer in issuers:
        text = _clean(issuer)
        entry = resolver.known(text)
        if entry is not None:
            return entry.name if entry.type == "Region" else entry.jurisdiction
        scoped = resolver._scope(text)
        if scoped is not None and scoped[0] != NATIONAL:
            return scoped[0]
    return None


def _from_doc_number(g: Gazetteer, doc_number: str | None) -> str | None:
    match = _NUMBER_CODE.match(doc_number or "")
    if not match:
        return None
    code = match.group(1)
    for n in range(len(code), 0, -1):
        if code[:n] in g.doc_number_prefixes:
            return g.doc_number_prefixes[code[:n]]
    return None


def _from_recipients(g: Gazetteer, recipients: Iterable[str]) -> str | None:
    recipients = [r for r in recipients if r]
    joined = "，".join(lookup_key(r) for r in recipients)
    for marker, jurisdiction in g.jurisdiction_markers.items():
        if lookup_key(marker) in joined:
            return jurisdiction
    resolver = Resolver(g, None)
    for recipient in recipients:
        text = _clean(recipient)
        entry = resolver.known(text)
        place = None
        if entry is not None:
            place = entry if entry.type == "Region" else g.region(entry.jurisdiction or "")
        else:
            hit = g.region_prefix(text)
            place = hit[0] if hit else g.region_named(text)
        if place is not None and place.level != "national":
            return place.jurisdiction  # an addressee lies inside the issuer's jurisdiction
    return None


def _from_head(g: Gazetteer, head: str) -> str | None:
    lines = [line.strip() for line in head.splitlines() if line.strip()]
    for line in lines:
        match = _OWN_NUMBER.match(line)
        if match:
            found = _from_doc_number(g, match.group(1))
            if found:
                return found
    found = _from_government_line(g, head)
    if found:
        return found
    for line in lines:
        if line.endswith(("：", ":")):
            return _from_recipients(g, _SPLIT.split(line))
    return None


# --- jurisdiction from the title and the bodies named ---------------------------

#: Title openings of the nation's own documents: the places they name are their subject.
_NATIONAL_TITLE = ("国务院", "中共中央", "中华人民共和国", "国家", "全国")
#: Level words opening the name of a province's own body (省科技厅, 自治区财政厅),
#: and of a city's (市科技局, 州发改委, 自治州财政局, 盟财政局), longest first.
_PROVINCE_LEVEL = ("自治区", "省")
_CITY_LEVEL = ("自治州", "地区", "市", "州", "盟")
#: Body evidence needed before the bodies named alone decide a jurisdiction.
_ENOUGH = 3
#: The share of the place evidence the winning province must hold.
_DOMINANT = 0.75


@dataclass
class _Tally:
    """What the names of one document say about whose document it is."""

    #: region name -> places and bodies named with it (浙江省, 杭州, 浙江省科技厅)
    places: Counter[str] = field(default_factory=Counter)
    #: region name -> governed bodies of it (浙江省科技厅, 杭州市人民政府)
    bodies: Counter[str] = field(default_factory=Counter)
    #: national governing bodies (科技部, 国家发展改革委; not 国家重点实验室)
    national: int = 0
    #: bodies written as a province's own (省科技厅, 科技厅) or a city's (市科技局)
    provincial: int = 0
    city: int = 0

    @property
    def own(self) -> int:
        """Bodies below the nation: of a named place, or written as the document's own."""
        return sum(self.bodies.values()) + self.provincial + self.city


def _tally(g: Gazetteer, named: Iterable[tuple[str, str | None]]) -> _Tally:
    """Count what each name found in a document says about its jurisdiction.

    Vague groups say nothing: ``各省科技厅`` is how the nation addresses provinces.

    >>> named = ["省科技厅", "浙江省科技厅", "科技厅", "市场监管局", "自治州科技局", "各省科技厅"]
    >>> t = _tally(default_gazetteer(), [(n, None) for n in named] + [("科技部", "cn.most")])
    >>> (dict(t.places), dict(t.bodies), t.national, t.provincial, t.city)
    ({'浙江省': 1}, {'浙江省': 1}, 1, 2, 1)
    """
    tally = _Tally()
    for surface, gazetteer_id in named:
        name = lookup_key(surface)
        if not name or type_of(name) == "Collective":
            continue
        if gazetteer_id and gazetteer_id in g:
            _count_entry(g, tally, g.by_id(gazetteer_id))
        elif (hit := g.region_prefix(name)) is not None:
            region, rest = hit
            governed = type_of(rest) in GOVERNED_TYPES
            if region.level == "national":
                tally.national += governed
            else:
                tally.places[region.name] += 1
                tally.bodies[region.name] += governed
        elif name.startswith(("国家", "国务院")):
            tally.national += type_of(name) in GOVERNED_TYPES  # not 国家重点实验室
        else:
            _count_level(g, tally, name)
    return tally


def _count_entry(g: Gazetteer, tally: _Tally, entry: GazetteerEntry) -> None:
    """A name the gazetteer ties to one entry: a place, a national body, or a local one."""
    if entry.type == "Region":
        if entry.level != "national":  # 中国 is everyone's
            tally.places[entry.name] += 1
    elif entry.level == "national":
        tally.national += entry.type in GOVERNED_TYPES  # a national park is somewhere
    elif entry.jurisdiction and g.region(entry.jurisdiction) is not None:
        tally.places[entry.jurisdiction] += 1
        tally.bodies[entry.jurisdiction] += entry.type in GOVERNED_TYPES


def _count_level(g: Gazetteer, tally: _Tally, name: str) -> None:
    """A body named as the document's own: by its level word, or as a local alias of one level."""
    for word in (*_PROVINCE_LEVEL, *_CITY_LEVEL):
        rest = name[len(word) :]
        if name.startswith(word) and rest:
            if rest[0] in _NOT_AFTER_LEVEL and not rest.startswith("市场"):
                return  # 市场监管局, 州市: no level
            if word in _PROVINCE_LEVEL:
                tally.provincial += 1
            else:
                tally.city += 1
            return
    levels = {e.level for e in g.candidates(name)}
    if levels == {"provincial"}:  # 科技厅: every province has one, no city does
        tally.provincial += 1
    elif levels == {"prefecture"}:
        tally.city += 1


def _from_named(g: Gazetteer, title: str | None, tally: _Tally) -> str | None:
    """The jurisdiction the title and the bodies named tell (`infer_jurisdiction`, step 6)."""
    issuer = _title_issuer(g, title)
    if issuer is not None:
        return issuer
    if tally.national >= _ENOUGH and tally.national > 2 * tally.own:
        return NATIONAL
    places = _title_places(g, title)
    if len({province_of(g, r).name for r in places}) > 1:
        return None  # 江苏省对口支援新疆…: the body's majority cannot say whose
    return _from_title(g, places, tally) if places else _from_places(g, tally)


def _title_issuer(g: Gazetteer, title: str | None) -> str | None:
    """The jurisdiction of the bodies a title names before 关于: its issuers.

    >>> _title_issuer(default_gazetteer(), "科技部 财政部关于支持广东省开展科技金融试点的通知")
    '中华人民共和国'
    """
    head, found, _ = (title or "").partition("关于")
    names = [n for n in _SPLIT.split(head) if n]
    return _from_issuers(g, names) if found and names else None


def _title_places(g: Gazetteer, title: str | None) -> list[GazetteerEntry]:
    """The places a title names, in order; none when it is the nation's (国务院关于…).

    >>> g = default_gazetteer()
    >>> titles = ("数字广东建设行动计划", "长三角一体化发展规划", "国务院关于支持新疆发展的意见")
    >>> [[r.name for r in _title_places(g, t)] for t in titles]
    [['广东省'], [], []]
    """
    if not title or lookup_key(title).startswith(_NATIONAL_TITLE):
        return []
    return [r for r in g.regions_in(title) if r.level != "national"]


def _from_title(g: Gazetteer, named: list[GazetteerEntry], tally: _Tally) -> str:
    """The place of a title naming places of one province.

    The first place named is the document's, at the level its own bodies are
    written at: ``浙江省…支持杭州…`` with 省 bodies is Zhejiang's, with 市
    bodies Hangzhou's.
    """
    if tally.provincial > tally.city:
        return province_of(g, named[0]).name
    if tally.city > tally.provincial:
        below = [r for r in named if r.level != "provincial"]
        return (below or named)[0].name
    return named[0].name


def _from_places(g: Gazetteer, tally: _Tally) -> str | None:
    """The province (or its city) whose places and bodies dominate the document's names.

    It needs a body of its own among them — a governed body of that province
    or one written at a level (省科技厅) — and more evidence of its own than
    of the nation's; a city's document needs its city named most.
    """
    regions = {name: g.region(name) for name in tally.places}
    by_province: Counter[str] = Counter()
    for name, count in tally.places.items():
        region = regions[name]
        if region is not None:
            by_province[province_of(g, region).name] += count
    ranked = by_province.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    province, count = ranked[0]
    levels = tally.provincial + tally.city
    bodies = sum(n for name, n in tally.bodies.items() if _within(g, regions.get(name), province))
    if (
        count < _DOMINANT * sum(by_province.values())
        or bodies + levels == 0
        or count + levels < _ENOUGH
        or tally.national >= count + levels
    ):
        return None
    if tally.city <= tally.provincial or province.endswith("市"):
        return province  # 北京市's 市科委 is the municipality's own
    cities: Counter[str] = Counter(
        {
            name: n
            for name, n in tally.places.items()
            if name != province and _within(g, regions[name], province)
        }
    )
    ranked = cities.most_common(2)
    if not ranked or ranked[0][1] < _DOMINANT * sum(cities.values()):
        return None  # a city's document, but not which city's
    return ranked[0][0]


def _within(g: Gazetteer, region: GazetteerEntry | None, province: str) -> bool:
    return region is not None and province_of(g, region).name == province
