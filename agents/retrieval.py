"""Retrieval from the Qdrant knowledge base through langchain-qdrant, always inside one
organisation's knowledge bases (the filter comes from knowledge.vectors.store.tenant_filter)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from qdrant_client import QdrantClient, models

from agents.answerability import asked_things, proper_names
from agents.asked_facts import asked_fact
from agents.asked_how_to import why_words
from agents.asked_manners import asked_manners
from agents.fusion import DenseHit, LanguageOffsets, Level, fuse, language_fair, levels, rrf
from knowledge.documents.sentences import SPLIT_VERSION, digest, sentence_contexts
from knowledge.encoders.embeddings import LocalEmbeddings
from knowledge.encoders.languages import guess
from knowledge.encoders.sparse import BM25SparseEmbeddings
from knowledge.vectors.generations import IndexVersions, encoder_of
from knowledge.vectors.store import (
    DENSE_VECTOR,
    DIGEST_FIELD,
    LANGUAGE_FIELD,
    SENTENCES_VECTOR,
    SPARSE_VECTOR,
    SPLIT_FIELD,
    has_sentence_vectors,
    in_language,
    not_in_language,
    tenant_filter,
)

# Below this certainty of the question's language, its keywords are matched in every
# chunk (short questions are often unsure: "API key?").
KEYWORDS_LANGUAGE_CONFIDENCE = 0.5
# A passage's score grows by this share per priority step of its knowledge base, so a
# higher-priority knowledge base wins between passages of about the same relevance.
PRIORITY_BOOST = 0.05
# The question's background: its mean dense cosine to the scope's hits ranked after the
# first BACKGROUND_FROM, up to BACKGROUND_DEPTH. How close the passages it is not about
# come, in its language and this encoder's geometry (agents/answerability.py).
BACKGROUND_FROM = 4
BACKGROUND_DEPTH = 16


@dataclass(frozen=True)
class PassageRef:
    """Where a passage is kept: its point, its document and knowledge base (for a search's
    results; not part of a citation)."""

    point_id: str
    document_id: str | None
    kb_id: str | None


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, as the answerer and the API see it."""

    text: str
    title: str
    source: str
    section: str | None
    page: int | None
    score: float
    ref: PassageRef | None = field(default=None, compare=False, repr=False)
    # The search's best dense cosine and the question's background (see BACKGROUND_FROM),
    # the same on every passage of one search; None where it was not measured.
    best_dense: float | None = field(default=None, compare=False)
    background: float | None = field(default=None, compare=False)
    # The scope holds passages in the question's language and in others (IndexHits).
    mixed_scope: bool = field(default=False, compare=False)
    # The scope holds more than BACKGROUND_FROM passages and fewer than BACKGROUND_DEPTH;
    # or BACKGROUND_FROM at most (IndexHits).
    few_passages: bool = field(default=False, compare=False)
    tiny_scope: bool = field(default=False, compare=False)
    # The words of names, and of things asked for, the question searched with that no
    # passage in scope holds (IndexHits).
    unheld_words: tuple[str, ...] = field(default=(), compare=False)
    # Searched past the "is anything close" gate only because the question asks one of
    # the facts: only a sentence giving it answers.
    past_gate: bool = field(default=False, compare=False)

    @property
    def heading(self) -> str | None:
        """What its sentences are judged under: its section, else its title."""
        return self.section or self.title

    def to_dict(self) -> dict:
        """What a citation and the conversation's state keep (not `ref`)."""
        return {name: value for name, value in asdict(self).items() if name != "ref"}


