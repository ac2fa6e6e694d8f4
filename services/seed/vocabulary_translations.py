"""Ukrainian and English names of the portal's own vocabularies (specialist kinds, place kinds,
situations), keyed by slug.

Unlike the projects' texts, which come from the projects' pages and are translated by their
editors in the admin, these words are the portal's: a Ukrainian-speaking parent choosing "their
situation" on the home page must read it in Ukrainian from the first day. The loader fills a
translation only where the field is empty, so an editor's wording in the admin is never
overwritten by a later load.
"""

SPECIALIST_KINDS = {
    # slug: (Ukrainian, English)
    "psychologist": ("психолог", "psychologist"),
    "dietitian": ("дієтолог", "dietitian"),
    "career-counsellor": ("кар’єрний консультант", "career counsellor"),
    "paediatric-nurse": ("педіатрична медсестра", "paediatric nurse"),
    "lawyer": ("юрист", "lawyer"),
    "family-assistant": ("асистент сім’ї", "family assistant"),
    "social-worker": ("соціальний працівник", "social worker"),
    "family-therapist": ("сімейний терапевт", "family therapist"),
    "family-counsellor": ("сімейний консультант", "family counsellor"),
    "foster-care-trainer": ("тренер для прийомних сімей", "foster care trainer"),
    "carer": ("доглядальник людини з інвалідністю", "carer of a person with a disability"),
    "animator": ("аніматор", "activity leader"),
}

PLACE_KINDS = {
    # slug: (Ukrainian, English)
    "maternity-ward": ("пологове відділення", "maternity ward"),
    "birthing-school": ("школа для майбутніх батьків", "antenatal class"),
    "office": ("офіс / центр", "office / centre"),
    "home-visit": ("вдома в сім’ї", "at the family’s home"),
    "hotline": ("гаряча лінія", "hotline"),
    "online": ("онлайн", "online"),
    "outdoors": ("виїзд / на природі", "trip / outdoors"),
}

SITUATIONS = {
    # slug: ((Ukrainian name, description), (English name, description))
    "newborn": (
        (
            "Народилася дитина / молоді батьки",
            "Підтримка одразу після народження дитини: у пологовому відділенні, у школі для "
            "майбутніх батьків і вдома.",
        ),
        (
            "A new baby / young parents",
            "Support right after a baby is born: on the maternity ward, at antenatal classes "
            "and at home.",
        ),
    ),
    "disability": (
        (
            "Дитина з інвалідністю",
            "Послуги догляду, консультації та підтримка для сімей дітей з інвалідністю.",
        ),
        (
            "A child with a disability",
            "Care services, counselling and support for families of children with a disability.",
        ),
    ),
    "foster-care": (
        (
            "Прийомні сім’ї та кандидати",
            "Навчання для кандидатів у прийомні сім’ї та підтримка для сімей, які вже ними є.",
        ),
        (
            "Foster care and candidates",
            "Training for people who want to foster and support for families who already do.",
        ),
    ),
    "parenting-crisis": (
        (
            "Труднощі у вихованні та криза",
            "Асистент сім’ї, спеціалізовані консультації, допомога, коли дитину можуть "
            "забрати з сім’ї.",
        ),
        (
            "Parenting difficulties and crisis",
            "A family assistant, specialist counselling, help when a child may be taken into care.",
        ),
    ),
    "poverty": (
        (
            "Бідність і соціальне виключення",
            "Соціальна робота, активна інтеграція та підтримка сім’ї за місцем проживання.",
        ),
        (
            "Poverty and exclusion",
            "Social work, active inclusion and support for the family where it lives.",
        ),
    ),
}
