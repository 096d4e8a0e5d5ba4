"""``variables.yaml``: the values scripts' placeholders are filled from, in one place."""


from typing import Annotated

from pydantic import Field, StringConstraints

from ..locale import N_
from .base import Strict, Text, no_entries

# A lowercase letter of any language, then letters, digits and underscores: {customer_name}, {kundens_navn},
# {straße}. Written to mean the same in Python's re and in pydantic's (Rust) regex.
PLACEHOLDER_NAME = r"[^\W\dA-Z_][^\WA-Z]*"
VariableName = Annotated[str, StringConstraints(pattern=rf"^{PLACEHOLDER_NAME}$", max_length=48)]


class Variables(Strict):
    values: dict[VariableName, Text] = Field(
        title=N_("values"),
        description="fixed values filled into scripts and prose: {company_name}, {support_phone}, ..."
    )
    blanks: dict[VariableName, Text] = Field(
        default_factory=no_entries,
        title=N_("blanks"),
        description="placeholders the representative fills in during the contact, with a hint: "
        "{customer_name}: the customer's name",
    )
