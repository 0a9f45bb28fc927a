"""The web chat's admin page (Streamlit serves the files in pages/ beside the entry
script); all of it is in webchat.admin_page."""

from webchat.admin_page import main

main()
