"""A small dataset for the export tests, written to catch what exports get wrong.

Non-ASCII names, commas, semicolons, quotes and a backslash in titles, a `<script>` title, a
`javascript:` source URL, every date precision (day, approximate day, month, year, an interval of
days), an allegation with a denial, an unconfirmed entry, a discrepancy between sources, a
scheduled hearing that was replaced and the one that replaced it, and two cases.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

DATASET = """\
sources:
  - id: s-news
    kind: news-report
    title: "Zoë's case, explained; part 1"
    outlet: Le Monde — Édition
    published: 2025-03-05
    url: https://example.com/zoë?a=1&b="2"
  - id: s-filing
    kind: court-filing
    title: Complaint
    outlet: District Court
    published: 2025-01-10
    url: "javascript:alert(1)"
  - id: s-later
    kind: news-report
    title: After the trial
    outlet: Le Monde — Édition
    published: 2025-08-02

parties:
  - id: zoe
    name: Zoë Ñúñez-李
    kind: person
    aliases: [Zoë]
    sources: [s-filing]
  - id: acme
    name: Acme, Inc.; Widgets <b>Division</b>
    kind: company
    aliases: [Acme]
    sources: [s-filing]
  - id: judge-okubo
    name: Judge Ōkubo
    kind: judge
    sources: [s-news]

cases:
  - id: zoe-v-acme
    caption: Ñúñez v. Acme, Inc.
    short_name: Ñúñez v. Acme
    docket: 1:25-cv-00001
    judge: judge-okubo
    filed: 2025-01-10
    parties:
      - party: zoe
        role: plaintiff
      - party: acme
        role: defendant
    sources: [s-filing]
  - id: state-v-acme
    caption: State v. Acme, Inc.
    short_name: State v. Acme
    parties:
      - party: acme
        role: defendant
    sources: [s-news]

filings:
  - id: f-complaint
    case: zoe-v-acme
    date: 2025-01-10
    kind: complaint
    title: 'Complaint: wages, overtime; and "retaliation" \\ more'
    summary: >-
      Zoë Ñúñez sues Acme for unpaid wages. Ça ne va pas: the complaint runs to forty pages, and
      this summary is long enough that its calendar line must be folded more than once, with
      accented letters (é, ü, ñ, 李) placed where a fold could fall inside one of them.
    filed_by: [zoe]
    sources: [s-filing, s-news]
  - id: f-letter
    case: zoe-v-acme
    date: 2025-02
    kind: letter
    title: Letter about discovery (month only)
    filed_by: [acme]
    sources: [s-news]
  - id: f-script
    case: zoe-v-acme
    date: 2025-02-14
    kind: motion
    title: <script>alert('x')</script> & friends
    filed_by: [acme]
    unconfirmed: true
    sources: [s-news]

events:
  - id: ev-year
    date: "2024"
    kind: other
    title: Zoë starts work at Acme (year only)
    case: zoe-v-acme
    parties: [zoe, acme]
    sources: [s-filing]
  - id: ev-alleged
    date: 2024-11-14~
    date_note: The complaint says "mid-November".
    kind: other
    title: Acme cut Zoë's hours, she says
    case: zoe-v-acme
    parties: [zoe, acme]
    alleged:
      by: [zoe]
      filing: f-complaint
      denied_by: [acme]
    sources: [s-filing]
  - id: ev-hearing-old
    date: 2025-04-01
    kind: hearing
    title: Hearing on the motion (first date)
    case: zoe-v-acme
    scheduled:
      set_on: 2025-03-01
      replaced_on: 2025-03-20
      replaced_by: ev-hearing-new
    sources: [s-news]
  - id: ev-hearing-new
    date: 2025-05-06
    kind: hearing
    title: Hearing on the motion (moved)
    case: zoe-v-acme
    scheduled:
      set_on: 2025-03-20
    sources: [s-news]
  - id: ev-statement
    date: 2025-03-05
    kind: statement
    title: Acme's statement
    case: zoe-v-acme
    parties: [acme]
    discrepancies:
      - about: the length of the statement
        accounts:
          - says: one page
            sources: [s-news]
          - says: two pages
            sources: [s-filing]
    sources: [s-news, s-filing]
  - id: ev-trial
    date: 2025-06-02/2025-06-04
    kind: trial
    title: Trial, three days
    case: zoe-v-acme
    sources: [s-news, s-later]
  - id: ev-state-hearing
    date: 2025-08-01
    kind: hearing
    title: State's hearing
    case: state-v-acme
    sources: [s-news, s-later]

claims:
  - id: claim-wages
    case: zoe-v-acme
    title: Unpaid wages
    plaintiffs: [zoe]
    defendants: [acme]
    filing: f-complaint
    sources: [s-filing]
    history:
      - status: dismissed
        date: 2025-07-01
        by: ev-trial
        sources: [s-news, s-later]
"""

# Entry ids by what the calendar does with them (as of a day after everything).
DAY_DATED = [
    "ev-alleged",
    "f-complaint",
    "f-script",
    "ev-statement",
    "ev-hearing-new",
    "ev-trial",
    "claim-wages@2025-07-01-dismissed",
    "ev-state-hearing",
]
VAGUE = ["ev-year", "f-letter"]
REPLACED = ["ev-hearing-old"]
AS_OF = "2026-01-01"


def write_dataset(tmp_path: Path, text: str = DATASET) -> Path:
    """Write the dataset into tmp_path/data and return the folder."""
    root = tmp_path / "data"
    root.mkdir(parents=True)
    (root / "case.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root
