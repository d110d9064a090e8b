"""Optional LLM phrasing through LangChain, verified against the passages it was shown.

The default is extractive (no LLM). When a chat model is configured (settings.llm:
"openai:MODEL" for any OpenAI-compatible endpoint, "ollama:MODEL", "llamacpp:/path/model.gguf"),
it may only rephrase the verified extractive answer: every number, agency name and link it
writes must appear in a passage it was shown, otherwise the extractive answer is kept. Citations
stay the extractive ones: they are data, never parsed back out of generated text.

Text of the documents is data, never instructions: passages (and the question, and the draft,
which quotes a document) go into the prompt inside one <du_lieu> block, each in «», with the
characters that could close the block or a quote replaced, so "ignore the instructions above"
written in a plan stays a quotation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from .config import Settings
from .types import Answer, Query
from .vietnamese import collapse, fold

_NUMBER = re.compile(r"\d[\d.,/]*\d|\d")
_LINK = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.I)
_AGENCY = re.compile(r"\b(Sở|Ban|Bộ|Ủy ban|Uỷ ban|UBND|Đài|Báo|Hội|Đoàn|Trung tâm|Phòng|Cục)\s+[A-ZĐÀ-Ỹ][\wÀ-ỹđĐ]*(?:\s+(?:và\s+)?[A-ZĐÀ-Ỹ][\wÀ-ỹđĐ]*)*")


class ChatModel(Protocol):
    """The LangChain seam: anything with .invoke(str) returning a message (or str)."""

    def invoke(self, prompt: str): ...


def make_llm(settings: Settings) -> ChatModel:
    spec = settings.llm
    kind, _, name = spec.partition(":")
    try:
        if kind == "openai":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(model=name, base_url=settings.llm_base_url or None, api_key=settings.llm_api_key or "none", temperature=0)
        if kind == "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(model=name, base_url=settings.llm_base_url or None, temperature=0)
        if kind == "llamacpp":
            from langchain_community.chat_models import ChatLlamaCpp

            return ChatLlamaCpp(model_path=name, temperature=0, n_ctx=4096, verbose=False)
    except ImportError as exc:
        raise ImportError(f"LLM '{spec}' needs its LangChain integration: pip install 'plan-assistant[llm]' ({exc.name})") from exc
    raise ValueError(f"ASSISTANT_LLM={spec!r}: expected openai:MODEL, ollama:MODEL or llamacpp:/path/model.gguf")


def load_prompt(settings: Settings, name: str) -> str:
    return Path(settings.prompts_dir, f"{name}.txt").read_text(encoding="utf-8")


def build_prompt(settings: Settings, query: Query, answer: Answer) -> tuple[str, list[str]]:
    passages = [c.quote for c in answer.citations]
    for h in answer.hits[:3]:
        text = collapse(h.chunk.text)[:800]
        if text not in passages:
            passages.append(text)
    numbered = "\n".join(f"[{i}] «{as_data(p)}»" for i, p in enumerate(passages, 1))
    prompt = load_prompt(settings, "answer").format(question=as_data(query.standalone), passages=numbered, draft=as_data(answer.text))
    return prompt, passages


def as_data(text: str) -> str:
    """Text quoted inside the prompt's data block: one line, and nothing in it can close the
    block (<, >) or the quotation («, »)."""
    text = collapse("".join(ch if ch.isprintable() else " " for ch in text))
    return text.translate(str.maketrans({"<": "‹", ">": "›", "«": '"', "»": '"'}))


def verify(text: str, passages: list[str], draft: str | None = None) -> bool:
    """Every number and agency name in text appears in one of the passages; a link or e-mail
    address only when the draft has it too (rephrasing a verified answer never needs a new one,
    while a document that asks for one to be added is an injection)."""
    if not text.strip() or "KHÔNG CÓ THÔNG TIN" in text.upper():
        return False
    pool = fold(" ".join(passages))
    pool_raw = " ".join(passages)
    for num in _NUMBER.findall(text):
        if num not in pool_raw:
            return False
    for m in _AGENCY.finditer(text):
        if fold(m.group(0)) not in pool:
            return False
    for link in _LINK.findall(text):
        if link.rstrip(".,;)") not in (pool_raw if draft is None else draft):
            return False
    return True


def rephrase(llm: ChatModel, query: Query, answer: Answer, settings: Settings) -> Answer:
    prompt, passages = build_prompt(settings, query, answer)
    try:
        out = llm.invoke(prompt)
    except Exception:
        return answer  # the LLM is optional: any failure keeps the extractive answer
    text = collapse(getattr(out, "content", out) if not isinstance(out, str) else out)
    text = re.sub(r"\s*\[\d+\]", "", text).strip()
    if not verify(text, passages, draft=answer.text):
        return answer
    return replace(answer, text=text)
