"""Questions of set EN's kinds, in pages written here: an English paddleboard school and
picture restorer, a Spanish cookery school and awning maker, an Indonesian water tank
cleaner and air-conditioning service. By the code before (8de8eab) three answered rows
failed and one declined row was answered: "Can my 11-year-old come along?" quoted the
wind's sentence ("The minimum age is 12" gave no age it read), "¿Puede apuntarse mi hija
de 14 años?" was declined ("La edad mínima es 16 años" the same), "Can you fix a rip in
my canvas?" was declined (no page writes "rip"), and "Toren plastik atau fiber yang lebih
awet?" was answered with the sentence listing both. The other rows read alike: "Nguras
toren lama nggak?" (the asker's "nguras" and the page's "dikuras" met by the length's
own sentence before too), "Servis
AC berapa lama?" quoted the advice to service every three months before the 45 minutes
(now the length alone), and the awning question was declined by the decision before
too."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

PADDLE = {
    "Lessons": "Stand-up paddleboard lessons run on Saturdays and Sundays at 10am from the "
    "slipway at Coniston. A lesson lasts two hours and costs £45 with the board.",
    "Safety": "Everyone wears a buoyancy aid, which we lend. The minimum age is 12. Lessons "
    "are cancelled when the wind is over 15 mph.",
}
RESTORER = {
    "Services": "We repair tears and holes in canvas, clean smoke-damaged oil paintings and "
    "retouch lost paint. We do not work on prints.",
    "Costs": "Cleaning starts at £120 and a small repair at £90. We send a written estimate "
    "within five days of seeing the painting.",
}
COOKERY = {
    "Cursos": "El curso de cocina vasca dura seis sesiones de tres horas, los jueves por la "
    "tarde. Cuesta 240 euros con los ingredientes.",
    "Al terminar": "Al final del curso entregamos un certificado de asistencia y el "
    "recetario en papel. La edad mínima es 16 años.",
}
AWNINGS = {
    "Toldos": "Fabricamos e instalamos toldos de brazo, de punto recto y de capota, con "
    "lona acrílica o de PVC. Medimos en casa sin compromiso en toda la provincia de Murcia.",
    "Plazos": "Un toldo está instalado unas tres semanas después de aceptar el presupuesto.",
}
TANKS = {
    "Layanan": "Toren plastik, toren fiber dan tandon beton kami sikat dan bilas sampai "
    "bersih. Satu toren selesai dikuras sekitar dua jam. Sebaiknya toren dikuras setiap "
    "enam bulan.",
    "Harga": "Kuras toren 1.000 liter Rp150.000, sudah termasuk disinfektan.",
}
AIRCON = {
    "Layanan": "Servis AC sebaiknya dilakukan setiap tiga bulan. Servis satu unit AC "
    "selesai sekitar 45 menit, termasuk cuci filter dan cek freon.",
    "Harga": "Cuci AC Rp75.000 per unit. Isi freon mulai Rp150.000.",
}
ANSWERED = [
    ("paddle", "Can my 11-year-old come along?", "The minimum age is 12"),
    ("restorer", "Can you fix a rip in my canvas?", "repair tears and holes in canvas"),
    ("cookery", "¿Puede apuntarse mi hija de 14 años?", "La edad mínima es 16 años"),
    ("tanks", "Nguras toren lama nggak?", "sekitar dua jam"),
    ("aircon", "Servis AC berapa lama?", "sekitar 45 menit"),
]
DECLINED = [
    ("tanks", "id", "Toren plastik atau fiber yang lebih awet?"),
    ("awnings", "es", "¿Es mejor un toldo de lona acrílica o de PVC?"),
]


def test_a_minimum_age_a_rip_and_the_better_of_two_as_asked(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Tanks and paddles")
    made = assistant_per_kb(
        org,
        {
            "paddle": PADDLE,
            "restorer": RESTORER,
            "cookery": COOKERY,
            "awnings": AWNINGS,
            "tanks": TANKS,
            "aircon": AIRCON,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
