"""The conflict-check name index: one row per searchable name, normalised, with a
pg_trgm index for fuzzy matching (issue 10 item 7; PRODUCT.md section 2).

Normalisation is one definition written twice, in Python (:func:`normalize_name`,
for the names typed or checked) and in SQL (``vc_coi_normalize``, for the set-based
refresh of the index from its sources); a test proves they agree:

1. NFKC (full-width letters, digits and punctuation become half-width);
2. Latin capitals A-Z folded to lower case (deliberately only ASCII: PostgreSQL's
   ``lower()`` depends on the database's ctype, this does not);
3. every run of characters that is neither an ASCII letter or digit nor a letter of
   another script (CJK, accented Latin ...) becomes one space: spaces, Latin and
   Chinese punctuation (·、，。（）《》- & . , ...);
4. legal-form suffixes (``vc.coi.legal.suffix``, seeded: 有限公司, 股份有限公司,
   律师事务所, Co., Ltd, LLC, GmbH ...) are stripped from the end, repeatedly, the
   longest first;
   a Latin suffix only as whole words, a Chinese one as characters; a name is never
   stripped to nothing;
5. the spaces are removed.

A Latin-script name (only ASCII letters and digits left) also gets a *core name*
(:func:`core_name` / ``vc_coi_core``): the same spaced form without the generic words
(``vc.coi.legal.suffix`` of kind "generic", seeded: region names such as Shanghai,
Guangdong, China and industry words such as Industrial, Technology, Trading), as
whole words anywhere in the name, spaces removed; never emptied (a name made only of
generic words keeps them all). In a Latin name the generic words carry most of the
trigrams (shanghai + industrial: 17 of the 27 of shanghaihengtongindustrial), so two
unrelated names of the same city and industry are similar above any useful
threshold; the core name is what tells them apart (the fuzzy look-up of a Latin name
goes through the tables of the distinct core names and normal forms: see
``vc.coi.check._vc_check_names``). Chinese names need no core name: their trade name
(字号) carries most of the trigrams, city and industry alone stay below the
threshold.
"""

import logging
import re
import unicodedata
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.tools import SQL, sql

_logger = logging.getLogger(__name__)

# Step 3: what is dropped. The same character class is used by Python and by
# PostgreSQL's regular expressions (both understand \uXXXX escapes).
_DROP_CLASS = (
    r"[^0-9a-z\u00c0-\uffff]"
    r"|[\u00d7\u00f7\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\u30fb\ufe10-\ufe1f"
    r"\ufe30-\ufe6f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufff0-\uffff]"
)
_DROP_RE = re.compile(f"(?:{_DROP_CLASS})+")
_LATIN_RE = re.compile(r"^[0-9a-z ]+$")
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FOLD = str.maketrans(_UPPER, _UPPER.lower())

# Seconds of lag allowed between a source's write_date (its transaction's start) and
# its commit: the incremental refresh re-reads sources written that long before the
# previous refresh, so a long transaction committed after a refresh is not missed.
REFRESH_LAG_SECONDS = 600
REFRESH_PARAM = "vendor_counsel.coi_name_index_refreshed_at"
# The distinct core names of the Latin names of the index (CORE_TABLE), with a
# trigram index and an index of their one-letter variants (vc_coi_core_variants,
# stored), and the distinct (core name, normal form) pairs (PAIR_TABLE): names
# repeat (a company is a contact, a declared interest of several declarants, an
# engaged firm; a trade name is used in several cities), so the fuzzy look-up of a
# Latin name compares each core name once, then each normal form of the similar
# ones once (narrow tables), then reads the names of the similar normal forms
# through the btree of vc_coi_name.name_norm. Filled by the refresh; a core name or
# pair no name has any more is harmless (it reads nothing) and is dropped by the
# full refresh and the cron.
CORE_TABLE = "vc_coi_name_core"
PAIR_TABLE = "vc_coi_name_core_norm"
# The distinct normal forms of the index, with a trigram index: the fuzzy look-up
# of a name without a core name (Chinese ...) compares each distinct normal form
# once in a narrow table (names repeat: a million generated names have 180,000
# normal forms), then reads the names of the similar ones through the btree of
# vc_coi_name.name_norm. Kept like the tables above.
NORM_TABLE = "vc_coi_name_norm"

