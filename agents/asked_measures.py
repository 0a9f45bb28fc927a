"""How far, how big, how warm, how long: "How far do you travel?", "¿Cuánto espacio
necesitáis?", "How warm is the water?", "Berapa lama lukanya kering?". A page answers in
a sentence giving a distance, a size, a temperature or a length of time ("anywhere within
20 miles of Norwich", "a space of about four by four metres", "heated to 28 degrees",
"sekitar dua jam"), which often shares no word with the question but its subject. In
the hand sets' seen part (set AJ read 2026-12-01), such questions were declined for want
of shared words ("How far do you travel?", "How much room do you need?", "Cuci sofa lama
tidak?", "¿En cuántos días tenéis lista mi guitarra?").
"""

from __future__ import annotations

import re

from agents.answerability import SOLD_BY_UNIT, words_of

# A number in figures or in words, up to the tens ("ninety minutes", "tres días").
_FIGURE = (
    r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|forty-five|fifty|sixty|ninety|a couple of|"
    r"uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|"
    r"quince|diecis[eé]is|diecisiete|dieciocho|diecinueve|veinte|"
    r"treinta|cuarenta|cincuenta|sesenta|noventa|satu|dua|tiga|empat|lima|enam|tujuh|"
    r"delapan|sembilan|sepuluh|sebelas|dua belas|lima belas|dua puluh|tiga puluh|"
    r"empat puluh|lima puluh|enam puluh)"
)
_NUMBER = rf"(?:{_FIGURE}|an?|una?)"