@dataclass(frozen=True)
class IndexHits:
    """Point ids best first with their scores, and the best dense cosine in scope (the
    "is anything relevant" gate), None when the scope is empty."""

    ids: list[int | str]
    scores: list[float]
    best_dense: float | None
    # The records of the first hits, when the search was asked to fetch them.
    records: list[models.Record] | None = None
    background: float | None = None
    # In a scope of several languages, each other language's best dense cosine and
    # background (the question's background shifted as agents/fusion.py finds).
    other_languages: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    # ... and the question's own language too: enough hits in both to measure their
    # backgrounds (agents/fusion.py's MIN_BEHIND)
    mixed_scope: bool = False
    # Fewer passages in scope than BACKGROUND_DEPTH, but enough for a background: a
    # knowledge base of a few documents, where the one on a question's subject stands out
    # whatever is asked of it.
    few_passages: bool = False
    # BACKGROUND_FROM passages or fewer in scope: a knowledge base of one to four pages,
    # too few to measure a background.
    tiny_scope: bool = False
    # The words of the query's names (agents/answerability.proper_names), and of the
    # things it asks whether there are (asked_things), that no passage in scope holds,
    # as written or stemmed: what the knowledge bases never mention.
    unheld: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fetch:
    """What a search also returns: the payloads (and these named vectors) of its first
    `count` hits, in the same round trip."""

    count: int
    vectors: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class SearchScope:
    """Where and how one assistant searches: its organisation's active knowledge bases
    (id -> priority) and its retrieval settings."""

    org_id: str
    priorities: dict[str, int]
    mode: str
    k: int
    score_threshold: float
    # The question's own filters on documents' metadata (knowledge/documents/attributes.py):
    # applied inside the search, with the tenant filter.
    narrowed: models.Filter | None = None