SOURCE_KINDS = [
    ("declaration_line", "Declared Interest"),
    ("declarant", "Declarant"),
    ("related_person", "Related Person"),
    ("engaged_firm", "Engaged Law Firm"),
    ("engaged_lawyer", "Engaged Lawyer"),
    ("partner", "Contact (Client, Supplier ...)"),
]

# Simple sources: a model whose records each give one name. Each entry is
# model -> (kind, name field, partner field, declarant field, company field);
# a model that is not in the registry (e.g. related persons when the declarations
# part is not there) or a field it lacks is skipped. Declaration lines and
# engagements have their own SQL (they need joins).
SIMPLE_SOURCES = {
    "res.partner": ("partner", "name", "id", None, "company_id"),
    "vc.coi.declarant": ("declarant", "name", "partner_id", "id", "company_id"),
    "vc.coi.related.person": (
        "related_person",
        "name",
        "partner_id",
        "declarant_id",
        "company_id",
    ),
}
WRITE_DATE_TABLES = (
    "res_partner",
    "vc_coi_declarant",
    "vc_coi_related_person",
    "vc_coi_declaration",
    "vc_coi_declaration_line",
    "vc_engagement",
)
# Declarations whose lines are not (or no longer) declared interests
LINE_EXCLUDED_STATES = ("draft", "cancel")


def _base_normalize(name):
    """Steps 1-3: the spaced form (also used to normalise the suffixes)."""
    text = unicodedata.normalize("NFKC", name or "").translate(_FOLD)
    return _DROP_RE.sub(" ", text).strip()


def normalize_suffixes(suffixes):
    """The suffixes in their spaced normal form, longest first, without duplicates."""
    normal = {_base_normalize(s) for s in suffixes}
    return sorted((s for s in normal if s), key=lambda s: (-len(s), s))


def normalize_generic(words):
    """The generic words in their spaced normal form, Latin ones only (a generic
    word only counts as a whole word of a Latin name), longest first."""
    return [w for w in normalize_suffixes(words) if _LATIN_RE.match(w)]


def spaced_name(name, suffixes=()):
    """Steps 1-4: the normal form before its spaces are removed."""
    text = _base_normalize(name)
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if _LATIN_RE.match(suffix):
                if text.endswith(" " + suffix):
                    text = text[: -len(suffix) - 1].rstrip()
                    changed = True
                    break
            elif text.endswith(suffix) and text[: -len(suffix)].strip():
                text = text[: -len(suffix)].rstrip()
                changed = True
                break
    return text


def normalize_name(name, suffixes=()):
    """The normalised form of ``name`` (see the module docstring). ``suffixes`` must
    come from :func:`normalize_suffixes`."""
    return spaced_name(name, suffixes).replace(" ", "")


def core_name(spaced, generic=()):
    """The core name of a name's spaced form (:func:`spaced_name`), or None when
    the name is not Latin. ``generic`` must come from :func:`normalize_generic`."""
    if not spaced or not _LATIN_RE.match(spaced):
        return None
    text = f" {spaced} "
    for word in generic:
        while f" {word} " in text:
            text = text.replace(f" {word} ", " ")
    core = text.replace(" ", "")
    return core or spaced.replace(" ", "")


