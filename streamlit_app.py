"""The web chat's page (`streamlit run web_chat.py` serves it; Streamlit needs the entry
script at the top, with the admin page beside it in pages/). Everything it does is in
the webchat package: webchat.chat_page is the page read top to bottom."""

from webchat.chat_page import main

main()