class Retriever:
    """One search per turn: the fused (or single-mode) ranking and the best dense cosine
    in scope, which decides "nothing relevant" (fused RRF scores are not comparable
    across queries, cosines are), asked of Qdrant (a server or embedded Qdrant Edge) in
    one batched request."""

    def __init__(
        self,
        *,
        client: QdrantClient,
        collection: str,
        embeddings: LocalEmbeddings,
        candidates: int,
        rrf_k: int,
        weights: tuple[float, float],
        versions: IndexVersions | None = None,
    ) -> None:
        self.client = client
        self.versions = versions  # which points which encoder made, while that differs
        self.collection = collection
        self.embeddings = embeddings
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.weights = weights
        self.sparse = BM25SparseEmbeddings()
        # How far this encoder puts other languages' passages (None: not measured for it).
        self.offsets = LanguageOffsets.load(embeddings.name)
        self.sentence_vectors: bool | None = None  # does the collection keep them? (asked once)

    def search(self, query: str, scope: SearchScope) -> list[Passage]:
        """The k best passages, or none when nothing in the knowledge bases is close."""
        if not query.strip() or not scope.priorities:
            return []
        # Several priorities re-rank the pool, so which k hits are kept is known only then;
        # otherwise the k best come back with the search (embedded: one call, not two).
        reranked = len(set(scope.priorities.values())) > 1
        fetch = None if reranked else Fetch(scope.k, self._stored_vectors())
        # Fuse over a wider pool than k, then keep k: RRF needs depth to help.
        hits = self.ranked(query, scope, limit=max(self.candidates, scope.k), fetch=fetch)
        # A fact asked in a few words ("Tempatnya di mana?") may be close to nothing: only
        # a sentence giving it answers, which the answerer looks for.
        close = scope.score_threshold <= -1 or (hits.best_dense or -1) >= scope.score_threshold
        past_gate = not close and asked_fact(query) is not None
        if not hits.ids or not (close or past_gate):
            return []
        ranked = list(zip(hits.ids, hits.scores, strict=True))
        if reranked:
            # Knowledge-base priorities re-rank the whole pool (their kb ids only).
            kb_of = {
                str(r.id): _kb_of(r)
                for r in self.client.retrieve(
                    self.collection, hits.ids, with_payload=["metadata.kb_id"]
                )
            }
            ranked.sort(  # stable: equal scores keep their order
                key=lambda hit: (
                    -hit[1]
                    * (1 + PRIORITY_BOOST * scope.priorities.get(kb_of.get(str(hit[0]), ""), 0))
                )
            )
        top = ranked[: scope.k]
        fetched = (
            self._remembered(hits.records)
            if hits.records is not None
            else self._records([point_id for point_id, _ in top])
        )
        records = {str(r.id): r for r in fetched}
        passages = []
        for point_id, score in top:
            if (record := records.get(str(point_id))) is None:
                continue
            # A passage in another language is judged against its own language's level.
            best, background = hits.other_languages.get(
                _language(record) or "", (hits.best_dense, hits.background)
            )
            passages.append(
                replace(
                    _passage(record, score),
                    best_dense=best,
                    background=background,
                    mixed_scope=hits.mixed_scope,
                    few_passages=hits.few_passages,
                    tiny_scope=hits.tiny_scope,
                    unheld_words=hits.unheld,
                    past_gate=past_gate,
                )
            )
        return passages

    def closeness(self, texts: list[str], scope: SearchScope) -> list[float]:
        """Each text's best dense cosine to the passages in scope (-1.0 with none): how
        close it is to what the assistant's knowledge bases are about. One round trip."""
        best = [-1.0] * len(texts)
        if not texts or not scope.priorities:
            return best
        query_filter = tenant_filter(scope.org_id, sorted(scope.priorities))
        asked = [
            (index, vector, where)
            for index, text in enumerate(texts)
            for vector, where in self._dense_queries(text, query_filter)
        ]
        responses = self.client._client.query_batch_points(
            collection_name=self.collection,
            requests=[
                models.QueryRequest(query=vector, using=DENSE_VECTOR, filter=where, limit=1)
                for _, vector, where in asked
            ],
        )
        for (index, _, _), response in zip(asked, responses, strict=True):
            if response.points:
                best[index] = max(best[index], float(response.points[0].score))
        return best

    def _stored_vectors(self) -> tuple[str, ...]:
        """The named vectors read back with the passages: the sentence vectors stored at
        ingestion, when the collection keeps them (asked once)."""
        if self.sentence_vectors is None:
            self.sentence_vectors = has_sentence_vectors(self.client, self.collection)
        return (SENTENCES_VECTOR,) if self.sentence_vectors else ()

    def _records(self, ids: list[int | str]) -> list[models.Record]:
        """Payloads of the hits, with the sentence vectors stored at ingestion."""
        vectors = list(self._stored_vectors()) or False
        read = self.client.retrieve(self.collection, ids, with_payload=True, with_vectors=vectors)
        return self._remembered(read)

    def _remembered(self, records: list[models.Record]) -> list[models.Record]:
        """The records, their sentence vectors handed to the embeddings cache for the
        answerer (they are not part of the state)."""
        for record in records:
            stored = (
                record.vector.get(SENTENCES_VECTOR) if isinstance(record.vector, dict) else None
            )
            payload = record.payload or {}
            if (
                stored
                and payload.get(SPLIT_FIELD) == SPLIT_VERSION
                # (made by another encoder: the answerer embeds its sentences anew)
                and encoder_of(payload, self.embeddings.name) == self.embeddings.name
            ):
                passage = _passage(record, 0.0)
                contexts = sentence_contexts(passage.text, passage.heading)
                # else the splitter changed: embed anew (points stored before the digest
                # are told by their count of sentences)
                made = payload.get(DIGEST_FIELD)
                if (digest(contexts) == made) if made else len(contexts) == len(stored):
                    self.embeddings.remember(contexts, stored)
        return records

    def ranked(
        self, query: str, scope: SearchScope, *, limit: int, fetch: Fetch | None = None
    ) -> IndexHits:
        """Point ids best first with their scores, and the best dense cosine in scope (and
        with `fetch`, the first hits' records)."""
        query_filter = tenant_filter(scope.org_id, sorted(scope.priorities))
        if scope.narrowed is not None:
            query_filter = _both(query_filter, scope.narrowed)
        sparse_filter = query_filter
        keywords_language = None
        dense: list[tuple[list[float], models.Filter]] = []
        if scope.mode != "sparse":
            dense = self._dense_queries(query, query_filter)
        sparse = None
        language, sure = guess(query)
        # Each name the question uses, each thing it asks whether there is and each way
        # it asks of doing it ("online"), looked for in the whole scope in the same round
        # trip: one the knowledge bases never mention is not something they answer.
        named = [word for name in proper_names(query, language) for word in name]
        # ... and, asked why, each of its words ("purr" of "Why do cats purr?")
        asked = (
            named
            + asked_things(query, language)
            + asked_manners(query)
            + why_words(query, language)
        )
        probes = {
            word: models.SparseVector(**vars(self.sparse.embed_word(word, language)))
            for word in dict.fromkeys(asked)
        }
        if scope.mode != "dense":
            vector = self.sparse.embed_query(query, language)
            sparse = models.SparseVector(indices=vector.indices, values=vector.values)
            if not vector.indices and not dense:
                return IndexHits([], [], None)
            if dense and sure >= KEYWORDS_LANGUAGE_CONFIDENCE:
                # Keywords are matched in the question's own language only: across
                # languages they match names and stray words (XQuAD over English
                # paragraphs, hybrid R@5 for German questions: 0.934 with every chunk,
                # dense alone 0.978); the dense side finds the other languages.
                sparse_filter = _both(query_filter, in_language(language))
                keywords_language = language
        hits = self._ask_qdrant(
            query_filter, dense, sparse, limit, fetch, sparse_filter, keywords_language, probes
        )
        if scope.mode == "sparse" and hits.best_dense is None and hits.ids:
            # Sparse-only assistants gate on the dense cosine of the query all the same.
            hits = replace(hits, best_dense=self._best_dense(query, scope))
        return hits

    def _dense_queries(
        self, query: str, query_filter: models.Filter
    ) -> list[tuple[list[float], models.Filter]]:
        """The question's dense vector and where it is compared: everywhere, or while
        old points are being re-made by a new encoder (ingestion.reembed), one vector
        per encoder, each over the points its encoder made."""
        transition = self.versions.transition() if self.versions is not None else None
        if transition is None or transition.previous is None:
            return [(self.embeddings.embed_query(query), query_filter)]
        return [
            (self.embeddings.embed_query(query), _both(query_filter, transition.current)),
            (transition.previous.embed_query(query), _both(query_filter, transition.stale)),
        ]

    def _ask_qdrant(
        self,
        query_filter: models.Filter,
        dense: list[tuple[list[float], models.Filter]],
        sparse: models.SparseVector | None,
        limit: int,
        fetch: Fetch | None = None,
        sparse_filter: models.Filter | None = None,
        keywords_language: str | None = None,
        probes: dict[str, models.SparseVector] | None = None,
    ) -> IndexHits:
        """The best dense match, and the ranking: one round trip, which with `fetch` also
        brings the first hits' records. Both kinds of vectors are fused here
        (agents/fusion.py): Qdrant's own RRF orders hits of equal score by chance, and when
        keywords are matched in `keywords_language` only and the scope holds passages in
        other languages, each language is read against its own."""
        across = keywords_language is not None and sparse is not None and len(dense) == 1
        hybrid = sparse is not None and bool(dense)
        # The dense ranking's head for each dense query: its best match, and the
        # question's background (across languages: the dense pool, and the pool of the
        # passages in other languages with their languages; a hit of the first that is
        # not in the second is in the question's language, so no payload is read for it).
        requests = [
            models.QueryRequest(
                query=vector,
                using=DENSE_VECTOR,
                filter=where,
                limit=max(BACKGROUND_DEPTH, limit) if hybrid else BACKGROUND_DEPTH,
            )
            for vector, where in dense
        ]
        if across:
            requests.append(
                models.QueryRequest(
                    query=dense[0][0],
                    using=DENSE_VECTOR,
                    filter=_both(query_filter, not_in_language(keywords_language)),
                    limit=limit,
                    with_payload=[LANGUAGE_FIELD],
                )
            )
        if hybrid:
            keywords_in = sparse_filter or query_filter
            requests.append(
                models.QueryRequest(
                    query=sparse, using=SPARSE_VECTOR, filter=keywords_in, limit=limit
                )
            )
            if fetch is not None:
                # Qdrant's own fusion brings the records of its first hits in the same
                # round trip; the order is decided here, and a hit among ours it did not
                # bring (hits scored alike, which it orders its own way) is read after.
                prefetch = [
                    models.Prefetch(query=vector, using=DENSE_VECTOR, filter=where, limit=limit)
                    for vector, where in dense
                ]
                prefetch.append(
                    models.Prefetch(
                        query=sparse, using=SPARSE_VECTOR, filter=keywords_in, limit=limit
                    )
                )
                weights = [self.weights[0]] * len(dense) + [self.weights[1]]
                requests.append(
                    models.QueryRequest(
                        prefetch=prefetch,
                        query=models.RrfQuery(rrf=models.Rrf(k=self.rrf_k, weights=weights)),
                        limit=min(limit, fetch.count),
                        with_payload=True,
                        with_vector=list(fetch.vectors) or False,
                    )
                )
        else:
            requests.append(
                models.QueryRequest(
                    query=dense[0][0] if dense else sparse,
                    using=DENSE_VECTOR if dense else SPARSE_VECTOR,
                    filter=query_filter,
                    limit=limit,
                )
            )
            if fetch is not None:  # only the hits kept
                requests[-1].limit = min(limit, fetch.count)
                requests[-1].with_payload = True
                requests[-1].with_vector = list(fetch.vectors) or False
        # Straight to qdrant-client's transport (remote or embedded): its public method
        # first deep-copies every request to resolve inference objects this service never
        # sends, about 0.45 ms of a 1.4 ms search (profiled, bench/scale.py at 1k).
        # Each probe (a word of a name, and its vector) asks for one point of the scope
        # holding the word, ahead of the rest.
        probes = probes or {}
        requests[:0] = [
            models.QueryRequest(query=word, using=SPARSE_VECTOR, filter=query_filter, limit=1)
            for word in probes.values()
        ]
        responses = self.client._client.query_batch_points(
            collection_name=self.collection, requests=requests
        )
        unheld = tuple(
            word
            for word, found in zip(probes, responses[: len(probes)], strict=True)
            if not found.points
        )
        responses = responses[len(probes) :]
        heads = [r.points[:BACKGROUND_DEPTH] for r in responses[: len(dense)] if r.points]
        # Every dense head asked for BACKGROUND_DEPTH points at least, unfiltered by score:
        # fewer came back, so the scope holds fewer (and enough to measure a background).
        in_scope = sum(len(points) for points in heads)
        few = BACKGROUND_FROM < in_scope < BACKGROUND_DEPTH
        tiny = 0 < in_scope <= BACKGROUND_FROM
        best = max(points[0].score for points in heads) if heads else None
        behind = [p.score for points in heads for p in points[BACKGROUND_FROM:]]
        background = sum(behind) / len(behind) if behind else None
        keywords: list[tuple[int | str, float]] = []
        brought: list[models.ScoredPoint] = []
        if hybrid:  # after the dense heads (and the other languages' pool): the keywords
            matched = responses[len(dense) + across]
            keywords = [(p.id, float(p.score)) for p in matched.points]
            brought = responses[-1].points if fetch is not None else []
        if across and keywords_language and responses[1].points:
            # passages in other languages are in scope
            others = {p.id: _dense_hit(p) for p in responses[1].points}
            pool = [
                others.get(p.id, DenseHit(p.id, float(p.score), None))
                for p in responses[0].points[:limit]
            ] + list(others.values())
            ranking, found = self._fused_across(
                pool, keywords, keywords_language, limit, background
            )
            ids = [point_id for point_id, _ in ranking]
            scores = [score for _, score in ranking]
            placed = {
                language: (level.best, level.background)
                for language, level in found.items()
                if language != keywords_language
            }
            fetched = self._fetched(ids, fetch, brought)
            # Mixed when the question's language and another have passages enough to
            # measure their backgrounds: a few passages detected in a language (a
            # name-heavy paragraph in an English knowledge base) do not make one.
            measured = {language for language, level in found.items() if level.measured}
            mixed_scope = keywords_language in measured and len(measured) > 1
            return IndexHits(
                ids, scores, best, fetched, background, placed, mixed_scope, few, tiny, unheld
            )
        if hybrid:
            meanings = [
                [(p.id, float(p.score), self.weights[0]) for p in response.points[:limit]]
                for response in responses[: len(dense)]
            ]
            keyed = [(point_id, score, self.weights[1]) for point_id, score in keywords]
            ranking = rrf([*meanings, keyed], k=self.rrf_k, limit=limit)
            ids = [point_id for point_id, _ in ranking]
            return IndexHits(
                ids, [score for _, score in ranking], best, self._fetched(ids, fetch, brought),
                background, few_passages=few, tiny_scope=tiny, unheld=unheld,
            )  # fmt: skip
        # one ranking: equal scores by point id, as the fused ones
        points = sorted(responses[-1].points, key=lambda p: (-p.score, str(p.id)))
        records = None
        if fetch is not None:
            records = [_record(p) for p in points]
        return IndexHits(
            [p.id for p in points], [float(p.score) for p in points], best, records, background,
            few_passages=few, tiny_scope=tiny, unheld=unheld,
        )  # fmt: skip

    def _fused_across(
        self,
        pool: list[DenseHit],
        keywords: list[tuple[int | str, float]],
        language: str,
        limit: int,
        background: float | None,
    ) -> tuple[list[tuple[int | str, float]], dict[str, Level]]:
        """The ranking of a scope in several languages: the keyword ranking fused with the
        dense pool read language by language; and how much lower each language's
        background sits than the question's."""
        found = levels(
            pool,
            question_language=language,
            start=BACKGROUND_FROM,
            depth=BACKGROUND_DEPTH,
            offsets=self.offsets,
            fallback=background,
        )
        fair = language_fair(pool, question_language=language, found=found)
        return fuse(
            fair[:limit],
            keywords,
            question_language=language,
            weights=self.weights,
            k=self.rrf_k,
            limit=limit,
        ), found

    def _fetched(
        self, ids: list[int | str], fetch: Fetch | None, brought: list[models.ScoredPoint]
    ) -> list[models.Record] | None:
        """The first hits' records, when the search was asked to fetch them: those Qdrant's
        own fusion `brought` already, and the others read."""
        if fetch is None or not ids:
            return None
        have = {str(p.id): _record(p) for p in brought}
        wanted = ids[: fetch.count]
        missing = [point_id for point_id in wanted if str(point_id) not in have]
        if missing:
            read = self.client.retrieve(
                self.collection,
                missing,
                with_payload=True,
                with_vectors=list(fetch.vectors) or False,
            )
            have.update({str(r.id): r for r in read})
        return [have[str(i)] for i in wanted if str(i) in have]

    def _best_dense(self, query: str, scope: SearchScope) -> float | None:
        dense_only = replace(scope, mode="dense", k=1)
        return self.ranked(query, dense_only, limit=1).best_dense


