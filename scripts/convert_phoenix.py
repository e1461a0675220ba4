"""Convert the Phoenix/PETRARCH2 actor and agent dictionaries into kg's compact data files.

Reads (read-only) the dictionaries in ``../shared/reference/event-dictionaries`` and writes, to
``ontology/actors/phoenix/``:

* ``persons.tsv``: one row per named person (``name``, ``aliases``, ``roles``), from
  Phoenix.Countries.actors.txt and the people found in Phoenix.International.actors.txt and
  Phoenix.MilNonState.actors.txt. A role is ``CODE@START..END`` with ISO dates; an empty side is
  open, ``CODE@..`` is an undated (default) code.
* ``organizations.tsv``: the organisations of International.actors and MilNonState.actors
  (``name``, ``code``, ``kind``, ``country``, ``aliases``).
* ``agents.tsv``: the generic agent nouns of Phoenix.agents.txt (``noun``, ``plural``,
  ``sector``, ``codes``).

Everything the converter leaves out is counted and printed with up to five examples per reason;
nothing is dropped silently. The output is deterministic (sorted rows, no timestamps). Standard
library only.

    python scripts/convert_phoenix.py [--src DIR] [--out DIR] [--examples N]

Dictionary semantics follow PETRARCH2's reader (``PETRreader.read_actor_dictionary``): a line is a
primary phrase, a ``+`` synonym, or a bracketed code restriction ``[CODE]``, ``[CODE >date]``
(from), ``[CODE <date]`` (until) or ``[CODE date-date]``; ``#`` starts a comment. Dates are
``YYMMDD`` or ``YYYYMMDD``; a two-digit year ``00``-``30`` is 20YY, ``31``-``99`` is 19YY, the
rule PETRARCH2 (``dstr_to_ordate``), TABARI and KEDS use.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import difflib
import hashlib
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "reference" / "event-dictionaries"
DEFAULT_OUT = ROOT / "ontology" / "actors" / "phoenix"

COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
MILNONSTATE_FILE = "Phoenix.MilNonState.actors.txt"
AGENTS_FILE = "Phoenix.agents.txt"

# ISO 3166-1 alpha-3 (249 codes). Kosovo is XKX in kg (a user-assigned code); CAMEO writes KSV.
ISO3 = frozenset(
    """ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD
    BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD
    COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST
    ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM
    GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ
    KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX
    MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD
    NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA
    SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR
    TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN
    VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE""".split()
)
CAMEO_TO_ISO = {"KSV": "XKX"}

# CAMEO sector (role) codes: an actor code with one of these after its country part is a role of
# a person or organisation; a code without any (AFG, USRARM, IRQOCC) is a country or territory.
SECTORS = frozenset(
    """GOV MIL REB OPP PTY COP JUD SPY LEG ELI BUS MED EDU HLH CVL REF AGR ENV LAB DEV HRI CRM REL
    UAF INS IMG IGO NGO NGM MNC RAD MOD SEP PRO CTH SHI SUN HIN BUD CHR JEW MUS ATH""".split()
)
EAST_ASIAN = ("KOR", "PRK", "TWN", "CHN", "HKG", "MAC")

# Words that make a phrase an organisation, office or thing rather than a person's name.
ORG_WORDS = frozenset(
    """ARMY ARMIES FORCE FORCES FRONT BRIGADE BRIGADES BATTALION BATTALIONS MOVEMENT ORGANIZATION
    ORGANISATION ORGANIZATIONS PARTY PARTIES GROUP GROUPS FOUNDATION INSTITUTE INSTITUTION
    ASSOCIATION SOCIETY CENTER CENTRE COUNCIL COMMITTEE COMMISSION ASSEMBLY CONGRESS PARLIAMENT
    DEPARTMENT MINISTRY AGENCY BUREAU OFFICE ADMINISTRATION GOVERNMENT REGIME CABINET SERVICE
    SERVICES GUARD GUARDS POLICE COURT TRIBUNAL UNION LEAGUE FEDERATION COALITION ALLIANCE NETWORK
    FUND BANK BANCORP COMPANY CORPORATION CORP CORP. INC INC. LTD LTD. LLC PLC HOLDINGS INDUSTRIES
    TRUST PARTNERS UNIVERSITY COLLEGE SCHOOL HOSPITAL CHURCH MISSION PROGRAM PROGRAMME PROJECT
    INITIATIVE CAMPAIGN FACTION MILITIA MILITIAS REBELS INSURGENTS SUPPORTERS LOYALISTS CAMP
    PALACE HOUSE STREET DIRECTORATE SECRETARIAT COMMAND BOARD AUTHORITY CORPS UNIT UNITS SQUAD
    REPUBLIC KINGDOM STATE STATES EMIRATE CALIPHATE JIHAD MUJAHIDEEN TALIBAN NATIONS INTERNATIONAL
    WORLDWIDE GLOBAL NATIONAL FELLOWSHIP FORUM DECLARATION CONFERENCE SUMMIT PANEL BODIES CLUB
    MEDIA NEWS TIMES POST JOURNAL TELEVISION RADIO BROADCASTER DELEGATION CONTINGENT MONITOR
    MONITORS OBSERVATORY RESISTANCE REVOLUTION REVOLUTIONARY LIBERATION DEFENSE DEFENCE SECURITY
    INTELLIGENCE STAFF SECRETARY-GENERAL CHAMBER COOPERATIVE SYNDICATE CARTEL GANG CLAN TRIBE
    TRIBES SYSTEMS TECHNOLOGIES PHARMACEUTICALS ENERGY RESOURCES FINANCIAL INSURANCE AIRLINES
    MOTORS ELECTRIC ENTERPRISES PRODUCTIONS LABORATORIES WING CELL CELLS COMMANDOS GUERRILLAS
    FIGHTERS FOLLOWERS MARTYRS SOLDIERS ARMED TEAM RESERVE YARD SABHA RIFLES THINK TANK
    HEADQUARTERS COMMUNITY JABHAT JAISH JAYSH AHRAR LIWA KATAIB KATA'IB HARAKAT HARAKAH HIZB
    ANSAR TANZIM SARAYA SARAYAT JUND GHURABA SUQOUR JAMAAT JAMAA JEMAAH JAMIAT TEHRIK TAHRIK
    LASHKAR SIPAH SENA COMMANDO BROTHERHOOD RELIEF VOICES""".split()
)
# Leading words that name an office, not the person; everything up to the last of them is
# stripped from a person's name or alias ("RUSSIAN_FOREIGN_MINISTER_SERGEY_LAVROV" -> Sergey
# Lavrov). Royal, religious and noble titles (King, Sheikh, Ayatollah, Lord) are kept: news uses
# them as part of the name.
TITLE_WORDS = frozenset(
    """PRESIDENT PRESIDENT-ELECT VICE VICE-PRESIDENT PRIME MINISTER MINISTERS PREMIER CHANCELLOR
    KANZLER BUNDESKANZLER BUNDESPRASIDENT SECRETARY SECRETARY-GENERAL GENERAL
    GEN. GEN LT. LT COL. COL MAJ. CAPT. ADM. ADMIRAL MARSHAL BRIGADIER COMMANDER COMMANDANT
    SENATOR SEN. REP. REPRESENTATIVE CONGRESSMAN CONGRESSWOMAN LAWMAKER GOVERNOR GOV. AMBASSADOR
    ENVOY MAYOR LEADER LEADERS CHIEF HEAD DIRECTOR CHAIRMAN CHAIRWOMAN CHAIRPERSON SPEAKER
    SPOKESMAN SPOKESWOMAN SPOKESPERSON MR MR. MRS MRS. MS MS. DR DR. PROF. PROFESSOR JUDGE
    ATTORNEY ATTORNEY-GENERAL FORMER EX EX- ACTING INTERIM DEPUTY REFORMER DISSIDENT ACTIVIST
    OPPOSITION OFFICIAL CEO FOUNDER CO-FOUNDER COMMISSIONER EXECUTIVE TREASURER GENERALISSIMO
    STRONGMAN DICTATOR DESIGNATE-PRIME DESIGNATE""".split()
)
# Offices: an organisation's alias with one of these names a post ("WORLD_BANK_PRESIDENT").
OFFICE_WORDS = frozenset(
    """PRESIDENT CHAIRMAN CHAIRWOMAN CHIEF SECRETARY-GENERAL SECRETARY DIRECTOR DIRECTOR-GENERAL
    SPOKESMAN SPOKESWOMAN LEADER HEAD COMMANDER ENVOY AMBASSADOR MINISTER CEO REPRESENTATIVE""".split()
)
# Function words that never occur in a person's name: a name with one is a phrase (an office,
# "X, then Y", a description).
PHRASE_WORDS = frozenset("OF FOR AND THEN WITH SEC. MIN. & THE".split())
KEPT_OF = frozenset(
    {"LORD", "LADY", "BARON", "BARONESS", "VISCOUNT", "EARL", "DUKE", "COUNT"}
)  # "Lord Robertson of Port Ellen"
# Particles that are lower-case inside a person's name.
LOWER_PARTICLES = frozenset("DE DA DO DOS DAS DU DES DEL VAN VON DER DEN TER BIN BINT IBN IBNI".split())
# Arabic article-like particles written joined to the next word ("al-Assad", "ul-Haq").
JOINED_PARTICLES = frozenset("AL EL UL UD".split())
HYPHEN_PREFIXES = frozenset("AL EL AD AS ASH AN AR AT AZ UL UD UR ED ES ET EZ".split())
NAME_PARTICLES = LOWER_PARTICLES | JOINED_PARTICLES | frozenset("ABU ABD ABDUL ABDEL BEN BENT Y E".split())
# Lower-case small words inside organisation names.
ORG_SMALL = frozenset("OF THE AND FOR IN ON AT TO A AN BY WITH WITHOUT FROM DE DES DU LA LE DEL Y ET OR".split())
HONORIFICS = frozenset(
    """SHEIKH SHAIKH SHEIK LORD LADY SIR DAME BARON BARONESS KING QUEEN PRINCE PRINCESS EMIR AMIR
    SULTAN AYATOLLAH HOJATOLISLAM MULLAH IMAM MAULANA POPE TUANKU PENGIRAN DATO DATUK LYONPO
    SADHVI SWAMI ACHARYA""".split()
)
# Honorifics that are never part of the name itself (unlike Sheikh, Sultan, Amir: "Sheikh Hasina",
# "Sultan Ali Keshtmand"); the display name goes without them.
STRIPPED_HONORIFICS = frozenset(
    """SIR DAME LORD LADY BARON BARONESS KING QUEEN PRINCE PRINCESS AYATOLLAH HOJATOLISLAM MULLAH
    MAULANA POPE TUANKU DATO DATUK SADHVI SWAMI ACHARYA LYONPO""".split()
)
# Second honorifics, stripped only after a first one: "Hojatolislam Sayyed ...", "Datuk Seri ..."
SAYYID = frozenset("SAYYED SAYYID SEYYED SEYED SERI PENGIRAN".split())
# Comments of MilNonState/International entries that say the entry is a person.
PERSON_COMMENT = re.compile(
    r"\b(leader|member|commander|founder|co-founder|head|chief|spokes\w*|alias of|president of|secretary|contact)\b",
    re.IGNORECASE,
)
# First words of CountryInfo names that also begin organisation names (checked by hand).
NOT_GIVEN = frozenset(
    "THE PAN CHRISTIAN NEW SAN SANTA ST. SAINT LA LE EL DE ISLAMIC NGO VITAL IZZ ALEJO MARA ANANDA".split()
)
# Names that pass the person test but are institutions (checked by hand).
NOT_PERSONS = frozenset({"SHIN BET", "PUSSY RIOT", "ERGENEKON", "MARIE STOPES", "ALPHA KAPPA ALPHA"})

# Agent nouns that are weapons, vehicles, places or abstractions, not people or organisations.
EQUIPMENT_WORDS = frozenset(
    """MISSILE MISSILES AIRCRAFT HELICOPTER HELICOPTERS GUNSHIP JET JETS JETFIGHTER PLANE PLANES
    BOMBER BOMBERS WARPLANE WARSHIP SHIP SHIPS BOAT VESSEL CARRIER CRUISER CORVETTE DESTROYER
    FRIGATE BATTLESHIP BATTLEWAGON DRONE DRONES UAV VEHICLE TANK HUMVEE HMMWV TRAINER CRAFT
    APACHE RAPTOR HORNET TYPHOON CHINOOK DRAGONFLY KFIR MIG FALCON PHALANX OSPREY ORION POSEIDON
    REAPER PREDATOR TOMCAT NIGHTHAWK SUKHOI SCUD TOMAHAWK MACHINE_GUN""".split()
)
PLACE_WORDS = frozenset("BASE BARRACKS FACILITY POSITION".split())
ABSTRACT_WORDS = frozenset("INFORMATION ACTIVITY OPERATION PRESENCE".split())


# ----------------------------------------------------------------------------------------------
# Reporting


class Report:
    """Counts of everything left out or repaired, with the first examples of each."""

    def __init__(self, examples: int = 5) -> None:
        self.max_examples = examples
        self.counts: dict[tuple[str, str], int] = collections.Counter()
        self.examples: dict[tuple[str, str], list[str]] = collections.defaultdict(list)

    def add(self, section: str, reason: str, example: str, n: int = 1) -> None:
        key = (section, reason)
        self.counts[key] += n
        if len(self.examples[key]) < self.max_examples:
            self.examples[key].append(example)

    def lines(self, section: str) -> list[str]:
        out = []
        for (sec, reason), n in sorted(self.counts.items()):
            if sec != section:
                continue
            out.append(f"  {reason}: {n}")
            for ex in self.examples[(sec, reason)]:
                out.append(f"      e.g. {ex}")
        return out


REPORT = Report()
RECORDS_READ: dict[str, int] = {}
# Reasons that mean "the converter could not parse this" (the others are deliberate choices).
UNPARSED = frozenset(
    {
        "role dropped: unparseable date",
        "malformed code",
        "empty code []",
        "code line before any entry",
        "synonym before any entry",
        "skipped: no [code]",
        "skipped: malformed agent code",
        "skipped: malformed plural",
        "skipped: unknown substitution marker",
    }
)


# ----------------------------------------------------------------------------------------------
# Reading actor dictionaries


@dataclass
class Role:
    code: str
    start: str | None  # ISO date
    end: str | None

    def render(self) -> str:
        return f"{self.code}@{self.start or ''}..{self.end or ''}"

    def key(self):
        return (self.start is None and self.end is None, self.start or "", self.end or "~", self.code)


@dataclass
class Entry:
    """One record of an actor dictionary: a primary phrase, its synonyms and its codes."""

    file: str
    line: int
    forms: list[str]  # raw phrases, primary first
    roles: list[Role] = field(default_factory=list)
    raw_codes: list[str] = field(default_factory=list)  # every code seen, even in unparseable restrictions
    comment: str = ""
    gap_before: bool = True  # a blank or comment line (or the file start) precedes the primary
    null_code: bool = False  # the entry has an explicit null code [---]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def parse_date(text: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` to ISO ``YYYY-MM-DD``; None if it is not a valid date."""
    if not text.isdigit():
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_restriction(body: str, entry: Entry, section: str) -> None:
    """Parse the inside of one ``[...]`` and add the role to ``entry`` (or report why not)."""
    parts = body.split()
    if not parts:
        REPORT.add(section, "empty code []", entry.where)
        return
    code, spec = parts[0], "".join(parts[1:])
    if code == "---":
        entry.null_code = True
        REPORT.add(section, "null code [---] ignored", f"{entry.where} [{body}]")
        return
    if not re.fullmatch(r"[A-Z0-9]{3,}", code):
        REPORT.add(section, "malformed code", f"{entry.where} [{body}]")
        return
    entry.raw_codes.append(code)
    start = end = None
    if spec == "":
        pass
    elif spec[0] in "<>":
        date = parse_date(spec[1:])
        if date is None:
            REPORT.add(section, "role dropped: unparseable date", f"{entry.where} [{body}]")
            return
        if spec[0] == ">":
            start = date
        else:
            end = date
    elif "-" in spec:
        a, _, b = spec.partition("-")
        start, end = parse_date(a), parse_date(b)
        if start is None or end is None:
            REPORT.add(section, "role dropped: unparseable date", f"{entry.where} [{body}]")
            return
        if start > end:
            REPORT.add(section, "role kept: range ends before it starts", f"{entry.where} [{body}]")
    else:
        start = parse_date(spec)
        if start is None:
            REPORT.add(section, "role dropped: unparseable date", f"{entry.where} [{body}]")
            return
        REPORT.add(section, "role kept: bare date (no < or >) read as a start date", f"{entry.where} [{body}]")
    entry.roles.append(Role(code, start, end))


