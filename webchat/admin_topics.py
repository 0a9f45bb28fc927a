"""The admin page's "Guardrail examples": for each assistant with guardrail topics, a few
example questions per topic, one per line (PUT /v1/assistants/{id}/topic-examples). The
offline check weighs a close example above the topic's name (docs/platform.md)."""

from __future__ import annotations

import streamlit as st

from utils.api_client import ApiClient, ApiClientError
from webchat.admin_text import t

KINDS = (("allowed_topics", "topic_allowed"), ("forbidden_topics", "topic_forbidden"),
         ("escalation_triggers", "topic_trigger"))  # fmt: skip


def topic_examples(api: ApiClient, assistants: list[dict]) -> None:
    guarded = [a for a in assistants if any(a.get(field) for field, _ in KINDS)]
    st.subheader(t("topic_examples"))
    st.caption(t("topic_examples_help"))
    if not guarded:
        st.write(t("no_topics"))
        return
    for assistant in guarded:
        with st.expander(assistant["name"], expanded=len(guarded) == 1):
            # Without allowed topics only clear matches count (docs/insights.md).
            if not assistant.get("allowed_topics"):
                st.info(t("no_allowed_topics"))
            _form(api, assistant)


def _form(api: ApiClient, assistant: dict) -> None:
    try:
        shown = api.topic_examples(assistant["id"])
    except ApiClientError as error:
        st.error(t("api_silent", error=error))
        return
    kept, built_in = shown["examples"], shown["built_in"]
    with st.form(f"examples-{assistant['id']}"):
        written: dict[str, str] = {}
        for field, kind in KINDS:
            for topic in assistant.get(field) or []:
                written[topic] = st.text_area(
                    f"{t(kind)}: {topic}", "\n".join(kept.get(topic, [])),
                    key=f"examples-{assistant['id']}-{field}-{topic}",
                    placeholder=t("one_question_a_line"), height=100,
                )  # fmt: skip
                if field == "escalation_triggers" and topic in built_in:
                    st.caption(t("built_in_examples", intent=t(f"intent_{built_in[topic]}")))
        if st.form_submit_button(t("save_examples")):
            examples = {
                topic: lines for topic, text in written.items()
                if (lines := [line.strip() for line in text.splitlines() if line.strip()])
            }  # fmt: skip
            try:
                api.set_topic_examples(assistant["id"], examples)
            except ApiClientError as error:
                st.error(t("examples_refused", error=error))
                return
            st.success(t("examples_saved"))
