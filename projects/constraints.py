"""Show a database constraint's violation next to the form field it is about.

Django reports a multi-field UniqueConstraint or a CheckConstraint as a form-wide error. A
model mixes this in and maps each constraint's `violation_error_code` to the field where a
person looks for the message (e.g. a duplicate enrolment next to "person").
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ConstraintErrorsOnFields:
    constraint_error_fields: dict[str, str] = {}

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except ValidationError as error:
            errors: dict[str, list[ValidationError]] = {}
            for field, messages in error.error_dict.items():
                for message in messages:
                    target = field
                    if field == NON_FIELD_ERRORS:
                        target = self.constraint_error_fields.get(message.code, field)
                    errors.setdefault(target, []).append(message)
            raise ValidationError(errors) from error
