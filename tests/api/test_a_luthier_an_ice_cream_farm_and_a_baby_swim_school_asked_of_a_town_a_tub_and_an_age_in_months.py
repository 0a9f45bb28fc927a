"""Questions of set EO's kinds, in pages written here: a Spanish guitar maker and
freediving school, an English ice cream farm, piano tuner and tyre fitter, an Indonesian
baby swimming school. By the code before (e0167fe) three answered rows were declined and
one declined row was answered: "¿En qué ciudad está vuestro taller?" (in what town was
no asking where), "Can I buy a tub to take home?" (no page spoke of selling to it:
"Take-home tubs" is), "Anak saya 7 bulan sudah bisa ikut?" (an age in months was none),
and "How often should I check my tyre pressure?" was answered with how long a fitting
takes. The other rows read alike: "¿Con cuántos años se puede hacer apnea?" was answered
by the decision before (the age asked so now as well), and the other two questions of
how often were declined before too."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

LUTHIER = {
    "Taller": "Hacemos guitarras clásicas por encargo en nuestro taller de Córdoba. Una "
    "guitarra nueva tarda unos cinco meses. El precio de una guitarra es de 2.100 euros.",
    "Reparaciones": "Cambiamos trastes y puentes, y ajustamos la altura de las cuerdas. Un "
    "ajuste cuesta 50 euros.",
}
FREEDIVING = {
    "Curso": "El curso de iniciación a la apnea dura dos días en la bahía de Cádiz.",
    "Requisitos": "Para hacer apnea con nosotros hay que saber nadar y tener al menos 16 "
    "años. Pedimos un certificado médico.",
}
ICE_CREAM = {
    "Parlour": "Our ice cream is made on the farm from our own milk. The parlour is open "
    "from 11am to 5pm, April to October.",
    "Prices": "A scoop is £3 and two scoops £5.20. Take-home tubs of a litre cost £8.",
}
TUNER = {
    "Tuning": "A standard tuning takes about an hour and costs £70. We cover Bath and Frome.",
}
TYRES = {
    "Fitting": "We fit tyres at your home or work; most fittings take 25 minutes a tyre. A "
    "budget 16 inch tyre starts at £60 fitted.",
}
BABY_SWIM = {
    "Kelas": "Kelas renang bayi untuk usia 4 bulan sampai 2 tahun, bersama ayah atau ibu "
    "di kolam. Maksimal 5 bayi per kelas.",
    "Jadwal": "Kelas setiap Minggu pukul 08.00 di kolam air hangat Jalan Cendana 12, "
    "Malang. Paket 4 kali Rp380.000.",
}
ANSWERED = [
    ("luthier", "¿En qué ciudad está vuestro taller?", "Córdoba"),
    ("freediving", "¿Con cuántos años se puede hacer apnea?", "al menos 16 años"),
    ("ice_cream", "Can I buy a tub to take home?", "Take-home tubs"),
    ("baby_swim", "Anak saya 7 bulan sudah bisa ikut?", "usia 4 bulan sampai 2 tahun"),
]
DECLINED = [
    ("luthier", "es", "¿Cada cuánto hay que cambiar las cuerdas?"),
    ("tuner", "en", "How often should a piano be tuned?"),
    ("tyres", "en", "How often should I check my tyre pressure?"),
]


def test_a_town_a_tub_an_age_and_how_often_as_asked(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Guitars and ices")
    made = assistant_per_kb(
        org,
        {
            "luthier": LUTHIER,
            "freediving": FREEDIVING,
            "ice_cream": ICE_CREAM,
            "tuner": TUNER,
            "tyres": TYRES,
            "baby_swim": BABY_SWIM,
        },
    )
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
