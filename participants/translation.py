from modeltranslation.translator import TranslationOptions, register

from participants.models import ParticipantSubgroup


@register(ParticipantSubgroup)
class ParticipantSubgroupTranslationOptions(TranslationOptions):
    fields = ("name", "description", "target_note")
