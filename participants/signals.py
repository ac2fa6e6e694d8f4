"""Signals the layers above `participants` connect to for the GDPR operations.

Consultations (and, later, enquiries) live in `services`, which depends on `participants`, not
the other way round. Anonymisation and the data-subject access export must still reach them, so
`participants` sends these signals and `services` connects its receivers in
`ServicesConfig.ready()` (see `services/gdpr.py`). A signal rather than an orchestrator in
`services` keeps the commands and the write functions in `participants`, where the records and
the rules are, and lets every upper app add its part without `participants` knowing it.

Both are sent with `sender=Person`; a receiver must be cheap and query in bulk.
"""

from django.dispatch import Signal

# Sent inside the anonymising transaction, after persons/families were wiped, with
# `person_ids` and `family_ids` (lists of pks). A receiver wipes what it holds about them
# (free text, identifiers) and returns a {counter_name: number} dict for the run's audit entry.
# An exception rolls the whole batch back.
participants_anonymised = Signal()

# Sent while building a data-subject access export, with `person` (a Person). A receiver
# returns a {section_name: JSON-serialisable value} dict to add to the export.
subject_data_requested = Signal()