# The same, in PostgreSQL. $1 the name, $2 the normalised suffixes, longest first;
# vc_coi_core: $1 the spaced form, $2 the normalised generic words, longest first;
# vc_coi_core_variants: a core name and the core name less each one of its letters
# (two core names one letter apart share a variant).
NORMALIZE_FUNCTION = r"""
CREATE OR REPLACE FUNCTION vc_coi_spaced(name text, suffixes text[])
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
    s text;
    suf text;
    changed boolean;
BEGIN
    s := translate(normalize(coalesce(name, ''), NFKC),
                   'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
    s := btrim(regexp_replace(s, '(?:__DROP__)+', ' ', 'g'), ' ');
    LOOP
        changed := false;
        FOREACH suf IN ARRAY coalesce(suffixes, ARRAY[]::text[]) LOOP
            IF suf ~ '^[0-9a-z ]+$' THEN
                IF right(s, length(suf) + 1) = ' ' || suf THEN
                    s := rtrim(left(s, length(s) - length(suf) - 1), ' ');
                    changed := true;
                    EXIT;
                END IF;
            ELSIF right(s, length(suf)) = suf
                  AND btrim(left(s, length(s) - length(suf)), ' ') <> '' THEN
                s := rtrim(left(s, length(s) - length(suf)), ' ');
                changed := true;
                EXIT;
            END IF;
        END LOOP;
        EXIT WHEN NOT changed;
    END LOOP;
    RETURN s;
END
$fn$;

CREATE OR REPLACE FUNCTION vc_coi_normalize(name text, suffixes text[])
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT replace(vc_coi_spaced(name, suffixes), ' ', '')
$fn$;

CREATE OR REPLACE FUNCTION vc_coi_core(spaced text, generic text[])
RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
    s text;
    word text;
BEGIN
    IF coalesce(spaced, '') = '' OR spaced !~ '^[0-9a-z ]+$' THEN
        RETURN NULL;
    END IF;
    s := ' ' || spaced || ' ';
    FOREACH word IN ARRAY coalesce(generic, ARRAY[]::text[]) LOOP
        WHILE position(' ' || word || ' ' IN s) > 0 LOOP
            s := replace(s, ' ' || word || ' ', ' ');
        END LOOP;
    END LOOP;
    s := replace(s, ' ', '');
    RETURN CASE WHEN s = '' THEN replace(spaced, ' ', '') ELSE s END;
END
$fn$;

CREATE OR REPLACE FUNCTION vc_coi_core_variants(core text)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT array_agg(DISTINCT v)
      FROM (SELECT core AS v
            UNION ALL
            SELECT left(core, i - 1) || substr(core, i + 1)
              FROM generate_series(1, length(core)) i) s
$fn$;
""".replace("__DROP__", _DROP_CLASS)


class VcCoiLegalSuffix(models.Model):
    """A legal-form suffix the conflict check ignores when it compares names
    (有限公司, Co., Ltd ...), or a generic word (a region, an industry: Shanghai,
    Industrial ...) left out of the core name of Latin names. Changing the list
    rebuilds the name index."""

    _name = "vc.coi.legal.suffix"
    _description = "Legal-Form Suffix (Conflict Check)"
    _order = "kind, name"

    name = fields.Char(string="Suffix", required=True)
    kind = fields.Selection(
        [("legal_form", "Legal Form"), ("generic", "Generic Word")],
        required=True,
        default="legal_form",
        help="Legal form: stripped from the end of every name. Generic word (a "
        "region, an industry): left out, as a whole word, of the core name of Latin "
        "names; the fuzzy match of a Latin name needs a similar core name.",
    )
    active = fields.Boolean(default=True)

    _name_uniq = models.Constraint("UNIQUE(name)", "This suffix already exists.")

    @api.model
    def _vc_normalized(self):
        """The active legal-form suffixes, normalised, longest first."""
        return normalize_suffixes(
            self.sudo().search([("kind", "=", "legal_form")]).mapped("name")
        )

    @api.model
    def _vc_generic(self):
        """The active generic words, normalised (Latin only), longest first."""
        return normalize_generic(
            self.sudo().search([("kind", "=", "generic")]).mapped("name")
        )

    @api.model
    def _vc_reindex(self):
        """Rebuild the name index; while a module's data loads (one record at a
        time), only clear the refresh mark: the next refresh (the next check or the
        cron) is then a full one."""
        if self.env.context.get("install_mode"):
            self.env["ir.config_parameter"].sudo().set_param(REFRESH_PARAM, False)
        else:
            self.env["vc.coi.name"]._vc_refresh_index(full=True)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._vc_reindex()
        return records

    def write(self, vals):
        res = super().write(vals)
        self._vc_reindex()
        return res

    def unlink(self):
        res = super().unlink()
        self._vc_reindex()
        return res


