"""Every size limit of what the app takes in, in one place (the README's "Limits" table lists them).

They are generous for real work and small enough that no accepted input can exhaust a field
laptop: benchmarks/bench_hostile.py prints each one with the peak memory of the worst input that
is still accepted and the time taken to refuse one just beyond it.
"""

KIB = 1024
MIB = 1024 * KIB

# texts, in characters (after NFC normalisation)
NOTE_MAX_CHARS = 20_000
CITY_MAX_CHARS = 120
PERSON_MAX_CHARS = 120  # assessor, the actor named in the audit trail
SOURCE_MAX_CHARS = 500  # where a measured value comes from; the unit (OPD) responsible for a step
REASON_MAX_CHARS = 2_000  # why a final assessment was reopened
TEAM_MAX_MEMBERS = 50  # an evaluation team: a lead, assessors, a reviewer
FRAMEWORK_NAME_MAX_CHARS = 300  # title, pillar and indicator names, level names, band labels, units
FRAMEWORK_TEXT_MAX_CHARS = 5_000  # descriptions, questions, rubric texts, references
FRAMEWORK_VERSION_MAX_CHARS = 40
FILE_NAME_MAX_BYTES = 255  # an evidence file's name, in UTF-8: what every common file system takes

# framework files
FRAMEWORK_FILE_MAX_BYTES = 4 * MIB
FRAMEWORK_MAX_NODES = 250_000  # YAML values after aliases are expanded (a shared rubric counts each use)
FRAMEWORK_MAX_DEPTH = 64  # nesting of YAML lists and mappings
FRAMEWORK_MAX_PILLARS = 50
FRAMEWORK_MAX_INDICATORS = 2_000
FRAMEWORK_MAX_LEVELS = 10
FRAMEWORK_MAX_BANDS = 20
FRAMEWORK_MAX_REFERENCES = 50  # per indicator

# response tables (CSV, XLSX)
TABLE_FILE_MAX_BYTES = 64 * MIB
TABLE_MAX_ROWS = 10_000
TABLE_MAX_COLUMNS = 100
TABLE_CELL_MAX_CHARS = 32_767  # what an Excel cell holds; a CSV field may not be longer either
XLSX_MAX_PARTS = 1_000  # files inside the workbook's zip
XLSX_MAX_UNCOMPRESSED_BYTES = 64 * MIB  # all parts together, as the zip's directory declares them
XLSX_MAX_SHARED_STRINGS_BYTES = 48 * MIB  # the shared-string table, uncompressed