# How far: "How far do you travel?", "¿Hasta dónde os desplazáis?", "Berapa jauh dari
# stasiun?" (which area they cover is `agents.asked_area`'s, told by a distance too).
_ASKS_DISTANCE = re.compile(
    r"(?<![^\W_])(?:how far|what distance|how many (?:miles|kilomet(?:re|er)s|km)|"
    r"(?:a )?qu[eé] distancia|"
    r"cu[aá]ntos (?:kil[oó]metros|km)|hasta d[oó]nde|"
    r"(?:se)?berapa jauh|jarak(?:nya)? berapa|berapa (?:km|kilometer)|"
    # ... or how long a way is: "How long is the line I'd be driving on?" of "our
    # eight-mile heritage line" (not "How long is the walk?", a time as often)
    r"how long is (?:the|your|this|that|each) (?:[\w-]+ )?(?:line|track|route|trail|"
    r"circuit|loop|path|railway)(?! (?:last|take|run))|"
    r"qu[eé] (?:longitud|distancia) tiene|"
    r"sampai (?:mana|daerah mana)|jangkauan(?:nya)?|"
    # "¿Qué tan lejos queda de la facultad?", "¿A cuánto está del centro?"
    # (not what a dozen sells at: "¿A cuánto está la docena?")
    rf"qu[eé] tan lejos|c[oó]mo de lejos|a cu[aá]nto (?:est[aá]|queda)(?! {SOLD_BY_UNIT}))"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_STATES_DISTANCE = re.compile(
    rf"(?<![^\W_]){_NUMBER}[\s-]*(?:miles?|mi|millas?|km|kms|kilomet(?:re|er)s?|kil[oó]metros?|"
    r"kilometer|metres|meters|metros|meter|m)(?![^\W_])"
    # (not an area or a volume: "piscinas de hasta 40 metros cúbicos", set FD)
    r"(?!\s+(?:cuadrados?|c[uú]bicos?|persegi|kubik)(?![^\W_]))|"
    # a distance in time on foot or by car: "a ten-minute walk", "a 5 minutos a pie",
    # "10 menit jalan kaki"
    rf"(?<![^\W_]){_NUMBER}[\s-]*(?:minutes?|minutos?|menit)[\s'’]*(?:s[\s'’]+)?"
    r"(?:walk|drive|ride|by car|by bus|on foot|andando|a pie|en coche|en autob[uú]s|"
    r"caminando|jalan kaki|naik motor|naik mobil|dengan mobil|dengan motor|berkendara|"
    r"dari)(?![^\W_])",
    re.IGNORECASE,
)
DISTANCE_WORDS = frozenset(
    "how far what which distance many miles kilometres kilometers km area areas do you "
    "cover serve travel go come deliver qué que distancia cuántos cuantos kilómetros "
    "kilometros hasta dónde donde zona zonas cubrís cubris cubren os desplazáis "
    "desplazais desplazan venís venis vienen llegáis llegais llegan berapa seberapa jauh "
    "jarak jaraknya kilometer sampai mana daerah jangkauan jangkauannya datang antar "
    "melayani layani tan lejos queda está esta cómo como cuánto cuanto kilo "
    # how far one may go: "¿Hasta dónde podemos ir?", "How far can we go?"
    "ir can we i podemos puedo se puede bisa boleh kami pergi "
    # (how long a way is)
    "long longitud tiene is the your this that each".split()
)


# "How far does the pharmacy date back?", "How far ahead can I book?": a time.
_HOW_FAR_IN_TIME = re.compile(r"(?<![^\W_])(?:back|ahead|in advance|beforehand)(?![^\W_])", re.I)


def asks_distance(question: str) -> bool:
    """Whether the question asks how far (or what area is covered)."""
    return _ASKS_DISTANCE.search(question) is not None and not _HOW_FAR_IN_TIME.search(question)


def states_distance(sentence: str) -> bool:
    """Whether the sentence gives a distance (in miles, metres, or minutes on the way)."""
    return _STATES_DISTANCE.search(sentence) is not None


# How big: "How much room do you need?", "What size is the pitch?", "¿Qué medidas tiene
# la sala?", "Berapa luas kamarnya?". Not "how long": it asks a time as often.
_ASKS_SIZE = re.compile(
    r"(?<![^\W_])(?:how (?:big|large|wide|deep|tall|high)|how much (?:room|space)|"
    r"(?:what|which) size|(?:what|what's|whats) (?:are |is )?the (?:size|dimensions|"
    r"measurements)|(?:de )?qu[eé] (?:tamaño|medidas|dimensiones)|cu[aá]nto mide|"
    r"cu[aá]nto (?:espacio|sitio)|cu[aá]ntos metros(?: cuadrados)?|"
    # ... or what room is needed: "¿Qué espacio hace falta?" (set FE, of "un espacio de
    # tres por tres metros")
    r"qu[eé] (?:espacio|sitio) (?:hace falta|necesit\w+|se necesita)|"
    r"(?:se)?berapa (?:luas|besar|lebar|panjang|tinggi|ketinggian|dalam|kedalaman)|"
    r"(?:ukuran|luas|lebar|panjang|ketinggian|kedalaman)(?:nya)? berapa|"
    # ... or how high above the sea, or how deep: "Berapa ketinggian Ciwidey?", "¿A qué
    # altitud está?", "Berapa kedalaman danaunya?"
    r"(?:what|what's|whats) (?:is )?(?:the |its )?(?:altitude|height|elevation|depth)|"
    r"(?:a )?qu[eé] (?:altura|altitud|profundidad))(?![^\W_])",
    re.IGNORECASE,
)
_AREA_OR_LENGTH = (
    r"m²|m2|sq\.? ?(?:ft|m)|square (?:metres|meters|feet|foot|miles)|metros? cuadrados?|"
    r"meter persegi|hectares?|hect[aá]reas?|acres?|metres?|meters?|metros?|meter|cm|"
    r"centimet(?:re|er)s?|cent[ií]metros?|sentimeter|feet|foot|ft|inch(?:es)?|pulgadas?|inci|mm|"
    r"litres?|liters?|litros?|liter|mdpl|msnm|"
    # ... or a capacity, which is what a battery's, an engine's or a disk's size is ("What
    # size is the leisure battery?" of "a 100 Ah leisure battery", set FC; "270 cc")
    r"ah|mah|kwh|wh|cc|gb|tb"
)
_STATES_SIZE = re.compile(
    # "four by four metres", "3 x 4 m", "6 por 4 metros"
    rf"(?<![^\W_]){_NUMBER}\s*(?:x|×|by|por|kali)\s*{_NUMBER}(?![^\W_])|"
    rf"(?<![^\W_]){_NUMBER}[\s-]*(?:{_AREA_OR_LENGTH})(?![^\W_])|"
    # ... or in metres written "m", after a figure only ("at least 1.45 m tall"; "a m"
    # would be the "am" of "10 am")
    rf"(?<![^\W_]){_FIGURE}\s?m(?![^\W_])|"
    # ... or a room's by its seats: "Screen 2 has 60 sofa seats", "sala de 120 butacas"
    r"(?<![^\W_])\d+\s+(?:[^\W\d_]+\s+)?(?:seats|seated|places|plazas|asientos|butacas|"
    r"kursi|tempat duduk)(?![^\W_])",
    re.IGNORECASE,
)
SIZE_WORDS = frozenset(
    "how big large wide deep tall high much room space what which size dimensions "
    "measurements the is are do does you need needs qué que tamaño medidas dimensiones "
    "cuánto cuanto mide miden espacio sitio cuántos cuantos metros cuadrados necesitáis "
    "necesitais necesitan necesita tiene tienen berapa seberapa luas besar lebar panjang "
    "tinggi dalam ukuran ukurannya luasnya lebarnya panjangnya butuh perlu ketinggian "
    "ketinggiannya kedalaman kedalamannya altitude height elevation depth its altura altitud "
    "profundidad está esta hace falta necesitamos necesito se".split()
)


def asks_size(question: str) -> bool:
    """Whether the question asks how big something is or how much room is needed."""
    return _ASKS_SIZE.search(question) is not None


def states_size(sentence: str) -> bool:
    """Whether the sentence gives a size (an area, a length, a volume)."""
    return _STATES_SIZE.search(sentence) is not None


# Words of a size asked of what a page sells in sizes: "How much is the smallest unit?"
# of "A 25 sq ft locker costs £12 a week, a 50 sq ft unit £20...", "¿Cuánto cuesta una
# lavadora grande?" of "lavadoras de 9 kg por 4 euros y de 18 kg por 7 euros", "How much
# is the big castle?" of "the large one ... costs £120".
SIZE_ADJECTIVES = frozenset(
    "small smaller smallest little tiny big bigger biggest large larger largest huge "
    "pequeño pequeña pequeños pequeñas pequeno pequena grande grandes mayor menor "
    "kecil terkecil besar terbesar".split()
)
_WEIGHS = re.compile(
    rf"(?<![^\W_]){_FIGURE}\s?(?:kg|kilos?|kilogram(?:me)?s?|kilogramos?)(?![^\W_])", re.I
)


def size_held(word: str, texts: list[str]) -> bool:
    """Whether `word` (lower case) asks a size of things that one of the texts gives in
    sizes: measures, weights or words of size of its own."""
    return word in SIZE_ADJECTIVES and any(
        gives_measures(text) or any(w.lower() in SIZE_ADJECTIVES for w in words_of(text))
        for text in texts
    )


def gives_measures(text: str) -> bool:
    """Whether the text gives a size or a weight in figures ("25 sq ft", "de 9 kg")."""
    return states_size(text) or _WEIGHS.search(text) is not None


# How cold or warm it is: "How warm is the water?", "¿A qué temperatura está la
# piscina?", "Berapa suhu di sana?"; a page gives degrees ("heated to 28 degrees", "8°C",
# "12 derajat").
_ASKS_TEMPERATURE = re.compile(
    r"(?<![^\W_])(?:how (?:cold|warm|hot|chilly)|what(?:'s| is) the temperature|"
    r"what temperature|qu[eé] temperatura|cu[aá]nt[oa]s grados|qu[eé] tan (?:fr[ií][oa]|"
    r"caliente)|hace (?:mucho )?fr[ií]o|(?:berapa|seberapa) (?:suhu|derajat|dingin|panas)|"
    r"suhu(?:nya)? berapa)(?![^\W_])",
    re.IGNORECASE,
)
# ... or whether it is cold or warm there, asked first: "Is it cold down there?" of "The
# tunnels are 12 degrees all year round" (set EY), "¿Hace calor dentro?", "Airnya dingin
# nggak?" (not "Where do you shoot when it's cold?", "How long before it's warm?"); not
# of a season, whose weather it is ("Is it cold here in winter?")
_ASKS_COLD = re.compile(
    r"^\W*(?:is it|does it get|hace) (?:very |too |quite |really |mucho )?(?:cold|chilly|"
    r"warm|hot|calor|fr[ií]o)(?![^\W_])|(?<![^\W_])dingin(?:nya)? (?:nggak|gak|tidak|"
    r"enggak|ga)(?![^\W_])",
    re.IGNORECASE,
)
_SEASONS = re.compile(
    r"(?<![^\W_])(?:winter|summer|spring|autumn|invierno|verano|primavera|oto[ñn]o|musim)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_STATES_TEMPERATURE = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:°|º|(?<![^\W_])(?:degrees?|grados?|derajat|kelvins?|celsius|"
    r"fahrenheit|cent[ií]grados?)(?![^\W_]))",
    re.IGNORECASE,
)
TEMPERATURE_WORDS = frozenset(
    "how cold warm hot chilly what what's is the it temperature inside outside indoors "
    "outdoors there in at qué que temperatura está esta cuántos cuantos grados tan frío "
    "frio fría fria caliente hace mucho dentro fuera berapa seberapa suhu suhunya derajat "
    "dingin panas di dalam luar sana down up does get very too quite really calor nggak "
    "gak tidak enggak ga "
    # ... and the water or air whose warmth is asked, which a page gives of its pool or
    # room ("How warm is the water?" of "The outdoor lido is heated to 24 degrees")
    "water agua air aire".split()
)


def asks_temperature(question: str) -> bool:
    """Whether the question asks how cold or warm something is."""
    return _ASKS_TEMPERATURE.search(question) is not None


def asks_warmth(question: str) -> bool:
    """Whether the question asks whether it is cold or warm there (not in a season)."""
    return _ASKS_COLD.search(question) is not None and _SEASONS.search(question) is None


# ... which a page answers in degrees, or by its heating or cooling: "dress warmly
# because the dome is not heated" answers "Is it warm inside the dome?" (set AF)
_STATES_WARMTH = re.compile(
    r"(?<![^\W_])(?:heated|heating|unheated|warm\w*|cold|cool|chilly|air[- ]conditioned|"
    r"air conditioning|calefacci[oó]n|climatizad[oa]s?|calefactad[oa]s?|fr[ií][oa]|"
    r"fresco|abrigo|aire acondicionado|pemanas|penghangat|dingin|sejuk|hangat|ber-?ac)"
    r"(?![^\W_])",
    re.IGNORECASE,
)


def states_warmth(sentence: str) -> bool:
    """Whether the sentence gives degrees, or says how it is heated or cooled."""
    return states_temperature(sentence) or _STATES_WARMTH.search(sentence) is not None


def states_temperature(sentence: str) -> bool:
    """Whether the sentence gives a temperature in degrees."""
    return _STATES_TEMPERATURE.search(sentence) is not None


# Whether it is cold, asked as Spain asks it ("¿Hace frío en la sala?"), a page may tell
# in words ("la sala está climatizada").
_COLD_FELT = re.compile(r"(?<![^\W_])hace (?:mucho )?fr[ií]o(?![^\W_])", re.IGNORECASE)


def temperature_unstated(question: str, texts: list[str]) -> bool:
    """Whether the question asks a temperature that none of the retrieved `texts` gives
    in degrees: "What temperature should a tropical tank be?" of an aquarium service
    whose page installs tropical tanks (set EK) was answered with that sentence. Of the
    hand sets' 42 such questions (sets A to EK) none was answerable."""
    return (
        asks_temperature(question)
        and _COLD_FELT.search(question) is None
        and not any(map(states_temperature, texts))
    )


# How long something takes, asked in Spanish or Indonesian with no word of it before
# ("¿Cuánto tardáis?", "¿En cuántos días ...?", "Berapa lama prosesnya?"): also what
# `agents.asked_when` reads as asking a time.
HOW_LONG_ASKED = (
    # (how soon it is done asks the same: "How soon can I get my certificate back?")
    r"how soon|"
    r"cu[aá]nto (?:tiempo|rato|tarda|tardan|tard[aá]is|dura|duran|se tarda|se tard[oó])|"
    r"en cu[aá]nt[oa]s (?:d[ií]as|horas|minutos|semanas)|berapa lama"
)
# ... and spoken Indonesian's "lama tidak?" (long or not?), closing the question.
LAMA_TIDAK = r"lama (?:tidak|nggak|gak|enggak|ga)"
# How long something takes or lasts: "How long does a repair take?", "¿En cuántos días
# tenéis lista mi guitarra?", "Cuci sofa lama tidak?", "Keripiknya awet berapa lama?".
# Not "How long have you been open?" (since when), nor how long before (notice).
_ASKS_DURATION = re.compile(
    r"(?<![^\W_])(?:how long(?! (?:have|has|ago|before))|"
    r"how many (?:days|hours|minutes|weeks|months) (?:does|do|will|is|are|until|to)|"
    rf"{HOW_LONG_ASKED}|"
    r"cu[aá]nt[oa]s (?:d[ií]as|horas|minutos|semanas) (?:tarda|tardan|tard[aá]is|dura|"
    rf"duran|se tarda|es|son)|{LAMA_TIDAK}(?=\s*[?.!]|\s*$)|"
    r"berapa (?:hari|jam|menit|minggu|bulan) (?:jadi|selesai|sampai|kering|beres)(?:nya)?|"
    # ... the being done first: "Jadinya berapa hari?", "Selesainya berapa jam?",
    # "Setrikaan jadi dalam berapa hari?"
    r"(?:jadi|selesai|beres|kelar)(?:nya)? (?:dalam )?berapa (?:hari|jam|menit|minggu|bulan)|"
    # ... or the time it needs: "Butuh berapa hari?", "Perlu waktu berapa jam?"
    r"(?:butuh|perlu|makan|memakan) (?:waktu )?berapa (?:hari|jam|menit|minggu|bulan)|"
    # ... or when it will be ready: "When will the painting be ready?", "¿Cuándo estará
    # listo?", "Cetakannya jadi kapan?"
    r"when (?:will|would|is|are|can) (?:[\w'’-]+ ){0,4}(?:be )?(?:ready|done|finished)|"
    r"cu[aá]ndo (?:estar[aá]n?|est[aá]n?) (?:list[oa]s?|terminad[oa]s?)|"
    # ... or when one will have it: "¿Cuándo tendré las gafas?", "When will I get my
    # glasses?"
    r"cu[aá]ndo (?:tendr[eé]|tendremos|recibir[eé]|recibiremos) (?:el|la|los|las|mi|mis|"
    r"nuestr[oa]s?)(?= )|when (?:will|would|do|can) (?:i|we) (?:get|receive) (?:my|our|the)"
    r"(?= )|"
    r"kapan (?:jadi|selesai|beres|kelar)(?:nya)?|(?:jadi|selesai|beres|kelar)(?:nya)? kapan|"
    # ... or by its word: "Durasi tiap pertemuan berapa menit?", "What is the duration?"
    r"durasi(?:nya)?|duraci[oó]n|duration|"
    # ... or its length, asked after it: "Tiap pertemuan lamanya berapa?"
    r"lama(?:nya)? berapa(?! kali)|"
    # ... or how many hours or minutes one time takes: "Sekali kelas berapa jam?"
    r"^\W*(?:sekali|satu|tiap|setiap) [^\W\d_]+ berapa (?:jam|menit)(?=\W*$)|"
    # ... or whether a day does it: "Pasangnya sehari selesai?"
    r"(?:sejam|sehari|seminggu) (?:selesai|jadi|beres|kelar)(?:nya)?)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
# An article's "a day" is a length of time, not a rate's ("twice a week", "£10 a day",
# "cada semana").
_RATE_BEFORE = r"(?<!twice )(?<!times )(?<!once )(?<!per )(?<!cada )(?<!por )(?<![\dp] )(?<!\d)"
# A length of time said in a word or two, which a word after it may make notice.
LENGTH_IN_A_WORD = r"half an hour|media hora|setengah jam|se(?:jam|hari|minggu|bulan|tahun)"
# The words after a length of time that make it one ahead of something: notice.
AHEAD_OF = r"(?:before|in advance|beforehand|prior|ahead|antes|de antelaci[oó]n|sebelum|sebelumnya)"
_STATES_DURATION = re.compile(
    rf"(?<![^\W_])(?:{_FIGURE}|{_RATE_BEFORE}(?:an?|una?))[\s-]*"
    r"(?:(?:working|business|full|whole|clear) )?"
    r"(?:minutes?|hours?|hrs?|days?|weeks?|months?|years?|minutos?|horas?|d[ií]as?|"
    r"semanas?|mes|meses|años?|menit|jam|hari|minggu|bulan|tahun|weekends?|fines? de semana|"
    r"akhir pekan)(?![^\W_])"
    # not a time ahead of something: "up to 72 hours before the workshop" (notice); a
    # time after something is how long it takes ("selesai dalam satu jam setelah desain
    # disetujui")
    rf"(?!\s+{AHEAD_OF}(?![^\W_]))|"
    rf"(?<![^\W_])(?:{LENGTH_IN_A_WORD}|an hour and a half|hora y media|overnight|same day|"
    r"next (?:working )?day|"
    r"while you wait|el mismo d[ií]a|en el d[ií]a|al d[ií]a siguiente|en el momento|"
    r"hari itu juga|keesokan harinya|ditunggu)(?![^\W_])|"
    # ... or up to an end: "until the end of the current Parliament", "for life", "de
    # por vida", "seumur hidup" (not "until dusk": a time)
    r"(?<![^\W_])(?:until the end|for life|for the rest of|hasta el final|de por vida|"
    r"seumur hidup)(?![^\W_])",
    re.IGNORECASE,
)
DURATION_WORDS = frozenset(
    "how long many days hours minutes weeks months does do will is are until to take "
    # (when one will have it: "¿Cuándo recibiré mi pedido?")
    "recibiré recibire recibiremos get receive mi mis nuestro nuestra nuestros nuestras "
    "takes last lasts keep keeps it be ready done finished cuánto cuanto tiempo tarda "
    "tardan tardáis tardais dura duran en cuántos cuantos cuántas cuantas días dias horas "
    "minutos semanas se está esta están estan estará estara lista listo listos listas "
    "tenéis teneis tienen berapa lama tidak nggak gak enggak ga hari jam menit minggu "
    "bulan jadi selesai sampai kering beres awet tahan butuh perlu memakan waktu "
    "dibutuhkan diperlukan rato estáis estais jadinya selesainya kelar durasi durasinya "
    "duración duracion duration sejam sehari seminggu es son tiap setiap each every cada "
    # ... or how long it holds out: "Kuat berapa lama di jalan?"
    "kuat lamanya sekali "
    # ... or within how long: "Setrikaan jadi dalam berapa hari?"
    "dalam sampainya kelarnya beresnya "
    # ... or how soon it is back: "How soon can I get my certificate back?"
    "soon can get back "
    # ... or when the result is: "Hasil fotonya kapan jadi?", "When will the results be
    # ready?"
    "hasil hasilnya result results resultado resultados "
    # ... or how long one is up in the air, or anywhere: "¿Cuánto tiempo estaré en el
    # aire?" of "El vuelo dura entre 20 y 30 minutos" (sets EU, EX)
    "estaré estare estaremos estamos estoy aire udara "
    # ... or how long one plays: "Sekali pertemuan main catur berapa lama?" (set FF, of
    # "Setiap pertemuan 90 menit")
    "main bermain play playing jugar jugamos juegan "
    # ... or doing it, getting through it: "¿Cuánto se tarda en hacer un circuito?", "How
    # long does it take to get through?" (set FH)
    "hacer hacerlo hacerla hacerlos hacerlas through".split()
)


def asks_duration(question: str) -> bool:
    """Whether the question asks how long something takes or lasts."""
    return _ASKS_DURATION.search(question) is not None


def states_duration(sentence: str) -> bool:
    """Whether the sentence gives a length of time."""
    return _STATES_DURATION.search(sentence) is not None


def without_durations(sentence: str) -> str:
    """The sentence without the lengths of time it gives ("Una guitarra nueva tarda
    unos   y cuesta..."): how long a thing takes says not how often."""
    return _STATES_DURATION.sub(" ", sentence)
