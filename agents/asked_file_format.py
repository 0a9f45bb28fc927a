"""In what format to send a file: "¿En qué formato os mando el archivo?", "What file
format do you need?", "Filenya format apa?". A print shop, a photo lab or a translator
answers with the formats it takes ("Envíanos el archivo en PDF a 300 ppp", "We print
from JPG or PNG"), a sentence that shares no word with the question but "archivo", and
was declined (set DT, 2026-12-05).
"""

from __future__ import annotations

import re

_ASKS_FORMAT = re.compile(
    r"(?<![^\W_])(?:(?:what|which)(?: kind of)? (?:file )?(?:formats?|file types?|"
    r"type of files?|kind of files?)|in what format|"
    r"(?:en )?qu[eé] (?:formatos?|tipo de (?:archivos?|ficheros?))|"
    r"formatos? (?:de )?(?:archivo|fichero)s?|"
    r"format(?:nya)? (?:file(?:nya)? )?apa|(?:file|berkas)(?:nya)? (?:dalam )?format apa|"
    r"format apa)(?![^\W_])",
    re.IGNORECASE,
)
# ... of a file, a picture or a design, or to be sent: not "¿Qué formato de papel
# usáis?" nor "What formats do the courses come in?"
_OF_A_FILE = re.compile(
    r"(?<![^\W_])(?:files?|filenya|archivos?|ficheros?|documentos?|documents?|fotos?|"
    r"photos?|im[aá]genes|imagen|images?|dise[ñn]os?|designs?|artwork|logos?|berkas\w*|"
    r"desain\w*|gambar\w*|send|sent|mando|mandar|mandaros|env[ií]o|enviar|enviaros|"
    r"kirim\w*)(?![^\W_])",
    re.IGNORECASE,
)
# The formats a page names: the common ones of documents, images, sound, video and
# drawings (not "AI" nor "DOC": a word as often as a format).
_NAMES_FORMAT = re.compile(
    r"(?<![^\W_])(?:pdf|jpe?g|png|tiff?|eps|svg|psd|docx|xlsx|pptx|cdr|gif|heic|webp|"
    r"mp3|mp4|wav|mov|stl|dxf|dwg|odt)(?![^\W_])",
    re.IGNORECASE,
)
# The question's words that only ask it: the page need hold none of them.
FILE_FORMAT_WORDS = frozenset(
    "what which kind type types of file files format formats do you need want take "
    "accept should i we send in qué que en tipo formato formatos archivo archivos "
    "fichero ficheros de os te mando mandar envío envio enviar enviamos necesitáis "
    "necesitais aceptáis aceptais el la lo los las format formatnya file filenya berkas "
    "berkasnya apa dalam kirim dikirim harus yang diterima terima my mi be should "
    # ... and the file's own names, which a page calls a file: "What format should my
    # artwork be in?" of "Send us a PDF"
    "artwork design designs diseño diseno desain logo photo photos foto fotos image "
    "images imagen imágenes imagenes document documents documento documentos".split()
)


def asks_file_format(question: str) -> bool:
    """Whether the question asks in what format a file is to be sent."""
    return _ASKS_FORMAT.search(question) is not None and _OF_A_FILE.search(question) is not None


def names_file_format(sentence: str) -> bool:
    """Whether the sentence names a file format ("en PDF", "JPG or PNG")."""
    return _NAMES_FORMAT.search(sentence) is not None
