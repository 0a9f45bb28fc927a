"""Which questions ask when a place is open, where it is, how to reach it, how to pay or
how much notice to give, and which sentences give that (agents/asked_facts.py)."""

from __future__ import annotations

from agents.asked_facts import (
    asked_fact,
    asks_address,
    asks_age,
    asks_contact,
    asks_day,
    asks_email,
    asks_hours,
    asks_notice,
    asks_payment,
    asks_phone,
    asks_the_address,
    asks_whether_paid,
    children_by_age,
    day_of_another,
    day_unnamed,
    days_asked,
    gives_address,
    held_all_year,
    holiday_held,
    means_asked,
    month_held,
    names_day,
    names_means,
    names_season,
    season_of_another,
    states_address,
    states_age,
    states_day,
    states_email,
    states_hours,
    states_location,
    states_notice,
    states_paid,
    states_payment,
    states_phone,
    states_season_open,
    states_time,
    tells_days,
    tells_season,
)


def test_the_days_a_question_asks_the_place_is_open_on() -> None:
    assert days_asked("¿Abrís los sábados?") == {"sabado"}
    assert days_asked("Are you open on Sundays?") == {"sunday"}
    assert days_asked("What are your hours?") == frozenset()
    # whether they work on a day, as whether they open
    assert days_asked("Do you work on Sundays?") == {"sunday"}
    assert days_asked("¿Trabajáis los sábados?") == {"sabado"}
    assert days_asked("Kalau hari Minggu tukangnya kerja?") == {"minggu"}
    assert days_asked("Does the Saturday class work for beginners?") == frozenset()
    # ... or do their work on it, asked of them (set FI)
    assert days_asked("¿Repartís los sábados?") == {"sabado"}
    assert days_asked("Do you deliver on Saturdays?") == {"saturday"}
    assert days_asked("Do you have parking on Sundays?") == frozenset()
    # ... which pages naming other days only do not answer (set BD; "¿Abrís los lunes?"
    # is the hours' to read)
    pressing = ["Bring your own apples on pressing Saturdays in September, 9 am to 3 pm."]
    assert day_of_another("Do you press on Sundays?", pressing)
    assert not day_of_another("¿Repartís los sábados?", ["Repartimos de lunes a viernes."])
    assert not day_of_another("¿Abrís los lunes?", ["Abrimos martes y jueves de 10 a 14 h."])
    assert names_day("Las clases se dan también los sábados.", days_asked("¿Abren el sábado?"))
    assert not names_day("Abrimos de martes a viernes.", days_asked("¿Abren el sábado?"))
    # a weekend is its two days
    assert names_day("We are closed at weekends.", days_asked("Are you open on Saturdays?"))
    assert names_day("Sabtu tutup.", days_asked("Apakah buka akhir pekan?"))
    assert not names_day("Monday to Friday 8 am to 6 pm.", days_asked("Are you open at weekends?"))
    # ... and weekdays Monday to Friday
    assert names_day("Abrimos entre semana de 9:00 a 14:00.", days_asked("¿Abrís los lunes?"))
    assert names_day("Open Monday to Friday, 9 am to 5 pm.", days_asked("Are you open weekdays?"))
    assert not names_day("We open on weekdays only.", days_asked("Are you open on Sundays?"))
    # a span of days tells any day whether it is open (not a span of months)
    mondays = days_asked("Are you open on Mondays?")
    assert tells_days("Sessions run Wednesday to Sunday from 10 am.", mondays)
    assert tells_days("De martes a sábado de 10:00 a 20:00.", days_asked("¿Abrís los lunes?"))
    assert not tells_days("Prices rise from June to August.", mondays)
    # a length of working days names no day
    assert not names_day("Dikirim dalam 3 hari kerja.", days_asked("Apakah buka hari Senin?"))
    # not the other day of it
    assert not names_day("Los domingos cerramos.", days_asked("¿Abren los sábados?"))


def test_questions_asking_when_a_place_is_open_and_sentences_giving_the_hours() -> None:
    for question in [
        "What are your hours?", "When do you close?", "What are your opening times?",
        "¿Cuál es el horario?", "¿Cuándo abren?", "¿A qué hora cierra?",
        "Jam operasional toko?", "Kapan perpustakaan buka?",
        # whether it is open on a day
        "Are you open on Sundays?", "Is the library closed on bank holidays?",
        "¿Abren los domingos?", "¿Está abierto el museo los lunes?",
        "Apakah puskesmas buka hari Minggu?", "Apakah hari Sabtu buka?",
        "Tutup jam berapa?", "Buka dari jam berapa?",
        # shut, "until what time", the closing with its "-nya"
        "When do you shut?", "¿Hasta qué hora abrís?", "Jam berapa tutupnya?",
    ]:  # fmt: skip
        assert asks_hours(question), question
    for question in [
        "When did Levi's Stadium open?", "How many hours of sick leave do I get?",
        "Kapan pesanan dikirim?", "¿A qué hora tengo que llegar el primer día?",
        "Jam berapa istirahat makan siang?", "Is the museum free on Sundays?",
    ]:  # fmt: skip
        assert not asks_hours(question), question
    for sentence in [
        "El taller abre de lunes a viernes de 8:00 a 18:00.",
        "Open Monday to Friday from 7 am to 10 pm.", "We open 8am-6pm.",
        "Buka setiap hari pukul 09.00 sampai 21.00 WIB.", "Reception is open 24 hours.",
        # bare hours beside the days or an opening, as Spanish pages write them
        "Abierto de lunes a viernes de 9 a 18.", "Abrimos de 10 a 14 y de 17 a 20.",
        "Los sábados de 10 a 14, los domingos cerrado.",
    ]:  # fmt: skip
        assert states_hours(sentence), sentence
    # ranges of days, years, durations, ages and people are not hours
    for sentence in [
        "Llega en 2 a 3 días.", "It ran from 1990 to 1995.", "It takes 2 to 3 hours.",
        "Appointments can be cancelled free of charge up to 24 hours before.",
        "Clases para niños de 7 a 14 años los sábados.", "Los lunes, grupos de 10 a 12 alumnos.",
        "Los martes se entrega de 2 a 3 semanas después.", "De 9 a 18 personas.",
    ]:  # fmt: skip
        assert not states_hours(sentence), sentence


def test_questions_asking_where_a_place_is_and_sentences_giving_an_address() -> None:
    for question in [
        "Where are you located?", "What is your address?", "¿Dónde están?",
        "¿Dónde queda el taller?", "¿Cuál es la dirección?", "Alamatnya di mana?",
        "Toko ada di mana?", "¿Dónde está la escuela?", "Where is the clinic?",
        "¿Dónde está el estudio?", "Where is the gym?", "¿Dónde está la clinica?",
        # where to find them, where they have their premises, where the place is
        "Where can I find you?", "How do we find you?", "¿Dónde tenéis el local?",
        "¿Dónde os encuentro?", "Tempatnya di mana?", "Di mana tempatnya?",
        # from what town they work (set FG)
        "¿Desde qué ciudad trabajáis?", "Which town do you work from?",
    ]:  # fmt: skip
        assert asks_address(question), question
    # where a thing is, or where to do something, is not where the place is
    for question in [
        "¿Dónde está el formulario?", "Di mana saya bisa membayar?", "¿Dónde está el baño?",
        "Where can I find parking?", "Tempat parkirnya di mana?", "Di mana tempat parkir?",
        # a place the asker names by the word "location" or "address", not the place's own
        "Bisa foto di lokasi toko saya?", "Ada penginapan dekat lokasi?",
        "Bisa antar ke alamat saya?", "Lokasi acara saya di Bogor, bisa datang?",
    ]:  # fmt: skip
        assert not asks_address(question), question
    # ... but the word asked of, or which one it is
    for question in [
        "Lokasinya di mana?",
        "Lokasi tokonya di pasar mana?",
        "Tokonya di lokasi mana?",
    ]:
        assert asks_address(question), question
    # ... or the place by its kind, with "-nya" ("Tokonya di mana?" of a print shop whose
    # page says "Kami di depan gerbang utama ..."): not another place of that kind
    for question in ["Tokonya di mana?", "Di mana kantornya?", "Bengkelnya di mana ya?"]:
        assert asks_address(question), question
    for question in ["Kantor pos di mana?", "Toko di mana yang jual kertas?"]:
        assert not asks_address(question), question
    for sentence in [
        "Estamos en la Calle Mayor 45, Zaragoza.", "Alamat toko: Jl. Merdeka No. 12, Bandung.",
        "Visit us at 221B Baker Street.", "Av. de la Constitución 12, Sevilla.",
    ]:  # fmt: skip
        assert states_address(sentence), sentence
    for sentence in ["The way to reset takes 2 steps.", "Take the road for 5 km."]:
        assert not states_address(sentence), sentence
    # where the place is, without a street
    for sentence in [
        "Our shop is in the Market Arcade, unit 12.", "We are in Bristol.",
        "The studio is at Riverside Mill.", "La escuela está en la playa de Somo.",
        "Estamos en el centro comercial Los Arcos, local 15.",
        "Kantor kami terletak di Ruko Sentosa.", "Studio kami berada di Mal Ciputra, lantai 2.",
        # a stall's, a pier's or a kiosk's number, many words before any name
        "La escuela está en el pantalán 3 del puerto deportivo de Santander.",
        "You will find us at stall 14 of the covered market.",
        "Kami di kios 112 dekat pintu timur.",
        # a street named without its number
        "Our cottages are in the village of Little Haydon, on Mill Lane.",
        "Estamos en la calle Mayor, junto a la iglesia.", "Toko kami di Jalan Melati.",
        # working from a named town (set FG)
        "Trabajamos por encargo desde Salamanca.", "We work from Ludlow and cover Shropshire.",
        # beside a named place, or at a building of a kind, named
        "Alquilamos bicis junto a la antigua estación de la Vía Verde.",
        "We meet next to the Old Corn Exchange.", "Kelas diadakan di musala Al-Ikhlas.",
        "Latihan setiap Sabtu di balai Desa Sukamaju.",
        # the organisation's own place, at a named one
        "Pembeli boleh memilih ikan langsung di kolam kami di Ciampea.",
        "Restauramos relojes en nuestro taller de Cuenca.",
        "Lessons are given at our studio in Hebden Bridge.",
        # the organisation saying what it is, in a named place
        "Somos una sidrería familiar en Nava, Asturias.", "We are a small bakery in Ludlow.",
        "Kami adalah toko roti di Bogor.",
        # ... or a page's opening line, what it is and where, with no verb
        "Taller de guarnicionería en Jerez de la Frontera.",
        "Family bakery in Ludlow, Shropshire.", "Bengkel las di Semarang.",
    ]:  # fmt: skip
        assert states_location(sentence), sentence
    # a language, a day, a place with no name, a unit that is a size or a price
    for sentence in [
        "The course is in English.", "We're closed until Monday.", "Classes in English.",
        "We are located near the station.", "Each unit costs £5 a month.",
        "The floor space is 25 square feet.", "Classes are held in the main hall.",
        "Toko kami berada di dekat pasar.", "Walk down the lane to the river.",
        "Paseo por el parque.", "The pier is 300 metres long.",
        "Stand 2 metres back from the edge.",
        # a way to reach them, or a shop online: no place to go to
        "Hubungi kami di WhatsApp 0812 3456 789.", "Ikuti kami di Instagram.",
        "Toko kami di Tokopedia buka 24 jam.", "Nuestra tienda en Etsy envía a toda Europa.",
        # ... nor the organisation said to be of a kind named in capitals
        "We are a Spanish school.", "Somos una escuela Montessori.",
        # ... nor a feast
        "Our shop at Christmas stays open until nine.", "Layanan kami di Hari Raya tetap buka.",
        # ... nor working from an hour, or from home
        "Trabajamos desde las 9 de la mañana.", "We work from home.",
    ]:  # fmt: skip
        assert not states_location(sentence), sentence


