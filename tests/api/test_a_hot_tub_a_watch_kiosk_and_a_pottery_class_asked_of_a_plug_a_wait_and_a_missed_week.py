"""What a page says in other words than the asker's (set EQ's sauna, shoe repairer and
knitting class, in pages written here): a plug asked of "no electricity is needed",
firewood of "logs included", how many fit "at once" of "seats six adults", how long a
trail is of "our four-mile trail", a job done while the asker waits of "en el momento"
(not of the jobs "que no se hacen en el momento"), and not coming of "berhalangan
hadir". Which rows the code before (dd751b2) answered and declined alike is in each
row's comment."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

HOT_TUB = {
    "Hire": "We deliver a wood-fired hot tub to your garden for a weekend. It seats six "
    "adults. A weekend costs £280, logs included. No electricity is needed.",
    "Walks": "Guests staying at the farm can follow our four-mile nature trail along the river.",
}
KIOSK = {
    "Relojes": "Los relojes que no se arreglan en el momento tardan una semana. Cambiamos "
    "pilas de reloj en el momento por 5 euros. Abrimos de lunes a sábado.",
}
POTTERY = {
    "Kelas": "Kelas keramik diadakan setiap Minggu pukul 09.00. Jika berhalangan hadir, "
    "sesi bisa diganti minggu berikutnya. Biaya Rp300.000 per bulan.",
}
ANSWERED = [
    # (before: declined)
    ("tub", "Does it need plugging in?", "No electricity is needed"),
    ("tub", "Do we have to buy our own firewood?", "logs included"),
    ("tub", "How many people fit inside at once?", "seats six"),
    ("kiosk", "¿Lo podéis hacer mientras espero?", "Cambiamos pilas de reloj en el momento"),
    ("pottery", "Kalau saya nggak bisa datang, gimana?", "bisa diganti minggu berikutnya"),
    # (before: answered too, by the words it shares with the page)
    ("tub", "How long is the trail we would be walking on?", "four-mile"),
]
DECLINED = [
    # (before: declined too)
    ("tub", "en", "Do you sell hot tub chemicals?"),
    ("kiosk", "es", "¿Arregláis relojes de pared?"),
    ("pottery", "id", "Ada kelas melukis juga?"),
]


def test_a_page_saying_it_in_other_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Tub, kiosk and pottery")
    made = assistant_per_kb(org, {"tub": HOT_TUB, "kiosk": KIOSK, "pottery": POTTERY})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