def _both(first: models.Filter, second: models.Filter) -> models.Filter:
    return models.Filter(must=[first, second])


def _record(point: models.ScoredPoint) -> models.Record:
    """A hit as a record (from Qdrant itself: not validated again)."""
    return models.Record.model_construct(id=point.id, payload=point.payload, vector=point.vector)


def _language(point: models.ScoredPoint | models.Record) -> str | None:
    """A point's language as detected at ingestion (None when it was not kept)."""
    return ((point.payload or {}).get("metadata") or {}).get("language") or None


def _dense_hit(point: models.ScoredPoint) -> DenseHit:
    return DenseHit(point.id, float(point.score), _language(point))


def _kb_of(record: models.Record) -> str:
    return ((record.payload or {}).get("metadata") or {}).get("kb_id", "")


def _passage(record: models.Record, score: float) -> Passage:
    payload = record.payload or {}
    metadata = payload.get("metadata") or {}
    return Passage(
        text=payload.get("page_content", ""),
        title=metadata.get("title") or metadata.get("source", ""),
        source=metadata.get("source", ""),
        section=metadata.get("section"),
        page=metadata.get("page"),
        score=round(float(score), 4),
        ref=PassageRef(str(record.id), metadata.get("document_id"), metadata.get("kb_id")),
    )