BRACKETS = re.compile(r"\[([^\]\}]*)[\]\}]")


def read_actor_file(path: Path, section: str) -> list[Entry]:
    """Entries of one actor dictionary, in file order."""
    entries: list[Entry] = []
    current: Entry | None = None
    gap = True
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("#") or raw.startswith("<!") or not raw.strip():
            gap = True
            continue
        body, _, comment = raw.partition("#")
        text = body.strip()
        if not text:
            gap = True
            continue
        if text.startswith("["):
            if current is None:
                REPORT.add(section, "code line before any entry", f"{path.name}:{no} {text}")
                continue
            for m in BRACKETS.finditer(text):
                parse_restriction(m.group(1), current, section)
            if comment.strip() and not current.comment:
                current.comment = comment.strip()
            gap = False
            continue
        if text.startswith("+"):
            if current is None:
                REPORT.add(section, "synonym before any entry", f"{path.name}:{no} {text}")
                continue
            phrase = BRACKETS.sub(" ", text[1:])
            for m in BRACKETS.finditer(text):
                parse_restriction(m.group(1), current, section)
            # "+A_+B" is two synonyms run together
            for part in re.split(r"\+(?=[_A-Z])", phrase):
                if part.strip(" _"):
                    current.forms.append(part.strip())
            gap = False
            continue
        phrase = text[: text.index("[")] if "[" in text else text
        current = Entry(file=path.name, line=no, forms=[phrase.strip()], comment=comment.strip(), gap_before=gap)
        for m in BRACKETS.finditer(text):
            parse_restriction(m.group(1), current, section)
        entries.append(current)
        gap = False
    RECORDS_READ[path.name] = len(entries)
    return entries