def test_questions_asking_how_to_reach_a_place_and_sentences_giving_a_number_or_email() -> None:
    assert asks_phone("What is your phone number?") and asks_phone("Nomor WA-nya berapa?")
    # ... the telephone's "-nya" on it as on WA's ("Nomor teleponnya berapa?")
    assert asks_phone("Nomor teleponnya berapa?") and asks_phone("Nomor HP-nya berapa?")
    # "your number" alone is the telephone's; a count or an account number is not
    assert asks_phone("What's your number?") and asks_phone("¿Cuál es vuestro número?")
    assert not asks_phone("What is your number of staff?")
    assert not asks_phone("¿Cuál es su número de cuenta?")
    # ... or whom to ring
    assert asks_phone("Who do I ring to get started?") and asks_phone("¿A quién llamo?")
    assert asked_fact("Who do I ring to get started?").name == "phone"
    assert not asks_phone("Who rang the bell first?")
    assert asks_email("What is your email?") and asks_email("¿Tienen correo electrónico?")
    assert asks_contact("How can I contact you?") and asks_contact("¿Cómo los contacto?")
    assert asks_contact("Bagaimana cara menghubungi toko?")
    # a contact between objects, a name one is called by, the post
    for question in [
        "What makes friction depend on the contact between two surfaces?",
        "¿Cómo se llamaría la nueva entidad?", "¿Cuándo llega el correo?",
        "I lost my phone, how do I log in?", "Perdí mi teléfono",
    ]:  # fmt: skip
        assert not (asks_phone(question) or asks_email(question) or asks_contact(question))
    assert states_phone("Llámenos al 976 123 456.")
    assert states_phone("Hubungi kami di WhatsApp 0812-3456-7890.")
    assert states_email("Questions go to hello@northside-gym.com.")
    # a date, or a count, is not a telephone number
    assert not states_phone("The release of 2024-11-25 was called 1 234 567.")
    assert not states_phone("Its population was 1 234 567 in 2020.")


def test_questions_asking_how_to_pay_and_sentences_naming_a_means_of_payment() -> None:
    for question in [
        "Do you accept credit cards?", "Can I pay by card?", "What payment methods do you accept?",
        "¿Aceptan tarjeta?", "¿Cómo puedo pagar?", "¿Cuáles son las formas de pago?",
        "Apakah toko menerima kartu kredit?", "Bisa bayar pakai kartu?", "Metode pembayaran apa saja?",
        "Bayarnya pakai apa?",
        # ... or without cash
        "Boleh bayar tanpa uang tunai?", "Can I pay without cash?",
    ]:  # fmt: skip
        assert asks_payment(question), question
    # a price, a means no word here names (its name is looked for instead), someone else's cash
    for question in [
        "How much do I pay?", "Can I pay with PayPal?", "Who takes the cash to the bank?",
        "¿Cuánto hay que pagar?",
    ]:  # fmt: skip
        assert not asks_payment(question), question
    assert states_payment("We take cash, Visa and Mastercard.")
    assert states_payment("Se puede pagar en efectivo o con tarjeta.")
    assert states_payment("Pembayaran bisa tunai atau QRIS.")
    # paying with nothing named, or a card that is not a payment
    assert not states_payment("Payment is due when you collect the boat.")
    assert not states_payment("We sell gift cards and posters.")
    assert asked_fact("¿Aceptan tarjeta?").name == "payment"


def test_questions_asking_how_much_notice_and_sentences_giving_one() -> None:
    for question in [
        "Can I cancel my booking?", "How far in advance do I need to cancel?",
        "¿Con cuánta antelación tengo que cancelar?", "¿Puedo cancelar la cita?",
        "Sampai kapan pembatalan gratis?", "Bagaimana cara membatalkan pesanan?",
        # how long before one must book
        "Harus pesan berapa jam sebelumnya?", "How many days before do I need to book?",
        "¿Con cuánto tiempo hay que reservar?", "¿Cuántos días antes hay que pedirlo?",
        "Harus pesan kapan?", "When should I book?", "¿Cuándo hay que reservar?",
        "¿Cuándo debería reservar el traje?", "¿Cuándo conviene reservar?",
        # whether one books first (set FG)
        "Mau ikut workshop perlu pesan dulu?", "Do we need to book ahead?",
        # what happens if the asker cancels
        "¿Qué pasa si cancelo el mismo día?", "What happens if we cancel?",
        "What if I cancel the day before?",
        "Kalau saya batal bagaimana?", "¿Qué ocurre si tengo que cancelar?",
    ]:  # fmt: skip
        assert asks_notice(question), question
    # a cancelled show, a tour's length
    for question in [
        "Why was the show cancelled?", "How long does the tour last?", "When can I book online?",
        # a show the asker does not cancel
        "What happens if the show is cancelled?", "¿Qué pasa si se cancela la excursión?",
    ]:  # fmt: skip
        assert not asks_notice(question), question
    assert states_notice("Si no puedes venir, avísanos con 24 horas de antelación.")
    assert states_notice("You can cancel a booking up to 12 hours before the class.")
    assert states_notice("Pembatalan gratis sampai 48 jam sebelum tanggal kedatangan.")
    assert states_notice("Reservasi lewat WhatsApp, paling lambat tiga jam sebelumnya.")
    assert states_notice("Cakes must be ordered two days before.")
    assert states_notice("Las plazas se reservan con un mes de antelación.")
    assert states_notice("Pesan paling lambat sehari sebelumnya.")  # "se-": one
    # cancelled, but no notice; a length of time, but nothing given notice of
    assert not states_notice("The show was cancelled in 1989.")
    assert not states_notice("Classes last 60 minutes and run for ten weeks.")
    assert asked_fact("¿Con cuánta antelación tengo que cancelar?").name == "notice"
    # a length of time before something tells how long before to book, not how to cancel
    notice = asked_fact("Can I cancel my booking?")
    balance = "The balance is due six weeks before arrival."
    assert not notice.given_in(balance, "Can I cancel my booking?")
    assert notice.given_in(balance, "How many weeks before do I have to pay?")
    assert notice.given_in("You can cancel up to 48 hours before.", "Can I cancel my booking?")
    # cancelling on the day asks the notice: its words are the asking's, not a thing's
    late = asked_fact("¿Qué pasa si cancelo el mismo día?")
    assert late.name == "notice" and {"pasa", "mismo"} <= late.words


def test_questions_asking_for_the_address_in_that_word() -> None:
    for question in [
        "What is your address?", "Di mana alamat Taman Ceria?", "¿Cuál es la dirección?",
        "Alamatnya di mana?", "What is the address of the clinic?",
    ]:  # fmt: skip
        assert asks_the_address(question), question
    # another address, or what to do with one
    for question in [
        "What is your email address?", "Can I change my delivery address?",
        "Bagaimana cara mengubah alamat pengiriman?", "¿Dónde están?",
    ]:  # fmt: skip
        assert not asks_the_address(question), question
    for sentence in [
        "Estamos en la C/ Mayor, 23, 1.º izda., 50001 Zaragoza.",
        "Kantor kami di Gedung Sarinah Lt. 5, Jakarta.",
        "The office is in Cambridge, MA 02139.",
        "Spokes & Co. is at 14 Mill Lane, Bristol BS3 4QT.",
    ]:
        assert gives_address(sentence), sentence
    for sentence in [
        "Pendaftaran dilakukan di kantor Taman Ceria dengan membawa akta kelahiran.",
        "Taman Ceria menerima anak usia 1 sampai 5 tahun.",
        "Harga Rp 350.000 per semester.",
    ]:
        assert not gives_address(sentence), sentence


def test_a_part_of_the_day_is_asked_as_a_day_is() -> None:
    for question, parts in [
        ("¿Abren por la tarde?", {"tarde"}),
        ("¿Abren los sábados por la mañana?", {"sabado", "mañana"}),
        ("Is the pool open in the evening?", {"evening"}),
        ("Apakah buka malam hari?", {"malam"}),
    ]:
        assert asks_hours(question) and days_asked(question) == parts, question
    # tomorrow's weather, a price per night, evening classes open to beginners
    for question in [
        "¿Qué tiempo hará mañana?", "Berapa harga kamar per malam?",
        "Are the evening classes open to beginners?",
    ]:  # fmt: skip
        assert not asks_hours(question), question


def test_the_one_time_a_place_opens_or_closes_gives_its_hours() -> None:
    assert states_hours("The learner pool closes at 4 pm on weekdays.")
    assert states_hours("El local cierra a las 20:00.")
    assert states_hours("Toko tutup pukul 17.00 WIB.")
    assert states_hours("We open at 9:30 every day.")
    # a number that is no time of day, or no opening or closing
    assert not states_hours("The office closes at 4.")
    assert not states_hours("Registration closes in 3 days.")
    assert not states_hours("The bus leaves at 4 pm.")


