"""Debug only: DBG_SET=set_am DBG_Q='Org prefix|q1||q2'"""
import json, os
from pathlib import Path
from flask import Flask
from agents import answer as answer_mod
from tests.api.platform_helpers import create_org, reply_to

def test_dbg(platform: Flask, monkeypatch) -> None:
    orig = answer_mod.ExtractiveAnswerer.answer
    seen = []
    def wrapped(self, question, passages, *a, **k):
        out = orig(self, question, passages, *a, **k)
        seen.append(out.evidence)
        return out
    monkeypatch.setattr(answer_mod.ExtractiveAnswerer, "answer", wrapped)
    prefix, qs = os.environ["DBG_Q"].split("|", 1)
    orgs = json.loads((Path("bench/data/asked_by_hand") / f"{os.environ['DBG_SET']}.json").read_text())
    o = next(o for o in orgs if o["name"].startswith(prefix))
    org = create_org(platform.test_client(), o["name"])
    org.kb("p")
    for t, x in o["documents"].items():
        assert org.upload("p", t, x)["status"] == "completed"
    a = org.assistant("desk", ["p"])
    for n, q in enumerate(qs.split("||")):
        seen.clear()
        r = reply_to(org, q, assistant=a, conversation=f"c{n}")
        print("\n###", q, "->", r["found"], r["answer"][:200])
        for ev in seen:
            ev = ev if isinstance(ev, dict) else getattr(ev, "values", lambda: ev)()
            print("   ", {k: (round(v, 3) if isinstance(v, float) else v) for k, v in dict(ev).items()} if isinstance(ev, dict) else ev)