class VcCoiName(models.Model):
    """One searchable name of the conflict check, kept in step with its source
    (a declared counterparty, a declarant, a related person, an engaged firm or
    lawyer, a contact) by :meth:`_vc_refresh_index`. Confidential: it reveals
    declarations (compliance, audit, committee only)."""

    _name = "vc.coi.name"
    _description = "Conflict Check Name"
    _order = "name_norm, id"
    _rec_name = "name"

    name = fields.Char(required=True, readonly=True)
    name_norm = fields.Char(
        string="Normalised Name", required=True, readonly=True, index="trigram"
    )
    # Latin names only (see the module docstring); its indexes are on CORE_TABLE
    name_core = fields.Char(string="Core Name", readonly=True)
    source_kind = fields.Selection(
        SOURCE_KINDS, string="Source", required=True, readonly=True, index=True
    )
    res_model = fields.Char(string="Source Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", required=True, readonly=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Named Partner", readonly=True, index="btree_not_null"
    )
    declarant_id = fields.Many2one(
        "vc.coi.declarant", readonly=True, index="btree_not_null"
    )
    company_id = fields.Many2one("res.company", readonly=True, index=True)

    _name_norm_idx = models.Index("(name_norm)")
    _source_idx = models.Index("(res_model, res_id)")

    def init(self):
        """pg_trgm (Odoo creates it only in databases it creates itself) and the SQL
        twin of :func:`normalize_name`. Runs before the registry checks the indexes,
        so the trigram indexes of this module are created in the same install."""
        cr = self.env.cr
        cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if not cr.rowcount:
            try:
                with cr.savepoint(flush=False):
                    cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except Exception:  # noqa: BLE001 - no privilege: Odoo's fallback below
                _logger.error(
                    "The conflict check needs the PostgreSQL extension pg_trgm; "
                    "create it as a superuser: CREATE EXTENSION pg_trgm"
                )
        cr.execute("SELECT 1 FROM pg_proc WHERE proname = 'word_similarity'")
        self.pool.has_trigram = bool(cr.rowcount)
        cr.execute(NORMALIZE_FUNCTION)
        cr.execute(
            SQL(
                """CREATE TABLE IF NOT EXISTS %(cores)s (
                       core varchar PRIMARY KEY, variants text[] NOT NULL);
                   CREATE TABLE IF NOT EXISTS %(pairs)s (
                       core varchar NOT NULL, norm varchar NOT NULL,
                       PRIMARY KEY (core, norm));
                   CREATE TABLE IF NOT EXISTS %(norms)s (norm varchar PRIMARY KEY)""",
                cores=SQL.identifier(CORE_TABLE),
                pairs=SQL.identifier(PAIR_TABLE),
                norms=SQL.identifier(NORM_TABLE),
            )
        )
        if self.pool.has_trigram:
            sql.create_index(
                cr,
                f"{CORE_TABLE}__core_index",
                CORE_TABLE,
                ["core gin_trgm_ops"],
                method="gin",
            )
            sql.create_index(
                cr,
                f"{NORM_TABLE}__norm_index",
                NORM_TABLE,
                ["norm gin_trgm_ops"],
                method="gin",
            )
        sql.create_index(
            cr,
            f"{CORE_TABLE}__variants_index",
            CORE_TABLE,
            ["variants"],
            method="gin",
        )
        # the incremental refresh looks sources up by write_date
        for table in WRITE_DATE_TABLES:
            if sql.table_exists(cr, table):
                sql.create_index(
                    cr, f"{table}__vc_coi_write_date_idx", table, ["write_date"]
                )

    # ------------------------------------------------------------------ refresh

    def _vc_source_queries(self, since, suffixes):
        """One ``SELECT (res_model, res_id, name, spaced form, source_kind,
        partner_id, declarant_id, company_id)`` per source, restricted to the
        sources changed since ``since`` (all when None), and the matching
        ``changed`` selects of (res_model, res_id) whose index rows are replaced."""
        queries = []

        def changed(alias, *aliases):
            if since is None:
                return SQL("TRUE")
            return SQL(" OR ").join(
                SQL("%s.write_date >= %s", SQL.identifier(a), since)
                for a in (alias, *aliases)
            )

        for model_name, spec in SIMPLE_SOURCES.items():
            if model_name not in self.env:
                continue
            kind, name_f, partner_f, declarant_f, company_f = spec
            model = self.env[model_name]
            fields_ = model._fields
            if name_f not in fields_ or not fields_[name_f].store:
                continue

            def col(fname, fields_=fields_):
                if fname and (fname == "id" or fname in fields_):
                    return SQL.identifier("s", fname)
                return SQL("NULL::int")

            where = [SQL("s.%s IS NOT NULL", SQL.identifier(name_f))]
            if "active" in fields_:
                where.append(SQL("s.active"))
            table = SQL.identifier(model._table)
            select = SQL(
                """SELECT %(model)s, s.id, s.%(name)s,
                          vc_coi_spaced(s.%(name)s, %(suffixes)s::text[]),
                          %(kind)s, %(partner)s, %(declarant)s, %(company)s
                     FROM %(table)s s
                    WHERE %(where)s AND (%(changed)s)""",
                model=model_name,
                name=SQL.identifier(name_f),
                suffixes=suffixes,
                kind=kind,
                partner=col(partner_f),
                declarant=col(declarant_f),
                company=col(company_f),
                table=table,
                where=SQL(" AND ").join(where),
                changed=changed("s"),
            )
            candidates = SQL(
                "SELECT %s, s.id FROM %s s WHERE %s",
                model_name,
                table,
                changed("s"),
            )
            queries.append((select, candidates))
        # declaration lines: declared (not draft, not cancelled) interests
        queries.append(
            (
                SQL(
                    """SELECT 'vc.coi.declaration.line', l.id, l.counterparty_name,
                              vc_coi_spaced(l.counterparty_name,
                                            %(suffixes)s::text[]),
                              'declaration_line', l.counterparty_id,
                              d.declarant_id, d.company_id
                         FROM vc_coi_declaration_line l
                         JOIN vc_coi_declaration d ON d.id = l.declaration_id
                        WHERE d.state NOT IN %(excluded)s
                          AND l.counterparty_name IS NOT NULL
                          AND (%(changed)s)""",
                    suffixes=suffixes,
                    excluded=LINE_EXCLUDED_STATES,
                    changed=changed("l", "d"),
                ),
                SQL(
                    """SELECT 'vc.coi.declaration.line', l.id
                         FROM vc_coi_declaration_line l
                         JOIN vc_coi_declaration d ON d.id = l.declaration_id
                        WHERE %s""",
                    changed("l", "d"),
                ),
            )
        )
        # engagements: the firm and each lawyer, for engagements not cancelled
        live = SQL("e.state != 'cancel'")
        queries.append(
            (
                SQL(
                    """SELECT 'vc.engagement', e.id, p.name,
                              vc_coi_spaced(p.name, %(suffixes)s::text[]),
                              'engaged_firm', p.id, NULL::int, e.company_id
                         FROM vc_engagement e
                         JOIN res_partner p ON p.id = e.firm_id
                        WHERE %(live)s AND (%(changed)s)
                    UNION ALL
                       SELECT 'vc.engagement', e.id, p.name,
                              vc_coi_spaced(p.name, %(suffixes)s::text[]),
                              'engaged_lawyer', p.id, NULL::int, e.company_id
                         FROM vc_engagement e
                         JOIN vc_engagement_lawyer_rel r ON r.engagement_id = e.id
                         JOIN res_partner p ON p.id = r.partner_id
                        WHERE %(live)s AND (%(changed_lawyer)s)""",
                    suffixes=suffixes,
                    live=live,
                    changed=changed("e", "p"),
                    changed_lawyer=changed("e", "p"),
                ),
                SQL(
                    """SELECT 'vc.engagement', e.id FROM vc_engagement e
                         LEFT JOIN res_partner p ON p.id = e.firm_id
                        WHERE %(changed)s
                    UNION
                       SELECT 'vc.engagement', r.engagement_id
                         FROM vc_engagement_lawyer_rel r
                         JOIN res_partner p ON p.id = r.partner_id
                         JOIN vc_engagement e ON e.id = r.engagement_id
                        WHERE %(changed)s""",
                    changed=changed("e", "p"),
                ),
            )
        )
        return queries

    @api.model
    def _vc_refresh_index(self, full=False):
        """Bring the index in step with its sources, set-based: the rows of the
        sources written since the previous refresh (less the lag allowance) are
        compared with the index in one statement per source (``DELETE`` what
        differs, ``INSERT ... SELECT`` what is missing); a full refresh rebuilds
        everything and drops the rows of deleted sources. Cheap when nothing
        changed (an indexed look-up per source, nothing written). Returns the
        number of rows deleted or inserted."""
        self.env.flush_all()
        cr = self.env.cr
        param = self.env["ir.config_parameter"].sudo()
        last = param.get_param(REFRESH_PARAM)
        since = None
        if last and not full:
            since = fields.Datetime.from_string(last) - timedelta(
                seconds=REFRESH_LAG_SECONDS
            )
        suffixes = self.env["vc.coi.legal.suffix"]._vc_normalized()
        generic = self.env["vc.coi.legal.suffix"]._vc_generic()
        now = self.env.execute_query(SQL("SELECT now() AT TIME ZONE 'UTC'"))[0][0]
        written = 0
        if since is None:
            cr.execute("DELETE FROM vc_coi_name")
        core_table = SQL.identifier(CORE_TABLE)
        columns = SQL(
            "src(res_model, res_id, name, spaced, source_kind, partner_id, "
            "declarant_id, company_id)"
        )
        # the source selects give the spaced form: normal form and core name
        derived = SQL(
            """src.res_model, src.res_id, src.name,
               replace(src.spaced, ' ', '') AS name_norm,
               vc_coi_core(src.spaced, %s::text[]) AS name_core, src.source_kind,
               src.partner_id, src.declarant_id, src.company_id""",
            generic,
        )
        same = SQL(
            """d.res_model = n.res_model AND d.res_id = n.res_id
               AND d.name = n.name AND d.name_norm = n.name_norm
               AND d.name_core IS NOT DISTINCT FROM n.name_core
               AND d.source_kind = n.source_kind
               AND d.partner_id IS NOT DISTINCT FROM n.partner_id
               AND d.declarant_id IS NOT DISTINCT FROM n.declarant_id
               AND d.company_id IS NOT DISTINCT FROM n.company_id"""
        )
        for select, candidates in self._vc_source_queries(since, suffixes):
            if since is None:
                cr.execute(
                    SQL(
                        """INSERT INTO vc_coi_name
                               (res_model, res_id, name, name_norm, name_core,
                                source_kind, partner_id, declarant_id, company_id,
                                create_uid, write_uid, create_date, write_date)
                           SELECT %(derived)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                             FROM (%(select)s) %(columns)s
                            WHERE src.spaced != ''""",
                        uid=self.env.uid,
                        now=now,
                        select=select,
                        columns=columns,
                        derived=derived,
                    )
                )
                written += cr.rowcount
                continue
            # incremental: only what differs is deleted or inserted
            written += self.env.execute_query(
                SQL(
                    """WITH d AS (SELECT %(derived)s FROM (%(select)s) %(columns)s
                                   WHERE src.spaced != ''),
                            del AS (
                                DELETE FROM vc_coi_name n
                                 USING (%(candidates)s) c(res_model, res_id)
                                 WHERE n.res_model = c.res_model
                                   AND n.res_id = c.res_id
                                   AND NOT EXISTS (SELECT 1 FROM d WHERE %(same)s)
                             RETURNING n.id),
                            ins AS (
                                INSERT INTO vc_coi_name
                                       (res_model, res_id, name, name_norm,
                                        name_core, source_kind, partner_id,
                                        declarant_id, company_id, create_uid,
                                        write_uid, create_date, write_date)
                                SELECT d.*, %(uid)s, %(uid)s, %(now)s, %(now)s
                                  FROM d
                                 WHERE NOT EXISTS (SELECT 1 FROM vc_coi_name n
                                                    WHERE %(same)s)
                             RETURNING id, name_core, name_norm),
                            core AS (
                                INSERT INTO %(core_table)s (core, variants)
                                SELECT name_core, vc_coi_core_variants(name_core)
                                  FROM (SELECT DISTINCT name_core FROM ins
                                         WHERE name_core IS NOT NULL) c
                                    ON CONFLICT DO NOTHING),
                            pair AS (
                                INSERT INTO %(pair_table)s (core, norm)
                                SELECT DISTINCT name_core, name_norm FROM ins
                                 WHERE name_core IS NOT NULL
                                    ON CONFLICT DO NOTHING),
                            norm AS (
                                INSERT INTO %(norm_table)s (norm)
                                SELECT DISTINCT name_norm FROM ins
                                    ON CONFLICT DO NOTHING)
                    SELECT (SELECT count(*) FROM del) + (SELECT count(*) FROM ins)""",
                    core_table=core_table,
                    pair_table=SQL.identifier(PAIR_TABLE),
                    norm_table=SQL.identifier(NORM_TABLE),
                    select=select,
                    columns=columns,
                    derived=derived,
                    candidates=candidates,
                    same=same,
                    uid=self.env.uid,
                    now=now,
                )
            )[0][0]
        if since is None:
            self._vc_refresh_cores()
        # the mark moves on at most every half lag: concurrent checks seldom
        # write the same parameter
        if since is None or now - since > timedelta(seconds=REFRESH_LAG_SECONDS * 1.5):
            param.set_param(REFRESH_PARAM, fields.Datetime.to_string(now))
        self.invalidate_model()
        return written

    @api.model
    def _vc_refresh_cores(self):
        """Rebuild the tables of the distinct core names and (core name, normal
        form) pairs, and of the distinct normal forms (set-based), each in the
        order of its key: the look-up reads the pairs of a core name, or the similar
        normal forms (mostly of the same region), from a few neighbouring pages."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """DELETE FROM %(cores)s;
                   DELETE FROM %(pairs)s;
                   INSERT INTO %(pairs)s (core, norm)
                   SELECT DISTINCT name_core, name_norm FROM vc_coi_name
                    WHERE name_core IS NOT NULL
                    ORDER BY 1, 2;
                   INSERT INTO %(cores)s (core, variants)
                   SELECT core, vc_coi_core_variants(core)
                     FROM (SELECT DISTINCT core FROM %(pairs)s) c
                    ORDER BY 1;
                   DELETE FROM %(norms)s;
                   INSERT INTO %(norms)s (norm)
                   SELECT DISTINCT name_norm FROM vc_coi_name ORDER BY 1""",
                cores=SQL.identifier(CORE_TABLE),
                pairs=SQL.identifier(PAIR_TABLE),
                norms=SQL.identifier(NORM_TABLE),
            )
        )

    @api.model
    def _vc_drop_stale(self, rows=None):
        """Delete index rows whose source record no longer exists (set-based, one
        anti-join per source model); ``rows`` restricts the look-up to those rows.
        Returns the ids deleted."""
        models_ = self.env.execute_query(
            SQL(
                "SELECT DISTINCT res_model FROM vc_coi_name %s",
                SQL("WHERE id IN %s", tuple(rows.ids)) if rows else SQL(),
            )
        )
        deleted = []
        for (model_name,) in models_:
            if model_name not in self.env:
                continue
            deleted += [
                r[0]
                for r in self.env.execute_query(
                    SQL(
                        """DELETE FROM vc_coi_name n
                            WHERE n.res_model = %(model)s %(restrict)s
                              AND NOT EXISTS (SELECT 1 FROM %(table)s s
                                               WHERE s.id = n.res_id)
                        RETURNING n.id""",
                        model=model_name,
                        restrict=SQL("AND n.id IN %s", tuple(rows.ids))
                        if rows
                        else SQL(),
                        table=SQL.identifier(self.env[model_name]._table),
                    )
                )
            ]
        if deleted:
            self.invalidate_model()
        return deleted

    @api.model
    def _cron_refresh_index(self):
        """Scheduled: incremental refresh, drop the rows of deleted sources and the
        core names, pairs and normal forms no name has any more, and merge the
        GIN indexes' pending lists (fast look-ups after bulk changes)."""
        self._vc_refresh_index()
        self._vc_drop_stale()
        self.env.cr.execute(
            SQL(
                """DELETE FROM %(pairs)s p
                    WHERE NOT EXISTS (SELECT 1 FROM vc_coi_name n
                                       WHERE n.name_norm = p.norm
                                         AND n.name_core = p.core);
                   DELETE FROM %(cores)s c
                    WHERE NOT EXISTS (SELECT 1 FROM %(pairs)s p
                                       WHERE p.core = c.core);
                   DELETE FROM %(norms)s m
                    WHERE NOT EXISTS (SELECT 1 FROM vc_coi_name n
                                       WHERE n.name_norm = m.norm)""",
                cores=SQL.identifier(CORE_TABLE),
                pairs=SQL.identifier(PAIR_TABLE),
                norms=SQL.identifier(NORM_TABLE),
            )
        )
        for index in (
            "vc_coi_name__name_norm_index",
            f"{CORE_TABLE}__core_index",
            f"{CORE_TABLE}__variants_index",
            f"{NORM_TABLE}__norm_index",
        ):
            try:
                with self.env.cr.savepoint(flush=False):
                    self.env.cr.execute(
                        SQL("SELECT gin_clean_pending_list(%s::regclass)", index)
                    )
            except psycopg2.Error:
                _logger.info("The pending list of %s could not be merged.", index)
