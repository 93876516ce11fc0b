"""A small made-up lawsuit used by the command tests: two cases, a group, counsel, a moved
hearing, an allegation, an unconfirmed report and a discrepancy."""

from __future__ import annotations

CASE_FILES = {
    "sources.yaml": """
        sources:
          - id: s-planet
            kind: news-report
            title: Alice sues Bob Corp
            outlet: Daily Planet
            published: 2025-03-01
            url: https://planet.example/alice
          - id: s-order
            kind: court-order
            title: Scheduling order
            outlet: District Court
            published: 2025-03-06
    """,
    "parties.yaml": """
        parties:
          - id: alice
            name: Alice Archer
            kind: person
            aliases: [Archer]
            description: An actress.
            sources: [s-planet]
          - id: bob-corp
            name: Bob Corp
            kind: company
            aliases: [BobCo]
            sources: [s-planet]
          - id: dave
            name: Dave Dunn
            kind: person
            aliases: [Dunn]
            sources: [s-planet]
          - id: bob-parties
            name: The Bob parties
            kind: group
            members: [bob-corp, dave]
            sources: [s-planet]
          - id: carol
            name: Carol Chen
            kind: counsel
            aliases: [Chen]
            sources: [s-planet]
          - id: judge-j
            name: Judith Judge
            kind: judge
            sources: [s-order]
          - id: court
            name: District Court for the Example District
            kind: court
            aliases: [EDX]
            sources: [s-order]
    """,
    "cases.yaml": """
        cases:
          - id: a-v-b
            caption: Archer v. Bob Corp et al.
            short_name: Archer v. Bob
            court: court
            docket: 1:25-cv-1
            judge: judge-j
            filed: 2025-01-15
            sources: [s-planet]
            parties:
              - party: alice
                role: plaintiff
                counsel: [carol]
              - party: bob-corp
                role: defendant
          - id: b-v-a
            caption: Bob parties v. Archer
            short_name: Bob v. Archer
            filed: 2025-02-20
            sources: [s-planet]
            parties:
              - party: bob-parties
                role: plaintiff
              - party: alice
                role: defendant
                counsel: [carol]
            relations:
              - kind: countersuit-to
                case: a-v-b
    """,
    "filings.yaml": """
        filings:
          - id: f-complaint
            case: a-v-b
            date: 2025-01-15
            kind: complaint
            title: Archer's complaint
            filed_by: [alice]
            sources: [s-planet]
          - id: f-mtd
            case: a-v-b
            date: 2025-02
            kind: motion-to-dismiss
            title: Bob Corp moves to dismiss
            filed_by: [bob-corp]
            sources: [s-order]
    """,
    "claims.yaml": """
        claims:
          - id: cl-harassment
            case: a-v-b
            title: Harassment
            plaintiffs: [alice]
            defendants: [bob-corp]
            filing: f-complaint
            damages: $1 million
            sources: [s-planet]
            history:
              - status: withdrawn
                date: 2025-03-05
                sources: [s-order]
          - id: cl-contract
            case: a-v-b
            title: Breach of contract
            plaintiffs: [alice]
            defendants: [bob-corp]
            filing: f-complaint
            sources: [s-planet]
          - id: cl-defamation
            case: b-v-a
            title: Defamation
            plaintiffs: [bob-parties]
            defendants: [alice]
            date: 2025-02-20
            sources: [s-planet]
    """,
    "events.yaml": """
        events:
          - id: ev-conduct
            date: 2024-06~
            date_note: The report says "early last summer".
            kind: other
            title: Alleged conduct on set
            case: a-v-b
            parties: [alice, bob-corp]
            sources: [s-planet]
            alleged:
              by: [alice]
              denied_by: [bob-corp]
          - id: ev-meeting
            date: 2025-01
            kind: meeting
            title: Settlement talks
            parties: [alice, dave]
            unconfirmed: true
            sources: [s-planet]
            discrepancies:
              - about: who attended
                accounts:
                  - says: Alice and Dave
                    sources: [s-planet]
                  - says: Only lawyers
                    sources: [s-order]
          - id: ev-hearing-1
            date: 2025-04-10
            kind: hearing
            title: Hearing on the motion
            case: a-v-b
            sources: [s-order]
            scheduled:
              set_on: 2025-02-10
              replaced_on: 2025-03-06
          - id: ev-hearing-2
            date: 2025-05-20
            kind: hearing
            title: Hearing on the motion (moved)
            case: a-v-b
            sources: [s-order]
            scheduled:
              set_on: 2025-03-06
    """,
}
