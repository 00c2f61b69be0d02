"""The Chinese of policy documents, as data: one place for every word list.

Each module holds one kind of language data as plain tuples and pattern
strings, in the manner of spaCy's ``lang/`` modules; the logic that uses it
lives in the pipeline stages (`ingest.normalize`, `ingest.structure`,
`ingest.roles`, `ingest.resolve`, `ingest.nlp`, `ingest.targets`,
`ingest.header`, `graph.build`), which import their words from here; what a
stage keeps is the grammar of its own patterns (how a clause's tokens combine,
what closes a run-on line). Adding a role label or a table header is a
one-line change in `ingest.lexicon.roles`.

| module | holds |
| --- | --- |
| `chars` | Han ranges, brackets, separators, sentence ends |
| `numbering` | the numbering grammar of headings and items |
| `roles` | role verbs, role labels, table-header roles, notes of convention, non-body fields |
| `bodies` | name endings of bodies, vague groups, administrative levels, party organs, provinces |
| `docnumbers` | document-number forms (新政办发〔2013〕118号) |
| `entities` | endings that make a name a park, lab, firm …; words around names; typing a name |
| `targets` | units, comparators, value verbs and plan periods of quantified goals |
"""