def test_the_means_of_payment_a_question_asks_about() -> None:
    assert means_asked("¿Se puede pagar con tarjeta?") == {"card"}
    assert means_asked("Bisa bayar pakai kartu kredit?") == {"card"}
    assert means_asked("Do you accept cash?") == {"cash"}
    # paying spoken of, the means after what is paid
    assert means_asked("Bisa bayar deposit pakai transfer?") == {"transfer"}
    assert means_asked("Can I pay the deposit by card?") == {"card"}
    assert means_asked("Terima QRIS?") == {"wallet"}
    # no means named, or no asking how to pay
    assert means_asked("How can I pay?") == frozenset()
    assert means_asked("How much is a gift card?") == frozenset()
    # a page names a card by its brand; a direct debit is none of them
    assert names_means("We take Visa and Mastercard.", frozenset({"card"}))
    assert not names_means("Las cuotas se cobran por domiciliación bancaria.", frozenset({"card"}))
    assert not names_means("Uang muka 50% dibayar saat pesan.", frozenset({"cash"}))


def test_questions_asking_from_what_age_and_sentences_giving_an_age() -> None:
    for asked in (
        "What age can children start?",
        "How old does a puppy have to be for its first jab?",
        "¿A partir de qué edad se puede empezar?",
        "Umur berapa anak bisa dititipkan?",
        "¿Desde qué edad admitís niños?",
        "What ages do you take?",
        "¿Con qué edad admitís a los niños?",
        "¿A qué edad pueden empezar?",
        # whether one is old enough
        "Is my son old enough to join?",
        "¿Mi hija tiene edad suficiente?",
        "Anak saya sudah cukup umur?",
        "Is a six-year-old too young to climb?",
        "¿Qué edad mínima piden?",
        # children of what age (set FE)
        "¿Es apropiado para niños de qué edad?",
        "¿Vale para críos de qué edad?",
        "Is it for children of what age?",
        # an age in words up to nineteen (set FF)
        "Tengo diecisiete años, ¿me hacéis un tatuaje pequeño?",
        "Mi hijo tiene once años, ¿puede venir?",
    ):
        assert asks_age(asked), asked
        assert asked_fact(asked).name == "age"
    # someone's age in the past is no condition to come
    assert not asks_age("How old was Tesla when he died?")
    assert not asks_age("¿Qué edad tenía Chopin?")
    assert not asks_age("Is the water warm enough?")
    assert not asks_age("¿Es demasiado pequeña la sala?")
    for giving in (
        "Swimming lessons for children aged 5 to 12 run on Saturdays.",
        "Puppies need two vaccinations from eight weeks of age.",
        "Clases para niños a partir de seis años y adultos.",
        "Taman Ceria menerima anak usia 1 sampai 5 tahun.",
        "Children under 8 must be accompanied by an adult.",
        "Camps for 5-year-olds.",
        # from months to years
        "Acogemos a niños de 4 meses a 3 años.",
        "We look after children from 6 months to 5 years.",
        # a lower bound, "or older", "and over"
        "Participants must be 16 or older.",
        "Open to 18s and over.",
        "Children 5 and over swim free.",
        # "the age of" a number
        "Children can join from the age of 8 with an adult.",
        # what one must be, in Spanish
        "El conductor debe tener al menos 23 años y dos años de carné.",
        "Hay que tener 18 años para alquilar.",
        "Hay que tener 16 años de edad.",
    ):
        assert states_age(giving), giving
    for other in (
        "Anak yang demam di atas 38 derajat tidak boleh dititipkan.",
        "Groups of over 10 people get a discount.",
        "We have been open for 10 years.",
        "Groups of 10 or over get a discount.",
        # years held, not of age
        "Hace falta tener dos años de carné.",
    ):
        assert not states_age(other), other


def test_hours_of_a_time_of_year() -> None:
    assert names_season("En agosto abrimos solo por las mañanas de 8:00 a 13:00.")
    assert names_season("In summer the pool opens at 7 am.")
    assert not names_season("Abrimos de martes a domingo de 7:30 a 14:30.")
    assert names_season("In May the office closes at 3 pm.")
    # a verb, not a month; a birthplace, not Christmas
    assert not names_season("Hours may vary; we march on.")
    assert not names_season("Volvemos a mi ciudad natal.")
    assert not names_season("Pasien harus puasa 10 jam sebelum tes darah.")  # a fast
    assert names_season("Selama bulan puasa kami buka pukul 16.00 sampai 23.00.")
    assert names_season("Libur Natal dan Tahun Baru: 24 Desember sampai 1 Januari.")


def test_whether_a_place_is_open_at_a_time_of_year() -> None:
    for question in [
        "¿Cerráis en verano?", "¿Abrís en invierno?", "Are you open in winter?",
        "Do you close over Christmas?", "Apakah buka saat Lebaran?", "Are you open in May?",
        "Apakah buka bulan Agustus?", "Apakah tutup selama bulan puasa?",
        # being on, or held (set FI)
        "Is it on in November?", "Is the market held in winter?",
    ]:  # fmt: skip
        assert asked_fact(question).name == "season", question
    # ... which the months it runs tell
    assert states_season_open("The car boot runs every Sunday from April to October.")
    # a price in a month, a season's weather
    for question in ["How much is a room in August?", "Is it cold here in winter?"]:
        assert asked_fact(question) is None, question
    closed_in_august = "En agosto la escuela permanece cerrada."
    assert states_season_open(closed_in_august)
    assert not states_season_open("Prices rise in August.")
    # a month of the time asked, a span of months (telling any time), all year
    assert tells_season(closed_in_august, "¿Cerráis en verano?")
    assert tells_season("La escuela abre de junio a septiembre.", "¿Abrís en invierno?")
    assert tells_season("We are open all year round.", "Are you open at Christmas?")
    assert tells_season("We close for two weeks over Christmas.", "Do you close at Christmas?")
    assert tells_season("Kami libur tanggal 20 sampai 31 Desember.", "Apakah buka saat Natal?")
    assert tells_season("Selama bulan puasa kami buka sore.", "Apakah buka saat bulan puasa?")
    # ... but not a month of another time, nor a span of weekdays
    assert not tells_season(closed_in_august, "¿Abrís en Navidad?")
    assert not tells_season("Abrimos de lunes a viernes en invierno.", "¿Abrís en verano?")


def test_a_question_asking_at_what_time_something_is_done_and_a_time_of_day() -> None:
    for asked in (
        "What time can I drop my son off?",
        "By what time do I have to collect him?",
        "¿A qué hora podemos entrar?",
        "¿Hasta qué hora puedo poner una lavadora?",
        "Jam berapa bisa dijemput?",
        "Pukul berapa kelas dimulai?",
        "How late can the band play?",
        "How early can we arrive to set up?",
    ):
        assert asked_fact(asked).name == "time", asked
    # ... not how late something was, nor how early it happened
    assert asked_fact("How late did Tesla work until?") is None
    assert asked_fact("How early did Luther have to wake up?") is None
    # opening asks the hours, and "when" asks dates as often as times
    assert asked_fact("What time do you open?").name == "hours"
    assert asked_fact("¿A qué hora abren?").name == "hours"
    assert asked_fact("When can I come?") is None
    # what starts at it is a word of asking: a page need not hold it
    assert asked_fact("Jam berapa mulainya?").words >= {"mulai", "start", "empieza"}
    assert asked_fact("Berapa jam perjalanannya?") is None
    for sentence in (
        "Drop-off is between 8 and 9 am on the day.",
        "La entrada es a partir de las 16:00.",
        "Anak tidur siang pukul 12.30 sampai 14.30.",
        "Lunch is served at noon.",
        # a prayer's time
        "Kelas mengaji setelah Asar.",
        "Kajian rutin bakda Magrib di masjid.",
    ):
        assert states_time(sentence), sentence
    # amounts are not times
    for sentence in ("Grip socks cost £2.50 a pair.", "It costs 12.50 euros.", "Rp75.000 sekali"):
        assert not states_time(sentence), sentence


def test_midday_is_a_part_of_the_day_the_hours_answer() -> None:
    for asked in ("¿Cerráis al mediodía?", "Are you closed at lunchtime?", "Are you open at noon?"):
        assert asks_hours(asked), asked
    assert days_asked("¿Cerráis al mediodía?") == {"mediodía"}
    assert asks_hours("¿Cerráis los domingos?")
    assert not asks_hours("Do you serve lunch?")


def test_where_the_place_is_asked_by_a_word_of_its_own_name() -> None:
    own = frozenset({"tintorería", "la", "perla"})
    assert asked_fact("¿Dónde está la tintorería?", own=own).name == "address"
    assert asked_fact("Bengkelnya di mana?", own=frozenset({"bengkel", "maju"})).name == "address"
    assert (
        asked_fact("Where is the bakery?", own=frozenset({"hilltop", "bakery"})).name == "address"
    )
    # not without the name, nor another place of its kind
    assert asked_fact("¿Dónde está la tintorería?") is None
    assert asked_fact("¿Dónde está la tintorería más cercana?", own=own) is None
    assert asked_fact("¿Dónde está la farmacia?", own=own) is None


def test_a_fact_asked_exactly_is_the_same_fact() -> None:
    wall = frozenset({"tannerside", "climbing", "wall"})
    assert asked_fact("Where exactly is the wall?", own=wall).name == "address"
    assert asked_fact("Where exactly are you?").name == "address"
    assert asked_fact("¿Dónde exactamente estáis?").name == "address"
    assert asked_fact("What time exactly do you open?").name == "hours"
    assert asked_fact("Jam berapa persisnya buka?").name == "hours"
    # ... and asks nothing when the rest asks nothing
    assert asked_fact("Is this the exact price?") is None


def test_a_time_of_year_asked_that_the_quote_gives_only_another_for() -> None:
    july = ["En julio organizamos campamentos de una semana."]
    assert season_of_another("¿Hay campamento en Semana Santa?", july) == "semana santa"
    assert season_of_another("Do you run camps at Christmas?", ["Camps run in July."])
    assert season_of_another("Ada kelas saat bulan puasa?", ["Kelas libur saat Lebaran."])
    # the time itself, one of its months, a span of months, all year: told
    assert season_of_another("¿Hay campamento en julio?", july) is None
    assert season_of_another("¿Hay campamento en verano?", july) is None
    # ... given as between two months
    winter = ["Open 8 am to 6 pm in summer and 8 am to 4 pm between October and March."]
    assert season_of_another("What time do you close in winter?", winter) is None
    assert season_of_another("Do you close at Easter?", winter) is None
    lifeguard = ["A lifeguard watches from May to September only."]
    assert season_of_another("Is there a lifeguard in winter?", lifeguard) is None
    assert season_of_another("¿Abrís en agosto?", ["Abrimos todo el año."]) is None
    # the times it names are the only ones: July is told
    bonfires = ["Bonfires are allowed only in November and February, after 4 pm."]
    assert season_of_another("Can I have a bonfire in July?", bonfires) is None
    assert season_of_another("¿Hay campamento en Semana Santa?", ["Solo en julio."]) is None
    # a quote naming no time of year is the decision's to judge; a date is no season
    assert season_of_another("Is it open in May?", ["Open daily from 9 am."]) is None
    elected = ["He took office in January 2009."]
    assert season_of_another("Who was elected in November 2008?", elected) is None


