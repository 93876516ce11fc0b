"""CourtListener's shapes, read into parts of a Docket.

Checked against the Free Law Project's own serializers (courtlistener repository):
- REST v4 docket (`cl/search/api_serializers.py` DocketSerializer): `id`, `court` (a URL) and
  `court_id`, `docket_number`, `case_name`, `assigned_to_str`, `date_filed`, `date_terminated`,
  `nature_of_suit`, `cause`, `absolute_url`, `date_modified`.
- REST v4 docket entries (DocketEntrySerializer), paged as `{"count", "next", "previous",
  "results"}` (`count` may be a URL): `docket` (a URL), `entry_number`, `date_filed`,
  `description`, `recap_sequence_number`, `date_modified`, and `recap_documents` with
  `document_type`, `attachment_number`, `description`, `absolute_url`.
- REST v4 parties (`cl/people_db/api_serializers.py` PartySerializer): `name`, `party_types`
  (`name`, `docket_id`) and `attorneys` (`attorney_id`, `docket_id`, `role`); v4 attorneys
  (AttorneySerializer): `id`, `name`, `contact_raw`, `parties_represented` (`party`, `docket`).
  A party lists every attorney it ever had, so roles are kept only for this docket.
- RECAP archive `docket.json` (`cl/corpus_importer/api_serializers.py` IADocketSerializer): the
  docket's own fields (`court` is the court's id) with `docket_entries[].recap_documents[]` and
  `parties[]`, each with `party_types[]` and `attorneys[]` (`name`, `contact_raw`).
- The docket CSV (`cl/opinion_page/utils.py`, the models' `get_csv_columns`): one row per
  document, columns `docketentry_*` then `recapdocument_*`, every value quoted; the file is named
  `<slug>.<court>.<docket id>.<date>.csv` and holds nothing else about the docket.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

from casetrack.dockets.model import Attorney, DocketError, DocketParty, Document, Entry
from casetrack.dockets.text import clean

SITE = "https://www.courtlistener.com"
_DOCKET_ID = re.compile(r"/dockets?/(\d+)(?:/|$)", re.ASCII)
_COURT_ID = re.compile(r"/courts/([a-z0-9]+)/?$")


def shape_of(data: Any) -> str | None:
    """'docket', 'bulk', 'entries', 'parties', 'attorneys' or None for anything else."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        items = data["results"]
        if not items:
            return "empty"
        return _item_shape(items[0])
    if isinstance(data, dict):
        if isinstance(data.get("docket_entries"), list) and "docket_number" in data:
            return "bulk"
        if "docket_number" in data and "case_name" in data:
            return "docket"
        return _item_shape(data)
    return None


