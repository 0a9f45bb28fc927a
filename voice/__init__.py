"""Voice turns: audio in, speech-to-text, emotion, the chat turn, text-to-speech out. May
import `agents`, `tenancy`, `knowledge`, `config` and `utils`."""