def test_whether_one_may_come_on_a_day_asks_the_hours() -> None:
    coming = {
        "Can I drop shoes off on a Monday?": {"monday"},
        "¿Puedo pasar un sábado a las cinco de la tarde?": {"sabado", "tarde"},
        "Bisa datang hari Minggu?": {"minggu"},
        "Can we visit in the morning?": {"morning"},
        # dropping by, with the pronoun Spanish joins to it
        "¿Puedo pasarme un domingo por la mañana?": {"domingo", "mañana"},
    }
    for question, days in coming.items():
        assert asks_hours(question) and days_asked(question) == days, question
    # a day without coming, or coming without a day
    for question in ("¿Puedo pagar el sábado?", "Can I pay by card?", "Can I come with a friend?"):
        assert not asks_hours(question), question


def test_someone_of_an_age_told_by_its_number_asks_an_age() -> None:
    for question in (
        "Can my 14-year-old come?",
        "Can my seven-year-old swim on his own?",
        "Mi hijo tiene 5 años, ¿puede venir?",
        "Anak saya umur 4 tahun, boleh ikut?",
        # a child's bare number
        "My son is 12, can he be a member?",
        "My daughter is 7 and loves trains, can she come?",
        "Mi hija tiene 9, ¿puede apuntarse?",
        "Anak saya 7 tahun, boleh ikut?",
    ):
        assert asks_age(question), question
    for question in (
        "Is there a 2 year warranty?",
        "¿La garantía es de 2 años?",
        # a number counting another thing
        "My son is 12 minutes away, can you wait?",
        "Mi hijo tiene 3 perros, ¿pueden venir?",
        "Anak saya 2 orang, boleh ikut?",
    ):
        assert not asks_age(question), question
    assert states_age("Under-16s may swim only with a parent.")
    assert states_age("Over-60s get a discount.")


def test_on_which_day_and_a_sentence_naming_one() -> None:
    for question in (
        "¿Qué día son las clases?",
        "What night does the club meet?",
        "Kursusnya tiap hari apa saja?",
        "¿Cuáles días abrís?",
        # when an event is, by its name
        "When is the show?",
        "¿Cuándo es la próxima cata?",
        "When are the junior sessions?",
    ):
        assert asks_day(question), question
    assert asked_fact("¿Qué día ensayan los adultos?").name == "day"  # type: ignore[union-attr]
    # when an event is: a sentence naming a day and the event, in all its words
    cata = "¿Cuándo es la próxima cata?"
    day = asked_fact(cata)
    assert day is not None and day.name == "day"
    assert day.given_in("El primer sábado de cada mes hacemos una cata de cafés.", cata)
    for sentence, asked in (
        ("The shop is open on Sunday mornings.", "When is the rent due?"),
        ("The Ouseburn Festival is held on a weekend in July.", "When is the Evolution Festival?"),
    ):
        assert not day.given_in(sentence, asked), asked
    for question in (
        "How many days does the course last?",
        "¿Qué tal el día?",
        "When was the castle built?",
        "When are you open?",
    ):
        assert not asks_day(question), question
    assert states_day("Los jueves de 18:00 a 20:30.")
    assert states_day("Open every day from 9 am.")
    assert not states_day("The course lasts eight weeks.")


def test_whether_one_pays_and_a_sentence_giving_a_price_or_free() -> None:
    for question in (
        "Do I have to pay for a repair?",
        "Is parking free?",
        "¿Hay que pagar por el presupuesto?",
        "¿La primera clase es gratis?",
        "Anak yatim bayar tidak?",
        "Harus bayar untuk parkir?",
        # in two words, the paying last
        "Pinjam buku bayar?",
        "Do we pay for parking?",
        # anyone paying; a clause of when it is done asks nothing open
        "Do parents have to pay?",
        "Do kids pay to get in?",
        "Do we pay anything when booking a party?",
        # of whom, the paying last
        "Do teenagers pay?",
        "¿Los jubilados pagan?",
    ):
        assert asks_whether_paid(question), question
    assert asked_fact("Do I have to pay for a repair?").name == "paid"  # type: ignore[union-attr]
    for question in (
        "How do I pay?",
        "¿Dónde se paga?",
        "Is it open on Sunday?",
        # when one pays is another question
        "Kapan saya harus bayar?",
        "When do I have to pay?",
        # whether one can pay at all; who pays
        "Bisa bayar?",
        "Kalau kameranya rusak siapa yang bayar?",
    ):
        assert not asks_whether_paid(question), question
    # a sentence on charging answers it as a price does
    assert states_paid("No cobramos matrícula si te apuntas en enero.")
    assert states_paid("Juniors play free.")
    assert not states_paid("We meet on Tuesday evenings.")
    assert not states_paid("The café takes place on the first Saturday.")


def test_whether_something_is_included_and_a_sentence_saying_so() -> None:
    for question in (
        "Is food included?",
        "Is breakfast included in the price?",
        "Are the ferry tickets also included?",
        "¿El seguro va aparte?",
        "¿Las cuerdas entran en el precio?",
        "¿Está incluido el desayuno?",
        "Sudah termasuk sarapan?",
        # paid again is paid on top, and so is bought again
        "Kontrolnya bayar lagi?",
        "Seragam beli lagi nggak?",
        "¿Hay que pagar aparte el casco?",
        "¿El cuero lo pago aparte?",
        # ... or whether they provide it
        "¿El neopreno lo ponéis vosotros?",
        "Do you provide towels?",
        "Sudah dapat makan?",
        # ... or who pays for it
        "Bensin ditanggung siapa?",
        "Who pays for the fuel?",
        "¿Quién paga la gasolina?",
    ):
        assert asks_whether_paid(question), question
    # who pays when something breaks is not whether a thing is included
    assert not asks_whether_paid("Kalau kameranya rusak, ditanggung siapa?")
    assert not asks_whether_paid("Who pays if the van breaks down?")
    # what is included is asked openly: another question
    assert not asks_whether_paid("What is included?")
    for sentence in (
        "Lunch and all tools are provided.",
        "La cuota anual incluye el seguro federativo.",
        "Un ajuste completo cuesta 45 euros, cuerdas aparte.",
        "Harga sudah termasuk sarapan.",
    ):
        assert states_paid(sentence), sentence
    # ... of what the question names, or its kin: a meal of "food"
    paid = asked_fact("Is food included?")
    assert paid.given_in("Lunch and all tools are provided.", "Is food included?")
    check_up = "Kontrolnya bayar lagi?"
    assert asked_fact(check_up).given_in("Harga sudah termasuk obat, kontrol satu kali.", check_up)
    assert not asked_fact("¿El casco va incluido?").given_in(
        "La bici de montaña cuesta 15 euros el día.", "¿El casco va incluido?"
    )


def test_a_word_of_a_kin_is_held_when_a_page_holds_another() -> None:
    """A school's "clases" are its "cursos"; joining is enrolling ("apuntarse" of a page
    giving "la matrícula"). Other words are held only as themselves."""
    from agents.asked_facts import held_by_kin

    assert held_by_kin("clases", ["El curso de costura empieza en octubre."])
    assert held_by_kin("apuntarse", ["La matrícula es de 20 euros."])
    assert held_by_kin("join", ["Membership is £15 a year."])
    assert not held_by_kin("clases", ["La tienda abre a las 10:00."])
    assert not held_by_kin("piscina", ["El curso de natación empieza en octubre."])
    # what is sold together, by another of its names
    assert held_by_kin("deal", ["The Grand Prix package costs £55."])
    # getting in, by the page's word for it; not a ticket ("la entrada")
    assert held_by_kin("entrar", ["Se accede con un código todos los días de 7:00 a 23:00."])
    assert not held_by_kin("entrar", ["La entrada cuesta 8 euros."])
    assert not held_by_kin("deal", ["An open session costs £22."])
    # a beard and seats, by another of their words
    assert held_by_kin("brewok", ["Kami melayani cukur jenggot."])
    # the first of them, by the page's "initial"
    assert held_by_kin("pertama", ["Asesmen awal Rp250.000, berlangsung 60 menit."])
    assert held_by_kin("first", ["An initial consultation is free."])
    assert held_by_kin("asientos", ["Limpiamos tapicerías por 60 euros."])
    assert not held_by_kin("asientos", ["Pulimos faros por 30 euros."])


def test_a_number_and_over_gives_an_age_asked() -> None:
    from agents.asked_facts import gives_age

    assert asked_fact("Can I bring my 16-year-old son?").name == "age"
    assert gives_age("Visitors must be 18 or over to join a tour.")
    assert gives_age("Solo para mayores de 16 años.")
    assert not gives_age("Groups of 10 or more get a discount.")


def test_where_they_meet_and_a_place_named_by_its_kind() -> None:
    """ "Where do we meet?" asks where it is held, which a building or ground named by
    its kind answers; where the place is, asked, is not answered by its own hall."""
    from agents.asked_facts import asks_venue, states_venue

    for asked in (
        "Where do we meet?",
        "Where is it held?",
        "¿Dónde os reunís?",
        "Latihannya di mana?",
        "Where do we meet you?",
        # ... and where the service gives its classes (set FA)
        "¿Dónde dais las clases?",
        "Where do you hold the lessons?",
        # ... and where one picks a thing up or drops it off
        "Where do I pick tools up?",
        "Where can we drop the bags off?",
        "¿Dónde se recogen los pedidos?",
        "Ambilnya di mana?",
    ):
        assert asks_venue(asked), asked
        assert asked_fact(asked).name == "venue", asked
    for asked in ("Where do you sell tickets?", "Where can I park?", "Where do you deliver?"):
        assert not asks_venue(asked), asked
    for sentence in (
        "Club swims start from the slipway by the lifeboat station.",
        "The band practises in the church tower.",
        "The café takes place in St Mark's church hall.",
        # ... a farm's building, a mill, a studio
        "Our classes run on Monday evenings in the old dairy at Coombe Farm.",
        "Los talleres son los martes en la antigua granja de Valdelobos.",
        "Latihan menari setiap Minggu pagi di sanggar kami.",
    ):
        assert states_venue(sentence), sentence
    # a kind of place alone says where it is held, not where the place is
    assert not states_location("The band practises in the church tower.")
    assert not states_venue("Sessions last 50 minutes.")


