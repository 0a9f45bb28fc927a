"""Questions of set EL's kinds, in pages written here: a Spanish canoe hire, an Indonesian
party equipment hire and speech therapy clinic, an English mobile bike mechanic. By the
code before (8229da2) the first answered row was declined for its "pertama" where the
page writes "awal", and the first two declined rows were answered: a thing asked to rent
that no page names in any word ("¿Alquiláis neoprenos?" with the canoes' prices), a tent
asked by sides the pages give only others of. The other rows read alike before and
after: "used bikes for sale", now asked as whether they sell them, was declined by the
decision before too."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

CANOES = {
    "Descenso": "El descenso va de Cangas a Soto, unos 10 kilómetros, en 3 horas. Incluye "
    "piragua, pala, chaleco y el autobús de vuelta.",
    "Precios": "El alquiler cuesta 28 euros por persona y 18 euros para niños de 6 a 12 "
    "años. Hay que saber nadar.",
    "Temporada": "Abrimos de mayo a septiembre, todos los días de 10:00 a 13:00 para salir.",
}
PARTY = {
    "Peralatan": "Kami menyewakan tenda sarnafil, kursi lipat dan meja prasmanan untuk "
    "hajatan. Kursi lipat Rp4.000 per buah, tenda 5x8 meter Rp500.000 per hari.",
    "Pemesanan": "Pesan minimal 3 hari sebelum acara dengan DP 30%. Harga sudah termasuk "
    "antar dan pasang di Kota Malang.",
}
CLINIC = {
    "Layanan": "Kami menangani anak terlambat bicara dan gagap, oleh terapis wicara bersertifikat.",
    "Biaya": "Asesmen awal Rp300.000 selama 60 menit. Satu sesi terapi 45 menit Rp175.000.",
    "Jadwal": "Buka Senin sampai Jumat pukul 08.00-16.00 di Ruko Taman Sari Blok C3.",
}
BIKES = {
    "Services": "I come to your home or workplace anywhere in Ashby. A full service is £75, "
    "parts extra, and puncture repairs are £12 a wheel.",
    "E-bikes": "I service e-bikes too, but I cannot repair motors or batteries. Brake bleeds "
    "are £20 per brake.",
    "Booking": "Book online or by text; I work Tuesday to Saturday, 8am to 6pm.",
}
ANSWERED = [
    ("clinic", "Biaya asesmen pertama berapa?", "Asesmen awal Rp300.000"),
    ("party", "Tenda 5x8 sehari berapa?", "Rp500.000 per hari"),
    ("canoes", "¿Dan chaleco?", "chaleco"),
]
DECLINED = [
    ("canoes", "es", "¿Alquiláis neoprenos?"),
    ("party", "id", "Harga tenda 6x12 berapa?"),
    ("bikes", "en", "Have you got any used bikes for sale?"),
]


def test_gear_they_do_not_rent_sides_they_do_not_give_and_a_first_visit(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Hire and care")
    made = assistant_per_kb(
        org, {"canoes": CANOES, "party": PARTY, "clinic": CLINIC, "bikes": BIKES}
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