# ----------------------------------------------------------------------------------------------
# Words, names and case


def words(phrase: str) -> list[str]:
    """Upper-case words of a dictionary phrase (underscores and blanks separate words)."""
    phrase = unicodedata.normalize("NFC", phrase).replace("_", " ")
    return [w for w in phrase.upper().split() if w]


def sig_tokens(ws: list[str]) -> list[str]:
    """Words that identify a person: not particles, titles or initials."""
    out = []
    for w in ws:
        for piece in re.split(r"[-']", w):
            piece = piece.strip(".,()")
            if len(piece) >= 2 and piece.isalpha() and piece not in NAME_PARTICLES and piece not in TITLE_WORDS:
                out.append(piece)
    return out


def similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    if len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def overlaps(a: list[str], b: list[str]) -> bool:
    return any(similar(x, y) for x in sig_tokens(a) for y in sig_tokens(b))


def same_surname(a: list[str], b: list[str]) -> bool:
    """The last identifying words of two names are alike ("Sheikh Nasrallah", "Hasan Nasrallah")."""
    sa, sb = sig_tokens(a), sig_tokens(b)
    return bool(sa and sb and similar(sa[-1], sb[-1]))


def strip_title(ws: list[str]) -> list[str]:
    """Drop a leading office ("US SECRETARY OF STATE", "PRIME MINISTER") from a person's words."""
    if "," in " ".join(ws):
        # "PRESIDENT OF THE ..., BORIS N. YELTSIN": the name is after the comma;
        # "JOHN ROLAND ROBINSON, BARON MARTONMERE": the name is before it
        head, _, tail = " ".join(ws).partition(",")
        hw, tw = head.split(), " ".join(tail.split(",")).split()
        if hw and not any(w in PHRASE_WORDS or w in TITLE_WORDS for w in hw):
            ws = hw + ([tw[0]] if tw and tw[0] in ("JR.", "JR", "SR.", "SR", "II", "III", "IV") else [])
        elif tw:
            ws = tw
    cut = 0
    for i, w in enumerate(ws[:-1]):
        if w in TITLE_WORDS:
            cut = i + 1
        elif (
            w
            in (
                "OF",
                "THE",
                "STATE",
                "DEFENSE",
                "DEFENCE",
                "FOREIGN",
                "AFFAIRS",
                "PARTY",
                "CIA",
                "FBI",
                "UN",
                "U.N.",
                "US",
                "U.S.",
            )
            and cut == i
        ):
            # words inside an office ("SECRETARY OF STATE", "CIA DIRECTOR" is handled by DIRECTOR)
            if i > 0 and (ws[i - 1] in TITLE_WORDS or ws[i - 1] in ("OF", "THE", "FOREIGN")):
                cut = i + 1
    return ws[cut:]


def has_org_word(ws: list[str]) -> bool:
    return any(w.strip("()[],.;:") in ORG_WORDS for w in ws)


def looks_personal(ws: list[str], given: frozenset[str], strict: bool = False) -> bool:
    """True if the words read as a person's name (by a given name or an honorific in front; unless
    ``strict``, also initials + surname or a name with "bin")."""
    if not ws or len(ws) > 6:
        return False
    if has_org_word(ws) or any(any(c.isdigit() for c in w) or "&" in w or "(" in w for w in ws):
        return False
    if any(w in PHRASE_WORDS for w in ws[1:]) or ws[0] in ("THE", "A", "AN"):
        return False
    first = ws[0]
    if first in HONORIFICS and len(ws) >= 2:
        return True
    if strict:
        return len(ws) >= 2 and first.strip(".") in given
    # "R_K_PACHAURI", "A._G._KISHORE": initials, then a surname
    initials = ws[:-1]
    if (
        initials
        and all(re.fullmatch(r"[A-Z]\.?|(?:[A-Z]\.){2,3}", w) for w in initials)
        and (len(initials) >= 2 or "." in initials[0])
        and ws[-1].isalpha()
        and len(ws[-1]) >= 3
    ):
        return True
    if len(ws) >= 3 and any(w in ("BIN", "BINT", "IBN") for w in ws[1:-1]):
        return True  # "OSAMA_BIN_LADEN"
    if len(ws) >= 2 and first in ("ABU", "UMM", "IBN") and ws[1] not in ("AL", "AL-"):
        return True  # a kunya: "ABU_MUSAB", "ABU_AYYUB_AL_MASRI"
    return len(ws) >= 2 and first.strip(".") in given


