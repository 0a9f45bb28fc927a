"""Asked why, of a service's pages whose words it all holds: no sentence saying what the
place sells or does answers it unless it gives a reason. By the code before (5ef5a0e),
"Why do wedding cakes have tiers?" was answered with the price of a three tier cake, "Why
do we have Christmas trees?" with the potted trees' price and "Kenapa sol sepatu bisa
menguning?" with the shoe cleaner's whitening service. Reasons a page gives are quoted:
"because", a consequence after a comma, what a thing makes sure of ("menjamin ..."); "Why
do the opening days change?" of "Opening days depend on the weather, so check our page"
was declined there too (why_unheld: "change" no page holds, and no reason read in the
quote). The other rows pass on both."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CAKES = {
    "Cakes": "We bake birthday and wedding cakes to order in vanilla, chocolate and "
    "lemon. We close in August because the kitchen is refitted every summer.",
    "Prices": "A 6 inch cake serving 12 starts at £45. A three tier wedding cake serving "
    "100 starts at £380.",
}
TREES = {
    "Trees": "Choose and cut your own Nordmann fir in our fields. We lend saws and carry "
    "your tree to the car.",
    "Prices": "A 6 foot Nordmann fir costs £55. Potted trees that can be planted out "
    "after Christmas start at £30. Opening days depend on the weather, so check our page "
    "before you come.",
}
SHOES = {
    "Layanan": "Kami mencuci sepatu sneakers, kulit dan suede. Ada juga layanan "
    "unyellowing untuk sol yang menguning.",
    "Harga": "Cuci sepatu Rp35.000 per pasang dan unyellowing Rp50.000. Pesan lewat "
    "aplikasi menjamin sepatu dijemput di hari yang sama.",
}
ANSWERED = [
    ("cakes", "Why are you closed in August?", "because the kitchen is refitted"),
    ("cakes", "How much is a three tier wedding cake?", "£380"),
    ("trees", "Why do the opening days change?", "depend on the weather"),
    ("trees", "How much is a 6 foot Nordmann?", "£55"),
    ("shoes", "Kenapa harus pesan lewat aplikasi?", "menjamin sepatu dijemput"),
    ("shoes", "Unyellowing berapa?", "Rp50.000"),
]
DECLINED = [
    ("cakes", "en", "Why do wedding cakes have tiers?"),
    ("trees", "en", "Why do we have Christmas trees?"),
    ("shoes", "id", "Kenapa sol sepatu bisa menguning?"),
]


def test_why_is_answered_only_by_a_reason_over_a_services_pages(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Why, asked of a service")
    made = assistant_per_kb(org, {"cakes": CAKES, "trees": TREES, "shoes": SHOES})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