def _item_shape(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    if "recap_documents" in item or "entry_number" in item:
        return "entries"
    if "party_types" in item:
        return "parties"
    if "contact_raw" in item or "parties_represented" in item:
        return "attorneys"
    return None


def items(data: Any) -> list[dict[str, Any]]:
    """The records of a paged response, or the one record given on its own."""
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return [r for r in data["results"] if isinstance(r, dict)]
    return [data] if isinstance(data, dict) else []


def linked_id(value: Any) -> int | None:
    """A docket id given as a number or as a v4 URL (`.../api/rest/v4/dockets/123/`)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        if value.isdigit():
            return int(value)
        m = _DOCKET_ID.search(value)
        if m:
            return int(m.group(1))
    return None


def court_code(data: dict[str, Any]) -> str | None:
    """`court_id`, or the court given as an id (bulk) or as a URL (v4)."""
    for key in ("court_id", "court"):
        value = data.get(key)
        if isinstance(value, str) and value:
            m = _COURT_ID.search(value)
            if m:
                return m.group(1)
            if re.fullmatch(r"[a-z0-9]+", value):
                return value
    return None


def day(value: Any) -> str | None:
    """The date part of an ISO date or date-time ('2022-10-11T14:21:40-07:00' -> '2022-10-11')."""
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value, re.ASCII):
        return value[:10]
    return None


def docket_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The docket's own fields, as a Docket takes them."""
    url = data.get("absolute_url")
    ident = data.get("id")
    return {
        "court": court_code(data),
        "number": clean(data.get("docket_number")) or None,
        "caption": clean(data.get("case_name") or data.get("case_name_full")) or None,
        "judge": clean(data.get("assigned_to_str")) or None,
        "filed": day(data.get("date_filed")),
        "terminated": day(data.get("date_terminated")),
        "nature_of_suit": clean(data.get("nature_of_suit")) or None,
        "cause": clean(data.get("cause")) or None,
        "url": SITE + url if isinstance(url, str) and url.startswith("/") else None,
        "retrieved": day(data.get("date_modified")),
        "courtlistener_id": ident if isinstance(ident, int) else None,
    }


def entry(data: dict[str, Any], where: str) -> Entry:
    """One docket entry with its documents."""
    date = day(data.get("date_filed"))
    if date is None:
        raise DocketError(f"{where}: the entry has no date_filed")
    number = data.get("entry_number")
    if isinstance(number, str) and number.isdigit():
        number = int(number)
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        number = None
    return Entry(
        number=number,
        date=date,
        text=clean(data.get("description")),
        documents=tuple(_documents(data.get("recap_documents"))),
        where=where,
        sequence=str(data.get("recap_sequence_number") or ""),
    )


def _documents(docs: Any) -> Iterator[Document]:
    for doc in docs if isinstance(docs, list) else ():
        if not isinstance(doc, dict):
            continue
        url = doc.get("absolute_url")
        if not (isinstance(url, str) and url.startswith("/")):
            continue
        attachment = doc.get("attachment_number")
        yield Document(
            url=SITE + url,
            attachment=attachment if isinstance(attachment, int) and attachment > 0 else None,
            description=clean(doc.get("description")) or None,
        )


def bulk_parties(data: dict[str, Any]) -> list[DocketParty]:
    """Parties of a RECAP archive docket.json: attorneys nested in each party."""
    out = []
    for p in data.get("parties") or ():
        if not isinstance(p, dict) or not clean(p.get("name")):
            continue
        types = tuple(
            clean(t.get("name")) for t in p.get("party_types") or () if isinstance(t, dict)
        )
        attorneys = tuple(
            Attorney(clean(a.get("name")), firm_of(a.get("contact_raw")))
            for a in p.get("attorneys") or ()
            if isinstance(a, dict) and clean(a.get("name"))
        )
        out.append(DocketParty(clean(p["name"]), tuple(t for t in types if t), attorneys))
    return out


def api_parties(
    parties: list[dict[str, Any]],
    attorneys: dict[int, dict[str, Any]],
    docket_id: int | None,
) -> tuple[list[DocketParty], int]:
    """Parties of v4 `parties` responses, with counsel named from v4 `attorneys` responses.

    Returns the parties and how many of their attorneys could not be named (no attorneys file).
    """
    out = []
    unnamed = 0
    represented: dict[int, set[int]] = {}
    for ident, a in attorneys.items():
        for link in a.get("parties_represented") or ():
            if not isinstance(link, dict):
                continue
            if docket_id is not None and linked_id(link.get("docket")) not in (None, docket_id):
                continue
            party = _last_number(link.get("party"))
            if party is not None:
                represented.setdefault(party, set()).add(ident)
    for p in parties:
        name = clean(p.get("name"))
        if not name:
            continue
        types = tuple(
            clean(t.get("name"))
            for t in p.get("party_types") or ()
            if isinstance(t, dict)
            and clean(t.get("name"))
            and (docket_id is None or t.get("docket_id") in (None, docket_id))
        )
        ids: list[int] = []
        for role in p.get("attorneys") or ():
            if not isinstance(role, dict):
                continue
            if docket_id is not None and role.get("docket_id") not in (None, docket_id):
                continue
            attorney_id = role.get("attorney_id")
            if isinstance(attorney_id, int):
                ids.append(attorney_id)
        party_id = p.get("id")
        if isinstance(party_id, int):
            ids.extend(sorted(represented.get(party_id, ())))
        counsel = []
        for attorney_id in dict.fromkeys(ids):
            known = attorneys.get(attorney_id)
            if known is None or not clean(known.get("name")):
                unnamed += 1
                continue
            counsel.append(Attorney(clean(known["name"]), firm_of(known.get("contact_raw"))))
        out.append(DocketParty(name, types, tuple(counsel)))
    return out, unnamed


def _last_number(value: Any) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        m = re.search(r"(\d+)/?$", value, re.ASCII)
        if m:
            return int(m.group(1))
    return None


_ADDRESS = re.compile(r"^\s*(\d|p\.?o\.? box|suite|ste\b|email|fax|phone|tel|\()", re.IGNORECASE)


def firm_of(contact: Any) -> str | None:
    """The firm: the first line of an attorney's contact block, unless it is an address."""
    if not isinstance(contact, str):
        return None
    first = clean(contact.strip().split("\n", 1)[0])
    if not first or _ADDRESS.match(first) or "@" in first:
        return None
    return first


CSV_COLUMNS = ("docketentry_entry_number", "docketentry_date_filed", "docketentry_description")
_CSV_NAME = re.compile(r"\.([a-z0-9]+)\.(\d+)\.(\d{4}-\d{2}-\d{2})\.csv$", re.IGNORECASE | re.ASCII)


def csv_entries(text: str, shown: str) -> list[Entry]:
    """Entries of CourtListener's docket CSV: rows of one entry (one per document) joined."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise DocketError(
            f"{shown}: not CourtListener's docket CSV (no column {missing[0]}); download it "
            "from the docket page's CSV button"
        )
    rows: dict[tuple[str, str, str], list[Document]] = {}
    keys: dict[tuple[str, str, str], int] = {}
    try:
        for line, row in enumerate(reader, start=2):
            number = (row.get("docketentry_entry_number") or "").strip()
            date = day(row.get("docketentry_date_filed"))
            if date is None:
                raise DocketError(f"{shown}:{line}: the row has no docketentry_date_filed")
            key = (number, date, clean(row.get("docketentry_description")))
            keys.setdefault(key, line)
            docs = rows.setdefault(key, [])
            url = (row.get("recapdocument_filepath_local") or "").strip()
            if url.startswith("https://"):
                attachment = (row.get("recapdocument_attachment_number") or "").strip()
                docs.append(
                    Document(
                        url=url,
                        attachment=int(attachment) if attachment.isdigit() else None,
                        description=clean(row.get("recapdocument_description")) or None,
                    )
                )
    except csv.Error as exc:
        raise DocketError(f"{shown}: this CSV cannot be read: {exc}") from None
    return [
        Entry(
            number=int(number) if number.isdigit() else None,
            date=date,
            text=text_,
            documents=tuple(docs),
            where=f"{shown}:{keys[(number, date, text_)]}",
        )
        for (number, date, text_), docs in rows.items()
    ]


def csv_name_facts(name: str) -> tuple[str | None, int | None, str | None]:
    """(court, CourtListener docket id, date) from the CSV's own file name, where it kept it."""
    m = _CSV_NAME.search(name)
    if m is None:
        return None, None, None
    return m.group(1).lower(), int(m.group(2)), m.group(3)