def is_phrase_name(ws: list[str]) -> bool:
    """A person's 'name' that is really a phrase: "ANTHONY CROSLAND, THEN DAVID OWEN"."""
    text = " ".join(ws)
    if "," in text or "&" in text or "(" in text or ")" in text:
        return True
    for i, w in enumerate(ws):
        if i > 0 and w in PHRASE_WORDS:
            if w in ("OF", "THE") and (ws[0] in KEPT_OF or ws[i - 1] in KEPT_OF):
                continue  # "Lord Robertson of Port Ellen", "Baroness Royall of Blaisdon"
            return True
    return False


def _cap(piece: str) -> str:
    """Capitalise one word piece (Unicode-safe, keeps Turkish dotted capital I from splitting)."""
    if not piece:
        return piece
    rest = piece[1:].replace("İ", "I").lower()
    head = piece[0].upper()
    if head == "M" and rest.startswith("c") and len(rest) > 2:  # McCain, McNamara
        return "Mc" + rest[1].upper() + rest[2:]
    return head + rest


def _apostrophe(part: str) -> str:
    segs = re.split(r"(['’])", part)
    if len(segs) == 1:
        return _cap(part)
    first = segs[0]
    if len(first) == 1 and first.isalpha():  # O'Kennedy, D'Escoto
        return first.upper() + "".join(s if s in ("'", "’") else _cap(s) for s in segs[1:])
    return _cap(first) + "".join(s if s in ("'", "’") else s.lower() for s in segs[1:])  # Sha'bi


def case_word(w: str, pos: int, n: int, east_asian: bool, org: bool, vietnamese: bool = False) -> str:
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?\.?", w) or is_acronym_token(w):
        return w  # initials "V.", "R.K.", acronyms in parentheses
    if w.startswith("(") and len(w) > 2:
        return "(" + case_word(w[1:], pos, n, east_asian, org)
    if not org:
        if w in ("JR", "JR.") and pos > 0:
            return "Jr."
        if w in ("SR", "SR.") and pos > 0:
            return "Sr."
        if w in ("II", "III", "IV") and pos > 0 and pos == n - 1:
            return w
        if pos > 0 and w in LOWER_PARTICLES and not (vietnamese and w == "VAN"):
            return w.lower()  # "de", "van", "bin" (but Vietnamese "Van" is a middle name)
    parts = w.split("-")
    out = []
    for i, p in enumerate(parts):
        if i == 0 and len(parts) > 1 and p in HYPHEN_PREFIXES and pos > 0:
            out.append(p.lower())
        elif i > 0 and east_asian and not org:
            out.append(p.lower())  # Ban Ki-moon, Ma Ying-jeou
        else:
            out.append(_apostrophe(p))
    return "-".join(out)


def person_case(ws: list[str], east_asian: bool = False, arabic: bool = False, vietnamese: bool = False) -> str:
    """Display form of a person's name from upper-case words. ``arabic``: the person's name has
    an "al-" particle, so an alias that starts with AL is the surname ("al-Assad", not "Al Assad"
    as for Al Gore)."""
    out: list[str] = []
    n = len(ws)
    i = 0
    while i < n:
        w = ws[i]
        if w in JOINED_PARTICLES and (0 < i or arabic) and i < n - 1:
            out.append(w.lower() + "-" + case_word(ws[i + 1], i + 1, n, east_asian, False))
            i += 2
            continue
        if w in JOINED_PARTICLES and i > 0:
            out.append(w.lower())
        elif w == "LA" and i > 0 and ws[i - 1] == "DE":
            out.append("la")
        else:
            out.append(case_word(w, i, n, east_asian, False, vietnamese))
        i += 1
    return " ".join(out)


def org_case(ws: list[str], acronyms: frozenset[str]) -> str:
    """Display form of an organisation's name from upper-case words."""
    out: list[str] = []
    n = len(ws)
    i = 0
    while i < n:
        w = ws[i]
        bare = w.strip("().,")
        if w in JOINED_PARTICLES and 0 < i < n - 1 and ws[i + 1] not in ORG_SMALL:
            out.append(w.lower() + "-" + case_word(ws[i + 1], i + 1, n, False, True))
            i += 2
            continue
        if i > 0 and w in ORG_SMALL:
            out.append(w.lower())
        elif bare in acronyms or (
            bare.isascii() and len(re.sub(r"[^A-Z]", "", bare)) >= 2 and not re.search(r"[AEIOUY0-9]", bare)
        ):
            out.append(w)  # acronyms; words without a vowel (BBC, DHKP/C)
        else:
            out.append(case_word(w, i, n, False, True))
        i += 1
    return " ".join(out)


def fold(text: str) -> str:
    """Case- and punctuation-folded form: two names with the same fold are the same name."""
    return re.sub(r"[\s.\-'’_,]+", "", text.casefold())


def afold(text: str) -> str:
    """Case-folded form, for de-duplicating aliases: spellings that differ in punctuation
    ("Ban Ki-moon", "Ban Ki Moon") are kept, since kg matches surface forms exactly."""
    return " ".join(text.casefold().split())


def clean_form(text: str) -> bool:
    return "\ufffd" not in text and any(c.isalpha() for c in text)


NONSTATE_PREFIXES = frozenset("IGO NGO NGM MNC ELI IMG UAF REB INS OPP MED BUS CVL REF HIN MOS CHR JEW BUD BAH".split())


def has_sector(code: str) -> bool:
    """True if the code names a role (RUSGOV, IGOUNO, ELI), not only places (AFG, USRARM, SUNRUS)."""
    if code[:3] in NONSTATE_PREFIXES:
        return True
    return any(code[i : i + 3] in SECTORS for i in range(3, len(code) - 2, 3))


# ----------------------------------------------------------------------------------------------
# Entries -> persons and organisations


@dataclass
class Person:
    name: str
    aliases: list[str]
    roles: list[Role]
    source: str

    def countries(self) -> set[str]:
        return {r.code[:3] for r in self.roles if r.code[:3] not in NONSTATE_PREFIXES}


@dataclass
class Org:
    name: str
    code: str
    kind: str
    country: str
    aliases: list[str]
    source: str


def merge_codeless(entries: list[Entry], section: str) -> list[Entry]:
    """Join a record that has no code at all to the next record when the two are adjacent and name
    the same actor: the dictionaries often forget the '+' ("BORIS_YELTSIN_" then "YELTSIN" then
    ... then the dates). PETRARCH2 itself would leave such records without a code."""
    out: list[Entry] = []
    pending: Entry | None = None
    for e in entries:
        if pending is not None:
            if not e.gap_before and overlaps(words(pending.forms[0]), [w for f in e.forms for w in words(f)]):
                e.forms = pending.forms + e.forms
                e.line = pending.line
                e.comment = e.comment or pending.comment
                e.gap_before = pending.gap_before
                REPORT.add(
                    section,
                    "record without code joined to the next record (missing '+')",
                    f"{pending.where} {pending.forms[0]} -> {e.forms[len(pending.forms)]}",
                )
            else:
                REPORT.add(section, "skipped: record without any code", f"{pending.where} {pending.forms[0]}")
            pending = None
        if not e.raw_codes and not e.null_code:
            pending = e
            continue
        out.append(e)
    if pending is not None:
        REPORT.add(section, "skipped: record without any code", f"{pending.where} {pending.forms[0]}")
    return out