def test_whether_one_may_come_at_an_hour_asks_a_time() -> None:
    """ "Kami boleh datang jam 12 siang?" is answered by a check-in time; the hour asked
    names nothing (not "12 derajat")."""
    for question in (
        "Kami boleh datang jam 12 siang?",
        "Can we come at 9?",
        "¿Puedo llegar a las 8?",
    ):
        assert asked_fact(question).name == "time", question  # type: ignore[union-attr]
    assert asked_fact("Can I come on a Sunday?").name == "hours"  # type: ignore[union-attr]


def test_which_day_a_place_is_closed_is_told_by_the_days_it_opens() -> None:
    closed = asked_fact("Butiknya tutup hari apa?")
    assert closed is not None and closed.name == "day"
    assert "tutup" in closed.words


def test_a_sentence_naming_what_it_tells_only_in_the_one_before() -> None:
    """ "It takes two minutes at the till" tells how long signing up for Gift Aid takes,
    read after "...sign up for Gift Aid..."."""
    question = "How long does it take to sign up for Gift Aid?"
    fact = asked_fact(question)
    before = "Sign up for Gift Aid and the hospice claims 25p more for every pound."
    assert not fact.given_in("It takes two minutes at the till.", question)  # type: ignore[union-attr]
    assert fact.given_in("It takes two minutes at the till.", question, before=before)  # type: ignore[union-attr]


def test_an_age_in_years_is_no_length_of_time() -> None:
    from agents.asked_facts import states_length_of_time

    assert not states_length_of_time("Robótica Junior, para niños de 6 a 9 años.")
    assert not states_length_of_time("Anak usia 5 tahun ke atas.")
    assert states_length_of_time("Las clases son semanales, de hora y media.")
    assert states_length_of_time("La garantía dura 2 años.")
    # a time after something is how long it takes; a time before it is notice
    assert states_length_of_time("Stempel selesai dalam satu jam setelah desain disetujui.")
    assert states_length_of_time("Frames are ready five days after you order.")
    assert not states_length_of_time("Cancel up to 72 hours before the workshop.")
    # weekends are a length of time
    assert states_length_of_time("El curso dura dos fines de semana.")
    assert states_length_of_time("The course runs over two weekends.")


def test_whether_one_pays_for_what_a_page_names_is_told_by_it() -> None:
    """ "¿Se paga matrícula?" of "No hay matrícula": a sentence on a joining fee speaks
    of paying; grown-ups are adults ("Do parents have to pay?" of "Adults go free")."""
    from agents.asked_facts import held_by_kin

    assert states_paid("No hay matrícula.")
    assert held_by_kin("parents", ["Adults go free."])
    # a grown-up as the asker writes it ("grown-up": "grown", "up")
    assert held_by_kin("grown", ["Admission is £7.50 for adults."])
    # sending, in the asker's word and the page's
    assert held_by_kin("mandarme", ["Enviamos lana a toda España por 4,95 euros."])
    assert asks_whether_paid("Diantar ke rumah bayar ongkir?")
    # a child in Spain's everyday word, of a page giving an age
    assert children_by_age("chaval", ["Clases para jóvenes de 12 a 17 años."])
    # making, in everyday Indonesian and the page's word
    assert held_by_kin("bikin", ["Kami membuat stempel kayu."])
    # mending, in the asker's word and the page's
    assert held_by_kin("arreglar", ["Una silla de enea se repara en tres semanas."])
    assert not held_by_kin("arreglar", ["Vendemos sillas de enea."])


def test_still_open_and_coming_at_weekends_ask_the_hours() -> None:
    for question in (
        "Malam-malam jam sepuluh masih buka?",
        "Are you still open at 6?",
        "¿Venís también los fines de semana?",
    ):
        assert asked_fact(question).name == "hours", question  # type: ignore[union-attr]


def test_a_part_of_the_day_named_tells_the_hours_only_of_opening() -> None:
    """ "¿Venís un domingo por la noche?" is not answered by the night's price; "Por las
    tardes cerramos" answers "¿Abren por la tarde?"; a service on call all day gives its
    hours ("Atendemos urgencias las 24 horas")."""
    from agents.asked_facts import days_asked, states_hours, tells_days

    night = days_asked("¿Venís un domingo por la noche?")
    assert not tells_days("Abrir una puerta cuesta 100 euros de noche.", night)
    afternoon = days_asked("¿Abren por la tarde?")
    assert tells_days("Por las tardes cerramos.", afternoon)
    assert states_hours("Atendemos urgencias las 24 horas, también los festivos.")


def test_hours_to_noon_or_from_it_and_a_day_asked_before_its_opening() -> None:
    """Noon ends or begins a range of hours; "Until what time are you open tonight?"
    asks the hours; a day asked before the word of opening, or before coming ("Minggu
    pagi saya bisa datang?"), asks whether they are open on it. Next week is no Sunday."""
    assert states_hours("Open daily from noon to 10 pm.")
    assert states_hours("Abrimos de mediodía a 16:00.")
    assert not states_hours("We rest in the afternoon to recover.")
    assert not states_hours("From noon to dusk the park is busy.")
    assert asks_hours("Until what time are you open tonight?")
    assert asked_fact("Until what time are you open tonight?").name == "hours"
    for question, day in (
        ("Un lunes a primera hora, ¿os pillo abiertos?", "lune"),
        ("On Sundays, are you open?", "sunday"),
        ("Minggu pagi saya bisa datang?", "minggu"),
    ):
        assert asks_hours(question), question
        assert day in days_asked(question), question
    assert not asks_hours("Minggu depan saya bisa datang?")
    assert not asks_hours("On Sundays the market is busy, is parking free?")
    assert not asks_hours("Are the Saturday classes open to beginners?")


def test_a_day_asked_first_of_them_being_there_and_an_age_in_words() -> None:
    """ "¿El viernes por la tarde estáis?" asks whether they are open then, as "...estáis
    abiertos?" does; where they are on a day is the address. "aged one to four" is an
    age, as "aged 1 to 4" is; "under one roof" is none."""
    for question in ("¿El viernes por la tarde estáis?", "Los sábados, ¿están?"):
        assert asked_fact(question).name == "hours", question
    assert asked_fact("¿El lunes dónde estáis?").name == "address"
    assert states_age("Toddlers aged one to four are £5.50.")
    assert states_age("Para niños de edad de cinco a diez años.")
    assert not states_age("Everything is under one roof.")


def test_how_early_to_come_is_a_notice_of_minutes() -> None:
    """ "How early should we turn up?" is answered by "arrive 30 minutes before your
    slot", a length of time in minutes before it; not by a sentence giving no length."""
    fact = asked_fact("How early should we turn up?")
    assert fact is not None and fact.name == "notice"
    assert fact.given_in(
        "Please arrive 30 minutes before your slot.", "How early should we turn up?"
    )
    assert not fact.given_in("Please arrive early.", "How early should we turn up?")
    assert states_notice("Llegad 15 minutos antes de la clase.")


def test_whether_their_people_come_on_a_day_asks_the_hours() -> None:
    """ "Tukangnya mau datang hari Minggu?" asks whether the worker comes on Sunday; the
    page's working days answer it, and the worker need not be named there."""
    for question in (
        "Tukangnya mau datang hari Minggu?",
        "¿Puede venir el técnico un sábado?",
        "Can someone come out on a Saturday?",
    ):
        assert asked_fact(question).name == "hours", question
        assert asked_fact(question).words & {"tukangnya", "técnico", "someone"}, question
    assert asked_fact("Can you deliver on a Sunday?") is None


def test_a_month_named_or_in_a_span_of_months_is_held() -> None:
    prices = ["Saturdays from May to September cost £6,500."]
    assert month_held("June", prices) and month_held("may", prices)
    assert not month_held("October", prices) and not month_held("Saturday", prices)
    winter = ["Abrimos de noviembre a febrero."]
    assert month_held("diciembre", winter) and not month_held("junio", winter)
    assert month_held("Juni", ["Harga naik pada bulan Juni."])


def test_a_public_holiday_by_its_name_is_held_by_a_page_naming_holidays() -> None:
    """ "Are you open on Easter Monday?" of "closed on bank holidays" (set EI)."""
    shut = ["We are open Monday to Saturday, 8.30am to 6pm, and closed on bank holidays."]
    asked = "Are you open on Easter Monday?"
    assert holiday_held("easter", asked, shut) and holiday_held("monday", asked, shut)
    assert holiday_held("merah", "Tanggal merah buka?", ["Buka termasuk hari libur nasional."])
    assert holiday_held("reyes", "¿Abrís el día de Reyes?", ["Cerramos los festivos."])
    # a page naming no holiday tells nothing of one
    assert not holiday_held("easter", asked, ["We are open Monday to Saturday."])
    assert not holiday_held("monday", "Are you open on Monday?", shut)
    # ... and a sentence on holidays tells a holiday asked as a time of year, not a month
    holidays = "Apotek buka setiap hari, termasuk hari libur."
    assert states_season_open(holidays) and tells_season(holidays, "Buka waktu Lebaran?")
    assert not tells_season(holidays, "Buka waktu bulan puasa?")


def test_the_day_asked_first_with_a_spanish_verb_asks_the_hours() -> None:
    """ "¿Los viernes abrís?" (set EI) asks as "¿Abrís los viernes?" does."""
    for asked in ("¿Los viernes abrís?", "¿El domingo cierran?", "¿Los sábados trabajáis?"):
        assert asked_fact(asked).name == "hours", asked
    assert asked_fact("¿El lunes dónde estáis?").name == "address"


def test_a_time_of_year_is_held_by_a_page_saying_all_year() -> None:
    """ "Bisa daftar pertengahan tahun?" of "Pendaftaran dibuka sepanjang tahun"."""
    all_year = ["Pendaftaran dibuka sepanjang tahun."]
    asked = "Bisa daftar pertengahan tahun?"
    assert held_all_year("pertengahan", asked, all_year)
    assert held_all_year("agosto", "¿Abrís en agosto?", ["Abrimos todo el año."])
    assert not held_all_year("pertengahan", asked, ["Pendaftaran dibuka bulan Juli."])
    # a word of the question outside its time of year is not
    assert not held_all_year("akhir", "Bisa bayar di akhir?", all_year)


