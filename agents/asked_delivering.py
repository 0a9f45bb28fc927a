"""Whether they deliver: the question asking it ("Do you deliver?", "¿Me los traéis a
casa?", "Bisa dianter ke rumah?", "Do you do home visits?") and a page speaking of it
("Hacemos envíos a domicilio en Logroño", "Orders can be ... posted first class",
"Pengantaran tersedia untuk wilayah Surabaya"). `asked_dealings` declines such a question
of pages speaking of no delivering; `asked_facts` answers it with the sentence that does,
though it shares no other word with the question.
"""

from __future__ import annotations

import re

from agents.answerability import SENTENCE_BREAK, written_in

# Asking whether they deliver (post, send) it: "Do you deliver?", "¿Hacéis envíos a
# domicilio?", "Bisa diantar ke rumah?"
ASKS_TO_DELIVER = re.compile(
    r"(?<![^\W_])(?:(?:do|does|can|could|will|would) (?:you|they|the [\w-]+) (?:deliver|post|ship|"
    r"send)|delivery|deliveries|env[ií]os?|envi[aá]is|env[ií]an|(?:se puede|pod[eé]is|pueden) "
    r"(?:enviar|mandar)|mand[aá]is|mandan|a domicilio|reparto|repart[ií]s|kirim|dikirim|"
    r"mengirim|dikirimkan|antar|diantar|"
    r"mengantar|diantarkan|pengantaran|pengiriman|ongkir|ongkos (?:kirim|antar)|"
    # (... as it is spoken: "Bisa dianter ke rumah?"; "¿Me los traéis a casa?")
    r"anter|dianter|nganter|anterin|dianterin|"
    r"(?:tra[eé]is|traen|llev[aá]is|llevan|acerc[aá]is|acercan|acercar(?:me|nos)?)"
    r"(?: \w+){0,2} a (?:casa|domicilio)|"
    # ... or collect from one's home: "Could you pick my washing up from my house?"
    r"(?:pick|collect|fetch)(?: [\w']+){0,3}(?: up)? from (?:home|(?:my|our) (?:house|home|flat|"
    r"place|door|office))|"
    # ... or come to one's home: "Do you do home visits?", "Terapisnya datang ke rumah?"
    r"(?:come|visit|go) (?:out )?(?:to )?(?:my|our) (?:[\w']+ )?(?:house|home|flat|place|office)|"
    r"home visits?|house calls?|datang(?: \w+)? ke rumah|layanan panggilan|home service|"
    r"(?:ven[ií]s|venir|vienen|viene) (?:\w+ )?a (?:casa|domicilio)|"
    # ("Bisa bekam di rumah saya?", "Ustaznya bisa datang mengajar ke rumah kami?")
    r"(?:di|ke) rumah (?:saya|kami|aku)|"
    # ... or fetch from one's home: "Bisa dijemput ke rumah?", "Ada layanan penjemputan?"
    r"(?:di|men)?jemput(?:nya)? (?:ke|dari|di) (?:rumah|hotel|kantor|kos|apartemen)|"
    r"penjemputan|antar[ -]jemput)(?![^\W_])",
    re.IGNORECASE,
)
SPEAKS_OF_DELIVERING = re.compile(
    r"(?<![^\W_])(?:deliver\w*|post|posted|postage|posting|ship|ships|shipped|shipping|send\w*|"
    r"sent|courier\w*|mail\w*|env[ií]\w*|domicilio|repart\w*|mensajer\w*|correos?|"
    r"kirim\w*|dikirim\w*|pengiriman|antar\w*|diantar\w*|mengantar\w*|pengantar\w*|ongkir|"
    r"anter\w*|dianter\w*|nganter\w*|"
    # ... or fetching and bringing back: "We collect and return furniture free within 15
    # miles", "Layanan antar jemput"
    r"collect(?:ion)? and (?:return|deliver)\w*|antar[ -]jemput|recog\w* y (?:entreg|devolv)\w*|"
    # ... or abroad: "Ekspor ke luar negeri dengan kontainer"
    r"export\w*|exporta\w*|ekspor\w*|"
    r"kurir|ekspedisi|jne|gosend|gojek|grab|home visits?|house calls?|(?:come|visit) (?:to )?you|"
    r"your (?:home|house|door)|datang ke rumah|panggilan|home service|ke rumah|"
    # ... or fetching from home: "Penumpang dijemput di rumah", "Instruktur menjemput
    # peserta di rumah", "Penjemputan ... bisa diatur"
    r"(?:di|men)?jemput\w*(?: \w+){0,2} (?:di|ke|dari) rumah|penjemputan|"
    # ("te los llevamos a casa los jueves")
    r"(?:llevamos|traemos|acercamos|entregamos)(?: \w+){0,2} a (?:casa|domicilio))(?![^\W_])",
    re.IGNORECASE,
)
# The words of asking it: delivering, sending, bringing home, and where to ("¿Lo traéis a
# casa?", "Bisa diantar ke rumah?"). Not what is delivered nor where else: a page sending
# cakes within Surabaya says nothing of sending flowers, or to Medan.
DELIVERING_WORDS = frozenset(
    "deliver delivers delivery deliveries post posted send sent ship shipping courier home "
    "house door flat place office visit visits call calls come pick collect fetch envío "
    "envio envíos envios enviáis enviais envían envian enviar enviamos reparto repartís "
    "repartis traéis traeis traen lleváis llevais llevan casa domicilio oficina venís venis "
    "kirim dikirim mengirim dikirimkan antar diantar mengantar diantarkan anter dianter "
    "nganter anterin dianterin pengantaran pengiriman rumah kantor datang panggilan "
    # ... and by which carrier: "Kirim pakai ekspedisi apa?", "¿Con qué mensajería?"
    "carrier carriers couriers mensajería mensajeria paquetería paqueteria agencia "
    "ekspedisi kurir pakai lewat via "
    # ... and bringing it closer, as Spain says: "¿Me podéis acercar los huevos a casa?"
    "acercáis acercais acercan acercar acercarme acercarnos "
    # ... and fetching from home: "Bisa dijemput ke rumah?"
    "jemput dijemput menjemput jemputnya penjemputan hotel kos apartemen".split()
)