def given_names(entries: list[Entry]) -> frozenset[str]:
    """Given names: first words of the CountryInfo persons' names."""
    firsts: set[str] = set()
    for e in entries:
        if "CountryInfo" in e.comment:
            ws = strip_title(words(e.forms[0]))
            if len(ws) >= 2:
                firsts.add(ws[0])
    bad = NAME_PARTICLES | NOT_GIVEN
    return frozenset(w for w in firsts if w not in bad and w.isalpha() and len(w) >= 2)


def make_person(e: Entry, section: str, roles: list[Role] | None = None) -> Person | None:
    """A person from a record: display name from the first form (title removed), the other forms
    as aliases (when they name the same person), the record's roles unless ``roles`` is given."""
    forms = e.forms
    codes = e.raw_codes
    east = any(c[:3] in EAST_ASIAN for c in codes)
    first_form = forms[0]
    if "(" in first_form:
        cut = first_form[: first_form.index("(")].strip(" _")
        REPORT.add(section, "person name: remark in parentheses removed", f"{e.where} {first_form} -> {cut}")
        first_form = cut
    head = strip_title(words(first_form))
    if not head or not clean_form(first_form):
        REPORT.add(section, "person skipped: name is only a title", f"{e.where} {forms[0]}")
        return None
    if is_phrase_name(head):
        REPORT.add(section, "person skipped: name is a phrase, not a name", f"{e.where} {forms[0]}")
        return None
    if head != words(first_form):
        REPORT.add(section, "person name: leading title removed", f"{e.where} {forms[0]} -> {' '.join(head)}")
    viet = any(c.startswith("VNM") for c in codes)
    # the display name goes without a leading honorific ("Ali Khamenei", "Elizabeth II"); the
    # form with it stays as an alias ("Hojatolislam Sayyed Ali Khamenei", "Queen Elizabeth II")
    bare = head
    while len(bare) > 2 and (bare[0] in STRIPPED_HONORIFICS or (bare[0] in SAYYID and bare is not head)):
        bare = bare[1:]
    honorific_form = None
    if bare is not head and not is_phrase_name(bare):
        REPORT.add(section, "person name: leading honorific moved to an alias", f"{e.where} {' '.join(head)}")
        honorific_form, head = head, bare
    name = person_case(head, east, vietnamese=viet)
    arabic = any(w in JOINED_PARTICLES or w.split("-")[0] in HYPHEN_PREFIXES for w in head[1:])
    seen = {afold(name)}
    aliases: list[str] = []
    if honorific_form is not None:
        aliases.append(person_case(honorific_form, east, arabic, viet))
        seen.add(afold(aliases[0]))
    for raw in forms[1:]:
        if not clean_form(raw):
            REPORT.add(section, "alias dropped: broken characters (U+FFFD) or no letters", f"{e.where} {raw}")
            continue
        ws = strip_title(words(raw))
        if not ws:
            REPORT.add(section, "alias dropped: only a title", f"{e.where} {raw}")
            continue
        if has_org_word(ws) or is_phrase_name(ws):
            REPORT.add(
                section, "alias dropped: names an organisation or office, not the person", f"{e.where} {name} <- {raw}"
            )
            continue
        if not overlaps(ws, head):
            REPORT.add(
                section, "alias dropped: shares no name with the person (another person?)", f"{e.where} {name} <- {raw}"
            )
            continue
        alias = person_case(ws, east, arabic, viet)
        key = afold(alias)
        if key in seen:
            continue
        seen.add(key)
        aliases.append(alias)
    rs = roles if roles is not None else e.roles
    if not rs:
        REPORT.add(section, "person kept without roles (every date restriction was unparseable)", f"{e.where} {name}")
    return Person(name=name, aliases=aliases, roles=list(rs), source=e.where)


def persons_from_countries(entries: list[Entry]) -> list[Person]:
    """The people of Phoenix.Countries.actors.txt (country records and bodies are skipped)."""
    section = COUNTRIES_FILE
    out: list[Person] = []
    for e in entries:
        if not e.raw_codes:
            REPORT.add(section, "skipped: record with only a null code", f"{e.where} {e.forms[0]}")
            continue
        if not any(has_sector(c) for c in e.raw_codes):
            REPORT.add(section, "skipped: country or territory entry", f"{e.where} {e.forms[0]}")
            continue
        ci = "CountryInfo" in e.comment
        head = strip_title(words(e.forms[0]))
        if not ci:
            # records not generated from CountryInfo.txt mix people with bodies and offices
            if not head or head[-1] in TITLE_WORDS:
                REPORT.add(section, "skipped: office, not a person", f"{e.where} {e.forms[0]}")
                continue
            if len(head) == 1:
                REPORT.add(
                    section,
                    "skipped: one-word name outside CountryInfo (body or place, or a mononym)",
                    f"{e.where} {e.forms[0]}",
                )
                continue
            if (
                " ".join(head) in NOT_PERSONS
                or has_org_word(head)
                or any("&" in w or any(c.isdigit() for c in w) or w.endswith("-BASED") for w in head)
                or is_phrase_name(head)
            ):
                REPORT.add(section, "skipped: organisation, body or place (not a person)", f"{e.where} {e.forms[0]}")
                continue
        p = make_person(e, section)
        if p is not None:
            out.append(p)
    return out


ORG_PREFIX_KIND = {
    "IGO": "InternationalOrganization",
    "NGO": "NGO",
    "NGM": "NGO",
    "MNC": "Business",
    "BUS": "Business",
    "MED": "Business",
}


def org_kind(code: str, milnonstate: bool) -> str:
    if code[:3] in ORG_PREFIX_KIND:
        return ORG_PREFIX_KIND[code[:3]]
    sectors = {code[i : i + 3] for i in range(0, len(code), 3)}
    if sectors & {"OPP", "PTY"} and not sectors & {"REB", "UAF", "INS", "IMG", "MIL"}:
        return "PoliticalGroup"
    if milnonstate or sectors & {"REB", "UAF", "INS", "IMG", "MIL", "RAD"}:
        return "ArmedGroup"
    return "NGO"  # religious (BAH, HIN, MOS, ...) and other civil-society codes


def split_acronym(ws: list[str]) -> tuple[list[str], list[str]]:
    """Take "(AAIA)" out of an organisation's words: (words, [acronyms])."""
    keep, acr = [], []
    for w in ws:
        if is_acronym_token(w):
            acr.append(w[1:-1])
        elif w not in ("-",):
            keep.append(w)
    return keep, acr


def org_words(raw: str) -> list[str]:
    # drop remarks in parentheses ("(ORGANIZATIONS ORIGINAL NAME FROM 1969-1975)"); one-word
    # acronyms and qualifiers stay: "(AAIA)", "(PHILIPPINES)"
    raw = re.sub(r"\(([^()]*)\)", lambda m: m.group(0) if len(m.group(1).replace("_", " ").split()) <= 1 else " ", raw)
    ws = words(raw)
    while ws and ws[0] == "THE":
        ws = ws[1:]
    return ws


def is_acronym_token(w: str) -> bool:
    """A parenthesised token that is an acronym ("(AAIA)"), not a qualifier ("(PHILIPPINES)")."""
    m = re.fullmatch(r"\(([A-Z0-9.\-/]+)\)", w)
    return bool(m) and (len(m.group(1)) <= 7 or not m.group(1).isalpha())


