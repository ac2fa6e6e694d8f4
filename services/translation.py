from modeltranslation.translator import TranslationOptions, register

from services.models import (
    Activity,
    Deliverable,
    PlaceKind,
    Situation,
    SpecialistKind,
    SupportOffer,
)


@register(SpecialistKind)
@register(PlaceKind)
class VocabularyTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Situation)
class SituationTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(SupportOffer)
class SupportOfferTranslationOptions(TranslationOptions):
    fields = ("title", "description", "who_for", "how_to_get")


@register(Activity)
@register(Deliverable)
class NamedItemTranslationOptions(TranslationOptions):
    fields = ("name", "description")