# Files sent are no delivering, asked or told ("File desain bisa dikirim lewat WhatsApp",
# "Data apa yang harus dikirim?", "Send us photos for a quote",
# "Envía tu archivo por correo"), unless the sentence brings something to the door as
# well; orders sent by WhatsApp are ("Pesanan lewat WhatsApp dikirim ke seluruh
# Indonesia").
FILES_SENT = re.compile(
    r"(?<![^\W_])(?:files?|archivos?|ficheros?|pdf|jpe?g|artwork|desain|data|dokumen|berkas|"
    r"documents?|documentos?|photos?|fotos?)(?:nya)?(?![^\W_])",
    re.IGNORECASE,
)
_TO_THE_DOOR = re.compile(
    r"(?<![^\W_])(?:deliver\w*|antar\w*|diantar\w*|domicilio|couriers?|kurir|ongkir|ke rumah|"
    r"a casa|your (?:home|house|door))(?![^\W_])",
    re.IGNORECASE,
)


def asks_of_files(question: str) -> bool:
    """Whether the question asks of sending files ("Kirim file ke mana?"), not goods."""
    return FILES_SENT.search(question) is not None


def speaks_of_delivering(text: str) -> bool:
    """Whether the text speaks of delivering, posting, sending or a courier (in a
    sentence not only sending files)."""
    return any(
        SPEAKS_OF_DELIVERING.search(sentence) is not None
        and (FILES_SENT.search(sentence) is None or _TO_THE_DOOR.search(sentence) is not None)
        for sentence in SENTENCE_BREAK.split(text)
    )


# Spain's islands and its two cities in Africa, which "la península" leaves out: a page
# sending "a toda la península" answers "¿Enviáis a Canarias?" by what it leaves out, and
# the hand sets' writers took nine such questions as near-topic (sets AH to EJ).
_ARCHIPELAGO_OF = {
    **dict.fromkeys(
        "canarias tenerife lanzarote fuerteventura gomera hierro".split() + ["gran canaria"],
        "canarias",
    ),
    **dict.fromkeys("baleares mallorca menorca ibiza formentera".split(), "baleares"),
    "ceuta": "ceuta",
    "melilla": "melilla",
}
_ISLAND = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(sorted(map(re.escape, _ARCHIPELAGO_OF), key=len, reverse=True))
    + r")(?![^\W_])",
    re.IGNORECASE,
)
_PENINSULA = re.compile(r"(?<![^\W_])pen[ií]nsula(?:r)?(?![^\W_])", re.IGNORECASE)
# ... unless a page sends to the islands too, or to all of Spain
_ISLANDS_SERVED = re.compile(
    r"(?<![^\W_])(?:islas|insular|toda españa|todo el país|todo el territorio)(?![^\W_])",
    re.IGNORECASE,
)


def island_left_out(question: str, texts: list[str]) -> str | None:
    """Asked whether they send to one of Spain's islands (or Ceuta, Melilla), of pages
    sending to the peninsula and naming neither it, its islands nor all of Spain: the
    island asked; else None."""
    # (asked whether they send at all, to a place or not: ASKS_TO_DELIVER alone)
    found = _ISLAND.search(question)
    if ASKS_TO_DELIVER.search(question) is None or found is None:
        return None
    island = found.group().lower()
    named = {island, _ARCHIPELAGO_OF[island]}
    if not any(_PENINSULA.search(text) for text in texts):
        return None
    for text in texts:
        if _ISLANDS_SERVED.search(text) or any(written_in(n, text.lower()) for n in named):
            return None
    return island