def test_the_age_of_adults_unnumbered_is_an_age() -> None:
    """ "Hay que ser mayor de edad" answers "Tengo 17 años, ¿puedo adoptar?" as "18 or
    over" does; "Do you charge for postage?" asks whether one pays."""
    for giving in (
        "Para adoptar hay que ser mayor de edad.",
        "Los menores de edad deben venir con un adulto.",
        "The bar is for adults only.",
        "Peserta harus sudah cukup umur.",
    ):
        assert states_age(giving), giving
    assert not states_age("La edad media de nuestros socios es alta.")
    assert asks_whether_paid("Do you charge for postage?")
    assert not asks_whether_paid("Do you charge phones in the café?")


def test_a_childs_age_without_years_and_buying_ones_own() -> None:
    """ "Anak umur 11 boleh ikut?" gives an age as "umur 11 tahun" does; "Harus beli
    hakpen sendiri?" asks whether it is included, which a sentence naming it answers."""
    assert asks_age("Anak umur 11 boleh ikut?")
    assert asks_age("Anak saya umur 7, bisa daftar?")
    for question in (
        "Harus beli hakpen sendiri?",
        "Do I need to buy my own chalk?",
        "¿Tengo que comprar el material?",
    ):
        assert asks_whether_paid(question), question
    fact = asked_fact("Harus beli hakpen sendiri?")
    assert fact is not None and fact.name == "paid"
    included = "Biaya Rp450.000 sudah termasuk benang, hakpen dan jarum rajut."
    assert fact.given_in(included, "Harus beli hakpen sendiri?")
    assert not fact.given_in(included, "Harus beli kain sendiri?")


def test_open_on_a_day_people_in_a_group_a_schedule_and_a_carrier() -> None:
    """ "¿Estáis abiertos el lunes?" asks the hours; "¿Cuántos van en cada grupo?" how many
    people; "Jadwal kelasnya hari apa?" the day ("jadwal" only asks it); "Kirim pakai
    ekspedisi apa?" of delivering (the carrier is the page's to name)."""
    from agents.asked_facts import asked_fact

    assert asked_fact("¿Estáis abiertos el lunes?").name == "hours"
    assert asked_fact("¿Cuántos van en cada grupo?").name == "people"
    day = asked_fact("Jadwal kelasnya hari apa?")
    assert day.name == "day" and "jadwal" in day.words
    carrier = asked_fact("Kirim pakai ekspedisi apa?")
    assert carrier.name == "delivering" and {"pakai", "ekspedisi"} <= carrier.words
    assert "feed" in asked_fact("How many people will two tiers feed?").words
    assert "aprender" in asked_fact("Mi hijo tiene 4 años, ¿puede aprender?").words


def test_children_from_a_bare_number_and_when_it_will_be_ready() -> None:
    """ "Children from 8 can fly" gives an age ("Can my 9 year old fly?"); "When will the
    painting be ready?" and "Cetakannya jadi kapan?" ask how long it takes."""
    from agents.asked_facts import states_age
    from agents.asked_measures import asks_duration

    assert states_age("Children from 8 can fly with a parent's signed consent.")
    assert states_age("Los niños desde 6 pueden venir solos.")
    assert not states_age("Children from 8am to noon in the hall.")
    assert asks_duration("When will the painting be ready?")
    assert asks_duration("¿Cuándo estará listo el traje?")
    assert asks_duration("Cetakannya jadi kapan?")
    assert not asks_duration("When is the rest due?")
    # the result asked for is the work's, no term a page must hold: "Hasil fotonya kapan
    # jadi?" of "File foto dikirim dalam 3 hari kerja"
    assert "hasil" in asked_fact("Hasil fotonya kapan jadi?").words
    assert "results" in asked_fact("When will the results be ready?").words


def test_a_discount_by_any_of_its_names() -> None:
    from agents.asked_facts import held_by_kin

    assert held_by_kin("potongan", ["Diskon 10% untuk pelajar dan mahasiswa."])
    assert held_by_kin("discount", ["A 10% reduction for students."])
    assert not held_by_kin("potongan", ["Harga Rp1.500.000 termasuk modul."])


def test_leaving_it_on_a_day_a_span_to_the_end_of_a_month_and_a_duration_by_its_word() -> None:
    """ "¿Puedo dejarlo un domingo?" asks the hours; "April to the end of September" spans
    November out ("Can I have a lesson in November?" is answered by it); "Durasi tiap
    pertemuan berapa menit?", "¿Cuántas horas es cada sesión?" and "Pasangnya sehari
    selesai?" ask how long."""
    from agents.asked_facts import asked_fact, month_held, season_of_another
    from agents.asked_measures import asks_duration

    assert asked_fact("¿Puedo dejarlo un domingo?").name == "hours"
    lessons = ["Lessons run from April to the end of September."]
    assert season_of_another("Can I have a lesson in November?", lessons) is None
    assert month_held("june", lessons)
    assert not month_held("november", lessons)
    for asked in (
        "Durasi tiap pertemuan berapa menit?",
        "¿Cuántas horas es cada sesión?",
        "Pasangnya sehari selesai?",
        "What is the duration of the course?",
        # (set FH)
        "¿Cuánto se tarda en hacer un circuito?",
    ):
        assert asks_duration(asked), asked


def test_a_guarantees_length_is_not_how_long_the_work_takes() -> None:
    took = "¿Cuánto tardáis?"
    duration = asked_fact(took)
    assert not duration.given_in("Todas las reparaciones tienen 6 meses de garantía.", took)
    assert duration.given_in("La mayoría de las reparaciones están listas en una hora.", took)
    # ... unless the guarantee is asked, or the sentence gives another length too
    held = "Garansinya berapa lama?"
    assert asked_fact(held).given_in("Sparepart yang diganti bergaransi 3 bulan.", held)
    both = "Repairs take two days and come with a 3 month guarantee."
    assert asked_fact("How long do repairs take?").given_in(both, "How long do repairs take?")


def test_an_indonesian_period_is_no_thing_priced() -> None:
    from agents.answerability import asked_things

    assert asked_things("Iurannya sebulan berapa?") == []


def test_booking_with_at_least_a_time_included_asked_bare_luggage_and_fitting_in() -> None:
    """ "Reserve con al menos 24 horas" gives the notice "¿Con cuánta antelación hay que
    reservar?" asks; "Aksesorisnya termasuk?" asks whether it is included; suitcases are
    luggage; "¿cabemos?" asks how many people."""
    from agents.asked_facts import asked_fact, held_by_kin, states_notice, tells_notice

    asked = "¿Con cuánta antelación hay que reservar?"
    said = "Reserve con al menos 24 horas por WhatsApp o web."
    assert states_notice(said) and tells_notice(said, asked)
    assert states_notice("Please book at least two days ahead.")
    assert asked_fact("Aksesorisnya termasuk?").name == "paid"
    assert held_by_kin("maletas", ["con equipaje incluido"])
    assert asked_fact("Somos 6, ¿cabemos en un coche?").name == "people"


def test_an_age_over_or_one_must_be_a_call_on_a_day_and_where_it_is_set_up() -> None:
    """ "over 18s only" and "You must be 16" give an age (not "under 60 seconds", nor
    "must be 10 minutes early"); calling on a day asks the hours; "¿Dónde se pone?" and
    "¿Dónde llevo la ropa?" ask where (not "¿Dónde se pone la crema?"), which "en la
    parroquia" tells; a grandmother is of the old's kin."""
    from agents.asked_facts import held_by_kin, states_venue

    assert states_age("Disco nights are on Fridays from 8pm to 11pm, over 18s only.")
    assert states_age("You must be 16 on the day of the exam.")
    assert not states_age("You must swim 50 metres in under 60 seconds.")
    assert not states_age("You must be 10 minutes early.")
    asked = "Can I call you on a Sunday night?"
    assert asked_fact(asked).name == "hours"
    assert "sunday" in days_asked(asked)
    assert asked_fact("¿Dónde se pone?").name == "venue"
    assert asked_fact("¿Dónde llevo la ropa que ya no uso?").name == "venue"
    assert asked_fact("¿Dónde se pone la crema?") is None
    assert states_venue("Recogemos ropa y juguetes en la parroquia los martes por la tarde.")
    assert held_by_kin("nenek", ["Potong rambut pria, anak dan lansia."])


def test_available_on_a_day_a_schedule_by_the_month_learners_and_a_song() -> None:
    """ "Are you available on Mondays?" asks the hours; hours given with a span of months
    tell a month asked; "murid" are the school's "siswa", "un tema" its "canción";
    "acercar los huevos a casa" asks and "te los llevamos a casa" tells delivering."""
    from agents.asked_delivering import speaks_of_delivering
    from agents.asked_experience import states_experience
    from agents.asked_facts import held_by_kin

    assert asks_hours("Are you available on Mondays?")
    assert states_season_open("Salimos cada día de 10:00 a 13:00 de junio a septiembre.")
    assert not states_season_open("Salimos desde el puerto de Cangas.")
    assert held_by_kin("murid", ["Maksimal 6 siswa per kelas."])
    assert held_by_kin("tema", ["La mezcla de una canción cuesta 90 euros."])
    assert asked_fact("Muridnya per kelas ada berapa?").name == "people"
    assert asked_fact("¿Me podéis acercar los huevos a casa?").name == "delivering"
    assert speaks_of_delivering("Pide por WhatsApp y te los llevamos a casa los jueves.")
    assert states_experience("No se necesita experiencia.")


def test_notice_by_how_long_before_running_in_a_month_and_a_group_numbering_itself() -> None:
    """ "Harus pesan berapa lama sebelum acara?" and "¿Con cuántos días de margen...?"
    ask the notice, not a duration; "Do you go out in March?" asks the season, which a
    schedule by the month tells; "Somos 12, ¿nos la hacéis?" asks how many people."""
    assert asked_fact("Harus pesan berapa lama sebelum acara?").name == "notice"
    assert asked_fact("¿Con cuántos días de margen hay que avisaros?").name == "notice"
    assert asked_fact("Do you go out in March?").name == "season"
    assert states_season_open("Trips leave at 9am and 2pm from April to October.")
    assert asked_fact("Somos 12, ¿nos la hacéis?").name == "people"
    assert asked_fact("We're a group of 8, can you fit us in?").name == "people"
    assert asked_fact("¿Hay que haber hecho teatro antes?").name == "experience"


