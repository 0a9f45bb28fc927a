"""Our knowledge as MCP tools and resources: `list_assistants`, `search` and `ask`, and the
documents an assistant answers from. Each handler is one in-process call to the REST view
that does the same (gateway.py), as the MCP client's own credential, so what a key may do
here is exactly what it may do over REST."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote

import mcp_types as types
from mcp.server.lowlevel import Server
from mcp.shared.exceptions import MCPError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from api.mcp.gateway import ApiAnswer, Gateway, McpCaller

CALLER_STATE = "mcp_caller"  # where endpoint.py leaves the request's McpCaller
RESOURCE_PREFIX = "rag://assistants/"
RESOURCE_NOT_FOUND = -32002  # the MCP specification's code


class ListAssistantsArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SearchArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(..., min_length=1, max_length=2000, description="what to look for")
    assistant_id: str | None = Field(
        None, description="search this assistant's knowledge (needed when the key may use several)"
    )
    knowledge_base_id: str | None = Field(
        None, description="or search this knowledge base (a key that may read documents)"
    )
    limit: int = Field(5, ge=1, le=20, description="how many passages, best first")


class AskArgs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(..., min_length=1, max_length=5000)
    conversation_id: str = Field(
        ..., pattern=r"^[A-Za-z0-9._:-]{1,128}$",
        description="your id for the conversation: the same id continues it",
    )  # fmt: skip
    assistant_id: str | None = Field(
        None, description="the assistant to ask (needed when the key may use several)"
    )


TOOLS: dict[str, tuple[type[BaseModel], str]] = {
    "list_assistants": (
        ListAssistantsArgs,
        "The assistants this key may use: id, name, description and suggested questions.",
    ),
    "search": (
        SearchArgs,
        "Passages of the organisation's documents that match a query, best first, each with "
        "its id, title, source, file name, section and page. Does not answer: use `ask` for "
        "an answer.",
    ),
    "ask": (
        AskArgs,
        "An assistant's answer grounded in its documents, with numbered citations (title, "
        "source, file name). Give a conversation_id: asking again with it continues the "
        "conversation.",
    ),
}


def build_server(gateway: Gateway, *, name: str, version: str) -> Server[Any]:
    async def list_tools(ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(
            tools=[
                types.Tool(
                    name=tool,
                    description=description,
                    input_schema=model.model_json_schema(),
                    annotations=types.ToolAnnotations(
                        read_only_hint=tool != "ask", open_world_hint=False
                    ),
                )  # fmt: skip
                for tool, (model, description) in TOOLS.items()
            ]
        )

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        caller = caller_of(ctx)
        outcome = await run_tool(gateway, caller, params.name, params.arguments or {})
        status = (outcome.structured_content or {}).get("status", 400) if outcome.is_error else 200
        await gateway.audit(caller, params.name[:100], status)
        return outcome

    async def list_resources(ctx: Any, params: Any) -> types.ListResourcesResult:
        return types.ListResourcesResult(resources=await documents(gateway, caller_of(ctx)))

    async def read_resource(
        ctx: Any, params: types.ReadResourceRequestParams
    ) -> types.ReadResourceResult:
        return await read_document(gateway, caller_of(ctx), str(params.uri))

    return Server(
        name,
        version=version,
        instructions="Search and ask the organisation's assistants; every answer cites its "
        "sources. Documents are resources (rag://assistants/<id>/documents/<id>).",
        on_list_tools=list_tools,
        on_call_tool=call_tool,
        on_list_resources=list_resources,
        on_read_resource=read_resource,
    )


async def run_tool(
    gateway: Gateway, caller: McpCaller, name: str, arguments: dict[str, Any]
) -> types.CallToolResult:
    known = TOOLS.get(name)
    if known is None:
        return tool_error(f"there is no tool {name!r}; the tools are {', '.join(TOOLS)}")
    try:
        args = known[0].model_validate(arguments)
    except ValidationError as exc:
        return tool_error(f"bad arguments for {name}: {readable(exc)}")
    if isinstance(args, SearchArgs):
        return await search(gateway, caller, args)
    if isinstance(args, AskArgs):
        return await ask(gateway, caller, args)
    return await list_assistants(gateway, caller)


def caller_of(ctx: Any) -> McpCaller:
    return ctx.request.scope["state"][CALLER_STATE]


async def list_assistants(gateway: Gateway, caller: McpCaller) -> types.CallToolResult:
    answer = await gateway.call(caller, "GET", "/v1/assistants")
    if not answer.ok:
        return api_error(answer)
    shown = [
        {key: a.get(key) for key in ("id", "name", "description", "suggested_questions")}
        for a in answer.body.get("assistants", [])
    ]
    lines = [f"- {a['name']} (id {a['id']}): {a.get('description') or ''}".rstrip(": ")
             for a in shown]  # fmt: skip
    return result("\n".join(lines) or "This key may use no assistant.", {"assistants": shown})


async def search(gateway: Gateway, caller: McpCaller, args: SearchArgs) -> types.CallToolResult:
    answer = await gateway.call(
        caller, "POST", "/v1/search", json_body=args.model_dump(exclude_none=True)
    )
    if not answer.ok:
        return api_error(answer)
    passages = answer.body.get("passages", [])
    blocks = [
        f"[{i}] {p['title']} ({p['file_name'] or p['source']}"
        f"{', page ' + str(p['page']) if p.get('page') else ''}; id {p['id']})\n{p['text']}"
        for i, p in enumerate(passages, 1)
    ]
    text = "\n\n".join(blocks) or "Nothing in these documents matches the query."
    return result(text, {k: answer.body.get(k) for k in ("passages", "assistant_id")})


async def ask(gateway: Gateway, caller: McpCaller, args: AskArgs) -> types.CallToolResult:
    body: dict[str, Any] = {"message": args.question}
    if args.assistant_id:
        body["assistant_id"] = args.assistant_id
    answer = await gateway.call(
        caller, "POST", "/v1/chat", json_body=body,
        headers={"X-Conversation-Id": args.conversation_id},
    )  # fmt: skip
    if not answer.ok:
        return api_error(answer)
    reply = answer.body
    citations = [
        {**c, "file_name": file_name(c.get("source", ""))} for c in reply.get("citations", [])
    ]
    sources = [f"[{c['n']}] {c['title']} ({c['file_name'] or c['source']})" for c in citations]
    text = reply.get("answer", "") + ("\n\nSources:\n" + "\n".join(sources) if sources else "")
    kept = ("answer", "conversation_id", "assistant_id", "message_id", "found", "refused",
            "escalate", "language", "warning")  # fmt: skip
    return result(text, {**{k: reply.get(k) for k in kept}, "citations": citations})


async def documents(gateway: Gateway, caller: McpCaller) -> list[types.Resource]:
    assistants = await gateway.call(caller, "GET", "/v1/assistants")
    if assistants.status == 403:  # a key that may not chat reads no assistant's documents
        return []
    if not assistants.ok:
        raise ResourceError(assistants.message)
    found: list[types.Resource] = []
    for assistant in assistants.body.get("assistants", []):
        listed = await gateway.call(caller, "GET", f"/v1/assistants/{assistant['id']}/documents")
        for doc in listed.body.get("documents", []) if listed.ok else []:
            found.append(
                types.Resource(
                    uri=document_uri(assistant["id"], doc["id"]),
                    name=doc.get("file_name") or doc["source"],
                    title=doc.get("title") or doc.get("file_name") or doc["source"],
                    description=f"{doc['source']} (assistant {assistant['name']})",
                    mime_type="text/plain",
                )
            )
    return found


async def read_document(gateway: Gateway, caller: McpCaller, uri: str) -> types.ReadResourceResult:
    assistant_id, _, doc_id = uri.removeprefix(RESOURCE_PREFIX).partition("/documents/")
    if not uri.startswith(RESOURCE_PREFIX) or not assistant_id or not doc_id:
        raise ResourceError(f"unknown resource {uri!r}: rag://assistants/<id>/documents/<id>")
    assistant_id, doc_id = unquote(assistant_id), unquote(doc_id)
    listed = await gateway.call(caller, "GET", f"/v1/assistants/{quote(assistant_id)}/documents")
    if not listed.ok:
        raise ResourceError(listed.message)
    doc = next((d for d in listed.body.get("documents", []) if d["id"] == doc_id), None)
    if doc is None:
        raise ResourceError(f"no document {doc_id!r} for this assistant")
    view = await gateway.call(
        caller, "GET", "/v1/documents/view",
        query={"source": doc["source"], "assistant_id": assistant_id},
    )  # fmt: skip
    if not view.ok:
        raise ResourceError(view.message)
    parts = view.body.get("parts", [])
    text = "\n\n".join(
        (f"## {p['section']}\n" if p.get("section") else "") + p.get("text", "") for p in parts
    )
    return types.ReadResourceResult(
        contents=[types.TextResourceContents(uri=uri, mime_type="text/plain", text=text)]
    )


def ResourceError(message: str) -> MCPError:  # noqa: N802 - raised like an exception class
    """A resource the key may not read or that does not exist: the client is told why
    (the protocol's "resource not found" code)."""
    return MCPError(code=RESOURCE_NOT_FOUND, message=message)


def document_uri(assistant_id: str, doc_id: str) -> str:
    return f"{RESOURCE_PREFIX}{quote(assistant_id, safe='')}/documents/{quote(doc_id, safe='')}"


def file_name(source: str) -> str | None:
    if source.startswith(("http://", "https://")) or not source:
        return None
    return source.rsplit("/", 1)[-1]


def result(text: str, structured: dict[str, Any]) -> types.CallToolResult:
    return types.CallToolResult(
        content=[types.TextContent(text=text)], structured_content=structured
    )


def tool_error(message: str) -> types.CallToolResult:
    return types.CallToolResult(content=[types.TextContent(text=message)], is_error=True)


def api_error(answer: ApiAnswer) -> types.CallToolResult:
    """The REST API's refusal (its status and words) as a tool error."""
    return types.CallToolResult(
        content=[types.TextContent(text=f"{answer.message} (HTTP {answer.status})")],
        structured_content={"status": answer.status, "error": answer.body.get("error")},
        is_error=True,
    )


def readable(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'arguments'}: {e['msg']}" for e in exc.errors()
    )
