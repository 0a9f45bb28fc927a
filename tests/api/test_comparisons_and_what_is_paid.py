"""How two things differ, asked of pages that list both and compare nothing, is
declined; what someone pays is a price asked ("What do grown-ups pay to get in?"), an
age it is asked for is whom it is for ("Do I have to pay for my 10-month-old?"); spoken
"berapaan" asks how much."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

THEATRE = {
    "Shows": "Our puppet shows last 50 minutes and suit children aged 3 to 8. Tickets are "
    "£9 for children and £10 for adults; babies on laps go free.",
    "Theatre": "The theatre seats 60 on benches. There is a buggy park in the foyer.",
}
LATHE = {
    "Layanan": "Kami mengerjakan bubut, frais dan las untuk as, gear dan flens. Bahan "
    "besi, stainless dan kuningan.",
    "Toko": "Kami juga menjual mata bor mulai Rp25.000 per buah.",
}
ANSWERED = [
    ("theatre", "What do grown-ups pay to get in?", "£10 for adults"),
    ("theatre", "Do I have to pay for my 10-month-old?", "babies on laps go free"),
    ("lathe", "Mata bor paling murah berapaan?", "Rp25.000"),
    ("lathe", "Bisa bubut stainless?", "stainless"),
]
DECLINED = [
    ("lathe", "id", "Apa beda bubut dan frais?"),
    ("theatre", "en", "Which is better for toddlers, puppets or cartoons?"),
]


def test_comparisons_and_what_is_paid(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Compare")
    made = assistant_per_kb(org, {"theatre": THEATRE, "lathe": LATHE})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