def test_where_we_meet_or_stay_counted_children_and_teachers_and_a_season_from_easter() -> None:
    """ "¿Dónde nos encontramos?", "¿Dónde se alojan los chavales?" and "¿Dónde se
    entrena?" ask where, which "El punto de encuentro es..." and "en un albergue" tell;
    "¿A qué hora quedamos?" asks a time; children and teachers are counted as people;
    "from Easter to October" tells September; "¿en cuántos días lo tengo?" asks the
    arrival; one session's hours are its duration."""
    from agents.asked_facts import held_by_kin, states_venue, tells_season

    assert asked_fact("¿Dónde nos encontramos?").name == "venue"
    assert asked_fact("¿Dónde se alojan los chavales?").name == "venue"
    assert asked_fact("¿Dónde se entrena?").name == "venue"
    assert states_venue("El punto de encuentro es la oficina de turismo de Deltebre.")
    assert states_venue("Los niños duermen en un albergue de la sierra de Madrid.")
    assert asked_fact("¿A qué hora quedamos?").name == "time"
    assert asked_fact("Sekelas isinya berapa anak?").name == "people"
    assert asked_fact("Anak berapa tahun boleh ikut?") is None or (
        asked_fact("Anak berapa tahun boleh ikut?").name != "people"
    )
    assert asked_fact("Gurunya ada berapa?").name == "people"
    assert held_by_kin("gurunya", ["Satu kelas maksimal 8 anak dengan 2 pengajar."])
    said = "The station is open from 10am to 4pm, Tuesday to Sunday, from Easter to October."
    assert tells_season(said, "Are you open in September?")
    assert asked_fact("Si pido hoy, ¿en cuántos días lo tengo?").name == "arrival"
    assert asked_fact("Sekali kelas berapa jam?").name == "duration"
    assert asked_fact("Tiap pertemuan lamanya berapa?").name == "duration"


def test_a_day_asked_of_pages_naming_none() -> None:
    riding = ["Training starts at 8.30am at our yard on Kirkgate, Thirsk."]
    for asked in (
        "Can I do my CBT on a Sunday?",
        "Is Thirsk racecourse open on Saturdays?",
        "¿Hay clase los sábados?",
        "Ada kelas hari Minggu?",
    ):
        assert day_unnamed(asked, riding), asked
    # a weekend is as often a length of stay
    assert not day_unnamed("Can I book just a weekend?", riding)
    # a page naming a day, every day or the whole week tells of the day asked
    for telling in (
        "Classes run on Tuesdays.",
        "We ride every day from 8.30am.",
        "Training seven days a week.",
        "Abrimos toda la semana.",
        "Kelas setiap hari.",
        "Atendemos urgencias las 24 horas, también los festivos.",
    ):
        assert not day_unnamed("Can I do my CBT on a Sunday?", [telling]), telling
    # a week is no day ("per minggu"), nor is a question naming none
    assert not day_unnamed("Berapa kali latihan per minggu?", riding)
    assert not day_unnamed("What time do you start?", riding)


def test_when_to_pay_how_soon_a_road_kilometre_and_cancelling_unspoken() -> None:
    """When the rest is paid is told by the balance's date; how soon they can start, by
    how far ahead they are booked, not by a course's length; where a farm is, by a
    road's kilometre, not by how far it is from town; the asker cancelling, of pages
    never speaking of it, is unanswered (weather calling a trip off is another
    question)."""
    from agents.asked_facts import cancelling_unspoken, gives_address, states_location

    for asked in ("When do I have to pay the rest?", "Pelunasannya kapan?", "¿Cuándo se paga?"):
        assert asked_fact(asked).name == "when_paid", asked
    paid = asked_fact("When do we pay the balance?")
    assert paid.given_in("The balance is due four weeks before the wedding.", "x")
    assert not paid.given_in("A three-tier cake serves about 90 guests.", "x")
    for asked in ("How soon could you start?", "¿Cuándo podéis empezar?", "Kapan bisa mulai?"):
        assert asked_fact(asked).name == "wait", asked
    wait = asked_fact("How soon could you start?")
    assert wait.given_in("Work is currently booked about eight weeks ahead.", "x")
    assert not wait.given_in("Our two-day course runs every month.", "x")
    assert asked_fact("How soon can I get my certificate back?").name == "duration"
    km = "Estamos en el kilómetro 7 de la carretera de Chinchón."
    assert states_location(km) and gives_address(km)
    assert not gives_address("Estamos a 5 km del centro.")
    cakes = ["Orders need a £100 deposit; the balance is due four weeks before the wedding."]
    assert cancelling_unspoken("What happens if we cancel the wedding?", cakes)
    assert cancelling_unspoken("Kalau batal uangnya kembali?", cakes)
    assert not cancelling_unspoken(
        "What happens if I cancel?", ["Cancel up to 48 hours before for a full refund."]
    )
    assert not cancelling_unspoken("¿Qué pasa si anulo?", ["El depósito no se devuelve."])
    assert not cancelling_unspoken("Do you cancel if it rains?", cakes)


def test_food_is_held_by_a_meal_and_footwear_asks_what_to_wear() -> None:
    from agents.asked_facts import food_held

    course = ["Tools, gloves and a hot lunch are included; bring steel toe-capped boots."]
    assert food_held("food", course)
    # not the other way: lunch given says nothing of breakfast
    assert not food_held("breakfast", course)
    assert not food_held("food", ["Tools and gloves are included."])
    for asked in ("What footwear do I need?", "¿Qué calzado necesito?", "Pakai sepatu apa?"):
        assert asked_fact(asked).name == "bring", asked


def test_called_out_at_night_asks_the_hours_and_24_hours_every_day_gives_them() -> None:
    from agents.answerability import asked_things
    from agents.asked_facts import states_hours

    for asked in ("Bisa dipanggil tengah malam?", "Can you come out at night?"):
        assert asked_fact(asked).name == "hours", asked
        # the time of night is no thing the pages must name
        assert asked_things(asked) == [], asked
    assert states_hours("Kami melayani buka kunci rumah dan mobil, 24 jam setiap hari.")
    assert not states_hours("Cancel up to 24 hours before.")
    # a kind of class at night stays a thing
    assert asked_things("Ada kelas malam?", "id") == ["kelas", "malam"]


def test_paying_up_front_a_radius_answering_for_a_place_and_a_time_left_to_the_sentence_before() -> (
    None
):
    from agents.answerability import read_with
    from agents.asked_area import tells_area_asked

    for asked in ("Do I pay up front?", "¿Se paga por adelantado?", "Bayar di muka?"):
        assert asked_fact(asked).name == "when_paid", asked
    paid = asked_fact("Do I pay up front?")
    assert paid.given_in("Payment is by card or bank transfer once the job is done.", "x")
    # a place asked of a sentence serving within a distance: the asker knows how far
    area = asked_fact("Do you come out to Market Harborough?")
    assert area.name == "area"
    radius = "We cover Leicester and villages within 15 miles."
    assert tells_area_asked(radius, "Do you come out to Market Harborough?")
    assert not tells_area_asked("We cover Leicester.", "Do you come out to Market Harborough?")
    # "Suele estar lista..." times what the sentence before names
    before = "La puesta a punto básica cuesta 35 euros."
    assert read_with("Suele estar lista en dos días.", before).startswith(before)


def test_coming_at_an_hour_said_in_words() -> None:
    """ "¿Puedo pasar a las cinco de la tarde?" of "de 16 a 19 h" was declined: the hour
    in words, the part of the day after "de la" (set EF)."""
    assert asks_hours("¿Puedo pasar a las cinco de la tarde?")
    _each_asks(
        "time", "Can we come at five?", "Boleh datang jam tujuh?", "¿Puedo llegar a las ocho?"
    )
    # a number that is no hour, and an afternoon's class asked about, not a time to come
    for question in ["Can we come with five friends?", "¿Puedo pasar la tarde aquí?"]:
        fact = asked_fact(question)
        assert fact is None or fact.name not in ("time", "hours"), question


def test_bought_apart_asks_whether_it_is_included() -> None:
    """ "Buku pelajarannya harus beli terpisah?" of "buku sudah termasuk" was declined
    (set EG): bought apart is paid apart."""
    _each_asks(
        "paid",
        "Buku pelajarannya harus beli terpisah?",
        "Do I buy the book separately?",
        "¿El libro se compra aparte?",
    )


def _each_asks(name: str, *questions: str) -> None:
    for question in questions:
        fact = asked_fact(question)
        assert fact is not None and fact.name == name, question


def test_a_lowest_age_and_its_number_is_an_age() -> None:
    """ "Is it OK for my 12-year-old to join?" of a paddleboard class is answered by "The
    minimum age is 14", which an age asked looks for; a minimum of other things is not
    one."""
    for giving in (
        "The minimum age is 14.",
        "The minimum age for lessons is 8, and under-12s swim with a parent.",
        "La edad mínima, 6 años con autorización.",
        "Usia minimal penyewa 21 tahun.",
        "Minimum age: 12",
    ):
        assert states_age(giving), giving
    for other in (
        "The minimum age is 10.30 am.",
        "Minimum order 20 units.",
        "The minimum age is 14 people",
    ):
        assert not states_age(other), other


def test_how_often_is_no_length_of_time() -> None:
    """ "Ngurasnya lama nggak?" of a tank cleaner: "dikuras setiap enam bulan" says how
    often, "sekitar satu jam" how long."""
    from agents.asked_facts import states_length_of_time

    assert not states_length_of_time("Kami sarankan toren dikuras setiap enam bulan.")
    assert not states_length_of_time("Revisamos la caldera cada dos años.")
    assert states_length_of_time("Pengerjaan satu toren sekitar satu jam.")
    assert states_length_of_time("Classes run every week for 10 weeks.")


def test_a_tear_by_either_word() -> None:
    from agents.asked_facts import held_by_kin

    assert held_by_kin("rip", ["We repair tears and holes in canvas."])
    assert held_by_kin("rasgón", ["We repair tears and holes in canvas."])
    assert not held_by_kin("rip", ["Cleaning starts at £120."])


