"""The web chat (Streamlit), which talks to the REST API like any other client.

The entry scripts stay where Streamlit looks for them and hold no logic: `web_chat.py`
(the ASGI app `make run` serves), `streamlit_app.py` (the chat page) and `pages/admin.py`.
Here: the chat page (`chat_page`, read top to bottom) and what a person does on it
(`sign_in_page`, `asking`, `answers`, `sidebar`), the admin page (`admin_page`,
`admin_people`), keeping a sign-in (`page_session`, `signin`, `people`), the words in three
languages (`labels`, `admin_labels`, `page_text`, `admin_text`) and what the server adds
to Streamlit (`server`). May import `config` and `utils`; never the service's own layers:
everything goes through the API."""
