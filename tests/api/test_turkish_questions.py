"""Turkish questions, end to end over a Turkish knowledge base written here: questions
asking with "nedir", "hangi", "kaç", "mı" and writing a name's case ending after an
apostrophe or a word's endings otherwise than the page ("Müzesi'nin", "aşısının",
"dişlerini") are answered from the sentence that says it; questions on what no page
speaks of get the not-found message (English: there is no built-in Turkish one). The
code before (aa8bf92) answered "Müzenin otoparkı var mı?" with the museum's founding:
its key terms held "mı" and Snowball's cut of "otoparkı", and the page's "müze" covered
half of them."""

from __future__ import annotations

from flask import Flask

from tests.api.platform_helpers import assert_answers, assistant_per_kb, create_org

MUSEUM = {
    "Müze": "Kent Müzesi 1932 yılında eski bir tütün deposunda kuruldu. Müzede kentin "
    "Osmanlı dönemine ait kilimleri ve bakır eşyaları sergilenmektedir.",
    "Ziyaret": "Müze salıdan pazara 09:00 ile 17:00 arasında açıktır; pazartesi günleri "
    "kapalıdır. Tam bilet 60 lira, öğrenci bileti 30 liradır.",
    "Atölye": "Çocuklar için seramik atölyesi her cumartesi saat 11:00'de yapılır.",
}
CLINIC = {
    "Klinik": "Şifa Hayvan Kliniği kedi ve köpeklere aşı, kısırlaştırma ve diş temizliği "
    "hizmeti verir. Acil durumlar için klinik gece 22:00'ye kadar açıktır.",
    "Fiyatlar": "Kuduz aşısı 450 lira, kısırlaştırma ameliyatı kediler için 3.000 liradır.",
}
ANSWERED = [
    ("museum", "Kent Müzesi'nin kuruluş yılı nedir?", "1932"),
    ("museum", "Müzede hangi eşyalar sergileniyor?", "kilimleri"),
    ("museum", "Öğrenciler için bilet kaç lira?", "30 lira"),
    ("clinic", "Kuduz aşısının fiyatı nedir?", "450 lira"),
    ("clinic", "Kliniğin acil hizmeti saat kaça kadar?", "22:00"),
    ("museum", "Çocuk atölyesi hangi gün yapılıyor?", "cumartesi"),
    ("museum", "Pazartesi günü müze açık mı?", "pazartesi"),
    ("clinic", "Köpeklerin dişlerini temizliyor musunuz?", "diş temizliği"),
]
DECLINED = [
    ("museum", "en", "Müzenin otoparkı var mı?"),
    ("clinic", "en", "Köpek maması satıyor musunuz?"),
    ("museum", "en", "Türkiye'nin başkenti neresidir?"),
    ("clinic", "en", "Kedilerin ortalama ömrü kaç yıldır?"),
]


def test_turkish_questions(platform: Flask) -> None:
    org = create_org(platform.test_client(), "Kent Müzesi")
    made = assistant_per_kb(org, {"museum": MUSEUM, "clinic": CLINIC})
    assert_answers(org, ANSWERED, DECLINED, assistants=made)
