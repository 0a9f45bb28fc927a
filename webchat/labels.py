"""The web chat's own words in English, Indonesian and Spanish.

The page speaks the language of the conversation's last answer (the question's language,
as the API detected it), else the browser's; any other language gets English.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "ask": "Ask a question about the knowledge base",
        "intro": "Ask questions about your organisation's documents. Every answer quotes or "
        "cites its sources, so you can check where it came from.",
        "try": "Try one of these:",
        "searching": "Searching the knowledge base…",
        "sources": "Sources",
        "show_query": "Show the query",
        "table_rows": "The first {shown} of {rows} rows: download the CSV for all of them",
        "download": "Download {name}",
        "source": "Source",
        "page": "page",
        "stopped": "Stopped: the answer as far as it was written",
        "still_answering": "Still answering: the answer shows here once it is written",
        "regenerate": "Regenerate",
        "regenerate_help": "Answer the last question again (the earlier answer is kept)",
        "send_again": "Send again",
        "edit": "Edit",
        "edit_help": "Edit and send again",
        "ask_by_voice": "Ask by voice",
        "thanks": "Thanks for the feedback",
        "new_conversation": "New conversation",
        "sign_out": "Sign out",
        "conversations": "Conversations",
        "search_conversations": "Search conversations",
        "no_match": "No conversation holds that.",
        "rate_limited": "Too many questions in a short time.",
        "wait": "Wait {seconds} seconds.",
        "went_wrong": "Something went wrong: {error}",
        "unreachable": "The chat service cannot be reached right now. Is the API running? "
        "Try again in a moment.",
        "unauthorized": "That API key was not accepted (unknown, revoked or expired). "
        "Sign in with a valid key.",
        "forbidden": "This key may not chat with that assistant.",
        "not_found": "That assistant does not exist (or is no longer public).",
        "unavailable": "The service is temporarily unavailable (its storage is not "
        "answering). Try again in a moment.",
        "busy": "Your previous question is still being answered. Wait a moment and send again.",
        "signin_intro": "Sign in with your API key to ask questions about your "
        "organisation's documents.",
        "api_key": "API key",
        "sign_in": "Sign in",
        "or_account": "Or with your account:",
        "email": "Email",
        "password": "Password",
        "log_in": "Log in",
        "whole_document": "Whole document",
        "feedback_placeholder": "What was good or wrong about this answer? (optional)",
        "your_question": "Your question",
        "previous_version": "Previous version",
        "next_version": "Next version",
        "version": "Version {n}/{total}",
        "copy": "Copy",
        "copy_title": "Copy the answer as text, with its sources",
        "markdown_title": "Copy the answer as Markdown, with its sources",
        "copied": "Copied",
        "manage": "Manage",
        "manage_help": "Rename, export or delete",
        "name": "Name",
        "rename": "Rename",
        "export": "Export",
        "delete": "Delete",
        "delete_help": "Delete it",
        "admin_link": "Admin: analytics and feedback",
        "stop": "Stop",
        "stop_help": "Stop the answer here (what was written is kept)",
        "listening": "Listening…",
        "attached_question": "What does the attached file say?",
        "forgot": "Forgot your password?",
        "reset_address": "The address you sign in with",
        "send_reset": "Send me a link",
        "reset_sent": "If {email} has an account here, a link to set a new password is on "
        "its way (it works for {hours:g} hours).",
        "reset_no_mail": "This service cannot send mail, so no link was sent. Ask the person "
        "who runs it for a link to set a new password: they make one with `flask --app app "
        "users reset-link --email {email}`.",
        "sso": "Single sign-on",
        "organisation": "Organisation",
        "organisation_hint": "its short name, e.g. acme",
        "sso_continue": "Continue with your organisation's sign-in",
        "or_guest": "Or chat as a guest with:",
        "join": "Join",
        "new_password": "Set a new password",
        "your_name": "Your name",
        "password_rule": "Password (at least 10 characters)",
        "continue": "Continue",
        "sso_failed": "Single sign-on did not complete: {error}",
        "link_unusable": "This sign-in link cannot be used",
        "link_expired": "It has expired or was already used. Go back to the site that sent "
        "you here and open the chat again for a new link.",
        "signed_in_as": "Signed in as {who} · {role}",
        "impersonating": "Impersonating {email} (by {by}): every action is audited with both "
        "identities.",
    },
    "id": {
        "ask": "Ajukan pertanyaan tentang basis pengetahuan",
        "intro": "Ajukan pertanyaan tentang dokumen organisasi Anda. Setiap jawaban mengutip "
        "atau menyebut sumbernya, sehingga Anda dapat memeriksa asalnya.",
        "try": "Coba salah satu dari ini:",
        "searching": "Mencari di basis pengetahuan…",
        "sources": "Sumber",
        "show_query": "Tampilkan kueri",
        "table_rows": "{shown} baris pertama dari {rows}: unduh CSV untuk semuanya",
        "download": "Unduh {name}",
        "source": "Sumber",
        "page": "halaman",
        "stopped": "Dihentikan: jawaban sejauh yang sudah ditulis",
        "still_answering": "Masih menjawab: jawabannya muncul di sini setelah selesai ditulis",
        "regenerate": "Buat ulang",
        "regenerate_help": "Jawab lagi pertanyaan terakhir (jawaban sebelumnya disimpan)",
        "send_again": "Kirim lagi",
        "edit": "Ubah",
        "edit_help": "Ubah lalu kirim lagi",
        "ask_by_voice": "Bertanya dengan suara",
        "thanks": "Terima kasih atas masukannya",
        "new_conversation": "Percakapan baru",
        "sign_out": "Keluar",
        "conversations": "Percakapan",
        "search_conversations": "Cari percakapan",
        "no_match": "Tidak ada percakapan yang memuat itu.",
        "rate_limited": "Terlalu banyak pertanyaan dalam waktu singkat.",
        "wait": "Tunggu {seconds} detik.",
        "went_wrong": "Terjadi kesalahan: {error}",
        "unreachable": "Layanan chat tidak dapat dihubungi saat ini. Apakah API berjalan? "
        "Coba lagi sebentar lagi.",
        "unauthorized": "Kunci API itu tidak diterima (tidak dikenal, dicabut atau "
        "kedaluwarsa). Masuk dengan kunci yang valid.",
        "forbidden": "Kunci ini tidak boleh mengobrol dengan asisten itu.",
        "not_found": "Asisten itu tidak ada (atau tidak lagi publik).",
        "unavailable": "Layanan sementara tidak tersedia (penyimpanannya tidak menjawab). "
        "Coba lagi sebentar lagi.",
        "busy": "Pertanyaan Anda sebelumnya masih dijawab. Tunggu sebentar lalu kirim lagi.",
        "signin_intro": "Masuk dengan kunci API Anda untuk bertanya tentang dokumen "
        "organisasi Anda.",
        "api_key": "Kunci API",
        "sign_in": "Masuk",
        "or_account": "Atau dengan akun Anda:",
        "email": "Email",
        "password": "Kata sandi",
        "log_in": "Masuk ke akun",
        "whole_document": "Seluruh dokumen",
        "feedback_placeholder": "Apa yang baik atau salah dari jawaban ini? (opsional)",
        "your_question": "Pertanyaan Anda",
        "previous_version": "Versi sebelumnya",
        "next_version": "Versi berikutnya",
        "version": "Versi {n}/{total}",
        "copy": "Salin",
        "copy_title": "Salin jawaban sebagai teks, beserta sumbernya",
        "markdown_title": "Salin jawaban sebagai Markdown, beserta sumbernya",
        "copied": "Tersalin",
        "manage": "Kelola",
        "manage_help": "Ganti nama, ekspor, atau hapus",
        "name": "Nama",
        "rename": "Ganti nama",
        "export": "Ekspor",
        "delete": "Hapus",
        "delete_help": "Hapus percakapan ini",
        "admin_link": "Admin: analitik dan umpan balik",
        "stop": "Berhenti",
        "stop_help": "Hentikan jawaban di sini (yang sudah tertulis disimpan)",
        "listening": "Mendengarkan…",
        "attached_question": "Apa isi berkas yang dilampirkan?",
        "forgot": "Lupa kata sandi?",
        "reset_address": "Alamat yang Anda pakai untuk masuk",
        "send_reset": "Kirimkan tautan",
        "reset_sent": "Jika {email} memiliki akun di sini, tautan untuk membuat kata sandi "
        "baru sedang dikirim (berlaku {hours:g} jam).",
        "reset_no_mail": "Layanan ini tidak dapat mengirim email, jadi tidak ada tautan yang "
        "dikirim. Mintalah tautan untuk membuat kata sandi baru kepada pengelola layanan: "
        "mereka membuatnya dengan `flask --app app users reset-link --email {email}`.",
        "sso": "Masuk tunggal (SSO)",
        "organisation": "Organisasi",
        "organisation_hint": "nama singkatnya, mis. acme",
        "sso_continue": "Lanjutkan dengan login organisasi Anda",
        "or_guest": "Atau mengobrol sebagai tamu dengan:",
        "join": "Bergabung",
        "new_password": "Buat kata sandi baru",
        "your_name": "Nama Anda",
        "password_rule": "Kata sandi (minimal 10 karakter)",
        "continue": "Lanjutkan",
        "sso_failed": "Masuk tunggal tidak selesai: {error}",
        "link_unusable": "Tautan masuk ini tidak dapat digunakan",
        "link_expired": "Tautan sudah kedaluwarsa atau sudah dipakai. Kembali ke situs yang "
        "mengirim Anda ke sini dan buka obrolan lagi untuk tautan baru.",
        "signed_in_as": "Masuk sebagai {who} · {role}",
        "impersonating": "Bertindak sebagai {email} (oleh {by}): setiap tindakan diaudit "
        "dengan kedua identitas.",
    },
    "es": {
        "ask": "Haga una pregunta sobre la base de conocimiento",
        "intro": "Pregunte sobre los documentos de su organización. Cada respuesta cita sus "
        "fuentes, para que pueda comprobar de dónde viene.",
        "try": "Pruebe una de estas:",
        "searching": "Buscando en la base de conocimiento…",
        "sources": "Fuentes",
        "show_query": "Mostrar la consulta",
        "table_rows": "Las primeras {shown} de {rows} filas: descargue el CSV para verlas todas",
        "download": "Descargar {name}",
        "source": "Fuente",
        "page": "página",
        "stopped": "Detenida: la respuesta hasta donde se escribió",
        "still_answering": "Todavía respondiendo: la respuesta aparece aquí cuando esté escrita",
        "regenerate": "Regenerar",
        "regenerate_help": "Responder de nuevo a la última pregunta (se guarda la respuesta "
        "anterior)",
        "send_again": "Enviar de nuevo",
        "edit": "Editar",
        "edit_help": "Editar y enviar de nuevo",
        "ask_by_voice": "Preguntar por voz",
        "thanks": "Gracias por su opinión",
        "new_conversation": "Nueva conversación",
        "sign_out": "Cerrar sesión",
        "conversations": "Conversaciones",
        "search_conversations": "Buscar conversaciones",
        "no_match": "Ninguna conversación contiene eso.",
        "rate_limited": "Demasiadas preguntas en poco tiempo.",
        "wait": "Espere {seconds} segundos.",
        "went_wrong": "Algo salió mal: {error}",
        "unreachable": "No se puede conectar con el servicio de chat ahora mismo. ¿Está en "
        "marcha la API? Inténtelo de nuevo en un momento.",
        "unauthorized": "Esa clave de API no fue aceptada (desconocida, revocada o caducada). "
        "Inicie sesión con una clave válida.",
        "forbidden": "Esta clave no puede conversar con ese asistente.",
        "not_found": "Ese asistente no existe (o ya no es público).",
        "unavailable": "El servicio no está disponible temporalmente (su almacenamiento no "
        "responde). Inténtelo de nuevo en un momento.",
        "busy": "Su pregunta anterior todavía se está respondiendo. Espere un momento y "
        "envíela de nuevo.",
        "signin_intro": "Inicie sesión con su clave de API para preguntar sobre los "
        "documentos de su organización.",
        "api_key": "Clave de API",
        "sign_in": "Iniciar sesión",
        "or_account": "O con su cuenta:",
        "email": "Correo electrónico",
        "password": "Contraseña",
        "log_in": "Entrar",
        "whole_document": "Documento completo",
        "feedback_placeholder": "¿Qué estuvo bien o mal en esta respuesta? (opcional)",
        "your_question": "Su pregunta",
        "previous_version": "Versión anterior",
        "next_version": "Versión siguiente",
        "version": "Versión {n}/{total}",
        "copy": "Copiar",
        "copy_title": "Copiar la respuesta como texto, con sus fuentes",
        "markdown_title": "Copiar la respuesta como Markdown, con sus fuentes",
        "copied": "Copiado",
        "manage": "Gestionar",
        "manage_help": "Renombrar, exportar o eliminar",
        "name": "Nombre",
        "rename": "Renombrar",
        "export": "Exportar",
        "delete": "Eliminar",
        "delete_help": "Eliminar esta conversación",
        "admin_link": "Administración: estadísticas y valoraciones",
        "stop": "Detener",
        "stop_help": "Detener la respuesta aquí (se conserva lo escrito)",
        "listening": "Escuchando…",
        "attached_question": "¿Qué dice el archivo adjunto?",
        "forgot": "¿Olvidó su contraseña?",
        "reset_address": "La dirección con la que entra",
        "send_reset": "Enviarme un enlace",
        "reset_sent": "Si {email} tiene una cuenta aquí, le llegará un enlace para elegir "
        "una contraseña nueva (válido durante {hours:g} horas).",
        "reset_no_mail": "Este servicio no puede enviar correo, así que no se envió ningún "
        "enlace. Pida un enlace para elegir una contraseña nueva a quien administra el "
        "servicio: lo crea con `flask --app app users reset-link --email {email}`.",
        "sso": "Inicio de sesión único",
        "organisation": "Organización",
        "organisation_hint": "su nombre corto, p. ej. acme",
        "sso_continue": "Continuar con el inicio de sesión de su organización",
        "or_guest": "O converse como invitado con:",
        "join": "Unirse",
        "new_password": "Elija una contraseña nueva",
        "your_name": "Su nombre",
        "password_rule": "Contraseña (al menos 10 caracteres)",
        "continue": "Continuar",
        "sso_failed": "El inicio de sesión único no se completó: {error}",
        "link_unusable": "Este enlace de inicio de sesión no se puede usar",
        "link_expired": "Ha caducado o ya se usó. Vuelva al sitio que le trajo aquí y abra "
        "el chat de nuevo para obtener un enlace nuevo.",
        "signed_in_as": "Sesión iniciada como {who} · {role}",
        "impersonating": "Actuando como {email} (por {by}): cada acción se audita con ambas "
        "identidades.",
    },
}


def page_language(history: list[dict], locale: str | None) -> str:
    """The last answer's language, else the browser's, when the page speaks it."""
    for message in reversed(history):
        if message.get("role") == "assistant" and message.get("language") in LABELS:
            return str(message["language"])
    browser = (locale or "").split("-")[0].lower()
    browser = "id" if browser in ("id", "ms", "in") else browser
    return browser if browser in LABELS else "en"


def label(key: str, language: str, **values: object) -> str:
    return label_in(LABELS, key, language, **values)


def label_in(table: dict[str, dict[str, str]], key: str, language: str, **values: object) -> str:
    """A page's label in `language` (English when it has none), its {fields} filled."""
    text = table.get(language, table["en"]).get(key) or table["en"][key]
    return text.format(**values) if values else text