def collect_acronyms(entries: list[Entry]) -> frozenset[str]:
    """Words to write in capitals in organisation names: parenthesised acronyms, and one-word
    names short enough to be acronyms (3 letters anywhere, 4 for IGOs and NGOs, 7 for IGOs:
    ASEAN, ECOWAS, UNICEF)."""
    acr: set[str] = set()
    for e in entries:
        code = e.raw_codes[0] if e.raw_codes else ""
        limit = 7 if code.startswith("IGO") else 4 if code[:3] in ("NGO", "NGM") or code[:3] in ISO3 else 3
        for f in e.forms:
            ws = org_words(f)
            for w in ws:
                if is_acronym_token(w):
                    acr.add(w[1:-1])
            if len(ws) == 1 and ws[0].isalpha() and ws[0].isascii() and len(ws[0]) <= limit:
                acr.add(ws[0])
    return frozenset(acr)


def split_international(
    entries: list[Entry], given: frozenset[str], section: str, milnonstate: bool, acronyms: frozenset[str]
):
    """People and organisations of the International or MilNonState dictionary."""
    persons: list[Person] = []
    orgs: list[Org] = []
    for e in entries:
        if not e.raw_codes:
            REPORT.add(section, "skipped: record with only a null code", f"{e.where} {e.forms[0]}")
            continue
        head_ws = words(e.forms[0])
        title_free = strip_title(head_ws)
        dated = any(r.start or r.end for r in e.roles)
        first = e.raw_codes[0]
        business = first[:3] in ("MNC", "BUS")
        person = False
        if dated or "IGOrulers" in e.comment:
            person = not has_org_word(title_free) and bool(title_free)
        elif milnonstate and "kkl" in e.comment:
            person = False  # the START TOPS part of the file lists organisations only
        elif business:
            if looks_personal(title_free, given):
                REPORT.add(
                    section,
                    "kept as organisation: business entry that looks like a person's name",
                    f"{e.where} {e.forms[0]} [{first}]",
                )
        elif " ".join(title_free) in NOT_PERSONS:
            person = False
        elif looks_personal(title_free, given):
            person = True
        elif PERSON_COMMENT.search(e.comment) and title_free and not has_org_word(title_free):
            person = True
        elif (
            title_free
            and len(title_free) < len(head_ws)
            and all(w in TITLE_WORDS for w in head_ws[: len(head_ws) - len(title_free)])
            and not all(w in TITLE_WORDS for w in title_free)
            and not has_org_word(title_free)
            and not is_phrase_name(title_free)
        ):
            person = True  # "COMMANDER_KHATTAB": a title, then a name
        elif (
            first[:3] not in ORG_PREFIX_KIND
            and title_free
            and len(title_free) <= 4
            and not any(w in ORG_WORDS or w in PHRASE_WORDS for w in title_free)
            and first[:3] in ("HIN", "ELI", "MOS")
        ):
            person = True  # a short name with a religious or elite code: the VHP leaders, "HAMID_AL_GABID_"
        if person:
            p = make_person(e, section)
            if p is not None:
                persons.append(p)
            continue
        # organisation
        ws, acr = split_acronym(org_words(e.forms[0]))
        if any(w in OFFICE_WORDS for w in ws) and not business:
            REPORT.add(
                section,
                "skipped: an office, not an organisation or a named person",
                f"{e.where} {e.forms[0]} [{e.roles[0].code}]",
            )
            continue
        if not ws or not clean_form(e.forms[0]):
            REPORT.add(section, "skipped: organisation without a usable name", f"{e.where} {e.forms[0]}")
            continue
        name = org_case(ws, acronyms)
        code = first
        if len({r.code for r in e.roles}) > 1:
            REPORT.add(
                section,
                "organisation with several codes: first kept",
                f"{e.where} {e.forms[0]} {' '.join(r.render() for r in e.roles)}",
            )
        if dated:
            REPORT.add(
                section,
                "organisation: date restrictions dropped",
                f"{e.where} {e.forms[0]} {' '.join(r.render() for r in e.roles)}",
            )
        kind = org_kind(code, milnonstate)
        if milnonstate and kind == "ArmedGroup" and any(w in ("PARTY", "PARTI", "PARTIDO") for w in ws):
            REPORT.add(
                section, "kept as ArmedGroup (code says so) though the name says party", f"{e.where} {name} [{code}]"
            )
        c3 = code[:3]
        country = CAMEO_TO_ISO.get(c3, c3) if (c3 in ISO3 or c3 in CAMEO_TO_ISO) else ""
        seen = {afold(name)}
        aliases: list[str] = []
        for a in acr:
            if afold(a) not in seen:
                seen.add(afold(a))
                aliases.append(a)
        people: list[list[str]] = []  # people filed as synonyms, grouped by shared names
        for raw in e.forms[1:]:
            if not clean_form(raw):
                REPORT.add(section, "alias dropped: broken characters (U+FFFD) or no letters", f"{e.where} {raw}")
                continue
            aws, aacr = split_acronym(org_words(raw))
            if any(w in OFFICE_WORDS for w in aws):
                REPORT.add(
                    section,
                    "alias dropped: names an office of the organisation, not the organisation",
                    f"{e.where} {name} <- {raw}",
                )
                continue
            if (
                looks_personal(strip_title(aws), given, strict=True)
                and " ".join(aws) not in NOT_PERSONS
                and not has_org_word(words(raw))  # "DEV_SOL_(KARATAS_FACTION)"
            ):
                # a person filed under the organisation (HAMAS +KHALED_MESHAAL): a person row with
                # the organisation's code, not an alias of the organisation
                REPORT.add(
                    section, "person filed as an organisation's synonym: moved to persons", f"{e.where} {name} <- {raw}"
                )
                for group in people:
                    if same_surname(strip_title(words(group[0])), strip_title(aws)):
                        group.append(raw)
                        break
                else:
                    people.append([raw])
                continue
            for form in ([org_case(aws, acronyms)] if aws else []) + aacr:
                if afold(form) not in seen:
                    seen.add(afold(form))
                    aliases.append(form)
        for group in people:
            # name the person by the first form without an honorific ("Hassan Nasrallah", not "Sheikh Nasrallah")
            group.sort(key=lambda f: (words(f)[0] in HONORIFICS, len(strip_title(words(f))) < 2))
            pe = Entry(file=e.file, line=e.line, forms=group, raw_codes=list(e.raw_codes))
            p = make_person(pe, section, roles=[Role(code, None, None)])
            if p is not None:
                persons.append(p)
        orgs.append(Org(name=name, code=code, kind=kind, country=country, aliases=aliases, source=e.where))
    return persons, orgs


# ----------------------------------------------------------------------------------------------
# Merging and writing


