"""The web chat as `make run` serves it: `streamlit run web_chat.py`. Streamlit runs the
page (streamlit_app.py) as an ASGI app (st.App), with the sign-in routes and the framing
headers of webchat/server.py around it; no logic here."""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from config import get_settings
from utils.web_chat_secret import guest_key
from webchat.server import FrameGuard, public_embedders, signin_routes
from webchat.signin import seal_for

settings = get_settings()
app = st.App(
    "streamlit_app.py",
    routes=signin_routes(seal_for(settings)),
    middleware=[
        Middleware(
            FrameGuard,
            embedders=public_embedders(settings.api_url, guest_key(settings)),
        )
    ],
)
