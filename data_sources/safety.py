"""What a model's SQL must be before it runs: one read-only query over the data source's
own tables. The model's SQL is untrusted input (the data it reads can carry a prompt
injection), so it is parsed with a real SQL parser and checked node by node; the
connection it then runs on is read-only too (engines.py), so one slip here still
writes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

# sqlglot's dialect for each engine a data source runs on.
DIALECTS = {"sqlite": "sqlite", "postgresql": "postgres", "duckdb": "duckdb"}

# Statements and clauses that write, change settings, or reach outside the query.
FORBIDDEN_NODES: tuple[type[exp.Expression], ...] = (
    exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Drop, exp.Create, exp.Alter,
    exp.Command, exp.Pragma, exp.Copy, exp.Set, exp.Into, exp.Use, exp.TruncateTable,
    exp.Transaction, exp.Commit, exp.Rollback, exp.LoadData, exp.Lock,
)  # fmt: skip

# Functions that read files or other databases, sleep, write settings or sequences, or
# load code: refused by name in any engine (lower case; `*` ends a prefix).
FORBIDDEN_FUNCTIONS = (
    "read_*", "*_scan", "glob", "readfile", "writefile", "load_extension", "edit",
    "fts*", "sqlite_*", "zeroblob", "randomblob", "pg_*", "lo_*", "dblink*",
    "set_config", "current_setting", "nextval", "setval", "currval", "query",
    "copy", "getenv", "txid_*", "http_*", "sleep", "sniff_csv", "parquet_*", "iceberg_*",
    "delta_*", "json_execute_serialized_sql", "query_table", "duckdb_*", "system",
    "*_to_xml", "*_to_xmlschema", "*_to_xml_and_xmlschema", "ts_stat", "ts_rewrite",
    "xpath*", "xmlparse", "xml_is_well_formed*", "inet_*", "version",
)  # fmt: skip
# PostgreSQL runs SQL text given to some functions (query_to_xml, ts_stat, ...) and reads
# server files through others: there, a function sqlglot does not know as a standard one
# must be on this list (a deny-list always misses one).
POSTGRES_OTHER_FUNCTIONS = frozenset(
    """
    age make_date make_time make_timestamp make_timestamptz make_interval clock_timestamp
    statement_timestamp transaction_timestamp isfinite justify_interval date_part
    octet_length bit_length strpos substr regexp_matches regexp_match regexp_split_to_array
    regexp_count regexp_substr array_to_string array_position array_positions cardinality
    array_remove array_append array_cat array_dims array_lower array_upper
    json_extract_path json_extract_path_text jsonb_extract_path jsonb_extract_path_text
    json_build_object jsonb_build_object json_build_array jsonb_build_array json_agg
    jsonb_agg json_object_agg jsonb_object_agg json_array_length jsonb_array_length
    json_typeof jsonb_typeof to_json to_jsonb every cbrt degrees radians pi log10 div
    gcd lcm factorial num_nulls num_nonnulls to_tsvector to_tsquery plainto_tsquery
    phraseto_tsquery websearch_to_tsquery ts_rank ts_rank_cd ts_headline
    percentile_disc covar_samp covar_pop corr regr_intercept regr_r2 stddev_pop
    stddev_samp var_samp bit_and bit_or bool_and bool_or unaccent similarity
""".split()
)
# Standard functions that still make a value as large as asked (a memory bomb).
POSTGRES_REFUSED_STANDARD = frozenset({"repeat", "pad", "lpad", "rpad"})

_FORBIDDEN = re.compile(
    "|".join("^" + re.escape(pattern).replace(r"\*", ".*") + "$" for pattern in FORBIDDEN_FUNCTIONS)
)


class RefusedQuery(ValueError):
    """The query is not run: the reason is given back to the model to correct it."""


def vetted(sql: str, *, engine: str, tables: Iterable[str]) -> str:
    """The query as it will run, or RefusedQuery saying why not. `tables`: the names the
    data source exposes (as `name` or `schema.name`)."""
    dialect = DIALECTS[engine]
    try:
        statements = [s for s in sqlglot.parse(sql, read=dialect) if s is not None]
    except (ParseError, TokenError) as exc:
        raise RefusedQuery(f"the query does not parse: {_first_line(exc)}") from exc
    if len(statements) != 1:
        raise RefusedQuery(f"exactly one statement is allowed, got {len(statements)}")
    query = statements[0]
    if not isinstance(query, (exp.Select, exp.SetOperation, exp.Subquery)):
        raise RefusedQuery(f"only SELECT (or WITH ... SELECT) is allowed, not {query.key.upper()}")
    allowed = {name.lower() for name in tables}
    ctes = {cte.alias_or_name.lower() for cte in query.find_all(exp.CTE)}
    for node in query.walk():
        if isinstance(node, FORBIDDEN_NODES):
            raise RefusedQuery(f"{node.key.upper()} is not allowed: queries are read-only")
        if isinstance(node, exp.Func):
            _check_function(node)
            if engine == "postgresql":
                _check_postgres_function(node)
        if isinstance(node, exp.Table):
            _check_table(node, allowed, ctes)
    return sql.strip().rstrip(";").strip()


def _check_function(node: exp.Func) -> None:
    names = {node.sql_name().lower()}
    if isinstance(node, exp.Anonymous):
        names.add(str(node.name).lower())
    for name in names:
        if _FORBIDDEN.match(name):
            raise RefusedQuery(f"the function {name}() is not allowed")


def _check_postgres_function(node: exp.Func) -> None:
    if isinstance(node, exp.Anonymous):
        name = str(node.name).lower()
        if name not in POSTGRES_OTHER_FUNCTIONS:
            raise RefusedQuery(
                f"the function {name}() is not allowed here: use standard SQL functions "
                "(aggregates, string, number and date functions)"
            )
    elif node.key in POSTGRES_REFUSED_STANDARD:
        raise RefusedQuery(f"the function {node.sql_name().lower()}() is not allowed here")


def _check_table(node: exp.Table, allowed: set[str], ctes: set[str]) -> None:
    if not isinstance(node.this, exp.Identifier):  # a table function, a file path
        raise RefusedQuery(f"only the data source's tables can be read, not {node.sql()}")
    name = node.name.lower()
    qualified = ".".join(p.lower() for p in (node.catalog, node.db, node.name) if p)
    if qualified in allowed or (not node.db and (name in allowed or name in ctes)):
        return
    known = ", ".join(sorted(allowed)) or "none"
    raise RefusedQuery(f"no table {qualified!r} in this data source (tables: {known})")


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