def merge_persons(persons: list[Person]) -> list[Person]:
    """One row per name and country. Records with the same name are merged when they share a
    country, or when one of them has no country role (an IGO head: Leo Tindemans, BEL and
    IGOEUREEC); the same name in disjoint countries stays two rows (Abdullah, AFG and SAU)."""
    groups: dict[str, list[Person]] = collections.defaultdict(list)
    for p in persons:
        key = fold(p.name)
        target = None
        for q in groups[key]:
            pc, qc = p.countries(), q.countries()
            if not pc or not qc or pc & qc:
                target = q
                break
        if target is None:
            groups[key].append(Person(p.name, list(p.aliases), list(p.roles), p.source))
            continue
        REPORT.add("merge", "same person in two records: merged", f"{target.name} ({target.source} + {p.source})")
        seen = {afold(target.name)} | {afold(a) for a in target.aliases}
        for a in [p.name] + p.aliases:
            if afold(a) not in seen:
                seen.add(afold(a))
                target.aliases.append(a)
        target.roles.extend(p.roles)
    # a record named by another record's alias, with a dated role in common, is the same person
    # ("KOFI_ATTA_ANNAN_" and "KOFI_ANNAN_ +KOFI_ATTA_ANNAN_", both IGOUNO 1997-2006)
    by_alias: dict[str, list[Person]] = collections.defaultdict(list)
    for ps in groups.values():
        for p in ps:
            for a in p.aliases:
                by_alias[fold(a)].append(p)
    absorbed: set[int] = set()
    for key in sorted(groups):
        for p in groups[key]:
            if id(p) in absorbed:
                continue
            mine = {(r.code, r.start, r.end) for r in p.roles if r.start or r.end}
            for q in by_alias.get(key, []):
                if q is p or id(q) in absorbed or not mine & {(r.code, r.start, r.end) for r in q.roles}:
                    continue
                REPORT.add(
                    "merge",
                    "record named by another record's alias, with a shared dated role: merged",
                    f"{p.name} -> {q.name}",
                )
                seen = {afold(q.name)} | {afold(a) for a in q.aliases}
                for a in [p.name] + p.aliases:
                    if afold(a) not in seen:
                        seen.add(afold(a))
                        q.aliases.append(a)
                q.roles.extend(p.roles)
                absorbed.add(id(p))
                break
    out: list[Person] = []
    for ps in groups.values():
        ps = [p for p in ps if id(p) not in absorbed]
        if len(ps) > 1:
            REPORT.add(
                "merge",
                "same name, different countries: kept as separate rows",
                " / ".join(f"{p.name} {sorted(p.countries())}" for p in ps),
            )
        for p in ps:
            uniq = {(r.code, r.start, r.end): r for r in p.roles}
            p.roles = sorted(uniq.values(), key=Role.key)
            out.append(p)
    out.sort(key=lambda p: (fold(p.name), p.name, "|".join(r.render() for r in p.roles)))
    return out


def merge_orgs(orgs: list[Org]) -> list[Org]:
    groups: dict[tuple[str, str], Org] = {}
    for o in orgs:
        key = (fold(o.name), o.code)
        if key in groups:
            t = groups[key]
            seen = {afold(t.name)} | {afold(a) for a in t.aliases}
            for a in [o.name] + o.aliases:
                if afold(a) not in seen:
                    seen.add(afold(a))
                    t.aliases.append(a)
            REPORT.add(
                "merge",
                "same organisation (name and code) in two records: merged",
                f"{o.name} [{o.code}] ({t.source} + {o.source})",
            )
            continue
        groups[key] = Org(o.name, o.code, o.kind, o.country, list(o.aliases), o.source)
    names = collections.Counter(fold(o.name) for o in groups.values())
    for o in groups.values():
        if names[fold(o.name)] > 1:
            REPORT.add(
                "merge", "same organisation name with different codes: kept as separate rows", f"{o.name} [{o.code}]"
            )
    return sorted(groups.values(), key=lambda o: (fold(o.name), o.name, o.code))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_tsv(path: Path, header: list[str], columns: list[str], rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert "\t" not in cell and "\n" not in cell, row
    lines = [f"# {h}" if h else "#" for h in header]
    lines.append("#" + "\t".join(columns))
    lines.extend("\t".join(r) for r in rows)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.suffix == ".gz":  # the persons file is over 1 MB as text; mtime 0 keeps the bytes stable
        import gzip

        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)


# ----------------------------------------------------------------------------------------------
# Agents


@dataclass
class Agent:
    noun: str
    plural: str
    sector: str
    codes: str


PERSON_COMPOUNDS = frozenset({"SUICIDE_BOMBER", "FREEDOM_FIGHTER", "FIRE_FIGHTER", "CHILD_PREDATOR", "BOAT_PEOPLE"})


def agent_kind(ws: list[str], military: bool) -> str | None:
    """Why an agent noun is not a person or organisation ('equipment', 'place', 'abstract')."""
    joined = "_".join(ws)
    if joined in PERSON_COMPOUNDS:
        return None
    if any(re.fullmatch(r"[A-Z]{1,3}[-/_]?\d+[A-Z0-9/\-]*", w) for w in ws) and not re.match(r"\d", ws[0]):
        return "equipment"  # F-16, SU-24, MIG-21PFM (not "1ST LT.")
    if ws[-1] == "FIGHTER" and len(ws) > 1:
        return "equipment"  # "stealth fighter"; a plain "fighter" is a person
    if ws[-1] == "SYSTEM" and military:
        return "equipment"
    if any(w in EQUIPMENT_WORDS for w in ws) or "MACHINE_GUN" in joined:
        return "equipment"
    if ws[-1] in PLACE_WORDS:
        return "place"
    if any(w in ORG_WORDS or w.startswith("MINIST") for w in ws):
        return None  # "minister of information", "bureau of special operations"
    if ws[-1] in ABSTRACT_WORDS or ws == ["MILITARY", "LED"]:
        return "abstract"
    return None


def read_agents(path: Path) -> list[Agent]:
    """The agent nouns of Phoenix.agents.txt, with substitution markers expanded."""
    section = AGENTS_FILE
    subs: dict[str, list[str]] = {}
    agents: list[Agent] = []
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("#") or raw.startswith("<!") or not raw.strip():
            continue
        text = raw.partition("#")[0].strip()
        if not text:
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", text)
        if m:
            subs[m.group(1)] = [s.strip().upper() for s in m.group(2).split(",") if s.strip()]
            continue
        RECORDS_READ[path.name] = RECORDS_READ.get(path.name, 0) + 1
        m = re.fullmatch(r"(.*?)\s*(\{[^}]*\})?\s*\[([^\]\}]*)[\]\}]\s*", text)
        if not m:
            REPORT.add(section, "skipped: no [code]", f"{path.name}:{no} {text}")
            continue
        phrase, plural_raw, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        if not text.rstrip().endswith("]"):
            REPORT.add(section, "repaired: code closed with '}' instead of ']'", f"{path.name}:{no} {text}")
        cm = re.fullmatch(r"~([A-Z]{3,})|([A-Z]{3,})~", code)
        if not cm:
            REPORT.add(section, "skipped: malformed agent code", f"{path.name}:{no} {text}")
            continue
        sector = (cm.group(1) or cm.group(2))[:3]
        if plural_raw is not None and "{" in phrase:
            REPORT.add(section, "skipped: malformed plural", f"{path.name}:{no} {text}")
            continue
        plural_given = plural_raw[1:-1].strip() if plural_raw else ""
        # expand substitution markers: MAN/MEN and WOMAN/WOMEN pair up as singular/plural
        variants: list[tuple[str, str]] = []
        marker = re.search(r"![A-Z]+!", phrase)
        if marker and marker.group(0) in subs:
            items = subs[marker.group(0)]
            pairs = {"MAN": "MEN", "WOMAN": "WOMEN", "MINISTER": "MINISTERS", "MINISTRY": "MINISTRIES"}
            plurals = set(pairs.values())
            for item in items:
                if item in plurals:
                    continue
                sing = phrase.replace(marker.group(0), item)
                plur = phrase.replace(marker.group(0), pairs[item]) if item in pairs else ""
                variants.append((sing, plur))
        elif marker:
            REPORT.add(section, "skipped: unknown substitution marker", f"{path.name}:{no} {text}")
            continue
        else:
            variants.append((phrase, plural_given))
        for sing, plur in variants:
            ws = words(sing.rstrip("_"))
            if not ws:
                REPORT.add(section, "skipped: empty phrase", f"{path.name}:{no} {text}")
                continue
            why = agent_kind(ws, sector in ("MIL", "SPY"))
            noun = " ".join(ws).lower()
            if why:
                REPORT.add(section, f"skipped: not a person or organisation ({why})", f"{noun} [{code}]")
                continue
            plural = " ".join(words(plur.rstrip("_"))).lower() if plur else ""
            agents.append(Agent(noun=noun, plural=plural, sector=sector, codes=code))
    # de-duplicate (the file repeats some lines)
    uniq: dict[tuple[str, str], Agent] = {}
    for a in agents:
        key = (a.noun, a.codes)
        if key in uniq:
            if not uniq[key].plural and a.plural:
                uniq[key].plural = a.plural
            REPORT.add(section, "duplicate line merged", f"{a.noun} [{a.codes}]")
            continue
        uniq[key] = a
    nouns = collections.Counter(a.noun for a in uniq.values())
    for a in uniq.values():
        if nouns[a.noun] > 1:
            REPORT.add(section, "same noun with different codes: one row each", f"{a.noun} [{a.codes}]")
    return sorted(uniq.values(), key=lambda a: (a.noun, a.codes))


