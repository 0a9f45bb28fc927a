"""What a thing costs asked as "What do the puppy classes cost?" or "¿Qué cuesta ...?"
is a price question like "how much"; a month asked falls in a span of months a page
gives ("a Saturday in June" of "from May to September"); "How late can ...?" asks a
time; a size is asked of things a page prices by their sizes ("the smallest unit" of "a
25 sq ft locker costs £12 a week"); "sesudah" is "setelah"."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

DOGS = {
    "Puppy classes": "Puppy classes are for dogs aged 10 to 20 weeks and run for six "
    "weeks on Tuesday evenings. The course is £90.",
    "What to bring": "Bring small soft treats, a flat collar and a short lead.",
}
BARN = {
    "Prices": "Saturdays from May to September cost £6,500. Fridays and Sundays cost "
    "£4,800, and winter weekdays £3,200.",
    "The barn": "The barn seats 120 guests and the courtyard has fairy lights. Music "
    "must finish at 11.30 pm.",
}
CHESS = {
    "Torneos": "Cada último sábado de mes organizamos un torneo rápido, con inscripción "
    "de 5 euros para los alumnos y 8 euros para los demás.",
    "Clases": "Los grupos son de ocho alumnos como máximo.",
}
REPAIRS = {
    "Layanan": "Kami memperbaiki mesin cuci satu tabung, dua tabung dan front loading di "
    "rumah pelanggan. Biaya kunjungan dan pengecekan Rp75.000, tidak dihitung lagi kalau "
    "perbaikan jadi dikerjakan.",
    "Jadwal": "Teknisi datang Senin sampai Sabtu, jam 08.00 sampai 17.00.",
    "Garansi": "Setiap perbaikan bergaransi 30 hari untuk kerusakan yang sama. Pembayaran "
    "bisa tunai atau transfer setelah mesin dicoba dan berfungsi.",
}
STORAGE = {  # set F's self-storage pages
    "Units": "We rent storage units in three sizes. A 25 sq ft locker costs £12 a week, a "
    "50 sq ft unit £20 a week and a 100 sq ft unit £34 a week. The first two weeks are "
    "half price for new customers. Padlocks are sold at reception for £9.",
    "Access": "Customers can reach their unit every day from 6 am to 10 pm with their "
    "personal PIN code. The reception desk is staffed Monday to Friday, 9 am to 5 pm. The "
    "whole site is covered by CCTV.",
    "Rules": "You may not store food, plants, paint, gas bottles or anything alive. Goods "
    "in storage must be insured: our cover costs £2.50 a week for goods worth up to "
    "£2,000. Give us seven days' notice before you move out.",
}
LAUNDERETTE = {
    "Precios": "Tenemos lavadoras de 9 kg por 4 euros y de 18 kg por 7 euros, y secadoras "
    "a 1 euro cada 10 minutos.",
    "Normas": "No se permite lavar ropa de animales en las lavadoras grandes.",
}
VANS = {  # set K's van hire pages
    "Vehículos": "Alquilamos furgonetas de 6, 9 y 12 metros cúbicos, todas con carnet B. La "
    "furgoneta de 9 metros cúbicos cuesta 65 euros al día con 150 kilómetros incluidos; "
    "cada kilómetro de más se cobra a 0,25 euros.",
    "Requisitos": "El conductor debe tener al menos 23 años y dos años de carnet. Pedimos "
    "una fianza de 300 euros con tarjeta de crédito, que se devuelve al entregar la "
    "furgoneta sin daños.",
    "Recogida y devolución": "La oficina abre de lunes a sábado de 8:00 a 20:00. Las "
    "carretillas y las mantas para mudanzas se alquilan por 5 euros al día.",
}
ANSWERED = [
    ("dogs", "What do the puppy classes cost?", "£90"),
    ("barn", "What does a Saturday in June cost?", "£6,500"),
    ("barn", "How late can the band play?", "11.30 pm"),
    ("chess", "¿Qué cuesta el torneo si no soy alumno?", "8 euros"),
    ("repairs", "Bayarnya sebelum atau sesudah dibetulkan?", "setelah mesin dicoba"),
    # a size asked of things priced by their sizes
    ("storage", "How much is the smallest unit?", "£12 a week"),
    ("launderette", "¿Cuánto cuesta una lavadora grande?", "18 kg por 7 euros"),
]
DECLINED = [
    ("dogs", "en", "What does a dog bed cost?"),  # no page sells beds
    ("chess", "es", "¿Qué cuesta un tablero de ajedrez?"),
    ("storage", "en", "How much is a large safe?"),
    # asked whether they have it, a size is a thing asked for: no page offers big trucks
    ("vans", "es", "¿Alquiláis camiones grandes?"),
]


def test_what_it_costs_a_month_spanned_and_after(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Costs")
    pages = {"dogs": DOGS, "barn": BARN, "chess": CHESS, "repairs": REPAIRS}
    more = {"storage": STORAGE, "launderette": LAUNDERETTE, "vans": VANS}
    made = assistant_per_kb(org, pages | more)
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
