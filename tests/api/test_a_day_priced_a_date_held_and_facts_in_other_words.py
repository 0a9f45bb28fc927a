"""A price asked of a day ("How much on a Tuesday?" of "£35 on weekdays"), of holding a
date ("How much to secure our date?" of a deposit), and facts in words of their own:
whom a cake feeds, whether they are open on a day, a child's age to learn, the day of a
schedule, the carrier."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

HUTS = {
    "Booking": "Huts are hired by the day from 9am to 8pm: £35 on weekdays and £50 at "
    "weekends and bank holidays.",
    "Cakes": "Our celebration cakes start at £320 for two tiers serving 50 guests. "
    "Bookings need a £100 deposit and the balance a month before the party.",
}
SKI = {
    "Horario": "Abrimos de martes a sábado de 10:00 a 14:00 y de 16:30 a 20:00.",
    "Niños": "El jardín de nieve es para niños de 3 a 5 años, con clases de una hora.",
}
COURSE = {
    "Program": "Program bahasa Arab dasar 3 bulan, pertemuan setiap Selasa dan Kamis jam "
    "19.00 sampai 20.30.",
    "Pengiriman": "Buku pesanan dikirim hari yang sama lewat JNE atau J&T.",
}
ANSWERED = [
    ("huts", "How much on a Tuesday?", "£35 on weekdays"),
    ("huts", "How much to secure our date?", "£100 deposit"),
    ("huts", "How many people will two tiers feed?", "50 guests"),
    ("ski", "¿Estáis abiertos el lunes?", "de martes a sábado"),
    ("ski", "Mi hijo tiene 4 años, ¿puede aprender?", "de 3 a 5 años"),
    ("course", "Jadwal kelasnya hari apa?", "Selasa dan Kamis"),
    ("course", "Kirim pakai ekspedisi apa?", "JNE atau J&T"),
]
DECLINED = [
    ("huts", "en", "Do you make vegan cakes?"),
    ("ski", "es", "¿Dais clases de esquí de fondo?"),
    ("course", "id", "Ada kelas tahfidz Quran?"),
]


def test_a_day_priced_a_date_held_and_facts_in_other_words(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Dayheld")
    made = assistant_per_kb(org, {"huts": HUTS, "ski": SKI, "course": COURSE})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