def test_an_age_in_months_and_with_how_many_years() -> None:
    """ "Anak saya 8 bulan sudah bisa ikut?" and "¿Con cuántos años se puede hacer
    apnea?" ask an age; "¿Con cuántos años de experiencia?" does not, nor an English
    "10-month-old" (a baby, whom pages name so: "babies on laps go free")."""
    from agents.asked_facts import asks_age

    for question in (
        "Anak saya 8 bulan sudah bisa ikut?",
        "Mi bebé tiene 8 meses, ¿puede venir?",
        "¿Con cuántos años se puede hacer apnea?",
        "¿A partir de cuántos años?",
    ):
        assert asks_age(question), question
    for question in (
        "¿Con cuántos años de experiencia contáis?",
        "Anak saya 2 bulan lagi ulang tahun, bisa pesan kue?",
        "Do I have to pay for my 10-month-old?",
    ):
        assert not asks_age(question), question
    assert states_age("Cuidamos a niños desde los 4 meses hasta los 12 años.")


def test_in_what_town_asks_where_they_are() -> None:
    for question in (
        "¿En qué ciudad está vuestro taller?",
        "What town are you in?",
        "Tokonya di kota mana?",
    ):
        assert asks_address(question), question
    for question in ("Bisa kirim ke kota mana saja?", "What town is the castle in?"):
        assert not asks_address(question), question


def test_in_what_mall_or_on_what_floor_asks_where_they_are() -> None:
    for question in (
        "Tokonya di mal mana?",
        "Kiosnya ada di lantai berapa ya?",
        "¿En qué planta estáis?",
        "What floor are you on?",
    ):
        assert asks_address(question), question
    asked = "Tokonya di mal mana?"
    sentence = "Kami melayani ganti baterai di Mal Ciputra Semarang lantai 2."
    assert asked_fact(asked).given_in(sentence, asked)


def test_a_place_on_a_named_water_or_shore_is_where_they_are() -> None:
    for sentence in (
        "Alquilamos barcas de pedales en el embalse de Lago Azul, en Buendía.",
        "We hire boats on the River Wharfe.",
        "Sewa perahu di Danau Toba.",
    ):
        assert states_location(sentence), sentence
    for sentence in ("Nadamos en el río por la tarde.", "Está prohibido bañarse en la playa."):
        assert not states_location(sentence), sentence


def test_still_open_in_a_month_of_a_season_from_easter_in_spanish() -> None:
    asked = "¿Seguís abiertos en octubre?"
    sentence = "Abrimos de Semana Santa a finales de septiembre, todos los días de 11:00 a 20:00."
    assert asked_fact(asked).name == "season"
    assert asked_fact(asked).given_in(sentence, asked)


def test_a_time_of_day_by_the_sun() -> None:
    """ "¿A qué hora se vuela?" of "Volamos ... al amanecer" (set EU): the sun's rising or
    setting is a time of day; the word alone ("El amanecer es precioso") gives none."""
    for sentence in (
        "Volamos en globo sobre la campiña de Segovia al amanecer.",
        "Quedamos una hora antes de la salida del sol.",
        "We set off at dawn.",
        "Berangkat saat matahari terbit.",
    ):
        assert states_time(sentence), sentence
    assert not states_time("El amanecer sobre la sierra es precioso.")
    asked = "¿A qué hora se vuela?"
    assert asked_fact(asked).given_in("Volamos en globo al amanecer.", asked)


def test_where_one_meets_in_other_words_or_sets_off_from() -> None:
    """ "¿En qué sitio nos vemos antes del vuelo?", "Mulainya dari mana?" (set EU): where
    one meets, or where a tour starts, which a sentence naming the place answers ("Tur
    berangkat dari depan Gedung Marba")."""
    for question in (
        "¿En qué sitio nos vemos antes del vuelo?",
        "Mulainya dari mana?",
        "Dari mana mulainya?",
        "Berangkatnya dari mana?",
        "Where does the tour start?",
        "Where do we start from?",
        "¿De dónde sale la ruta?",
    ):
        assert asked_fact(question).name == "venue", question
    for question in ("When does the tour start?", "¿Qué sitio recomendáis para cenar?"):
        fact = asked_fact(question)
        assert fact is None or fact.name != "venue", question
    asked = "Mulainya dari mana?"
    assert asked_fact(asked).given_in("Tur berangkat dari depan Gedung Marba.", asked)
    asked = "¿En qué sitio nos vemos antes del vuelo?"
    assert asked_fact(asked).given_in("Quedamos en la plaza del Azoguejo.", asked)
    # (a market a price comes from is no place one meets at)
    assert not states_location("Harga dari pasar naik.")


def test_a_quarter_of_the_year_by_its_noun_or_adjective() -> None:
    """ "¿Cuánto cuesta el trimestre?" of "El curso trimestral cuesta 140 euros" (set EU)."""
    from agents.asked_facts import held_by_kin

    assert held_by_kin("trimestre", ["El curso trimestral cuesta 140 euros."])
    assert held_by_kin("quarter", ["Fees are paid quarterly."])
    assert not held_by_kin("trimestre", ["El curso cuesta 40 euros al mes."])


def test_on_what_date_one_pays_asks_when_not_how_much() -> None:
    """ "Bayarnya tiap tanggal berapa?" of "Pembayaran di awal bulan" (set EU): "berapa"
    after "tanggal" asks a date, not an amount."""
    from agents.asked_facts import asks_when_paid

    assert asks_when_paid("Bayarnya tiap tanggal berapa?")
    assert asks_when_paid("What date do we pay by?")
    assert asked_fact("Bayarnya tiap tanggal berapa?").name == "when_paid"
    assert not asks_when_paid("Bayarnya berapa?")


def test_children_by_spanish_infantil_a_practice_as_a_class_and_lending_as_included() -> None:
    """Set EV: "el menú de los críos" of "Hay menú infantil a 15 euros", "Sekali latihan
    berapa jam?" of a "kelas", and "Harus beli angklung sendiri?" of "Angklung
    dipinjamkan ..., jadi peserta tidak perlu membeli"."""
    from agents.asked_facts import held_by_kin

    assert held_by_kin("críos", ["Hay menú infantil a 15 euros."])
    assert held_by_kin("latihan", ["Kelas dewasa setiap Rabu, masing-masing dua jam."])
    assert not held_by_kin("latihan", ["Biaya Rp200.000 per bulan."])
    for sentence in (
        "Angklung dipinjamkan selama kelas, jadi peserta tidak perlu membeli.",
        "Paddles are lent for the session.",
        "Os prestamos las palas.",
    ):
        assert states_paid(sentence), sentence
    asked = "Harus beli angklung sendiri?"
    assert asked_fact(asked).given_in(
        "Angklung dipinjamkan selama kelas, jadi peserta tidak perlu membeli.", asked
    )


def test_where_you_all_play_a_day_of_the_week_and_an_inns_room() -> None:
    """Set EW: "Where do you all play?" of "in the back room of the Swan Inn", "¿Qué día de
    la semana se hace el taller?" of "los sábados a las 11:00"."""
    from agents.asked_facts import asks_venue, states_venue

    assert asks_venue("Where do you all play?")
    assert states_venue("We meet in the back room of the Swan Inn.")
    asked = "¿Qué día de la semana se hace el taller?"
    assert asked_fact(asked).name == "day"
    assert "semana" in asked_fact(asked).words


def test_a_weekday_asked_of_pages_naming_another() -> None:
    """ "Do you run courses on Sundays?" of "Courses run on Saturdays" (set EX), "Minggu
    ada kelasnya juga?" of "setiap Sabtu" (set EY) were answered with the other day."""
    from agents.asked_facts import day_of_another

    saturdays = ["Courses run on Saturdays from May to August, from 9.30 am to 4 pm."]
    assert day_of_another("Do you run courses on Sundays?", saturdays)
    assert day_of_another("Minggu ada kelasnya juga?", ["Satu kelas tiga jam, setiap Sabtu."])
    # the day named, a span of days, the week, or weekdays as such tell it
    assert not day_of_another("Do you run courses on Saturdays?", saturdays)
    assert not day_of_another("Can I come on a Sunday?", ["Open Tuesday to Sunday."])
    assert not day_of_another("Do you run courses on Sundays?", ["We run courses all week."])
    assert not day_of_another("Ada kelas hari Minggu?", ["Kelas setiap hari pukul 16.00."])
    assert not day_of_another("Can you deliver on a Saturday?", ["We deliver on weekdays only."])
    # pages naming no day are `day_unnamed`'s; hours and prices are read elsewhere
    assert not day_of_another("Do you run courses on Sundays?", ["Courses last a day."])
    assert not day_of_another("Are you open on Sundays?", saturdays)
    assert not day_of_another("How much is it on a Sunday?", saturdays)


def test_hours_asked_of_pages_giving_no_time_and_no_day() -> None:
    """ "¿Cuál es el horario del circuito?" of the karting's prices and rules: nothing
    retrieved gives an hour or a day, so nothing answers it; a day or a time anywhere
    retrieved leaves it to the decision, and whether one may come on a day is not asked
    this way (a page's days answer it)."""
    from agents.asked_facts import hours_unstated

    rules = ["Una tanda de 10 minutos cuesta 18 euros.", "El circuito cierra si llueve."]
    assert hours_unstated("¿Cuál es el horario del circuito?", rules)
    assert hours_unstated("What are your opening hours?", ["A session costs £20."])
    assert hours_unstated("Jam buka rental PS-nya?", ["Sewa PS4 Rp75.000 per hari."])
    assert not hours_unstated("What are your opening hours?", ["We are closed on Mondays."])
    assert not hours_unstated("¿Cuál es el horario?", ["Las clases empiezan a las 18:00."])
    assert not hours_unstated("Are you open on Sundays?", ["A session costs £20."])
    assert not hours_unstated("How much is a session?", ["A session costs £20."])
    # hours named in a question asking another thing ("prime time")
    question = "¿Qué porcentaje de televidentes en horario de máxima audiencia tenía la BBC?"
    assert not hours_unstated(question, ["A session costs £20."])


def test_a_week_before_an_area_by_whatsapp_and_by_when_at_the_latest() -> None:
    """Set FD: "seminggu sebelum acara" is notice, not how long the party lasts; a
    channel is no place served; "paling lambat kapan" asks by when to book."""
    from agents.asked_area import states_area_served
    from agents.asked_facts import asked_fact, states_length_of_time

    assert not states_length_of_time("Pemesanan minimal seminggu sebelum acara.")
    assert not states_length_of_time("Reservad media hora antes de la clase.")
    assert states_length_of_time("Pasang AC baru sehari selesai.")
    assert not states_area_served("Avisamos por WhatsApp después de cada visita.")
    assert states_area_served("Mantenemos piscinas en Marbella y Estepona.")
    assert asked_fact("Pesan badutnya paling lambat kapan?").name == "notice"
    assert asked_fact("Kapan paling telat daftar?").name == "notice"
