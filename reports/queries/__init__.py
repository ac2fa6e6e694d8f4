"""One module per report; each has SLUG and build(filters) -> Report."""

from reports.queries import activities, consultations, efs, funding, targets

REPORTS = {module.SLUG: module for module in (targets, efs, consultations, activities, funding)}
