/*
 * The chat widget: one script tag puts a public assistant on any site that the
 * assistant allows (its allowed_origins).
 *
 *   <script src="https://chat.example.org/widget.js" data-assistant="asst_..." async></script>
 *
 * Attributes: data-assistant (required), data-position (right | left), data-colour
 * (#rgb or #rrggbb), data-title, data-greeting, data-language (en | es | id; default the
 * browser's), data-open ("true": open on load). Or call
 * window.GroundedWidget.open() / .close() after it loads.
 *
 * No dependencies and no build step: served as it is by the API (GET /widget.js). The
 * visitor's id and conversation live in this site's localStorage and travel in headers
 * (X-Visitor-Id, X-Conversation-Id), never in a URL. Answers stream over plain HTTP
 * (Server-Sent Events read from fetch). Everything the server sends is shown as text.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.GroundedWidget) return;

  var WORDS = {
    en: {
      open: "Open the chat", close: "Close the chat", title: "Ask us",
      greeting: "Hello! Ask me anything about our documents.",
      label: "Your question", send: "Send", stop: "Stop", fresh: "New conversation",
      sources: "Sources", helpful: "Helpful", unhelpful: "Not helpful", thanks: "Thank you for your rating.",
      thinking: "Writing the answer…", stopped: "(stopped)",
      unreachable: "The service cannot be reached just now. Please try again in a moment.",
      quota: "This chat has reached its limit for today. Please come back tomorrow.",
      origin: "This assistant is not available on this site.",
      missing: "This chat is not set up: the assistant {id} was not found or is not public.",
      busy: "An answer is still being written. Please wait for it.",
      failed: "Something went wrong with this answer. Please try again.",
      colour: "The colour {value} is not a colour like #1a73e8; the default is used.",
      tryThese: "You could ask:"
    },
    es: {
      open: "Abrir el chat", close: "Cerrar el chat", title: "Pregúntenos",
      greeting: "¡Hola! Pregúnteme lo que quiera sobre nuestros documentos.",
      label: "Su pregunta", send: "Enviar", stop: "Detener", fresh: "Nueva conversación",
      sources: "Fuentes", helpful: "Útil", unhelpful: "No es útil", thanks: "Gracias por su valoración.",
      thinking: "Escribiendo la respuesta…", stopped: "(detenida)",
      unreachable: "No se puede contactar con el servicio ahora. Inténtelo de nuevo en un momento.",
      quota: "Este chat ha alcanzado su límite de hoy. Vuelva mañana, por favor.",
      origin: "Este asistente no está disponible en este sitio.",
      missing: "Este chat no está configurado: el asistente {id} no existe o no es público.",
      busy: "Aún se está escribiendo una respuesta. Espere, por favor.",
      failed: "Algo salió mal con esta respuesta. Inténtelo de nuevo.",
      colour: "El color {value} no es un color como #1a73e8; se usa el predeterminado.",
      tryThese: "Puede preguntar:"
    },
    id: {
      open: "Buka obrolan", close: "Tutup obrolan", title: "Tanya kami",
      greeting: "Halo! Tanyakan apa saja tentang dokumen kami.",
      label: "Pertanyaan Anda", send: "Kirim", stop: "Hentikan", fresh: "Percakapan baru",
      sources: "Sumber", helpful: "Membantu", unhelpful: "Tidak membantu", thanks: "Terima kasih atas penilaian Anda.",
      thinking: "Sedang menulis jawaban…", stopped: "(dihentikan)",
      unreachable: "Layanan tidak dapat dihubungi saat ini. Silakan coba lagi sebentar lagi.",
      quota: "Obrolan ini sudah mencapai batas hari ini. Silakan kembali besok.",
      origin: "Asisten ini tidak tersedia di situs ini.",
      missing: "Obrolan ini belum disiapkan: asisten {id} tidak ditemukan atau tidak publik.",
      busy: "Jawaban masih sedang ditulis. Mohon tunggu.",
      failed: "Terjadi kesalahan pada jawaban ini. Silakan coba lagi.",
      colour: "Warna {value} bukan warna seperti #1a73e8; warna bawaan dipakai.",
      tryThese: "Anda bisa bertanya:"
    }
  };

  // Drawn, not emoji: a visitor's system may have no emoji font.
  var ICONS = {
    chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
    up: "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z",
    down: "M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1L17.4 16.4c.4-.4.6-.9.6-1.4V5a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z"
  };

  var data = script.dataset;
  var api = new URL(script.src, document.baseURI).origin;
  var assistant = (data.assistant || "").trim();
  var language = pickLanguage(data.language || navigator.language || "en");
  var words = WORDS[language];
  var colourProblem = null;
  var colour = "#1a73e8";
  if (data.colour || data.color) {
    var asked = (data.colour || data.color).trim();
    if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(asked)) colour = asked;
    else colourProblem = say("colour", { value: asked });
  }
  var storeKey = "grounded-widget:" + api + ":" + assistant;
  var state = { visitor: visitorId(), conversation: null, busy: false, controller: null, loaded: false };
  state.conversation = remembered("conversation") || newConversationId();

  function pickLanguage(tag) {
    var base = String(tag).toLowerCase().split("-")[0];
    if (base === "in") base = "id"; // the old code for Indonesian
    return WORDS[base] ? base : "en";
  }

  function say(key, values) {
    return words[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function remembered(name) {
    try { return localStorage.getItem(storeKey + ":" + name); } catch (e) { return null; }
  }

  function remember(name, value) {
    try { localStorage.setItem(storeKey + ":" + name, value); } catch (e) { /* private mode */ }
  }

  function randomId(bytes) {
    var raw = new Uint8Array(bytes);
    crypto.getRandomValues(raw);
    var text = "";
    for (var i = 0; i < raw.length; i++) text += String.fromCharCode(raw[i]);
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function visitorId() {
    var key = "grounded-widget:visitor"; // one visitor per site, whichever assistant
    try {
      var id = localStorage.getItem(key);
      if (id && /^[A-Za-z0-9_-]{22,64}$/.test(id)) return id;
      id = randomId(24);
      localStorage.setItem(key, id);
      return id;
    } catch (e) {
      return randomId(24); // storage refused: this page load only
    }
  }

  function newConversationId() {
    var id = "w-" + randomId(12);
    remember("conversation", id);
    return id;
  }

  function headers(extra) {
    var all = { "X-Assistant-Id": assistant, "X-Visitor-Id": state.visitor };
    for (var name in extra || {}) all[name] = extra[name];
    return all;
  }

  /* ---------- the page: a button and a panel, in a shadow root of their own ---------- */

  var host = document.createElement("div");
  host.setAttribute("data-grounded-widget", "");
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var side = data.position === "left" ? "left" : "right";
  var style = document.createElement("style");
  style.textContent = [
    ":host{all:initial}",
    "*{box-sizing:border-box;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
    ".launcher{position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:none;background:" + colour + ";color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center}",
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #111;outline-offset:2px}",
    ".panel{position:fixed;bottom:88px;" + side + ":20px;z-index:2147483001;width:min(380px,calc(100vw - 24px));height:min(560px,calc(100vh - 110px));background:#fff;color:#111;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}",
    ".panel[hidden]{display:none}",
    "header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:" + colour + ";color:#fff}",
    "header h2{flex:1;margin:0;font-size:16px}",
    "header button{background:transparent;border:1px solid rgba(255,255,255,.6);color:#fff;border-radius:6px;padding:4px 8px;cursor:pointer;font-size:13px}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;font-size:14px;line-height:1.45}",
    ".msg{max-width:88%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;word-wrap:break-word}",
    ".user{align-self:flex-end;background:" + colour + ";color:#fff}",
    ".bot{align-self:flex-start;background:#f1f3f4}",
    ".note{align-self:center;color:#444;font-size:13px;text-align:center}",
    ".problem{align-self:stretch;background:#fdecea;color:#611a15;border-radius:8px;padding:8px 10px;font-size:13px}",
    ".sources{margin:6px 0 0;padding-left:20px;font-size:12.5px;color:#333;white-space:normal}",
    "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;background:#e3e6e8;border-radius:4px;padding:0 3px}",
    ".launcher svg{vertical-align:middle}",
    ".rate button{display:inline-flex;align-items:center;color:#333}",
    ".sources a{color:#0b57d0}",
    ".rate{display:flex;gap:6px;margin-top:6px}",
    ".rate button{border:1px solid #bbb;background:#fff;border-radius:6px;cursor:pointer;padding:2px 8px;font-size:14px}",
    ".rate button[aria-pressed=true]{background:#e8f0fe;border-color:#0b57d0}",
    ".suggested{display:flex;flex-wrap:wrap;gap:6px}",
    ".suggested button{border:1px solid " + colour + ";color:#111;background:#fff;border-radius:14px;padding:4px 10px;cursor:pointer;font-size:13px;text-align:left}",
    "form{display:flex;gap:6px;padding:10px;border-top:1px solid #ddd}",
    "textarea{flex:1;resize:none;height:42px;border:1px solid #bbb;border-radius:8px;padding:8px;font-size:14px}",
    "form button{border:none;border-radius:8px;background:" + colour + ";color:#fff;padding:0 14px;cursor:pointer;font-size:14px}",
    ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}"
  ].join("\n");
  root.appendChild(style);

  var launcher = element("button", { "class": "launcher", type: "button", "aria-label": words.open, "aria-expanded": "false" }, icon(ICONS.chat, 28));
  var panel = element("div", { "class": "panel", role: "dialog", "aria-modal": "true", "aria-labelledby": "gw-title", hidden: "" });
  var title = element("h2", { id: "gw-title" }, data.title || words.title);
  var freshButton = element("button", { type: "button" }, words.fresh);
  var closeButton = element("button", { type: "button", "aria-label": words.close }, "✕");
  var header = element("header", {}, [title, freshButton, closeButton]);
  var log = element("div", { "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions text" });
  var fieldId = "gw-question";
  var label = element("label", { "for": fieldId, "class": "visually-hidden" }, words.label);
  var field = element("textarea", { id: fieldId, rows: "1", placeholder: words.label, maxlength: "4000" });
  var sendButton = element("button", { type: "submit" }, words.send);
  var form = element("form", {}, [label, field, sendButton]);
  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(form);
  root.appendChild(launcher);
  root.appendChild(panel);

  function icon(path, size) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", String(size));
    svg.setAttribute("height", String(size));
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var shape = document.createElementNS(ns, "path");
    shape.setAttribute("d", path);
    shape.setAttribute("fill", "currentColor");
    svg.appendChild(shape);
    return svg;
  }

  // The answer's own light formatting (`code`, **bold**), built as nodes: nothing the
  // service sends is ever read as HTML.
  function formatted(node, text) {
    node.textContent = "";
    String(text).split(/(`[^`\n]+`|\*\*[^*\n]+\*\*)/).forEach(function (part) {
      if (/^`[^`]+`$/.test(part)) node.appendChild(element("code", {}, part.slice(1, -1)));
      else if (/^\*\*[^*]+\*\*$/.test(part)) node.appendChild(element("strong", {}, part.slice(2, -2)));
      else if (part) node.appendChild(document.createTextNode(part));
    });
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function note(text, kind) {
    var node = element("div", { "class": kind || "note" }, text);
    if (kind === "problem") node.setAttribute("role", "alert");
    log.appendChild(node);
    scrollDown();
    return node;
  }

  function isLink(source) { return /^https?:\/\//i.test(source || ""); }

  function showAnswer(bubble, reply) {
    formatted(bubble, reply.answer || bubble.textContent);
    var citations = (state.config && state.config.show_citations === false) ? [] : (reply.citations || []);
    if (citations.length) {
      var heading = element("div", { "class": "visually-hidden" }, words.sources);
      var list = element("ol", { "class": "sources", "aria-label": words.sources });
      citations.forEach(function (c) {
        var name = c.title || c.source;
        var item = element("li", { value: String(c.n) });
        if (isLink(c.source)) {
          item.appendChild(element("a", { href: c.source, target: "_blank", rel: "noopener noreferrer" }, name));
        } else {
          item.appendChild(document.createTextNode(name + (c.source && c.source !== name ? " (" + c.source + ")" : "")));
        }
        list.appendChild(item);
      });
      bubble.appendChild(heading);
      bubble.appendChild(list);
    }
    if (reply.message_id) bubble.appendChild(ratingButtons(reply.message_id, reply.feedback));
    scrollDown();
  }

  function ratingButtons(messageId, given) {
    var up = element("button", { type: "button", "aria-label": words.helpful, title: words.helpful, "aria-pressed": String(!!given && given.rating === "up") }, icon(ICONS.up, 16));
    var down = element("button", { type: "button", "aria-label": words.unhelpful, title: words.unhelpful, "aria-pressed": String(!!given && given.rating === "down") }, icon(ICONS.down, 16));
    function rate(rating) {
      fetch(api + "/v1/public/conversations/" + encodeURIComponent(state.conversation) + "/messages/" + encodeURIComponent(messageId) + "/feedback", {
        method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify({ rating: rating })
      }).then(function (response) {
        if (!response.ok) return problemFrom(response);
        up.setAttribute("aria-pressed", String(rating === "up"));
        down.setAttribute("aria-pressed", String(rating === "down"));
        note(words.thanks);
      }, unreachable);
    }
    up.addEventListener("click", function () { rate("up"); });
    down.addEventListener("click", function () { rate("down"); });
    return element("div", { "class": "rate" }, [up, down]);
  }

  function unreachable(error) {
    if (error && error.name === "AbortError") return;
    // A refused origin looks the same as a network failure from here (the browser
    // hides the response): the console says which it may be.
    console.error("Chat widget: the service at " + api + " did not answer, or does not allow this site (" +
      location.origin + ") for assistant " + assistant + ": add it to the assistant's allowed_origins.");
    note(words.unreachable, "problem");
  }

  function problemFrom(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      var code = body && body.error && body.error.code;
      var message = body && body.error && body.error.message;
      if (message) console.warn("Chat widget: " + response.status + " " + message);
      if (response.status === 429) note(words.quota, "problem");
      else if (response.status === 403) note(words.origin, "problem");
      else if (response.status === 404 && code !== "conversation_not_found") note(say("missing", { id: assistant }), "problem");
      else if (response.status === 409) note(words.busy, "problem");
      else note(words.failed, "problem");
      return null;
    });
  }

  /* ---------- talking to the service ---------- */

  function loadConfig() {
    return fetch(api + "/v1/public/assistants/" + encodeURIComponent(assistant), { headers: headers() })
      .then(function (response) {
        if (!response.ok) return problemFrom(response);
        return response.json();
      }, function (error) { unreachable(error); return null; });
  }

  function loadHistory() {
    return fetch(api + "/v1/public/conversations/" + encodeURIComponent(state.conversation), { headers: headers() })
      .then(function (response) { return response.ok ? response.json() : null; }, function () { return null; });
  }

  function start() {
    if (state.loaded) return;
    state.loaded = true;
    if (colourProblem) note(colourProblem, "problem");
    if (!assistant) { note(say("missing", { id: "(data-assistant)" }), "problem"); return; }
    loadConfig().then(function (config) {
      if (!config) return;
      state.config = config;
      if (!data.title && config.name) title.textContent = config.name;
      return loadHistory().then(function (history) {
        var messages = (history && history.messages) || [];
        if (!messages.length) {
          greet();
          return;
        }
        messages.forEach(function (m) {
          if (m.role === "user") note(m.content, "msg user");
          else showAnswer(note(m.content, "msg bot"), m);
        });
      });
    });
  }

  function greet() {
    note(data.greeting || words.greeting, "msg bot");
    var questions = (state.config && state.config.suggested_questions) || [];
    if (!questions.length) return;
    var box = element("div", { "class": "suggested", role: "group", "aria-label": words.tryThese });
    questions.slice(0, 4).forEach(function (q) {
      var button = element("button", { type: "button" }, q);
      button.addEventListener("click", function () { ask(q); });
      box.appendChild(button);
    });
    log.appendChild(box);
  }

  function ask(question) {
    question = question.trim();
    if (!question || state.busy) return;
    var offered = log.querySelector(".suggested");
    if (offered) offered.remove();
    note(question, "msg user");
    var bubble = note(words.thinking, "msg bot");
    bubble.setAttribute("aria-busy", "true");
    setBusy(true);
    var controller = state.controller = new AbortController();
    var written = "";
    fetch(api + "/v1/public/chat", {
      method: "POST",
      signal: controller.signal,
      headers: headers({ "Content-Type": "application/json", "Accept": "text/event-stream", "X-Conversation-Id": state.conversation }),
      body: JSON.stringify({ message: question })
    }).then(function (response) {
      if (!response.ok) { bubble.remove(); return problemFrom(response); }
      return readEvents(response, function (event, payload) {
        if (event === "token") {
          written += payload.delta || "";
          bubble.textContent = written;
          scrollDown();
        } else if (event === "done") {
          showAnswer(bubble, payload);
        } else if (event === "error") {
          note(words.failed, "problem");
        }
      });
    }).catch(function (error) {
      if (error && error.name === "AbortError") {
        bubble.textContent = (written || "") + " " + words.stopped;
        return;
      }
      bubble.remove();
      unreachable(error);
    }).then(function () {
      bubble.removeAttribute("aria-busy");
      setBusy(false);
    });
  }

  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        var parts = buffer.split("\n\n");
        buffer = parts.pop();
        parts.forEach(function (block) {
          var event = "message", lines = [];
          block.split("\n").forEach(function (line) {
            if (line.indexOf("event:") === 0) event = line.slice(6).trim();
            else if (line.indexOf("data:") === 0) lines.push(line.slice(5).trim());
          });
          if (!lines.length) return;
          try { onEvent(event, JSON.parse(lines.join("\n"))); } catch (e) { /* a malformed event */ }
        });
        return pump();
      });
    }
    return pump();
  }

  function stop() {
    if (!state.busy) return;
    fetch(api + "/v1/public/conversations/" + encodeURIComponent(state.conversation) + "/stop", {
      method: "POST", headers: headers()
    }).catch(function () { /* the abort below is what the reader sees */ });
    if (state.controller) state.controller.abort();
  }

  function setBusy(busy) {
    state.busy = busy;
    sendButton.textContent = busy ? words.stop : words.send;
    sendButton.setAttribute("type", busy ? "button" : "submit");
  }

  /* ---------- opening, closing, the keyboard ---------- */

  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.setAttribute("aria-label", words.close);
    start();
    field.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-label", words.open);
    launcher.focus();
  }

  launcher.addEventListener("click", function () { panel.hidden ? open() : close(); });
  closeButton.addEventListener("click", close);
  freshButton.addEventListener("click", function () {
    stop();
    state.conversation = newConversationId();
    log.textContent = "";
    if (state.config) greet();
    field.focus();
  });
  sendButton.addEventListener("click", function (event) {
    if (state.busy) { event.preventDefault(); stop(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = field.value;
    field.value = "";
    ask(question);
  });
  field.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); close(); return; }
    if (event.key !== "Tab") return;
    // Focus stays in the open panel (a modal dialog) until it is closed.
    var focusable = [].slice.call(panel.querySelectorAll("button, textarea, a[href]"))
      .filter(function (node) { return !node.disabled && node.offsetParent !== null; });
    if (!focusable.length) return;
    var first = focusable[0], last = focusable[focusable.length - 1];
    var active = root.activeElement || document.activeElement;
    if (event.shiftKey && active === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && active === last) { event.preventDefault(); first.focus(); }
  });

  function mount() {
    document.body.appendChild(host);
    if (data.open === "true") open();
  }

  window.GroundedWidget = { open: open, close: close };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
