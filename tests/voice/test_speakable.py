"""What the speaker is given to say: an answer as read aloud, not as written."""

from __future__ import annotations

from voice.text_to_speech import speakable


def test_a_quoted_list_is_said_without_its_bullets_and_with_a_pause_after_each_item() -> None:
    answer = (
        "Bring these papers:\n- Passport\n- Two photos [1]\n\n"
        "Payment follows with the **next** salary. [2]"
    )
    assert speakable(answer) == (
        "Bring these papers: Passport. Two photos. Payment follows with the next salary."
    )


def test_numbered_steps_keep_their_numbers_and_a_plain_answer_reads_as_written() -> None:
    assert speakable("Steps:\n1. Keep the receipt.\n2. Upload it [1]") == (
        "Steps: 1. Keep the receipt. 2. Upload it."
    )
    assert speakable("Open from 9 to 5 [1] and closed on Sundays.") == (
        "Open from 9 to 5 and closed on Sundays."
    )