# ----------------------------------------------------------------------------------------------
# Main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder with the Phoenix dictionaries")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    ap.add_argument("--examples", type=int, default=5, help="examples printed per reason (default 5)")
    args = ap.parse_args(argv)
    REPORT.max_examples = args.examples
    src: Path = args.src
    out: Path = args.out
    for name in (COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE, AGENTS_FILE, "LICENSE"):
        if not (src / name).exists():
            print(f"missing input: {src / name}", file=sys.stderr)
            return 2
    out.mkdir(parents=True, exist_ok=True)

    country_entries = merge_codeless(read_actor_file(src / COUNTRIES_FILE, COUNTRIES_FILE), COUNTRIES_FILE)
    intl_entries = merge_codeless(read_actor_file(src / INTERNATIONAL_FILE, INTERNATIONAL_FILE), INTERNATIONAL_FILE)
    mns_entries = merge_codeless(read_actor_file(src / MILNONSTATE_FILE, MILNONSTATE_FILE), MILNONSTATE_FILE)
    given = given_names(country_entries)
    acronyms = collect_acronyms(intl_entries + mns_entries)

    persons = persons_from_countries(country_entries)
    p_intl, o_intl = split_international(intl_entries, given, INTERNATIONAL_FILE, False, acronyms)
    p_mns, o_mns = split_international(mns_entries, given, MILNONSTATE_FILE, True, acronyms)
    n_sources = {"countries": len(persons), "international": len(p_intl), "milnonstate": len(p_mns)}
    persons = merge_persons(persons + p_intl + p_mns)
    orgs = merge_orgs(o_intl + o_mns)
    agents = read_agents(src / AGENTS_FILE)

    provenance = [
        "Converted by scripts/convert_phoenix.py from the Phoenix/PETRARCH2 dictionaries (Open Event Data,",
        "MIT licence: LICENSE-phoenix.txt; credited to the Computational Event Data System project /",
        "Parus Analytics). Do not edit by hand: change the script and re-run it.",
    ]

    def src_line(*names: str) -> str:
        return "Source: " + ", ".join(f"{n} (sha256 {sha256(src / n)[:16]})" for n in names)

    write_tsv(
        out / "persons.tsv.gz",
        provenance
        + [
            src_line(COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE),
            "",
            "Columns: name (display name from the record's first form, leading office removed),",
            "aliases (|-separated other spellings from the synonym lines), roles (|-separated",
            "CODE@START..END: CAMEO actor code, ISO dates, an empty side is open; CODE@.. is an",
            "undated code, which PETRARCH uses when no dated role applies). Two-digit years 00-30 are",
            "20YY, 31-99 are 19YY (PETRARCH's rule).",
        ],
        ["name", "aliases", "roles"],
        [[p.name, "|".join(p.aliases), "|".join(r.render() for r in p.roles)] for p in persons],
    )
    write_tsv(
        out / "organizations.tsv",
        provenance
        + [
            src_line(INTERNATIONAL_FILE, MILNONSTATE_FILE),
            "",
            "Columns: name, code (CAMEO actor code), kind (InternationalOrganization, NGO, Business,",
            "ArmedGroup or PoliticalGroup, from the code; MED media codes count as Business),",
            "country (ISO alpha-3 when the code starts with a country code, else empty), aliases",
            "(|-separated synonyms and acronyms).",
        ],
        ["name", "code", "kind", "country", "aliases"],
        [[o.name, o.code, o.kind, o.country, "|".join(o.aliases)] for o in orgs],
    )
    write_tsv(
        out / "agents.tsv",
        provenance
        + [
            src_line(AGENTS_FILE),
            "",
            "Columns: noun (lower case, as written; multi-word allowed), plural (an irregular plural the",
            "dictionary gives, else empty: regular plurals are formed by the reader, and {} nouns have",
            "none), sector (first CAMEO sector code of the agent code), codes (the agent code as given:",
            "~XXX is added after the actor's code, XXX~ before it).",
        ],
        ["noun", "plural", "sector", "codes"],
        [[a.noun, a.plural, a.sector, a.codes] for a in agents],
    )
    shutil.copyfile(src / "LICENSE", out / "LICENSE-phoenix.txt")

    # ---- console report
    def size(name: str) -> str:
        return f"{(out / name).stat().st_size / 1024:.0f} KB"

    print(
        f"persons.tsv: {len(persons)} rows, {size('persons.tsv.gz')} (from Countries {n_sources['countries']}, "
        f"International {n_sources['international']}, MilNonState {n_sources['milnonstate']} records before merging)"
    )
    print(
        f"organizations.tsv: {len(orgs)} rows, {size('organizations.tsv')} "
        + "("
        + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(o.kind for o in orgs).items()))
        + ")"
    )
    print(f"agents.tsv: {len(agents)} rows, {size('agents.tsv')}")
    multi = [p for p in persons if len(p.countries()) > 1]
    print(f"persons with roles in several countries: {len(multi)}")
    for p in multi[: max(REPORT.max_examples, 5)]:
        print(f"      e.g. {p.name}: {'|'.join(r.render() for r in p.roles)}")
    intl = [p for p in persons if p.countries() and any(r.code[:3] in ("IGO", "NGO") for r in p.roles)]
    print(f"persons with roles both in a country and in an IGO/NGO: {len(intl)}")
    for p in intl[: max(REPORT.max_examples, 5)]:
        print(f"      e.g. {p.name}: {'|'.join(r.render() for r in p.roles)}")
    print(f"persons without any role: {sum(1 for p in persons if not p.roles)}")
    owners: dict[str, set[int]] = collections.defaultdict(set)
    for i, p in enumerate(persons):
        for form in [p.name] + p.aliases:
            owners[form].add(i)
    shared = sorted((f for f, o in owners.items() if len(o) > 1), key=lambda f: (-len(owners[f]), f))
    print(
        f"person names/aliases that belong to more than one row: {len(shared)} "
        f"(e.g. {', '.join(f'{f} ({len(owners[f])})' for f in shared[:8])})"
    )
    for sec in (COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE, AGENTS_FILE, "merge"):
        lines = REPORT.lines(sec)
        if lines:
            print(f"\n{sec}:")
            print("\n".join(lines))
    print("\nrecords read, and what could not be parsed (details above):")
    for sec in (COUNTRIES_FILE, INTERNATIONAL_FILE, MILNONSTATE_FILE, AGENTS_FILE):
        bad = sum(n for (fs, reason), n in REPORT.counts.items() if fs == sec and reason in UNPARSED)
        print(f"  {sec}: {RECORDS_READ.get(sec, 0)} records, {bad} could not be parsed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
