"""A PACER docket report saved as HTML, read by the Free Law Project's juriscraper.

juriscraper (an optional extra: `pip install 'casetrack[pacer]'`) does the parsing: its
`DocketReport(court)` takes the page's text and gives `data` with the docket's fields, `parties`
(`name`, `type`, `attorneys` with `name` and `contact`) and `docket_entries` (`date_filed`,
`document_number`, `pacer_doc_id`, `description`). It returns an empty dict for a page without a
docket, raises on some pages that are not docket reports, and parses a page cut short as far as
it goes: that last case is caught here by the missing end of the page.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from casetrack.dockets.model import Attorney, Docket, DocketError, DocketParty, Document, Entry
from casetrack.dockets.text import clean

INSTALL_HINT = "pip install 'casetrack[pacer]'"
_HOST = re.compile(r"https?://ecf\.([a-z0-9]+)\.uscourts\.gov", re.IGNORECASE)
_CASE_ID = re.compile(r"goDLS\('[^']*','(\d+)'|DktRpt\.pl\?(\d+)", re.ASCII)
_RECEIPT = re.compile(r"(\d{2})/(\d{2})/(\d{4})\s+\d{2}:\d{2}:\d{2}", re.ASCII)


def court_of(html: str) -> str | None:
    """The court the page names in its links to its ECF host (`ecf.nysd.uscourts.gov`)."""
    hosts = {m.group(1).lower() for m in _HOST.finditer(html)}
    return hosts.pop() if len(hosts) == 1 else None


def _docket_report() -> Any:
    # juriscraper sets up a log file under /var/log when first imported and complains on stderr
    # when it cannot: a handler of our own on its logger tells it logging is taken care of.
    logging.getLogger("juriscraper.lib.log_tools").addHandler(logging.NullHandler())
    try:
        from juriscraper.pacer import DocketReport  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        raise DocketError(
            f"reading PACER pages needs juriscraper, which is not installed: {INSTALL_HINT}"
        ) from None
    return DocketReport


def read_page(html: str, shown: str, court: str | None) -> Docket:
    """One saved docket report as a Docket."""
    report_class = _docket_report()
    if "<html" in html[:4096].casefold() and "</html>" not in html[-4096:].casefold():
        raise DocketError(
            f"{shown}: the page is cut off (it does not end with </html>); save the whole "
            "docket report again"
        )
    court = court or court_of(html)
    if court is None:
        raise DocketError(
            f"{shown}: the page does not say which court it is from; give it with --court "
            "(nysd, txsd, ...)"
        )
    report = report_class(court)
    try:
        report._parse_text(html)
        data = report.data
    except Exception:  # juriscraper fails in many ways on pages that are not docket reports
        data = {}
    if not isinstance(data, dict) or not data.get("docket_number"):
        raise DocketError(
            f"{shown}: not a PACER docket report (juriscraper finds no docket in it); save the "
            "page that 'Docket Report' shows"
        )
    return _docket(data, html, shown, court)


def _iso(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def _docket(data: dict[str, Any], html: str, shown: str, court: str) -> Docket:
    m = _CASE_ID.search(html)
    case_id = (m.group(1) or m.group(2)) if m else None
    host = f"https://ecf.{court}.uscourts.gov"
    receipt = (
        _RECEIPT.search(html[html.find("Transaction Receipt") :])
        if "Transaction Receipt" in html
        else None
    )
    docket = Docket(
        origin="PACER",
        files=[shown],
        court=court,
        number=clean(data.get("docket_number")) or None,
        caption=clean(data.get("case_name")) or None,
        judge=clean(data.get("assigned_to_str")) or None,
        filed=_iso(data.get("date_filed")),
        terminated=_iso(data.get("date_terminated")),
        nature_of_suit=clean(data.get("nature_of_suit")) or None,
        cause=clean(data.get("cause")) or None,
        url=f"{host}/cgi-bin/DktRpt.pl?{case_id}" if case_id else f"{host}/cgi-bin/DktRpt.pl",
        retrieved=f"{receipt.group(3)}-{receipt.group(1)}-{receipt.group(2)}" if receipt else None,
    )
    for p in data.get("parties") or ():
        name = clean(p.get("name"))
        if not name:
            continue
        attorneys = tuple(
            Attorney(clean(a.get("name")), _firm(a.get("contact")))
            for a in p.get("attorneys") or ()
            if clean(a.get("name"))
        )
        types = (clean(p.get("type")),) if clean(p.get("type")) else ()
        docket.parties.append(DocketParty(name, types, attorneys))
    for i, e in enumerate(data.get("docket_entries") or (), start=1):
        date = _iso(e.get("date_filed"))
        number = e.get("document_number")
        where = f"{shown}, entry {number or i}"
        if date is None:
            raise DocketError(f"{where}: the entry has no date")
        doc_id = e.get("pacer_doc_id")
        docs = (Document(url=f"{host}/doc1/{doc_id}"),) if doc_id else ()
        docket.entries.append(
            Entry(
                number=int(number) if isinstance(number, str) and number.isdigit() else None,
                date=date,
                text=clean(e.get("description")),
                documents=docs,
                where=where,
                sequence=f"{i:06d}",
            )
        )
    return docket


def _firm(contact: Any) -> str | None:
    from casetrack.dockets.courtlistener import firm_of

    return firm_of(contact)
