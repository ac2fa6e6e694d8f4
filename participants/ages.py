from datetime import date


def age_on(birth_date: date | None, day: date | None) -> int | None:
    """Full years on `day` (a person born on 29 February turns a year older on 1 March)."""
    if birth_date is None or day is None:
        return None
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday
