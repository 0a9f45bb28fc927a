"""A page that serves the whole of an area it names ("ke seluruh Jawa", "a toda Galicia",
"throughout Wales") answers for places in it, not for a place elsewhere (issue 45): "Bisa
kirim ke Bali?" of a fish shop that sends "ke seluruh Jawa" was answered with that
sentence, cited, as if Bali were in Java."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import (
    assert_answered,
    assert_not_found,
    assistant_per_kb,
    create_org,
)

KOI = """# Kolam Koi Pak Darto

Kami menjual ikan koi dan ikan mas koki dari kolam sendiri di Blitar. Pesanan dikirim
lewat ekspedisi ke seluruh Jawa dalam kantong berisi oksigen.
"""
PULPO = """# Pulpería Lalín

Cocemos pulpo á feira todos los días. Enviamos pulpo cocido envasado al vacío a toda
Galicia en 24 horas.
"""
SLATE = """# Ogwen Slate Signs

We cut house signs from Welsh slate. Signs are delivered by courier throughout Wales
within a week.
"""


def test_an_area_served_whole_answers_for_its_places_not_for_others(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Whole areas")
    made = assistant_per_kb(org, {"koi": {"Koi": KOI}, "pulpo": {"Pulpo": PULPO},
                                  "slate": {"Slate": SLATE}})  # fmt: skip
    assert_not_found(org, "Bisa kirim koi ke Bali?", "id", assistant=made["koi"], conversation="k0")
    assert_answered(
        org, "Bisa kirim koi ke Jawa Timur?", "seluruh Jawa", assistant=made["koi"],
        conversation="k1",
    )  # fmt: skip
    assert_not_found(
        org, "¿Enviáis pulpo a Asturias?", "es", assistant=made["pulpo"], conversation="p0"
    )
    assert_answered(
        org, "¿Enviáis pulpo a Galicia?", "toda", assistant=made["pulpo"], conversation="p1"
    )
    assert_not_found(
        org, "Do you deliver signs to Cornwall?", "en", assistant=made["slate"], conversation="s0"
    )
    assert_answered(
        org, "Do you deliver signs to North Wales?", "throughout Wales",
        assistant=made["slate"], conversation="s1",
    )  # fmt: skip
